//! The shop's creator outreach quota: how many new creators it may still contact this period.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::wire::{parse_data, QuotaData};

const QUOTA_PATH: &str = "/affiliate_seller/202607/creator_outreach/quota";

/// How many creators the shop may still invite, of how many, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutreachQuota {
    /// Creators that may still be contacted in this period.
    pub remaining: u32,
    /// The period's allowance.
    pub total: u32,
    /// When the allowance starts again, if the API says.
    pub reset_at: Option<DateTime<Utc>>,
}

impl TiktokClient {
    /// The shop's outreach quota: `GET /affiliate_seller/202607/creator_outreach/quota`.
    pub async fn outreach_quota(&self) -> Result<OutreachQuota, TiktokError> {
        let data = self.call(Method::Get, QUOTA_PATH, &[], None).await?;
        let data: QuotaData = parse_data(data, "outreach quota reply")?;
        Ok(OutreachQuota {
            remaining: data.remaining,
            total: data.total,
            reset_at: data.reset_time.and_then(|t| DateTime::from_timestamp(t, 0)),
        })
    }
}
