//! Rows of the first sheet of a workbook, as text, streamed from a reader thread.
//!
//! calamine's cell readers borrow the workbook, so the workbook and its reader live on their own thread
//! and rows come over a bounded channel: an XLSX is read cell by cell without loading the sheet, and a
//! dropped [`SheetRows`] stops the thread at its next send. (XLS and ODS have no cell reader in calamine;
//! their sheet is loaded whole, which their size limits make acceptable.)

use crate::source::RawRow;
use crate::{IngestError, Result, SourceFile};
use calamine::{open_workbook_auto, DataType, Reader, Sheets};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

/// Rows buffered between the reader thread and the importer.
const CHANNEL_ROWS: usize = 256;

#[derive(Debug)]
enum Message {
    /// The sheet is open; its last row number (1-based), 0 when the file does not say.
    Opened {
        rows_total: u64,
    },
    Row(RawRow),
    Failed(String),
}

/// The rows of a workbook's first sheet, in sheet order; each row's `line` is its sheet row number.
#[derive(Debug)]
pub(crate) struct SheetRows {
    rx: Receiver<Message>,
    file: String,
    size_bytes: u64,
    rows_total: u64,
    last_row: u64,
    done: bool,
}

impl SheetRows {
    /// Opens the workbook on a reader thread; fails here, not at the first row, when it cannot be read.
    pub fn open(source: &SourceFile) -> Result<SheetRows> {
        let (tx, rx) = sync_channel(CHANNEL_ROWS);
        let path: PathBuf = source.path.clone();
        let file = source.file_name.clone();
        let failed = |message: String| IngestError::Spreadsheet { file: file.clone(), message };
        std::thread::Builder::new()
            .name("scout-ingest-sheet".into())
            .spawn(move || {
                if let Err(e) = read_first_sheet(&path, &tx) {
                    let _ = tx.send(Message::Failed(e.to_string()));
                }
            })
            .map_err(|e| failed(format!("cannot start the reader thread: {e}")))?;
        let rows_total = match rx.recv() {
            Ok(Message::Opened { rows_total }) => rows_total,
            Ok(Message::Failed(message)) => return Err(failed(message)),
            Ok(Message::Row(_)) | Err(_) => {
                return Err(failed("the reader stopped before the sheet opened".into()))
            }
        };
        Ok(SheetRows { rx, file, size_bytes: source.size_bytes, rows_total, last_row: 0, done: false })
    }

    pub fn next_row(&mut self) -> Option<Result<RawRow>> {
        if self.done {
            return None;
        }
        match self.rx.recv() {
            Ok(Message::Row(row)) => {
                self.last_row = row.line;
                Some(Ok(row))
            }
            Ok(Message::Failed(message)) => {
                self.done = true;
                let line = self.last_row + 1;
                Some(Err(IngestError::Broken { file: self.file.clone(), line, message }))
            }
            Ok(Message::Opened { .. }) | Err(_) => {
                self.done = true;
                None
            }
        }
    }

    /// Progress as a share of the file's size: rows done over the sheet's last row.
    pub fn bytes_read(&self) -> u64 {
        if self.done || self.rows_total == 0 {
            return if self.done { self.size_bytes } else { 0 };
        }
        let share = self.last_row.min(self.rows_total) as f64 / self.rows_total as f64;
        (share * self.size_bytes as f64) as u64
    }

    /// The sheet's last row number (0 when unknown), for a row estimate.
    pub fn rows_total(&self) -> u64 {
        self.rows_total
    }
}

/// Reads the first sheet and sends its rows; returns the reason when the workbook cannot be read.
fn read_first_sheet(path: &Path, tx: &SyncSender<Message>) -> std::result::Result<(), SheetError> {
    let mut workbook = open_workbook_auto(path)?;
    let name = workbook.sheet_names().first().cloned().ok_or(SheetError::NoSheet)?;
    let mut rows = RowAssembler::new(tx);
    match &mut workbook {
        Sheets::Xlsx(book) => {
            let mut cells = book.worksheet_cells_reader(&name).map_err(calamine::Error::from)?;
            rows.opened(u64::from(cells.dimensions().end.0) + 1)?;
            while let Some(cell) = cells.next_cell().map_err(calamine::Error::from)? {
                rows.push(cell.get_position(), cell.get_value())?;
            }
        }
        Sheets::Xlsb(book) => {
            let mut cells = book.worksheet_cells_reader(&name).map_err(calamine::Error::from)?;
            rows.opened(u64::from(cells.dimensions().end.0) + 1)?;
            while let Some(cell) = cells.next_cell().map_err(calamine::Error::from)? {
                rows.push(cell.get_position(), cell.get_value())?;
            }
        }
        Sheets::Xls(_) | Sheets::Ods(_) => {
            let range = workbook.worksheet_range(&name)?;
            let (row0, col0) = range.start().unwrap_or((0, 0));
            rows.opened(range.end().map_or(0, |(r, _)| u64::from(r) + 1))?;
            for (r, row) in range.rows().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    let at = (row0 + r as u32, col0 + c as u32);
                    rows.push(at, value)?;
                }
            }
        }
    }
    rows.finish()
}

