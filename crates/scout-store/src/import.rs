//! The import session: one import = one transaction. Rows arrive in chunks, are merged with what is
//! stored (a figure a row leaves blank never erases a stored one), and a dated snapshot is added whenever
//! an import changes a creator's figures. Dropping the session without `commit` rolls everything back.

use crate::batches::insert_issues;
use crate::codec::{creator_from_row, StoredCreator, CREATOR_COLUMNS};
use crate::import_writer::Writer;
use crate::{NewBatch, Result, Store};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{CreatorKey, CreatorRecord, Platform};
use scout_domain::{ImportCounts, RowIssue};
use sqlx::Connection;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

mod statements;

/// One accepted input row.
#[derive(Debug, Clone)]
pub struct IncomingRow {
    pub line: u64,
    pub record: CreatorRecord,
}

/// What happened to one input row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowOutcome {
    Created,
    Updated,
    /// The row matched a stored creator and changed nothing.
    Unchanged,
    /// The row repeated a creator an earlier row of the same import already brought in; merged into it.
    Merged {
        first_line: Option<u64>,
    },
}

pub struct ImportSession {
    /// A bulk connection inside `BEGIN IMMEDIATE`, driven by its own task; dropping the session drops
    /// it uncommitted, which rolls back.
    writer: Writer,
    batch_id: i64,
    as_of: NaiveDate,
    now: DateTime<Utc>,
    /// The list's cached totals, cleared when this import commits.
    counts: std::sync::Arc<crate::creator_list::CountCache>,
    changes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// How many sort indexes this import dropped and left for `Store::finish_deferred`.
    deferred_indexes: usize,
    /// Time spent preparing (and queueing) each write phase, logged at commit with the writer's busy time.
    timings: PhaseTimings,
    /// Hash of each creator key seen in this import → the line that first brought it (for messages only:
    /// whether a row is a duplicate is decided by the database, so a hash collision cannot merge rows).
    first_lines: HashMap<u64, u64>,
    /// Whether `creators` was empty when the import began: then a creator can only be stored already if
    /// this import wrote it, and keys (and open ids) it has not seen need no lookup.
    started_empty: bool,
    /// Hashes of the open ids this import wrote (consulted only when `started_empty`).
    open_ids: HashSet<u64>,
    /// The id the next new creator gets: ids are assigned here, so writes need no `RETURNING`.
    next_id: i64,
}

impl std::fmt::Debug for ImportSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportSession").field("batch_id", &self.batch_id).finish_non_exhaustive()
    }
}

/// Imports of at least this many rows, and more than the table holds, defer the sort indexes.
const BULK_MIN_ROWS: u64 = 50_000;

fn key_hash(key: &(impl Hash + ?Sized)) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// Where `apply` spends its time: on the import's side, not SQLite's (the writer task times that).
#[derive(Debug, Default)]
struct PhaseTimings {
    lookup: Duration,
    merge: Duration,
    creators: Duration,
    categories: Duration,
    snapshots: Duration,
}

/// A creator as it will be written, with what the incoming rows supplied.
struct Pending {
    first_line: u64,
    record: CreatorRecord,
    existing: Option<StoredCreator>,
}

