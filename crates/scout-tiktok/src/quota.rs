//! The shop's weekly creator outreach quota (`GET /affiliate_seller/202607/creator_outreach/quota`):
//! how many new creators it may still contact this period, of how many, split into period and bonus
//! quota, whether the shop is unlimited, the follower ceiling of its GMV tier and when the period ends.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::wire::{parse_data, QuotaBody, QuotaData};

const QUOTA_PATH: &str = "/affiliate_seller/202607/creator_outreach/quota";

/// Used and total of one kind of quota.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaPart {
    pub used: u32,
    pub total: u32,
}

impl QuotaPart {
    pub fn left(&self) -> u32 {
        self.total.saturating_sub(self.used)
    }
}

/// The shop's outreach quota as TikTok Shop defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachQuota {
    /// The shop may contact any number of new creators (then `all` means nothing).
    pub unlimited: bool,
    /// The whole quota of the period (`quota_sum`, `quota_use`).
    pub all: QuotaPart,
    /// The period quota, summed over creator levels, when TikTok Shop breaks it down.
    pub period: Option<QuotaPart>,
    /// The bonus quota (used first), summed over creator levels, when TikTok Shop breaks it down.
    pub bonus: Option<QuotaPart>,
    /// The most followers a creator may have for this shop to reach them (its GMV tier's ceiling).
    pub max_follower_count: Option<u64>,
    /// The shop's GMV tier, as TikTok Shop names it.
    pub gmv_tier: Option<String>,
    /// New creators connected in this period.
    pub new_connect_count: Option<u32>,
    pub period_start: Option<DateTime<Utc>>,
    /// When the period ends and the quota starts again.
    pub period_end: Option<DateTime<Utc>>,
}

impl OutreachQuota {
    /// How many new creators may still be contacted; `None` when the shop is unlimited.
    pub fn remaining(&self) -> Option<u32> {
        (!self.unlimited).then(|| self.all.left())
    }

    /// Reads `data` of the reply: one quota object, or one per quota type (summed).
    pub(crate) fn from_wire(data: QuotaData) -> Result<OutreachQuota, TiktokError> {
        let entries = data.data.map(|d| d.into_vec()).unwrap_or_default();
        if entries.is_empty() {
            return Err(TiktokError::Unexpected("outreach quota reply: data.data is missing".into()));
        }
        let mut q = OutreachQuota {
            unlimited: entries.iter().any(|e| e.unlimited == Some(true)),
            all: QuotaPart::default(),
            period: None,
            bonus: None,
            max_follower_count: None,
            gmv_tier: None,
            new_connect_count: None,
            period_start: None,
            period_end: None,
        };
        for (i, e) in entries.iter().enumerate() {
            let at = |f: &str| format!("data.data[{i}].{f}");
            let total = number(e.quota_sum.as_deref(), &at("quota_sum"))?;
            let used = number(e.quota_use.as_deref(), &at("quota_use"))?;
            match (total, used) {
                (Some(t), u) => add(&mut q.all, t, u.unwrap_or(0)),
                (None, _) if q.unlimited => {}
                (None, _) => {
                    return Err(TiktokError::Unexpected(format!(
                        "outreach quota reply: {} is missing and the shop is not unlimited",
                        at("quota_sum")
                    )))
                }
            }
            let kind = e.quota_type.as_deref().unwrap_or_default().to_ascii_lowercase();
            let typed = match total {
                // TikTok's own spelling is "bouns quota".
                Some(t) if kind.contains("bonus") || kind.contains("bouns") => Some((&mut q.bonus, t)),
                Some(t) if kind.contains("period") => Some((&mut q.period, t)),
                _ => None,
            };
            if let Some((part, t)) = typed {
                add(part.get_or_insert_with(QuotaPart::default), t, used.unwrap_or(0));
            }
            details(e, &mut q);
            let ceiling = number(e.reached_max_follower_cnt.as_deref(), &at("reached_max_follower_cnt"))?;
            q.max_follower_count = q.max_follower_count.max(ceiling);
            q.gmv_tier = q.gmv_tier.take().or_else(|| e.gmv_tier.clone().filter(|t| !t.is_empty()));
            let connected = number(e.new_connect_count.as_deref(), &at("new_connect_count"))?;
            if let Some(n) = connected {
                q.new_connect_count = Some(q.new_connect_count.unwrap_or(0).max(clamp(n)));
            }
            q.period_start = q.period_start.or_else(|| time(e.start_time.as_deref()));
            q.period_end = q.period_end.or_else(|| time(e.end_time.as_deref()));
        }
        Ok(q)
    }
}

/// The period and bonus split from the creator-level details, when the reply has them and no entry
/// per quota type said it already.
fn details(e: &QuotaBody, q: &mut OutreachQuota) {
    if e.quota_details.is_empty() || e.quota_type.is_some() {
        return;
    }
    let sum = |f: fn(&super::wire::QuotaDetailBody) -> Option<u32>| -> u32 {
        e.quota_details.iter().filter_map(f).fold(0u32, u32::saturating_add)
    };
    let period = q.period.get_or_insert_with(QuotaPart::default);
    add(period, u64::from(sum(|d| d.quota_period_sum)), u64::from(sum(|d| d.quota_period_use)));
    let bonus = q.bonus.get_or_insert_with(QuotaPart::default);
    add(bonus, u64::from(sum(|d| d.quota_bonus_sum)), u64::from(sum(|d| d.quota_bonus_use)));
}

