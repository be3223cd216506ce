//! [`ResultsReader`]: the streaming read of one results file. Rows are read and parsed one at a time;
//! every data row comes back exactly once, accepted or rejected.

use super::cells::RowCells;
use super::columns::HeaderLanguage;
use super::day_order::DateOrder;
use crate::rows::early_remarks;
use crate::source::{RawRow, RawSource};
use crate::{CellIssue, FileFormat, Result, SourceFile};
use scout_domain::ResultsFileKind;
use serde::Serialize;

/// One data row of a results file, read.
// Rows are consumed one at a time, so the size gap between the variants costs nothing worth a Box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResultsRow<T> {
    /// The record passed its domain's checks; `issues` are optional cells that could not be read (left
    /// empty) and remarks about cells that were.
    Accepted { line: u64, record: T, issues: Vec<CellIssue> },
    /// The row was not imported: `reason` names the column when one cell is to blame.
    Rejected { line: u64, cells: Vec<String>, reason: String, issues: Vec<CellIssue> },
}

impl<T> ResultsRow<T> {
    /// The 1-based line where the row starts in the file (the sheet row for a workbook).
    pub fn line(&self) -> u64 {
        match self {
            ResultsRow::Accepted { line, .. } | ResultsRow::Rejected { line, .. } => *line,
        }
    }

    pub fn issues(&self) -> &[CellIssue] {
        match self {
            ResultsRow::Accepted { issues, .. } | ResultsRow::Rejected { issues, .. } => issues,
        }
    }

    pub fn record(&self) -> Option<&T> {
        match self {
            ResultsRow::Accepted { record, .. } => Some(record),
            ResultsRow::Rejected { .. } => None,
        }
    }
}

/// Turns one row's cells into a record, or the reason it cannot be one.
pub(crate) trait RowParser<T>: std::fmt::Debug + Send {
    fn parse(&mut self, cx: &mut RowCells<'_>) -> std::result::Result<T, String>;
    fn date_order(&self) -> DateOrder;
    /// Dates read so far that could have been either way round.
    fn dates_decided(&self) -> u64;
}

/// Reads a results file's data rows. An `Err` item is fatal (I/O, a broken file) and ends the
/// iteration; a row that cannot be imported is an `Ok(ResultsRow::Rejected)`.
#[derive(Debug)]
pub struct ResultsReader<T> {
    source: RawSource,
    headers: Vec<String>,
    kind: ResultsFileKind,
    language: HeaderLanguage,
    /// Text files must have the header's field count in every row; sheets are padded.
    strict_width: bool,
    parser: Box<dyn RowParser<T>>,
}

impl<T> ResultsReader<T> {
    pub(crate) fn new(
        source: RawSource,
        headers: Vec<String>,
        file: &SourceFile,
        kind: ResultsFileKind,
        language: HeaderLanguage,
        parser: Box<dyn RowParser<T>>,
    ) -> ResultsReader<T> {
        let strict_width = file.format != FileFormat::Xlsx;
        ResultsReader { source, headers, kind, language, strict_width, parser }
    }

    /// Raw bytes of the file read so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.source.bytes_read()
    }

    /// The header row as the file has it.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    pub fn kind(&self) -> ResultsFileKind {
        self.kind
    }

    /// The language the headers are in.
    pub fn language(&self) -> HeaderLanguage {
        self.language
    }

    /// How dates that could be either way round ("03/10/2026") are read, and why; see
    /// [`DateOrder::describe`].
    pub fn date_order(&self) -> DateOrder {
        self.parser.date_order()
    }

    /// How many dates read so far could have been either way round and were read in [`Self::date_order`].
    pub fn dates_decided(&self) -> u64 {
        self.parser.dates_decided()
    }

    fn build(&mut self, raw: RawRow) -> ResultsRow<T> {
        let RawRow { line, mut cells, bad_utf8, imprecise } = raw;
        if cells.iter().all(|c| c.trim().is_empty()) {
            return ResultsRow::Rejected { line, cells, reason: "blank row".into(), issues: Vec::new() };
        }
        let width = self.headers.len();
        if self.strict_width && cells.len() != width {
            let reason = format!("row has {} fields; the header has {width}", cells.len());
            return ResultsRow::Rejected { line, cells, reason, issues: Vec::new() };
        }
        let early = early_remarks(&cells, &bad_utf8, width);
        cells.resize(width, String::new());
        let mut cx = RowCells::new(line, &self.headers, &cells, &imprecise);
        for (col, raw, why) in &early {
            let raw = raw.trim();
            cx.issue(*col, raw, &format!("'{raw}' {why}"));
        }
        let parsed = self.parser.parse(&mut cx);
        let issues = cx.into_issues();
        match parsed {
            Ok(record) => ResultsRow::Accepted { line, record, issues },
            Err(reason) => ResultsRow::Rejected { line, cells, reason, issues },
        }
    }
}

impl<T> Iterator for ResultsReader<T> {
    type Item = Result<ResultsRow<T>>;

    fn next(&mut self) -> Option<Result<ResultsRow<T>>> {
        let raw = self.source.next_row()?;
        Some(raw.map(|r| self.build(r)))
    }
}
