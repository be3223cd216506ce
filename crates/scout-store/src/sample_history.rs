//! The seller's sample history, for learning who posts (issue 19, decision 0025): each request's signals
//! as Scout first saw them (`sample_history`; `sample_requests` keeps TikTok's latest), the content
//! creators posted for samples (`sample_fulfilments`), and both read back per request.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Duration, Utc};
use scout_domain::{BasisPoints, Currency, Money};

/// Content TikTok lists for a sample; `None` = TikTok did not say (a known value is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingFulfilment {
    pub content_id: String,
    /// TikTok's word: VIDEO, LIVE.
    pub format: Option<String>,
    pub url: Option<String>,
    pub views: Option<u64>,
    pub likes: Option<u64>,
    pub comments: Option<u64>,
    pub paid_orders: Option<u64>,
    pub posted_at: Option<DateTime<Utc>>,
}

/// One stored request with what learning needs: the first-seen signals, its posts summed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleHistoryRow {
    pub application_id: String,
    pub product_id: String,
    pub creator_id: Option<i64>,
    /// TikTok's latest word.
    pub status: String,
    pub fulfilment_status: Option<String>,
    /// Whether TikTok lets the seller approve it (latest).
    pub approvable: bool,
    pub approve_by: Option<DateTime<Utc>>,
    pub ship_by: Option<DateTime<Utc>>,
    pub first_seen_at: DateTime<Utc>,
    /// The signals when first seen (for a request synced before they were kept apart: the stored ones).
    pub fulfilment_90d: Option<BasisPoints>,
    pub gmv_30d: Option<Money>,
    pub median_video_views: Option<u64>,
    /// From the creator's stored profile when the request was first seen (or, failing that, now).
    pub sample_score: Option<u32>,
    /// The requester's posts in the 30 days before the request (TikTok's `content_count`), first seen.
    pub posts_30d: Option<u64>,
    pub first_post_at: Option<DateTime<Utc>>,
    pub posts: u32,
    pub post_views: u64,
    pub paid_orders: u64,
}

#[derive(sqlx::FromRow)]
struct Row {
    application_id: String,
    product_id: String,
    creator_id: Option<i64>,
    status: String,
    fulfilment_status: Option<String>,
    approvable: bool,
    approve_by: Option<DateTime<Utc>>,
    ship_by: Option<DateTime<Utc>>,
    first_seen_at: DateTime<Utc>,
    fulfilment_90d_bp: Option<i64>,
    gmv_30d_minor: Option<i64>,
    gmv_30d_currency: Option<String>,
    median_video_views: Option<i64>,
    sample_score: Option<i64>,
    posts_30d: Option<i64>,
    first_post_at: Option<DateTime<Utc>>,
    posts: i64,
    post_views: i64,
    paid_orders: i64,
}

fn count(v: Option<u64>) -> Option<i64> {
    v.map(|v| i64::try_from(v).unwrap_or(i64::MAX))
}

