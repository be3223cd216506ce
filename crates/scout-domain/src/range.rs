//! A figure a source gives only as a range (TikTok Shop shows a private creator's 30-day GMV and units as
//! "$1K–10K"): kept as the range it is, shown as one, and read by the match at its midpoint with lower
//! confidence. An open range ("10K or more") has no upper end; its lower end is what is known.

use crate::Money;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `low` to `high` (`None`: "or more"); `low <= high`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FigureRange<T> {
    pub low: T,
    pub high: Option<T>,
}

/// An amount known only as a range; both ends in one currency.
pub type MoneyRange = FigureRange<Money>;
/// A count known only as a range.
pub type CountRange = FigureRange<u64>;

impl CountRange {
    /// The range's middle, or its lower end when it is open.
    pub fn midpoint(&self) -> u64 {
        self.high.map_or(self.low, |h| self.low + h.saturating_sub(self.low) / 2)
    }
}

impl MoneyRange {
    /// A range with both ends in the same currency and in order; `None` otherwise.
    pub fn new(low: Money, high: Option<Money>) -> Option<MoneyRange> {
        match &high {
            Some(h) if h.currency != low.currency || h.minor < low.minor => None,
            _ => Some(MoneyRange { low, high }),
        }
    }

    /// The range's middle, or its lower end when it is open.
    pub fn midpoint(&self) -> Money {
        let minor =
            self.high.as_ref().map_or(self.low.minor, |h| self.low.minor + (h.minor - self.low.minor) / 2);
        Money::new(minor, self.low.currency.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn usd(major: i64) -> Money {
        Money::new(major * 100, Currency::usd())
    }

    #[test]
    fn the_midpoint_is_the_middle_or_the_known_lower_end() {
        assert_eq!(MoneyRange::new(usd(1_000), Some(usd(10_000))).unwrap().midpoint(), usd(5_500));
        assert_eq!(
            MoneyRange::new(usd(10_000), None).unwrap().midpoint(),
            usd(10_000),
            "open: the lower end"
        );
        assert_eq!(CountRange { low: 100, high: Some(1_000) }.midpoint(), 550);
    }

    #[test]
    fn a_range_across_currencies_or_upside_down_is_refused() {
        let gbp = Money::new(100, Currency::parse("GBP").unwrap());
        assert!(MoneyRange::new(usd(1), Some(gbp)).is_none());
        assert!(MoneyRange::new(usd(10), Some(usd(1))).is_none());
    }
}
