//! Putting a backup back in place of a workspace file. The caller has closed the workspace. Nothing
//! changes until the backup has passed its integrity check and the current workspace has been kept: as
//! a pre-restore backup when it is readable, else as a raw copy of its files (`.damaged`), so a restore
//! never loses what the workspace held. The backup is copied beside the workspace under a temporary
//! name and renamed over it in one step; the workspace's WAL belongs to the file being replaced and is
//! removed first (its content is in the pre-restore backup), so it is never replayed into the restored one.

use super::{back_up_file, files, summary, Backup, BackupKind, BackupSummary};
use crate::{Result, StoreError};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    /// What the workspace holds now.
    pub restored: BackupSummary,
    /// The backup of the workspace as it was just before, when it could be made.
    pub pre_restore: Option<Backup>,
    /// When the workspace was too damaged to back up: where its files were copied as they were.
    #[ts(type = "string | null")]
    pub damaged_copy: Option<PathBuf>,
}

/// Replaces the (closed) workspace at `workspace` with the backup at `backup`, keeping the current one
/// in `folder` first. `newest_schema` is the newest migration this build knows: a backup from a newer
/// Scout is refused before anything changes.
#[tracing::instrument]
pub async fn restore(
    workspace: &Path,
    backup: &Path,
    folder: &Path,
    newest_schema: i64,
) -> Result<RestoreReport> {
    let restored = summary::verify(backup).await?;
    if restored.schema_version > newest_schema {
        return Err(StoreError::NewerWorkspace {
            path: backup.to_path_buf(),
            version: restored.schema_version,
        });
    }
    let wal = with_suffix(workspace, "-wal");
    let (pre_restore, damaged_copy) =
        if workspace.exists() { keep_current(workspace, folder).await? } else { (None, None) };
    if wal.exists() && damaged_copy.is_none() {
        // Closing the last connection checkpoints and removes the WAL: one still there means another
        // Scout (the window, or a `scout` command) has the workspace open. The backup just made of it
        // goes too: nothing was done.
        if let Some(made) = &pre_restore {
            let _ = std::fs::remove_file(&made.path);
        }
        return Err(StoreError::WorkspaceInUse { path: workspace.to_path_buf() });
    }

    let incoming = with_prefix(workspace, ".", ".restoring");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    std::fs::copy(backup, &incoming).map_err(io(&incoming))?;
    if let Err(e) = prepare(&incoming).await {
        let _ = std::fs::remove_file(&incoming);
        return Err(e);
    }
    for stale in [wal, with_suffix(workspace, "-shm"), with_suffix(workspace, "-journal")] {
        match std::fs::remove_file(&stale) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&stale)(e)),
            _ => {}
        }
    }
    std::fs::rename(&incoming, workspace).map_err(io(workspace))?;
    #[cfg(unix)]
    if let Some(dir) = workspace.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    tracing::info!(workspace = %workspace.display(), backup = %backup.display(), "workspace restored from a backup");
    Ok(RestoreReport { restored, pre_restore, damaged_copy })
}

/// The current workspace, kept before it is replaced: a pre-restore backup, or — when it cannot be
/// read whole — a raw copy of its files into `folder`.
async fn keep_current(workspace: &Path, folder: &Path) -> Result<(Option<Backup>, Option<PathBuf>)> {
    match back_up_file(workspace, folder, BackupKind::PreRestore).await {
        Ok(backup) => Ok((Some(backup), None)),
        Err(e) => {
            tracing::warn!(error = %e, "the workspace cannot be backed up whole; copying its files as they are");
            files::create_folder(folder)?;
            let stem = workspace
                .file_stem()
                .map_or_else(|| "workspace".into(), |s| s.to_string_lossy().into_owned());
            let at = chrono::Utc::now().format("%Y-%m-%d-%H%M%S");
            let copy = folder.join(format!("{stem}-{at}-pre-restore.damaged"));
            for (from, to) in [
                (workspace.to_path_buf(), copy.clone()),
                (with_suffix(workspace, "-wal"), with_suffix(&copy, "-wal")),
            ] {
                if from.exists() {
                    std::fs::copy(&from, &to)
                        .map_err(|source| StoreError::Io { path: to.clone(), source })?;
                }
            }
            Ok((None, Some(copy)))
        }
    }
}

/// The copied backup as a workspace: its summary table out, one file (no journal), checked again.
async fn prepare(incoming: &Path) -> Result<()> {
    let mut db = SqliteConnectOptions::new()
        .filename(incoming)
        .create_if_missing(false)
        .journal_mode(SqliteJournalMode::Delete)
        .foreign_keys(false)
        .connect()
        .await?;
    summary::remove(&mut db).await?;
    summary::check_integrity(&mut db, incoming).await?;
    db.close().await?;
    std::fs::File::open(incoming)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io { path: incoming.to_path_buf(), source })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    with_prefix(path, "", suffix)
}

fn with_prefix(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{prefix}{name}{suffix}"))
}
