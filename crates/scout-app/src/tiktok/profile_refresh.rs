//! Keeping TikTok Shop profiles fresh: marketplace figures cover the last 30 days, so a profile fetched
//! a month ago describes a creator who may have moved on. Once a day (the desktop app asks every few
//! hours; `scout tiktok creators enrich --stale` asks now) the profiles older than
//! [`PROFILE_MAX_AGE_DAYS`] are fetched again, oldest first, at most [`REFRESH_PER_DAY`] a day, so the
//! refresh never crowds out the seller's own searches. Creators never enriched are not touched: enriching
//! is the seller's choice.

use super::EnrichReport;
use crate::{CancelToken, Result, Workspace};
use chrono::{Duration, NaiveDate, Utc};

/// A profile older than this is stale.
pub const PROFILE_MAX_AGE_DAYS: i64 = 30;
/// Profiles refreshed at most per day.
pub const REFRESH_PER_DAY: u32 = 200;
const LAST_REFRESH_KEY: &str = "tiktok.profile_refresh_day";

impl Workspace {
    /// Fetches the stale profiles again unless today's refresh ran; `None` when it had nothing to do
    /// (already ran today, TikTok Shop not connected, nothing stale).
    pub async fn refresh_stale_profiles_if_due(&self, cancel: &CancelToken) -> Result<Option<EnrichReport>> {
        let today = Utc::now().date_naive();
        if self.json_setting::<NaiveDate>(LAST_REFRESH_KEY).await? == Some(today) {
            return Ok(None);
        }
        if self.tiktok_client().await.is_err() {
            return Ok(None); // not connected (or its secrets are gone): nothing to refresh with
        }
        let report = self.refresh_stale_profiles(cancel).await?;
        if report.as_ref().is_none_or(|r| r.stopped.is_none()) {
            self.set_json_setting(LAST_REFRESH_KEY, &today).await?;
        }
        Ok(report)
    }

    /// Fetches again up to [`REFRESH_PER_DAY`] profiles older than [`PROFILE_MAX_AGE_DAYS`], oldest first;
    /// `None` when none is stale.
    pub async fn refresh_stale_profiles(&self, cancel: &CancelToken) -> Result<Option<EnrichReport>> {
        let before = Utc::now().date_naive() - Duration::days(PROFILE_MAX_AGE_DAYS);
        let stale = self.store.profiles_fetched_before(before, REFRESH_PER_DAY).await?;
        if stale.is_empty() {
            return Ok(None);
        }
        tracing::info!(profiles = stale.len(), "refreshing stale TikTok Shop profiles");
        Ok(Some(self.enrich_creators(&stale, |_, _| {}, cancel).await?))
    }
}
