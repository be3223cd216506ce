//! Creators that did not come from a file — a TikTok Shop search, its profiles, one typed by hand —
//! written as one import all the same: a batch named for the source, each record a row (line N = the
//! N-th entry) so figures get their snapshots and provenance, notes and rejections its issues.

use crate::{Result, Workspace};
use chrono::Utc;
use scout_domain::{
    CreatorRecord, ImportKind, ImportReport, IssueOutcome, Platform, PlatformReading, RowIssue,
};
use scout_store::{IncomingRow, NewBatch, RowOutcome, SourceKind};
use std::time::Instant;

/// One creator to write: the record and notes about it, or why it cannot be written and its cells.
pub(crate) type Entry = std::result::Result<(CreatorRecord, Vec<String>), (String, Vec<String>)>;

impl Workspace {
    /// Writes records that did not come from a file as one import named `source` (line N = the N-th
    /// entry): notes and rejections become its issues, like a file's.
    pub(crate) async fn write_records_import(
        &self,
        source: &str,
        kind: SourceKind,
        platform: Platform,
        entries: Vec<Entry>,
    ) -> Result<ImportReport> {
        let started = Instant::now();
        let mut report = ImportReport::new(source.to_string(), ImportKind::Creators);
        report.platform = Some(PlatformReading { platform, evidence: vec![source.into()] });
        let mut session = self
            .store
            .begin_import(
                NewBatch {
                    source_name: source.into(),
                    source_kind: kind,
                    content_hash: None,
                    format: None,
                    headers: Vec::new(),
                    mapping: None,
                    as_of: Utc::now().date_naive(),
                },
                entries.len() as u64,
            )
            .await?;
        let mut rows = Vec::with_capacity(entries.len());
        let mut issues = Vec::new();
        for (i, entry) in entries.into_iter().enumerate() {
            let line = i as u64 + 1;
            report.counts.rows_total += 1;
            match entry {
                Ok((record, notes)) => {
                    issues.extend(notes.into_iter().map(|n| RowIssue::noted(line, n)));
                    rows.push(IncomingRow { line, record });
                }
                Err((why, cells)) => {
                    report.counts.rejected += 1;
                    issues.push(RowIssue::rejected(line, why, Some(cells)));
                }
            }
        }
        let outcomes = match session.apply(rows).await {
            Ok(outcomes) => outcomes,
            Err(e) => {
                session.rollback().await?;
                return Err(e.into());
            }
        };
        for (line, outcome) in outcomes {
            match outcome {
                RowOutcome::Created => report.counts.created += 1,
                RowOutcome::Updated => report.counts.updated += 1,
                RowOutcome::Unchanged => report.counts.unchanged += 1,
                RowOutcome::Merged { first_line } => {
                    report.counts.merged += 1;
                    issues.push(RowIssue {
                        line,
                        column: None,
                        raw_value: None,
                        message: format!(
                            "same creator as result {}; merged into it",
                            first_line.map_or_else(|| "earlier".to_string(), |l| l.to_string())
                        ),
                        outcome: IssueOutcome::Merged,
                        cells: None,
                    });
                }
            }
        }
        issues.sort_by_key(|i| i.line);
        session.add_issues(&issues).await?;
        issues.iter().for_each(|i| report.note_issue(i));
        let batch = session.commit(report.counts).await?;
        report.import_id = Some(batch);
        report.duration_ms = started.elapsed().as_millis() as u64;
        tracing::info!(batch, source, counts = ?report.counts, "creators written");
        Ok(report)
    }
}
