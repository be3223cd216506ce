//! The features a match score is built from, each a number with a documented definition and range (see
//! `models/README.md`). This module holds the per-feature formulas; `index` stores the inputs for a
//! million creators and `target` the campaign side. A feature whose input is missing is `NaN`: the model
//! counts it as neutral (its mean) and the confidence drops — it is never filled in and shown as fact.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Feature {
    AudienceFit,
    CategoryFit,
    KeywordFit,
    EngagementVsTier,
    Reach,
    Gmv,
    SalesPerView,
    PastResults,
    PriceFit,
    Freshness,
}

pub const FEATURE_COUNT: usize = 10;

/// Raw feature values in [`Feature::ALL`] order; `NaN` = missing.
pub type FeatureRow = [f32; FEATURE_COUNT];

impl Feature {
    pub const ALL: [Feature; FEATURE_COUNT] = [
        Feature::AudienceFit,
        Feature::CategoryFit,
        Feature::KeywordFit,
        Feature::EngagementVsTier,
        Feature::Reach,
        Feature::Gmv,
        Feature::SalesPerView,
        Feature::PastResults,
        Feature::PriceFit,
        Feature::Freshness,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Feature::AudienceFit => "audience_fit",
            Feature::CategoryFit => "category_fit",
            Feature::KeywordFit => "keyword_fit",
            Feature::EngagementVsTier => "engagement_vs_tier",
            Feature::Reach => "reach",
            Feature::Gmv => "gmv",
            Feature::SalesPerView => "sales_per_view",
            Feature::PastResults => "past_results",
            Feature::PriceFit => "price_fit",
            Feature::Freshness => "freshness",
        }
    }

    pub fn parse(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the seller reads in the explanation.
    pub fn label(self) -> &'static str {
        match self {
            Feature::AudienceFit => "Audience fit",
            Feature::CategoryFit => "Category",
            Feature::KeywordFit => "Keywords",
            Feature::EngagementVsTier => "Engagement for their size",
            Feature::Reach => "Reach",
            Feature::Gmv => "Sales track record",
            Feature::SalesPerView => "Sales per view",
            Feature::PastResults => "Past results with you",
            Feature::PriceFit => "Commission fit",
            Feature::Freshness => "Data freshness",
        }
    }

    /// Whether a missing input lowers confidence. Having never worked with the seller is normal, not a
    /// gap in the data.
    pub fn counts_toward_confidence(self) -> bool {
        !matches!(self, Feature::PastResults)
    }
}

/// Follower tiers and their typical engagement per view (domain.md): compare a creator within their tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tier {
    pub name: &'static str,
    pub followers: &'static str,
    /// Typical engagement range in percent.
    pub low: f32,
    pub high: f32,
}

const TIERS: [(f32, Tier); 4] = [
    (10_000.0, Tier { name: "nano", followers: "under 10K followers", low: 8.0, high: 15.0 }),
    (100_000.0, Tier { name: "micro", followers: "10K–100K followers", low: 5.0, high: 8.0 }),
    (1_000_000.0, Tier { name: "mid-tier", followers: "100K–1M followers", low: 3.0, high: 6.0 }),
    (f32::INFINITY, Tier { name: "top-tier", followers: "1M+ followers", low: 1.5, high: 3.5 }),
];

impl Tier {
    pub fn of(followers: f32) -> Tier {
        TIERS.iter().find(|(upper, _)| followers < *upper).map_or(TIERS[3].1, |(_, t)| *t)
    }

    /// The middle of the tier's range, as a fraction.
    pub fn typical(self) -> f32 {
        (self.low + self.high) / 200.0
    }
}

/// ln(engagement / the tier's typical engagement), clipped to ±2.5: 0 is typical for the tier, +0.7 is
/// twice the typical rate.
pub fn engagement_vs_tier(engagement: f32, followers: f32) -> f32 {
    if !(engagement.is_finite() && followers.is_finite()) {
        return f32::NAN;
    }
    (engagement.max(1e-4) / Tier::of(followers).typical()).ln().clamp(-2.5, 2.5)
}

/// log10(followers): each tenfold growth adds the same, so size has diminishing returns.
pub fn reach(followers: f32) -> f32 {
    if followers.is_finite() {
        followers.max(1.0).log10()
    } else {
        f32::NAN
    }
}

/// log10(1 + GMV in US dollars).
pub fn gmv(gmv_usd: f32) -> f32 {
    if gmv_usd.is_finite() {
        gmv_usd.max(0.0).ln_1p() / std::f32::consts::LN_10
    } else {
        f32::NAN
    }
}

/// log10(1 + GMV in US dollars per 1,000 views of an average video).
pub fn sales_per_view(gmv_usd: f32, avg_views: f32) -> f32 {
    if gmv_usd.is_finite() && avg_views.is_finite() && avg_views > 0.0 {
        gmv(gmv_usd * 1000.0 / avg_views)
    } else {
        f32::NAN
    }
}

/// The share of past invitations that led to a post, pulled towards the typical 35 % (domain.md: 30–40 %
/// of samples lead to a post) by two pseudo-invitations, so one lucky post is not a 100 % record.
pub fn past_results(invited: u32, posted: u32) -> f32 {
    if invited == 0 {
        return f32::NAN;
    }
    (posted as f32 + 0.35 * 2.0) / (invited as f32 + 2.0)
}

/// 1 when the creator's usual commission is within the campaign's maximum, falling as max / usual above it.
pub fn price_fit(usual_commission_bp: f32, campaign_max_bp: f32) -> f32 {
    if !usual_commission_bp.is_finite() {
        return f32::NAN;
    }
    if usual_commission_bp <= campaign_max_bp {
        1.0
    } else {
        campaign_max_bp / usual_commission_bp
    }
}

/// exp(−age / 180 days): 1 for figures from today, 0.37 after six months.
pub fn freshness(age_days: i64) -> f32 {
    (-(age_days.max(0) as f32) / 180.0).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engagement_is_judged_within_the_follower_tier() {
        assert!(engagement_vs_tier(0.065, 50_000.0).abs() < 0.01, "6.5 % is typical for micro creators");
        assert!(engagement_vs_tier(0.065, 2_000_000.0) > 0.9, "6.5 % is far above typical for 1M+");
        assert!(engagement_vs_tier(0.065, 5_000.0) < -0.5, "6.5 % is below typical for nano creators");
        assert!(engagement_vs_tier(f32::NAN, 5_000.0).is_nan(), "missing stays missing");
    }

    #[test]
    fn reach_has_diminishing_returns() {
        let step_small = reach(100_000.0) - reach(10_000.0);
        let step_big = reach(10_000_000.0) - reach(1_000_000.0);
        assert!((step_small - step_big).abs() < 1e-5, "each tenfold adds the same");
    }

    #[test]
    fn past_results_are_smoothed() {
        assert!(past_results(0, 0).is_nan(), "no history is missing, not zero");
        assert!(
            past_results(1, 1) < 0.8,
            "one post out of one is not a perfect record: {}",
            past_results(1, 1)
        );
        assert!(past_results(20, 18) > 0.8);
    }

    #[test]
    fn commission_above_the_budget_lowers_price_fit() {
        assert_eq!(price_fit(1500.0, 2000.0), 1.0);
        assert_eq!(price_fit(4000.0, 2000.0), 0.5);
    }

    #[test]
    fn names_round_trip() {
        for f in Feature::ALL {
            assert_eq!(Feature::parse(f.name()), Some(f));
            assert_eq!(Feature::ALL[f.index()], f, "ALL is in declaration order");
        }
    }
}
