//! The shop's weekly outreach quota as Scout shows and obeys it: read from TikTok Shop, said in plain
//! words, and checked before invitations or messages to creators new to the shop are queued.

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

impl TiktokQuota {
    /// Why `new_creators` creators new to the shop cannot be contacted now, in plain words; `None` when
    /// what is left covers them (or the shop is unlimited).
    pub fn refusal_for_new_creators(&self, new_creators: u32) -> Option<String> {
        let left = self.remaining?;
        if new_creators == 0 || left >= new_creators {
            return None;
        }
        let who = if new_creators == 1 {
            "1 creator new to the shop".to_string()
        } else {
            format!("{new_creators} creators new to the shop")
        };
        Some(format!(
            "TikTok Shop's weekly outreach quota does not cover {who}: {}; creators already connected to the \
             shop (invited or talked with) need none",
            self.describe()
        ))
    }
}

impl crate::Workspace {
    /// The shop's outreach quota as TikTok Shop says it now (one call): what is left for creators new to
    /// the shop, whom invitations and first messages share it with.
    pub async fn outreach_quota(&self) -> crate::Result<TiktokQuota> {
        let (connection, client) = self.tiktok_client().await?;
        let quota = client.outreach_quota().await;
        self.save_refreshed_tokens(&connection, &client).await?;
        quota.map(|q| TiktokQuota::from(&q)).map_err(super::tiktok_error)
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
        assert_eq!(unlimited.refusal_for_new_creators(1_000), None, "unlimited covers anyone");
    }

    #[test]
    fn creators_new_to_the_shop_beyond_what_is_left_are_refused_in_plain_words() {
        let q = TiktokQuota {
            unlimited: false,
            remaining: Some(0),
            all: TiktokQuotaPart { used: 50, total: 50 },
            period: None,
            bonus: None,
            max_follower_count: None,
            gmv_tier: None,
            reset_at: DateTime::from_timestamp(1_797_120_000, 0),
        };
        assert_eq!(
            q.refusal_for_new_creators(1).as_deref(),
            Some(
                "TikTok Shop's weekly outreach quota does not cover 1 creator new to the shop: 0 of 50 new \
                 creators left this period; starts again 2026-12-13 00:00 UTC; creators already connected \
                 to the shop (invited or talked with) need none"
            )
        );
        assert_eq!(q.refusal_for_new_creators(0), None, "connected creators need none");
        let some_left = TiktokQuota { remaining: Some(3), ..q };
        assert_eq!(some_left.refusal_for_new_creators(3), None);
        assert!(some_left.refusal_for_new_creators(4).unwrap().contains("does not cover 4 creators"));
    }

    #[test]
    fn quota_retries_wait_for_the_reset_or_a_day() {
        let now = Utc::now();
        assert_eq!(quota_retry_at(Some(now + Duration::hours(3)), now), now + Duration::hours(3));
        assert_eq!(quota_retry_at(None, now), now + Duration::hours(24));
        assert_eq!(quota_retry_at(Some(now - Duration::hours(1)), now), now + Duration::hours(24));
    }
}
