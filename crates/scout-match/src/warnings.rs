//! Quality warnings: signs that a creator's numbers may not mean what they seem. They are shown beside
//! the score, never folded into it, and each one says what it saw.

use crate::features::Tier;
use crate::index::MatchIndex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WarningKind {
    /// Followers jumped between two snapshots.
    GrowthSpike,
    /// Engagement far above or below what the follower tier typically gets.
    EngagementOutOfTier,
    /// The newest figures are old: the account may be inactive.
    Inactive,
    /// Follows very many accounts for its size, or videos reach a tiny share of followers.
    BoughtFollowersPattern,
}

impl WarningKind {
    pub const ALL: [WarningKind; 4] = [
        WarningKind::GrowthSpike,
        WarningKind::EngagementOutOfTier,
        WarningKind::Inactive,
        WarningKind::BoughtFollowersPattern,
    ];

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QualityWarning {
    pub kind: WarningKind,
    /// What was seen, in plain words.
    pub message: String,
}

/// The warnings that apply to one creator, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarningSet(u8);

impl WarningSet {
    pub fn contains(self, kind: WarningKind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn kinds(self) -> Vec<WarningKind> {
        WarningKind::ALL.into_iter().filter(|k| self.contains(*k)).collect()
    }

    fn with(self, kind: WarningKind, on: bool) -> WarningSet {
        if on {
            WarningSet(self.0 | kind.bit())
        } else {
            self
        }
    }
}

/// The largest follower jump between consecutive snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrowthSpike {
    pub from: u64,
    pub to: u64,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
}

/// Growth of 50 % or more within 60 days, from at least 1,000 followers, is unusual for organic growth.
const SPIKE_RATIO: f64 = 1.5;
const SPIKE_WINDOW_DAYS: i64 = 60;
const SPIKE_MIN_BASE: u64 = 1_000;
const INACTIVE_DAYS: i64 = 180;
/// Following at least this many accounts, and at least half as many as follow back.
const FOLLOW_BACK_MIN: f32 = 2_000.0;
/// An average video seen by under 1 % of followers, from 10K followers up.
const LOW_VIEW_SHARE: f32 = 0.01;
const LOW_VIEW_MIN_FOLLOWERS: f32 = 10_000.0;

pub(crate) fn growth_spike(history: &[(NaiveDate, u64)]) -> Option<GrowthSpike> {
    history
        .windows(2)
        .filter(|w| {
            let ((d0, f0), (d1, f1)) = (w[0], w[1]);
            let days = (d1 - d0).num_days();
            f0 >= SPIKE_MIN_BASE
                && days > 0
                && days <= SPIKE_WINDOW_DAYS
                && f1 as f64 >= f0 as f64 * SPIKE_RATIO
        })
        .max_by(|a, b| (a[1].1 as f64 / a[0].1 as f64).total_cmp(&(b[1].1 as f64 / b[0].1 as f64)))
        .map(|w| GrowthSpike { from: w[0].1, to: w[1].1, from_date: w[0].0, to_date: w[1].0 })
}

/// Outside the tier's anomaly range: below half its 10th percentile or above twice its 90th, on real data
/// (1.2 % of the real list; `Tier::anomaly_bounds`).
fn engagement_out_of_tier(engagement: f32, followers: f32) -> bool {
    if !(engagement.is_finite() && followers.is_finite()) {
        return false;
    }
    let (low, high) = Tier::of(followers).anomaly_bounds();
    let pct = engagement * 100.0;
    pct > high || pct < low
}

fn follow_back(followers: f32, following: f32) -> bool {
    following.is_finite()
        && followers.is_finite()
        && following >= FOLLOW_BACK_MIN
        && following >= followers * 0.5
}

fn low_views(followers: f32, avg_views: f32) -> bool {
    followers.is_finite()
        && avg_views.is_finite()
        && followers >= LOW_VIEW_MIN_FOLLOWERS
        && avg_views < followers * LOW_VIEW_SHARE
}

pub(crate) fn assess(index: &MatchIndex, row: usize, spike: bool) -> WarningSet {
    let (followers, following, views) = (index.followers[row], index.following[row], index.avg_views[row]);
    WarningSet::default()
        .with(WarningKind::GrowthSpike, spike)
        .with(WarningKind::EngagementOutOfTier, engagement_out_of_tier(index.engagement[row], followers))
        .with(WarningKind::Inactive, (index.today - index.as_of[row]).num_days() > INACTIVE_DAYS)
        .with(
            WarningKind::BoughtFollowersPattern,
            follow_back(followers, following) || low_views(followers, views),
        )
}

/// Each warning on `row`, saying what it saw.
pub fn describe(index: &MatchIndex, row: usize) -> Vec<QualityWarning> {
    let set = index.warnings[row];
    let (followers, following, views) = (index.followers[row], index.following[row], index.avg_views[row]);
    let mut out = Vec::new();
    if let Some(s) = index.growth_spikes.get(&(row as u32)).filter(|_| set.contains(WarningKind::GrowthSpike))
    {
        let growth = (s.to as f64 / s.from as f64 - 1.0) * 100.0;
        out.push(QualityWarning {
            kind: WarningKind::GrowthSpike,
            message: format!(
                "Followers jumped {:.0} % in {} days ({} on {} → {} on {}); expected under +50 % within 60 days \
                 for organic growth.",
                growth,
                (s.to_date - s.from_date).num_days(),
                crate::format::count(s.from as f32),
                s.from_date,
                crate::format::count(s.to as f32),
                s.to_date
            ),
        });
    }
    if set.contains(WarningKind::EngagementOutOfTier) {
        let tier = Tier::of(followers);
        let (low, high) = tier.anomaly_bounds();
        out.push(QualityWarning {
            kind: WarningKind::EngagementOutOfTier,
            message: format!(
                "{} engagement per view; expected {low:.1}–{high:.0} % for {} (half the 10th to twice the \
                 90th percentile of 1,000 real TikTok creators; median {:.1} %).",
                crate::format::percent(index.engagement[row]),
                tier.followers,
                tier.median
            ),
        });
    }
    if set.contains(WarningKind::Inactive) {
        let as_of = index.as_of[row];
        out.push(QualityWarning {
            kind: WarningKind::Inactive,
            message: format!(
                "The newest figures are from {as_of} ({} days ago); expected figures from the last 180 days — \
                 the account may be inactive.",
                (index.today - as_of).num_days()
            ),
        });
    }
    if set.contains(WarningKind::BoughtFollowersPattern) {
        let message = if follow_back(followers, following) {
            format!(
                "Follows {} accounts with {} followers; expected fewer than half as many as follow back (a \
                 follow-back pattern typical of bought or traded followers).",
                crate::format::count(following),
                crate::format::count(followers)
            )
        } else {
            format!(
                "An average video is seen by {} of {} followers; expected at least 1 % (the middle 80 % of 1,000 \
                 real TikTok creators reach 14 %–3.4×).",
                crate::format::percent(views / followers),
                crate::format::count(followers)
            )
        };
        out.push(QualityWarning { kind: WarningKind::BoughtFollowersPattern, message });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_fast_jump_between_snapshots_is_a_spike() {
        let history = [(d("2026-09-01"), 10_000), (d("2026-10-01"), 11_000), (d("2026-10-20"), 30_000)];
        let spike = growth_spike(&history).expect("11K → 30K in 19 days is a spike");
        assert_eq!((spike.from, spike.to), (11_000, 30_000));
        let slow = [(d("2025-01-01"), 10_000), (d("2026-01-01"), 30_000)];
        assert_eq!(growth_spike(&slow), None, "tripling over a year is not a spike");
    }

    #[test]
    fn tier_relative_engagement_bounds() {
        assert!(engagement_out_of_tier(0.45, 50_000.0), "45 % is above twice the 90th percentile (40.4 %)");
        assert!(!engagement_out_of_tier(0.07, 50_000.0), "7 % is normal");
        assert!(!engagement_out_of_tier(0.03, 2_000_000.0), "3 % is low but inside 2.9–39 %");
        assert!(engagement_out_of_tier(0.02, 2_000_000.0), "2 % is below half the 10th percentile");
    }

    #[test]
    fn follow_back_and_low_views_patterns() {
        assert!(follow_back(8_000.0, 5_200.0), "following 5,200 with 8,000 followers");
        assert!(!follow_back(800_000.0, 5_200.0), "following 5,200 with 800K followers is fine");
        assert!(low_views(500_000.0, 2_000.0), "2K views on 500K followers");
        assert!(!low_views(500_000.0, 40_000.0));
    }
}
