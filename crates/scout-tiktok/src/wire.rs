//! The JSON the API speaks, in one place. Every request and reply struct below follows the models of
//! PyPI `tiktok-shop-api` 0.1.0 (generated from the Partner Center docs) field for field: names,
//! nesting, string-vs-number types and units. `fixtures/tiktok/wire_fields.json` lists those models'
//! fields; the fake API answers in exactly those shapes and a test compares both ways, so a guessed
//! name fails a test (decision 0008 says what was checked against which model).

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

/// The body of `POST /affiliate_seller/202508/target_collaborations`
/// (model `CreateTargetCollaborationRequest`).
#[derive(Debug, Serialize)]
pub(crate) struct CreateBody<'a> {
    pub name: &'a str,
    /// Unix seconds, as a string.
    pub end_time: String,
    pub products: Vec<ProductBody<'a>>,
    pub creator_user_open_ids: &'a [String],
    /// Required by the model (its fields are all optional): sent as `{}` when Scout has no e-mail.
    pub seller_contact_info: ContactBody<'a>,
    pub free_sample_rule: FreeSampleBody,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub message: &'a str,
    /// "LIVE" or "VIDEO".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_content_type: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ProductBody<'a> {
    pub id: &'a str,
    /// In hundredths of a percent (basis points): 1000 = 10 %.
    pub target_commission_rate: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct ContactBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FreeSampleBody {
    pub has_free_sample: bool,
    pub is_sample_approval_exempt: bool,
}

/// `data` of the create call (model `CreateTargetCollaborationResponseData`). The conflict and invalid
/// lists name what "caused the create to fail"; a reply may carry them with or without an id.
#[derive(Debug, Deserialize)]
pub(crate) struct CreateData {
    #[serde(default)]
    pub target_collaboration: Option<IdOnly>,
    #[serde(default)]
    pub target_collaboration_conflicts: Vec<Conflict>,
    #[serde(default)]
    pub invalid_open_id_list: Vec<String>,
    #[serde(default)]
    pub invalid_product_id_list: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct IdOnly {
    #[serde(default)]
    pub id: Option<String>,
}

/// One entry of `target_collaboration_conflicts` (model `TargetCollaborationConflict`).
#[derive(Debug, Deserialize)]
pub(crate) struct Conflict {
    #[serde(default)]
    pub creator_user_open_id: Option<String>,
}

/// `data` of `GET .../202508/target_collaborations/{id}` (model
/// `QueryTargetCollaborationDetailResponseData`).
#[derive(Debug, Deserialize)]
pub(crate) struct DetailData {
    pub target_collaboration: DetailBody,
}

/// The parts of a collaboration's detail Scout reads. The model has no answer field per creator:
/// acceptance is a creator adding the products to their showcase (`showcase_product_count`), as the
/// search's `creator_accept_status` ACCEPT says.
#[derive(Debug, Deserialize)]
pub(crate) struct DetailBody {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Unix seconds.
    #[serde(default)]
    pub end_time: Option<i64>,
    #[serde(default)]
    pub creators: Vec<DetailCreatorBody>,
}

/// Model `QueryTargetCollaborationDetailResponseDataTargetCollaborationCreator`.
#[derive(Debug, Deserialize)]
pub(crate) struct DetailCreatorBody {
    #[serde(default)]
    pub creator_open_id: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    /// NORMAL, DELETING or DELETED.
    #[serde(default)]
    pub collaboration_status: Option<String>,
    #[serde(default)]
    pub showcase_product_count: Option<u32>,
    #[serde(default)]
    pub content_product_count: Option<u32>,
}

/// The body of `POST .../202508/target_collaborations/search` (model
/// `SearchTargetCollaborationsRequest`; `collaboration_status` is required).
#[derive(Debug, Serialize)]
pub(crate) struct SearchBody<'a> {
    pub collaboration_status: &'a str,
}

