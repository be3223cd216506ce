//! Following samples after the decision (issue 19): the requests whose creator is in the workspace and
//! whose sample is on its way or delivered, with when Scout first saw them shipped and delivered and
//! what they posted; the content posted for one request; and which shipment or post was already carried
//! onto a campaign's pipeline (`sample_pipeline_links`), so a sync never records one twice.

use crate::{Result, Store};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::Row;
use ts_rs::TS;

/// A request whose sample is on its way or arrived, as following it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleToFollow {
    pub application_id: String,
    pub creator_id: i64,
    pub product_id: String,
    pub product_name: Option<String>,
    /// TikTok's word: SHIPPED, CONTENT_PENDING or COMPLETED.
    pub status: String,
    pub order_id: Option<String>,
    pub tracking_number: Option<String>,
    /// When a sync first saw it shipped / delivered (waiting for content) — no earlier than it happened.
    pub shipped_seen_at: Option<DateTime<Utc>>,
    pub delivered_seen_at: Option<DateTime<Utc>>,
    /// Content stored for it.
    pub posts: u32,
}

/// Content a creator posted for a sample, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SamplePost {
    pub content_id: String,
    /// TikTok's word: VIDEO, LIVE.
    pub format: Option<String>,
    pub url: Option<String>,
    #[ts(type = "number | null")]
    pub views: Option<u64>,
    #[ts(type = "number | null")]
    pub paid_orders: Option<u64>,
    pub posted_at: Option<DateTime<Utc>>,
}

fn count(v: Option<i64>) -> Option<u64> {
    v.map(|n| n.max(0) as u64)
}

impl Store {
    /// Requests whose creator is in the workspace and whose sample shipped (shipped, delivered, posted).
    pub async fn samples_to_follow(&self) -> Result<Vec<SampleToFollow>> {
        let rows = sqlx::query(
            "SELECT r.application_id, r.creator_id, r.product_id, r.product_name, r.status, r.order_id, \
             r.tracking_number, \
             (SELECT min(first_seen_at) FROM sample_status_seen s WHERE s.application_id = r.application_id \
              AND s.status IN ('SHIPPED', 'CONTENT_PENDING', 'COMPLETED')) AS shipped_seen_at, \
             (SELECT min(first_seen_at) FROM sample_status_seen s WHERE s.application_id = r.application_id \
              AND s.status IN ('CONTENT_PENDING', 'COMPLETED')) AS delivered_seen_at, \
             (SELECT count(*) FROM sample_fulfilments f WHERE f.application_id = r.application_id) AS posts \
             FROM sample_requests r WHERE r.creator_id IS NOT NULL \
             AND r.status IN ('SHIPPED', 'CONTENT_PENDING', 'COMPLETED') ORDER BY r.application_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SampleToFollow {
                    application_id: r.try_get("application_id")?,
                    creator_id: r.try_get("creator_id")?,
                    product_id: r.try_get("product_id")?,
                    product_name: r.try_get("product_name")?,
                    status: r.try_get("status")?,
                    order_id: r.try_get("order_id")?,
                    tracking_number: r.try_get("tracking_number")?,
                    shipped_seen_at: r.try_get("shipped_seen_at")?,
                    delivered_seen_at: r.try_get("delivered_seen_at")?,
                    posts: r.try_get::<i64, _>("posts")?.max(0) as u32,
                })
            })
            .collect()
    }

    /// The content posted for a request, oldest first.
    pub async fn sample_posts(&self, application_id: &str) -> Result<Vec<SamplePost>> {
        let rows = sqlx::query(
            "SELECT content_id, format, url, views, paid_orders, posted_at FROM sample_fulfilments \
             WHERE application_id = ? ORDER BY posted_at, content_id",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SamplePost {
                    content_id: r.try_get("content_id")?,
                    format: r.try_get("format")?,
                    url: r.try_get("url")?,
                    views: count(r.try_get("views")?),
                    paid_orders: count(r.try_get("paid_orders")?),
                    posted_at: r.try_get("posted_at")?,
                })
            })
            .collect()
    }

    /// Notes that `what` of a request (its shipment, a post) is on a campaign's pipeline; `false` when it
    /// already was.
    pub async fn link_sample_to_pipeline(
        &self,
        application_id: &str,
        campaign_id: i64,
        what: &str,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO sample_pipeline_links (application_id, campaign_id, what, recorded_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(application_id)
        .bind(campaign_id)
        .bind(what)
        .bind(Utc::now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Whether `what` of a request is on a campaign's pipeline already.
    pub async fn sample_linked(&self, application_id: &str, campaign_id: i64, what: &str) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sample_pipeline_links WHERE application_id = ? AND campaign_id = ? AND what = ?",
        )
        .bind(application_id)
        .bind(campaign_id)
        .bind(what)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}
