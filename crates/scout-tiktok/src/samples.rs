//! Sample applications (`/affiliate_seller/…/sample_applications/…`): the requests creators make for a
//! free sample, searched by status page by page with TikTok's signals about the creator (90-day
//! fulfilment, 30-day GMV, median views); a review (approve, or reject with one of TikTok's reasons),
//! possible only while a request is PENDING and never for one an agency submitted (16022020); and the
//! content a creator posted for a sample. The query names Scout's fields plainly; `wire_samples` sends
//! TikTok's own spellings (`creator_user_oepn_id`, `target_collabration_id`).

use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::samples_read::{content, read_page};
use super::wire::parse_data;
use super::wire_samples as w;

const SEARCH_PATH: &str = "/affiliate_seller/202508/sample_applications/search";
const REVIEW_PATH: &str = "/affiliate_seller/202507/sample_applications";
const FULFILMENTS_PATH: &str = "/affiliate_seller/202409/sample_applications";
/// Requests a search page asks for: the most the endpoint gives.
pub const SAMPLE_PAGE_SIZE: u32 = 50;

/// Where a sample request stands, as the model enumerates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SampleStatus {
    /// Waiting for the seller's review.
    Pending,
    AwaitingShipment,
    Shipped,
    /// Delivered; the creator is expected to post.
    ContentPending,
    /// The creator posted.
    Completed,
    RejectCancelled,
    OverdueCancelled,
    /// The creator did not post in time.
    UnfulfillCancelled,
    DelOpenCollab,
    SellerNotShipCancelled,
    WithdrawCancelled,
    UnfulfillableCancelled,
    OpsCancelled,
    OpsFailed,
    OpsCompleted,
}

/// The fulfilment of the content obligation, as the model enumerates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FulfilmentStatus {
    Pending,
    Ongoing,
    Succeed,
    Failed,
    Overdue,
    Suspend,
    Cancelled,
    Exempted,
}

/// TikTok's reasons for rejecting a sample request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RejectReason {
    /// The creator does not meet the seller's requirements.
    NotMatch,
    /// The product has been taken offline.
    Offline,
    OutOfStock,
    Other,
}

/// A seller's review of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case", tag = "decision", content = "reason")]
pub enum ReviewDecision {
    Approve,
    Reject(RejectReason),
}

/// What a sample's content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ContentFormat {
    Video,
    Live,
}

/// Which requests to search; every field narrows, `None` does not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SampleQuery {
    pub status: Option<SampleStatus>,
    pub product_id: Option<String>,
    /// Part of the product's name.
    pub title: Option<String>,
    pub creator_open_id: Option<String>,
    /// Part of the creator's username.
    pub username: Option<String>,
    pub target_collaboration_id: Option<String>,
    pub order_id: Option<String>,
}

/// The requesting creator as the request shows them; figures the creator keeps private are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleCreator {
    pub open_id: String,
    pub username: Option<String>,
    pub nickname: Option<String>,
    pub avatar_url: Option<String>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    /// 30 days.
    pub gmv: Option<Money>,
    /// Posts in the last 30 days.
    #[ts(type = "number | null")]
    pub posts_30d: Option<u64>,
    /// The share of samples they posted for over 90 days.
    pub fulfilment_90d: Option<BasisPoints>,
    /// Median shoppable video views over 30 days.
    #[ts(type = "number | null")]
    pub median_video_views: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleProduct {
    pub id: String,
    pub title: Option<String>,
    pub sku_id: Option<String>,
    pub sku_name: Option<String>,
    pub sku_image_url: Option<String>,
}

/// One sample request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleApplication {
    pub id: String,
    pub status: SampleStatus,
    pub fulfilment: Option<FulfilmentStatus>,
    pub creator: SampleCreator,
    pub product: SampleProduct,
    /// The open collaboration's commission.
    pub commission: Option<BasisPoints>,
    /// The sample order, once approved.
    pub order_id: Option<String>,
    #[ts(type = "number | null")]
    pub available_quantity: Option<u64>,
    /// The seller must decide by then.
    pub approve_by: Option<DateTime<Utc>>,
    /// The seller must ship by then.
    pub ship_by: Option<DateTime<Utc>>,
    pub tracking_number: Option<String>,
    /// Whether TikTok lets the seller approve it (the reasons may be empty even when not).
    pub approvable: bool,
    pub not_approvable_because: Vec<String>,
    /// The agency that submitted it for the creator: such a request cannot be reviewed through the API.
    pub agency: Option<String>,
}

/// One page of a sample search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SamplePage {
    pub applications: Vec<SampleApplication>,
    /// Requests that could not be read, with why — never silently dropped.
    pub unreadable: Vec<String>,
    /// All the requests the query matches.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
    /// The next page's token; `None` on the last.
    pub next_page_token: Option<String>,
}

/// Content a creator posted for a sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleContent {
    pub product_id: Option<String>,
    pub product_image_url: Option<String>,
    pub content_id: Option<String>,
    pub format: Option<ContentFormat>,
    pub url: Option<String>,
    pub page_link: Option<String>,
    pub description: Option<String>,
    #[ts(type = "number | null")]
    pub views: Option<u64>,
    #[ts(type = "number | null")]
    pub likes: Option<u64>,
    #[ts(type = "number | null")]
    pub comments: Option<u64>,
    #[ts(type = "number | null")]
    pub paid_orders: Option<u64>,
    /// A video made public and linked, or the product first added to a LIVE.
    pub posted_at: Option<DateTime<Utc>>,
    pub live_ended_at: Option<DateTime<Utc>>,
}

