//! Polling TikTok Shop for creators' messages while Scout is open (a desktop app gets no webhooks): a
//! little after start, then on a calm interval, the workspace reads its unread conversations
//! (`Workspace::sync_conversations`: a reply moves the creator to replied). A shop not connected is
//! skipped quietly. "Check now" runs the same sync at once; one sync runs at a time. What the last look
//! found (when, what it stored, why it failed) is kept for the Inbox to show.

use crate::state::AppState;
use chrono::{DateTime, Utc};
use scout_app::{ErrorPayload, MessageSyncReport, Workspace};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tokio::sync::Mutex;
use ts_rs::TS;

/// After start, so the window's own first calls go first.
const FIRST_LOOK: Duration = Duration::from_secs(20);
/// How often the window looks for new messages: calm for TikTok Shop's rate limits, quick enough for
/// a conversation.
const LOOK_EVERY: Duration = Duration::from_secs(120);
/// Seconds between looks instead of [`LOOK_EVERY`] (the end-to-end tests look every few seconds).
const LOOK_EVERY_ENV: &str = "SCOUT_MESSAGE_POLL_SECONDS";

/// When the window last looked for messages and what it found.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[ts(export)]
pub struct MessagePollStatus {
    /// The last look that reached TikTok Shop (whatever it found).
    pub last_looked_at: Option<DateTime<Utc>>,
    pub last_report: Option<MessageSyncReport>,
    /// Why the last look failed (network down, reconnect needed), until one succeeds.
    pub last_error: Option<ErrorPayload>,
    /// A look is running now.
    pub looking: bool,
    /// Seconds between looks.
    pub every_seconds: u32,
    /// Moves to replied the looks made since Scout started (the pipeline reloads when it grows).
    pub moved_since_start: u32,
}

/// The window's message poll: its status (and the workspace it is about) and the lock that keeps to one
/// sync at a time.
#[derive(Debug, Default)]
pub struct MessagePoll {
    status: Mutex<(MessagePollStatus, Option<PathBuf>)>,
    running: Mutex<()>,
}

/// The refusal of a workspace whose TikTok Shop connection is gone (disconnected: its settings are kept
/// to fill the form again, its secrets are not): nothing to look with, and nothing wrong.
fn not_connected(e: &scout_app::AppError) -> bool {
    matches!(e, scout_app::AppError::InvalidField { field, .. } if field == "tiktok.connection")
}

fn look_every() -> Duration {
    std::env::var(LOOK_EVERY_ENV)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .map_or(LOOK_EVERY, Duration::from_secs)
}

impl MessagePoll {
    /// What the last look found, when it looked in `ws` (another workspace opened since: nothing yet).
    pub async fn status(&self, ws: Option<&Workspace>) -> MessagePollStatus {
        let (status, looked_in) = self.status.lock().await.clone();
        let mut status = match (ws, looked_in) {
            (Some(ws), Some(path)) if ws.path() == path => status,
            _ => MessagePollStatus { looking: status.looking, ..MessagePollStatus::default() },
        };
        status.every_seconds = u32::try_from(look_every().as_secs()).unwrap_or(u32::MAX);
        status
    }

    /// Reads new messages now (after a sync already running ends); the error is also kept for the
    /// Inbox to show until a look succeeds.
    pub async fn look(&self, ws: &Workspace) -> scout_app::Result<MessageSyncReport> {
        let _one_at_a_time = self.running.lock().await;
        {
            let mut guard = self.status.lock().await;
            if guard.1.as_deref() != Some(ws.path().as_path()) {
                *guard = (MessagePollStatus::default(), Some(ws.path()));
            }
            guard.0.looking = true;
        }
        let result = ws.sync_conversations().await;
        let mut guard = self.status.lock().await;
        let status = &mut guard.0;
        status.looking = false;
        match &result {
            Ok(report) => {
                status.last_looked_at = Some(Utc::now());
                status.moved_since_start = status.moved_since_start.saturating_add(report.moved_to_replied);
                status.last_report = Some(report.clone());
                status.last_error = None;
            }
            Err(e) if not_connected(e) => status.last_error = None,
            Err(e) => status.last_error = Some(e.payload()),
        }
        result
    }

    /// Looks for messages a little after start, then every [`LOOK_EVERY`], while a connected workspace
    /// is open.
    pub fn watch(app: AppHandle) {
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(FIRST_LOOK.min(look_every())).await;
            loop {
                if let Ok(ws) = app.state::<AppState>().workspace().await {
                    // Not connected (or never was): nothing to look with; the Inbox says so.
                    if matches!(ws.tiktok_connection().await, Ok(Some(_))) {
                        match app.state::<MessagePoll>().look(&ws).await {
                            Ok(r) if r.new_messages > 0 || !r.errors.is_empty() => tracing::info!(
                                new = r.new_messages,
                                replies = r.replies,
                                errors = r.errors.len(),
                                "messages polled"
                            ),
                            Ok(_) => {}
                            Err(e) if not_connected(&e) => {}
                            Err(e) => tracing::warn!(error = %e, "polling messages failed; trying later"),
                        }
                    }
                }
                tokio::time::sleep(look_every()).await;
            }
        });
    }
}
