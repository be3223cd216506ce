//! The TikTok Shop channel: queued offers go out as target collaborations, one call for up to 50
//! creators who get the same terms and message in the same campaign; each creator's answer is read back
//! onto the pipeline. Offers are claimed (`sending`) before the call, so a crash never re-sends them.

use crate::outbox::{retry_at, OutboxReport, MAX_ATTEMPTS};
use crate::tiktok::{quota_retry_at, quota_unreadable, quota_unreadable_note, TiktokConnection};
use crate::{AppError, CancelToken, Result, Workspace};
use chrono::{DateTime, Utc};
use scout_domain::{ContentType, OfferTerms, Stage};
use scout_outreach::tiktok::{
    self, CreatedCollaboration, CreatorAnswer, FreeSampleRule, ProductCommission, TargetCollaboration,
    TiktokClient, TiktokError, MAX_CREATORS,
};
use scout_store::{ClaimedBatch, Offer, OfferChannel};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// What a status sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TiktokSyncReport {
    /// Collaborations read from TikTok Shop.
    pub collaborations: u32,
    /// Creators moved on the pipeline (accepted → agreed, posted → content posted, removed → withdrawn,
    /// expired → no response).
    pub moved: u32,
    /// Creators whose answer is still pending, or already where the answer puts them.
    pub unchanged: u32,
    /// Moves the pipeline refused (e.g. a creator already declined cannot become agreed), in words.
    pub skipped: Vec<String>,
    /// Collaborations that could not be read, with TikTok Shop's reason.
    pub errors: Vec<String>,
}

/// Keeps at least `interval` between two calls.
struct Pacer {
    interval: Duration,
    last: Option<Instant>,
}

impl Pacer {
    fn new(interval_ms: u64) -> Pacer {
        Pacer { interval: Duration::from_millis(interval_ms), last: None }
    }

    async fn wait(&mut self) {
        if let Some(last) = self.last {
            let due = last + self.interval;
            let now = Instant::now();
            if due > now {
                tokio::time::sleep(due - now).await;
            }
        }
        self.last = Some(Instant::now());
    }
}

/// What happened to a claimed batch, and whether the run goes on.
enum After {
    Continue,
    Stop,
}

impl Workspace {
    /// Delivers due TikTok Shop offers as target collaborations until none is due, the outreach quota
    /// is used up, TikTok Shop asks to wait or to reconnect, or `cancel` is set. First marks offers an
    /// earlier run left mid-delivery as needing a check. Refreshed tokens are saved to the keychain.
    pub async fn run_tiktok_outbox(&self, cancel: &CancelToken) -> Result<OutboxReport> {
        let mut report = OutboxReport {
            needs_check: self.store.recover_interrupted_offers().await? as u32,
            ..Default::default()
        };
        if !self.store.has_due_offers(OfferChannel::Tiktok, Utc::now()).await? {
            return Ok(report);
        }
        let (connection, client) = self.tiktok_client().await?;
        let result = self.deliver_tiktok(&connection, &client, cancel, &mut report).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        result.map(|()| report)
    }