impl Store {
    /// Keeps the signals of the requests `seen` (application id, the posts in 30 days TikTok showed with
    /// it) as first seen: a request seen for the first time gets its stored signals (and its creator's
    /// profile's sample score); a signal missing before is filled by the first value known; a known one
    /// is never changed.
    pub async fn record_first_signals(
        &self,
        seen: &[(String, Option<u64>)],
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let application_ids: Vec<&str> = seen.iter().map(|(id, _)| id.as_str()).collect();
        let ids = serde_json::to_string(&application_ids).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO sample_history (application_id, fulfilment_90d_bp, gmv_30d_minor, gmv_30d_currency, \
             median_video_views, sample_score, first_seen_at) \
             SELECT r.application_id, r.fulfilment_90d_bp, r.gmv_30d_minor, r.gmv_30d_currency, \
             r.median_video_views, \
             (SELECT json_extract(p.profile, '$.sample_score') FROM creator_shop_profiles p \
              WHERE p.creator_id = r.creator_id), ? \
             FROM sample_requests r WHERE r.application_id IN (SELECT value FROM json_each(?)) \
             ON CONFLICT (application_id) DO UPDATE SET \
             fulfilment_90d_bp = coalesce(sample_history.fulfilment_90d_bp, excluded.fulfilment_90d_bp), \
             gmv_30d_currency = CASE WHEN sample_history.gmv_30d_minor IS NULL \
               THEN excluded.gmv_30d_currency ELSE sample_history.gmv_30d_currency END, \
             gmv_30d_minor = coalesce(sample_history.gmv_30d_minor, excluded.gmv_30d_minor), \
             median_video_views = coalesce(sample_history.median_video_views, excluded.median_video_views), \
             sample_score = coalesce(sample_history.sample_score, excluded.sample_score)",
        )
        .bind(now)
        .bind(ids)
        .execute(&mut *tx)
        .await?;
        for (id, posts) in seen.iter().filter(|(_, p)| p.is_some()) {
            sqlx::query(
                "UPDATE sample_history SET posts_30d = coalesce(posts_30d, ?) WHERE application_id = ?",
            )
            .bind(count(*posts))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Requests whose posted content should be (re)read: content pending, or completed with no content
    /// stored or a post from the last 30 days (its views and orders still grow) — each at most once a day.
    pub async fn sample_ids_needing_content(&self, now: DateTime<Utc>) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT r.application_id FROM sample_requests r \
             LEFT JOIN sample_history h ON h.application_id = r.application_id \
             WHERE (h.content_fetched_at IS NULL OR h.content_fetched_at < ?1) \
             AND (r.status = 'CONTENT_PENDING' OR (r.status = 'COMPLETED' AND ( \
               NOT EXISTS (SELECT 1 FROM sample_fulfilments f WHERE f.application_id = r.application_id) \
               OR EXISTS (SELECT 1 FROM sample_fulfilments f WHERE f.application_id = r.application_id \
                          AND f.posted_at >= ?2)))) \
             ORDER BY r.application_id",
        )
        .bind(now - Duration::days(1))
        .bind(now - Duration::days(30))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Saves the content TikTok lists for one sample (all or none) and notes the fetch; a figure TikTok
    /// leaves out never blanks a known one. Returns how many contents were new.
    pub async fn save_sample_fulfilments(
        &self,
        application_id: &str,
        contents: &[IncomingFulfilment],
        now: DateTime<Utc>,
    ) -> Result<u32> {
        let mut tx = self.write_tx().await?;
        let mut new = 0;
        for c in contents {
            if c.content_id.trim().is_empty() {
                return Err(StoreError::InvalidSampleRequest {
                    application_id: application_id.into(),
                    message: "a fulfilment has no content id".into(),
                });
            }
            let known: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM sample_fulfilments WHERE application_id = ? AND content_id = ?",
            )
            .bind(application_id)
            .bind(c.content_id.trim())
            .fetch_optional(&mut *tx)
            .await?;
            new += u32::from(known.is_none());
            sqlx::query(
                "INSERT INTO sample_fulfilments (application_id, content_id, format, url, views, likes, \
                 comments, paid_orders, posted_at, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (application_id, content_id) DO UPDATE SET \
                 format = coalesce(excluded.format, format), url = coalesce(excluded.url, url), \
                 views = coalesce(excluded.views, views), likes = coalesce(excluded.likes, likes), \
                 comments = coalesce(excluded.comments, comments), \
                 paid_orders = coalesce(excluded.paid_orders, paid_orders), \
                 posted_at = coalesce(excluded.posted_at, posted_at), fetched_at = excluded.fetched_at",
            )
            .bind(application_id)
            .bind(c.content_id.trim())
            .bind(&c.format)
            .bind(&c.url)
            .bind(count(c.views))
            .bind(count(c.likes))
            .bind(count(c.comments))
            .bind(count(c.paid_orders))
            .bind(c.posted_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO sample_history (application_id, fulfilment_90d_bp, gmv_30d_minor, gmv_30d_currency, \
             median_video_views, first_seen_at, content_fetched_at) \
             SELECT application_id, fulfilment_90d_bp, gmv_30d_minor, gmv_30d_currency, median_video_views, \
             ?2, ?2 FROM sample_requests WHERE application_id = ?1 \
             ON CONFLICT (application_id) DO UPDATE SET content_fetched_at = excluded.content_fetched_at",
        )
        .bind(application_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(new)
    }

    /// Every stored request with its first-seen signals and its posts, oldest deadline first.
    pub async fn sample_history(&self) -> Result<Vec<SampleHistoryRow>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT r.application_id, r.product_id, r.creator_id, r.status, r.fulfilment_status, \
             r.approvable, r.approve_by, r.ship_by, r.first_seen_at, \
             CASE WHEN h.application_id IS NULL THEN r.fulfilment_90d_bp ELSE h.fulfilment_90d_bp END \
               AS fulfilment_90d_bp, \
             CASE WHEN h.application_id IS NULL THEN r.gmv_30d_minor ELSE h.gmv_30d_minor END AS gmv_30d_minor, \
             CASE WHEN h.application_id IS NULL THEN r.gmv_30d_currency ELSE h.gmv_30d_currency END \
               AS gmv_30d_currency, \
             CASE WHEN h.application_id IS NULL THEN r.median_video_views ELSE h.median_video_views END \
               AS median_video_views, \
             coalesce(h.sample_score, (SELECT json_extract(p.profile, '$.sample_score') \
               FROM creator_shop_profiles p WHERE p.creator_id = r.creator_id)) AS sample_score, h.posts_30d, \
             f.first_post_at, coalesce(f.posts, 0) AS posts, coalesce(f.views, 0) AS post_views, \
             coalesce(f.orders, 0) AS paid_orders \
             FROM sample_requests r \
             LEFT JOIN sample_history h ON h.application_id = r.application_id \
             LEFT JOIN (SELECT application_id, min(posted_at) AS first_post_at, count(*) AS posts, \
                        sum(coalesce(views, 0)) AS views, sum(coalesce(paid_orders, 0)) AS orders \
                        FROM sample_fulfilments GROUP BY application_id) f \
               ON f.application_id = r.application_id \
             ORDER BY r.approve_by, r.application_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let gmv_30d = match (r.gmv_30d_minor, r.gmv_30d_currency) {
                    (Some(minor), Some(code)) => Some(Money::new(minor, Currency::parse(&code)?)),
                    _ => None,
                };
                Ok(SampleHistoryRow {
                    application_id: r.application_id,
                    product_id: r.product_id,
                    creator_id: r.creator_id,
                    status: r.status,
                    fulfilment_status: r.fulfilment_status,
                    approvable: r.approvable,
                    approve_by: r.approve_by,
                    ship_by: r.ship_by,
                    first_seen_at: r.first_seen_at,
                    fulfilment_90d: r.fulfilment_90d_bp.map(|v| BasisPoints(v.clamp(0, 10_000) as u32)),
                    gmv_30d,
                    median_video_views: r.median_video_views.map(|v| v.max(0) as u64),
                    sample_score: r.sample_score.map(|v| v.clamp(0, 100) as u32),
                    posts_30d: r.posts_30d.map(|v| v.max(0) as u64),
                    first_post_at: r.first_post_at,
                    posts: r.posts.clamp(0, i64::from(u32::MAX)) as u32,
                    post_views: r.post_views.max(0) as u64,
                    paid_orders: r.paid_orders.max(0) as u64,
                })
            })
            .collect()
    }
}
