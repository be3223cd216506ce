//! The JSON the API speaks, in one place. Request fields follow domain.md. Response field names are
//! guesses from domain.md and a third-party SDK generated from the official schema (create returns
//! `data.target_collaboration.id` and `data.target_collaboration_conflicts[]`, detail returns
//! `data.target_collaboration`, search returns `data.target_collaborations[]` and `next_page_token`);
//! aliases accept the likely variants. The affiliate order fields are guesses too, each marked `GUESS`
//! below and listed in decision 0008. CHECK every name here against the official API reference
//! before relying on it in production.

use serde::{Deserialize, Serialize};

use super::error::{Scrubber, TiktokError};

/// Every reply: `{code, message, request_id, data}`, `code` 0 = success.
#[derive(Debug, Deserialize)]
pub(crate) struct Envelope {
    pub code: i64,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub request_id: String,
    #[serde(default)]
    pub data: serde_json::Value,
}

/// Reads a reply: HTTP 429 and 5xx first (their bodies may not be JSON), then the envelope's code.
pub(crate) fn read_reply(
    status: u16,
    retry_after: Option<std::time::Duration>,
    body: &[u8],
    scrubber: &Scrubber<'_>,
) -> Result<serde_json::Value, TiktokError> {
    let envelope = serde_json::from_slice::<Envelope>(body).ok();
    let (code, message, request_id) = match &envelope {
        Some(e) => (e.code, scrubber.scrub(&e.message), e.request_id.clone()),
        None => (0, String::new(), String::new()),
    };
    if status == 429 {
        let code = if code == 0 { super::error::codes::TOO_MANY_REQUESTS } else { code };
        return Err(TiktokError::RateLimited { code, message, request_id, retry_after });
    }
    if (500..=599).contains(&status) {
        return Err(TiktokError::Unavailable { status, code, message, request_id });
    }
    let Some(envelope) = envelope else {
        return Err(TiktokError::Unexpected(format!("HTTP {status} without the JSON reply envelope")));
    };
    if envelope.code != 0 {
        let mut err = TiktokError::from_code(code, message, request_id);
        if let TiktokError::Unavailable { status: s, .. } = &mut err {
            *s = status;
        }
        return Err(err);
    }
    if !(200..=299).contains(&status) {
        return Err(TiktokError::Unexpected(format!("HTTP {status} with code 0")));
    }
    Ok(envelope.data)
}

/// Reads `data` into a typed answer, naming what was expected when it does not fit.
pub(crate) fn parse_data<T: for<'de> Deserialize<'de>>(
    data: serde_json::Value,
    what: &str,
) -> Result<T, TiktokError> {
    serde_json::from_value(data).map_err(|e| TiktokError::Unexpected(format!("{what}: {e}")))
}

// ---- OAuth ----

/// `data` of `/api/v2/token/get` and `/api/v2/token/refresh`; the `*_expire_in` are absolute Unix times.
#[derive(Debug, Deserialize)]
pub(crate) struct TokenData {
    pub access_token: String,
    pub access_token_expire_in: i64,
    pub refresh_token: String,
    pub refresh_token_expire_in: i64,
}

// ---- Target collaborations ----

/// The body of `POST /affiliate_seller/202508/target_collaborations` (domain.md).
#[derive(Debug, Serialize)]
pub(crate) struct CreateBody<'a> {
    pub name: &'a str,
    /// Unix seconds, as a string.
    pub end_time: String,
    pub products: Vec<ProductBody<'a>>,
    pub creator_user_open_ids: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seller_contact_info: Option<ContactBody<'a>>,
    pub free_sample_rule: FreeSampleBody,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_content_type: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ProductBody<'a> {
    pub id: &'a str,
    /// In 1/10000 (basis points): 1000 = 10 %.
    pub target_commission_rate: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct ContactBody<'a> {
    pub email: &'a str,
}

#[derive(Debug, Serialize)]
pub(crate) struct FreeSampleBody {
    pub has_free_sample: bool,
    pub is_sample_approval_exempt: bool,
}