/// `data` of the search (model `SearchTargetCollaborationsResponseData`).
#[derive(Debug, Deserialize)]
pub(crate) struct SearchData {
    #[serde(default)]
    pub target_collaborations: Vec<SearchItemBody>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// Model `SearchTargetCollaborationsResponseDataTargetCollaboration` (note TikTok's own spelling
/// `creator_inivited_count`).
#[derive(Debug, Deserialize)]
pub(crate) struct SearchItemBody {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub end_time: Option<i64>,
    #[serde(default)]
    pub creator_inivited_count: Option<u32>,
    #[serde(default)]
    pub showcase_creator_count: Option<u32>,
    #[serde(default)]
    pub content_creator_count: Option<u32>,
}

// ---- Outreach quota ----

/// `data` of `GET /affiliate_seller/202607/creator_outreach/quota` (model
/// `GetWeeklyCreatorOutreachQuotaResponseData`): the quota sits one level down, in `data.data`. The
/// model makes that one object; `quota_type` ("period quota", "bouns quota" [sic]) suggests a reply can
/// also carry one entry per type, so a list of them is read too.
#[derive(Debug, Deserialize)]
pub(crate) struct QuotaData {
    #[serde(default)]
    pub data: Option<OneOrMany<QuotaBody>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

/// Model `GetWeeklyCreatorOutreachQuotaResponseDataData`: counts and times are strings.
#[derive(Debug, Deserialize)]
pub(crate) struct QuotaBody {
    #[serde(default)]
    pub quota_type: Option<String>,
    #[serde(default)]
    pub gmv_tier: Option<String>,
    #[serde(default)]
    pub quota_sum: Option<String>,
    #[serde(default)]
    pub quota_use: Option<String>,
    #[serde(default)]
    pub unlimited: Option<bool>,
    #[serde(default)]
    pub reached_max_follower_cnt: Option<String>,
    #[serde(default)]
    pub new_connect_count: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    #[serde(default)]
    pub quota_details: Vec<QuotaDetailBody>,
}

/// Model `GetWeeklyCreatorOutreachQuotaResponseDataDataQuotaDetail`: one creator-level tier.
#[derive(Debug, Deserialize)]
pub(crate) struct QuotaDetailBody {
    #[serde(default)]
    pub quota_period_sum: Option<u32>,
    #[serde(default)]
    pub quota_period_use: Option<u32>,
    #[serde(default)]
    pub quota_bonus_sum: Option<u32>,
    #[serde(default)]
    pub quota_bonus_use: Option<u32>,
}

// ---- Affiliate orders ----
// Models `SearchSellerAffiliateOrdersRequest` / `…ResponseData…`. Scalars are read as JSON values, so
// one order with an odd type is skipped with a reason instead of failing the whole page.

/// The body of `POST /affiliate_seller/202410/orders/search`: Unix seconds as integers; `page_size`
/// (required) and `page_token` go in the query. One request may span at most three months.
#[derive(Debug, Serialize)]
pub(crate) struct OrderSearchBody {
    pub create_time_ge: i64,
    pub create_time_lt: i64,
}

/// `data` of the orders search. Pagination counts SKU records and groups them by order afterwards, so
/// the SKUs of one order can come on different pages (merged by the reader).
#[derive(Debug, Deserialize)]
pub(crate) struct OrderSearchData {
    #[serde(default)]
    pub orders: Vec<serde_json::Value>,
    #[serde(default)]
    pub next_page_token: Option<String>,
}

/// One affiliate order. The model's order-level `status` is deprecated ("not returned"): each SKU's
/// `settlement_status` says what happened to it.
#[derive(Debug, Deserialize)]
pub(crate) struct OrderBody {
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// Unix seconds.
    #[serde(default)]
    pub create_time: Option<serde_json::Value>,
    /// Unix seconds.
    #[serde(default)]
    pub delivery_time: Option<serde_json::Value>,
    #[serde(default)]
    pub skus: Vec<SkuBody>,
}

/// One SKU of an affiliate order (model `SearchSellerAffiliateOrdersResponseDataOrderSku`). There is
/// no product name, payment or refund amount: the line's GMV is `price` × `quantity` and a refund is
/// known only whole (`fully_return` "Yes", or `settlement_status` INELIGIBLE).
#[derive(Debug, Deserialize)]
pub(crate) struct SkuBody {
    #[serde(default)]
    pub sku_id: Option<serde_json::Value>,
    #[serde(default)]
    pub product_id: Option<serde_json::Value>,
    /// Empty for affiliate partner campaign orders.
    #[serde(default)]
    pub creator_username: Option<String>,
    /// SHOP, VIDEO, LIVE, PRE_LIVE, PROMOTION_PAGE or LINKSHARE.
    #[serde(default)]
    pub content_type: Option<String>,
    #[serde(default)]
    pub content_id: Option<serde_json::Value>,
    /// Units ordered, including any later refunded.
    #[serde(default)]
    pub quantity: Option<serde_json::Value>,
    /// The unit price in major units, as a decimal string.
    #[serde(default)]
    pub price: Option<AmountBody>,
    /// "Yes" when the whole SKU order was returned or refunded, "No" otherwise.
    #[serde(default)]
    pub fully_return: Option<serde_json::Value>,
    /// A string in hundredths of a percent: "1550" = 15.50 %.
    #[serde(default)]
    pub commission_rate: Option<serde_json::Value>,
    #[serde(default)]
    pub estimated_paid_commission: Option<AmountBody>,
    #[serde(default)]
    pub actual_paid_commission: Option<AmountBody>,
    /// "Unknown", "AWAITING PAYMENT", "To-SETTLE", "SETTLED" or "INELIGIBLE".
    #[serde(default)]
    pub settlement_status: Option<String>,
    #[serde(default)]
    pub target_collaboration_id: Option<serde_json::Value>,
}

/// Money as `{"amount": "12.34", "currency": "USD"}`.
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
