//! Reads a number as sellers write it — `1.2M`, `1,234,567`, `1.234.567`, `1 234 567`, `12,5 %`, `2.28E+11`,
//! `$1,234.56`, `(12)` — into exact decimal digits, before any unit (count, rate, money) is given to it.
//! Nothing here goes through `f64`, so `60.3M` is exactly 60 300 000.

use crate::error::NumberError;

/// `digits × 10^exp`, with its sign and what was written around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written {
    pub negative: bool,
    pub digits: u128,
    pub exp: i32,
    /// A K/M/B suffix (or a word such as "million") was applied.
    pub suffixed: bool,
    /// Written in scientific notation, as spreadsheets print large numbers: digits were dropped.
    pub scientific: bool,
    pub percent: bool,
    /// A currency symbol or code as written ("US$", "€", "EUR"); recognised, not yet resolved.
    pub currency: Option<String>,
    /// The only separator was one '.' followed by exactly three digits ("1.234"): 1.234 or 1234.
    pub dot_group: bool,
}

/// Cells that mean "no value": blank, N/A, NaN, a dash, null, none.
const NULL_TOKENS: &[&str] =
    &["", "n/a", "na", "nan", "-", "--", "---", "—", "–", "null", "none", "nil", "#n/a"];

/// Spaces a spreadsheet or a locale puts inside numbers: no-break, narrow no-break and thin spaces.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether a cell means "no value" (not an error, not zero).
pub(crate) fn is_null(raw: &str) -> bool {
    let t = raw.trim_matches(is_space);
    NULL_TOKENS.iter().any(|n| n.eq_ignore_ascii_case(t))
}

/// Powers of ten that fit a u128 (10^38 is the largest).
pub(crate) fn pow10(k: u32) -> Option<u128> {
    10u128.checked_pow(k)
}

/// Reads a cell; `Ok(None)` for a null cell.
pub(crate) fn read(raw: &str) -> Result<Option<Written>, NumberError> {
    let trimmed = raw.trim_matches(is_space);
    if is_null(trimmed) {
        return Ok(None);
    }
    let bad = || NumberError::NotANumber(trimmed.to_string());
    let mut negative = false;
    let mut rest = trimmed;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true; // accounting style: (12) is -12
        rest = inner.trim_matches(is_space);
    }
    let mut percent = false;
    if let Some(r) = rest.strip_suffix('%') {
        percent = true;
        rest = r.trim_end_matches(is_space);
    }
    let mut start = rest.find(|c: char| c.is_ascii_digit()).ok_or_else(bad)?;
    if rest[..start].ends_with(['.', ',']) {
        start -= 1; // ".5"
    }
    let end = core_end(rest, start);
    let (prefix, core, suffix) = (&rest[..start], &rest[start..end], rest[end..].trim_matches(is_space));

    let mut prefix = prefix.trim_matches(is_space);
    while let Some(c) = prefix.chars().find(|c| matches!(c, '-' | '−' | '+')) {
        let at_start = prefix.starts_with(c);
        let at_end = prefix.ends_with(c);
        if !at_start && !at_end {
            return Err(bad());
        }
        negative |= c != '+';
        prefix = if at_start { &prefix[c.len_utf8()..] } else { &prefix[..prefix.len() - c.len_utf8()] };
        prefix = prefix.trim_matches(is_space);
    }
    let (multiplier, suffix_rest) = split_multiplier(suffix);
    let currency = match (prefix.is_empty(), suffix_rest.is_empty()) {
        (true, true) => None,
        (false, true) => Some(prefix),
        (true, false) => Some(suffix_rest),
        (false, false) => return Err(bad()),
    };
    if let Some(marker) = currency {
        if crate::money::recognize(marker).is_none() {
            return Err(bad());
        }
    }
    let (digits, exp, scientific, dot_group) = parse_core(core).ok_or_else(bad)?;
    let exp = exp.checked_add(multiplier).ok_or_else(|| NumberError::TooLarge(trimmed.to_string()))?;
    Ok(Some(Written {
        negative,
        digits,
        exp,
        suffixed: multiplier > 0,
        scientific,
        percent,
        currency: currency.map(str::to_string),
        dot_group: dot_group && multiplier == 0,
    }))
}

/// Where the numeric core that starts at `start` ends: digits, separators between digits, an exponent.
fn core_end(s: &str, start: usize) -> usize {
    let chars: Vec<(usize, char)> = s[start..].char_indices().map(|(i, c)| (i + start, c)).collect();
    let next_is_digit = |j: usize| chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if c.is_ascii_digit() || (matches!(c, '.' | ',' | '\'') || is_space(c)) && next_is_digit(i + 1) {
            i += 1;
        } else if matches!(c, 'e' | 'E') {
            let sign = chars.get(i + 1).is_some_and(|(_, c)| matches!(c, '+' | '-'));
            let first = if sign { i + 2 } else { i + 1 };
            if !next_is_digit(first) {
                break;
            }
            i = first;
            while next_is_digit(i) {
                i += 1;
            }
            break;
        } else {
            break;
        }
    }
    chars.get(i).map_or(s.len(), |(at, _)| *at)
}

