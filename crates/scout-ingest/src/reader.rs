//! [`RowReader`]: the streaming import of one file with one mapping. Rows are read, decoded and parsed
//! one at a time, so a 1 GB CSV never sits in memory.

use crate::mapping::ColumnMapping;
use crate::rows::RowBuilder;
use crate::source::RawSource;
use crate::{FileFormat, ImportDefaults, ParsedRow, Result, SourceFile};

/// Reads a file's data rows as [`ParsedRow`]s. An `Err` item is fatal (I/O, a broken file) and ends the
/// iteration; a row that cannot be imported is an `Ok(ParsedRow::Rejected)`.
#[derive(Debug)]
pub struct RowReader {
    source: RawSource,
    headers: Vec<String>,
    builder: RowBuilder,
}

impl RowReader {
    /// Opens `source` and reads its header. Fails when the mapping does not fit the header or leaves a
    /// required field (the handle) unmapped.
    pub fn open(source: &SourceFile, mapping: &ColumnMapping, defaults: ImportDefaults) -> Result<RowReader> {
        let mut raw = RawSource::open(source)?;
        let headers = clean_headers(raw.read_header(&source.file_name)?.cells);
        mapping.check_fits(&headers, &source.file_name)?;
        mapping.check_required(&source.file_name)?;
        let strict_width = source.format != FileFormat::Xlsx;
        let builder = RowBuilder::new(headers.clone(), mapping, defaults, strict_width);
        Ok(RowReader { source: raw, headers, builder })
    }

    /// Raw bytes of the file read so far, for a progress bar (for a workbook: the share of rows done
    /// times the file size).
    pub fn bytes_read(&self) -> u64 {
        self.source.bytes_read()
    }

    /// The header row as the file has it.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }
}

impl Iterator for RowReader {
    type Item = Result<ParsedRow>;

    fn next(&mut self) -> Option<Result<ParsedRow>> {
        let raw = self.source.next_row()?;
        Some(raw.map(|r| self.builder.build(r)))
    }
}

/// Header cells as written, less a stray byte-order mark some exporters leave in the first one.
pub(crate) fn clean_headers(mut cells: Vec<String>) -> Vec<String> {
    if let Some(first) = cells.first_mut() {
        if let Some(rest) = first.strip_prefix('\u{feff}') {
            *first = rest.to_string();
        }
    }
    cells
}
