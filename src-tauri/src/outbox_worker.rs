//! The outbox worker as the desktop runs it: one background delivery at a time (the app layer's runner:
//! every channel with offers due) started when offers are queued (or by "Send now"), stopped by "Stop",
//! its last report kept for the send queue screen to poll. A minute's watch starts it again when offers
//! become due (a retry's time has come).

use scout_app::{CancelToken, ErrorPayload, OfferChannel, OutboxReport, OutboxRun, Workspace};
use serde::Serialize;
use std::sync::Arc;
use tokio::sync::Mutex;
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct OutboxStatus {
    pub running: bool,
    /// The last run's counts, notes and each channel's problem (no password, network down, reconnect).
    pub last_report: Option<OutboxReport>,
    /// Why the last run could not run at all (the workspace could not be read).
    pub last_error: Option<ErrorPayload>,
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
            let run = ws.run_outbox(&OutboxRun::default(), &cancel).await;
            let mut status = shared.lock().await;
            status.running = false;
            match run {
                Ok(report) => status.last_report = Some(report),
                Err(e) => {
                    tracing::warn!(error = %e, "outbox run failed");
                    status.last_error = Some(e.payload());
                }
            }
        });
    }

    /// Starts delivering now unless a run is going or the seller stopped the queue (what they just
    /// queued goes at once; a "Stop" holds it).
    pub async fn nudge(&self, ws: Workspace) {
        if !self.paused.load(std::sync::atomic::Ordering::SeqCst) {
            self.run(ws).await;
        }
    }

    /// Every minute, starts a delivery when offers or TikTok Shop actions are due (queued before a
    /// restart, or a retry whose time has come) and none is running.
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
                // Sample reviews and messages, and those an earlier stop left to be checked.
                due |= ws.has_tiktok_actions_to_run().await.unwrap_or(false);
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
