//! The sample applications' JSON, field for field as the generated models of PyPI `tiktok-shop-api`
//! 0.1.0 have it (`SearchSampleApplicationsRequest` / `…Response`, `ReviewASampleApplicationRequest` /
//! `…Response`, `SearchSampleApplicationFulfillmentsRequest` / `…Response`);
//! `fixtures/tiktok/wire_fields.json` lists them and a test compares both ways. TikTok's own spellings
//! are kept: `creator_user_oepn_id` and `target_collabration_id`. Every reply field is optional, as in
//! the models.

use serde::{Deserialize, Deserializer, Serialize};

// ---- search: the request body ----

#[derive(Debug, Default, Serialize)]
pub(crate) struct SearchBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// Sic: the model's (and TikTok's) spelling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator_user_oepn_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<&'a str>,
    /// Sic: the model's (and TikTok's) spelling.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_collabration_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
}

// ---- search: the reply ----

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchData {
    pub next_page_token: Option<String>,
    pub total_count: Option<u64>,
    #[serde(default)]
    pub sample_applications: Vec<Application>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Application {
    pub id: Option<String>,
    /// A decimal fraction with two places ("0.20" = 20 %).
    pub commission_rate: Option<String>,
    pub status: Option<String>,
    pub order_id: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub available_quantity: Option<u64>,
    pub approve_expiration_time: Option<i64>,
    pub shipment_expiration_time: Option<i64>,
    pub tracking_number: Option<String>,
    pub fulfillment_status: Option<String>,
    pub is_approvable: Option<bool>,
    #[serde(default)]
    pub disapprovable_reasons: Vec<String>,
    pub partner_name: Option<String>,
    pub creator: Option<Creator>,
    pub product: Option<Product>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Gmv {
    pub amount: Option<String>,
    pub currency: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Creator {
    pub creator_open_id: Option<String>,
    pub username: Option<String>,
    pub nickname: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub follower_count: Option<u64>,
    pub avatar_url: Option<String>,
    pub gmv: Option<Gmv>,
    /// Typed as an integer, but "the field returns an empty string" when the creator does not share it.
    #[serde(default, deserialize_with = "count")]
    pub content_count: Option<u64>,
    /// A percentage without the sign ("60.85"), or "" when the creator does not share it.
    pub fulfillment_percentage: Option<String>,
    /// The median shoppable video views over 30 days; "" when not shared, like `content_count`.
    #[serde(default, deserialize_with = "count")]
    pub ec_video_view: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Product {
    pub id: Option<String>,
    pub title: Option<String>,
    pub sku_id: Option<String>,
    pub sku_image_url: Option<String>,
    pub sku_name: Option<String>,
}

// ---- review ----

#[derive(Debug, Serialize)]
pub(crate) struct ReviewBody {
    pub review_result: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reject_reason: Option<&'static str>,
}

// ---- fulfilments ----

#[derive(Debug, Default, Serialize)]
pub(crate) struct FulfilmentsBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_format: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct FulfilmentsData {
    #[serde(default)]
    pub fulfillments: Vec<Fulfilment>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Fulfilment {
    pub product: Option<FulfilmentProduct>,
    pub content: Option<Content>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct FulfilmentProduct {
    pub id: Option<String>,
    pub main_image_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Content {
    pub id: Option<String>,
    pub format: Option<String>,
    pub url: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub view_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    pub like_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    pub comment_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    pub paid_order_count: Option<u64>,
    pub page_link: Option<String>,
    pub description: Option<String>,
    pub create_time: Option<i64>,
    pub live_end_time: Option<i64>,
}

/// A count the model types as an integer, read leniently: TikTok documents an empty string for a figure
/// the creator does not share, so `""` (and null) is "not known", and a count in a string is read.
pub(crate) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(u64),
        Text(String),
    }
    Ok(match Option::<Raw>::deserialize(d)? {
        Some(Raw::Number(n)) => Some(n),
        Some(Raw::Text(t)) if t.trim().is_empty() => None,
        Some(Raw::Text(t)) => {
            Some(t.trim().parse().map_err(|_| serde::de::Error::custom(format!("'{t}' is not a count")))?)
        }
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_may_come_as_an_empty_string_when_the_creator_does_not_share_it() {
        let c: Creator = serde_json::from_value(serde_json::json!({
            "content_count": "", "ec_video_view": "1200", "follower_count": 5000, "fulfillment_percentage": ""
        }))
        .unwrap();
        assert_eq!((c.content_count, c.ec_video_view, c.follower_count), (None, Some(1200), Some(5000)));
        let bad = serde_json::from_value::<Creator>(serde_json::json!({"content_count": "many"}));
        assert!(bad.unwrap_err().to_string().contains("'many' is not a count"));
    }
}
