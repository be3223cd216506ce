//! Turns a raw row into a [`ParsedRow`]: a [`CreatorRecord`] with the cells that could not be read, or a
//! rejection that says why. Nothing vanishes: a blank row comes back as rejected "blank row".

use crate::fields::Field;
use crate::mapping::{display_column, ColumnMapping};
use crate::money::{currency_in_cell, CurrencySource};
use crate::record::RowCells;
use crate::source::RawRow;
use scout_domain::{CreatorKey, CreatorRecord, Currency, DomainError, Handle, Platform};

/// Why a row has no usable handle (and so is rejected).
#[derive(Debug, Error)]
enum HandleProblem {
    #[error("no handle in column{plural} {columns}")]
    Missing { plural: &'static str, columns: String },
    #[error("column '{column}': {source}")]
    Invalid { column: String, source: DomainError },
}
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// What to assume when the file has no Platform or Currency column (or the cell is blank).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportDefaults {
    pub platform: Platform,
    pub currency: Currency,
}

impl Default for ImportDefaults {
    fn default() -> ImportDefaults {
        ImportDefaults { platform: Platform::TikTok, currency: Currency::usd() }
    }
}

/// A cell that could not be read: its field is left empty and the rest of the row is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CellIssue {
    #[ts(type = "number")]
    pub line: u64,
    /// The column's header ("column N" when the header is blank).
    pub column: String,
    pub column_index: usize,
    pub raw_value: String,
    /// What was wrong, naming the column and the value: "followers '1,2,3' is not a number".
    pub message: String,
}

/// One data row of the file, read.
// Rows are consumed one at a time, so the size gap between the variants costs nothing worth a Box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ParsedRow {
    Accepted {
        #[ts(type = "number")]
        line: u64,
        record: CreatorRecord,
        issues: Vec<CellIssue>,
    },
    Rejected {
        #[ts(type = "number")]
        line: u64,
        cells: Vec<String>,
        reason: String,
        issues: Vec<CellIssue>,
    },
}

impl ParsedRow {
    /// The 1-based line where the row starts in the file (the sheet row for a workbook).
    pub fn line(&self) -> u64 {
        match self {
            ParsedRow::Accepted { line, .. } | ParsedRow::Rejected { line, .. } => *line,
        }
    }

    pub fn issues(&self) -> &[CellIssue] {
        match self {
            ParsedRow::Accepted { issues, .. } | ParsedRow::Rejected { issues, .. } => issues,
        }
    }
}

/// Remarks about cells, made before the row is cut to the header's width (a sheet may run wider): bytes
/// that are not UTF-8, and text in a column without a header. (column, raw text, why).
pub(crate) fn early_remarks(
    cells: &[String],
    bad_utf8: &[usize],
    width: usize,
) -> Vec<(usize, String, &'static str)> {
    let mut early: Vec<(usize, String, &'static str)> = bad_utf8
        .iter()
        .filter_map(|&i| {
            cells.get(i).map(|c| (i, c.clone(), "has bytes that are not valid UTF-8 (replaced with �)"))
        })
        .collect();
    early.extend(
        cells
            .iter()
            .enumerate()
            .skip(width)
            .filter(|(_, c)| !c.trim().is_empty())
            .map(|(i, c)| (i, c.clone(), "is in a column without a header; it was not imported")),
    );
    early
}

/// Everything needed to read the rows of one file with one mapping.
#[derive(Debug)]
pub(crate) struct RowBuilder {
    headers: Vec<String>,
    /// Columns per field, indexed by `Field as usize`.
    plan: Vec<Vec<usize>>,
    defaults: ImportDefaults,
    /// Text files must have the header's field count in every row; sheets are padded.
    strict_width: bool,
}

impl RowBuilder {
    pub fn new(
        headers: Vec<String>,
        mapping: &ColumnMapping,
        defaults: ImportDefaults,
        strict_width: bool,
    ) -> Self {
        let plan = Field::ALL.iter().map(|f| mapping.columns_for(*f)).collect();
        RowBuilder { headers, plan, defaults, strict_width }
    }

    pub fn build(&self, raw: RawRow) -> ParsedRow {
        let RawRow { line, mut cells, bad_utf8, .. } = raw;
        let reject = |cells, reason: String, issues| ParsedRow::Rejected { line, cells, reason, issues };
        if cells.iter().all(|c| c.trim().is_empty()) {
            return reject(cells, "blank row".into(), Vec::new());
        }
        let width = self.headers.len();
        if self.strict_width && cells.len() != width {
            let reason = format!("row has {} fields; the header has {width}", cells.len());
            return reject(cells, reason, Vec::new());
        }
        let early = early_remarks(&cells, &bad_utf8, width);
        cells.resize(width, String::new());

        let mut cx = RowCells::new(line, &self.headers, &self.plan, &cells);
        for (i, raw, why) in &early {
            cx.issue_at(*i, raw, why);
        }
        let handle = match self.handle(&mut cx) {
            Ok(h) => h,
            Err(reason) => {
                let issues = cx.into_issues();
                return reject(cells, reason.to_string(), issues);
            }
        };
        let platform = match cx.first(Field::Platform).map(|(col, raw)| (col, Platform::parse(raw))) {
            None => self.defaults.platform,
            Some((_, Ok(p))) => p,
            Some((col, Err(e))) => {
                let reason = format!("column '{}': {e}", self.name(col));
                let issues = cx.into_issues();
                return reject(cells, reason.to_string(), issues);
            }
        };
        let (currency, source) = self.currency(&mut cx);
        let record = cx.record(CreatorKey { platform, handle }, &currency, source);
        ParsedRow::Accepted { line, record, issues: cx.into_issues() }
    }

    fn name(&self, col: usize) -> String {
        display_column(&self.headers, col)
    }

    /// The handle from the first handle column that has one; a different handle in another is remarked.
    fn handle(&self, cx: &mut RowCells<'_>) -> Result<Handle, HandleProblem> {
        let Some((col, raw)) = cx.first(Field::Handle) else {
            let cols = &self.plan[Field::Handle as usize];
            let names: Vec<String> = cols.iter().map(|c| format!("'{}'", self.name(*c))).collect();
            let plural = if names.len() > 1 { "s" } else { "" };
            return Err(HandleProblem::Missing { plural, columns: names.join(", ") });
        };
        let handle =
            Handle::parse(raw).map_err(|source| HandleProblem::Invalid { column: self.name(col), source })?;
        let others: Vec<(usize, String)> =
            cx.values(Field::Handle).skip(1).map(|(c, r)| (c, r.to_string())).collect();
        for (c, r) in others {
            if Handle::parse(&r).ok().as_ref() != Some(&handle) {
                cx.issue_at(
                    c,
                    &r,
                    &format!(
                        "differs from the handle '{}' in column '{}'; kept that",
                        raw.trim(),
                        self.name(col)
                    ),
                );
            }
        }
        Ok(handle)
    }

    /// The row's currency: its Currency cell (a code, or an unambiguous symbol), else the default.
    fn currency(&self, cx: &mut RowCells<'_>) -> (Currency, CurrencySource) {
        let Some((col, raw)) = cx.first(Field::Currency) else {
            return (self.defaults.currency.clone(), CurrencySource::Default);
        };
        let raw = raw.to_string();
        if let Some(c) = currency_in_cell(&raw, &self.defaults.currency) {
            return (c, CurrencySource::Column);
        }
        let why =
            format!("is not a currency (expected a code such as USD); assumed {}", self.defaults.currency);
        cx.issue_at(col, &raw, &why);
        (self.defaults.currency.clone(), CurrencySource::Default)
    }
}
