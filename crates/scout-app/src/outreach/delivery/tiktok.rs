//! The TikTok Shop channel: queued offers go out as target collaborations, one call for up to 50
//! creators who get the same terms and message in the same campaign, never more than the outreach quota
//! leaves. Refused creators fail with TikTok Shop's reason; the rest of their invitation goes again.

use super::{DeliveryChannel, OutboxReport, Outcome, Release, Settlement, Stop};
use crate::tiktok::{quota_retry_at, quota_unreadable, quota_unreadable_note, tiktok_error, Pacer};
use crate::{AppError, Result, Workspace};
use chrono::{DateTime, Utc};
use scout_domain::{ContentType, OfferTerms};
use scout_store::{ClaimedBatch, Offer, OfferChannel};
use scout_tiktok::{
    CreatedCollaboration, FreeSampleRule, ProductCommission, TargetCollaboration, TiktokClient, TiktokError,
    MAX_CREATORS,
};

pub(super) struct TiktokDelivery<'a> {
    ws: &'a Workspace,
    connection: crate::TiktokConnection,
    client: TiktokClient,
    pacer: Pacer,
    /// Once the quota reply cannot be read it is not asked for again in this run.
    quota_readable: bool,
    /// When the quota starts again, as last read.
    reset_at: Option<DateTime<Utc>>,
}

impl Workspace {
    pub(super) async fn tiktok_delivery(&self) -> Result<TiktokDelivery<'_>> {
        let (connection, client) = self.tiktok_client().await?;
        let pacer = Pacer::new(connection.interval_ms);
        Ok(TiktokDelivery { ws: self, connection, client, pacer, quota_readable: true, reset_at: None })
    }
}

impl DeliveryChannel for TiktokDelivery<'_> {
    const CHANNEL: OfferChannel = OfferChannel::Tiktok;

    async fn room(&mut self, report: &mut OutboxReport) -> Result<Option<u32>> {
        let mut left = None;
        if self.quota_readable {
            self.pacer.wait().await;
            match self.client.outreach_quota().await {
                Ok(q) => {
                    self.reset_at = q.period_end;
                    // Unlimited: the per-invitation limit; known: never more than what is left.
                    left = q.remaining();
                }
                Err(e) if quota_unreadable(&e) => {
                    tracing::warn!(error = %e, "outreach quota unreadable; sending with TikTok's refusal as the guard");
                    report.notes.push(quota_unreadable_note(&e));
                    self.quota_readable = false;
                }
                Err(e) => return Err(tiktok_error(e)),
            }
        }
        if left == Some(0) {
            report.capped = true;
            return Ok(None);
        }
        Ok(Some(left.unwrap_or(MAX_CREATORS as u32).min(MAX_CREATORS as u32)))
    }

    async fn send(&mut self, batch: &ClaimedBatch) -> Result<Settlement> {
        let collaboration = match self.ws.target_collaboration(batch).await {
            Ok(c) => c,
            Err(refusal) => return Ok(Settlement::all(batch, |_| Outcome::Failed(refusal.to_string()))),
        };
        self.pacer.wait().await;
        Ok(match self.client.create_target_collaboration(&collaboration).await {
            Ok(created) => settle_created(batch, &created),
            Err(e) => self.settle_refused(batch, e),
        })
    }

    async fn finish(&mut self) -> Result<()> {
        self.ws.save_refreshed_tokens(&self.connection, &self.client).await
    }
}

impl TiktokDelivery<'_> {
    /// A refused create call: the quota waits for its reset; a connection to renew, a network down or a
    /// request to slow down stops the channel (the seller is told); anything else fails the batch.
    fn settle_refused(&self, batch: &ClaimedBatch, e: TiktokError) -> Settlement {
        let reason = e.to_string();
        if let TiktokError::QuotaExhausted { .. } = e {
            let at = quota_retry_at(self.reset_at, Utc::now());
            return Settlement::all(batch, |_| Outcome::RetryAt(reason.clone(), at)).then(Stop::Capped);
        }
        if e.needs_reauthorization() {
            let stop = Stop::Problem(tiktok_error(e));
            return Settlement::all(batch, |_| Outcome::Released(reason.clone(), Release::Refused))
                .then(stop);
        }
        if e.is_retryable() {
            return Settlement::all(batch, |_| Outcome::Retry(reason.clone()))
                .then(Stop::Problem(tiktok_error(e)));
        }
        Settlement::all(batch, |_| Outcome::Failed(reason.clone()))
    }
}

