//! The first look at a file before importing it: what it is, its header, the suggested (or given)
//! mapping, the first rows as text and how many rows to expect.

use crate::fields::Field;
use crate::mapping::{suggest_mapping, ColumnMapping};
use crate::platform::{platform_hint, PlatformHint};
use crate::reader::clean_headers;
use crate::source::RawSource;
use crate::{sniff, Result, SourceFile};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// How many data rows a preview shows.
const SAMPLE_ROWS: usize = 20;
/// How many rows of a text file the row estimate is measured on.
const ESTIMATE_ROWS: u64 = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Preview {
    pub source: SourceFile,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// The first data rows (blank rows skipped), cells as raw text.
    pub sample_rows: Vec<Vec<String>>,
    /// Exact (non-blank data rows) for a short file; otherwise estimated from the first rows' size, or
    /// from a workbook's last row number.
    #[ts(type = "number")]
    pub row_estimate: u64,
    pub missing_required: Vec<Field>,
    pub unmapped_columns: Vec<String>,
    /// The platform the headers and file name say the creators are on.
    pub platform: PlatformHint,
}

/// Sniffs `path` and reads its header and first rows. `mapping` `None` suggests one from the headers;
/// a given mapping must have one entry per column.
pub fn preview(path: &Path, mapping: Option<ColumnMapping>) -> Result<Preview> {
    let source = sniff(path)?;
    let mut raw = RawSource::open(&source)?;
    let header = raw.read_header(&source.file_name)?;
    let header_line = header.line;
    let after_header = raw.decoded_position();
    let headers = clean_headers(header.cells);
    let mapping = match mapping {
        Some(m) => {
            m.check_fits(&headers, &source.file_name)?;
            m
        }
        None => suggest_mapping(&headers),
    };
    let mut sample_rows = Vec::new();
    let (mut rows_read, mut data_rows, mut ended) = (0u64, 0u64, false);
    // Past the sample, a longer stretch of a text file makes a steadier estimate (a few milliseconds);
    // a workbook says how many rows it has.
    let measure = if raw.sheet_rows_total().is_some() { 0 } else { ESTIMATE_ROWS };
    while sample_rows.len() < SAMPLE_ROWS || (rows_read < measure && !ended) {
        let Some(row) = raw.next_row() else {
            ended = true;
            break;
        };
        let row = row?;
        rows_read += 1;
        if !row.is_blank() {
            data_rows += 1;
            if sample_rows.len() < SAMPLE_ROWS {
                sample_rows.push(row.cells);
            }
        }
    }
    if !ended && raw.sheet_rows_total().is_some() {
        ended = raw.next_row().is_none();
    }
    let row_estimate = if ended {
        data_rows
    } else {
        estimate(&raw, &source, header_line, after_header, rows_read).max(data_rows + 1)
    };
    Ok(Preview {
        platform: platform_hint(&headers, &source.file_name),
        missing_required: mapping.missing_required(),
        unmapped_columns: mapping.unmapped_columns(&headers),
        source,
        headers,
        mapping,
        sample_rows,
        row_estimate,
    })
}

/// Rows in the whole file from the sample: a sheet knows its last row; a text file is measured by the
/// decoded bytes per row so far (UTF-16 takes two raw bytes per decoded one for the Latin script).
fn estimate(
    raw: &RawSource,
    source: &SourceFile,
    header_line: u64,
    after_header: u64,
    rows_read: u64,
) -> u64 {
    if let Some(total) = raw.sheet_rows_total().filter(|t| *t > 0) {
        return total.saturating_sub(header_line);
    }
    let per_row = raw.decoded_position().saturating_sub(after_header) as f64 / rows_read.max(1) as f64;
    let raw_per_decoded = if source.encoding.starts_with("UTF-16") { 2.0 } else { 1.0 };
    let data_bytes = (source.size_bytes as f64 / raw_per_decoded) - after_header as f64;
    if per_row <= 0.0 {
        return rows_read;
    }
    (data_bytes / per_row).round().max(0.0) as u64
}
