//! Work a bulk import leaves for after its commit, so the import returns as soon as its rows are stored:
//! the creators' sort indexes (dropped for the load and listed in `deferred_indexes` in the import's own
//! transaction) and the checkpoint that copies the import's WAL into the main file. Until they are built,
//! lists still sort correctly, only without an index.

use crate::{Result, Store};
use sqlx::sqlite::SqliteConnection;
use sqlx::Connection;
use std::time::Instant;

impl Store {
    /// Builds every index a bulk import deferred (one transaction each, in the order they were dropped),
    /// refreshes the planner's statistics and checkpoints the WAL. One call runs at a time in a process;
    /// a second waits for the first and finds nothing left. Another process doing the same is harmless:
    /// each index is claimed under the write lock. Returns how many indexes this call built.
    pub async fn finish_deferred(&self) -> Result<usize> {
        let _one_at_a_time = self.deferred.lock().await;
        let started = Instant::now();
        let mut conn = self.bulk_connection().await?;
        // The builds read the table once each, start to end: a big page cache buys nothing, and the sorter
        // sizes its in-memory runs by it. 16 MiB instead of 64 took the import command's peak memory
        // from 191–266 MB to 172–216 MB at 1M rows, the builds no slower.
        sqlx::query("PRAGMA cache_size = -16384").execute(&mut conn).await?;
        // The import's pages go to the main file first: the index builds then read the table from it,
        // not frame by frame through the WAL (measured: ~1 s less in all at 1M rows).
        let import_pages = checkpoint(&mut conn).await?;
        let built = build_deferred_indexes(&mut conn).await?;
        if built > 0 {
            sqlx::query("PRAGMA analysis_limit = 1000").execute(&mut conn).await?;
            sqlx::query("ANALYZE creators").execute(&mut conn).await?;
            checkpoint(&mut conn).await?;
        }
        conn.close().await?;
        if built > 0 {
            tracing::info!(indexes = built, import_pages, took = ?started.elapsed(), "deferred work finished");
        }
        Ok(built)
    }

    /// The names of the indexes still waiting to be built.
    pub async fn deferred_indexes(&self) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT name FROM deferred_indexes ORDER BY rowid")
            .fetch_all(&self.pool)
            .await?)
    }
}

/// Builds and un-lists the deferred indexes one by one, each in a transaction that holds the write lock
/// from its start: two builders can never both claim an index.
async fn build_deferred_indexes(conn: &mut SqliteConnection) -> Result<usize> {
    let mut built = 0;
    while let Some(name) =
        sqlx::query_scalar::<_, String>("SELECT name FROM deferred_indexes ORDER BY rowid LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?
    {
        let started = Instant::now();
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let sql: Option<String> =
            sqlx::query_scalar("DELETE FROM deferred_indexes WHERE name = ? RETURNING sql")
                .bind(&name)
                .fetch_optional(&mut *tx)
                .await?;
        let exists: bool =
            sqlx::query_scalar("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?")
                .bind(&name)
                .fetch_one(&mut *tx)
                .await?;
        if let (Some(sql), false) = (sql, exists) {
            sqlx::query(&sql).execute(&mut *tx).await?;
            built += 1;
        }
        tx.commit().await?;
        tracing::debug!(index = %name, took = ?started.elapsed(), "deferred index built");
    }
    Ok(built)
}

/// Copies the WAL into the main file; returns how many pages it copied. PASSIVE: it waits for no one
/// and blocks no one. Frames a reader still needs are left to a later checkpoint, and
/// `journal_size_limit` gives the disk back once the WAL starts over.
async fn checkpoint(conn: &mut SqliteConnection) -> Result<i64> {
    let (busy, pages, copied): (i64, i64, i64) =
        sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(&mut *conn).await?;
    if busy != 0 || copied < pages {
        tracing::debug!(pages, copied, "WAL partly checkpointed: a reader holds older pages");
    }
    Ok(copied)
}
