//! Sample applications (`/affiliate_seller/…/sample_applications/…`): the requests creators make for a
//! free sample, searched by status page by page with TikTok's signals about the creator (90-day
//! fulfilment, 30-day GMV, median views); a review (approve, or reject with one of TikTok's reasons),
//! possible only while a request is PENDING and never for one an agency submitted (16022020); and the
//! content a creator posted for a sample. The query names Scout's fields plainly; `wire_samples` sends
//! TikTok's own spellings (`creator_user_oepn_id`, `target_collabration_id`).

use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Currency, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
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

/// A closed set's wire word back into its enum (the serde names are the wire words).
fn parse_word<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
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

/// A decimal string ("60.85", "0.20") × `scale` as basis points; "" or a negative is not known.
pub(crate) fn basis_points(text: Option<&str>, scale: f64) -> Option<BasisPoints> {
    let value: f64 = text?.trim().parse().ok()?;
    (value.is_finite() && value >= 0.0).then(|| BasisPoints((value * scale).round().min(10_000.0) as u32))
}

fn time(seconds: Option<i64>) -> Option<DateTime<Utc>> {
    seconds.filter(|s| *s > 0).and_then(|s| DateTime::from_timestamp(s, 0))
}

fn text(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn gmv(g: Option<w::Gmv>) -> Option<Money> {
    let g = g?;
    let currency = Currency::parse(g.currency?.trim()).ok()?;
    let value: f64 = g.amount?.trim().parse().ok()?;
    (value >= 0.0).then(|| Money::from_major(value, currency)).flatten()
}

pub(crate) fn application(a: w::Application) -> Result<SampleApplication, String> {
    let id = text(a.id).ok_or("a sample application without an id")?;
    let status = a.status.unwrap_or_default();
    let status = parse_word::<SampleStatus>(status.trim())
        .ok_or_else(|| format!("sample application {id}: status '{status}' is not one TikTok documents"))?;
    let fulfilment = match text(a.fulfillment_status) {
        None => None,
        Some(f) => Some(parse_word::<FulfilmentStatus>(f.trim()).ok_or_else(|| {
            format!("sample application {id}: fulfillment_status '{f}' is not one TikTok documents")
        })?),
    };
    let c = a.creator.unwrap_or_default();
    let open_id = text(c.creator_open_id)
        .ok_or_else(|| format!("sample application {id} without a creator open id"))?;
    let p = a.product.unwrap_or_default();
    let product_id = text(p.id).ok_or_else(|| format!("sample application {id} without a product id"))?;
    Ok(SampleApplication {
        status,
        fulfilment,
        creator: SampleCreator {
            open_id,
            username: text(c.username),
            nickname: text(c.nickname),
            avatar_url: text(c.avatar_url),
            followers: c.follower_count,
            gmv: gmv(c.gmv),
            posts_30d: c.content_count,
            fulfilment_90d: basis_points(c.fulfillment_percentage.as_deref(), 100.0),
            median_video_views: c.ec_video_view,
        },
        product: SampleProduct {
            id: product_id,
            title: text(p.title),
            sku_id: text(p.sku_id),
            sku_name: text(p.sku_name),
            sku_image_url: text(p.sku_image_url),
        },
        commission: basis_points(a.commission_rate.as_deref(), 10_000.0),
        order_id: text(a.order_id),
        available_quantity: a.available_quantity,
        approve_by: time(a.approve_expiration_time),
        ship_by: time(a.shipment_expiration_time),
        tracking_number: text(a.tracking_number),
        approvable: a.is_approvable.unwrap_or(false),
        not_approvable_because: a.disapprovable_reasons,
        agency: text(a.partner_name),
        id,
    })
}

pub(crate) fn content(f: w::Fulfilment) -> SampleContent {
    let c = f.content.unwrap_or_default();
    let p = f.product.unwrap_or_default();
    SampleContent {
        product_id: text(p.id),
        product_image_url: text(p.main_image_url),
        content_id: text(c.id),
        format: c.format.as_deref().and_then(|f| parse_word(f.trim())),
        url: text(c.url),
        page_link: text(c.page_link),
        description: text(c.description),
        views: c.view_count,
        likes: c.like_count,
        comments: c.comment_count,
        paid_orders: c.paid_order_count,
        posted_at: time(c.create_time),
        live_ended_at: time(c.live_end_time),
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

pub(crate) fn read_page(data: serde_json::Value) -> Result<SamplePage, TiktokError> {
    let data: w::SearchData = parse_data(data, "sample application search reply")?;
    let (mut applications, mut unreadable) = (Vec::new(), Vec::new());
    for a in data.sample_applications {
        match application(a) {
            Ok(a) => applications.push(a),
            Err(why) => unreadable.push(why),
        }
    }
    Ok(SamplePage {
        applications,
        unreadable,
        total: data.total_count,
        next_page_token: text(data.next_page_token),
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
