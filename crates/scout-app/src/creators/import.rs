//! Importing a creator file: preview (sniffed format, suggested mapping, sample rows) and the import
//! itself through the shared streamed engine (`streaming`): one transaction, all or nothing. Every input
//! row is counted once: created, updated, unchanged, merged or rejected.

use crate::streaming::{blocking, stream_rows, CancelToken, ChunkWriter, ImportProgress};
use crate::{AppError, Result, Workspace};
use chrono::{NaiveDate, Utc};
use scout_domain::{
    Currency, ImportKind, ImportReport, ImportStatus, IssueOutcome, Platform, PlatformReading, RowIssue,
};
use scout_ingest::{ColumnMapping, Field, ImportDefaults, ParsedRow, RowReader};
use scout_store::{ImportSession, IncomingRow, NewBatch, RowOutcome, SourceKind};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Instant;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldOption {
    pub field: Field,
    pub label: String,
    pub required: bool,
}

/// What the user sees before importing: how the file was read and how its columns map.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    #[serde(flatten)]
    #[ts(flatten)]
    pub preview: scout_ingest::Preview,
    /// Where `mapping` came from: suggested from the headers, or the one saved for this header layout.
    pub mapping_source: MappingSource,
    /// Set when this very file was already imported with this mapping: importing it again changes nothing.
    #[ts(type = "number | null")]
    pub already_imported_batch: Option<i64>,
    /// Every field a column can map to, with its label, for the mapping menus.
    pub fields: Vec<FieldOption>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MappingSource {
    /// Matched from the header names.
    Suggested,
    /// The mapping the user set the last time a file with these exact columns was imported.
    Saved,
    /// Given with the request.
    Given,
}

/// What to import and how.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub path: PathBuf,
    /// `None`: the suggested mapping.
    pub mapping: Option<ColumnMapping>,
    pub source_kind: SourceKind,
    /// Shown as the source of every figure; defaults to the file name.
    pub source_name: Option<String>,
    /// The date the file's figures are from; defaults to today (UTC).
    pub as_of: Option<NaiveDate>,
    /// The platform of rows that do not name one. `None`: the one the file's headers or name say
    /// ([`scout_ingest::PlatformHint`]), TikTok when they say nothing; a file whose signals disagree is
    /// refused until one is given.
    pub platform: Option<Platform>,
    /// The currency of money cells that do not name one.
    pub currency: Currency,
}

impl ImportRequest {
    pub fn file(path: PathBuf) -> ImportRequest {
        ImportRequest {
            path,
            mapping: None,
            source_kind: SourceKind::File,
            source_name: None,
            as_of: None,
            platform: None,
            currency: Currency::usd(),
        }
    }
}

/// The platform of the import: the one asked for, else the one the file says, else TikTok. A file whose
/// headers and name disagree is refused until the seller chooses.
fn import_platform(
    asked: Option<Platform>,
    preview: &scout_ingest::Preview,
) -> Result<(Platform, Vec<String>)> {
    if let Some(p) = asked {
        return Ok((p, Vec::new()));
    }
    let hint = &preview.platform;
    if hint.conflict {
        return Err(AppError::InvalidField {
            field: "platform".into(),
            message: format!(
                "{}: the file names more than one platform ({}); choose the creators' platform",
                preview.source.file_name,
                hint.evidence.join(", ")
            ),
        });
    }
    match hint.platform {
        Some(p) => Ok((p, hint.evidence.clone())),
        None => Ok((Platform::TikTok, Vec::new())),
    }
}

fn issue_from_cell(c: scout_ingest::CellIssue) -> RowIssue {
    RowIssue::value_skipped(c.line, c.column, c.raw_value, c.message)
}

fn mapping_json(mapping: &ColumnMapping) -> Option<String> {
    serde_json::to_string(mapping).ok()
}

/// Identifies a header layout: the normalised header names, in order.
fn header_key(headers: &[String]) -> String {
    headers.iter().map(|h| scout_ingest::normalize_header(h)).collect::<Vec<_>>().join("\u{1f}")
}

