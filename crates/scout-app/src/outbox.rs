//! The outbox as the seller sees and drives it: the send queue, the e-mail delivery worker (interval,
//! daily cap, jittered retries, never re-sending an interrupted offer by itself), cancelling, settling
//! offers by hand, and the manual channel's export of rendered offers.

use crate::{AppError, CancelToken, Result, Workspace};
use chrono::{DateTime, Duration, Utc};
use scout_domain::Stage;
use scout_outreach::email::{EmailError, SmtpChannel};
use scout_secrets::Secret;
use scout_store::{Offer, OfferChannel, OfferState, OutboxItem};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

pub(crate) const MAX_ATTEMPTS: u32 = 5;
/// Offers shown in the send queue.
const QUEUE_LENGTH: u32 = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxReport {
    pub sent: u32,
    pub failed: u32,
    pub retrying: u32,
    /// Offers found interrupted by an earlier stop, now waiting for the seller to check.
    pub needs_check: u32,
    /// Stopped because the daily cap (e-mail) or the outreach quota (TikTok Shop) was reached.
    pub capped: bool,
    /// What the seller should know about the run, in plain words (e.g. the quota could not be read).
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Workspace {
    /// A campaign's offers and their delivery states, oldest first.
    pub async fn offers(&self, campaign_id: i64) -> Result<Vec<scout_store::Offer>> {
        Ok(self.store.offers(campaign_id).await?)
    }

    /// Delivers due e-mail offers with the account's password from the keychain, until none is due, the
    /// daily cap is reached or `cancel` is set. First marks offers an earlier run left mid-delivery as
    /// needing a check.
    pub async fn run_email_outbox(&self, cancel: &CancelToken) -> Result<OutboxReport> {
        let password = self.email_password().await?;
        self.run_email_outbox_with(&password, cancel).await
    }

    /// [`Workspace::run_email_outbox`] with a password given for this run only (`scout outbox run
    /// --password-stdin`); nothing is stored.
    pub async fn run_email_outbox_with(
        &self,
        password: &Secret,
        cancel: &CancelToken,
    ) -> Result<OutboxReport> {
        let mut report = OutboxReport {
            needs_check: self.store.recover_interrupted_offers().await? as u32,
            ..Default::default()
        };
        let settings = self.email_settings().await?.ok_or_else(crate::outreach::no_email_account)?;
        let channel = SmtpChannel::new(settings.account.clone(), password.expose())
            .map_err(|e| AppError::InvalidInput(e.to_string()))?;
        let interval = std::time::Duration::from_millis(settings.interval_ms);
        let mut first = true;
        loop {
            if cancel.is_cancelled() {
                break;
            }
            let now = Utc::now();
            if self.store.offers_sent_since(OfferChannel::Email, now - Duration::hours(24)).await?
                >= settings.daily_cap
            {
                report.capped = true;
                break;
            }
            if !first {
                tokio::time::sleep(interval).await;
            }
            let Some(offer) = self.store.claim_next_offer(OfferChannel::Email, Utc::now()).await? else {
                break;
            };
            first = false;
            let to = offer.recipient.clone().unwrap_or_default();
            match channel.send(&to, &offer.subject, &offer.body, &offer.idempotency_key).await {
                Ok(()) => {
                    self.store.mark_offer_sent(offer.id, Some(&offer.idempotency_key)).await?;
                    report.sent += 1;
                    let cause = format!("offer {} sent by e-mail to {to}", offer.id);
                    // A creator already further along (say, agreed) stays where they are.
                    if let Err(e) = self
                        .store
                        .move_stage(offer.campaign_id, offer.creator_id, Stage::Invited, &cause)
                        .await
                    {
                        tracing::info!(offer = offer.id, error = %e, "pipeline stage left as it was");
                    }
                }
                Err(EmailError::Retryable(reason)) if offer.attempts < MAX_ATTEMPTS => {
                    let at = retry_at(Utc::now(), offer.attempts, offer.id);
                    self.store.mark_offer_failed(offer.id, &reason, Some(at)).await?;
                    report.retrying += 1;
                }
                Err(e) => {
                    self.store.mark_offer_failed(offer.id, &e.to_string(), None).await?;
                    report.failed += 1;
                }
            }
        }
        Ok(report)
    }

    /// Whether offers of `channel` are waiting to be delivered now.
    pub async fn has_due_offers(&self, channel: OfferChannel) -> Result<bool> {
        Ok(self.store.has_due_offers(channel, Utc::now()).await?)
    }

    /// After a start: offers an earlier run left mid-delivery become "check whether it arrived", so
    /// they show up for the seller before anything else is sent. Returns how many.
    pub async fn recover_interrupted_offers(&self) -> Result<u64> {
        Ok(self.store.recover_interrupted_offers().await?)
    }

    /// The send queue: the latest offers across campaigns, newest first.
    pub async fn outbox(&self) -> Result<Vec<OutboxItem>> {
        Ok(self.store.outbox(QUEUE_LENGTH).await?)
    }

    /// Cancels offers that have not gone out. Returns how many were cancelled.
    pub async fn cancel_offers(&self, ids: &[i64]) -> Result<u64> {
        Ok(self.store.cancel_offers(ids).await?)
    }

    /// The seller says the offer went out (a manual offer, or an interrupted one that did arrive).
    pub async fn confirm_sent_by_hand(&self, id: i64) -> Result<Offer> {
        Ok(self.store.confirm_sent_by_hand(id).await?)
    }

    /// The seller explicitly sends an offer again (the same message to the same creator): allowed for an
    /// offer that was sent, failed for good, was cancelled or needs a check; never for a creator on the
    /// do-not-contact list.
    pub async fn resend_offer(&self, id: i64) -> Result<i64> {
        let key = format!("scout-resend-{id}-{}", Utc::now().timestamp_micros());
        Ok(self.store.resend_offer(id, &key).await?)
    }

    /// Puts a creator (and their e-mail address) on the do-not-contact list; their offers that have not
    /// gone out are cancelled. Returns how many were cancelled.
    pub async fn do_not_contact(&self, creator_id: i64, reason: &str) -> Result<u64> {
        let reason = if reason.trim().is_empty() { "do not contact" } else { reason.trim() };
        let email = self.store.creator_detail(creator_id).await?.profile.email;
        Ok(self.store.suppress(Some(creator_id), email.as_deref(), reason).await?)
    }

    /// The seller checked: an interrupted offer did not arrive, so it is queued again.
    pub async fn requeue_unsent(&self, id: i64) -> Result<()> {
        Ok(self.store.requeue_unsent(id).await?)
    }

    /// Writes the manual offers still waiting to be sent — one campaign's, or all — to a CSV file
    /// (offer, campaign, creator, recipient, subject, message), for the seller to send from their own
    /// tools and then mark as sent. Returns how many were written.
    pub async fn export_manual_offers(&self, campaign_id: Option<i64>, path: &Path) -> Result<usize> {
        let offers: Vec<OutboxItem> = self
            .store
            .outbox(u32::MAX)
            .await?
            .into_iter()
            .rev()
            .filter(|i| i.offer.channel == OfferChannel::Manual && i.offer.state == OfferState::Queued)
            .filter(|i| campaign_id.is_none_or(|c| i.offer.campaign_id == c))
            .collect();
        let error = |e: csv::Error| AppError::Export { path: path.to_path_buf(), message: e.to_string() };
        let mut w = csv::Writer::from_path(path).map_err(error)?;
        w.write_record(["offer_id", "campaign", "creator_handle", "recipient", "subject", "message"])
            .map_err(error)?;
        for OutboxItem { offer: o, handle, campaign_name } in &offers {
            let id = o.id.to_string();
            let recipient = o.recipient.clone().unwrap_or_default();
            w.write_record([id.as_str(), campaign_name, handle, &recipient, &o.subject, &o.body])
                .map_err(error)?;
        }
        w.flush().map_err(|e| AppError::Io { action: "write", path: path.to_path_buf(), source: e })?;
        Ok(offers.len())
    }
}

/// Exponential backoff from 30 s, doubled per attempt, with up to +50 % jitter (derived from the offer
/// id, so retries of many offers spread out without a random source).
pub(crate) fn retry_at(now: DateTime<Utc>, attempts: u32, id: i64) -> DateTime<Utc> {
    let base = 30i64 << attempts.min(8);
    let jitter = (id.unsigned_abs().wrapping_mul(2_654_435_761) % 1000) as i64 * base / 2000;
    now + Duration::seconds(base + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_bounded_jitter() {
        let now = Utc::now();
        let first = (retry_at(now, 1, 7) - now).num_seconds();
        let second = (retry_at(now, 2, 7) - now).num_seconds();
        assert!((60..=90).contains(&first), "{first}");
        assert!((120..=180).contains(&second), "{second}");
        assert_ne!(retry_at(now, 1, 7), retry_at(now, 1, 8), "different offers spread out");
    }
}
