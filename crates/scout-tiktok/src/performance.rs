//! One creator's full marketplace profile, read from `GET …/marketplace_creators/{creator_open_id}`:
//! who the followers are (age, gender, country shares), what the creator sells (GMV by video and LIVE,
//! per category, GPM, units), how they post (median views, post rate, fulfilment, sample score), and
//! TikTok's own flags. Shares arrive as decimal strings ("0.2500") and become basis points; a figure the
//! creator keeps private stays a range.

use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::marketplace::{amount, count_range, money_range, ExactOrRange, Range};
use super::wire_marketplace as w;

/// A share of something, keyed as TikTok keys it ("18-24", "Female", "US", a category id, "VIDEO").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Share {
    pub key: String,
    pub share: BasisPoints,
}

/// One week (or period) of the creator's trend profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrendPoint {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// In the creator's selling currency; the model gives a symbol, not a code, so it stays a decimal.
    pub gmv: Option<String>,
    #[ts(type = "number | null")]
    pub units_sold: Option<u64>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    pub engagement: Option<BasisPoints>,
}

/// A creator's 30-day marketplace performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorPerformance {
    pub open_id: String,
    pub username: String,
    pub nickname: Option<String>,
    pub region: Option<String>,
    pub bio: Option<String>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    pub category_ids: Vec<String>,
    pub follower_ages: Vec<Share>,
    pub follower_genders: Vec<Share>,
    pub follower_countries: Vec<Share>,
    pub gmv: Option<ExactOrRange<Money>>,
    pub video_gmv: Option<Money>,
    pub live_gmv: Option<Money>,
    pub gpm: Option<ExactOrRange<Money>>,
    #[ts(type = "{ exact: number } | { range: { min: number, max: number | null } } | null")]
    pub units_sold: Option<ExactOrRange<u64>>,
    pub category_gmv: Vec<Share>,
    pub content_gmv: Vec<Share>,
    #[ts(type = "number | null")]
    pub avg_video_views: Option<u64>,
    #[ts(type = "number | null")]
    pub median_video_views: Option<u64>,
    #[ts(type = "number | null")]
    pub videos_per_30_days: Option<u64>,
    pub engagement: Option<BasisPoints>,
    pub avg_commission: Option<ExactOrRange<BasisPoints>>,
    /// Promotion performance score, as TikTok writes it.
    pub pps: Option<String>,
    /// "OK", "GOOD" or "BETTER" by the region's benchmark.
    pub post_rate: Option<String>,
    /// Out of 100.
    pub sample_score: Option<u32>,
    pub fulfilment_90_days: Option<BasisPoints>,
    pub creator_level: Option<u32>,
    pub invited_in_90_days: bool,
    pub blocked: bool,
    pub contact_info_available: bool,
    pub rising_star: bool,
    pub trend: Vec<TrendPoint>,
}

/// "0.3705" → 3705 bp; a value outside 0–1 or not a number is refused with its key.
fn share(what: &str, key: Option<String>, value: Option<String>) -> Result<Share, String> {
    let key = key.unwrap_or_default();
    let raw = value.unwrap_or_default();
    let v: f64 = raw.trim().parse().map_err(|_| format!("{what} '{key}': '{raw}' is not a share"))?;
    if !(0.0..=1.0001).contains(&v) {
        return Err(format!("{what} '{key}': {raw} is not between 0 and 1"));
    }
    Ok(Share { key, share: BasisPoints((v * 10_000.0).round().min(10_000.0) as u32) })
}

fn shares(
    what: &str,
    pairs: impl IntoIterator<Item = (Option<String>, Option<String>)>,
) -> Result<Vec<Share>, String> {
    pairs.into_iter().map(|(k, v)| share(what, k, v)).collect()
}

fn time(seconds: Option<i64>) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(seconds?, 0)
}

