use std::path::PathBuf;
use thiserror::Error;

/// Why a file could not be imported at all. A cell or a row that cannot be read is not an error of this
/// kind: it becomes a [`crate::CellIssue`] or a [`crate::ParsedRow::Rejected`] and the import goes on.
/// Every message names the file, and the line when there is one.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}, line {line}: cannot read the file further: {message}")]
    Broken { file: String, line: u64, message: String },
    #[error("{file}: cannot read the spreadsheet: {message}")]
    Spreadsheet { file: String, message: String },
    #[error("{file}: {why}")]
    Unsupported { file: String, why: String },
    #[error("{file}: no header row (the file has no non-blank row)")]
    NoHeader { file: String },
    #[error("{file}: the column mapping has {mapping_columns} columns but the header has {header_columns}")]
    MappingMismatch { file: String, mapping_columns: usize, header_columns: usize },
    #[error("{file}: no column is mapped to {fields} (required)")]
    MissingRequired { file: String, fields: String },
    /// The header lacks the columns that make a file a results export of the kind asked for.
    #[error("{file}: not {expected}: the header lacks the required column(s) {missing}")]
    NotResultsFile { file: String, expected: String, missing: String },
}

pub type Result<T> = std::result::Result<T, IngestError>;

/// Why a cell's text is not the number its column needs. Each message quotes the raw text, so a caller
/// prefixes only the column name: "followers '1,2,3' is not a number".
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    #[error("'{0}' is not a number")]
    NotANumber(String),
    #[error("'{0}' is negative; expected zero or more")]
    Negative(String),
    #[error("'{0}' has a fraction; expected a whole number")]
    Fraction(String),
    #[error("'{0}' is ambiguous: a single '.' before three digits may be a decimal point or a thousands separator")]
    Ambiguous(String),
    #[error("'{0}' is too large")]
    TooLarge(String),
    #[error("'{0}' is a percentage; expected a plain number")]
    Percent(String),
    #[error("'{0}' is an amount of money; expected a plain number")]
    Money(String),
    #[error("'{0}' has a K/M/B suffix; expected a plain number or a percentage")]
    Abbreviated(String),
}
