//! Backups from the window: the Settings section's overview, "Back up now", the folder, what a backup
//! holds (shown before a restore), the restore itself — the workspace closed, replaced and opened again
//! — and the day's automatic backup: shortly after start, then every few hours, made when this
//! workspace has none from today.

use crate::error::IpcResult;
use crate::state::AppState;
use scout_app::{Backup, BackupOverview, BackupSummary, RestoreReport};
use std::path::PathBuf;
use std::time::Duration;
use tauri::{AppHandle, Manager, State};

/// The first look, once the window has drawn its first table.
const FIRST_CHECK: Duration = Duration::from_secs(60);

#[tauri::command]
pub async fn backup_overview(state: State<'_, AppState>) -> IpcResult<BackupOverview> {
    Ok(state.workspace().await?.backups().await?)
}

#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> IpcResult<Backup> {
    Ok(state.workspace().await?.back_up_now().await?)
}

/// Names the backup folder (`null`: the default beside the workspace); returns the new overview.
#[tauri::command]
pub async fn set_backup_folder(
    state: State<'_, AppState>,
    folder: Option<PathBuf>,
) -> IpcResult<BackupOverview> {
    let ws = state.workspace().await?;
    ws.set_backup_folder(folder).await?;
    Ok(ws.backups().await?)
}

/// What a backup holds, read from its summary at once (before its check, which takes longer).
#[tauri::command]
pub async fn describe_backup(path: PathBuf) -> IpcResult<BackupSummary> {
    Ok(scout_app::describe_backup(&path).await?)
}

/// Checks every page of a backup (`PRAGMA integrity_check`) and says what it holds.
#[tauri::command]
pub async fn verify_backup(path: PathBuf) -> IpcResult<BackupSummary> {
    Ok(scout_app::verify_backup(&path).await?)
}

/// Replaces the workspace with the backup at `path` (the workspace as it was is backed up first), then
/// opens it again as the current workspace — also when the restore was refused.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> IpcResult<RestoreReport> {
    let ws = state.workspace().await?;
    let workspace = ws.path();
    let restored = ws.restore_backup(&path).await;
    if let Ok((reopened, _)) = &restored {
        reopened.close().await; // the state opens its own below
    }
    state.open(&workspace).await?;
    Ok(restored?.1)
}

pub fn watch_daily_backup(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_CHECK).await;
        loop {
            if let Ok(ws) = app.state::<AppState>().workspace().await {
                match ws.back_up_daily_if_due().await {
                    Ok(Some(made)) => tracing::info!(path = %made.path.display(), "the day's backup is made"),
                    Ok(None) => {}
                    Err(e) => tracing::error!(error = %e, "the day's backup failed; trying again later"),
                }
            }
            tokio::time::sleep(scout_app::DAILY_CHECK_EVERY).await;
        }
    });
}