/// `data` of the create call.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateData {
    #[serde(default)]
    pub target_collaboration: Option<IdOnly>,
    /// A flat id, in case the reply is shaped `data.target_collaboration_id`.
    #[serde(default)]
    pub target_collaboration_id: Option<String>,
    #[serde(default)]
    pub target_collaboration_conflicts: Vec<Conflict>,
    #[serde(default, alias = "conflict_creator_user_open_ids")]
    pub conflict_creator_open_ids: Vec<String>,
    #[serde(default, alias = "invalid_creator_user_open_ids")]
    pub invalid_creator_open_ids: Vec<String>,
    #[serde(default)]
    pub invalid_product_ids: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct IdOnly {
    pub id: String,
}

/// One entry of `target_collaboration_conflicts`: which creator, in which existing collaboration.
#[derive(Debug, Deserialize)]
pub(crate) struct Conflict {
    #[serde(default, alias = "creator_user_open_id", alias = "open_id")]
    pub creator_open_id: Option<String>,
}

/// `data` of `GET .../target_collaborations/{id}`.
#[derive(Debug, Deserialize)]
pub(crate) struct DetailData {
    pub target_collaboration: CollaborationBody,
}

/// `data` of `POST .../target_collaborations/search`.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchData {
    #[serde(default)]
    pub target_collaborations: Vec<CollaborationBody>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CollaborationBody {
    pub id: String,
    #[serde(default, alias = "collaboration_status")]
    pub status: String,
    #[serde(default)]
    pub creators: Vec<CreatorBody>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CreatorBody {
    #[serde(alias = "creator_user_open_id", alias = "open_id")]
    pub creator_open_id: String,
    #[serde(default, alias = "accept_status", alias = "creator_accept_status")]
    pub status: String,
}

// ---- Outreach quota ----

/// `data` of `GET /affiliate_seller/202607/creator_outreach/quota`.
#[derive(Debug, Deserialize)]
pub(crate) struct QuotaData {
    #[serde(alias = "remaining_quota", alias = "remaining_count")]
    pub remaining: u32,
    #[serde(alias = "total_quota", alias = "total_count")]
    pub total: u32,
    /// Unix seconds.
    #[serde(default, alias = "reset_at")]
    pub reset_time: Option<i64>,
}

// ---- Affiliate orders ----
// domain.md names the path, `create_time_ge` / `create_time_lt`, and per-SKU `creator_username`,
// `commission_rate`, estimated / actual paid commission, `settlement_status` and
// `target_collaboration_id`. Every other name below is a GUESS (listed in decision 0008, "Guessed").
// Scalars are read as JSON values, so one order with an odd type is skipped with a reason instead of
// failing the whole page.

/// The body of `POST /affiliate_seller/202410/orders/search`: Unix seconds (domain.md). GUESS: plain
/// JSON integers in the body, with `page_size` and `page_token` in the query as for collaboration search.
#[derive(Debug, Serialize)]
pub(crate) struct OrderSearchBody {
    pub create_time_ge: i64,
    pub create_time_lt: i64,
}

/// `data` of the orders search. GUESS: `orders[]` and `next_page_token` (as collaboration search).
/// Orders are kept as raw JSON here and read one by one ([`OrderBody`]).
#[derive(Debug, Deserialize)]
pub(crate) struct OrderSearchData {
    #[serde(default)]
    pub orders: Vec<serde_json::Value>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// One affiliate order.
#[derive(Debug, Deserialize)]
pub(crate) struct OrderBody {
    /// GUESS: `id` (alias `order_id`); a string or a number.
    #[serde(default, alias = "order_id")]
    pub id: Option<serde_json::Value>,
    /// GUESS: `status` (alias `order_status`), e.g. `COMPLETED`, `CANCELLED`.
    #[serde(default, alias = "order_status")]
    pub status: Option<String>,
    /// GUESS: `create_time`, Unix seconds (the field the `create_time_ge` / `_lt` filter reads).
    #[serde(default)]
    pub create_time: Option<serde_json::Value>,
    /// GUESS: `paid_time`, Unix seconds (as in the order API).
    #[serde(default)]
    pub paid_time: Option<serde_json::Value>,
    /// GUESS: `delivery_time`, Unix seconds (as in the order API).
    #[serde(default)]
    pub delivery_time: Option<serde_json::Value>,
    /// GUESS: `skus[]` (domain.md only says the figures are per SKU).
    #[serde(default)]
    pub skus: Vec<SkuBody>,
}

/// One SKU of an affiliate order.
#[derive(Debug, Deserialize)]
pub(crate) struct SkuBody {
    /// GUESS: `sku_id` (alias `id`).
    #[serde(default, alias = "id")]
    pub sku_id: Option<serde_json::Value>,
    /// GUESS: `product_id`.
    #[serde(default)]
    pub product_id: Option<serde_json::Value>,
    /// GUESS: `product_name` (alias `product_title`).
    #[serde(default, alias = "product_title")]
    pub product_name: Option<String>,
    /// domain.md.
    #[serde(default)]
    pub creator_username: Option<String>,
    /// GUESS: `content_type` ("VIDEO", "LIVE", "SHOWCASE").
    #[serde(default)]
    pub content_type: Option<String>,
    /// GUESS: `content_id`.
    #[serde(default)]
    pub content_id: Option<serde_json::Value>,
    /// GUESS: `quantity`.
    #[serde(default)]
    pub quantity: Option<serde_json::Value>,
    /// GUESS: `price`, the unit price as `{amount, currency}`.
    #[serde(default)]
    pub price: Option<AmountBody>,
    /// GUESS: `payment_amount` (alias `paid_amount`), what the buyer paid for the line.
    #[serde(default, alias = "paid_amount")]
    pub payment_amount: Option<AmountBody>,
    /// GUESS: `refund_amount`.
    #[serde(default)]
    pub refund_amount: Option<AmountBody>,
    /// GUESS: `returned_quantity` (alias `refunded_quantity`).
    #[serde(default, alias = "refunded_quantity")]
    pub returned_quantity: Option<serde_json::Value>,
    /// GUESS: `is_fully_refunded` (aliases `fully_return`, `fully_returned`); a boolean or a
    /// "true" / "yes" / "1" string.
    #[serde(default, alias = "fully_return", alias = "fully_returned")]
    pub is_fully_refunded: Option<serde_json::Value>,
    /// domain.md; in 1/10000 like the collaboration API (GUESS: a number or a string of one).
    #[serde(default)]
    pub commission_rate: Option<serde_json::Value>,
    /// domain.md ("estimated paid commission"); GUESS: `{amount, currency}`.
    #[serde(default)]
    pub estimated_paid_commission: Option<AmountBody>,
    /// domain.md ("actual paid commission"); GUESS: `{amount, currency}`.
    #[serde(default)]
    pub actual_paid_commission: Option<AmountBody>,
    /// domain.md; GUESS at the values: `SETTLED`, `PENDING` / `UNSETTLED`, `INELIGIBLE` / `INVALID`.
    #[serde(default)]
    pub settlement_status: Option<String>,
    /// domain.md.
    #[serde(default)]
    pub target_collaboration_id: Option<serde_json::Value>,
}

/// GUESS: money as `{"amount": "12.34", "currency": "USD"}`, as the order API writes it.
#[derive(Debug, Deserialize)]
pub(crate) struct AmountBody {
    #[serde(default)]
    pub amount: Option<serde_json::Value>,
    #[serde(default)]
    pub currency: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_429_without_a_json_body_is_a_rate_limit() {
        let e = read_reply(429, None, b"slow down", &Scrubber::default()).unwrap_err();
        assert!(matches!(e, TiktokError::RateLimited { code: 36009002, .. }), "{e:?}");
    }

    #[test]
    fn a_5xx_is_unavailable_and_code_0_gives_data() {
        let e = read_reply(503, None, b"{\"code\":36009003,\"message\":\"busy\"}", &Scrubber::default());
        assert!(matches!(e, Err(TiktokError::Unavailable { status: 503, code: 36009003, .. })), "{e:?}");
        let ok = read_reply(200, None, br#"{"code":0,"message":"","data":{"a":1}}"#, &Scrubber::default());
        assert_eq!(ok.unwrap()["a"], 1);
        let junk = read_reply(200, None, b"<html>", &Scrubber::default());
        assert!(matches!(junk, Err(TiktokError::Unexpected(_))), "{junk:?}");
    }
}
