//! Writing what the workspace holds back out to files.

use crate::streaming::blocking;
use crate::{AppError, Result, Workspace};
use scout_ingest::template::{record_cells, CSV_HEADERS};
use scout_store::CreatorQuery;
use std::path::{Path, PathBuf};

/// Creators read from the database at a time while exporting.
const EXPORT_CHUNK: u32 = 5_000;
/// Template columns that hold plain counts: written as numbers in XLSX.
const COUNT_COLUMNS: [&str; 7] =
    ["followers", "following", "avg_views", "avg_likes", "avg_comments", "avg_shares", "units_sold"];
/// An XLSX sheet holds 1,048,576 rows, one of them the header.
const XLSX_MAX_ROWS: u64 = 1_048_575;

// One sink lives per export, on the stack once: the variants' sizes do not matter.
#[allow(clippy::large_enum_variant)]
enum Sink {
    Csv(csv::Writer<std::fs::File>),
    Xlsx(rust_xlsxwriter::Workbook),
}

fn xlsx_error(path: &Path) -> impl Fn(rust_xlsxwriter::XlsxError) -> AppError + '_ {
    move |e| AppError::Export { path: path.to_path_buf(), message: e.to_string() }
}

/// Writes Scout's import template — its header row, one column per field the import reads — as a CSV
/// file for the seller to fill in and import (needs no workspace).
pub fn write_import_template(path: &Path) -> Result<()> {
    let failed = |e: csv::Error| AppError::Export { path: path.to_path_buf(), message: e.to_string() };
    let mut w = csv::Writer::from_path(path).map_err(failed)?;
    w.write_record(CSV_HEADERS).map_err(failed)?;
    w.flush().map_err(|source| AppError::Io { action: "write", path: path.to_path_buf(), source })
}

impl Workspace {
    /// Writes every creator matching the query's filters, in its sort order, to a CSV or XLSX file (by
    /// the extension) in Scout's import template, so the file imports back unchanged. Returns the
    /// number of creators written.
    #[tracing::instrument(skip(self, query))]
    pub async fn export_creators(&self, query: &CreatorQuery, path: PathBuf) -> Result<u64> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let csv_error = |e: csv::Error| AppError::Export { path: path.clone(), message: e.to_string() };
        let mut sink = match ext.as_deref() {
            Some("csv") => Sink::Csv(csv::Writer::from_path(&path).map_err(csv_error)?),
            Some("xlsx") => {
                let total =
                    self.store.list_creators(&CreatorQuery { limit: 0, ..query.clone() }).await?.total;
                if total > XLSX_MAX_ROWS {
                    return Err(AppError::InvalidInput(format!(
                        "{total} creators do not fit in one XLSX sheet (at most {XLSX_MAX_ROWS}); export to CSV or filter first"
                    )));
                }
                Sink::Xlsx(rust_xlsxwriter::Workbook::new())
            }
            _ => {
                return Err(AppError::InvalidInput(format!(
                    "{}: export to a .csv or .xlsx file",
                    path.display()
                )))
            }
        };
        let mut written = 0u64;
        let mut cells = vec![String::new(); CSV_HEADERS.len()];
        let count_columns: Vec<bool> = CSV_HEADERS.iter().map(|h| COUNT_COLUMNS.contains(h)).collect();
        if let Sink::Xlsx(book) = &mut sink {
            let sheet = book.add_worksheet_with_constant_memory().map_err(xlsx_error(&path))?;
            sheet.set_name("Creators").map_err(xlsx_error(&path))?;
            sheet.write_row(0, 0, CSV_HEADERS).map_err(xlsx_error(&path))?;
        }
        if let Sink::Csv(w) = &mut sink {
            w.write_record(CSV_HEADERS).map_err(csv_error)?;
        }
        self.store
            .for_each_record(query, EXPORT_CHUNK, |records| -> Result<()> {
                for record in &records {
                    record_cells(record, &mut cells);
                    written += 1;
                    match &mut sink {
                        Sink::Csv(w) => w.write_record(&cells).map_err(csv_error)?,
                        Sink::Xlsx(book) => {
                            let sheet = book.worksheet_from_index(0).map_err(xlsx_error(&path))?;
                            let row = u32::try_from(written).unwrap_or(u32::MAX);
                            for (col, cell) in cells.iter().enumerate() {
                                let col = col as u16;
                                match cell.parse::<f64>() {
                                    Ok(n) if count_columns[col as usize] => sheet.write_number(row, col, n),
                                    _ if cell.is_empty() => continue,
                                    _ => sheet.write_string(row, col, cell),
                                }
                                .map_err(xlsx_error(&path))?;
                            }
                        }
                    }
                }
                Ok(())
            })
            .await?;
        match sink {
            Sink::Csv(mut w) => {
                w.flush().map_err(|source| AppError::Io { action: "write", path: path.clone(), source })?
            }
            Sink::Xlsx(mut book) => book.save(&path).map_err(xlsx_error(&path))?,
        }
        tracing::info!(written, "creators exported");
        Ok(written)
    }

    /// Writes an import's rejected rows to a CSV for fixing: the row's cells as they were under the
    /// file's own header, then the original line number and why the row was rejected. Returns the number of rows written.
    pub async fn export_rejected_rows(&self, batch_id: i64, path: PathBuf) -> Result<u64> {
        let headers = self.store.batch(batch_id).await?.headers;
        let rejected = self.store.rejected_rows(batch_id).await?;
        blocking(move || {
            let io = |e: csv::Error| AppError::Export { path: path.clone(), message: e.to_string() };
            // The file's own columns first, so the fixed file imports again with the same mapping; the
            // two extra columns match no field and are ignored on re-import.
            let mut w = csv::WriterBuilder::new().flexible(true).from_path(&path).map_err(io)?;
            let mut header = headers.clone();
            header.extend(["scout_rejected_line".to_string(), "scout_rejected_reason".to_string()]);
            w.write_record(&header).map_err(io)?;
            for r in &rejected {
                let mut record = r.cells.clone().unwrap_or_default();
                record.resize(headers.len().max(record.len()), String::new());
                record.extend([r.line.to_string(), r.message.clone()]);
                w.write_record(&record).map_err(io)?;
            }
            w.flush().map_err(|e| AppError::Io { action: "write", path: path.clone(), source: e })?;
            Ok(rejected.len() as u64)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_the_header_the_import_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators-template.csv");
        write_import_template(&path).unwrap();
        let committed = include_str!("../../../../fixtures/creators-template.csv");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            committed,
            "the same as fixtures/creators-template.csv"
        );
        let refused = write_import_template(&dir.path().join("missing/creators-template.csv")).unwrap_err();
        assert!(refused.to_string().contains("missing"), "{refused}");
    }
}
