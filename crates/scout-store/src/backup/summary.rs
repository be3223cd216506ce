//! A backup's summary: counted from the copy itself once it is written, stored in the copy's own
//! `scout_backup` table, and read back by opening the file read-only as a plain SQLite file — never as a
//! workspace (no migration, no write).

use super::{BackupKind, BackupSummary};
use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::path::Path;

/// The tables a summary counts (a table an older schema lacks holds nothing).
const COUNTED: [&str; 4] = ["creators", "campaigns", "offers", "order_lines"];

pub(super) async fn summarize(
    db: &mut SqliteConnection,
    taken_at: DateTime<Utc>,
    kind: BackupKind,
    workspace: &str,
) -> Result<BackupSummary> {
    let mut counts = [0u64; 4];
    for (count, table) in counts.iter_mut().zip(COUNTED) {
        if has_table(db, table).await? {
            let n: i64 =
                sqlx::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(&mut *db).await?;
            *count = n.max(0) as u64;
        }
    }
    let schema_version: i64 = if has_table(db, "_sqlx_migrations").await? {
        sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM _sqlx_migrations")
            .fetch_one(&mut *db)
            .await?
    } else {
        0
    };
    let [creators, campaigns, offers, order_lines] = counts;
    Ok(BackupSummary {
        taken_at,
        kind,
        workspace: workspace.to_string(),
        schema_version,
        creators,
        campaigns,
        offers,
        order_lines,
    })
}

async fn has_table(db: &mut SqliteConnection, table: &str) -> Result<bool> {
    Ok(sqlx::query_scalar("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .bind(table)
        .fetch_one(db)
        .await?)
}

/// Stores `summary` in the copy (replacing one a restored workspace may still carry).
pub(super) async fn write(db: &mut SqliteConnection, summary: &BackupSummary) -> Result<()> {
    sqlx::query("DROP TABLE IF EXISTS scout_backup").execute(&mut *db).await?;
    sqlx::query(
        "CREATE TABLE scout_backup (taken_at TEXT NOT NULL, kind TEXT NOT NULL, workspace TEXT NOT NULL, \
         schema_version INTEGER NOT NULL, creators INTEGER NOT NULL, campaigns INTEGER NOT NULL, \
         offers INTEGER NOT NULL, order_lines INTEGER NOT NULL)",
    )
    .execute(&mut *db)
    .await?;
    sqlx::query("INSERT INTO scout_backup VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(summary.taken_at)
        .bind(summary.kind.as_str())
        .bind(&summary.workspace)
        .bind(summary.schema_version)
        .bind(summary.creators as i64)
        .bind(summary.campaigns as i64)
        .bind(summary.offers as i64)
        .bind(summary.order_lines as i64)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Takes a restored copy's summary table out, so the workspace holds only its own tables.
pub(super) async fn remove(db: &mut SqliteConnection) -> Result<()> {
    sqlx::query("DROP TABLE IF EXISTS scout_backup").execute(db).await?;
    Ok(())
}

/// `PRAGMA integrity_check` over every page; anything but "ok" is the file's damage, named.
pub(super) async fn check_integrity(db: &mut SqliteConnection, path: &Path) -> Result<()> {
    let damaged = |problems: String| StoreError::BackupDamaged { path: path.to_path_buf(), problems };
    // A page too damaged to read fails the pragma itself instead of being listed by it.
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check(20)")
        .fetch_all(db)
        .await
        .map_err(|e| damaged(e.to_string()))?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(());
    }
    Err(damaged(rows.join("; ")))
}

async fn open_read_only(path: &Path) -> Result<SqliteConnection> {
    if !path.is_file() {
        return Err(StoreError::NotABackup { path: path.to_path_buf(), message: "no such file".into() });
    }
    SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .create_if_missing(false)
        .foreign_keys(false)
        .connect()
        .await
        .map_err(|e| StoreError::NotABackup { path: path.to_path_buf(), message: e.to_string() })
}

pub(super) async fn read(path: &Path) -> Result<BackupSummary> {
    let mut db = open_read_only(path).await?;
    let summary = read_from(&mut db, path).await;
    db.close().await?;
    summary
}

async fn read_from(db: &mut SqliteConnection, path: &Path) -> Result<BackupSummary> {
    let not_a_backup = |message: String| StoreError::NotABackup { path: path.to_path_buf(), message };
    type Row = (DateTime<Utc>, String, String, i64, i64, i64, i64, i64);
    let row: Option<Row> = sqlx::query_as(
        "SELECT taken_at, kind, workspace, schema_version, creators, campaigns, offers, order_lines \
         FROM scout_backup",
    )
    .fetch_optional(db)
    .await
    .map_err(|e| not_a_backup(format!("it holds no backup summary ({e})")))?;
    let (taken_at, kind, workspace, schema_version, creators, campaigns, offers, order_lines) =
        row.ok_or_else(|| not_a_backup("its backup summary is empty".into()))?;
    let kind =
        BackupKind::parse(&kind).ok_or_else(|| not_a_backup(format!("unknown backup kind '{kind}'")))?;
    let count = |n: i64| n.max(0) as u64;
    Ok(BackupSummary {
        taken_at,
        kind,
        workspace,
        schema_version,
        creators: count(creators),
        campaigns: count(campaigns),
        offers: count(offers),
        order_lines: count(order_lines),
    })
}

pub(super) async fn verify(path: &Path) -> Result<BackupSummary> {
    let mut db = open_read_only(path).await?;
    let checked = async {
        check_integrity(&mut db, path).await?;
        read_from(&mut db, path).await
    }
    .await;
    db.close().await?;
    checked
}
