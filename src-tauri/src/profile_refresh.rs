//! The scheduled refresh of stale TikTok Shop profiles while Scout is open: a few minutes after start,
//! then every few hours, the workspace refreshes profiles older than a month (at most once a day, a
//! capped number; `scout_app::tiktok::profile_refresh`). A shop not connected is skipped quietly.

use crate::state::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// After start, so the window's own first calls go first.
const FIRST_CHECK: Duration = Duration::from_secs(5 * 60);
const CHECK_EVERY: Duration = Duration::from_secs(4 * 60 * 60);

pub fn watch_stale_profiles(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK).await;
        loop {
            if let Ok(ws) = app.state::<AppState>().workspace().await {
                match ws.refresh_stale_profiles_if_due(&scout_app::CancelToken::default()).await {
                    Ok(Some(r)) => tracing::info!(
                        fetched = r.fetched,
                        failed = r.failed.len(),
                        stopped = r.stopped.as_deref().unwrap_or(""),
                        "stale TikTok Shop profiles refreshed"
                    ),
                    Ok(None) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "refreshing stale TikTok Shop profiles failed; trying later")
                    }
                }
            }
            tokio::time::sleep(CHECK_EVERY).await;
        }
    });
}
