//! Free-sample requests synced from TikTok Shop (issue 19), keyed by TikTok's application id: saved as
//! the last sync saw them, where a sync never blanks a value already known and the status follows
//! TikTok; listed by status, newest first, and counted by status.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Currency, Money};
use serde::Serialize;
use ts_rs::TS;

/// How many requests one list page holds at most.
pub const SAMPLE_LIST_LIMIT: u32 = 500;

/// A sample request as TikTok shows it now; `None` = TikTok did not say (a known value is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingSampleRequest {
    pub application_id: String,
    pub creator_open_id: String,
    pub creator_username: Option<String>,
    pub product_id: String,
    pub product_name: Option<String>,
    /// TikTok's word (`PENDING`, `AWAITING_SHIPMENT`, …).
    pub status: String,
    pub approve_by: Option<DateTime<Utc>>,
    pub ship_by: Option<DateTime<Utc>>,
    pub fulfilment_90d: Option<BasisPoints>,
    pub gmv_30d: Option<Money>,
    pub median_video_views: Option<u64>,
    pub approvable: bool,
    pub order_id: Option<String>,
    pub tracking_number: Option<String>,
    /// TikTok's word for the content obligation (`PENDING`, `ONGOING`, `SUCCEED`, …).
    pub fulfilment_status: Option<String>,
}

/// A stored sample request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SampleRequest {
    pub application_id: String,
    pub creator_open_id: String,
    pub creator_username: Option<String>,
    /// The workspace's creator with the same open id, when there is one.
    #[ts(type = "number | null")]
    pub creator_id: Option<i64>,
    pub product_id: String,
    pub product_name: Option<String>,
    pub status: String,
    pub approve_by: Option<DateTime<Utc>>,
    pub ship_by: Option<DateTime<Utc>>,
    pub fulfilment_90d: Option<BasisPoints>,
    pub gmv_30d: Option<Money>,
    #[ts(type = "number | null")]
    pub median_video_views: Option<u64>,
    pub approvable: bool,
    pub order_id: Option<String>,
    pub tracking_number: Option<String>,
    pub fulfilment_status: Option<String>,
    pub first_seen_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What saving one request did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleUpsert {
    New,
    Updated,
    Unchanged,
}

/// One page of stored requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SampleRequestPage {
    pub rows: Vec<SampleRequest>,
    /// All the requests with that status (or all, without one).
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(sqlx::FromRow)]
struct Row {
    application_id: String,
    creator_open_id: String,
    creator_username: Option<String>,
    creator_id: Option<i64>,
    product_id: String,
    product_name: Option<String>,
    status: String,
    approve_by: Option<DateTime<Utc>>,
    ship_by: Option<DateTime<Utc>>,
    fulfilment_90d_bp: Option<i64>,
    gmv_30d_minor: Option<i64>,
    gmv_30d_currency: Option<String>,
    median_video_views: Option<i64>,
    approvable: bool,
    order_id: Option<String>,
    tracking_number: Option<String>,
    fulfilment_status: Option<String>,
    first_seen_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "application_id, creator_open_id, creator_username, creator_id, product_id, \
    product_name, status, approve_by, ship_by, fulfilment_90d_bp, gmv_30d_minor, gmv_30d_currency, \
    median_video_views, approvable, order_id, tracking_number, fulfilment_status, first_seen_at, updated_at";

impl Row {
    fn read(self) -> Result<SampleRequest> {
        let gmv_30d = match (self.gmv_30d_minor, self.gmv_30d_currency) {
            (Some(minor), Some(code)) => Some(Money::new(minor, Currency::parse(&code)?)),
            _ => None,
        };
        Ok(SampleRequest {
            application_id: self.application_id,
            creator_open_id: self.creator_open_id,
            creator_username: self.creator_username,
            creator_id: self.creator_id,
            product_id: self.product_id,
            product_name: self.product_name,
            status: self.status,
            approve_by: self.approve_by,
            ship_by: self.ship_by,
            fulfilment_90d: self
                .fulfilment_90d_bp
                .map(|v| BasisPoints(v.clamp(0, i64::from(u32::MAX)) as u32)),
            gmv_30d,
            median_video_views: self.median_video_views.map(|v| v.max(0) as u64),
            approvable: self.approvable,
            order_id: self.order_id,
            tracking_number: self.tracking_number,
            fulfilment_status: self.fulfilment_status,
            first_seen_at: self.first_seen_at,
            updated_at: self.updated_at,
        })
    }
}

fn required<'a>(id: &str, field: &str, value: &'a str) -> Result<&'a str> {
    let value = value.trim();
    if value.is_empty() {
        return Err(StoreError::InvalidSampleRequest {
            application_id: id.to_string(),
            message: format!("{field} is empty"),
        });
    }
    Ok(value)
}

