//! What TikTok Shop's creator marketplace knows about a creator beyond their figures and audience: what
//! they sell (GMV by category, by video and LIVE, per 1,000 views), how they promote (PPS, post rate after
//! samples, 90-day fulfilment, sample score), their standing (level, invited or blocked, contact info) and
//! their trend. All figures cover the 30 days before `as_of`. The match reads the category shares, GPM
//! and the posting signals; the creator drawer shows the rest.

use crate::{BasisPoints, Money, MoneyRange};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A category's share of the creator's GMV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryShare {
    /// The category's name, or its id when the shop's category list does not name it.
    pub category: String,
    pub share: BasisPoints,
}

/// TikTok Shop's post rate after samples, by the region's benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PostRateBucket {
    Ok,
    Good,
    Better,
}

impl PostRateBucket {
    /// TikTok's word ("OK", "GOOD", "BETTER"), case-insensitive.
    pub fn parse(word: &str) -> Option<PostRateBucket> {
        match word.trim().to_ascii_uppercase().as_str() {
            "OK" => Some(PostRateBucket::Ok),
            "GOOD" => Some(PostRateBucket::Good),
            "BETTER" => Some(PostRateBucket::Better),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PostRateBucket::Ok => "OK",
            PostRateBucket::Good => "good",
            PostRateBucket::Better => "better than most",
        }
    }
}

/// One period of the creator's trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrendPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    #[ts(type = "number | null")]
    pub units_sold: Option<u64>,
    pub engagement_rate: Option<BasisPoints>,
}

/// A creator's TikTok Shop marketplace profile, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopProfile {
    pub as_of: Option<NaiveDate>,
    /// Largest share first; "other" categories left out.
    pub category_gmv: Vec<CategoryShare>,
    pub video_gmv: Option<Money>,
    pub live_gmv: Option<Money>,
    /// GMV per 1,000 views, exact or (a private creator) as a range.
    pub gpm: Option<Money>,
    pub gpm_range: Option<MoneyRange>,
    #[ts(type = "number | null")]
    pub median_video_views: Option<u64>,
    #[ts(type = "number | null")]
    pub videos_per_30_days: Option<u64>,
    /// Promotion performance score (quality of shoppable content over 90 days), as TikTok writes it.
    pub pps: Option<String>,
    pub post_rate: Option<PostRateBucket>,
    /// Out of 100.
    pub sample_score: Option<u32>,
    /// Share of samples of the last 90 days the creator fulfilled (posted for).
    pub fulfilment_90_days: Option<BasisPoints>,
    pub creator_level: Option<u32>,
    pub invited_in_90_days: bool,
    pub blocked: bool,
    pub contact_info_available: bool,
    pub rising_star: bool,
    pub trend: Vec<TrendPeriod>,
}

impl ShopProfile {
    /// The PPS as a number, when TikTok wrote one.
    pub fn pps_value(&self) -> Option<f32> {
        self.pps.as_deref().and_then(|p| p.trim().parse::<f32>().ok()).filter(|v| v.is_finite())
    }

    /// The categories the creator sells in with at least `min` of their GMV, largest first.
    pub fn selling_categories(&self, min: BasisPoints) -> impl Iterator<Item = &str> {
        self.category_gmv.iter().filter(move |c| c.share >= min).map(|c| c.category.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_rate_words_and_pps_are_read_as_tiktok_writes_them() {
        assert_eq!(PostRateBucket::parse("better"), Some(PostRateBucket::Better));
        assert_eq!(PostRateBucket::parse("ALL"), None, "ALL is a filter, not a rate");
        let p = ShopProfile { pps: Some(" 4.5 ".into()), ..Default::default() };
        assert_eq!(p.pps_value(), Some(4.5));
        assert_eq!(ShopProfile { pps: Some("n/a".into()), ..Default::default() }.pps_value(), None);
    }

    #[test]
    fn selling_categories_keep_those_above_the_share() {
        let share = |c: &str, bp| CategoryShare { category: c.into(), share: BasisPoints(bp) };
        let p = ShopProfile {
            category_gmv: vec![share("Beauty & Personal Care", 7000), share("Health", 900)],
            ..Default::default()
        };
        assert_eq!(p.selling_categories(BasisPoints(1000)).collect::<Vec<_>>(), ["Beauty & Personal Care"]);
    }
}
