//! Cell readers for the non-numeric fields: free text, category lists, e-mail addresses and dates.
//! Errors are reasons without the column name ("is not an e-mail address ..."); the row builder names it.

use crate::numbers::is_null;
use chrono::{Datelike, Days, NaiveDate};

/// Free text (display name, bio, language, open id): trimmed, otherwise verbatim — any script, emoji,
/// right-to-left marks — and never truncated. `None` when blank.
pub(crate) fn text(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Categories split on `,` `;` `|` `/`, trimmed, without repeats (compared case-insensitively), in order.
pub(crate) fn categories(raw: &str, into: &mut Vec<String>) {
    // "n/a" is a null, not the categories "n" and "a": nulls are dropped before splitting on '/'.
    let parts = raw.split([',', ';', '|']).filter(|p| !is_null(p)).flat_map(|p| p.split('/'));
    for part in parts.map(str::trim) {
        if part.is_empty() || is_null(part) || into.iter().any(|c| c.to_lowercase() == part.to_lowercase()) {
            continue;
        }
        into.push(part.to_string());
    }
}

/// An e-mail address, and a remark when the cell was not exactly one valid address.
pub(crate) fn email(raw: &str) -> (Option<String>, Option<String>) {
    let t = raw.trim();
    let t = if t.len() > 7 && t[..7].eq_ignore_ascii_case("mailto:") { &t[7..] } else { t };
    if t.is_empty() || is_null(t) {
        return (None, None);
    }
    if is_email(t) {
        return (Some(t.to_string()), None);
    }
    let parts: Vec<&str> = t.split([';', ',', '/', ' ', '\n']).filter(|p| !p.is_empty()).collect();
    match parts.first() {
        Some(first) if parts.len() > 1 && parts.iter().all(|p| is_email(p)) => {
            (Some(first.to_string()), Some("holds several e-mail addresses; kept the first".to_string()))
        }
        _ => (None, Some("is not an e-mail address (expected one '@' and a dot in the domain)".to_string())),
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let forbidden = |c: char| c.is_whitespace() || "<>()[],;:\"@".contains(c);
    !local.is_empty()
        && !local.contains(forbidden)
        && !domain.contains(forbidden)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Month names for dates like "Dec 1, 2022", "1 December 2022" or "Dec 2022".
const MONTH_FORMATS: &[&str] =
    &["%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y"];

/// A date in ISO or a common form; a time after it is ignored. Day and month in "03/04/2024" are
/// refused as ambiguous unless one of them is above 12. A number of 20000–80000 is an Excel serial date.
pub(crate) fn date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let t = raw.trim();
    if is_null(t) {
        return Ok(None);
    }
    let bad = || "is not a date (expected e.g. 2024-03-31)".to_string();
    if t.len() == 5 && t.chars().all(|c| c.is_ascii_digit()) {
        let serial: u64 = t.parse().map_err(|_| bad())?;
        if (20_000..=80_000).contains(&serial) {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).ok_or_else(bad)?;
            return epoch.checked_add_days(Days::new(serial)).map(Some).ok_or_else(bad);
        }
    }
    let numeric_head = t.split(['T', ' ']).next().unwrap_or(t);
    if let Some(d) = numeric_date(numeric_head)? {
        return Ok(Some(d));
    }
    let cleaned = t.replace(['.', '/'], " ").replace(" ,", ",");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // "Dec 2022" is taken as the first of the month.
    let month_year = cleaned.split(' ').count() == 2;
    let candidate = if month_year { format!("1 {cleaned}") } else { cleaned };
    MONTH_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&candidate, f).ok())
        .filter(|d| d.year() >= 1900)
        .map(Some)
        .ok_or_else(bad)
}

