//! Batched claims for channels that send one request to many creators (TikTok Shop target
//! collaborations: up to 50 creators per call). A claim takes due offers of one campaign with the
//! same terms and message and marks them all `sending` in one statement, before anything leaves the
//! machine, so a crash mid-call leaves every one of them to `recover_interrupted_offers`.

use crate::outbox::{offer_from_row, OFFER_COLUMNS};
use crate::{Offer, OfferChannel, Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// Offers claimed together: same campaign, same terms (the `OfferTerms` JSON they were queued with) and
/// same rendered message, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedBatch {
    pub campaign_id: i64,
    pub terms_json: String,
    pub offers: Vec<Offer>,
}

/// Due: queued, or failed-retryable whose retry time has come.
const DUE: &str = "(state = 'queued' OR (state = 'failed' AND retryable = 1)) \
                   AND (next_attempt_at IS NULL OR next_attempt_at <= ?1)";

impl Store {
    /// Whether any offer of `channel` is due for delivery at `now`.
    pub async fn has_due_offers(&self, channel: OfferChannel, now: DateTime<Utc>) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM offers WHERE channel = ?2 AND {DUE}"))
            .bind(now)
            .bind(channel.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// When the next offer of `channel` that waits for a retry is due, if any.
    pub async fn next_attempt_at(&self, channel: OfferChannel) -> Result<Option<DateTime<Utc>>> {
        Ok(sqlx::query_scalar(
            "SELECT min(next_attempt_at) FROM offers WHERE channel = ? AND state = 'failed' AND retryable = 1",
        )
        .bind(channel.as_str())
        .fetch_one(&self.pool)
        .await?)
    }

    /// Every offer of `channel` held back or waiting for a retry is due now (the seller fixed the
    /// account or connection that held them back). Returns how many.
    pub async fn retry_now(&self, channel: OfferChannel, now: DateTime<Utc>) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE offers SET next_attempt_at = ?1 \
             WHERE channel = ?2 AND (state = 'queued' OR (state = 'failed' AND retryable = 1)) \
             AND next_attempt_at > ?1",
        )
        .bind(now)
        .bind(channel.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Holds every queued offer of `channel` until `until` (the service refused the seller's sign-in:
    /// nothing of the channel should knock again before the seller fixes it). Returns how many.
    pub async fn hold_queued(&self, channel: OfferChannel, until: DateTime<Utc>) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE offers SET next_attempt_at = ?1 WHERE channel = ?2 AND state = 'queued' \
             AND (next_attempt_at IS NULL OR next_attempt_at < ?1)",
        )
        .bind(until)
        .bind(channel.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Claims up to `limit` due offers of `channel` that belong together with the oldest due one (same
    /// campaign, identical terms JSON and message body), marking them all `sending` (one attempt more)
    /// in a single UPDATE. `None` when nothing is due.
    pub async fn claim_offer_batch(
        &self,
        channel: OfferChannel,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Option<ClaimedBatch>> {
        let rows = sqlx::query(&format!(
            "UPDATE offers SET state = 'sending', attempts = attempts + 1, updated_at = ?1 \
             WHERE id IN ( \
               SELECT o.id FROM offers o, \
                 (SELECT campaign_id, terms, body FROM offers WHERE channel = ?2 AND {DUE} \
                  ORDER BY id LIMIT 1) f \
               WHERE o.channel = ?2 AND o.campaign_id = f.campaign_id AND o.terms = f.terms \
                 AND o.body = f.body \
                 AND (o.state = 'queued' OR (o.state = 'failed' AND o.retryable = 1)) \
                 AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?1) \
               ORDER BY o.id LIMIT ?3) \
             RETURNING {OFFER_COLUMNS}, terms"
        ))
        .bind(now)
        .bind(channel.as_str())
        .bind(i64::from(limit.max(1)))
        .fetch_all(&self.pool)
        .await?;
        let Some(first) = rows.first() else { return Ok(None) };
        let terms_json: String = first.try_get("terms")?;
        let campaign_id: i64 = first.try_get("campaign_id")?;
        let mut offers = rows.iter().map(offer_from_row).collect::<Result<Vec<_>>>()?;
        offers.sort_by_key(|o| o.id);
        Ok(Some(ClaimedBatch { campaign_id, terms_json, offers }))
    }

    /// Every sent offer of `channel` that the platform gave an id (e.g. a TikTok Shop collaboration
    /// id), oldest first: what a status sync reads back.
    pub async fn sent_offers_with_external_id(&self, channel: OfferChannel) -> Result<Vec<Offer>> {
        let rows = sqlx::query(&format!(
            "SELECT {OFFER_COLUMNS} FROM offers WHERE channel = ? AND state = 'sent' \
             AND external_id IS NOT NULL ORDER BY id"
        ))
        .bind(channel.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(offer_from_row).collect()
    }
}
