//! The shop's weekly outreach quota as Scout shows and obeys it.

use chrono::{DateTime, Duration, Utc};
use scout_tiktok::{self as tiktok, TiktokError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Used and total of one kind of outreach quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TiktokQuotaPart {
    pub used: u32,
    pub total: u32,
}

/// The shop's weekly creator outreach quota, as TikTok Shop defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TiktokQuota {
    /// The shop may contact any number of new creators.
    pub unlimited: bool,
    /// New creators the shop may still contact this period; `None` when unlimited.
    pub remaining: Option<u32>,
    /// The period's whole quota: used and total.
    pub all: TiktokQuotaPart,
    /// The period quota, when TikTok Shop breaks it down.
    pub period: Option<TiktokQuotaPart>,
    /// The bonus quota (used first), when TikTok Shop breaks it down.
    pub bonus: Option<TiktokQuotaPart>,
    /// The most followers a creator may have for this shop to reach them (its GMV tier's ceiling).
    #[ts(type = "number | null")]
    pub max_follower_count: Option<u64>,
    /// The shop's GMV tier, as TikTok Shop names it.
    pub gmv_tier: Option<String>,
    /// When the period ends and the quota starts again.
    pub reset_at: Option<DateTime<Utc>>,
}

impl From<&tiktok::OutreachQuota> for TiktokQuota {
    fn from(q: &tiktok::OutreachQuota) -> Self {
        let part = |p: tiktok::QuotaPart| TiktokQuotaPart { used: p.used, total: p.total };
        TiktokQuota {
            unlimited: q.unlimited,
            remaining: q.remaining(),
            all: part(q.all),
            period: q.period.map(part),
            bonus: q.bonus.map(part),
            max_follower_count: q.max_follower_count,
            gmv_tier: q.gmv_tier.clone(),
            reset_at: q.period_end,
        }
    }
}

impl TiktokQuota {
    /// The quota in plain words, e.g. "37 of 50 new creators left this period (period quota 30 of 40
    /// left, bonus 7 of 10); starts again 2026-12-13 00:00 UTC; creators up to 1,000,000 followers".
    pub fn describe(&self) -> String {
        let mut s = match self.remaining {
            None => "unlimited: any number of new creators this period".to_string(),
            Some(left) => format!("{left} of {} new creators left this period", self.all.total),
        };
        let parts: Vec<String> = [("period quota", self.period), ("bonus", self.bonus)]
            .into_iter()
            .filter_map(|(name, p)| {
                p.filter(|p| p.total > 0)
                    .map(|p| format!("{name} {} of {} left", p.total.saturating_sub(p.used), p.total))
            })
            .collect();
        // The split says something only when there is a bonus beside the period quota.
        let has_bonus = self.bonus.is_some_and(|b| b.total > 0);
        if !self.unlimited && has_bonus && !parts.is_empty() {
            s.push_str(&format!(" ({})", parts.join(", ")));
        }
        if let Some(t) = self.reset_at {
            s.push_str(&format!("; starts again {}", t.format("%Y-%m-%d %H:%M UTC")));
        }
        if let Some(n) = self.max_follower_count {
            s.push_str(&format!("; creators up to {} followers", group_thousands(n)));
        }
        s
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a failed quota read is one that should not stop sending: the reply could not be read or the
/// API refused this one call, as opposed to no connection, a rate limit or an authorization to renew
/// (which stop any call).
pub(crate) fn quota_unreadable(e: &TiktokError) -> bool {
    !e.is_retryable() && !e.needs_reauthorization() && !matches!(e, TiktokError::InvalidSign { .. })
}

/// What the seller is told when the quota cannot be read.
pub(crate) fn quota_unreadable_note(e: &TiktokError) -> String {
    format!(
        "the outreach quota could not be read ({e}); offers still go out, at most {} creators per \
         invitation, and TikTok Shop refuses any the quota does not allow",
        tiktok::MAX_CREATORS
    )
}

/// When quota-refused offers may go again: the quota's reset time, or a day from now.
pub(crate) fn quota_retry_at(reset_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    reset_at.filter(|t| *t > now).unwrap_or(now + Duration::hours(24))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_is_said_in_plain_words() {
        let q = TiktokQuota {
            unlimited: false,
            remaining: Some(37),
            all: TiktokQuotaPart { used: 13, total: 50 },
            period: Some(TiktokQuotaPart { used: 10, total: 40 }),
            bonus: Some(TiktokQuotaPart { used: 3, total: 10 }),
            max_follower_count: Some(1_000_000),
            gmv_tier: Some("L2".into()),
            reset_at: DateTime::from_timestamp(1_797_120_000, 0),
        };
        assert_eq!(
            q.describe(),
            "37 of 50 new creators left this period (period quota 30 of 40 left, bonus 7 of 10 left); \
             starts again 2026-12-13 00:00 UTC; creators up to 1,000,000 followers"
        );
        let unlimited = TiktokQuota {
            unlimited: true,
            remaining: None,
            period: None,
            bonus: None,
            max_follower_count: None,
            reset_at: None,
            ..q
        };
        assert_eq!(unlimited.describe(), "unlimited: any number of new creators this period");
    }

    #[test]
    fn quota_retries_wait_for_the_reset_or_a_day() {
        let now = Utc::now();
        assert_eq!(quota_retry_at(Some(now + Duration::hours(3)), now), now + Duration::hours(3));
        assert_eq!(quota_retry_at(None, now), now + Duration::hours(24));
        assert_eq!(quota_retry_at(Some(now - Duration::hours(1)), now), now + Duration::hours(24));
    }
}
