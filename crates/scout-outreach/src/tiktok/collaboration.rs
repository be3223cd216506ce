//! Target collaborations: invitations to named creators with their own commission, optional free
//! sample and message. Checked here before anything is sent; their status read back so the pipeline
//! can follow each creator (pending → accepted / declined / expired).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::wire::{self, parse_data};

/// At most this many creators per invitation (domain.md); see [`super::batches`].
pub const MAX_CREATORS: usize = 50;
/// At most this many products per invitation.
pub const MAX_PRODUCTS: usize = 100;
/// The commission range TikTok Shop accepts, in basis points (1 % ..= 80 %).
pub const COMMISSION_BPS: std::ops::RangeInclusive<u32> = 100..=8000;

const CREATE_PATH: &str = "/affiliate_seller/202508/target_collaborations";
const SEARCH_PATH: &str = "/affiliate_seller/202508/target_collaborations/search";
/// Page size for search; the API accepts 20, 50 or 100 (third-party SDK, to check).
const SEARCH_PAGE_SIZE: &str = "20";

/// One product offered in an invitation with its commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCommission {
    /// The TikTok Shop product id.
    pub product_id: String,
    /// Commission in basis points (1000 = 10 %), within [`COMMISSION_BPS`].
    pub commission_bps: u32,
}

/// Whether the invitation comes with a free sample, and whether requests for it are approved without
/// the seller's review.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSampleRule {
    /// A free sample is offered.
    pub has_free_sample: bool,
    /// Sample requests need no approval by the seller.
    pub is_sample_approval_exempt: bool,
}

/// A target collaboration to create: the platform's partnership offer to up to 50 creators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCollaboration {
    /// Shown to the creators; must not be empty.
    pub name: String,
    /// When the invitation ends; must be in the future.
    pub end_time: DateTime<Utc>,
    /// 1 to 100 products with their commissions.
    pub products: Vec<ProductCommission>,
    /// 1 to 50 creator open ids (the stable creator key since API version 202509).
    pub creator_open_ids: Vec<String>,
    /// Where creators can reach the seller.
    pub seller_email: Option<String>,
    /// The free-sample offer.
    pub free_sample: FreeSampleRule,
    /// The invitation's message to the creators (left out of the request when empty).
    pub message: String,
    /// E.g. a video or live preference, passed through as the API names it.
    pub preferred_content_type: Option<String>,
}

impl TargetCollaboration {
    /// Checks the limits the API enforces, naming the field that is wrong.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), TiktokError> {
        if self.name.trim().is_empty() {
            return Err(TiktokError::invalid("name", "the collaboration needs a name"));
        }
        if self.end_time <= now {
            return Err(TiktokError::invalid("end_time", format!("{} is not in the future", self.end_time)));
        }
        if self.products.is_empty() || self.products.len() > MAX_PRODUCTS {
            let n = self.products.len();
            return Err(TiktokError::invalid(
                "products",
                format!("{n} products; between 1 and {MAX_PRODUCTS} allowed"),
            ));
        }
        for (i, p) in self.products.iter().enumerate() {
            if p.product_id.trim().is_empty() {
                return Err(TiktokError::invalid(&format!("products[{i}].id"), "the product id is empty"));
            }
            if !COMMISSION_BPS.contains(&p.commission_bps) {
                return Err(TiktokError::invalid(
                    &format!("products[{i}].target_commission_rate"),
                    format!(
                        "{} basis points ({:.2} %); between 100 (1 %) and 8000 (80 %) allowed",
                        p.commission_bps,
                        f64::from(p.commission_bps) / 100.0
                    ),
                ));
            }
        }
        let n = self.creator_open_ids.len();
        if n == 0 || n > MAX_CREATORS {
            return Err(TiktokError::invalid(
                "creator_user_open_ids",
                format!("{n} creators; between 1 and {MAX_CREATORS} per invitation (split with batches)"),
            ));
        }
        if let Some(i) = self.creator_open_ids.iter().position(|id| id.trim().is_empty()) {
            return Err(TiktokError::invalid(
                &format!("creator_user_open_ids[{i}]"),
                "the creator open id is empty",
            ));
        }
        if let Some(email) = &self.seller_email {
            let ok = email.split_once('@').is_some_and(|(a, d)| !a.is_empty() && d.contains('.'));
            if !ok {
                return Err(TiktokError::invalid(
                    "seller_contact_info.email",
                    format!("'{email}' is not an e-mail address"),
                ));
            }
        }
        Ok(())
    }

    /// The request body, serialized once: these bytes are signed and sent.
    pub(crate) fn body(&self) -> Result<Vec<u8>, TiktokError> {
        let body = wire::CreateBody {
            name: &self.name,
            end_time: self.end_time.timestamp().to_string(),
            products: self
                .products
                .iter()
                .map(|p| wire::ProductBody { id: &p.product_id, target_commission_rate: p.commission_bps })
                .collect(),
            creator_user_open_ids: &self.creator_open_ids,
            seller_contact_info: self.seller_email.as_deref().map(|email| wire::ContactBody { email }),
            free_sample_rule: wire::FreeSampleBody {
                has_free_sample: self.free_sample.has_free_sample,
                is_sample_approval_exempt: self.free_sample.is_sample_approval_exempt,
            },
            message: &self.message,
            preferred_content_type: self.preferred_content_type.as_deref(),
        };
        serde_json::to_vec(&body).map_err(|e| TiktokError::Unexpected(format!("cannot encode the body: {e}")))
    }
}