/// A create call that answered: with an id, everyone not named went; without one, nothing was created.
fn settle_created(batch: &ClaimedBatch, created: &CreatedCollaboration) -> Settlement {
    let Some(id) = created.id.as_deref() else { return settle_not_created(batch, created) };
    if !created.invalid_product_ids.is_empty() {
        tracing::warn!(collaboration = %id, products = ?created.invalid_product_ids,
            "TikTok Shop did not accept some product ids");
    }
    Settlement::all(batch, |o| match named_refusal(created, o, Some(id)) {
        Some(reason) => Outcome::Failed(reason),
        None => Outcome::Sent {
            external_id: id.to_string(),
            cause: format!("offer {} sent as TikTok Shop target collaboration {id}", o.id),
        },
    })
}

/// A create call that made nothing and named the creators or products that caused it: those creators
/// fail for good with the reason; the others go again at once without them (a bad product fails
/// everyone: the next call would fail the same way).
fn settle_not_created(batch: &ClaimedBatch, created: &CreatedCollaboration) -> Settlement {
    let named = batch.offers.iter().filter(|o| named_refusal(created, o, None).is_some()).count();
    if !created.invalid_product_ids.is_empty() || named == 0 {
        let reason = if created.invalid_product_ids.is_empty() {
            format!(
                "TikTok Shop created no invitation and named creators who are not in it ({}); check the \
                 offers on TikTok Shop",
                [&created.conflicting_creator_open_ids[..], &created.invalid_creator_open_ids[..]]
                    .concat()
                    .join(", ")
            )
        } else {
            format!(
                "TikTok Shop did not accept the product id {}: check product.tiktok_product_id in the campaign",
                created.invalid_product_ids.join(", ")
            )
        };
        return Settlement::all(batch, |_| Outcome::Failed(reason.clone()));
    }
    Settlement::all(batch, |o| match named_refusal(created, o, None) {
        Some(reason) => Outcome::Failed(reason),
        None => Outcome::Again(
            "not sent yet: TikTok Shop refused the invitation because of other creators in it; it goes \
             again without them"
                .into(),
        ),
    })
}

impl Workspace {
    /// The invitation for a claimed batch, or why it cannot be made (then every offer fails for good).
    async fn target_collaboration(&self, batch: &ClaimedBatch) -> Result<TargetCollaboration> {
        let terms: OfferTerms = serde_json::from_str(&batch.terms_json)
            .map_err(|e| AppError::Internal(format!("the offer's stored terms are unreadable: {e}")))?;
        let campaign = self.store.campaign(batch.campaign_id).await?;
        let product_id = campaign
            .spec
            .product
            .tiktok_product_id
            .clone()
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| AppError::InvalidInput(missing_product_id()))?;
        let c = TargetCollaboration {
            name: campaign.spec.name.clone(),
            end_time: terms.valid_until,
            products: vec![ProductCommission { product_id, commission_bps: terms.commission.0 }],
            creator_open_ids: batch.offers.iter().map(|o| o.recipient.clone().unwrap_or_default()).collect(),
            // Where creators can reach the seller: the outreach e-mail address, when one is set up.
            seller_email: self.email_settings().await?.map(|e| e.account.from_address),
            free_sample: FreeSampleRule {
                has_free_sample: terms.free_sample.is_some(),
                is_sample_approval_exempt: terms.free_sample.is_some_and(|s| s.approval_exempt),
            },
            message: batch.offers.first().map(|o| o.body.clone()).unwrap_or_default(),
            preferred_content_type: content_type(terms.content_type),
        };
        c.validate(Utc::now()).map_err(tiktok_error)?;
        Ok(c)
    }
}

/// Why TikTok Shop left this offer's creator out of a create call, when the reply names them.
fn named_refusal(created: &CreatedCollaboration, offer: &Offer, id: Option<&str>) -> Option<String> {
    let open_id = offer.recipient.as_deref().unwrap_or_default();
    let went = id.map(|id| format!(" (collaboration {id} went to the others)")).unwrap_or_default();
    if created.conflicting_creator_open_ids.iter().any(|c| c == open_id) {
        Some(format!(
            "TikTok Shop did not invite this creator: they already have a conflicting target collaboration \
             with this shop{went}"
        ))
    } else if created.invalid_creator_open_ids.iter().any(|c| c == open_id) {
        Some(format!("TikTok Shop did not accept the creator open id '{open_id}'{went}"))
    } else {
        None
    }
}

/// The API's content preference, "VIDEO" or "LIVE" (model `CreateTargetCollaborationRequest`).
fn content_type(c: ContentType) -> Option<String> {
    match c {
        ContentType::Video => Some("VIDEO".into()),
        ContentType::Live => Some("LIVE".into()),
        ContentType::VideoOrLive => None,
    }
}

pub(crate) fn missing_product_id() -> String {
    "the campaign's product has no TikTok Shop product id (product.tiktok_product_id): add it to the \
     campaign to invite creators through TikTok Shop"
        .into()
}
