//! The import of sellers' results exports: Seller Center's affiliate order export into
//! [`OrderLine`]s and Affiliate Center's video export into [`VideoResult`]s, with headers in English,
//! Spanish or Indonesian. A file is recognised by its required columns, not by its name, so a creator
//! list ("Creator username", "GMV", …) is never taken for one.
//!
//! It reuses the creator import's machinery: the sniffed [`SourceFile`] (format, encoding, delimiter),
//! the streaming raw rows, [`normalize_header`](crate::normalize_header), the number, rate and money
//! readers and the date reader. Amounts are read from their exact digits into minor units of the row's
//! currency (the Currency column, else the amounts' own symbol, else the default). Ids stay text; an id
//! whose digits a spreadsheet has lost is refused, never guessed. The day/month order of dates is
//! learned from the first rows when the file is opened ([`DateOrder`]).
//!
//! Every data row comes back exactly once as a [`ResultsRow`]: accepted (with issues about optional
//! cells that could not be read) or rejected with the reason.

mod cells;
mod columns;
mod day_order;
mod orders;
mod reader;
mod spellings;
mod videos;

#[cfg(test)]
mod tests;

pub use crate::dates::DayMonthOrder;
pub use columns::HeaderLanguage;
pub use day_order::DateOrder;
pub use reader::{ResultsReader, ResultsRow};

use crate::reader::clean_headers;
use crate::source::RawSource;
use crate::{IngestError, Result, SourceFile};
use columns::{Column, Located};
use scout_domain::{Currency, OrderLine, ResultsFileKind, VideoResult};
use spellings::{OrderColumn, VideoColumn};

/// A results file opened for reading, of whichever kind its header says.
#[derive(Debug)]
pub enum ResultsFile {
    Orders(ResultsReader<OrderLine>),
    Videos(ResultsReader<VideoResult>),
}

/// Which results export a header belongs to: an order export has Order ID, Payment Amount, Quantity and
/// Time Created; a video export has Video ID and the creator's username. `None` for anything else.
pub fn detect_results_kind(headers: &[String]) -> Option<ResultsFileKind> {
    if Located::<OrderColumn>::locate(headers).missing().is_empty() {
        Some(ResultsFileKind::Orders)
    } else if Located::<VideoColumn>::locate(headers).missing().is_empty() {
        Some(ResultsFileKind::Videos)
    } else {
        None
    }
}

/// Opens a results file of either kind; fails, naming what each kind lacks, when it is neither.
pub fn open_results(source: &SourceFile, default_currency: &Currency) -> Result<ResultsFile> {
    let (_, headers) = open_raw(source)?;
    match detect_results_kind(&headers) {
        Some(ResultsFileKind::Orders) => open_orders(source, default_currency).map(ResultsFile::Orders),
        Some(ResultsFileKind::Videos) => open_videos(source, default_currency).map(ResultsFile::Videos),
        None => {
            let orders = Located::<OrderColumn>::locate(&headers).missing_labels();
            let videos = Located::<VideoColumn>::locate(&headers).missing_labels();
            Err(IngestError::NotResultsFile {
                file: source.file_name.clone(),
                expected: "an affiliate order export or a video export".into(),
                missing: format!("{orders} (for orders); {videos} (for videos)"),
            })
        }
    }
}

/// Opens Seller Center's affiliate order export. Amounts without a currency of their own are in
/// `default_currency`.
pub fn open_orders(source: &SourceFile, default_currency: &Currency) -> Result<ResultsReader<OrderLine>> {
    let (mut ahead, headers) = open_raw(source)?;
    let columns = require::<OrderColumn>(&headers, source, "an affiliate order export")?;
    let date_cols: Vec<usize> = OrderColumn::DATES.iter().filter_map(|c| columns.get(*c)).collect();
    let order = day_order::learn(&mut ahead, &date_cols, columns.language);
    drop(ahead);
    let (raw, headers) = open_raw(source)?;
    let language = columns.language;
    let parser = orders::OrderParser::new(columns, default_currency.clone(), order);
    Ok(ResultsReader::new(raw, headers, source, ResultsFileKind::Orders, language, Box::new(parser)))
}

/// Opens Affiliate Center's video export. Amounts without a currency of their own are in
/// `default_currency`.
pub fn open_videos(source: &SourceFile, default_currency: &Currency) -> Result<ResultsReader<VideoResult>> {
    let (mut ahead, headers) = open_raw(source)?;
    let columns = require::<VideoColumn>(&headers, source, "a video export")?;
    let date_cols: Vec<usize> = columns.get(VideoColumn::PostDate).into_iter().collect();
    let order = day_order::learn(&mut ahead, &date_cols, columns.language);
    drop(ahead);
    let (raw, headers) = open_raw(source)?;
    let language = columns.language;
    let parser = videos::VideoParser::new(columns, default_currency.clone(), order);
    Ok(ResultsReader::new(raw, headers, source, ResultsFileKind::Videos, language, Box::new(parser)))
}

/// The file's raw rows, positioned after its header, and the header.
fn open_raw(source: &SourceFile) -> Result<(RawSource, Vec<String>)> {
    let mut raw = RawSource::open(source)?;
    let headers = clean_headers(raw.read_header(&source.file_name)?.cells);
    Ok((raw, headers))
}

/// The columns of kind `C`, or the error naming the required ones the header lacks.
fn require<C: Column>(headers: &[String], source: &SourceFile, expected: &str) -> Result<Located<C>> {
    let columns = Located::<C>::locate(headers);
    if columns.missing().is_empty() {
        return Ok(columns);
    }
    Err(IngestError::NotResultsFile {
        file: source.file_name.clone(),
        expected: expected.to_string(),
        missing: columns.missing_labels(),
    })
}