/// A K/M/B multiplier at the start of the suffix, as a power of ten, and what follows it.
fn split_multiplier(suffix: &str) -> (i32, &str) {
    let word_end = suffix.find(|c: char| !c.is_alphabetic()).unwrap_or(suffix.len());
    let power = match suffix[..word_end].to_lowercase().as_str() {
        "k" | "thousand" => 3,
        "m" | "mn" | "mio" | "million" | "millions" => 6,
        "b" | "bn" | "billion" | "billions" => 9,
        _ => return (0, suffix),
    };
    (power, suffix[word_end..].trim_matches(is_space))
}

/// Digits and separators (and an exponent) → (digits, exponent, scientific, dot_group). `None` when the
/// separators do not make sense, e.g. "1,2,3".
fn parse_core(core: &str) -> Option<(u128, i32, bool, bool)> {
    let (mantissa, exponent) = match core.find(['e', 'E']) {
        Some(at) => (&core[..at], Some(core[at + 1..].parse::<i32>().ok()?)),
        None => (core, None),
    };
    let spaced = mantissa.contains(|c: char| is_space(c) || c == '\'');
    let (dots, commas) = (mantissa.matches('.').count(), mantissa.matches(',').count());
    let last_of = |c: char| mantissa.rfind(c);
    // Which mark is the decimal point, if any; every other mark groups thousands.
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) => Some('.'),
        (0, 1) => {
            let (int, frac) = mantissa.split_once(',')?;
            let grouping = !spaced && frac.len() == 3 && (1..=3).contains(&int.len()) && int != "0";
            (!grouping).then_some(',')
        }
        _ if last_of('.') > last_of(',') => Some('.'),
        _ => Some(','),
    };
    let (int_part, frac_part) = match decimal {
        Some(d) => {
            let (i, f) = mantissa.rsplit_once(d)?;
            (i, f)
        }
        None => (mantissa, ""),
    };
    if exponent.is_some() && !int_part.chars().all(|c| c.is_ascii_digit()) {
        return None; // "1,234E5" is nobody's notation
    }
    if !frac_part.chars().all(|c| c.is_ascii_digit()) || !groups_are_valid(int_part) {
        return None;
    }
    let dot_group =
        decimal == Some('.') && !spaced && frac_part.len() == 3 && (1..=3).contains(&int_part.len());
    let dot_group = dot_group && int_part != "0" && dots == 1;
    let mut digits: u128 = 0;
    for c in int_part.chars().chain(frac_part.chars()).filter(char::is_ascii_digit) {
        digits = digits.checked_mul(10)?.checked_add(u128::from(c.to_digit(10)?))?;
    }
    let frac_len = i32::try_from(frac_part.len()).ok()?;
    let exp = exponent.unwrap_or(0).checked_sub(frac_len)?;
    Some((digits, exp, exponent.is_some(), dot_group))
}

/// Thousands groups: a first group of 1–3 digits, then groups of exactly 3, all with one kind of mark.
fn groups_are_valid(int_part: &str) -> bool {
    let is_mark = |c: char| matches!(c, '.' | ',' | '\'') || is_space(c);
    let mut marks = int_part.chars().filter(|&c| is_mark(c)).map(|c| if is_space(c) { ' ' } else { c });
    if let Some(first) = marks.next() {
        if marks.any(|m| m != first) {
            return false;
        }
    } else {
        return true;
    }
    let mut groups = int_part.split(is_mark);
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Written {
        read(s).unwrap().unwrap_or_else(|| panic!("'{s}' should be a number"))
    }

    #[test]
    fn keeps_digits_exact() {
        let x = w("60.3M");
        assert_eq!((x.digits, x.exp, x.suffixed), (603, 5, true), "60.3M is 603 × 10^5, suffixed");
        let x = w("2.28E+11");
        assert_eq!((x.digits, x.exp, x.scientific), (228, 9, true), "2.28E+11 is 228 × 10^9, scientific");
        assert_eq!(w("1.234.567").digits, 1_234_567, "several dots group thousands");
        assert_eq!(w("1 234 567").exp, 0, "spaces group thousands");
        assert!(w("1.234").dot_group, "a single dot before three digits is flagged as ambiguous");
        assert!(!w("0.034").dot_group, "0.034 is a plain decimal");
    }

    #[test]
    fn reads_signs_markers_and_percent() {
        assert!(w("(12)").negative, "accounting parentheses are negative");
        assert!(w("-$5").negative && w("$-5").negative, "a minus sign may sit on either side of the symbol");
        assert_eq!(w("US$ 12").currency.as_deref(), Some("US$"), "a prefix marker is kept");
        assert_eq!(w("1.234,56 €").currency.as_deref(), Some("€"), "a suffix marker is kept");
        assert_eq!(w("1.2M USD").currency.as_deref(), Some("USD"), "a multiplier then a code");
        assert!(w("3.4 %").percent, "a spaced percent sign counts");
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for bad in ["1,2,3", "abc", "12 followers", "1.2.3,4,5", "12 34", "$12 USD", "1-2"] {
            assert!(read(bad).is_err(), "'{bad}' should not be a number");
        }
        for null in ["", "  ", "N/A", "n/a", "nan", "NaN", "-", "—", "null", "None"] {
            assert_eq!(read(null), Ok(None), "'{null}' means no value");
        }
    }
}