impl Store {
    /// Starts an import: opens its transaction (on a bulk connection of its own, see
    /// `Store::bulk_connection`) and records the batch inside it. `expected_rows` is the file's estimated
    /// size: when it is large next to the table, the non-unique sort indexes are dropped for the load
    /// and listed in `deferred_indexes`, for `Store::finish_deferred` to build after the commit (one
    /// sort each instead of a million random index inserts, and not on the import's clock). The drop and
    /// the list are part of the transaction, so a rollback restores the indexes.
    pub async fn begin_import(&self, batch: NewBatch, expected_rows: u64) -> Result<ImportSession> {
        let mut tx = self.bulk_connection().await?;
        sqlx::query("BEGIN IMMEDIATE").execute(&mut tx).await?;
        let now = Utc::now();
        let batch_id: i64 = sqlx::query_scalar(
            "INSERT INTO import_batches (source_name, source_kind, content_hash, format, headers, mapping, \
             as_of, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&batch.source_name)
        .bind(batch.source_kind.as_str())
        .bind(&batch.content_hash)
        .bind(&batch.format)
        .bind(serde_json::to_string(&batch.headers).unwrap_or_else(|_| "[]".into()))
        .bind(&batch.mapping)
        .bind(batch.as_of)
        .bind(now)
        .fetch_one(&mut tx)
        .await?;
        let (stored, max_id): (i64, i64) =
            sqlx::query_as("SELECT count(*), coalesce(max(id), 0) FROM creators").fetch_one(&mut tx).await?;
        let mut deferred_indexes = 0;
        if expected_rows >= BULK_MIN_ROWS && expected_rows > stored.max(0) as u64 {
            let indexes: Vec<(String, String)> = sqlx::query_as(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'creators' \
                 AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
            )
            .fetch_all(&mut tx)
            .await?;
            for (name, sql) in indexes {
                sqlx::query("INSERT INTO deferred_indexes (name, sql, deferred_at) VALUES (?, ?, ?)")
                    .bind(&name)
                    .bind(&sql)
                    .bind(now)
                    .execute(&mut tx)
                    .await?;
                sqlx::query(&format!("DROP INDEX \"{name}\"")).execute(&mut tx).await?;
                deferred_indexes += 1;
            }
            tracing::info!(indexes = deferred_indexes, expected_rows, "bulk load: sort indexes deferred");
        }
        Ok(ImportSession {
            writer: Writer::spawn(tx),
            batch_id,
            as_of: batch.as_of,
            now,
            counts: self.counts.clone(),
            changes: self.changes.clone(),
            deferred_indexes,
            timings: PhaseTimings::default(),
            first_lines: HashMap::new(),
            started_empty: stored == 0,
            open_ids: HashSet::new(),
            next_id: max_id + 1,
        })
    }
}

impl ImportSession {
    pub fn batch_id(&self) -> i64 {
        self.batch_id
    }

    /// Merges a chunk of rows into the database; returns each row's outcome, in input order.
    pub async fn apply(&mut self, rows: Vec<IncomingRow>) -> Result<Vec<(u64, RowOutcome)>> {
        let mut outcomes: Vec<(u64, Option<RowOutcome>)> = Vec::with_capacity(rows.len());
        let mut pending: Vec<Pending> = Vec::with_capacity(rows.len());
        let mut index: HashMap<CreatorKey, usize> = HashMap::with_capacity(rows.len());
        for row in rows {
            match index.entry(row.record.key.clone()) {
                Entry::Occupied(e) => {
                    let p = &mut pending[*e.get()];
                    p.record = overlay_record(&p.record, &row.record);
                    outcomes.push((row.line, Some(RowOutcome::Merged { first_line: Some(p.first_line) })));
                }
                Entry::Vacant(e) => {
                    e.insert(pending.len());
                    outcomes.push((row.line, None));
                    pending.push(Pending { first_line: row.line, record: row.record, existing: None });
                }
            }
        }
        let t = Instant::now();
        self.load_existing(&mut pending).await?;
        self.timings.lookup += t.elapsed();
        let t = Instant::now();

        // Created creators are moved, not copied: their categories and first snapshot are copied inside
        // SQLite from the rows just written (see `write_categories`, `write_snapshots`).
        let mut writes: Vec<(CreatorRecord, Option<StoredCreator>)> = Vec::with_capacity(pending.len());
        let mut snapshots: Vec<(usize, CreatorRecord)> = Vec::new();
        let mut not_copied: Vec<usize> = Vec::new();
        let mut decided: HashMap<u64, RowOutcome> = HashMap::with_capacity(pending.len());
        for p in pending {
            let first_line = *self.first_lines.entry(key_hash(&p.record.key)).or_insert(p.first_line);
            let outcome = match p.existing {
                None => {
                    if p.record.figures.is_empty() || p.record.as_of.is_some() {
                        not_copied.push(writes.len());
                        if !p.record.figures.is_empty() {
                            snapshots.push((writes.len(), p.record.clone()));
                        }
                    }
                    writes.push((p.record, None));
                    RowOutcome::Created
                }
                Some(stored) => {
                    let merged = merge_into_stored(&stored, &p.record);
                    let figures_changed = merged.figures != stored.figures;
                    let changed = figures_changed || !same_descriptive(&merged, &stored);
                    let outcome = if stored.last_batch_id == self.batch_id {
                        RowOutcome::Merged { first_line: Some(first_line).filter(|l| *l != p.first_line) }
                    } else if changed {
                        RowOutcome::Updated
                    } else {
                        RowOutcome::Unchanged
                    };
                    if figures_changed {
                        snapshots.push((writes.len(), p.record));
                    }
                    if changed {
                        writes.push((merged, Some(stored)));
                    }
                    outcome
                }
            };
            decided.insert(p.first_line, outcome);
        }
        self.timings.merge += t.elapsed();
        let t = Instant::now();
        let first_new_id = self.next_id;
        let ids = self.write_creators(&writes).await?;
        let created = first_new_id..self.next_id;
        self.timings.creators += t.elapsed();
        let t = Instant::now();
        self.write_categories(&writes, &ids, &created).await?;
        self.timings.categories += t.elapsed();
        let t = Instant::now();
        let not_copied: Vec<i64> = not_copied.into_iter().map(|i| ids[i]).collect();
        self.write_snapshots(&snapshots, &ids, &created, &not_copied).await?;
        self.timings.snapshots += t.elapsed();
        Ok(outcomes
            .into_iter()
            .map(|(line, o)| (line, o.or_else(|| decided.remove(&line)).unwrap_or(RowOutcome::Unchanged)))
            .collect())
    }

