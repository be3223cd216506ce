//! The period a results report covers: orders placed and costs incurred from one day to another, both
//! included. Either end may be open ("all time" has neither).

use crate::FieldProblem;
use chrono::{Days, NaiveDate};

/// Days from `from` to `to`, both included; `None` at an open end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    pub const ALL: Period = Period { from: None, to: None };

    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Period {
        Period { from, to }
    }

    /// Every problem with the period, each naming its field ("from", "to"): an end before the start.
    pub fn problems(&self) -> Vec<FieldProblem> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if to < from => vec![FieldProblem::new(
                "to",
                format!(
                    "the period ends ({to}) before it starts ({from}): choose an end on or after the start"
                ),
            )],
            _ => Vec::new(),
        }
    }

    /// The first day as SQL compares order times ("YYYY-MM-DD", which sorts before every time that day).
    pub fn from_sql(&self) -> Option<String> {
        self.from.map(|d| d.format("%Y-%m-%d").to_string())
    }

    /// The day after the last one, for `time < ?` (an order at 23:59:59 on the last day counts).
    pub fn until_sql(&self) -> Option<String> {
        self.to.map(|d| {
            d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX).format("%Y-%m-%d").to_string()
        })
    }

    /// Whether a day is in the period.
    pub fn holds(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_end_before_the_start_is_refused_naming_the_end() {
        let p = Period::new(Some(d("2026-12-01")), Some(d("2026-11-30")));
        let problems = p.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "to");
        assert!(problems[0].message.contains("2026-11-30"), "{}", problems[0].message);
        assert!(Period::new(Some(d("2026-11-30")), Some(d("2026-11-30"))).problems().is_empty(), "one day");
        assert!(Period::new(None, Some(d("2026-11-30"))).problems().is_empty());
        assert!(Period::ALL.problems().is_empty());
    }

    #[test]
    fn the_last_day_is_included() {
        let p = Period::new(Some(d("2026-11-01")), Some(d("2026-11-30")));
        assert_eq!(p.from_sql().as_deref(), Some("2026-11-01"));
        assert_eq!(p.until_sql().as_deref(), Some("2026-12-01"));
        assert!("2026-11-30 23:59:59" < p.until_sql().unwrap().as_str());
        assert!("2026-11-01 00:00:00" >= p.from_sql().unwrap().as_str());
        assert!(p.holds(d("2026-11-30")) && p.holds(d("2026-11-01")));
        assert!(!p.holds(d("2026-12-01")) && !p.holds(d("2026-10-31")));
        assert!(Period::ALL.holds(d("1999-01-01")));
    }
}
