//! Marketplace results into the workspace: one import batch, "TikTok Shop marketplace" with today's
//! date, each creator keyed by open id (a rename is followed) with their username kept, figures stored as
//! snapshots like a file's, a blank never overwriting what is known. What the marketplace gives only as
//! a range (a private creator's GMV) is not turned into a number: the report notes it per creator.

use crate::{Result, Workspace};
use chrono::Utc;
use scout_domain::{
    CountryCode, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Handle, ImportKind, ImportReport,
    IssueOutcome, Platform, PlatformReading, RowIssue,
};
use scout_store::{IncomingRow, NewBatch, RowOutcome, SourceKind};
use scout_tiktok::{ExactOrRange, MarketplaceCreator};
use std::time::Instant;

/// The source name of a marketplace import.
pub const MARKETPLACE_SOURCE: &str = "TikTok Shop marketplace";

fn record(c: &MarketplaceCreator) -> std::result::Result<CreatorRecord, String> {
    let handle = Handle::parse(&c.username).map_err(|e| format!("username '{}': {e}", c.username))?;
    Ok(CreatorRecord {
        key: CreatorKey { platform: Platform::TikTok, handle },
        profile: CreatorProfile {
            open_id: Some(c.open_id.clone()),
            display_name: c.nickname.clone(),
            country: c.region.as_deref().and_then(|r| CountryCode::parse(r).ok()),
            ..Default::default()
        },
        figures: CreatorFigures {
            followers: c.followers,
            avg_views: c.avg_video_views,
            gmv: match &c.gmv {
                Some(ExactOrRange::Exact(m)) => Some(m.clone()),
                _ => None,
            },
            ..Default::default()
        },
        audience: None,
        as_of: Some(Utc::now().date_naive()),
    })
}

fn range_note(c: &MarketplaceCreator) -> Option<String> {
    let Some(ExactOrRange::Range(r)) = &c.gmv else { return None };
    let range = match &r.max {
        Some(max) => format!("{}–{}", r.min, max),
        None => format!("{} or more", r.min),
    };
    Some(format!(
        "@{}: 30-day GMV is shared only as a range ({range}); it is not stored as a figure",
        c.username
    ))
}

/// One creator to write: the record and notes about it, or why it cannot be written and its cells.
pub(crate) type Entry = std::result::Result<(CreatorRecord, Vec<String>), (String, Vec<String>)>;

impl Workspace {
    /// Adds marketplace creators to the workspace as one import (line N = the N-th creator given).
    pub async fn add_marketplace_creators(&self, creators: &[MarketplaceCreator]) -> Result<ImportReport> {
        let entries = creators
            .iter()
            .map(|c| match record(c) {
                Ok(r) => Ok((r, range_note(c).into_iter().collect())),
                Err(why) => Err((why, vec![c.open_id.clone(), c.username.clone()])),
            })
            .collect();
        self.write_marketplace_import(MARKETPLACE_SOURCE, entries).await
    }

    /// Writes creators from TikTok Shop as one import named `source` (line N = the N-th entry).
    pub(crate) async fn write_marketplace_import(
        &self,
        source: &str,
        entries: Vec<Entry>,
    ) -> Result<ImportReport> {
        let started = Instant::now();
        let mut report = ImportReport::new(source.to_string(), ImportKind::Creators);
        report.platform = Some(PlatformReading { platform: Platform::TikTok, evidence: vec![source.into()] });
        let mut session = self
            .store
            .begin_import(
                NewBatch {
                    source_name: source.into(),
                    source_kind: SourceKind::Api,
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
        tracing::info!(batch, source, counts = ?report.counts, "TikTok Shop creators written");
        Ok(report)
    }
}