/// Gathers cells (in sheet order) into rows; a row whose cells are all empty is not a row.
struct RowAssembler<'a> {
    tx: &'a SyncSender<Message>,
    row: Option<u32>,
    cells: Vec<String>,
    imprecise: Vec<usize>,
}

/// Why the sheet could not be read to the end.
#[derive(Debug, thiserror::Error)]
enum SheetError {
    #[error(transparent)]
    Workbook(#[from] calamine::Error),
    #[error("the workbook has no sheet")]
    NoSheet,
    /// The receiver is gone: the import was dropped or cancelled. Not an error worth a message.
    #[error("stopped")]
    Stopped,
}

impl<'a> RowAssembler<'a> {
    fn new(tx: &'a SyncSender<Message>) -> RowAssembler<'a> {
        RowAssembler { tx, row: None, cells: Vec::new(), imprecise: Vec::new() }
    }

    fn opened(&self, rows_total: u64) -> std::result::Result<(), SheetError> {
        self.tx.send(Message::Opened { rows_total }).map_err(|_| SheetError::Stopped)
    }

    fn push<T: DataType>(
        &mut self,
        (row, col): (u32, u32),
        value: &T,
    ) -> std::result::Result<(), SheetError> {
        if value.is_empty() {
            return Ok(());
        }
        if self.row != Some(row) {
            self.flush()?;
            self.row = Some(row);
        }
        let col = col as usize;
        if self.cells.len() <= col {
            self.cells.resize(col + 1, String::new());
        }
        self.cells[col] = cell_text(value);
        if value.get_float().is_some_and(|f| f.abs() >= 1e15) {
            self.imprecise.push(col);
        }
        Ok(())
    }

    fn flush(&mut self) -> std::result::Result<(), SheetError> {
        if let Some(row) = self.row.take() {
            let cells = std::mem::take(&mut self.cells);
            let imprecise = std::mem::take(&mut self.imprecise);
            let raw = RawRow { line: u64::from(row) + 1, cells, bad_utf8: Vec::new(), imprecise };
            self.tx.send(Message::Row(raw)).map_err(|_| SheetError::Stopped)?;
        }
        Ok(())
    }

    fn finish(mut self) -> std::result::Result<(), SheetError> {
        self.flush()
    }
}

/// A cell as the text a person sees: integers without ".0", no binary float noise, dates as ISO dates.
pub(crate) fn cell_text<T: DataType>(value: &T) -> String {
    if let Some(s) = value.get_string() {
        return s.to_string();
    }
    if let Some(i) = value.get_int() {
        return i.to_string();
    }
    if let Some(f) = value.get_float() {
        return float_text(f);
    }
    if let Some(b) = value.get_bool() {
        return if b { "TRUE" } else { "FALSE" }.to_string();
    }
    if let Some(dt) = value.get_datetime() {
        if dt.is_datetime() {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            return if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            };
        }
        return float_text(dt.as_f64());
    }
    if let Some(s) = value.get_datetime_iso().or_else(|| value.get_duration_iso()) {
        return s.to_string();
    }
    value.get_error().map(|e| e.to_string()).unwrap_or_default()
}

/// Excel shows 15 significant digits; more is binary noise (0.1 + 0.2 = 0.30000000000000004).
pub(crate) fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Data;

    #[test]
    fn numbers_read_as_a_person_sees_them() {
        assert_eq!(float_text(1_234_567.0), "1234567", "no .0 on whole numbers");
        assert_eq!(float_text(0.1 + 0.2), "0.3", "no binary noise");
        assert_eq!(float_text(0.034), "0.034", "fractions stay");
        assert_eq!(float_text(2.28e11), "228000000000", "large whole numbers in full");
        assert_eq!(cell_text(&Data::Int(42)), "42", "integers");
        assert_eq!(cell_text(&Data::String("مرحبا 😀".into())), "مرحبا 😀", "text verbatim");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE", "booleans as Excel prints them");
        assert_eq!(
            cell_text(&Data::Error(calamine::CellErrorType::Div0)),
            "#DIV/0!",
            "errors as Excel prints them"
        );
    }
}
