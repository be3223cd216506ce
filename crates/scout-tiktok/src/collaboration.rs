//! Target collaborations: invitations to named creators with their own commission, optional free
//! sample and message. Checked here before anything is sent; read back so the pipeline can follow each
//! creator. TikTok Shop has no "accepted" field: a creator accepts by adding the products to their
//! showcase, and posts content featuring them; a creator removed from the collaboration is DELETING or
//! DELETED; one who did neither by the end time let it expire.

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
/// Page size for search (the model does not state a range; 20 is what TikTok's own pages use).
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
    /// Where creators can reach the seller (`seller_contact_info` is sent either way: the model
    /// requires it).
    pub seller_email: Option<String>,
    /// The free-sample offer.
    pub free_sample: FreeSampleRule,
    /// The invitation's message to the creators (left out of the request when empty).
    pub message: String,
    /// "VIDEO" or "LIVE"; none for either.
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
        if let Some(t) = self.preferred_content_type.as_deref().filter(|t| !matches!(*t, "VIDEO" | "LIVE")) {
            return Err(TiktokError::invalid(
                "preferred_content_type",
                format!("'{t}' is not one of VIDEO, LIVE"),
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
            seller_contact_info: wire::ContactBody { email: self.seller_email.as_deref() },
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

/// What the API said about a create call: the collaboration's id when one was made, and the creators
/// and products it names as the cause of a failure (already in a conflicting collaboration with the
/// shop, or not valid). A reply may name them with an id (the rest were invited) or without one
/// (nobody was).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedCollaboration {
    /// The target collaboration id; `None` when nothing was created.
    pub id: Option<String>,
    /// Creators already in a conflicting collaboration with this shop: not invited by this one.
    pub conflicting_creator_open_ids: Vec<String>,
    /// Creator open ids the API did not accept.
    pub invalid_creator_open_ids: Vec<String>,
    /// Product ids the API did not accept.
    pub invalid_product_ids: Vec<String>,
}

/// Where one invited creator stands, read from the collaboration's detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreatorAnswer {
    /// Invited; has not added the products to their showcase yet.
    Pending,
    /// Added at least one product to their showcase: the platform's acceptance.
    Accepted,
    /// Posted a video or LIVE featuring the products.
    Posted,
    /// Removed from the collaboration (DELETING or DELETED).
    Removed,
    /// The collaboration ended before they accepted.
    Expired,
}

impl CreatorAnswer {
    pub fn as_str(self) -> &'static str {
        match self {
            CreatorAnswer::Pending => "pending",
            CreatorAnswer::Accepted => "accepted (products in their showcase)",
            CreatorAnswer::Posted => "content posted",
            CreatorAnswer::Removed => "removed from the collaboration",
            CreatorAnswer::Expired => "expired",
        }
    }
}

/// One invited creator in a collaboration's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatorInCollaboration {
    pub open_id: String,
    /// The TikTok username, when the reply gives it.
    pub username: Option<String>,
    /// NORMAL, DELETING or DELETED, as sent.
    pub collaboration_status: String,
    /// Products from this collaboration in the creator's showcase.
    pub showcase_products: u32,
    /// Products from this collaboration in the creator's videos or LIVEs.
    pub content_products: u32,
}

impl CreatorInCollaboration {
    /// Where the creator stands, given whether the collaboration has ended.
    pub fn answer(&self, ended: bool) -> CreatorAnswer {
        let status = self.collaboration_status.to_ascii_uppercase();
        if status == "DELETING" || status == "DELETED" {
            CreatorAnswer::Removed
        } else if self.content_products > 0 {
            CreatorAnswer::Posted
        } else if self.showcase_products > 0 {
            CreatorAnswer::Accepted
        } else if ended {
            CreatorAnswer::Expired
        } else {
            CreatorAnswer::Pending
        }
    }
}

/// A target collaboration as it stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaborationStatus {
    /// The target collaboration id.
    pub id: String,
    pub name: Option<String>,
    /// When the invitation ends.
    pub end_time: Option<DateTime<Utc>>,
    /// The invited creators.
    pub creators: Vec<CreatorInCollaboration>,
}

impl CollaborationStatus {
    /// Whether the invitation has ended at `now`.
    pub fn ended(&self, now: DateTime<Utc>) -> bool {
        self.end_time.is_some_and(|t| t <= now)
    }

    /// Where the creator with this open id stands; one the detail does not list is pending until the
    /// collaboration ends, then expired.
    pub fn answer_of(&self, open_id: &str, now: DateTime<Utc>) -> CreatorAnswer {
        let ended = self.ended(now);
        match self.creators.iter().find(|c| c.open_id == open_id) {
            Some(c) => c.answer(ended),
            None if ended => CreatorAnswer::Expired,
            None => CreatorAnswer::Pending,
        }
    }
}