pub(crate) fn read(open_id: &str, c: w::PerformanceCreator) -> Result<CreatorPerformance, String> {
    let username =
        c.username.filter(|s| !s.trim().is_empty()).ok_or(format!("creator {open_id} without a username"))?;
    let profile = c.creator_profile.unwrap_or_default();
    let gmv = amount(c.gmv.as_ref())
        .map(ExactOrRange::Exact)
        .or_else(|| money_range(c.gmv_range.as_ref()).map(ExactOrRange::Range));
    let gpm = amount(c.gpm.as_ref())
        .map(ExactOrRange::Exact)
        .or_else(|| money_range(c.gpm_range.as_ref()).map(ExactOrRange::Range));
    let units = c
        .units_sold
        .map(ExactOrRange::Exact)
        .or_else(|| count_range(c.units_sold_range.as_ref()).map(ExactOrRange::Range));
    let commission = c.avg_commission_rate.map(|bp| ExactOrRange::Exact(BasisPoints(bp))).or_else(|| {
        let r = c.avg_commission_rate_range?;
        Some(ExactOrRange::Range(Range {
            min: BasisPoints(r.minimum_amount?),
            max: r.maximum_amount.map(BasisPoints),
        }))
    });
    let fulfilment = match profile.creator_fulfillment_score_90d.filter(|s| !s.trim().is_empty()) {
        Some(raw) => Some(share("creator_fulfillment_score_90d", None, Some(raw))?.share),
        None => None,
    };
    let engagement =
        c.ec_video_engagement_rate.as_deref().and_then(|r| r.trim().parse::<u32>().ok()).map(BasisPoints);
    Ok(CreatorPerformance {
        open_id: open_id.to_string(),
        username,
        nickname: c.nickname.filter(|s| !s.is_empty()),
        region: c.selection_region.filter(|s| !s.is_empty()),
        bio: c.bio_description.filter(|s| !s.is_empty()),
        followers: c.follower_count,
        category_ids: c.category_ids,
        follower_ages: shares("follower_age", c.follower_age.into_iter().map(|s| (s.key, s.value)))?,
        follower_genders: shares("follower_gender", c.follower_gender.into_iter().map(|s| (s.key, s.value)))?,
        follower_countries: shares(
            "follower_location",
            c.follower_location.into_iter().map(|s| (s.key, s.value)),
        )?,
        gmv,
        video_gmv: amount(c.video_gmv.as_ref()),
        live_gmv: amount(c.live_gmv.as_ref()),
        gpm,
        units_sold: units,
        category_gmv: shares(
            "category_gmv_distribution",
            c.category_gmv_distribution.into_iter().map(|s| (s.category_id, s.value)),
        )?,
        content_gmv: shares(
            "content_gmv_distribution",
            c.content_gmv_distribution.into_iter().map(|s| (s.content_type, s.value)),
        )?,
        avg_video_views: c.avg_ec_video_play_count,
        median_video_views: profile.video_play_cnt_30d_med,
        videos_per_30_days: profile.video_publish_cnt_30d_med,
        engagement,
        avg_commission: commission,
        pps: c.pps.filter(|s| !s.is_empty()),
        post_rate: c.post_rate.filter(|s| !s.is_empty()),
        sample_score: profile.sample_score,
        fulfilment_90_days: fulfilment,
        creator_level: profile.creator_level,
        invited_in_90_days: profile.has_invited_90d.unwrap_or(false),
        blocked: profile.is_creator_blocked.unwrap_or(false),
        contact_info_available: profile.contact_info_available.unwrap_or(false),
        rising_star: profile.is_rising_star.unwrap_or(false),
        trend: profile
            .creator_trend_profile
            .into_iter()
            .filter_map(|t| {
                Some(TrendPoint {
                    start: time(t.start_timestamp)?,
                    end: time(t.end_timestamp)?,
                    gmv: t.gmv.and_then(|g| g.amount),
                    units_sold: t.units_sold,
                    followers: t.follower,
                    engagement: t.engagement_rate.map(BasisPoints),
                })
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_become_basis_points_and_a_bad_share_names_its_key() {
        let c: w::PerformanceCreator = serde_json::from_value(serde_json::json!({
            "username": "mia",
            "follower_age": [{"key": "18-24", "value": "0.2500"}, {"key": "25-34", "value": "0.7500"}],
            "follower_gender": [{"key": "Female", "value": "0.6524"}],
            "avg_commission_rate_range": {"minimum_amount": 1000, "maximum_amount": 1500},
            "creator_profile": {"creator_fulfillment_score_90d": "0.8125", "sample_score": 75}
        }))
        .unwrap();
        let p = read("mk-1", c).unwrap();
        assert_eq!(p.follower_ages.iter().map(|s| s.share.0).collect::<Vec<_>>(), [2500, 7500]);
        assert_eq!(p.follower_genders[0], Share { key: "Female".into(), share: BasisPoints(6524) });
        assert_eq!(p.fulfilment_90_days, Some(BasisPoints(8125)));
        assert_eq!(
            p.avg_commission,
            Some(ExactOrRange::Range(Range { min: BasisPoints(1000), max: Some(BasisPoints(1500)) }))
        );
        let bad: w::PerformanceCreator = serde_json::from_value(serde_json::json!({
            "username": "mia", "follower_location": [{"key": "US", "value": "1.7"}]
        }))
        .unwrap();
        assert_eq!(read("mk-1", bad).unwrap_err(), "follower_location 'US': 1.7 is not between 0 and 1");
    }
}
