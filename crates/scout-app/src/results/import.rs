//! Importing a results file (order or video export; the header says which) in one transaction: rows
//! are read on a blocking thread and written as they stream, each counted once as created, updated,
//! unchanged or rejected; a cancelled or failed import leaves the workspace as it was.

use crate::import::blocking;
use crate::{AppError, CancelToken, ImportProgress, Result, Workspace};
use scout_domain::attribution::Attribution;
use scout_domain::{Currency, OrderLine, ResultsFileKind, ResultsImportReport, ResultsRowIssue, VideoResult};
use scout_ingest::{open_results, sniff, ResultsFile, ResultsReader, ResultsRow};
use scout_store::{ResultsImportSession, ResultsOutcome};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

const CHUNK_ROWS: usize = 2_000;
/// Issues returned in the report (all are stored with the import).
const REPORT_ISSUES: usize = 500;

enum Chunk {
    Orders(Vec<ResultsRow<OrderLine>>, u64),
    Videos(Vec<ResultsRow<VideoResult>>, u64),
}

/// Sends the reader's rows in chunks until the end, an error, or cancellation; says how the file's
/// dates were read when some could have been read either way.
fn pump<T>(
    mut rows: ResultsReader<T>,
    wrap: fn(Vec<ResultsRow<T>>, u64) -> Chunk,
    tx: &tokio::sync::mpsc::Sender<Result<Chunk>>,
    cancel: &CancelToken,
) -> Option<String> {
    let dates = |rows: &ResultsReader<T>| {
        let order = rows.date_order();
        (rows.dates_decided() > 0 || order.order().is_none()).then(|| order.describe())
    };
    let send = |item: Result<Chunk>| tx.blocking_send(item).is_ok();
    let mut chunk = Vec::with_capacity(CHUNK_ROWS);
    while let Some(item) = rows.next() {
        match item {
            Ok(row) => chunk.push(row),
            Err(e) => {
                send(Err(e.into()));
                return None;
            }
        }
        if chunk.len() == CHUNK_ROWS {
            let bytes = rows.bytes_read();
            if cancel.is_cancelled() || !send(Ok(wrap(std::mem::take(&mut chunk), bytes))) {
                return None;
            }
        }
    }
    let bytes = rows.bytes_read();
    send(Ok(wrap(chunk, bytes)));
    dates(&rows)
}

fn key_hash(key: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |salt: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        key.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// The running count of one import (a file, or a sync from the TikTok Shop API).
pub(super) struct Tally {
    pub(super) report: ResultsImportReport,
    /// A 128-bit hash of each (order id, SKU) or video id → the line that first had it. Hashes instead
    /// of the keys keep a million-row file's set small; two keys sharing 128 bits is not a real risk.
    seen: HashMap<u128, u64>,
    pub(super) stored_issues: Vec<(ResultsRowIssue, Option<Vec<String>>)>,
}

impl Tally {
    pub(super) fn new(file_name: &str, kind: ResultsFileKind) -> Tally {
        Tally {
            report: ResultsImportReport {
                file_name: file_name.to_string(),
                kind,
                rows_total: 0,
                created: 0,
                updated: 0,
                unchanged: 0,
                rejected: 0,
                issues: Vec::new(),
                issues_truncated: 0,
                date_order: None,
                attributed: 0,
                unattributed: 0,
            },
            seen: HashMap::new(),
            stored_issues: Vec::new(),
        }
    }

    pub(super) fn issue(&mut self, issue: ResultsRowIssue, cells: Option<Vec<String>>) {
        if self.report.issues.len() < REPORT_ISSUES {
            self.report.issues.push(issue.clone());
        } else {
            self.report.issues_truncated += 1;
        }
        self.stored_issues.push((issue, cells));
    }

    fn cell_issues(&mut self, issues: &[scout_ingest::CellIssue]) {
        for i in issues {
            let issue = ResultsRowIssue {
                line: i.line,
                column: Some(i.column.clone()),
                raw_value: Some(i.raw_value.clone()),
                message: i.message.clone(),
                rejected: false,
            };
            self.issue(issue, None);
        }
    }

    pub(super) fn reject(&mut self, line: u64, cells: Vec<String>, reason: String) {
        self.report.rejected += 1;
        self.issue(
            ResultsRowIssue { line, column: None, raw_value: None, message: reason, rejected: true },
            Some(cells),
        );
    }

    /// `Some(first line)` when `key` was already in this file.
    pub(super) fn repeat(&mut self, key: String, line: u64) -> Option<u64> {
        match self.seen.entry(key_hash(&key)) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(line);
                None
            }
        }
    }

    /// Counts what writing order lines did: created, updated or unchanged, and attributed or not.
    pub(super) fn count_orders(&mut self, written: &[(ResultsOutcome, Option<Attribution>)]) {
        for (outcome, attribution) in written {
            self.count(*outcome);
            if attribution.is_some() {
                self.report.attributed += 1;
            } else {
                self.report.unattributed += 1;
            }
        }
    }

    pub(super) fn count(&mut self, outcome: ResultsOutcome) {
        match outcome {
            ResultsOutcome::Created => self.report.created += 1,
            ResultsOutcome::Updated => self.report.updated += 1,
            ResultsOutcome::Unchanged => self.report.unchanged += 1,
        }
    }
}