impl RejectReason {
    pub fn as_wire(self) -> &'static str {
        match self {
            RejectReason::NotMatch => "NOT_MATCH",
            RejectReason::Offline => "OFFLINE",
            RejectReason::OutOfStock => "OUT_OF_STOCK",
            RejectReason::Other => "OTHER",
        }
    }
}

impl SampleStatus {
    /// The model's word for the status.
    pub fn as_wire(self) -> &'static str {
        use SampleStatus::*;
        match self {
            Pending => "PENDING",
            AwaitingShipment => "AWAITING_SHIPMENT",
            Shipped => "SHIPPED",
            ContentPending => "CONTENT_PENDING",
            Completed => "COMPLETED",
            RejectCancelled => "REJECT_CANCELLED",
            OverdueCancelled => "OVERDUE_CANCELLED",
            UnfulfillCancelled => "UNFULFILL_CANCELLED",
            DelOpenCollab => "DEL_OPEN_COLLAB",
            SellerNotShipCancelled => "SELLER_NOT_SHIP_CANCELLED",
            WithdrawCancelled => "WITHDRAW_CANCELLED",
            UnfulfillableCancelled => "UNFULFILLABLE_CANCELLED",
            OpsCancelled => "OPS_CANCELLED",
            OpsFailed => "OPS_FAILED",
            OpsCompleted => "OPS_COMPLETED",
        }
    }
}

impl ContentFormat {
    pub fn as_wire(self) -> &'static str {
        match self {
            ContentFormat::Video => "VIDEO",
            ContentFormat::Live => "LIVE",
        }
    }
}

/// An id that goes into a path: letters, digits, '-', '_' and '.' only.
pub(crate) fn path_id<'a>(field: &str, id: &'a str) -> Result<&'a str, TiktokError> {
    let id = id.trim();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) {
        return Err(TiktokError::invalid(field, format!("'{id}' is not an id TikTok Shop gives")));
    }
    Ok(id)
}

/// A value that goes into a body: anything but blank (trimmed).
pub(crate) fn not_blank<'a>(field: &str, value: &'a str) -> Result<&'a str, TiktokError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(TiktokError::invalid(field, "is empty"));
    }
    Ok(value)
}

pub(crate) fn encode<T: Serialize>(body: &T) -> Result<Vec<u8>, TiktokError> {
    serde_json::to_vec(body).map_err(|e| TiktokError::Unexpected(format!("cannot encode the body: {e}")))
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub(crate) fn search_body(q: &SampleQuery) -> Result<Vec<u8>, TiktokError> {
    let some = given;
    encode(&w::SearchBody {
        product_id: some(&q.product_id),
        title: some(&q.title),
        creator_user_oepn_id: some(&q.creator_open_id),
        username: some(&q.username),
        target_collabration_id: some(&q.target_collaboration_id),
        order_id: some(&q.order_id),
        status: q.status.map(SampleStatus::as_wire),
    })
}

pub(crate) fn review_body(decision: &ReviewDecision) -> Result<Vec<u8>, TiktokError> {
    encode(&match decision {
        ReviewDecision::Approve => w::ReviewBody { review_result: "APPROVE", reject_reason: None },
        ReviewDecision::Reject(reason) => {
            w::ReviewBody { review_result: "REJECT", reject_reason: Some(reason.as_wire()) }
        }
    })
}

impl TiktokClient {
    /// One page of the shop's sample requests matching `query` (the first page without a token).
    pub async fn search_sample_applications(
        &self,
        query: &SampleQuery,
        page_token: Option<&str>,
    ) -> Result<SamplePage, TiktokError> {
        let body = search_body(query)?;
        let mut params = vec![("page_size", SAMPLE_PAGE_SIZE.to_string())];
        if let Some(t) = page_token.filter(|t| !t.is_empty()) {
            params.push(("page_token", t.to_string()));
        }
        let data = self.call(Method::Post, SEARCH_PATH, &params, Some(&body)).await?;
        read_page(data)
    }

    /// Approves or rejects one PENDING request. An agency's request is refused with
    /// [`TiktokError::AgencySample`].
    pub async fn review_sample_application(
        &self,
        application_id: &str,
        decision: &ReviewDecision,
    ) -> Result<(), TiktokError> {
        let id = path_id("application_id", application_id)?;
        let body = review_body(decision)?;
        self.call(Method::Post, &format!("{REVIEW_PATH}/{id}/review"), &[], Some(&body)).await?;
        Ok(())
    }

    /// The content posted for one sample (`format` `None` = videos and LIVEs).
    pub async fn sample_content(
        &self,
        application_id: &str,
        format: Option<ContentFormat>,
    ) -> Result<Vec<SampleContent>, TiktokError> {
        let id = path_id("application_id", application_id)?;
        let body = encode(&w::FulfilmentsBody { content_format: format.map(ContentFormat::as_wire) })?;
        let path = format!("{FULFILMENTS_PATH}/{id}/fulfillments/search");
        let data = self.call(Method::Post, &path, &[], Some(&body)).await?;
        let data: w::FulfilmentsData = parse_data(data, "sample fulfilment reply")?;
        Ok(data.fulfillments.into_iter().map(content).collect())
    }
}

#[cfg(test)]
#[path = "samples_tests.rs"]
mod tests;
