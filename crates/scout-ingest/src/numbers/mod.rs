//! Numbers as sellers have them in their files, read into counts, rates (basis points) and decimals.
//!
//! Blank cells and the usual "no value" spellings (N/A, NaN, -, —, null, none) are `Ok(None)`: missing,
//! not wrong. A rate without a percent sign is a fraction when it is at most 1 (`0.034` = 3.4 %) and a
//! percentage above that (`3.4` = 3.4 %).

mod written;

pub use crate::error::NumberError;
use scout_domain::BasisPoints;
pub(crate) use written::{is_null, read, Written};

/// A count as read: its value, whether it was written in full, and how far off an abbreviation may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Count {
    pub value: u64,
    /// Written in full ("29200000"), not abbreviated ("29.2M", "2.92E+7").
    pub exact: bool,
    /// Half a unit of the last digit shown: "29.2M" may be anything from 29 150 000 to 29 250 000.
    pub tolerance: u64,
}

impl Count {
    /// Whether two readings of the same figure can both be right.
    pub fn agrees_with(&self, other: &Count) -> bool {
        self.value.abs_diff(other.value) <= self.tolerance + other.tolerance
    }
}

/// A whole, non-negative count: followers, views, items sold.
pub fn parse_count(s: &str) -> Result<Option<u64>, NumberError> {
    Ok(read_count(s)?.map(|c| c.value))
}

/// A rate or share in basis points: "3.4%", "3.4" and "0.034" are all 340 bp.
pub fn parse_rate(s: &str) -> Result<Option<BasisPoints>, NumberError> {
    let Some(w) = read(s)? else { return Ok(None) };
    let raw = || s.trim().to_string();
    if w.currency.is_some() {
        return Err(NumberError::Money(raw()));
    }
    if w.suffixed {
        return Err(NumberError::Abbreviated(raw()));
    }
    if w.negative && w.digits != 0 {
        return Err(NumberError::Negative(raw()));
    }
    let shift = if !w.percent && at_most_one(w.digits, w.exp) { 4 } else { 2 };
    let bp = to_integer(w.digits, w.exp + shift, true).ok_or_else(|| NumberError::TooLarge(raw()))?;
    u32::try_from(bp).map(|v| Some(BasisPoints(v))).map_err(|_| NumberError::TooLarge(raw()))
}

/// A decimal amount, which may carry a currency symbol or code ("$1,234.56", "US$ 12", "1.2M").
pub fn parse_decimal(s: &str) -> Result<Option<f64>, NumberError> {
    Ok(read_decimal(s)?.map(|(v, _)| v))
}

/// A count with its precision, so that two columns giving the same figure can be compared.
pub(crate) fn read_count(s: &str) -> Result<Option<Count>, NumberError> {
    let Some(w) = read(s)? else { return Ok(None) };
    let raw = || s.trim().to_string();
    if w.percent {
        return Err(NumberError::Percent(raw()));
    }
    if w.currency.is_some() {
        return Err(NumberError::Money(raw()));
    }
    if w.negative && w.digits != 0 {
        return Err(NumberError::Negative(raw()));
    }
    if w.dot_group {
        return Err(NumberError::Ambiguous(raw()));
    }
    let abbreviated = w.suffixed || w.scientific;
    let value = to_integer(w.digits, w.exp, abbreviated).ok_or_else(|| NumberError::TooLarge(raw()))?;
    if !abbreviated && has_fraction(w.digits, w.exp) {
        return Err(NumberError::Fraction(raw()));
    }
    let value = u64::try_from(value).map_err(|_| NumberError::TooLarge(raw()))?;
    // Half a unit of the last digit shown; at least 1 when an abbreviation was rounded to a whole number.
    let tolerance = match (abbreviated, u32::try_from(w.exp)) {
        (false, _) => 0,
        (true, Ok(e)) if e > 0 => pow10(e).and_then(|p| u64::try_from(p / 2).ok()).unwrap_or(u64::MAX),
        (true, _) => 1,
    };
    Ok(Some(Count { value, exact: !abbreviated, tolerance }))
}

