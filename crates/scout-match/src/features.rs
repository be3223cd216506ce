//! The features a match score is built from, each a number with a documented definition and range (see
//! `models/README.md`). This module holds the per-feature formulas; `index` stores the inputs for a
//! million creators and `target` the campaign side. A feature whose input is missing is `NaN`: the model
//! counts it as neutral (its mean) and the confidence drops — it is never filled in and shown as fact.

use scout_domain::PostRateBucket;
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
    /// Added in model default-2: models from before it lack it (read with weight 0).
    ViewRate,
    /// Added in model default-3 (TikTok Shop profiles): how reliably the creator posts after a sample.
    PostingRecord,
}

pub const FEATURE_COUNT: usize = 12;

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
        Feature::ViewRate,
        Feature::PostingRecord,
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
            Feature::ViewRate => "view_rate",
            Feature::PostingRecord => "posting_record",
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
            Feature::ViewRate => "Views per follower",
            Feature::PostingRecord => "Posts after samples",
        }
    }

    /// Whether models older than this feature may lack it (they score without it).
    pub fn added_later(self) -> bool {
        matches!(self, Feature::ViewRate | Feature::PostingRecord)
    }

    /// Whether a missing input lowers confidence. Having never worked with the seller is normal, not a
    /// gap in the data; so is a creator whose TikTok Shop profile was never fetched (most lists have none).
    pub fn counts_toward_confidence(self) -> bool {
        !matches!(self, Feature::PastResults | Feature::PostingRecord)
    }
}

/// Follower tiers and their engagement per view, measured on a real list of 1,000 TikTok creators
/// (`models/calibrate.py`, `models/README.md`): the median is about 12 % in every tier, so a creator is
/// compared with their own tier's median and the warning range is the tier's own spread.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tier {
    pub name: &'static str,
    pub followers: &'static str,
    /// 10th percentile, median and 90th percentile of engagement per view, in percent.
    pub p10: f32,
    pub median: f32,
    pub p90: f32,
}

const TIERS: [(f32, Tier); 3] = [
    (
        1_000_000.0,
        Tier { name: "smaller", followers: "under 1M followers", p10: 5.34, median: 11.89, p90: 20.22 },
    ),
    (
        10_000_000.0,
        Tier { name: "large", followers: "1M–10M followers", p10: 5.88, median: 12.26, p90: 19.51 },
    ),
    (f32::INFINITY, Tier { name: "top", followers: "10M+ followers", p10: 6.49, median: 11.33, p90: 17.20 }),
];

impl Tier {
    pub fn of(followers: f32) -> Tier {
        TIERS.iter().find(|(upper, _)| followers < *upper).map_or(TIERS[2].1, |(_, t)| *t)
    }

    /// The tier's median, as a fraction.
    pub fn typical(self) -> f32 {
        self.median / 100.0
    }

    /// The range outside which engagement is an anomaly, in percent: half the tier's 10th percentile
    /// to twice its 90th.
    pub fn anomaly_bounds(self) -> (f32, f32) {
        (self.p10 / 2.0, self.p90 * 2.0)
    }
}

/// ln(engagement / the tier's median engagement): 0 is the tier's median, +0.69 twice it. Not clipped:
/// the model's soft limit bends extreme values, so the feature keeps separating across its whole range.
pub fn engagement_vs_tier(engagement: f32, followers: f32) -> f32 {
    if !(engagement.is_finite() && followers.is_finite()) {
        return f32::NAN;
    }
    (engagement.max(1e-4) / Tier::of(followers).typical()).ln()
}

/// log10(average views / followers): how much of the audience an average video reaches (0 = as many
/// views as followers, −1 = a tenth). Bought or dormant followers pull it down.
pub fn view_rate(avg_views: f32, followers: f32) -> f32 {
    if avg_views.is_finite() && followers.is_finite() && avg_views > 0.0 && followers > 0.0 {
        (avg_views / followers).log10()
    } else {
        f32::NAN
    }
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

/// The share of samples a creator can be expected to post for, from TikTok Shop's profile: their own
/// 90-day fulfilment rate when TikTok gives it (pulled towards the typical 35 % by two pseudo-samples, as
/// `past_results` is, since a 90-day rate may rest on a handful of samples), else TikTok's post-rate
/// bucket read as an assumption — "OK" the typical 35 %, "good" 50 %, "better" 65 % (domain.md: 30–40 %
/// of unconditional samples lead to a post). `NaN` without a profile.
pub fn posting_record(fulfilment_90_days: Option<f32>, post_rate: Option<PostRateBucket>) -> f32 {
    match (fulfilment_90_days, post_rate) {
        (Some(f), _) if f.is_finite() => (f.clamp(0.0, 1.0) * 5.0 + 0.35 * 2.0) / 7.0,
        (_, Some(PostRateBucket::Ok)) => 0.35,
        (_, Some(PostRateBucket::Good)) => 0.5,
        (_, Some(PostRateBucket::Better)) => 0.65,
        _ => f32::NAN,
    }
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
    fn engagement_is_judged_against_the_tiers_median_without_a_cap() {
        assert!(engagement_vs_tier(0.1226, 2_000_000.0).abs() < 0.01, "the 1M–10M median is 0 ");
        assert!(engagement_vs_tier(0.06, 50_000.0) < -0.6, "6 % is half the median");
        let (a, b) = (engagement_vs_tier(0.60, 50_000.0), engagement_vs_tier(0.90, 50_000.0));
        assert!(b > a && a > 1.5, "no cap: 90 % stays above 60 % ({a}, {b})");
        assert!(engagement_vs_tier(f32::NAN, 5_000.0).is_nan(), "missing stays missing");
    }

    #[test]
    fn view_rate_is_the_log_share_of_followers_reached() {
        assert!((view_rate(10_000.0, 100_000.0) + 1.0).abs() < 1e-6, "a tenth of followers is −1");
        assert!(view_rate(0.0, 100.0).is_nan() && view_rate(100.0, f32::NAN).is_nan());
    }

    #[test]
    fn the_anomaly_range_is_wide_around_the_tier() {
        let (lo, hi) = Tier::of(2_000_000.0).anomaly_bounds();
        assert_eq!((lo, hi), (2.94, 39.02));
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
    fn the_posting_record_prefers_the_creators_own_rate_and_falls_back_to_the_bucket() {
        assert!(posting_record(None, None).is_nan(), "no profile is missing");
        let own = posting_record(Some(0.9), Some(PostRateBucket::Ok));
        assert!(own > 0.7 && own < 0.9, "their 90 % decides, smoothed: {own}");
        assert!(posting_record(Some(0.1), None) < posting_record(None, Some(PostRateBucket::Ok)));
        assert!(
            posting_record(None, Some(PostRateBucket::Better))
                > posting_record(None, Some(PostRateBucket::Good))
        );
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