/// `incoming` laid over `known`: what TikTok says now wins, what it left out stays as it was.
fn merged(known: &SampleRequest, incoming: &IncomingSampleRequest) -> SampleRequest {
    fn keep<T: Clone>(new: &Option<T>, old: &Option<T>) -> Option<T> {
        new.clone().or_else(|| old.clone())
    }
    SampleRequest {
        creator_open_id: incoming.creator_open_id.trim().to_string(),
        creator_username: keep(&incoming.creator_username, &known.creator_username),
        product_id: incoming.product_id.trim().to_string(),
        product_name: keep(&incoming.product_name, &known.product_name),
        status: incoming.status.clone(),
        approve_by: keep(&incoming.approve_by, &known.approve_by),
        ship_by: keep(&incoming.ship_by, &known.ship_by),
        fulfilment_90d: keep(&incoming.fulfilment_90d, &known.fulfilment_90d),
        gmv_30d: keep(&incoming.gmv_30d, &known.gmv_30d),
        median_video_views: keep(&incoming.median_video_views, &known.median_video_views),
        approvable: incoming.approvable,
        order_id: keep(&incoming.order_id, &known.order_id),
        tracking_number: keep(&incoming.tracking_number, &known.tracking_number),
        fulfilment_status: keep(&incoming.fulfilment_status, &known.fulfilment_status),
        ..known.clone()
    }
}

impl Store {
    /// Saves the requests one sync page brought (all or none), each as new, updated or unchanged.
    pub async fn upsert_sample_requests(
        &self,
        incoming: &[IncomingSampleRequest],
        now: DateTime<Utc>,
    ) -> Result<Vec<SampleUpsert>> {
        let mut tx = self.write_tx().await?;
        let mut outcomes = Vec::with_capacity(incoming.len());
        for r in incoming {
            let id = required(&r.application_id, "the application id", &r.application_id)?;
            required(id, "the creator's open id", &r.creator_open_id)?;
            required(id, "the product id", &r.product_id)?;
            required(id, "the status", &r.status)?;
            let known: Option<Row> =
                sqlx::query_as(&format!("SELECT {COLUMNS} FROM sample_requests WHERE application_id = ?"))
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (row, outcome) = match known {
                None => {
                    let fresh = SampleRequest {
                        application_id: id.to_string(),
                        creator_open_id: String::new(),
                        creator_username: None,
                        creator_id: None,
                        product_id: String::new(),
                        product_name: None,
                        status: String::new(),
                        approve_by: None,
                        ship_by: None,
                        fulfilment_90d: None,
                        gmv_30d: None,
                        median_video_views: None,
                        approvable: false,
                        order_id: None,
                        tracking_number: None,
                        fulfilment_status: None,
                        first_seen_at: now,
                        updated_at: now,
                    };
                    (merged(&fresh, r), SampleUpsert::New)
                }
                Some(known) => {
                    let known = known.read()?;
                    let next = merged(&known, r);
                    if next == known {
                        if known.creator_id.is_none() {
                            // The creator may have come into the workspace since: link them, nothing else.
                            sqlx::query(
                                "UPDATE sample_requests SET creator_id = \
                                 (SELECT id FROM creators WHERE platform = 'tiktok' AND open_id = ?) \
                                 WHERE application_id = ?",
                            )
                            .bind(&known.creator_open_id)
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                        }
                        outcomes.push(SampleUpsert::Unchanged);
                        continue;
                    }
                    (SampleRequest { updated_at: now, ..next }, SampleUpsert::Updated)
                }
            };
            sqlx::query(
                "INSERT INTO sample_requests (application_id, creator_open_id, creator_username, creator_id, \
                 product_id, product_name, status, approve_by, ship_by, fulfilment_90d_bp, gmv_30d_minor, \
                 gmv_30d_currency, median_video_views, approvable, order_id, tracking_number, \
                 fulfilment_status, first_seen_at, updated_at) \
                 VALUES (?1, ?2, ?3, (SELECT id FROM creators WHERE platform = 'tiktok' AND open_id = ?2), \
                 ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) \
                 ON CONFLICT (application_id) DO UPDATE SET creator_open_id = excluded.creator_open_id, \
                 creator_username = excluded.creator_username, \
                 creator_id = coalesce(excluded.creator_id, sample_requests.creator_id), \
                 product_id = excluded.product_id, product_name = excluded.product_name, \
                 status = excluded.status, approve_by = excluded.approve_by, ship_by = excluded.ship_by, \
                 fulfilment_90d_bp = excluded.fulfilment_90d_bp, gmv_30d_minor = excluded.gmv_30d_minor, \
                 gmv_30d_currency = excluded.gmv_30d_currency, \
                 median_video_views = excluded.median_video_views, approvable = excluded.approvable, \
                 order_id = excluded.order_id, tracking_number = excluded.tracking_number, \
                 fulfilment_status = excluded.fulfilment_status, updated_at = excluded.updated_at",
            )
            .bind(&row.application_id)
            .bind(&row.creator_open_id)
            .bind(&row.creator_username)
            .bind(&row.product_id)
            .bind(&row.product_name)
            .bind(&row.status)
            .bind(row.approve_by)
            .bind(row.ship_by)
            .bind(row.fulfilment_90d.map(|b| i64::from(b.0)))
            .bind(row.gmv_30d.as_ref().map(|m| m.minor))
            .bind(row.gmv_30d.as_ref().map(|m| m.currency.code().to_string()))
            .bind(row.median_video_views.map(|v| i64::try_from(v).unwrap_or(i64::MAX)))
            .bind(row.approvable)
            .bind(&row.order_id)
            .bind(&row.tracking_number)
            .bind(&row.fulfilment_status)
            .bind(row.first_seen_at)
            .bind(row.updated_at)
            .execute(&mut *tx)
            .await?;
            // When Scout first saw it in this status (sample_follow.rs: a delivery's earliest sighting).
            sqlx::query("INSERT OR IGNORE INTO sample_status_seen (application_id, status, first_seen_at) VALUES (?, ?, ?)")
                .bind(&row.application_id)
                .bind(&row.status)
                .bind(row.updated_at)
                .execute(&mut *tx)
                .await?;
            outcomes.push(outcome);
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    /// Requests with `status` (all without one), newest first (first seen, then the later deadline to
    /// decide), `limit` (at most [`SAMPLE_LIST_LIMIT`]) from `offset`.
    pub async fn list_sample_requests(
        &self,
        status: Option<&str>,
        limit: u32,
        offset: u32,
    ) -> Result<SampleRequestPage> {
        self.list_sample_requests_in(status.map(|s| vec![s]).as_deref(), limit, offset).await
    }

    /// Requests in any of `statuses` (TikTok's words; all without them), ordered and paged as
    /// [`Store::list_sample_requests`].
    pub async fn list_sample_requests_in(
        &self,
        statuses: Option<&[&str]>,
        limit: u32,
        offset: u32,
    ) -> Result<SampleRequestPage> {
        let statuses = statuses.map(|s| serde_json::to_string(s).unwrap_or_else(|_| "[]".into()));
        let filter = "?1 IS NULL OR status IN (SELECT value FROM json_each(?1))";
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM sample_requests WHERE {filter} \
             ORDER BY first_seen_at DESC, approve_by DESC, application_id LIMIT ?2 OFFSET ?3"
        ))
        .bind(&statuses)
        .bind(limit.min(SAMPLE_LIST_LIMIT))
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        let total: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM sample_requests WHERE {filter}"))
            .bind(&statuses)
            .fetch_one(&self.pool)
            .await?;
        Ok(SampleRequestPage {
            rows: rows.into_iter().map(Row::read).collect::<Result<_>>()?,
            total: total.max(0) as u64,
        })
    }