/// A decimal with the currency marker it was written with, if any.
pub(crate) fn read_decimal(s: &str) -> Result<Option<(f64, Option<String>)>, NumberError> {
    let Some(w) = read(s)? else { return Ok(None) };
    if w.percent {
        return Err(NumberError::Percent(s.trim().to_string()));
    }
    // Parsing the decimal text gives the correctly rounded f64 of the exact digits.
    let value: f64 = format!("{}e{}", w.digits, w.exp)
        .parse()
        .map_err(|_| NumberError::NotANumber(s.trim().to_string()))?;
    if !value.is_finite() {
        return Err(NumberError::TooLarge(s.trim().to_string()));
    }
    Ok(Some((if w.negative { -value } else { value }, w.currency)))
}

/// An amount as written, in integer minor units of a currency with `decimals` decimals, from the exact
/// digits and rounded half away from zero ("12.345" with 2 decimals is 1235). A lone '.' before exactly
/// three digits ("Rp 150.000") groups thousands unless the currency has three decimals: an export never
/// writes more decimals than its currency has. `None` when it does not fit an i64.
pub(crate) fn minor_units(w: &Written, decimals: u32) -> Option<i64> {
    let grouping = w.dot_group && !w.scientific && decimals < 3;
    let exp = w.exp.checked_add(i32::try_from(decimals).ok()?)?.checked_add(if grouping { 3 } else { 0 })?;
    let magnitude = i64::try_from(to_integer(w.digits, exp, true)?).ok()?;
    Some(if w.negative { -magnitude } else { magnitude })
}

fn pow10(k: u32) -> Option<u128> {
    written::pow10(k)
}

/// Whether `digits × 10^exp` is not a whole number.
fn has_fraction(digits: u128, exp: i32) -> bool {
    exp < 0 && pow10(exp.unsigned_abs()).map_or(digits != 0, |p| !digits.is_multiple_of(p))
}

/// Whether `digits × 10^exp` ≤ 1, exactly.
fn at_most_one(digits: u128, exp: i32) -> bool {
    if exp >= 0 {
        to_integer(digits, exp, false).is_some_and(|v| v <= 1)
    } else {
        pow10(exp.unsigned_abs()).is_none_or(|p| digits <= p)
    }
}

