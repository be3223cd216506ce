//! Results files written to a temporary folder (CSV in several encodings, XLSX through rust_xlsxwriter),
//! sniffed and read back through the public API.

mod files;
mod orders;
mod videos;

use super::{open_orders, open_videos, ResultsReader, ResultsRow};
use crate::{sniff, CellIssue, SourceFile};
use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use scout_domain::{Currency, OrderLine, VideoResult};

/// Writes `bytes` as `name` in `dir` and sniffs it.
pub(super) fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> SourceFile {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the temp file can be written");
    sniff(&path).unwrap_or_else(|e| panic!("{name} should sniff: {e}"))
}

/// A CSV file from lines (joined with CRLF, as Excel and Seller Center write them).
pub(super) fn csv(dir: &tempfile::TempDir, name: &str, lines: &[&str]) -> SourceFile {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    file(dir, name, text.as_bytes())
}

/// A cell of a test workbook.
#[derive(Debug, Clone)]
pub(super) enum Cell {
    Text(&'static str),
    Number(f64),
    /// A date-time cell with a date format ("2026-10-03 14:05:22").
    DateTime(&'static str),
    Empty,
}

/// A workbook whose first sheet holds `rows` from the top left.
pub(super) fn xlsx(dir: &tempfile::TempDir, name: &str, rows: &[Vec<Cell>]) -> SourceFile {
    let path = dir.path().join(name);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let format = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, *t).map(|_| ()),
                Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                Cell::DateTime(t) => {
                    let dt = ExcelDateTime::parse_from_str(t).expect("a test date-time");
                    sheet.write_datetime_with_format(r, c, dt, &format).map(|_| ())
                }
                Cell::Empty => Ok(()),
            }
            .expect("the cell is written");
        }
    }
    book.save(&path).expect("the workbook is saved");
    sniff(&path).unwrap_or_else(|e| panic!("{name} should sniff: {e}"))
}

/// Every row of an order file, read with `default` as the default currency.
pub(super) fn orders_in(
    source: &SourceFile,
    default: &str,
) -> (ResultsReader<OrderLine>, Vec<ResultsRow<OrderLine>>) {
    let currency = Currency::parse(default).expect("a test currency");
    let mut reader = open_orders(source, &currency).unwrap_or_else(|e| panic!("should open: {e}"));
    let rows =
        reader.by_ref().map(|r| r.unwrap_or_else(|e| panic!("no fatal error expected: {e}"))).collect();
    (reader, rows)
}

/// Every row of a video file, read with `default` as the default currency.
pub(super) fn videos_in(
    source: &SourceFile,
    default: &str,
) -> (ResultsReader<VideoResult>, Vec<ResultsRow<VideoResult>>) {
    let currency = Currency::parse(default).expect("a test currency");
    let mut reader = open_videos(source, &currency).unwrap_or_else(|e| panic!("should open: {e}"));
    let rows =
        reader.by_ref().map(|r| r.unwrap_or_else(|e| panic!("no fatal error expected: {e}"))).collect();
    (reader, rows)
}

/// The accepted record of a row with its issues; panics with the reason when it was rejected.
pub(super) fn accepted<T>(row: &ResultsRow<T>) -> (&T, &[CellIssue]) {
    match row {
        ResultsRow::Accepted { record, issues, .. } => (record, issues.as_slice()),
        ResultsRow::Rejected { line, reason, .. } => {
            panic!("line {line} should be accepted, was rejected: {reason}")
        }
    }
}

/// The reason a row was rejected; panics when it was accepted.
pub(super) fn rejected<T: std::fmt::Debug>(row: &ResultsRow<T>) -> &str {
    match row {
        ResultsRow::Rejected { reason, .. } => reason,
        ResultsRow::Accepted { line, record, .. } => panic!("line {line} should be rejected, got {record:?}"),
    }
}

pub(super) fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, s)).expect("a real test time")
}

pub(super) fn currency(code: &str) -> Currency {
    Currency::parse(code).expect("a test currency")
}

#[test]
fn readers_can_move_to_a_worker_thread() {
    fn send<T: Send>() {}
    send::<ResultsReader<OrderLine>>();
    send::<ResultsReader<VideoResult>>();
}