    /// Fills `existing` for each pending creator: by platform + handle, else by open id (a renamed handle).
    async fn load_existing(&mut self, pending: &mut [Pending]) -> Result<()> {
        // Into a table that began empty, only a key this import already brought can be stored (a hash
        // collision only costs a lookup).
        let maybe_stored =
            |key: &CreatorKey| !self.started_empty || self.first_lines.contains_key(&key_hash(key));
        let mut by_platform: HashMap<Platform, Vec<&str>> = HashMap::new();
        for p in pending.iter().filter(|p| maybe_stored(&p.record.key)) {
            by_platform.entry(p.record.key.platform).or_default().push(p.record.key.handle.as_str());
        }
        let mut found: HashMap<CreatorKey, StoredCreator> = HashMap::new();
        for (platform, handles) in by_platform {
            let sql = format!(
                "SELECT {CREATOR_COLUMNS} FROM creators WHERE platform = ? \
                 AND handle IN (SELECT value FROM json_each(?))"
            );
            let handles = serde_json::to_string(&handles).unwrap_or_default();
            let stored = self
                .writer
                .call(move |conn| {
                    Box::pin(async move {
                        let rows =
                            sqlx::query(&sql).bind(platform.as_str()).bind(handles).fetch_all(conn).await?;
                        rows.iter().map(creator_from_row).collect::<Result<Vec<_>>>()
                    })
                })
                .await?;
            for stored in stored {
                found.insert(stored.key.clone(), stored);
            }
        }
        for p in pending.iter_mut() {
            p.existing = found.remove(&p.record.key);
            if p.existing.is_none() {
                if let Some(open_id) = &p.record.profile.open_id {
                    if !self.started_empty || self.open_ids.contains(&key_hash(open_id.as_str())) {
                        p.existing = self.rename_by_open_id(&p.record.key, open_id).await?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A creator known under another handle with the same open id has been renamed: move it to the new
    /// handle so the upsert below finds it.
    async fn rename_by_open_id(&mut self, key: &CreatorKey, open_id: &str) -> Result<Option<StoredCreator>> {
        let (platform, handle, open_id) =
            (key.platform.as_str(), key.handle.as_str().to_string(), open_id.to_string());
        let stored = self
            .writer
            .call(move |conn| {
                Box::pin(async move {
                    let sql =
                        format!("SELECT {CREATOR_COLUMNS} FROM creators WHERE platform = ? AND open_id = ?");
                    let row =
                        sqlx::query(&sql).bind(platform).bind(open_id).fetch_optional(&mut *conn).await?;
                    let Some(row) = row else { return Ok(None) };
                    let stored = creator_from_row(&row)?;
                    sqlx::query("UPDATE creators SET handle = ? WHERE id = ?")
                        .bind(&handle)
                        .bind(stored.id)
                        .execute(&mut *conn)
                        .await?;
                    tracing::info!(from = %stored.key.handle, to = %handle, "creator renamed (same open id)");
                    Ok(Some(stored))
                })
            })
            .await?;
        // `stored.key` keeps the old handle, so the merge sees the rename as a change and writes it.
        Ok(stored)
    }

    /// Records issues (rejected rows, merges, unreadable cells) against this import.
    pub async fn add_issues(&mut self, issues: &[RowIssue]) -> Result<()> {
        let (batch_id, issues) = (self.batch_id, issues.to_vec());
        self.writer
            .write(Box::new(move |conn| {
                Box::pin(async move { insert_issues(conn, batch_id, &issues).await })
            }))
            .await
    }

    /// Writes the final counts and commits the whole import. Its sort indexes (when it deferred them)
    /// and the WAL checkpoint are left to `Store::finish_deferred`.
    pub async fn commit(self, counts: ImportCounts) -> Result<i64> {
        let (mut conn, busy) = self.writer.finish().await?;
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        sqlx::query(
            "UPDATE import_batches SET finished_at = ?, rows_total = ?, created = ?, updated = ?, \
             unchanged = ?, merged = ?, rejected = ? WHERE id = ?",
        )
        .bind(Utc::now())
        .bind(n(counts.rows_total))
        .bind(n(counts.created))
        .bind(n(counts.updated))
        .bind(n(counts.unchanged))
        .bind(n(counts.merged))
        .bind(n(counts.rejected))
        .bind(self.batch_id)
        .execute(&mut conn)
        .await?;
        // Fresh planner statistics for the indexes there are, committed with the import. Sampled, and on
        // this connection, whose cache already holds the pages: milliseconds at 1M rows.
        sqlx::query("PRAGMA analysis_limit = 1000").execute(&mut conn).await?;
        sqlx::query("ANALYZE creators").execute(&mut conn).await?;
        let t = Instant::now();
        sqlx::query("COMMIT").execute(&mut conn).await?;
        tracing::info!(
            batch = self.batch_id,
            prepare = ?self.timings,
            sqlite_busy = ?busy,
            commit = ?t.elapsed(),
            deferred_indexes = self.deferred_indexes,
            "import write phases"
        );
        self.counts.clear();
        self.changes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        conn.close().await?;
        Ok(self.batch_id)
    }

    /// Abandons the import; the database is left exactly as it was before `begin_import`.
    pub async fn rollback(self) -> Result<()> {
        match self.writer.finish().await {
            Ok((mut conn, _)) => {
                sqlx::query("ROLLBACK").execute(&mut conn).await?;
                conn.close().await?;
            }
            // A failed write already dropped the connection, and with it the transaction.
            Err(e) => tracing::debug!(error = %e, "import rolled back after a failed write"),
        }
        Ok(())
    }
}

fn overlay_record(older: &CreatorRecord, newer: &CreatorRecord) -> CreatorRecord {
    CreatorRecord {
        key: newer.key.clone(),
        profile: older.profile.overlay(&newer.profile),
        figures: older.figures.overlay(&newer.figures),
        audience: newer.audience.clone().or_else(|| older.audience.clone()),
        as_of: newer.as_of.or(older.as_of),
    }
}

fn merge_into_stored(stored: &StoredCreator, incoming: &CreatorRecord) -> CreatorRecord {
    CreatorRecord {
        key: incoming.key.clone(),
        profile: stored.profile.overlay(&incoming.profile),
        figures: stored.figures.overlay(&incoming.figures),
        audience: incoming.audience.clone().or_else(|| stored.audience.clone()),
        as_of: incoming.as_of,
    }
}

fn same_descriptive(merged: &CreatorRecord, stored: &StoredCreator) -> bool {
    merged.profile == stored.profile && merged.audience == stored.audience && merged.key == stored.key
}
