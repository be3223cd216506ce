//! Backups of a workspace: a consistent copy made with SQLite's online backup API while other work
//! goes on (`online_copy.rs`), written under a temporary name in the backup folder, checked with
//! `PRAGMA integrity_check` and only then renamed into place — so a backup that is listed is whole, and a
//! process killed mid-backup leaves a `.partial` file that is never listed and is removed by the next
//! backup. Each backup carries its summary in a table of its own (`scout_backup`: when, what kind, the
//! schema version and the counts of what it holds), readable without opening it as a workspace.
//! Retention (`retention.rs`) prunes daily backups only; `restore.rs` puts one back in place.

mod files;
mod online_copy;
mod restore;
pub mod retention;
mod summary;

pub use restore::{restore, RestoreReport};

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The file extension of a finished backup.
pub const BACKUP_EXTENSION: &str = "scout-backup";
/// The workspace setting that names another backup folder (a JSON string); absent = the default.
pub const FOLDER_SETTING: &str = "backups.folder";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupKind {
    /// The day's automatic backup while Scout is open.
    Daily,
    /// "Back up now" or `scout backup create`.
    Manual,
    /// Made before the workspace's schema was brought up to date.
    PreMigration,
    /// Made before another backup replaced the workspace.
    PreRestore,
}

impl BackupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::PreMigration => "pre-migration",
            BackupKind::PreRestore => "pre-restore",
        }
    }

    fn parse(s: &str) -> Option<BackupKind> {
        [BackupKind::Daily, BackupKind::Manual, BackupKind::PreMigration, BackupKind::PreRestore]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// What a backup holds, read from the backup itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupSummary {
    pub taken_at: DateTime<Utc>,
    pub kind: BackupKind,
    /// The file name of the workspace it was taken from.
    pub workspace: String,
    /// The newest migration the workspace had (0 for none).
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub creators: u64,
    #[ts(type = "number")]
    pub campaigns: u64,
    #[ts(type = "number")]
    pub offers: u64,
    #[ts(type = "number")]
    pub order_lines: u64,
}

/// One backup file in a backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Backup {
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// `None` when the file's summary cannot be read (then `problem` says why).
    pub summary: Option<BackupSummary>,
    pub problem: Option<String>,
}

/// The folder backups go to when the workspace names none: `backups/` beside the workspace file.
pub fn default_folder(workspace: &Path) -> PathBuf {
    workspace.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("backups")
}

impl Store {
    /// Where this workspace's backups go: the folder its settings name, else the default.
    pub async fn backup_folder(&self) -> Result<PathBuf> {
        let named = match self.setting(FOLDER_SETTING).await? {
            Some(json) => {
                serde_json::from_str::<Option<PathBuf>>(&json).map_err(|e| StoreError::Corrupt {
                    table: "settings",
                    column: "value",
                    id: 0,
                    message: format!("{FOLDER_SETTING}: {e}"),
                })?
            }
            None => None,
        };
        Ok(named.unwrap_or_else(|| default_folder(&self.path)))
    }

    /// Backs the open workspace up into `folder`, then prunes the folder's daily backups of this
    /// workspace (retention). Other connections may keep writing meanwhile.
    #[tracing::instrument(skip(self), fields(workspace = %self.path.display()))]
    pub async fn back_up(&self, folder: &Path, kind: BackupKind) -> Result<Backup> {
        let source = self.options.clone().connect().await?;
        let backup = write(source, &self.path, folder, kind).await?;
        prune(folder, &self.path).await?;
        Ok(backup)
    }
}

/// Backs up the workspace file at `workspace` without opening it as a workspace (no migration; used
/// before a restore, when the workspace may not open).
pub async fn back_up_file(workspace: &Path, folder: &Path, kind: BackupKind) -> Result<Backup> {
    let source = SqliteConnectOptions::new()
        .filename(workspace)
        .create_if_missing(false)
        .connect()
        .await
        .map_err(|source| StoreError::Open { path: workspace.to_path_buf(), source })?;
    let backup = write(source, workspace, folder, kind).await?;
    prune(folder, workspace).await?;
    Ok(backup)
}

/// Copies `source` into a new backup in `folder`: a `.partial` file first, checked, then renamed.
async fn write(
    source: SqliteConnection,
    workspace: &Path,
    folder: &Path,
    kind: BackupKind,
) -> Result<Backup> {
    let started = std::time::Instant::now();
    files::create_folder(folder)?;
    files::remove_abandoned(folder);
    let taken_at = Utc::now();
    let name = workspace.file_name().map_or_else(|| "workspace".into(), |n| n.to_string_lossy().into_owned());
    let target = files::free_name(folder, &name, taken_at, kind);
    let partial = files::Partial::start(&target)?;
    let summary = match copy_and_check(source, partial.path(), taken_at, kind, &name).await {
        Ok(summary) => summary,
        Err(e) => {
            partial.abandon();
            return Err(match e {
                e @ StoreError::BackupDamaged { .. } => e,
                e => StoreError::Backup { path: target, message: e.to_string() },
            });
        }
    };
    let size_bytes = partial.finish()?;
    tracing::info!(path = %target.display(), kind = kind.as_str(), size_bytes, creators = summary.creators,
        elapsed_ms = started.elapsed().as_millis() as u64, "backup written");
    Ok(Backup { path: target, size_bytes, summary: Some(summary), problem: None })
}

