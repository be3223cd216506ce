use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// A rate or share in basis points: 1 bp = 0.01 %, 10000 bp = 100 %.
///
/// TikTok Shop's API expresses commission in 1/10000, which is exactly this unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BasisPoints(pub u32);

impl BasisPoints {
    pub const HUNDRED_PERCENT: BasisPoints = BasisPoints(10_000);

    /// The rate `part / whole`, rounded to the nearest basis point; `None` when `whole` is zero.
    pub fn ratio(part: u64, whole: u64) -> Option<BasisPoints> {
        if whole == 0 {
            return None;
        }
        let bp = (u128::from(part) * 10_000 + u128::from(whole) / 2) / u128::from(whole);
        Some(BasisPoints(u32::try_from(bp).unwrap_or(u32::MAX)))
    }

    pub fn as_percent(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl BasisPoints {
    /// The percentage as a person writes it in a message: 1500 → "15 %", 1250 → "12.5 %", 1255 →
    /// "12.55 %" (exact, no rounding).
    pub fn short_percent(self) -> String {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        match hundredths {
            0 => format!("{whole} %"),
            h if h % 10 == 0 => format!("{whole}.{} %", h / 10),
            h => format!("{whole}.{h:02} %"),
        }
    }
}

impl fmt::Display for BasisPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02} %", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_percent_is_exact_without_trailing_zeros() {
        assert_eq!(BasisPoints(1500).short_percent(), "15 %");
        assert_eq!(BasisPoints(1250).short_percent(), "12.5 %");
        assert_eq!(BasisPoints(1255).short_percent(), "12.55 %");
        assert_eq!(BasisPoints(5).short_percent(), "0.05 %");
    }

    #[test]
    fn ratio_rounds_to_nearest_basis_point() {
        assert_eq!(BasisPoints::ratio(1, 3), Some(BasisPoints(3333)), "1/3 is 33.33 %");
        assert_eq!(BasisPoints::ratio(2, 3), Some(BasisPoints(6667)), "2/3 rounds up to 66.67 %");
        assert_eq!(BasisPoints::ratio(5, 0), None, "nothing divides by zero");
    }

    #[test]
    fn displays_as_percent_with_two_decimals() {
        assert_eq!(BasisPoints(340).to_string(), "3.40 %");
        assert_eq!(BasisPoints(10_000).to_string(), "100.00 %");
    }
}
