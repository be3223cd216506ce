//! The send queue as the seller sees and drives it: offers and their delivery states, cancelling,
//! settling offers by hand (sent, or not arrived and queued again), explicit re-sends, the do-not-contact
//! list, and the manual channel's export of rendered offers. Delivery itself is in `delivery`.

use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_store::{Offer, OfferChannel, OfferState, OutboxItem};
use std::path::Path;

/// Offers shown in the send queue.
const QUEUE_LENGTH: u32 = 500;

impl Workspace {
    /// A campaign's offers and their delivery states, oldest first.
    pub async fn offers(&self, campaign_id: i64) -> Result<Vec<scout_store::Offer>> {
        Ok(self.store.offers(campaign_id).await?)
    }

    /// Whether offers of `channel` are waiting to be delivered now.
    pub async fn has_due_offers(&self, channel: OfferChannel) -> Result<bool> {
        Ok(self.store.has_due_offers(channel, Utc::now()).await?)
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
