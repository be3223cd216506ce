//! Scout's file import. This crate owns everything between a file a seller drops on the app and the
//! [`scout_domain::CreatorRecord`]s (or, from results exports, order lines and video results) that come
//! out of it: sniffing the format (CSV, TSV, XLSX), the text encoding and the delimiter; suggesting which
//! column feeds which [`Field`] from header spellings; reading numbers the way sellers write them
//! (`1.2M`, `1.234.567`, `3.4%`, `$1,234.56`); and reporting, row by row and cell by cell, what could
//! not be read and why, so that nothing is lost silently. Files are streamed: a [`RowReader`] never
//! holds more than a row (and the parser's buffer) in memory. It does no database work and keeps no
//! state between imports.
//!
//! The flow is [`sniff`] → [`preview`] (headers, suggested [`ColumnMapping`], first rows) → the seller
//! corrects the mapping → [`RowReader::open`] → iterate [`ParsedRow`]s.
//!
//! Sellers' results exports (affiliate orders, creator videos) go [`sniff`] → [`open_results`] (or
//! [`open_orders`] / [`open_videos`]) → iterate [`ResultsRow`]s; see [`results`].

mod audience;
mod country;
mod dates;
mod decode;
mod error;
mod fields;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
mod lines;
mod mapping;
mod money;
pub mod numbers;
mod platform;
mod preview;
mod reader;
mod record;
pub mod results;
mod rows;
mod sniff;
mod source;
pub mod template;
mod values;
mod xlsx;

pub use error::{IngestError, NumberError, Result};
pub use fields::{normalize_header, Field};
pub use mapping::{suggest_mapping, ColumnMapping};
pub use platform::{platform_hint, PlatformHint};
pub use preview::{preview, Preview};
pub use reader::RowReader;
pub use results::{
    detect_results_kind, open_orders, open_results, open_videos, DateOrder, DayMonthOrder, HeaderLanguage,
    ResultsFile, ResultsReader, ResultsRow,
};
pub use rows::{CellIssue, ImportDefaults, ParsedRow};
pub use sniff::{sniff, FileFormat, SourceFile};