    /// One stored request, if the workspace has it.
    pub async fn sample_request(&self, application_id: &str) -> Result<Option<SampleRequest>> {
        let row: Option<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM sample_requests WHERE application_id = ?"))
                .bind(application_id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(Row::read).transpose()
    }

    /// Every product requested as a sample: its id, its newest known name, and how many requests (and
    /// pending ones) it has, most requested first.
    pub async fn sample_products(&self) -> Result<Vec<(String, Option<String>, u64, u64)>> {
        let rows: Vec<(String, Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT product_id, (SELECT product_name FROM sample_requests n WHERE n.product_id = r.product_id \
             AND product_name IS NOT NULL ORDER BY updated_at DESC LIMIT 1), count(*), \
             sum(status = 'PENDING') FROM sample_requests r GROUP BY product_id ORDER BY count(*) DESC, product_id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id, name, n, p)| (id, name, n.max(0) as u64, p.max(0) as u64)).collect())
    }

    /// How many requests each status has, the statuses in alphabetical order.
    pub async fn count_sample_requests_by_status(&self) -> Result<Vec<(String, u64)>> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, count(*) FROM sample_requests GROUP BY status ORDER BY status")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(s, n)| (s, n.max(0) as u64)).collect())
    }

    /// The ids of the stored requests in one of `statuses` (TikTok's words).
    pub async fn sample_request_ids_with_status(&self, statuses: &[&str]) -> Result<Vec<String>> {
        let statuses = serde_json::to_string(statuses).unwrap_or_else(|_| "[]".into());
        Ok(sqlx::query_scalar(
            "SELECT application_id FROM sample_requests \
             WHERE status IN (SELECT value FROM json_each(?)) ORDER BY application_id",
        )
        .bind(statuses)
        .fetch_all(&self.pool)
        .await?)
    }
}