/// `digits × 10^exp` as an integer: rounded half up when `round`, truncated otherwise. `None` on overflow.
fn to_integer(digits: u128, exp: i32, round: bool) -> Option<u128> {
    if exp >= 0 {
        return digits.checked_mul(pow10(exp.unsigned_abs())?);
    }
    let Some(divisor) = pow10(exp.unsigned_abs()) else { return Some(0) };
    let (q, r) = (digits / divisor, digits % divisor);
    Some(if round && r >= divisor - r { q + 1 } else { q })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(s: &str) -> Option<u64> {
        parse_count(s).unwrap_or_else(|e| panic!("'{s}' should be a count: {e}"))
    }

    fn rate(s: &str) -> Option<u32> {
        parse_rate(s).unwrap_or_else(|e| panic!("'{s}' should be a rate: {e}")).map(|b| b.0)
    }

    #[test]
    fn counts_in_every_written_form() {
        let cases: &[(&str, u64)] = &[
            ("728", 728),
            ("1.2M", 1_200_000),
            ("60.3M", 60_300_000),
            ("30.8K", 30_800),
            ("30.8k", 30_800),
            ("1.5B", 1_500_000_000),
            ("1.2 M", 1_200_000),
            ("2 million", 2_000_000),
            ("1,234,567", 1_234_567),
            ("1 234 567", 1_234_567),
            ("1\u{a0}234\u{a0}567", 1_234_567),
            ("1'234'567", 1_234_567),
            ("1.234.567", 1_234_567),
            ("1,234", 1_234),
            ("2.28E+11", 228_000_000_000),
            ("2.28e11", 228_000_000_000),
            ("12.0", 12),
            ("+12", 12),
            ("  42  ", 42),
            ("1.2345K", 1_235),
            ("0", 0),
        ];
        for (s, want) in cases {
            assert_eq!(count(s), Some(*want), "'{s}' should read as {want}");
        }
    }

    #[test]
    fn null_counts_are_missing_not_errors() {
        for s in ["", "N/A", "n/a", "nan", "NaN", "-", "—", "null", "none", "NONE"] {
            assert_eq!(count(s), None, "'{s}' means no value");
        }
    }

    #[test]
    fn bad_counts_say_why() {
        let cases: &[(&str, NumberError)] = &[
            ("1,2,3", NumberError::NotANumber("1,2,3".into())),
            ("12.5", NumberError::Fraction("12.5".into())),
            ("0.3", NumberError::Fraction("0.3".into())),
            ("(12)", NumberError::Negative("(12)".into())),
            ("-5", NumberError::Negative("-5".into())),
            ("1.234", NumberError::Ambiguous("1.234".into())),
            ("3.4%", NumberError::Percent("3.4%".into())),
            ("$12", NumberError::Money("$12".into())),
            ("lots", NumberError::NotANumber("lots".into())),
            ("99999999999999999999999", NumberError::TooLarge("99999999999999999999999".into())),
        ];
        for (s, want) in cases {
            assert_eq!(parse_count(s).as_ref(), Err(want), "'{s}' should be refused as {want}");
        }
        assert_eq!(
            NumberError::NotANumber("1,2,3".into()).to_string(),
            "'1,2,3' is not a number",
            "messages quote the raw value"
        );
    }

    #[test]
    fn counts_carry_their_precision() {
        let approx = read_count("29.2M").unwrap().unwrap();
        let exact = read_count("29200000").unwrap().unwrap();
        assert!(!approx.exact && exact.exact, "an abbreviation is not exact, a full number is");
        assert_eq!(approx.tolerance, 50_000, "29.2M is good to ±50 000");
        assert!(approx.agrees_with(&exact), "29.2M and 29200000 are the same figure");
        let far = read_count("31000000").unwrap().unwrap();
        assert!(!approx.agrees_with(&far), "29.2M and 31000000 disagree");
    }

    #[test]
    fn rates_as_percent_fraction_or_plain_percent() {
        let cases: &[(&str, u32)] = &[
            ("3.4%", 340),
            ("3.4 %", 340),
            ("0.034", 340),
            ("3.4", 340),
            ("12,5%", 1250),
            ("0,034", 340),
            ("100%", 10_000),
            ("1", 10_000),
            ("0.5", 5_000),
            ("45", 4_500),
            ("0.12345", 1_235),
            ("0%", 0),
            ("1.5", 150),
        ];
        for (s, want) in cases {
            assert_eq!(rate(s), Some(*want), "'{s}' should be {want} bp");
        }
        assert_eq!(rate("n/a"), None, "n/a is no rate");
        assert!(matches!(parse_rate("-3%"), Err(NumberError::Negative(_))), "a negative rate is refused");
        assert!(matches!(parse_rate("1.2K"), Err(NumberError::Abbreviated(_))), "a K suffix is no rate");
        assert!(matches!(parse_rate("abc%"), Err(NumberError::NotANumber(_))), "text is no rate");
    }

    #[test]
    fn decimals_with_currency_marks_and_locales() {
        let cases: &[(&str, f64)] = &[
            ("$1,234.56", 1234.56),
            ("US$ 12", 12.0),
            ("1.234,56 €", 1234.56),
            ("€12,50", 12.5),
            ("Rp 1.500.000", 1_500_000.0),
            ("1.2M", 1_200_000.0),
            ("(12)", -12.0),
            ("-3.5", -3.5),
            ("1.234", 1.234),
            ("2.28E+11", 228_000_000_000.0),
            ("12 USD", 12.0),
        ];
        for (s, want) in cases {
            let got = parse_decimal(s).unwrap_or_else(|e| panic!("'{s}' should be a decimal: {e}"));
            assert_eq!(got, Some(*want), "'{s}' should read as {want}");
        }
        assert!(parse_decimal("12 bananas").is_err(), "an unknown unit is not a currency");
        assert!(matches!(parse_decimal("5%"), Err(NumberError::Percent(_))), "a percentage is no amount");
        assert_eq!(parse_decimal("N/A"), Ok(None), "N/A is no amount");
    }
}