fn add(part: &mut QuotaPart, total: u64, used: u64) {
    part.total = part.total.saturating_add(clamp(total));
    part.used = part.used.saturating_add(clamp(used));
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A count the model sends as a string ("120"); empty is none.
fn number(raw: Option<&str>, field: &str) -> Result<Option<u64>, TiktokError> {
    let Some(s) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    s.parse::<u64>().map(Some).map_err(|_| {
        TiktokError::Unexpected(format!("outreach quota reply: {field}: '{s}' is not a whole number"))
    })
}

/// A period boundary: Unix seconds (or milliseconds) as a string, or a date and time in UTC. The model
/// does not say which; a time Scout cannot read is left out rather than refusing the whole quota.
fn time(raw: Option<&str>) -> Option<DateTime<Utc>> {
    let s = raw.map(str::trim).filter(|s| !s.is_empty())?;
    if let Ok(n) = s.parse::<i64>() {
        return if n >= 100_000_000_000 {
            DateTime::from_timestamp_millis(n)
        } else {
            DateTime::from_timestamp(n, 0)
        };
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok().map(|t| t.and_utc())
}

impl TiktokClient {
    /// The shop's outreach quota: `GET /affiliate_seller/202607/creator_outreach/quota`.
    pub async fn outreach_quota(&self) -> Result<OutreachQuota, TiktokError> {
        let data = self.call(Method::Get, QUOTA_PATH, &[], None).await?;
        OutreachQuota::from_wire(parse_data(data, "outreach quota reply")?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: serde_json::Value) -> Result<OutreachQuota, TiktokError> {
        OutreachQuota::from_wire(serde_json::from_value(data).unwrap())
    }

    #[test]
    fn the_documented_object_reads_with_its_period_and_bonus_split() {
        // The shape of GetWeeklyCreatorOutreachQuotaResponseData, every field as the model types it.
        let q = read(serde_json::json!({"data": {
            "shop_id": "7494", "quota_type": null, "gmv_tier": "L2", "quota_sum": "120", "quota_use": "45",
            "unlimited": false, "reached_max_follower_cnt": "1000000", "new_connect_count": "30",
            "pair_connect_count": "15", "start_time": "1796083200", "end_time": "1796688000",
            "quota_details": [
                {"creator_levels": [1, 2], "quota_period_sum": 60, "quota_period_use": 20,
                 "quota_bonus_sum": 10, "quota_bonus_use": 10},
                {"creator_levels": [3], "quota_period_sum": 40, "quota_period_use": 15,
                 "quota_bonus_sum": 10, "quota_bonus_use": 0}],
            "bonus_exposure_post_percentile_threshold": "0.8"}}))
        .unwrap();
        assert_eq!(q.remaining(), Some(75), "quota_sum − quota_use");
        assert_eq!(q.all, QuotaPart { used: 45, total: 120 });
        assert_eq!(q.period, Some(QuotaPart { used: 35, total: 100 }), "summed over creator levels");
        assert_eq!(q.bonus, Some(QuotaPart { used: 10, total: 20 }));
        assert_eq!(q.max_follower_count, Some(1_000_000));
        assert_eq!(q.gmv_tier.as_deref(), Some("L2"));
        assert_eq!(q.new_connect_count, Some(30));
        assert_eq!(q.period_end, DateTime::from_timestamp(1_796_688_000, 0), "a string of Unix seconds");
    }

    #[test]
    fn entries_per_quota_type_are_summed() {
        let q = read(serde_json::json!({"data": [
            {"quota_type": "period quota", "quota_sum": "40", "quota_use": "40", "unlimited": false,
             "end_time": "2026-12-13 00:00:00"},
            {"quota_type": "bouns quota", "quota_sum": "10", "quota_use": "3", "unlimited": false}]}))
        .unwrap();
        assert_eq!(q.remaining(), Some(7));
        assert_eq!(q.period, Some(QuotaPart { used: 40, total: 40 }));
        assert_eq!(q.bonus, Some(QuotaPart { used: 3, total: 10 }), "TikTok spells it 'bouns'");
        assert_eq!(q.period_end.map(|t| t.to_rfc3339()).as_deref(), Some("2026-12-13T00:00:00+00:00"));
    }

    #[test]
    fn an_unlimited_shop_has_no_remaining_count() {
        let q = read(serde_json::json!({"data": {"unlimited": true, "quota_sum": "0", "quota_use": "0"}}))
            .unwrap();
        assert_eq!(q.remaining(), None);
        let q = read(serde_json::json!({"data": {"unlimited": true}})).unwrap();
        assert!(q.unlimited, "no sum is needed when unlimited");
    }

    #[test]
    fn an_unreadable_quota_says_which_field() {
        let e = read(serde_json::json!({"data": {"quota_sum": "many", "quota_use": "1"}})).unwrap_err();
        assert!(e.to_string().contains("data.data[0].quota_sum: 'many'"), "{e}");
        let e = read(serde_json::json!({"data": {"quota_use": "1"}})).unwrap_err();
        assert!(e.to_string().contains("quota_sum is missing"), "{e}");
        let e = read(serde_json::json!({})).unwrap_err();
        assert!(e.to_string().contains("data.data is missing"), "{e}");
        // The guess Scout used to make is no longer read as a quota.
        assert!(read(serde_json::json!({"remaining": 5, "total": 10})).is_err());
    }

    #[test]
    fn an_unreadable_period_end_is_left_out() {
        let q =
            read(serde_json::json!({"data": {"quota_sum": "5", "quota_use": "1", "end_time": "next week"}}))
                .unwrap();
        assert_eq!((q.remaining(), q.period_end), (Some(4), None));
    }
}