/// What the API said about a created collaboration: its id, and the creators and products it left
/// out (already in a conflicting collaboration, or not valid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedCollaboration {
    /// The target collaboration id.
    pub id: String,
    /// Creators already in a conflicting collaboration with this shop: not invited by this one.
    pub conflicting_creator_open_ids: Vec<String>,
    /// Creator open ids the API did not accept.
    pub invalid_creator_open_ids: Vec<String>,
    /// Product ids the API did not accept.
    pub invalid_product_ids: Vec<String>,
}

/// One creator's answer to an invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatorCollaborationStatus {
    /// The creator open id.
    pub open_id: String,
    /// As the API says it, lowercased: e.g. `pending`, `accepted`, `declined`, `expired`.
    pub status: String,
}

/// A target collaboration as it stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaborationStatus {
    /// The target collaboration id.
    pub id: String,
    /// The collaboration's own status, lowercased (e.g. `ongoing`, `expired`).
    pub status: String,
    /// The invited creators and their answers (may be empty in search results: ask by id).
    pub creators: Vec<CreatorCollaborationStatus>,
}

impl From<wire::CollaborationBody> for CollaborationStatus {
    fn from(b: wire::CollaborationBody) -> Self {
        CollaborationStatus {
            id: b.id,
            status: b.status.to_lowercase(),
            creators: b
                .creators
                .into_iter()
                .map(|c| CreatorCollaborationStatus {
                    open_id: c.creator_open_id,
                    status: c.status.to_lowercase(),
                })
                .collect(),
        }
    }
}

