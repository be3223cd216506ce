//! Dates and times as exports and sellers write them: ISO ("2026-10-03", "2026-10-03T14:05:22"), slashed
//! either way round ("03/10/2026", "10/03/2026 2:05:22 PM"), dotted ("31.03.2024"), with month names
//! ("Dec 1, 2022") and Excel serial numbers ("45382", "46298.5868"). Errors are reasons without the
//! column name; the caller names it.
//!
//! "03/04/2024" can be read two ways. [`date`] refuses it; [`date_time`] reads it in the order it is
//! given, which the results import learns from the other dates of the file ([`order_evidence`]).

use crate::numbers::is_null;
use chrono::{Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// Which of the first two numbers of a slashed date ("03/10/2026") is the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayMonthOrder {
    /// 10/03/2026 is October 3rd (the United States).
    MonthFirst,
    /// 03/10/2026 is October 3rd (most of the world, Latin America and Indonesia included).
    DayFirst,
}

impl DayMonthOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            DayMonthOrder::MonthFirst => "month first",
            DayMonthOrder::DayFirst => "day first",
        }
    }
}

/// Month names for dates like "Dec 1, 2022", "1 December 2022" or "Dec 2022".
const MONTH_FORMATS: &[&str] =
    &["%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y"];

/// Excel's day 0 (it counts 1900 as a leap year, so serials from March 1900 on count from here).
fn excel_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

/// Serial numbers taken for Excel dates: 1954-10-03 to 2119-01-10. Smaller or larger numbers are more
/// likely something else.
const SERIAL_DAYS: std::ops::RangeInclusive<u64> = 20_000..=80_000;

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
        if SERIAL_DAYS.contains(&serial) {
            let epoch = excel_epoch().ok_or_else(bad)?;
            return epoch.checked_add_days(Days::new(serial)).map(Some).ok_or_else(bad);
        }
    }
    let numeric_head = t.split(['T', ' ']).next().unwrap_or(t);
    if let Some(d) = numeric_date(numeric_head, None)? {
        return Ok(Some(d));
    }
    named_month_date(t).map(Some).ok_or_else(bad)
}

/// A date and time: a date as [`date`] reads it, then optionally a time ("14:05", "14:05:22",
/// "2:05:22 PM", "T14:05:22Z"; fractions of a second are dropped). A date alone is at midnight; an Excel
/// serial's fraction is the time of day, to the nearest second. `order` reads a date that could be
/// either way round; without it such a date is refused as ambiguous.
pub(crate) fn date_time(raw: &str, order: Option<DayMonthOrder>) -> Result<Option<NaiveDateTime>, String> {
    let t = raw.trim();
    if is_null(t) {
        return Ok(None);
    }
    let bad = || "is not a date and time (expected e.g. 2026-10-03 14:05:22)".to_string();
    if let Some(serial) = excel_serial(t) {
        return serial.map(Some).ok_or_else(bad);
    }
    let (date_part, time_part) = split_time(t);
    let day = match numeric_date(date_part, order)? {
        Some(d) => d,
        None => named_month_date(date_part).ok_or_else(bad)?,
    };
    let time = match time_part {
        None => NaiveTime::MIN,
        Some(clock) => time_of_day(clock).ok_or_else(bad)?,
    };
    Ok(Some(day.and_time(time)))
}

/// Which order a date shows when it can be read only one way ("25/03/2026" is day first); `None` for
/// ISO, dotted, named-month and serial dates and for dates that fit both orders.
pub(crate) fn order_evidence(raw: &str) -> Option<DayMonthOrder> {
    let (a, b) = slashed(raw)?;
    match (a > 12, b > 12) {
        (true, false) if b >= 1 => Some(DayMonthOrder::DayFirst),
        (false, true) if a >= 1 => Some(DayMonthOrder::MonthFirst),
        _ => None,
    }
}

