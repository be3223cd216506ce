//! One row's cells as the results parsers read them: an optional cell that cannot be read becomes a
//! [`CellIssue`] and is left empty; a required one that is missing or unreadable rejects the row with a
//! reason naming its column. The readers here return reasons that quote the cell ("'12x' is not a
//! number"); the column's name is added by [`RowCells`].

use crate::mapping::display_column;
use crate::money::{currency_in_cell, marked_currency, parse_minor};
use crate::numbers::{is_null, parse_rate, read_count};
use crate::{normalize_header, values, CellIssue};
use scout_domain::{BasisPoints, Currency, Handle};

/// The cells of one row, cut or padded to the header's width, and the issues found so far.
#[derive(Debug)]
pub(crate) struct RowCells<'a> {
    line: u64,
    headers: &'a [String],
    cells: &'a [String],
    /// Cells holding a spreadsheet number too long to be exact (see [`crate::source::RawRow`]).
    imprecise: &'a [usize],
    issues: Vec<CellIssue>,
}

impl<'a> RowCells<'a> {
    pub fn new(line: u64, headers: &'a [String], cells: &'a [String], imprecise: &'a [usize]) -> Self {
        RowCells { line, headers, cells, imprecise, issues: Vec::new() }
    }

    pub fn into_issues(self) -> Vec<CellIssue> {
        self.issues
    }

    /// The trimmed text of column `col`, unless the column is absent or the cell blank (or N/A, "-", …).
    pub fn value(&self, col: Option<usize>) -> Option<(usize, &'a str)> {
        let col = col?;
        let raw = self.cells.get(col)?.trim();
        (!is_null(raw)).then_some((col, raw))
    }

    pub fn name(&self, col: usize) -> String {
        display_column(self.headers, col)
    }

    /// Records an issue; `said` quotes the value ("'12x' is not a number").
    pub fn issue(&mut self, col: usize, raw: &str, said: &str) {
        let column = self.name(col);
        let message = format!("{column} {said}");
        let issue =
            CellIssue { line: self.line, column, column_index: col, raw_value: raw.to_string(), message };
        self.issues.push(issue);
    }

    /// An optional cell: `None` when blank; an issue, and `None`, when `read` refuses it.
    pub fn optional<T>(
        &mut self,
        col: Option<usize>,
        read: impl FnOnce(&str) -> Result<Option<T>, String>,
    ) -> Option<T> {
        let (col, raw) = self.value(col)?;
        match read(raw) {
            Ok(v) => v,
            Err(said) => {
                self.issue(col, raw, &quoted(raw, said));
                None
            }
        }
    }

    /// A required cell: the reason the row is rejected when it is blank or `read` refuses it.
    pub fn required<T>(
        &self,
        col: Option<usize>,
        label: &str,
        read: impl FnOnce(&str) -> Result<Option<T>, String>,
    ) -> Result<T, String> {
        let missing = || match col {
            Some(c) => format!("no value in required column '{}'", self.name(c)),
            None => format!("no '{label}' column"),
        };
        let Some((c, raw)) = self.value(col) else { return Err(missing()) };
        match read(raw) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(missing()),
            Err(said) => Err(format!("column '{}': {}", self.name(c), quoted(raw, said))),
        }
    }

    /// The row's currency: its Currency cell (a code, or a symbol naming one), else the first currency an
    /// amount in `money` names by its own mark ("Rp 150.000", "£12"), else `default`. A Currency cell that
    /// names none is an issue.
    pub fn currency(
        &mut self,
        column: Option<usize>,
        money: &[Option<usize>],
        default: &Currency,
    ) -> Currency {
        if let Some((col, raw)) = self.value(column) {
            if let Some(c) = currency_in_cell(raw, default) {
                return c;
            }
            let said = format!(
                "'{raw}' is not a currency (expected a code such as USD); the amounts' own mark or \
                 {default} is used"
            );
            self.issue(col, raw, &said);
        }
        money
            .iter()
            .find_map(|&col| self.value(col).and_then(|(_, raw)| marked_currency(raw)))
            .unwrap_or_else(|| default.clone())
    }

    /// Whether column `col` holds a spreadsheet number too long to be exact.
    pub fn is_imprecise(&self, col: Option<usize>) -> bool {
        col.is_some_and(|c| self.imprecise.contains(&c))
    }
}

/// A reason with the value quoted in front, unless it already quotes it.
fn quoted(raw: &str, said: String) -> String {
    if said.starts_with('\'') {
        said
    } else {
        format!("'{raw}' {said}")
    }
}

/// Free text, trimmed.
pub(crate) fn text(raw: &str) -> Result<Option<String>, String> {
    Ok(values::text(raw))
}

