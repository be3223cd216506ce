use chrono::NaiveDate;
use scout_domain::DomainError;
use std::path::PathBuf;
use thiserror::Error;

/// Why generating or writing synthetic data failed. Messages say what was expected and what was found.
#[derive(Debug, Error)]
pub enum DemoError {
    #[error("writing the CSV failed: {0}")]
    Csv(#[from] csv::Error),
    #[error("could not write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// A generated value broke a domain rule: a bug in the generator's tables, never expected.
    #[error("row {row}: a generated value was refused by a domain rule: {source}")]
    Domain { row: u64, source: DomainError },
    #[error("the update re-lists {relisted} creators but the base run has only {count}")]
    TooManyRelisted { relisted: u64, count: u64 },
    #[error("collaboration {index}: {problem}")]
    InvalidSeed { index: usize, problem: String },
    #[error("{field} {problem}")]
    InvalidOrderConfig { field: &'static str, problem: String },
    #[error("could not write the workbook {path}: {source}")]
    Xlsx { path: PathBuf, source: rust_xlsxwriter::XlsxError },
    #[error("an XLSX sheet holds at most {max} rows below its header; write more as CSV")]
    TooManyRowsForXlsx { max: u64 },
    #[error("the update is dated {update}, before the base run's {base}; expected the same day or later")]
    UpdateBeforeBase { base: NaiveDate, update: NaiveDate },
}

pub type Result<T> = std::result::Result<T, DemoError>;