async fn write_orders(
    s: &mut ResultsImportSession,
    t: &mut Tally,
    rows: Vec<ResultsRow<OrderLine>>,
) -> Result<()> {
    let mut accepted = Vec::with_capacity(rows.len());
    for row in rows {
        t.report.rows_total += 1;
        t.cell_issues(row.issues());
        match row {
            ResultsRow::Accepted { line, record, .. } => {
                let key = format!("{}\u{1f}{}", record.order_id, record.sku_id);
                match t.repeat(key, line) {
                    None => accepted.push(record),
                    Some(first) => {
                        let sku = if record.sku_id.is_empty() {
                            String::new()
                        } else {
                            format!(" SKU {}", record.sku_id)
                        };
                        let cells = vec![record.order_id.clone(), record.sku_id.clone()];
                        let why = format!(
                            "repeats order {}{sku} of line {first}; that row was kept",
                            record.order_id
                        );
                        t.reject(line, cells, why);
                    }
                }
            }
            ResultsRow::Rejected { line, cells, reason, .. } => t.reject(line, cells, reason),
        }
    }
    let written = s.write_orders(&accepted).await?;
    t.count_orders(&written);
    Ok(())
}

async fn write_videos(
    s: &mut ResultsImportSession,
    t: &mut Tally,
    rows: Vec<ResultsRow<VideoResult>>,
) -> Result<()> {
    for row in rows {
        t.report.rows_total += 1;
        t.cell_issues(row.issues());
        match row {
            ResultsRow::Accepted { line, record, .. } => {
                if let Some(first) = t.repeat(record.video_id.clone(), line) {
                    let cells = vec![record.video_id.clone()];
                    t.reject(
                        line,
                        cells,
                        format!("repeats video {} of line {first}; that row was kept", record.video_id),
                    );
                    continue;
                }
                let outcome = s.write_video(&record).await?;
                t.count(outcome);
            }
            ResultsRow::Rejected { line, cells, reason, .. } => t.reject(line, cells, reason),
        }
    }
    Ok(())
}

impl Workspace {
    /// Imports an affiliate order export or a video export (CSV, TSV or XLSX) in one transaction.
    /// Amounts without a currency of their own are taken to be US dollars.
    #[tracing::instrument(skip(self, progress, cancel))]
    pub async fn import_results(
        &self,
        path: &Path,
        progress: impl Fn(ImportProgress) + Send,
        cancel: CancelToken,
    ) -> Result<ResultsImportReport> {
        let started = Instant::now();
        let owned = path.to_path_buf();
        let source = blocking(move || Ok(sniff(&owned)?)).await?;
        let opened = {
            let source = source.clone();
            blocking(move || Ok(open_results(&source, &Currency::usd())?)).await?
        };
        let kind = match &opened {
            ResultsFile::Orders(_) => ResultsFileKind::Orders,
            ResultsFile::Videos(_) => ResultsFileKind::Videos,
        };
        let mut session =
            self.store.begin_results_import(&source.file_name, kind, &source.content_hash).await?;
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Chunk>>(4);
        let reader_cancel = cancel.clone();
        let reader = tokio::task::spawn_blocking(move || match opened {
            ResultsFile::Orders(r) => pump(r, Chunk::Orders, &tx, &reader_cancel),
            ResultsFile::Videos(r) => pump(r, Chunk::Videos, &tx, &reader_cancel),
        });
        let mut tally = Tally::new(&source.file_name, kind);
        let outcome: Result<()> = async {
            while let Some(chunk) = rx.recv().await {
                if cancel.is_cancelled() {
                    return Err(AppError::Cancelled);
                }
                let bytes = match chunk? {
                    Chunk::Orders(rows, bytes) => {
                        write_orders(&mut session, &mut tally, rows).await?;
                        bytes
                    }
                    Chunk::Videos(rows, bytes) => {
                        write_videos(&mut session, &mut tally, rows).await?;
                        bytes
                    }
                };
                session.add_issues(&std::mem::take(&mut tally.stored_issues)).await?;
                progress(ImportProgress {
                    rows_done: tally.report.rows_total,
                    bytes_done: bytes,
                    bytes_total: source.size_bytes,
                });
            }
            if cancel.is_cancelled() {
                return Err(AppError::Cancelled);
            }
            Ok(())
        }
        .await;
        drop(rx);
        tally.report.date_order = reader.await.ok().flatten();
        if let Err(e) = outcome {
            session.rollback().await?;
            return Err(e);
        }
        session.commit(&tally.report).await?;
        tracing::info!(
            rows = tally.report.rows_total,
            created = tally.report.created,
            rejected = tally.report.rejected,
            ms = started.elapsed().as_millis() as u64,
            "results imported"
        );
        Ok(tally.report)
    }
}
