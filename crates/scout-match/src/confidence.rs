//! How much of a score rests on real data. Each active feature counts by the size of its weight; a
//! feature whose input is missing counts zero (partly known audience data counts in part), and old data
//! scales the whole down. Missing data never changes the score's *value* silently: it moves the feature
//! to neutral and shows up here.

use crate::features::Feature;
use crate::model::LinearModel;
use crate::target::{Assessed, Target};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Figures up to this old count fully.
const FRESH_DAYS: f32 = 30.0;
/// After which they count half (and no less).
const HALF_CREDIT_DAYS: f32 = 365.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConfidenceBand {
    High,
    Medium,
    Low,
}

impl ConfidenceBand {
    pub fn of(confidence: f32) -> ConfidenceBand {
        if confidence >= 0.75 {
            ConfidenceBand::High
        } else if confidence >= 0.5 {
            ConfidenceBand::Medium
        } else {
            ConfidenceBand::Low
        }
    }
}

/// The freshness multiplier for figures `age_days` old: 1 up to a month, falling to ½ at a year.
pub fn age_factor(age_days: i64) -> f32 {
    let over = (age_days as f32 - FRESH_DAYS).max(0.0);
    (1.0 - 0.5 * over / (HALF_CREDIT_DAYS - FRESH_DAYS)).max(0.5)
}

/// Confidence in 0–1.
#[inline]
pub fn confidence(model: &LinearModel, target: &Target, assessed: &Assessed, age_days: i64) -> f32 {
    let (mut known, mut total) = (0.0, 0.0);
    for f in Feature::ALL {
        let i = f.index();
        if target.active[i] && f.counts_toward_confidence() {
            let w = model.weights[i].abs();
            total += w;
            known += w * assessed.known[i];
        }
    }
    let coverage = if total > 0.0 { known / total } else { 1.0 };
    coverage * age_factor(age_days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_data_lowers_confidence_down_to_half() {
        assert_eq!(age_factor(10), 1.0);
        assert!((age_factor(365) - 0.5).abs() < 1e-6);
        assert_eq!(age_factor(2_000), 0.5, "never below half");
        assert!(age_factor(200) < 1.0 && age_factor(200) > 0.5);
    }

    #[test]
    fn bands() {
        assert_eq!(ConfidenceBand::of(0.9), ConfidenceBand::High);
        assert_eq!(ConfidenceBand::of(0.6), ConfidenceBand::Medium);
        assert_eq!(ConfidenceBand::of(0.2), ConfidenceBand::Low);
    }
}