/// The creator import's side of the engine: its transaction, counts and issues.
struct CreatorWriter {
    session: ImportSession,
    report: ImportReport,
}

impl ChunkWriter<ParsedRow> for CreatorWriter {
    async fn write(&mut self, rows: Vec<ParsedRow>) -> Result<()> {
        let counts = &mut self.report.counts;
        let mut issues: Vec<RowIssue> = Vec::new();
        let mut accepted = Vec::with_capacity(rows.len());
        for row in rows {
            counts.rows_total += 1;
            match row {
                ParsedRow::Accepted { line, record, issues: cell_issues } => {
                    issues.extend(cell_issues.into_iter().map(issue_from_cell));
                    accepted.push(IncomingRow { line, record });
                }
                ParsedRow::Rejected { line, cells, reason, issues: cell_issues } => {
                    counts.rejected += 1;
                    issues.extend(cell_issues.into_iter().map(issue_from_cell));
                    issues.push(RowIssue::rejected(line, reason, Some(cells)));
                }
            }
        }
        for (line, outcome) in self.session.apply(accepted).await? {
            match outcome {
                RowOutcome::Created => counts.created += 1,
                RowOutcome::Updated => counts.updated += 1,
                RowOutcome::Unchanged => counts.unchanged += 1,
                RowOutcome::Merged { first_line } => {
                    counts.merged += 1;
                    let first =
                        first_line.map_or_else(|| "an earlier line".to_string(), |l| format!("line {l}"));
                    issues.push(RowIssue {
                        line,
                        column: None,
                        raw_value: None,
                        message: format!(
                            "same creator as {first}; merged into it (values on the later line win, blanks keep earlier values)"
                        ),
                        outcome: IssueOutcome::Merged,
                        cells: None,
                    });
                }
            }
        }
        issues.sort_by_key(|i| i.line);
        self.session.add_issues(&issues).await?;
        issues.iter().for_each(|i| self.report.note_issue(i));
        Ok(())
    }

    fn rows_done(&self) -> u64 {
        self.report.counts.rows_total
    }

    async fn rollback(self) -> Result<()> {
        Ok(self.session.rollback().await?)
    }
}

impl Workspace {
    /// The file's preview with the mapping to use: the given one, else the one saved for this header
    /// layout (when it still fits), else the suggestion.
    async fn read_preview(
        &self,
        path: PathBuf,
        mapping: Option<ColumnMapping>,
    ) -> Result<(scout_ingest::Preview, MappingSource)> {
        let given = mapping.is_some();
        let mut preview = blocking(move || Ok(scout_ingest::preview(&path, mapping)?)).await?;
        if given {
            return Ok((preview, MappingSource::Given));
        }
        let saved = self.store.saved_mapping(&header_key(&preview.headers)).await?;
        let saved = saved.and_then(|json| serde_json::from_str::<ColumnMapping>(&json).ok());
        match saved {
            // Swapped in place: the sample rows are raw cells, so nothing else depends on the mapping.
            Some(saved) if saved.columns.len() == preview.headers.len() && saved != preview.mapping => {
                preview.missing_required = saved.missing_required();
                preview.unmapped_columns = saved.unmapped_columns(&preview.headers);
                preview.mapping = saved;
                Ok((preview, MappingSource::Saved))
            }
            _ => Ok((preview, MappingSource::Suggested)),
        }
    }

    /// Reads the start of a file: format, encoding, headers, suggested (or given) mapping, sample rows.
    #[tracing::instrument(skip(self, mapping))]
    pub async fn preview_import(
        &self,
        path: PathBuf,
        mapping: Option<ColumnMapping>,
    ) -> Result<ImportPreview> {
        let (preview, mapping_source) = self.read_preview(path, mapping).await?;
        let already = self
            .store
            .find_batch_by_hash(&preview.source.content_hash, mapping_json(&preview.mapping).as_deref())
            .await?
            .map(|b| b.id);
        let fields = Field::ALL
            .iter()
            .map(|f| FieldOption { field: *f, label: f.label().to_string(), required: f.is_required() })
            .collect();
        Ok(ImportPreview { preview, mapping_source, already_imported_batch: already, fields })
    }