    async fn deliver_tiktok(
        &self,
        connection: &TiktokConnection,
        client: &TiktokClient,
        cancel: &CancelToken,
        report: &mut OutboxReport,
    ) -> Result<()> {
        let mut pacer = Pacer::new(connection.interval_ms);
        // Once the quota reply cannot be read it is not asked for again in this run.
        let mut quota_readable = true;
        while !cancel.is_cancelled() {
            if !self.store.has_due_offers(OfferChannel::Tiktok, Utc::now()).await? {
                break;
            }
            let mut quota = None;
            if quota_readable {
                pacer.wait().await;
                match client.outreach_quota().await {
                    Ok(q) => quota = Some(q),
                    Err(e) if quota_unreadable(&e) => {
                        tracing::warn!(error = %e, "outreach quota unreadable; sending with TikTok's refusal as the guard");
                        report.notes.push(quota_unreadable_note(&e));
                        quota_readable = false;
                    }
                    Err(e) => return Err(crate::tiktok::tiktok_error(e)),
                }
            }
            // Unlimited or unknown: the per-invitation limit; known: never more than what is left.
            let left = quota.as_ref().and_then(tiktok::OutreachQuota::remaining);
            if left == Some(0) {
                report.capped = true;
                break;
            }
            let limit = left.unwrap_or(MAX_CREATORS as u32).min(MAX_CREATORS as u32);
            let Some(batch) = self.store.claim_offer_batch(OfferChannel::Tiktok, Utc::now(), limit).await?
            else {
                break;
            };
            let collaboration = match self.target_collaboration(&batch).await {
                Ok(c) => c,
                Err(refusal) => {
                    let reason = refusal.to_string();
                    for o in &batch.offers {
                        self.store.mark_offer_failed(o.id, &reason, None).await?;
                        report.failed += 1;
                    }
                    continue;
                }
            };
            pacer.wait().await;
            let outcome = client.create_target_collaboration(&collaboration).await;
            let after = match outcome {
                Ok(created) => self.settle_created(&batch, &created, report).await?,
                Err(e) => self.settle_refused(&batch, e, quota.and_then(|q| q.period_end), report).await?,
            };
            if matches!(after, After::Stop) {
                break;
            }
        }
        Ok(())
    }

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
        c.validate(Utc::now()).map_err(crate::tiktok::tiktok_error)?;
        Ok(c)
    }

    async fn settle_created(
        &self,
        batch: &ClaimedBatch,
        created: &CreatedCollaboration,
        report: &mut OutboxReport,
    ) -> Result<After> {
        let Some(id) = created.id.as_deref() else {
            return self.settle_not_created(batch, created, report).await;
        };
        for o in &batch.offers {
            if let Some(reason) = named_refusal(created, o, Some(id)) {
                self.store.mark_offer_failed(o.id, &reason, None).await?;
                report.failed += 1;
            } else {
                self.store.mark_offer_sent(o.id, Some(id)).await?;
                report.sent += 1;
                let cause = format!("offer {} sent as TikTok Shop target collaboration {id}", o.id);
                // A creator already further along (say, agreed) stays where they are.
                if let Err(e) =
                    self.store.move_stage(o.campaign_id, o.creator_id, Stage::Invited, &cause).await
                {
                    tracing::info!(offer = o.id, error = %e, "pipeline stage left as it was");
                }
            }
        }
        if !created.invalid_product_ids.is_empty() {
            tracing::warn!(collaboration = %id, products = ?created.invalid_product_ids,
                "TikTok Shop did not accept some product ids");
        }
        Ok(After::Continue)
    }

    /// A create call that made nothing and named the creators or products that caused it: those
    /// creators fail for good with the reason; the others go again at once without them (a bad product
    /// fails everyone: the next call would fail the same way).
    async fn settle_not_created(
        &self,
        batch: &ClaimedBatch,
        created: &CreatedCollaboration,
        report: &mut OutboxReport,
    ) -> Result<After> {
        let named = batch.offers.iter().filter(|o| named_refusal(created, o, None).is_some()).count();
        if !created.invalid_product_ids.is_empty() || named == 0 {
            let reason = if created.invalid_product_ids.is_empty() {
                format!(
                    "TikTok Shop created no invitation and named creators who are not in it ({}); check \
                     the offers on TikTok Shop",
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
            self.fail_all(&batch.offers, &reason, report).await?;
            return Ok(After::Continue);
        }
        let now = Utc::now();
        for o in &batch.offers {
            if let Some(reason) = named_refusal(created, o, None) {
                self.store.mark_offer_failed(o.id, &reason, None).await?;
                report.failed += 1;
            } else if o.attempts < MAX_ATTEMPTS {
                // Due again at once: the next claim of this run takes it, without the refused creators.
                let reason = "not sent yet: TikTok Shop refused the invitation because of other creators in \
                              it; it goes again without them";
                self.store.mark_offer_failed(o.id, reason, Some(now)).await?;
            } else {
                let reason = "TikTok Shop refused the invitations this offer was in, too many times";
                self.store.mark_offer_failed(o.id, reason, None).await?;
                report.failed += 1;
            }
        }
        Ok(After::Continue)
    }

    async fn settle_refused(
        &self,
        batch: &ClaimedBatch,
        e: TiktokError,
        reset_at: Option<DateTime<Utc>>,
        report: &mut OutboxReport,
    ) -> Result<After> {
        let now = Utc::now();
        if let TiktokError::QuotaExhausted { .. } = e {
            let at = quota_retry_at(reset_at, now);
            for o in &batch.offers {
                self.store.mark_offer_failed(o.id, &e.to_string(), Some(at)).await?;
                report.retrying += 1;
            }
            report.capped = true;
            return Ok(After::Stop);
        }
        if e.needs_reauthorization() {
            let reason = crate::tiktok::tiktok_error(e).to_string();
            self.fail_all(&batch.offers, &reason, report).await?;
            return Ok(After::Stop);
        }
        if e.is_retryable() {
            for o in &batch.offers {
                if o.attempts < MAX_ATTEMPTS {
                    self.store
                        .mark_offer_failed(o.id, &e.to_string(), Some(retry_at(now, o.attempts, o.id)))
                        .await?;
                    report.retrying += 1;
                } else {
                    self.store.mark_offer_failed(o.id, &e.to_string(), None).await?;
                    report.failed += 1;
                }
            }
            return Ok(After::Stop);
        }
        self.fail_all(&batch.offers, &e.to_string(), report).await?;
        Ok(After::Continue)
    }

    async fn fail_all(&self, offers: &[Offer], reason: &str, report: &mut OutboxReport) -> Result<()> {
        for o in offers {
            self.store.mark_offer_failed(o.id, reason, None).await?;
            report.failed += 1;
        }
        Ok(())
    }

    /// Reads every collaboration Scout sent and moves its creators on the pipeline: products in their
    /// showcase (accepted) → agreed, content posted → content posted (through agreed), removed from the
    /// collaboration → withdrawn, ended without accepting → no response. Moves the pipeline refuses are
    /// skipped and reported. Stops (with an error) only when TikTok Shop must be reconnected.
    pub async fn sync_tiktok_collaborations(&self) -> Result<TiktokSyncReport> {
        let offers = self.store.sent_offers_with_external_id(OfferChannel::Tiktok).await?;
        let mut by_collaboration: BTreeMap<String, Vec<Offer>> = BTreeMap::new();
        for o in offers {
            if let Some(id) = o.external_id.clone() {
                by_collaboration.entry(id).or_default().push(o);
            }
        }
        let mut report = TiktokSyncReport::default();
        if by_collaboration.is_empty() {
            return Ok(report);
        }
        let (connection, client) = self.tiktok_client().await?;
        let result = self.sync_with(&connection, &client, &by_collaboration, &mut report).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        result.map(|()| report)
    }

    async fn sync_with(
        &self,
        connection: &TiktokConnection,
        client: &TiktokClient,
        by_collaboration: &BTreeMap<String, Vec<Offer>>,
        report: &mut TiktokSyncReport,
    ) -> Result<()> {
        let mut pacer = Pacer::new(connection.interval_ms);
        for (id, offers) in by_collaboration {
            pacer.wait().await;
            let collaboration = match client.collaboration(id).await {
                Ok(c) => c,
                Err(e) if e.needs_reauthorization() => return Err(crate::tiktok::tiktok_error(e)),
                Err(e) => {
                    report.errors.push(format!("collaboration {id}: {e}"));
                    continue;
                }
            };
            report.collaborations += 1;
            let now = Utc::now();
            for o in offers {
                let open_id = o.recipient.as_deref().unwrap_or_default();
                let answer = collaboration.answer_of(open_id, now);
                let path = stages_for(answer);
                let Some(&last) = path.last() else {
                    report.unchanged += 1;
                    continue;
                };
                let at = self.store.stage(o.campaign_id, o.creator_id).await?;
                if at == Some(last) {
                    report.unchanged += 1;
                    continue;
                }
                // A posted creator goes through Agreed first: the steps after where the creator stands.
                let start = path.iter().position(|s| Some(*s) == at).map_or(0, |i| i + 1);
                let cause = format!("TikTok Shop: collaboration {id} {}", answer.as_str());
                let mut refused = None;
                for &to in &path[start..] {
                    match self.store.move_stage(o.campaign_id, o.creator_id, to, &cause).await {
                        Ok(_) => {}
                        Err(e @ scout_store::StoreError::Domain(_)) => {
                            refused = Some(e);
                            break;
                        }
                        Err(e) => return Err(AppError::from(e)),
                    }
                }
                match refused {
                    None => report.moved += 1,
                    Some(e) => report.skipped.push(format!("creator {} ({open_id}): {e}", o.creator_id)),
                }
            }
        }
        Ok(())
    }
}

/// The pipeline stages an answer moves a creator through, in order; none while pending. TikTok Shop
/// records no refusal: a creator who never accepts lets the invitation expire (no response), and one
/// removed from the collaboration is withdrawn.
fn stages_for(answer: CreatorAnswer) -> &'static [Stage] {
    match answer {
        CreatorAnswer::Pending => &[],
        CreatorAnswer::Accepted => &[Stage::Agreed],
        CreatorAnswer::Posted => &[Stage::Agreed, Stage::ContentPosted],
        CreatorAnswer::Removed => &[Stage::Withdrawn],
        CreatorAnswer::Expired => &[Stage::NoResponse],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_map_to_stages() {
        assert_eq!(stages_for(CreatorAnswer::Accepted), [Stage::Agreed]);
        assert_eq!(stages_for(CreatorAnswer::Posted), [Stage::Agreed, Stage::ContentPosted]);
        assert_eq!(stages_for(CreatorAnswer::Removed), [Stage::Withdrawn]);
        assert_eq!(stages_for(CreatorAnswer::Expired), [Stage::NoResponse]);
        assert!(stages_for(CreatorAnswer::Pending).is_empty());
    }

    #[tokio::test]
    async fn the_pacer_keeps_the_interval() {
        let mut p = Pacer::new(50);
        let start = Instant::now();
        p.wait().await;
        p.wait().await;
        p.wait().await;
        assert!(start.elapsed() >= Duration::from_millis(100), "{:?}", start.elapsed());
    }
}
