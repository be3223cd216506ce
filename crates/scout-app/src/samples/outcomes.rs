//! The stored sample history read the way P(post) learns from it: each request dated (the deadline to
//! decide less 7 days — the search carries no request time), its first-seen signals (with the sample
//! score, GPM and videos from the creator's stored profile, the request's own 30-day post count
//! without one), and its outcome "posted within 14 days of delivery"
//! (`scout_match::samples::posted_within_14_days`, delivery = ship-by + 1 day).

use crate::{Result, Workspace};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use scout_domain::ShopProfile;
use scout_match::samples::{posted_within_14_days, PostExample, PostSignals, SalesHistory};
use scout_store::SampleHistoryRow;
use std::collections::HashMap;

/// TikTok Shop gives the seller this many days to decide on a request.
const DAYS_TO_DECIDE: i64 = 7;

/// When the request was made: the deadline to decide less 7 days, else when Scout first saw it.
pub(crate) fn requested_on(r: &SampleHistoryRow) -> NaiveDate {
    r.approve_by.map_or(r.first_seen_at, |t| t - Duration::days(DAYS_TO_DECIDE)).date_naive()
}

/// The signals P(post) reads for `r`: first-seen ones, plus the stored profile's.
pub(crate) fn signals_of(r: &SampleHistoryRow, profile: Option<&ShopProfile>) -> PostSignals {
    PostSignals {
        fulfilment_90d: r.fulfilment_90d.or_else(|| profile.and_then(|p| p.fulfilment_90_days)),
        sample_score: r.sample_score.or_else(|| profile.and_then(|p| p.sample_score)),
        gmv_30d: r.gmv_30d.clone(),
        median_views: r.median_video_views.or_else(|| profile.and_then(|p| p.median_video_views)),
        gpm: profile.and_then(|p| p.gpm.clone()),
        // The profile's count when there is one (it is TikTok's newest), else the request's own.
        videos_30d: profile.and_then(|p| p.videos_per_30_days).or(r.posts_30d),
    }
}

/// Posted within 14 days of delivery, when settled at `now`.
pub(crate) fn outcome_of(r: &SampleHistoryRow, now: DateTime<Utc>) -> Option<bool> {
    posted_within_14_days(&r.status, r.fulfilment_status.as_deref(), r.ship_by, r.first_post_at, now)
}

/// The settled outcomes as training examples (profiles give what the request lacked).
pub(crate) fn examples_of(
    rows: &[SampleHistoryRow],
    profiles: &HashMap<i64, ShopProfile>,
    now: DateTime<Utc>,
) -> Vec<PostExample> {
    rows.iter()
        .filter_map(|r| {
            Some(PostExample {
                application_id: r.application_id.clone(),
                requested_on: requested_on(r),
                signals: signals_of(r, r.creator_id.and_then(|c| profiles.get(&c))),
                posted: outcome_of(r, now)?,
            })
        })
        .collect()
}

/// The seller's own posts with views, made for requests before `before` (all without it).
pub(crate) fn sales_history_of(rows: &[SampleHistoryRow], before: Option<NaiveDate>) -> SalesHistory {
    let mut h = SalesHistory::default();
    for r in rows.iter().filter(|r| r.posts > 0 && r.post_views > 0) {
        if before.is_some_and(|b| requested_on(r) >= b) {
            continue;
        }
        h.posts += r.posts;
        h.views += r.post_views;
        h.paid_orders += r.paid_orders;
    }
    h
}

impl Workspace {
    /// The stored history and the profiles of its creators.
    pub(crate) async fn sample_history_with_profiles(
        &self,
    ) -> Result<(Vec<SampleHistoryRow>, HashMap<i64, ShopProfile>)> {
        let rows = self.store.sample_history().await?;
        let mut profiles = HashMap::new();
        for id in rows.iter().filter_map(|r| r.creator_id) {
            if let std::collections::hash_map::Entry::Vacant(e) = profiles.entry(id) {
                if let Some(p) = self.store.shop_profile(id).await? {
                    e.insert(p);
                }
            }
        }
        Ok((rows, profiles))
    }

    /// Whether the sample history came from a TikTok Shop API other than production (the fake's
    /// labelled-synthetic history): models trained on it are marked simulated.
    pub(crate) async fn sample_history_is_simulated(&self) -> Result<bool> {
        Ok(self
            .tiktok_connection()
            .await?
            .is_some_and(|c| c.api_base.trim_end_matches('/') != scout_tiktok::DEFAULT_API_BASE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use scout_domain::{BasisPoints, Currency, Money};
    use scout_match::samples::{expected_gmv, GmvBasis};

    fn row() -> SampleHistoryRow {
        let at = |d| Utc.with_ymd_and_hms(2026, 11, d, 0, 0, 0).unwrap();
        SampleHistoryRow {
            application_id: "A1".into(),
            product_id: "P1".into(),
            creator_id: None,
            status: "COMPLETED".into(),
            fulfilment_status: Some("SUCCEED".into()),
            approvable: false,
            approve_by: Some(at(8)),
            ship_by: Some(at(4)),
            first_seen_at: at(2),
            fulfilment_90d: Some(BasisPoints(6_000)),
            gmv_30d: Some(Money::new(120_000, Currency::usd())),
            median_video_views: Some(5_000),
            sample_score: None,
            posts_30d: Some(12),
            first_post_at: Some(at(15)),
            posts: 1,
            post_views: 4_000,
            paid_orders: 6,
        }
    }

    #[test]
    fn a_request_is_dated_labelled_and_without_history_valued_by_its_own_gmv_per_post() {
        let r = row();
        assert_eq!(requested_on(&r), NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), "decide-by − 7 days");
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap();
        assert_eq!(outcome_of(&r, now), Some(true), "posted on day 10 after the estimated delivery");
        let s = signals_of(&r, None);
        assert_eq!(s.videos_30d, Some(12), "the request's own post count without a profile");
        let g = expected_gmv(&s, &SalesHistory::default(), None).unwrap();
        assert_eq!((g.basis, g.amount), (GmvBasis::CreatorGmvPerVideo, Money::new(10_000, Currency::usd())));
        let h = sales_history_of(std::slice::from_ref(&r), Some(requested_on(&r)));
        assert_eq!(h.posts, 0, "a post of a request made that day or later is not known before it");
        assert_eq!(sales_history_of(&[r], None).paid_orders, 6);
    }
}