impl From<wire::DetailBody> for CollaborationStatus {
    fn from(b: wire::DetailBody) -> Self {
        CollaborationStatus {
            id: b.id,
            name: b.name,
            end_time: b.end_time.and_then(|t| DateTime::from_timestamp(t, 0)),
            creators: b
                .creators
                .into_iter()
                .filter_map(|c| {
                    Some(CreatorInCollaboration {
                        open_id: c.creator_open_id.filter(|id| !id.is_empty())?,
                        username: c.username.filter(|u| !u.is_empty()),
                        collaboration_status: c.collaboration_status.unwrap_or_else(|| "NORMAL".into()),
                        showcase_products: c.showcase_product_count.unwrap_or(0),
                        content_products: c.content_product_count.unwrap_or(0),
                    })
                })
                .collect(),
        }
    }
}

/// Which collaborations a search asks for (the model's required `collaboration_status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CollaborationFilter {
    /// More than 7 days left.
    Ongoing,
    /// Less than 7 days left.
    Expiring,
    /// Every collaboration still running.
    Valid,
    /// Being cancelled.
    Canceling,
    /// Expired or cancelled.
    Completed,
}

impl CollaborationFilter {
    fn wire(self) -> &'static str {
        match self {
            CollaborationFilter::Ongoing => "ONGOING",
            CollaborationFilter::Expiring => "EXPIRING",
            CollaborationFilter::Valid => "VALID",
            CollaborationFilter::Canceling => "CANCELING",
            CollaborationFilter::Completed => "COMPLETED",
        }
    }
}

/// One collaboration in search results: counts only (ask by id for its creators).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaborationSummary {
    pub id: String,
    pub name: Option<String>,
    pub end_time: Option<DateTime<Utc>>,
    /// Creators invited.
    pub invited: u32,
    /// Creators who added a product to their showcase.
    pub accepted: u32,
    /// Creators who posted content with a product.
    pub posted: u32,
}

impl From<wire::SearchItemBody> for CollaborationSummary {
    fn from(b: wire::SearchItemBody) -> Self {
        CollaborationSummary {
            id: b.id,
            name: b.name,
            end_time: b.end_time.and_then(|t| DateTime::from_timestamp(t, 0)),
            invited: b.creator_inivited_count.unwrap_or(0),
            accepted: b.showcase_creator_count.unwrap_or(0),
            posted: b.content_creator_count.unwrap_or(0),
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
        let id = data.target_collaboration.and_then(|t| t.id).filter(|id| !id.is_empty());
        let mut conflicting: Vec<String> = Vec::new();
        for c in data.target_collaboration_conflicts.into_iter().filter_map(|c| c.creator_user_open_id) {
            if !conflicting.contains(&c) {
                conflicting.push(c);
            }
        }
        let created = CreatedCollaboration {
            id,
            conflicting_creator_open_ids: conflicting,
            invalid_creator_open_ids: data.invalid_open_id_list,
            invalid_product_ids: data.invalid_product_id_list,
        };
        let names_a_cause = !created.conflicting_creator_open_ids.is_empty()
            || !created.invalid_creator_open_ids.is_empty()
            || !created.invalid_product_ids.is_empty();
        if created.id.is_none() && !names_a_cause {
            return Err(TiktokError::Unexpected(
                "the create reply has neither a collaboration id nor a reason it failed".into(),
            ));
        }
        Ok(created)
    }

    /// One collaboration with its creators: `GET .../target_collaborations/{id}`.
    pub async fn collaboration(&self, id: &str) -> Result<CollaborationStatus, TiktokError> {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Err(TiktokError::invalid("target_collaboration_id", format!("'{id}' is not an id")));
        }
        let path = format!("{CREATE_PATH}/{id}");
        let data = self.call(Method::Get, &path, &[], None).await?;
        let data: wire::DetailData = parse_data(data, "target collaboration reply")?;
        Ok(data.target_collaboration.into())
    }

    /// One page of the shop's target collaborations in `filter`, and the token of the next page
    /// (`None` on the last): `POST .../target_collaborations/search`.
    pub async fn search_collaborations(
        &self,
        filter: CollaborationFilter,
        page_token: Option<String>,
    ) -> Result<(Vec<CollaborationSummary>, Option<String>), TiktokError> {
        let mut query = vec![("page_size", SEARCH_PAGE_SIZE.to_string())];
        if let Some(token) = page_token.filter(|t| !t.is_empty()) {
            query.push(("page_token", token));
        }
        let body = serde_json::to_vec(&wire::SearchBody { collaboration_status: filter.wire() })
            .map_err(|e| TiktokError::Unexpected(format!("cannot encode the body: {e}")))?;
        let data = self.call(Method::Post, SEARCH_PATH, &query, Some(&body)).await?;
        let data: wire::SearchData = parse_data(data, "target collaboration search reply")?;
        let next = data.next_page_token.filter(|t| !t.is_empty());
        Ok((data.target_collaborations.into_iter().map(Into::into).collect(), next))
    }
}

#[cfg(test)]
#[path = "collaboration_tests.rs"]
mod tests;