impl TiktokClient {
    /// Creates a target collaboration (one call, at most 50 creators): checked locally first, then
    /// `POST /affiliate_seller/202508/target_collaborations`.
    pub async fn create_target_collaboration(
        &self,
        collaboration: &TargetCollaboration,
    ) -> Result<CreatedCollaboration, TiktokError> {
        collaboration.validate(Utc::now())?;
        let body = collaboration.body()?;
        let data = self.call(Method::Post, CREATE_PATH, &[], Some(&body)).await?;
        let data: wire::CreateData = parse_data(data, "create target collaboration reply")?;
        let id = data
            .target_collaboration
            .map(|t| t.id)
            .or(data.target_collaboration_id)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| TiktokError::Unexpected("the create reply has no collaboration id".into()))?;
        let mut conflicting = data.conflict_creator_open_ids;
        for c in data.target_collaboration_conflicts.into_iter().filter_map(|c| c.creator_open_id) {
            if !conflicting.contains(&c) {
                conflicting.push(c);
            }
        }
        Ok(CreatedCollaboration {
            id,
            conflicting_creator_open_ids: conflicting,
            invalid_creator_open_ids: data.invalid_creator_open_ids,
            invalid_product_ids: data.invalid_product_ids,
        })
    }

    /// One collaboration with its creators' answers: `GET .../target_collaborations/{id}`.
    pub async fn collaboration(&self, id: &str) -> Result<CollaborationStatus, TiktokError> {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Err(TiktokError::invalid("target_collaboration_id", format!("'{id}' is not an id")));
        }
        let path = format!("{CREATE_PATH}/{id}");
        let data = self.call(Method::Get, &path, &[], None).await?;
        let data: wire::DetailData = parse_data(data, "target collaboration reply")?;
        Ok(data.target_collaboration.into())
    }

    /// One page of the shop's target collaborations, newest first, and the token of the next page
    /// (`None` on the last): `POST .../target_collaborations/search`.
    pub async fn search_collaborations(
        &self,
        page_token: Option<String>,
    ) -> Result<(Vec<CollaborationStatus>, Option<String>), TiktokError> {
        let mut query = vec![("page_size", SEARCH_PAGE_SIZE.to_string())];
        if let Some(token) = page_token.filter(|t| !t.is_empty()) {
            query.push(("page_token", token));
        }
        let data = self.call(Method::Post, SEARCH_PATH, &query, Some(b"{}")).await?;
        let data: wire::SearchData = parse_data(data, "target collaboration search reply")?;
        let next = data.next_page_token.filter(|t| !t.is_empty());
        Ok((data.target_collaborations.into_iter().map(Into::into).collect(), next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> TargetCollaboration {
        TargetCollaboration {
            name: "Glow serum launch".into(),
            end_time: DateTime::from_timestamp(1_900_000_000, 0).unwrap(),
            products: vec![ProductCommission { product_id: "1729".into(), commission_bps: 1500 }],
            creator_open_ids: vec!["c-1".into(), "c-2".into()],
            seller_email: Some("partners@glowlabs.example".into()),
            free_sample: FreeSampleRule { has_free_sample: true, is_sample_approval_exempt: false },
            message: "Hi!".into(),
            preferred_content_type: None,
        }
    }

    #[test]
    fn the_body_follows_the_documented_shape() {
        let body: serde_json::Value = serde_json::from_slice(&offer().body().unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "name": "Glow serum launch",
                "end_time": "1900000000",
                "products": [{"id": "1729", "target_commission_rate": 1500}],
                "creator_user_open_ids": ["c-1", "c-2"],
                "seller_contact_info": {"email": "partners@glowlabs.example"},
                "free_sample_rule": {"has_free_sample": true, "is_sample_approval_exempt": false},
                "message": "Hi!"
            }),
            "end_time is a string of Unix seconds, rates are basis points, absent options are left out"
        );
    }

    #[test]
    fn validation_names_the_field() {
        let now = Utc::now();
        assert!(offer().validate(now).is_ok());
        let field = |o: TargetCollaboration| match o.validate(now) {
            Err(TiktokError::Invalid { field, .. }) => field,
            other => panic!("expected Invalid, got {other:?}"),
        };
        let mut o = offer();
        o.creator_open_ids = (0..51).map(|i| format!("c{i}")).collect();
        assert_eq!(field(o), "creator_user_open_ids");
        let mut o = offer();
        o.creator_open_ids.clear();
        assert_eq!(field(o), "creator_user_open_ids");
        let mut o = offer();
        o.products =
            (0..101).map(|i| ProductCommission { product_id: i.to_string(), commission_bps: 1000 }).collect();
        assert_eq!(field(o), "products");
        for bad in [99, 8001, 0] {
            let mut o = offer();
            o.products[0].commission_bps = bad;
            assert_eq!(field(o), "products[0].target_commission_rate", "{bad} bps is out of range");
        }
        for ok in [100, 8000] {
            let mut o = offer();
            o.products[0].commission_bps = ok;
            assert!(o.validate(now).is_ok(), "{ok} bps is allowed");
        }
        let mut o = offer();
        o.name = "  ".into();
        assert_eq!(field(o), "name");
        let mut o = offer();
        o.end_time = now;
        assert_eq!(field(o), "end_time");
        let mut o = offer();
        o.seller_email = Some("nope".into());
        assert_eq!(field(o), "seller_contact_info.email");
    }
}
