//! Writing order lines and videos as export files: CSV (UTF-8, no byte-order mark, `\n`, quoted only
//! when needed) or XLSX (one sheet, the header on row 1, ids as text so 18 digits stay exact, counts and
//! amounts as numbers). Both stream: a million lines never sit in memory.

use super::cells::{order_cells, render, video_cells, Cell};
use super::language::ExportLanguage;
use super::render::written_units;
use crate::error::{DemoError, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use scout_domain::{Currency, OrderLine, VideoResult};
use std::io::Write;
use std::path::Path;

/// The most data rows one XLSX sheet holds (1,048,576 rows less the header).
pub const XLSX_MAX_ROWS: u64 = 1_048_575;

/// Something a results export lists one per row.
trait ExportRow {
    fn headers(lang: ExportLanguage) -> &'static [&'static str];
    fn currency(&self) -> &Currency;
    fn with_cells<R>(&self, f: impl FnOnce(&[Cell<'_>]) -> R) -> R;
}

impl ExportRow for OrderLine {
    fn headers(lang: ExportLanguage) -> &'static [&'static str] {
        lang.order_headers()
    }
    fn currency(&self) -> &Currency {
        &self.currency
    }
    fn with_cells<R>(&self, f: impl FnOnce(&[Cell<'_>]) -> R) -> R {
        f(&order_cells(self))
    }
}

impl ExportRow for VideoResult {
    fn headers(lang: ExportLanguage) -> &'static [&'static str] {
        lang.video_headers()
    }
    fn currency(&self) -> &Currency {
        &self.currency
    }
    fn with_cells<R>(&self, f: impl FnOnce(&[Cell<'_>]) -> R) -> R {
        f(&video_cells(self))
    }
}

/// Writes `lines` as a Seller Center affiliate order export in `lang`; returns the lines written.
pub fn write_orders_csv(
    lines: impl IntoIterator<Item = OrderLine>,
    lang: ExportLanguage,
    out: impl Write,
) -> Result<u64> {
    write_csv(lines, lang, out)
}

/// Writes `videos` as an Affiliate Center video export in `lang`; returns the videos written.
pub fn write_videos_csv(
    videos: impl IntoIterator<Item = VideoResult>,
    lang: ExportLanguage,
    out: impl Write,
) -> Result<u64> {
    write_csv(videos, lang, out)
}

/// [`write_orders_csv`] as an XLSX workbook at `path`.
pub fn write_orders_xlsx(
    lines: impl IntoIterator<Item = OrderLine>,
    lang: ExportLanguage,
    path: &Path,
) -> Result<u64> {
    write_xlsx(lines, lang, path)
}

/// [`write_videos_csv`] as an XLSX workbook at `path` (the format Affiliate Center exports).
pub fn write_videos_xlsx(
    videos: impl IntoIterator<Item = VideoResult>,
    lang: ExportLanguage,
    path: &Path,
) -> Result<u64> {
    write_xlsx(videos, lang, path)
}

fn write_csv<T: ExportRow>(
    rows: impl IntoIterator<Item = T>,
    lang: ExportLanguage,
    out: impl Write,
) -> Result<u64> {
    let mut writer = csv::WriterBuilder::new().buffer_capacity(1 << 16).from_writer(out);
    writer.write_record(T::headers(lang))?;
    let mut cell = String::new();
    let mut written = 0u64;
    for row in rows {
        row.with_cells(|cells| -> Result<()> {
            for &c in cells {
                cell.clear();
                render(&mut cell, c, row.currency(), lang);
                writer.write_field(&cell)?;
            }
            Ok(writer.write_record(None::<&[u8]>)?)
        })?;
        written += 1;
    }
    writer.flush().map_err(csv::Error::from)?;
    Ok(written)
}

fn write_xlsx<T: ExportRow>(
    rows: impl IntoIterator<Item = T>,
    lang: ExportLanguage,
    path: &Path,
) -> Result<u64> {
    let failed = |source: XlsxError| DemoError::Xlsx { path: path.to_path_buf(), source };
    let mut book = Workbook::new();
    // A fixed creation time: the same rows give the same workbook.
    let created = ExcelDateTime::from_ymd(2026, 1, 1).map_err(failed)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let amount_formats = [
        Format::new().set_num_format("0"),
        Format::new().set_num_format("0.00"),
        Format::new().set_num_format("0.000"),
    ];
    let sheet = book.add_worksheet_with_constant_memory().map_err(failed)?;
    let headers = T::headers(lang);
    for (col, header) in (0u16..).zip(headers) {
        sheet.set_column_width(col, header.chars().count().clamp(12, 22) as f64).map_err(failed)?;
        sheet.write_string(0, col, *header).map_err(failed)?;
    }
    let mut text = String::new();
    let mut written = 0u64;
    for row in rows {
        if written == XLSX_MAX_ROWS {
            return Err(DemoError::TooManyRowsForXlsx { max: XLSX_MAX_ROWS });
        }
        written += 1;
        let r = written as u32;
        row.with_cells(|cells| -> Result<()> {
            for (col, &cell) in (0u16..).zip(cells) {
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) | Cell::Id(s) => {
                        sheet.write_string(r, col, s).map_err(failed)?;
                    }
                    Cell::Count(n) => {
                        sheet.write_number(r, col, n as f64).map_err(failed)?;
                    }
                    Cell::Amount(minor) => {
                        let (decimals, value) = written_units(minor, row.currency(), lang);
                        let format = match decimals {
                            0 => &amount_formats[0],
                            3 => &amount_formats[2],
                            _ => &amount_formats[1],
                        };
                        let major = value as f64 / 10f64.powi(decimals as i32);
                        sheet.write_number_with_format(r, col, major, format).map_err(failed)?;
                    }
                    other => {
                        text.clear();
                        render(&mut text, other, row.currency(), lang);
                        sheet.write_string(r, col, &text).map_err(failed)?;
                    }
                }
            }
            Ok(())
        })?;
    }
    book.save(path).map_err(failed)?;
    Ok(written)
}
