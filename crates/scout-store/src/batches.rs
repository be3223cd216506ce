//! Import batches: one row per import, with its source, counts and the issues it reported.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{ImportCounts, IssueOutcome, RowIssue};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SourceKind {
    File,
    Demo,
    Api,
    /// Added or edited by hand in Scout.
    Hand,
}

impl SourceKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SourceKind::File => "file",
            SourceKind::Demo => "demo",
            SourceKind::Api => "api",
            SourceKind::Hand => "hand",
        }
    }

    fn parse(s: &str) -> Option<SourceKind> {
        match s {
            "file" => Some(SourceKind::File),
            "demo" => Some(SourceKind::Demo),
            "api" => Some(SourceKind::Api),
            "hand" => Some(SourceKind::Hand),
            _ => None,
        }
    }
}

/// What is known about an import before it starts.
#[derive(Debug, Clone)]
pub struct NewBatch {
    pub source_name: String,
    pub source_kind: SourceKind,
    pub content_hash: Option<String>,
    pub format: Option<String>,
    /// The file's header row.
    pub headers: Vec<String>,
    /// The column mapping used, as JSON: the same file imported with another mapping is another import.
    pub mapping: Option<String>,
    pub as_of: NaiveDate,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportBatch {
    #[ts(type = "number")]
    pub id: i64,
    pub source_name: String,
    pub source_kind: SourceKind,
    pub content_hash: Option<String>,
    pub format: Option<String>,
    pub headers: Vec<String>,
    pub as_of: NaiveDate,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub counts: ImportCounts,
}

const BATCH_COLUMNS: &str =
    "id, source_name, source_kind, content_hash, format, headers, as_of, started_at, finished_at, \
     rows_total, created, updated, unchanged, merged, rejected";

/// A stored value the code cannot read: the workspace was changed by something else, or is damaged.
fn corrupt(table: &'static str, column: &'static str, id: i64, found: &str) -> StoreError {
    StoreError::Corrupt { table, column, id, message: format!("'{found}' is not a value Scout writes here") }
}

fn batch_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<ImportBatch> {
    let count = |name: &str| -> Result<u64> { Ok(row.try_get::<i64, _>(name)?.max(0) as u64) };
    let id: i64 = row.try_get("id")?;
    let kind: &str = row.try_get("source_kind")?;
    let headers: &str = row.try_get("headers")?;
    Ok(ImportBatch {
        id,
        source_name: row.try_get("source_name")?,
        source_kind: SourceKind::parse(kind)
            .ok_or_else(|| corrupt("import_batches", "source_kind", id, kind))?,
        content_hash: row.try_get("content_hash")?,
        format: row.try_get("format")?,
        headers: serde_json::from_str(headers)
            .map_err(|_| corrupt("import_batches", "headers", id, headers))?,
        as_of: row.try_get("as_of")?,
        started_at: row.try_get("started_at")?,
        finished_at: row.try_get("finished_at")?,
        counts: ImportCounts {
            rows_total: count("rows_total")?,
            created: count("created")?,
            updated: count("updated")?,
            unchanged: count("unchanged")?,
            merged: count("merged")?,
            rejected: count("rejected")?,
        },
    })
}

pub(crate) async fn insert_issues(
    conn: &mut sqlx::SqliteConnection,
    batch_id: i64,
    issues: &[RowIssue],
) -> Result<()> {
    // 7 parameters a row; SQLite allows 32766 per statement.
    for chunk in issues.chunks(2000) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO import_issues (batch_id, line, column_name, raw_value, message, outcome, cells) ",
        );
        q.push_values(chunk, |mut b, issue| {
            let cells = issue.cells.as_ref().map(|c| serde_json::to_string(c).unwrap_or_default());
            b.push_bind(batch_id)
                .push_bind(issue.line as i64)
                .push_bind(issue.column.as_deref())
                .push_bind(issue.raw_value.as_deref())
                .push_bind(issue.message.as_str())
                .push_bind(issue.outcome.as_str())
                .push_bind(cells);
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

impl Store {
    /// The finished import of a file with this content hash and column mapping, if there was one.
    pub async fn find_batch_by_hash(
        &self,
        content_hash: &str,
        mapping: Option<&str>,
    ) -> Result<Option<ImportBatch>> {
        let sql = format!(
            "SELECT {BATCH_COLUMNS} FROM import_batches \
             WHERE content_hash = ? AND mapping IS ? AND finished_at IS NOT NULL ORDER BY id LIMIT 1"
        );
        let row = sqlx::query(&sql).bind(content_hash).bind(mapping).fetch_optional(&self.pool).await?;
        row.as_ref().map(batch_from_row).transpose()
    }

    pub async fn batch(&self, id: i64) -> Result<ImportBatch> {
        let sql = format!("SELECT {BATCH_COLUMNS} FROM import_batches WHERE id = ?");
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?;
        batch_from_row(&row.ok_or(StoreError::BatchNotFound(id))?)
    }

    /// Every finished import, newest first.
    pub async fn list_batches(&self) -> Result<Vec<ImportBatch>> {
        let sql = format!(
            "SELECT {BATCH_COLUMNS} FROM import_batches WHERE finished_at IS NOT NULL ORDER BY id DESC"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(batch_from_row).collect()
    }

    /// The issues an import reported, in file order; at most `limit` of them.
    pub async fn batch_issues(&self, batch_id: i64, limit: u32) -> Result<Vec<RowIssue>> {
        let rows = sqlx::query(
            "SELECT id, line, column_name, raw_value, message, outcome, cells FROM import_issues \
             WHERE batch_id = ? ORDER BY line, id LIMIT ?",
        )
        .bind(batch_id)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                let outcome: &str = row.try_get("outcome")?;
                let cells: Option<&str> = row.try_get("cells")?;
                let cells = cells
                    .map(|c| serde_json::from_str(c).map_err(|_| corrupt("import_issues", "cells", id, c)))
                    .transpose()?;
                Ok(RowIssue {
                    line: row.try_get::<i64, _>("line")?.max(0) as u64,
                    column: row.try_get("column_name")?,
                    raw_value: row.try_get("raw_value")?,
                    message: row.try_get("message")?,
                    outcome: IssueOutcome::parse(outcome)
                        .ok_or_else(|| corrupt("import_issues", "outcome", id, outcome))?,
                    cells,
                })
            })
            .collect()
    }

    /// Every rejected row of an import with its cells and reason, in file order.
    pub async fn rejected_rows(&self, batch_id: i64) -> Result<Vec<RowIssue>> {
        self.batch(batch_id).await?;
        let all = self.batch_issues(batch_id, u32::MAX).await?;
        Ok(all.into_iter().filter(|i| i.outcome == IssueOutcome::Rejected).collect())
    }
}
