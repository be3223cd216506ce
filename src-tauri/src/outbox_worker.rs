//! The e-mail outbox worker as the desktop runs it: one background delivery at a time, started when
//! offers are queued (or by "Send now"), stopped by "Stop", its last report and error kept for the
//! send queue screen to poll.

use scout_app::{CancelToken, OutboxReport, Workspace};
use serde::Serialize;
use std::sync::Arc;
use tokio::sync::Mutex;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct OutboxStatus {
    pub running: bool,
    pub last_report: Option<OutboxReport>,
    /// Why the last run stopped early (no password saved, keychain locked, server unreachable).
    pub last_error: Option<String>,
}

#[derive(Debug, Default)]
pub struct OutboxWorker {
    status: Arc<Mutex<OutboxStatus>>,
    cancel: Mutex<CancelToken>,
}

impl OutboxWorker {
    pub async fn status(&self) -> OutboxStatus {
        self.status.lock().await.clone()
    }

    /// Starts delivering in the background unless a run is already going.
    pub async fn start(&self, ws: Workspace) {
        let mut status = self.status.lock().await;
        if status.running {
            return;
        }
        status.running = true;
        status.last_error = None;
        let cancel = CancelToken::default();
        *self.cancel.lock().await = cancel.clone();
        let shared = self.status.clone();
        tauri::async_runtime::spawn(async move {
            let result = ws.run_email_outbox(&cancel).await;
            let mut status = shared.lock().await;
            status.running = false;
            match result {
                Ok(report) => status.last_report = Some(report),
                Err(e) => {
                    tracing::warn!(error = %e, "e-mail outbox stopped");
                    status.last_error = Some(e.to_string());
                }
            }
        });
    }

    /// Asks the running delivery to stop after the message in flight.
    pub async fn stop(&self) {
        self.cancel.lock().await.cancel();
    }
}