/// Whether a date reads differently day first and month first ("03/04/2026"), so that
/// [`date_time`] needs an order to read it.
pub(crate) fn needs_order(raw: &str) -> bool {
    slashed(raw).is_some_and(|(a, b)| a != b && (1..=12).contains(&a) && (1..=12).contains(&b))
}

/// The first two numbers of a date written "a/b/yyyy" or "a-b-yyyy", with or without a time.
fn slashed(raw: &str) -> Option<(u32, u32)> {
    let (date_part, _) = split_time(raw.trim());
    let sep = date_part.chars().find(|c| matches!(c, '-' | '/'))?;
    let parts: Vec<&str> = date_part.split(sep).collect();
    let [a, b, year] = parts.as_slice() else { return None };
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) || a.len() > 2 || b.len() > 2 {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// An Excel serial date-time ("46298.5868"), or `None` when the text is not one. `Some(None)` when it
/// is one but out of chrono's range.
fn excel_serial(t: &str) -> Option<Option<NaiveDateTime>> {
    let (days, fraction) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if days.len() != 5 || !digits(days) || !digits(fraction) {
        return None;
    }
    let serial: f64 = t.parse().ok()?;
    if !SERIAL_DAYS.contains(&(serial as u64)) {
        return None;
    }
    let seconds = (serial * 86_400.0).round() as i64;
    let midnight = excel_epoch().map(|d| d.and_time(NaiveTime::MIN));
    Some(midnight.and_then(|m| m.checked_add_signed(Duration::seconds(seconds))))
}

/// Splits "2026-10-03 14:05:22", "2026-10-03T14:05" or "Oct 3, 2026 2:05 PM" into the date and the
/// time (from the hour on); the time is `None` when there is no ':'.
fn split_time(t: &str) -> (&str, Option<&str>) {
    let Some(colon) = t.find(':') else { return (t, None) };
    // After the last character before the colon that is not a digit (which may be more than one byte).
    let hour_at = t[..colon]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let before = &t[..hour_at];
    if !(before.ends_with(' ') || before.ends_with('T')) {
        return (t, None);
    }
    let date_part = before.trim_end_matches(['T', ' ', ',']);
    (date_part, Some(&t[hour_at..]))
}

/// "14:05", "14:05:22", "14:05:22.123", "2:05:22 PM", "14:05:22Z".
fn time_of_day(clock: &str) -> Option<NaiveTime> {
    let lower = clock.trim().to_ascii_lowercase();
    let lower = lower.strip_suffix('z').unwrap_or(&lower);
    let (hms, meridiem) = match lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
        Some(rest) => (rest.trim_end(), Some(true)),
        None => match lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
            Some(rest) => (rest.trim_end(), Some(false)),
            None => (lower, None),
        },
    };
    let parts: Vec<&str> = hms.split(':').collect();
    let number = |s: &str| (!s.is_empty() && s.len() <= 2).then(|| s.parse::<u32>().ok()).flatten();
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (number(h)?, number(m)?, 0),
        [h, m, s] => {
            let whole = s.split_once('.').map_or(*s, |(w, frac)| if frac.is_empty() { "" } else { w });
            (number(h)?, number(m)?, number(whole)?)
        }
        _ => return None,
    };
    let h = match meridiem {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(pm) => h % 12 + if pm { 12 } else { 0 },
    };
    NaiveTime::from_hms_opt(h, m, s)
}

/// "Dec 1, 2022", "1 December 2022", "1-Dec-2022", "Dec 2022" (the first of the month).
fn named_month_date(t: &str) -> Option<NaiveDate> {
    let cleaned = t.replace(['.', '/'], " ").replace(" ,", ",");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let month_year = cleaned.split(' ').count() == 2;
    let candidate = if month_year { format!("1 {cleaned}") } else { cleaned };
    MONTH_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&candidate, f).ok())
        .filter(|d| d.year() >= 1900)
}

