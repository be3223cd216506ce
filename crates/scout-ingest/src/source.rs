//! Raw rows out of a sniffed file — cells as text with their line number — whatever the format: CSV/TSV
//! through the `csv` crate over a streaming decoder, spreadsheets through [`crate::xlsx`]. Also finds the
//! header: the first non-blank row (after an Excel `sep=` line).

use crate::decode;
use crate::lines::{self, NewlineTracker};
use crate::xlsx::SheetRows;
use crate::{FileFormat, IngestError, Result, SourceFile};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// One row as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawRow {
    /// 1-based physical line where the record starts (header = line 1); the sheet row for a workbook.
    pub line: u64,
    pub cells: Vec<String>,
    /// Cells whose bytes were not valid UTF-8 (read with replacement characters).
    pub bad_utf8: Vec<usize>,
    /// Cells of a workbook holding a number of 10^15 or more: a spreadsheet keeps 15 significant digits,
    /// so the text shown is not the number written (an 18-digit id stored as a number is lost).
    pub imprecise: Vec<usize>,
}

impl RawRow {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

#[derive(Debug)]
pub(crate) enum RawSource {
    Text(TextRows),
    Sheet(SheetRows),
}

impl RawSource {
    pub fn open(source: &SourceFile) -> Result<RawSource> {
        match source.format {
            FileFormat::Xlsx => SheetRows::open(source).map(RawSource::Sheet),
            FileFormat::Csv | FileFormat::Tsv => TextRows::open(source).map(RawSource::Text),
        }
    }

    pub fn next_row(&mut self) -> Option<Result<RawRow>> {
        match self {
            RawSource::Text(t) => t.next_row(),
            RawSource::Sheet(s) => s.next_row(),
        }
    }

    /// Raw bytes consumed so far (approximate for a workbook).
    pub fn bytes_read(&self) -> u64 {
        match self {
            RawSource::Text(t) => t.count.load(Ordering::Relaxed),
            RawSource::Sheet(s) => s.bytes_read(),
        }
    }

    /// Decoded bytes parsed so far, for a text file (0 for a workbook).
    pub fn decoded_position(&self) -> u64 {
        match self {
            RawSource::Text(t) => t.reader.position().byte(),
            RawSource::Sheet(_) => 0,
        }
    }

    /// A workbook's last row number, when the file says.
    pub fn sheet_rows_total(&self) -> Option<u64> {
        match self {
            RawSource::Text(_) => None,
            RawSource::Sheet(s) => Some(s.rows_total()),
        }
    }

    /// The header: the first row that is not blank; an Excel `sep=` hint line before it is skipped.
    pub fn read_header(&mut self, file: &str) -> Result<RawRow> {
        let mut first = true;
        while let Some(row) = self.next_row() {
            let row = row?;
            let is_sep_hint = first && matches!(self, RawSource::Text(_)) && is_sep_hint(&row.cells);
            first = false;
            if !row.is_blank() && !is_sep_hint {
                return Ok(row);
            }
        }
        Err(IngestError::NoHeader { file: file.to_string() })
    }
}

/// Excel's `sep=;` line as the CSV reader splits it: "sep=" and an empty cell (the delimiter itself
/// splits the line), or one cell "sep=X" for a delimiter other than the file's.
fn is_sep_hint(cells: &[String]) -> bool {
    match cells {
        [only] => crate::sniff::excel_sep_line(only).is_some(),
        [first, second] => first == "sep=" && second.is_empty(),
        _ => false,
    }
}

/// Records of a delimited text file, decoded to UTF-8 as they stream.
pub(crate) struct TextRows {
    reader: csv::Reader<NewlineTracker<Box<dyn Read + Send>>>,
    record: csv::ByteRecord,
    count: Arc<AtomicU64>,
    file: String,
    last_line: u64,
    done: bool,
}

impl std::fmt::Debug for TextRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextRows").field("file", &self.file).field("last_line", &self.last_line).finish()
    }
}

impl TextRows {
    fn open(source: &SourceFile) -> Result<TextRows> {
        let unsupported = |why: String| IngestError::Unsupported { file: source.file_name.clone(), why };
        let delimiter = source.delimiter.unwrap_or(',');
        let delimiter = u8::try_from(delimiter)
            .ok()
            .filter(u8::is_ascii)
            .ok_or_else(|| unsupported(format!("delimiter '{delimiter}' is not a single ASCII character")))?;
        let (text, count) = decode::open_text(&source.path, &source.encoding)
            .map_err(|e| IngestError::Io { path: source.path.clone(), source: e })?;
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(256 * 1024)
            .from_reader(NewlineTracker::new(text));
        Ok(TextRows {
            reader,
            record: csv::ByteRecord::new(),
            count,
            file: source.file_name.clone(),
            last_line: 0,
            done: false,
        })
    }

    fn next_row(&mut self) -> Option<Result<RawRow>> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                let end = self.reader.position().clone();
                let inside: usize =
                    self.record.iter().map(|f| f.iter().filter(|b| **b == b'\n').count()).sum();
                let by_newline = self.reader.get_mut().newline_before(end.byte());
                let line = lines::start_line(end.line(), by_newline, inside as u64);
                self.last_line = line;
                let mut bad_utf8 = Vec::new();
                let cells = self
                    .record
                    .iter()
                    .enumerate()
                    .map(|(i, bytes)| match std::str::from_utf8(bytes) {
                        Ok(s) => s.to_string(),
                        Err(_) => {
                            bad_utf8.push(i);
                            String::from_utf8_lossy(bytes).into_owned()
                        }
                    })
                    .collect();
                Some(Ok(RawRow { line, cells, bad_utf8, imprecise: Vec::new() }))
            }
            Err(e) => {
                self.done = true;
                let line = e.position().map_or(self.last_line + 1, csv::Position::line);
                Some(Err(IngestError::Broken { file: self.file.clone(), line, message: e.to_string() }))
            }
        }
    }
}
