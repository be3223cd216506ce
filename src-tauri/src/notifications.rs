//! The desktop notification for follow-ups: shortly after start and then every hour, when follow-ups
//! are due and the seller has not been told today (the workspace remembers), one notification says how
//! many and whom. A system without a notification service only logs it.

use crate::state::AppState;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

const FIRST_CHECK: Duration = Duration::from_secs(20);
const EVERY: Duration = Duration::from_secs(3600);

pub fn watch_follow_ups(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK).await;
        loop {
            notify_once(&app).await;
            tokio::time::sleep(EVERY).await;
        }
    });
}

async fn notify_once(app: &AppHandle) {
    let Ok(ws) = app.state::<AppState>().workspace().await else { return };
    match ws.follow_up_notice().await {
        Ok(Some(text)) => {
            if let Err(e) = app.notification().builder().title("Scout: follow-ups due").body(&text).show() {
                tracing::info!(error = %e, notice = %text, "no desktop notification service");
            }
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "cannot work out follow-ups"),
    }
}
