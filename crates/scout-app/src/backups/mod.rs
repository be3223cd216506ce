//! Backups of the workspace: made by hand ("Back up now", `scout backup create`), once a day while
//! Scout is open (`back_up_daily_if_due`, which the desktop app calls), before every migration (the
//! store does that as it opens) and before every restore; listed, described and verified from their
//! files; a restore replaces the workspace file only after the backup passed its check and the current
//! workspace was kept. The folder is the workspace's `backups.folder` setting, else `backups/` beside it.

use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_store::backup::{self, FOLDER_SETTING};
use scout_store::{Backup, BackupKind, BackupSummary, RestoreReport, Store};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How often the desktop app asks whether the day's backup is due.
pub const DAILY_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(3 * 60 * 60);

/// The Backups section of Settings: the folder and every backup in it, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupOverview {
    pub folder: String,
    /// The folder is the default one (`backups/` beside the workspace), not one the seller chose.
    pub folder_is_default: bool,
    /// The newest readable backup of this workspace.
    pub last: Option<Backup>,
    pub backups: Vec<Backup>,
}

impl Workspace {
    pub async fn backup_folder(&self) -> Result<PathBuf> {
        Ok(self.store.backup_folder().await?)
    }

    /// Names the backup folder (`None`: back to the default). It must be an absolute path Scout can
    /// create; it is created now, so a folder that cannot be used is said at once.
    #[tracing::instrument(skip(self))]
    pub async fn set_backup_folder(&self, folder: Option<PathBuf>) -> Result<PathBuf> {
        if let Some(folder) = &folder {
            let refuse = |message: String| AppError::InvalidField { field: "folder".into(), message };
            if !folder.is_absolute() {
                return Err(refuse(format!(
                    "the backup folder must be a full path; '{}' is not",
                    folder.display()
                )));
            }
            std::fs::create_dir_all(folder)
                .map_err(|e| refuse(format!("cannot use {} as the backup folder: {e}", folder.display())))?;
        }
        self.set_json_setting(FOLDER_SETTING, &folder).await?;
        self.backup_folder().await
    }

    /// A backup now (kind manual).
    #[tracing::instrument(skip(self))]
    pub async fn back_up_now(&self) -> Result<Backup> {
        let folder = self.backup_folder().await?;
        Ok(self.store.back_up(&folder, BackupKind::Manual).await?)
    }

    /// The day's automatic backup (UTC day), when this workspace has none from today yet.
    #[tracing::instrument(skip(self))]
    pub async fn back_up_daily_if_due(&self) -> Result<Option<Backup>> {
        let folder = self.backup_folder().await?;
        let today = Utc::now().date_naive();
        let name = self.workspace_file_name();
        let done =
            backup::list(&folder).await?.into_iter().filter_map(|b| b.summary).any(|s| {
                s.kind == BackupKind::Daily && s.workspace == name && s.taken_at.date_naive() == today
            });
        if done {
            return Ok(None);
        }
        Ok(Some(self.store.back_up(&folder, BackupKind::Daily).await?))
    }

    /// The folder and the backups in it.
    #[tracing::instrument(skip(self))]
    pub async fn backups(&self) -> Result<BackupOverview> {
        let folder = self.backup_folder().await?;
        let backups = backup::list(&folder).await?;
        let name = self.workspace_file_name();
        let last = backups.iter().find(|b| b.summary.as_ref().is_some_and(|s| s.workspace == name)).cloned();
        Ok(BackupOverview {
            folder_is_default: folder == backup::default_folder(self.store.path()),
            folder: folder.display().to_string(),
            last,
            backups,
        })
    }

    /// Replaces this workspace with the backup at `backup` — after a pre-restore backup of it — and
    /// opens the result. This workspace is closed first (every clone of it with it); use the one
    /// returned. On a refusal the workspace is reopened as it was.
    #[tracing::instrument(skip(self))]
    pub async fn restore_backup(self, backup: &Path) -> Result<(Workspace, RestoreReport)> {
        let path = self.path();
        let folder = self.backup_folder().await?;
        let keychain = self.keychain.clone();
        self.close().await;
        let restored = backup::restore(&path, backup, &folder, Store::newest_schema()).await;
        let reopened = Workspace::open(&path).await?.with_keychain(keychain);
        Ok((reopened, restored?))
    }

    fn workspace_file_name(&self) -> String {
        self.store.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// What the backup at `path` holds (date, kind, counts), read from it without checking every page.
#[tracing::instrument]
pub async fn describe_backup(path: &Path) -> Result<BackupSummary> {
    Ok(backup::describe(path).await?)
}

/// Checks every page of the backup at `path` and says what it holds.
#[tracing::instrument]
pub async fn verify_backup(path: &Path) -> Result<BackupSummary> {
    Ok(backup::verify(path).await?)
}

/// Restores the workspace file at `workspace` — which need not open (a damaged file) and must not be
/// open anywhere — from the backup at `backup`. The current file is kept in its backup folder first.
#[tracing::instrument]
pub async fn restore_workspace_file(workspace: &Path, backup: &Path) -> Result<RestoreReport> {
    let folder = backup::folder_of(workspace).await;
    Ok(backup::restore(workspace, backup, &folder, Store::newest_schema()).await?)
}

/// The backups in the folder the workspace file at `workspace` names (read without opening it).
#[tracing::instrument]
pub async fn backups_of(workspace: &Path) -> Result<(PathBuf, Vec<Backup>)> {
    let folder = backup::folder_of(workspace).await;
    let list = backup::list(&folder).await?;
    Ok((folder, list))
}
