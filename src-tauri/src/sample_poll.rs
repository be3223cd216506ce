//! Syncing the shop's sample requests while Scout is open, so the seller's rule decides on its own and
//! the samples on their way are followed (pipeline, post reminders): a little after start, then every
//! half hour, for a connected workspace (a shop not connected is skipped quietly). The Samples screen's
//! "Sync" runs the same sync; one runs at a time, so the rule never decides a request twice. When the
//! rule decided or a reminder was queued, the outbox is started to send them.

use crate::state::AppState;
use chrono::{DateTime, Utc};
use scout_app::{ErrorPayload, SamplesSynced, Workspace};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tokio::sync::Mutex;
use ts_rs::TS;

/// After start, after the message poll's first look.
const FIRST_SYNC: Duration = Duration::from_secs(45);
/// Sample requests wait days for a decision: half an hour is prompt and calm for TikTok Shop's limits.
const SYNC_EVERY: Duration = Duration::from_secs(30 * 60);

/// When the window last synced sample requests, and why the last sync failed if it did.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct SampleSyncStatus {
    pub last_synced_at: Option<DateTime<Utc>>,
    pub last_error: Option<ErrorPayload>,
    pub syncing: bool,
    pub every_minutes: u32,
}

/// The window's sample sync: its status (and the workspace it is about) and the lock that keeps to one
/// sync at a time.
#[derive(Debug, Default)]
pub struct SamplePoll {
    status: Mutex<(SampleSyncStatus, Option<PathBuf>)>,
    running: Mutex<()>,
}

impl SamplePoll {
    /// The last sync's time and error, when it was of `ws`.
    pub async fn status(&self, ws: &Workspace) -> SampleSyncStatus {
        let (status, synced) = self.status.lock().await.clone();
        let mut status =
            if synced.as_deref() == Some(ws.path().as_path()) { status } else { SampleSyncStatus::default() };
        status.every_minutes = u32::try_from(SYNC_EVERY.as_secs() / 60).unwrap_or(u32::MAX);
        status
    }

    /// Syncs now (after a sync already running ends), the rule deciding and the samples followed; starts
    /// the outbox when there is something to send.
    pub async fn sync(&self, app: &AppHandle, ws: &Workspace) -> scout_app::Result<SamplesSynced> {
        let _one_at_a_time = self.running.lock().await;
        {
            let mut guard = self.status.lock().await;
            if guard.1.as_deref() != Some(ws.path().as_path()) {
                *guard = (SampleSyncStatus::default(), Some(ws.path()));
            }
            guard.0.syncing = true;
        }
        let result = ws.sync_samples_and_apply_rule().await;
        {
            let mut guard = self.status.lock().await;
            guard.0.syncing = false;
            match &result {
                Ok(_) => {
                    guard.0.last_synced_at = Some(Utc::now());
                    guard.0.last_error = None;
                }
                Err(e) => guard.0.last_error = Some(e.payload()),
            }
        }
        if let Ok(synced) = &result {
            let decided = synced.rule.as_ref().is_some_and(|r| r.approved + r.rejected > 0);
            if decided || synced.follow.reminders_queued > 0 {
                app.state::<AppState>().outbox.nudge(ws.clone()).await;
            }
        }
        result
    }

    /// Syncs a little after start, then every [`SYNC_EVERY`], while a connected workspace is open.
    pub fn watch(app: AppHandle) {
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(FIRST_SYNC).await;
            loop {
                if let Ok(ws) = app.state::<AppState>().workspace().await {
                    if matches!(ws.tiktok_connection().await, Ok(Some(_))) {
                        match app.state::<SamplePoll>().sync(&app, &ws).await {
                            Ok(s) => tracing::info!(
                                fetched = s.sync.fetched,
                                rule = ?s.rule,
                                reminders = s.follow.reminders_queued,
                                "sample requests synced"
                            ),
                            Err(e) => {
                                tracing::warn!(error = %e, "syncing sample requests failed; trying later")
                            }
                        }
                    }
                }
                tokio::time::sleep(SYNC_EVERY).await;
            }
        });
    }
}
