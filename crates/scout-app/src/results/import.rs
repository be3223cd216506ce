//! Importing a results file (order or video export; the header says which) through the shared streamed
//! engine (`streaming`): one transaction, each row counted once as created, updated, unchanged or
//! rejected; a cancelled or failed import leaves the workspace as it was.

use crate::streaming::{blocking, stream_rows, ChunkWriter};
use crate::{CancelToken, ImportProgress, Result, Workspace};
use scout_domain::results::attribution::Attribution;
use scout_domain::{
    AttributionCounts, Currency, ImportReport, OrderLine, ResultsFileKind, RowIssue, VideoResult,
};
use scout_ingest::{open_results, sniff, ResultsFile, ResultsRow};
use scout_store::{ResultsImportSession, ResultsOutcome};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

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
    pub(super) report: ImportReport,
    /// A 128-bit hash of each (order id, SKU) or video id → the line that first had it. Hashes instead
    /// of the keys keep a million-row file's set small; two keys sharing 128 bits is not a real risk.
    seen: HashMap<u128, u64>,
    /// Issues of the chunk being written, stored with it.
    pub(super) stored_issues: Vec<RowIssue>,
}

impl Tally {
    pub(super) fn new(file_name: &str, kind: ResultsFileKind) -> Tally {
        Tally {
            report: ImportReport {
                attribution: (kind == ResultsFileKind::Orders).then(AttributionCounts::default),
                ..ImportReport::new(file_name.to_string(), kind.into())
            },
            seen: HashMap::new(),
            stored_issues: Vec::new(),
        }
    }

    pub(super) fn issue(&mut self, issue: RowIssue) {
        self.report.note_issue(&issue);
        self.stored_issues.push(issue);
    }

    fn cell_issues(&mut self, issues: &[scout_ingest::CellIssue]) {
        for i in issues {
            self.issue(RowIssue::value_skipped(
                i.line,
                i.column.clone(),
                i.raw_value.clone(),
                i.message.clone(),
            ));
        }
    }

    pub(super) fn reject(&mut self, line: u64, cells: Vec<String>, reason: String) {
        self.report.counts.rejected += 1;
        self.issue(RowIssue::rejected(line, reason, Some(cells)));
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
            let counts = self.report.attribution.get_or_insert_with(AttributionCounts::default);
            if attribution.is_some() {
                counts.attributed += 1;
            } else {
                counts.unattributed += 1;
            }
        }
    }

    pub(super) fn count(&mut self, outcome: ResultsOutcome) {
        match outcome {
            ResultsOutcome::Created => self.report.counts.created += 1,
            ResultsOutcome::Updated => self.report.counts.updated += 1,
            ResultsOutcome::Unchanged => self.report.counts.unchanged += 1,
        }
    }
}

/// The results import's side of the engine: its transaction and running count.
struct ResultsWriter {
    session: ResultsImportSession,
    tally: Tally,
}

impl ResultsWriter {
    async fn store_issues(&mut self) -> Result<()> {
        Ok(self.session.add_issues(&std::mem::take(&mut self.tally.stored_issues)).await?)
    }
}

impl ChunkWriter<ResultsRow<OrderLine>> for ResultsWriter {
    async fn write(&mut self, rows: Vec<ResultsRow<OrderLine>>) -> Result<()> {
        let t = &mut self.tally;
        let mut accepted = Vec::with_capacity(rows.len());
        for row in rows {
            t.report.counts.rows_total += 1;
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
        let written = self.session.write_orders(&accepted).await?;
        self.tally.count_orders(&written);
        self.store_issues().await
    }

    fn rows_done(&self) -> u64 {
        self.tally.report.counts.rows_total
    }

    async fn rollback(self) -> Result<()> {
        Ok(self.session.rollback().await?)
    }
}

impl ChunkWriter<ResultsRow<VideoResult>> for ResultsWriter {
    async fn write(&mut self, rows: Vec<ResultsRow<VideoResult>>) -> Result<()> {
        for row in rows {
            self.tally.report.counts.rows_total += 1;
            self.tally.cell_issues(row.issues());
            match row {
                ResultsRow::Accepted { line, record, .. } => {
                    if let Some(first) = self.tally.repeat(record.video_id.clone(), line) {
                        let cells = vec![record.video_id.clone()];
                        let why =
                            format!("repeats video {} of line {first}; that row was kept", record.video_id);
                        self.tally.reject(line, cells, why);
                        continue;
                    }
                    let outcome = self.session.write_video(&record).await?;
                    self.tally.count(outcome);
                }
                ResultsRow::Rejected { line, cells, reason, .. } => self.tally.reject(line, cells, reason),
            }
        }
        self.store_issues().await
    }

    fn rows_done(&self) -> u64 {
        self.tally.report.counts.rows_total
    }

    async fn rollback(self) -> Result<()> {
        Ok(self.session.rollback().await?)
    }
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
    ) -> Result<ImportReport> {
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
        let session = self.store.begin_results_import(&source.file_name, kind, &source.content_hash).await?;
        let writer = ResultsWriter { session, tally: Tally::new(&source.file_name, kind) };
        let total = source.size_bytes;
        let (writer, date_order) = match opened {
            ResultsFile::Orders(r) => stream_rows(move || Ok(r), writer, total, &progress, &cancel).await?,
            ResultsFile::Videos(r) => stream_rows(move || Ok(r), writer, total, &progress, &cancel).await?,
        };
        let ResultsWriter { session, mut tally } = writer;
        tally.report.date_order = date_order.flatten();
        tally.report.import_id = Some(session.commit(&tally.report).await?);
        tally.report.duration_ms = started.elapsed().as_millis() as u64;
        tracing::info!(
            rows = tally.report.counts.rows_total,
            created = tally.report.counts.created,
            rejected = tally.report.counts.rejected,
            ms = started.elapsed().as_millis() as u64,
            "results imported"
        );
        Ok(tally.report)
    }
}