/// "2024-03-31", "2024/3/31", "20240331", "31.03.2024", "31/03/2024", "03/31/2024"; "03/04/2024" in
/// `order`, or refused as ambiguous without one.
fn numeric_date(s: &str, order: Option<DayMonthOrder>) -> Result<Option<NaiveDate>, String> {
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
        (false, false) if order == Some(DayMonthOrder::MonthFirst) => ymd(year, a, b),
        (false, false) if order == Some(DayMonthOrder::DayFirst) => ymd(year, b, a),
        _ => Err(format!("'{s}' is ambiguous: day and month could be either way round (use 2024-03-31)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn dt(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, m, day).and_then(|d| d.and_hms_opt(h, min, s))
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
    fn date_times_in_export_forms() {
        let month_first = Some(DayMonthOrder::MonthFirst);
        let cases = [
            ("2026/10/03 14:05:22", dt(2026, 10, 3, 14, 5, 22)),
            ("2026-10-03 14:05", dt(2026, 10, 3, 14, 5, 0)),
            ("2026-10-03T14:05:22", dt(2026, 10, 3, 14, 5, 22)),
            ("2026-10-03T14:05:22.750Z", dt(2026, 10, 3, 14, 5, 22)),
            ("13/10/2026 14:05:22", dt(2026, 10, 13, 14, 5, 22)),
            ("10/13/2026 2:05:22 PM", dt(2026, 10, 13, 14, 5, 22)),
            ("10/13/2026 12:05 am", dt(2026, 10, 13, 0, 5, 0)),
            ("10/13/2026 12:05:00 PM", dt(2026, 10, 13, 12, 5, 0)),
            ("2026-10-03", dt(2026, 10, 3, 0, 0, 0)),
            ("Oct 3, 2026 14:05", dt(2026, 10, 3, 14, 5, 0)),
            ("46298.5868", dt(2026, 10, 3, 14, 5, 0)),
            ("46298", dt(2026, 10, 3, 0, 0, 0)),
            ("-", None),
        ];
        for (raw, want) in cases {
            assert_eq!(date_time(raw, month_first), Ok(want), "'{raw}' should be {want:?}");
        }
        assert_eq!(
            date_time("03/10/2026 14:05:22", Some(DayMonthOrder::DayFirst)),
            Ok(dt(2026, 10, 3, 14, 5, 22)),
            "day first: 3 October"
        );
        assert_eq!(
            date_time("03/10/2026 14:05:22", month_first),
            Ok(dt(2026, 3, 10, 14, 5, 22)),
            "month first: 10 March"
        );
        assert!(date_time("03/10/2026", None).unwrap_err().contains("ambiguous"), "no order, no guess");
        for bad in ["2026-10-03 25:00", "2026-10-03 13:00 PM", "2026-10-03 14:05+07:00", "soon", "14:05"] {
            assert!(date_time(bad, month_first).is_err(), "'{bad}' is no date and time");
        }
    }

    #[test]
    fn only_one_way_dates_are_evidence() {
        assert_eq!(order_evidence("25/03/2026 10:00"), Some(DayMonthOrder::DayFirst), "25 is a day");
        assert_eq!(order_evidence("03/25/2026"), Some(DayMonthOrder::MonthFirst), "25 is a day");
        assert_eq!(order_evidence("3-25-2026 1:00 PM"), Some(DayMonthOrder::MonthFirst), "dashes too");
        for none in ["03/04/2026", "2026/03/25", "25.03.2026", "46298.5", "Mar 25, 2026", "", "13/13/2026"] {
            assert_eq!(order_evidence(none), None, "'{none}' says nothing about the order");
        }
        assert!(needs_order("03/04/2026 10:00") && needs_order("3-4-2026"), "either way round");
        for clear in ["04/04/2026", "25/03/2026", "2026-03-04", "04.03.2026", "46298"] {
            assert!(!needs_order(clear), "'{clear}' reads one way only");
        }
    }
}