    /// Imports a whole file in one transaction. `progress` is called at most ~10 times a second.
    #[tracing::instrument(skip(self, progress, cancel), fields(path = %request.path.display()))]
    pub async fn import_file(
        &self,
        request: ImportRequest,
        progress: impl Fn(ImportProgress) + Send,
        cancel: CancelToken,
    ) -> Result<ImportReport> {
        let started = Instant::now();
        let (preview, mapping_source) =
            self.read_preview(request.path.clone(), request.mapping.clone()).await?;
        if !preview.missing_required.is_empty() {
            let missing: Vec<&str> = preview.missing_required.iter().map(|f| f.label()).collect();
            return Err(AppError::InvalidInput(format!(
                "{}: no column is mapped to {}; map one of the columns ({}) to it",
                preview.source.file_name,
                missing.join(", "),
                preview.headers.join(", ")
            )));
        }
        let (platform, evidence) = import_platform(request.platform, &preview)?;
        let source = preview.source;
        let mapping = preview.mapping;
        let headers = preview.headers;
        let file_name = source.file_name.clone();
        let mut report = ImportReport::new(file_name.clone(), ImportKind::Creators);
        report.platform = Some(PlatformReading { platform, evidence });
        let mapping_text = mapping_json(&mapping);
        let given_mapping = mapping_text.clone();
        if let Some(batch) =
            self.store.find_batch_by_hash(&source.content_hash, mapping_text.as_deref()).await?
        {
            tracing::info!(batch = batch.id, "same file already imported; nothing to do");
            report.import_id = Some(batch.id);
            report.status = ImportStatus::UnchangedDuplicateFile;
            report.duration_ms = started.elapsed().as_millis() as u64;
            return Ok(report);
        }

        let session = self
            .store
            .begin_import(
                NewBatch {
                    source_name: request.source_name.unwrap_or(file_name),
                    source_kind: request.source_kind,
                    content_hash: Some(source.content_hash.clone()),
                    format: Some(format!("{:?}", source.format).to_lowercase()),
                    headers: headers.clone(),
                    mapping: mapping_text,
                    as_of: request.as_of.unwrap_or_else(|| Utc::now().date_naive()),
                },
                preview.row_estimate,
            )
            .await?;
        let bytes_total = source.size_bytes;
        let defaults = ImportDefaults { platform, currency: request.currency.clone() };
        let open = move || Ok(RowReader::open(&source, &mapping, defaults)?);
        let writer = CreatorWriter { session, report };
        let (writer, _) = stream_rows(open, writer, bytes_total, &progress, &cancel).await?;
        let CreatorWriter { session, mut report } = writer;
        let batch_id = session.commit(report.counts).await?;
        tracing::info!(batch = batch_id, counts = ?report.counts, "import committed");
        self.finish_import_in_background();
        if let (MappingSource::Given, Some(json)) = (mapping_source, &given_mapping) {
            self.store.save_mapping(&header_key(&headers), json).await?;
        }
        report.import_id = Some(batch_id);
        report.duration_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }

    /// Builds the sort indexes a bulk import deferred and checkpoints its WAL, in the background: the
    /// import's rows are already stored and listed; sorting them is faster once this is done.
    fn finish_import_in_background(&self) {
        let store = self.store.clone();
        tokio::spawn(async move {
            if let Err(e) = store.finish_deferred().await {
                tracing::error!(error = %e, "could not build the deferred sort indexes");
            }
        });
    }

    /// The sort indexes a bulk import left to be built (empty once the background work is done).
    pub async fn deferred_indexes(&self) -> Result<Vec<String>> {
        Ok(self.store.deferred_indexes().await?)
    }

    /// Waits until the work imports left for later is done (see `Store::finish_deferred`); returns how
    /// many sort indexes this call built.
    pub async fn finish_deferred(&self) -> Result<usize> {
        Ok(self.store.finish_deferred().await?)
    }
}
