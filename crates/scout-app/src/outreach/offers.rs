//! Offers previewed creator by creator and queued all-or-nothing (delivery is in `delivery`).

use crate::error::domain_error;
use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_domain::OfferTerms;
use scout_outreach::template::{render, MergeData, OfferTemplate, RenderedMessage};
use scout_store::{CreatorRow, NewOffer, OfferChannel};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the seller wants to send: one offer to several creators of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfferDraft {
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "Array<number>")]
    pub creator_ids: Vec<i64>,
    pub channel: OfferChannel,
    pub terms: OfferTerms,
    pub template: OfferTemplate,
}

/// One creator's message as it would be sent, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfferPreview {
    pub creator: CreatorRow,
    pub recipient: Option<String>,
    pub message: PreviewedMessage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", content = "detail", rename_all = "snake_case")]
#[ts(export)]
pub enum PreviewedMessage {
    Ready(RenderedMessage),
    /// Why this creator's offer cannot be sent, in plain words (no address, a merge field without a value).
    Blocked(String),
}

impl PreviewedMessage {
    pub fn problem(&self) -> Option<&str> {
        match self {
            PreviewedMessage::Ready(_) => None,
            PreviewedMessage::Blocked(why) => Some(why),
        }
    }
}

impl Workspace {
    /// Whether `channel` can send: the refusal names the setting to fix ("email.account",
    /// "email.password", "tiktok.connection").
    pub async fn channel_ready(&self, channel: OfferChannel) -> Result<()> {
        match channel {
            OfferChannel::Email => self.email_password().await.map(drop),
            OfferChannel::Tiktok => {
                self.tiktok_connection().await?.ok_or_else(crate::tiktok::not_connected)?;
                Ok(())
            }
            OfferChannel::Manual => Ok(()),
        }
    }

    /// Every creator's message, rendered, or the reason it cannot be sent (no e-mail address, a merge
    /// field without a value). Nothing is stored.
    pub async fn preview_offers(&self, draft: &OfferDraft) -> Result<Vec<OfferPreview>> {
        draft.terms.validate(Utc::now()).map_err(|e| domain_error(e, "terms"))?;
        let campaign = self.store.campaign(draft.campaign_id).await?;
        let seller = self.seller_profile().await?.ok_or_else(|| AppError::InvalidField {
            field: "seller.name".into(),
            message: "set your shop's name first (Settings)".into(),
        })?;
        let has_tiktok_product =
            campaign.spec.product.tiktok_product_id.as_deref().is_some_and(|id| !id.trim().is_empty());
        let mut previews = Vec::with_capacity(draft.creator_ids.len());
        for id in &draft.creator_ids {
            let detail = self.store.creator_detail(*id).await?;
            let creator = self
                .store
                .creator_rows(&[*id])
                .await?
                .pop()
                .ok_or_else(|| AppError::NotFound(format!("no creator with id {id}")))?;
            let t = &draft.terms;
            let data = MergeData {
                creator_handle: detail.key.handle.as_str().to_string(),
                creator_name: detail.profile.display_name.clone(),
                product_name: campaign.spec.product.name.clone(),
                product_price: campaign.spec.product.price.to_string(),
                commission: t.commission.short_percent(),
                free_sample: t.free_sample.is_some(),
                flat_fee: t.flat_fee.as_ref().map(ToString::to_string),
                deadline: t.deadline.map(|d| d.format("%-d %b %Y").to_string()),
                seller_name: seller.name.clone(),
                campaign_name: campaign.spec.name.clone(),
            };
            let recipient = match draft.channel {
                OfferChannel::Email => detail.profile.email.clone(),
                OfferChannel::Tiktok => detail.profile.open_id.clone(),
                OfferChannel::Manual => None,
            };
            let message = match (&draft.channel, &recipient) {
                (OfferChannel::Email, None) => {
                    PreviewedMessage::Blocked(format!("{} has no e-mail address", detail.key.handle))
                }
                (OfferChannel::Tiktok, None) => {
                    PreviewedMessage::Blocked(format!("{} has no TikTok creator open id", detail.key.handle))
                }
                (OfferChannel::Tiktok, Some(_)) if !has_tiktok_product => {
                    PreviewedMessage::Blocked(crate::outreach::missing_product_id())
                }
                _ => match render(&draft.template, &data) {
                    Ok(m) => PreviewedMessage::Ready(m),
                    Err(e) => PreviewedMessage::Blocked(e.to_string()),
                },
            };
            previews.push(OfferPreview { creator, recipient, message });
        }
        Ok(previews)
    }

    /// Queues the offers: all, or none when any creator's message has a problem (each one named) or the
    /// channel cannot send yet (no e-mail account or its password, TikTok Shop not connected): an offer
    /// is never queued where nothing will send it.
    pub async fn queue_offers(&self, draft: &OfferDraft) -> Result<Vec<i64>> {
        self.channel_ready(draft.channel).await?;
        let previews = self.preview_offers(draft).await?;
        let problems: Vec<&str> = previews.iter().filter_map(|p| p.message.problem()).collect();
        if !problems.is_empty() {
            return Err(AppError::InvalidInput(format!("nothing was queued: {}", problems.join("; "))));
        }
        let terms_json = serde_json::to_string(&draft.terms).unwrap_or_default();
        let offers: Vec<NewOffer> = previews
            .into_iter()
            .filter_map(|p| {
                let PreviewedMessage::Ready(message) = p.message else { return None };
                Some(NewOffer {
                    idempotency_key: format!(
                        "scout-{}-{}-{}",
                        draft.campaign_id,
                        p.creator.id,
                        Utc::now().timestamp_micros()
                    ),
                    campaign_id: draft.campaign_id,
                    creator_id: p.creator.id,
                    channel: draft.channel,
                    terms_json: terms_json.clone(),
                    recipient: p.recipient,
                    subject: message.subject,
                    body: message.body,
                    resend_of: None,
                })
            })
            .collect();
        Ok(self.store.queue_offers(&offers).await?)
    }
}