/// "2024-03-31", "2024/3/31", "20240331", "31.03.2024", "31/03/2024", "03/31/2024".
fn numeric_date(s: &str) -> Result<Option<NaiveDate>, String> {
    let ymd = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("'{s}' is not a real date")).map(Some)
    };
    if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        return ymd(n(0..4) as i32, n(4..6), n(6..8));
    }
    let sep = match s.chars().find(|c| matches!(c, '-' | '/' | '.')) {
        Some(c) => c,
        None => return Ok(None),
    };
    let parts: Vec<&str> = s.split(sep).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    let (Some(nums), 3) = (nums, parts.len()) else { return Ok(None) };
    let (a, b, c) = (nums[0], nums[1], nums[2]);
    if parts[0].len() == 4 {
        return ymd(a as i32, b, c);
    }
    if parts[2].len() != 4 {
        return Ok(None);
    }
    let year = c as i32;
    match (a > 12, b > 12) {
        _ if sep == '.' => ymd(year, b, a), // 31.03.2024: dotted dates are day first
        (true, false) => ymd(year, b, a),
        (false, true) => ymd(year, a, b),
        _ if a == b => ymd(year, a, b),
        _ => Err(format!("'{s}' is ambiguous: day and month could be either way round (use 2024-03-31)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_common_forms() {
        let cases = [
            ("2024-03-31", d(2024, 3, 31)),
            ("2024/3/31", d(2024, 3, 31)),
            ("20240331", d(2024, 3, 31)),
            ("2024-03-31T10:15:00Z", d(2024, 3, 31)),
            ("2024-03-31 10:15", d(2024, 3, 31)),
            ("31.03.2024", d(2024, 3, 31)),
            ("31/03/2024", d(2024, 3, 31)),
            ("03/31/2024", d(2024, 3, 31)),
            ("Dec 1, 2022", d(2022, 12, 1)),
            ("1 December 2022", d(2022, 12, 1)),
            ("1-Dec-2022", d(2022, 12, 1)),
            ("Dec 2022", d(2022, 12, 1)),
            ("45382", d(2024, 3, 31)),
            ("", None),
            ("n/a", None),
        ];
        for (raw, want) in cases {
            assert_eq!(date(raw), Ok(want), "'{raw}' should be {want:?}");
        }
        assert!(date("03/04/2024").unwrap_err().contains("ambiguous"), "day/month order must be stated");
        assert!(date("2024-02-30").is_err(), "February 30th does not exist");
        assert!(date("soon").is_err(), "words are no date");
    }

    #[test]
    fn emails_are_checked_not_rewritten() {
        assert_eq!(email(" Anna@Example.com "), (Some("Anna@Example.com".into()), None), "trimmed only");
        assert_eq!(email("mailto:a@b.co"), (Some("a@b.co".into()), None), "mailto: dropped");
        assert_eq!(email("n/a"), (None, None), "n/a is no address and no problem");
        let (value, remark) = email("a@b.co; c@d.co");
        assert_eq!(value.as_deref(), Some("a@b.co"), "the first of several is kept");
        assert!(remark.is_some_and(|r| r.contains("several")), "and the others are reported");
        for bad in ["anna", "a@b", "a@@b.com", "a b@c.com", "@b.com", "a@.com", "a@b..com"] {
            assert!(email(bad).0.is_none() && email(bad).1.is_some(), "'{bad}' is not an address");
        }
    }

    #[test]
    fn categories_split_dedupe_and_keep_order() {
        let mut got = Vec::new();
        categories("Beauty, Fashion; beauty | Home/Garden ,, n/a", &mut got);
        assert_eq!(got, vec!["Beauty", "Fashion", "Home", "Garden"], "split on , ; | / without repeats");
        categories("Fashion, Food", &mut got);
        assert_eq!(got.last().map(String::as_str), Some("Food"), "a second column adds what is new");
        assert_eq!(text("  يزن الأسمر 😀  "), Some("يزن الأسمر 😀".to_string()), "any script, trimmed");
        assert_eq!(text("   "), None, "blank text is missing");
    }
}