/// The copy into `partial`, its summary and its integrity check; `partial` is closed after.
async fn copy_and_check(
    source: SqliteConnection,
    partial: &Path,
    taken_at: DateTime<Utc>,
    kind: BackupKind,
    workspace: &str,
) -> Result<BackupSummary> {
    let dest = SqliteConnectOptions::new()
        .filename(partial)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Delete)
        .foreign_keys(false)
        .connect()
        .await?;
    let (source, mut dest) = online_copy::copy_pages(source, dest).await?;
    source.close().await?;
    // The copy carries the source's journal mode (WAL): one self-contained file instead.
    sqlx::query("PRAGMA journal_mode = DELETE").execute(&mut dest).await?;
    let summary = summary::summarize(&mut dest, taken_at, kind, workspace).await?;
    summary::write(&mut dest, &summary).await?;
    summary::check_integrity(&mut dest, partial).await?;
    dest.close().await?;
    Ok(summary)
}

/// Every backup in `folder`, newest first; a file whose summary cannot be read is listed with why.
pub async fn list(folder: &Path) -> Result<Vec<Backup>> {
    let mut out = Vec::new();
    for path in files::finished(folder)? {
        let size_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        match summary::read(&path).await {
            Ok(summary) => out.push(Backup { path, size_bytes, summary: Some(summary), problem: None }),
            Err(e) => out.push(Backup { path, size_bytes, summary: None, problem: Some(e.to_string()) }),
        }
    }
    out.sort_by(|a, b| {
        let at = |x: &Backup| x.summary.as_ref().map(|s| s.taken_at);
        at(b).cmp(&at(a)).then_with(|| b.path.cmp(&a.path))
    });
    Ok(out)
}

/// What the backup at `path` holds, read from it without checking all of it.
pub async fn describe(path: &Path) -> Result<BackupSummary> {
    summary::read(path).await
}

/// Checks every page of the backup at `path` (`PRAGMA integrity_check`) and reads its summary.
pub async fn verify(path: &Path) -> Result<BackupSummary> {
    summary::verify(path).await
}

/// Deletes the daily backups of `workspace` in `folder` that retention does not keep. Backups of other
/// workspaces sharing the folder, and unreadable files, are left alone.
async fn prune(folder: &Path, workspace: &Path) -> Result<()> {
    let name = workspace.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let ours: Vec<(PathBuf, BackupSummary)> = list(folder)
        .await?
        .into_iter()
        .filter_map(|b| b.summary.filter(|s| s.workspace == name).map(|s| (b.path, s)))
        .collect();
    let dated: Vec<_> = ours.iter().map(|(_, s)| (s.taken_at, s.kind)).collect();
    for ((path, _), keep) in ours.iter().zip(retention::keep(&dated)) {
        if !keep {
            match std::fs::remove_file(path) {
                Ok(()) => tracing::info!(path = %path.display(), "old daily backup removed (retention)"),
                Err(e) => tracing::warn!(path = %path.display(), error = %e, "cannot remove an old backup"),
            }
        }
    }
    Ok(())
}

impl Store {
    /// Before migrations change a workspace that has data, a backup of it as it is (kind
    /// `pre-migration`). A brand-new file (no migration applied yet) needs none.
    pub(crate) async fn back_up_before_migrating(&self, migrator: &sqlx::migrate::Migrator) -> Result<()> {
        if !self.has_table("_sqlx_migrations").await? {
            return Ok(());
        }
        let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(&self.pool)
            .await?;
        let pending = migrator
            .iter()
            .filter(|m| !m.migration_type.is_down_migration())
            .any(|m| !applied.contains(&m.version));
        if !pending {
            return Ok(());
        }
        let folder = if self.has_table("settings").await? {
            self.backup_folder().await?
        } else {
            default_folder(&self.path)
        };
        tracing::info!(folder = %folder.display(), "backing the workspace up before bringing it up to date");
        self.back_up(&folder, BackupKind::PreMigration).await?;
        Ok(())
    }

    async fn has_table(&self, name: &str) -> Result<bool> {
        Ok(sqlx::query_scalar("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?")
            .bind(name)
            .fetch_one(&self.pool)
            .await?)
    }
}

/// Where the backups of the workspace file at `workspace` go, read without opening it as a workspace
/// (it may be damaged, or not open at all): the folder its settings name, else the default.
pub async fn folder_of(workspace: &Path) -> PathBuf {
    let named = async {
        let mut db = SqliteConnectOptions::new().filename(workspace).read_only(true).connect().await.ok()?;
        let json: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(FOLDER_SETTING)
            .fetch_optional(&mut db)
            .await
            .ok()
            .flatten();
        let _ = db.close().await;
        serde_json::from_str::<Option<PathBuf>>(&json?).ok().flatten()
    }
    .await;
    named.unwrap_or_else(|| default_folder(workspace))
}