/// An id, kept as text so that an 18-digit id stays exact. Excel's `="…"` wrapper is unwrapped. An id
/// in scientific notation ("5.77E+17") or held by a spreadsheet as a number of 16 or more digits has
/// lost its last digits: refused, never guessed.
pub(crate) fn id(raw: &str, imprecise: bool) -> Result<Option<String>, String> {
    let t = raw.trim();
    let t = t.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')).unwrap_or(t).trim();
    if imprecise {
        return Err(format!(
            "'{t}' was stored as a number, which keeps only 15 digits: the id's last digits are lost \
             (format the column as text and export again)"
        ));
    }
    if is_scientific(t) {
        return Err(format!(
            "'{t}' is in scientific notation: the id's digits are lost (format the column as text and \
             export again)"
        ));
    }
    Ok(values::text(t))
}

/// "5.77E+17", "5,77012E+17", "1e18": digits, an optional fraction, then an exponent.
fn is_scientific(t: &str) -> bool {
    let Some((mantissa, exp)) = t.split_once(['e', 'E']) else { return false };
    let exp = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once(['.', ',']) {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(mantissa),
    };
    mantissa_ok && digits(exp)
}

/// A whole count, "1.2K" style allowed.
pub(crate) fn count(raw: &str) -> Result<Option<u64>, String> {
    read_count(raw).map(|c| c.map(|c| c.value)).map_err(|e| e.to_string())
}

/// A count that fits a u32 (quantities).
pub(crate) fn quantity(raw: &str) -> Result<Option<u32>, String> {
    match count(raw)? {
        None => Ok(None),
        Some(n) => u32::try_from(n).map(Some).map_err(|_| format!("'{raw}' is too large")),
    }
}

/// A rate as the creator import reads one: "15%", "15" and "0.15" are all 1500 bp.
pub(crate) fn rate(raw: &str) -> Result<Option<BasisPoints>, String> {
    parse_rate(raw).map_err(|e| e.to_string())
}

/// An amount in minor units of the row's currency.
pub(crate) fn amount(raw: &str, currency: &Currency) -> Result<Option<i64>, String> {
    parse_minor(raw, currency).map_err(|e| e.to_string())
}

/// A creator's handle ("@mia", "mia", a profile link).
pub(crate) fn handle(raw: &str) -> Result<Option<Handle>, String> {
    Handle::parse(raw)
        .map(Some)
        .map_err(|_| format!("'{raw}' is not a valid handle (expected letters, digits, '_' or '.')"))
}

/// Yes or no in the export's languages: Yes/No, Sí/No, Ya/Tidak, Y/N, TRUE/FALSE, 1/0.
pub(crate) fn yes_no(raw: &str) -> Result<Option<bool>, String> {
    match normalize_header(raw).as_str() {
        "yes" | "y" | "si" | "ya" | "true" | "verdadero" | "benar" | "1" => Ok(Some(true)),
        "no" | "n" | "tidak" | "false" | "falso" | "salah" | "0" => Ok(Some(false)),
        _ => Err(format!(
            "'{raw}' is not yes or no (expected Yes/No, Sí/No, Ya/Tidak, Y/N, TRUE/FALSE or 1/0)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_stay_exact_or_are_refused() {
        assert_eq!(id(" 577012345678901234 ", false), Ok(Some("577012345678901234".into())), "text id");
        assert_eq!(
            id("=\"577012345678901234\"", false),
            Ok(Some("577012345678901234".into())),
            "Excel's =\"…\""
        );
        assert_eq!(id("SKU-17/A", false), Ok(Some("SKU-17/A".into())), "any text");
        for lossy in ["5.77E+17", "5,77012E+17", "5.77e17", "1E18"] {
            assert!(id(lossy, false).unwrap_err().contains("scientific"), "'{lossy}' has lost digits");
        }
        assert!(
            id("577012345678901000", true).unwrap_err().contains("15 digits"),
            "a long spreadsheet number"
        );
        assert_eq!(id("Cafe", false), Ok(Some("Cafe".into())), "a word with an e is no exponent");
    }

    #[test]
    fn yes_and_no_in_three_languages() {
        for yes in ["Yes", "YES", "y", "Sí", "si", "Ya", "TRUE", "1"] {
            assert_eq!(yes_no(yes), Ok(Some(true)), "'{yes}' is yes");
        }
        for no in ["No", "n", "Tidak", "FALSE", "0"] {
            assert_eq!(yes_no(no), Ok(Some(false)), "'{no}' is no");
        }
        assert!(yes_no("Maybe").unwrap_err().contains("'Maybe'"), "an unknown word is refused, quoted");
    }

    #[test]
    fn rates_read_like_the_creator_import() {
        for (raw, bp) in [("15%", 1500), ("15", 1500), ("0.15", 1500), ("12.5 %", 1250)] {
            assert_eq!(rate(raw), Ok(Some(BasisPoints(bp))), "'{raw}' is {bp} bp");
        }
    }
}
