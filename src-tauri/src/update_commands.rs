//! The commands of Settings → Updates and of the update notice; the work is in `updates.rs`.

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;
use crate::update_status::{UpdateOverview, UpdateStatus};
use crate::updates::Updates;
use scout_app::ErrorCode;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

#[tauri::command]
pub fn update_status(app: AppHandle, updates: State<'_, Updates>) -> UpdateOverview {
    updates.overview(&app)
}

#[tauri::command]
pub async fn check_for_updates(app: AppHandle, updates: State<'_, Updates>) -> IpcResult<UpdateOverview> {
    updates.check(&app).await;
    Ok(updates.overview(&app))
}

/// Downloads, verifies and installs the update the last check found; `on_progress` hears each state.
#[tauri::command]
pub async fn install_update(
    app: AppHandle,
    state: State<'_, AppState>,
    updates: State<'_, Updates>,
    on_progress: Channel<UpdateStatus>,
) -> IpcResult<UpdateOverview> {
    updates
        .install(&state, |status| {
            let _ = on_progress.send(status.clone());
        })
        .await?;
    Ok(updates.overview(&app))
}

/// Restarts Scout into the version just installed.
#[tauri::command]
pub fn restart_after_update(app: AppHandle, updates: State<'_, Updates>) -> IpcResult<()> {
    if !matches!(updates.status(), UpdateStatus::Installed { .. }) {
        return Err(IpcError::new(ErrorCode::InvalidInput, "No update has been installed yet."));
    }
    app.restart()
}
