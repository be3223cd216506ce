//! The outbox worker as the desktop runs it: one background delivery at a time — e-mail, then TikTok
//! Shop, each only when it has offers due — started when offers are queued (or by "Send now"), stopped
//! by "Stop", its last report and problems kept for the send queue screen to poll. A minute's watch
//! starts it again when offers become due (a retry's time has come).

use scout_app::{CancelToken, OfferChannel, OutboxReport, Workspace};
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
    /// Set by "Stop": the minute's watch leaves the queue alone until the seller starts it again.
    paused: std::sync::atomic::AtomicBool,
}

impl OutboxWorker {
    pub async fn status(&self) -> OutboxStatus {
        self.status.lock().await.clone()
    }

    /// Starts delivering in the background unless a run is already going (the seller's own start: it
    /// also lifts a "Stop").
    pub async fn start(&self, ws: Workspace) {
        self.paused.store(false, std::sync::atomic::Ordering::SeqCst);
        self.run(ws).await;
    }

    async fn run(&self, ws: Workspace) {
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
            let (report, problems) = deliver(&ws, &cancel).await;
            let mut status = shared.lock().await;
            status.running = false;
            status.last_report = Some(report);
            status.last_error = (!problems.is_empty()).then(|| problems.join(" "));
        });
    }

    /// Every minute, starts a delivery when offers are due (queued before a restart, or a retry whose
    /// time has come) and none is running.
    pub fn watch(app: tauri::AppHandle) {
        use tauri::Manager;
        tauri::async_runtime::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                let state = app.state::<crate::state::AppState>();
                let Ok(ws) = state.workspace().await else { continue };
                let mut due = false;
                for channel in [OfferChannel::Email, OfferChannel::Tiktok] {
                    due |= ws.has_due_offers(channel).await.unwrap_or(false);
                }
                if due && !state.outbox.paused.load(std::sync::atomic::Ordering::SeqCst) {
                    state.outbox.run(ws).await;
                }
            }
        });
    }

    /// Asks the running delivery to stop after the message in flight.
    pub async fn stop(&self) {
        self.paused.store(true, std::sync::atomic::Ordering::SeqCst);
        self.cancel.lock().await.cancel();
    }
}

/// Runs each channel that has offers due; a channel that cannot run (no account, keychain locked) is a
/// problem to show, and does not stop the other.
async fn deliver(ws: &Workspace, cancel: &CancelToken) -> (OutboxReport, Vec<String>) {
    let mut total = OutboxReport::default();
    let mut problems = Vec::new();
    for channel in [OfferChannel::Email, OfferChannel::Tiktok] {
        match ws.has_due_offers(channel).await {
            Ok(false) => continue,
            Ok(true) => {}
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        }
        let run = match channel {
            OfferChannel::Tiktok => ws.run_tiktok_outbox(cancel).await,
            _ => ws.run_email_outbox(cancel).await,
        };
        match run {
            Ok(r) => {
                total.sent += r.sent;
                total.failed += r.failed;
                total.retrying += r.retrying;
                total.needs_check += r.needs_check;
                total.capped |= r.capped;
                problems.extend(r.notes);
            }
            Err(e) => {
                tracing::warn!(?channel, error = %e, "outbox stopped");
                problems.push(e.to_string());
            }
        }
    }
    (total, problems)
}
