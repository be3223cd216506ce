//! The outbox: offers are queued in one transaction (all or none), claimed one at a time by the delivery
//! worker, and settled as sent or failed. A claim marks the offer `sending` *before* anything leaves the
//! machine, so after a crash [`Store::recover_interrupted_offers`] finds it and marks it `needs_check`
//! instead of sending it again. One offer per creator and campaign unless the seller explicitly
//! re-sends; suppressed creators and addresses are refused when queuing.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OfferChannel {
    Tiktok,
    Email,
    Manual,
}

impl OfferChannel {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            OfferChannel::Tiktok => "tiktok",
            OfferChannel::Email => "email",
            OfferChannel::Manual => "manual",
        }
    }

    /// A stored channel; anything else is a corrupt row, never a default.
    fn parse(s: &str, offer_id: i64) -> Result<OfferChannel> {
        match s {
            "tiktok" => Ok(OfferChannel::Tiktok),
            "email" => Ok(OfferChannel::Email),
            "manual" => Ok(OfferChannel::Manual),
            other => Err(unknown("channel", offer_id, other)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OfferState {
    Queued,
    Sending,
    Sent,
    Failed,
    NeedsCheck,
    Cancelled,
}

impl OfferState {
    /// A stored state; anything else is a corrupt row, never a default.
    pub(crate) fn parse(s: &str, offer_id: i64) -> Result<OfferState> {
        match s {
            "queued" => Ok(OfferState::Queued),
            "sending" => Ok(OfferState::Sending),
            "sent" => Ok(OfferState::Sent),
            "failed" => Ok(OfferState::Failed),
            "needs_check" => Ok(OfferState::NeedsCheck),
            "cancelled" => Ok(OfferState::Cancelled),
            other => Err(unknown("state", offer_id, other)),
        }
    }
}

fn unknown(column: &'static str, id: i64, value: &str) -> StoreError {
    StoreError::Corrupt { table: "offers", column, id, message: format!("'{value}' is not a known {column}") }
}

/// An offer to queue. `terms` is the JSON of the domain's `OfferTerms`, validated before it gets here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffer {
    pub idempotency_key: String,
    pub campaign_id: i64,
    pub creator_id: i64,
    pub channel: OfferChannel,
    pub terms_json: String,
    pub recipient: Option<String>,
    pub subject: String,
    pub body: String,
    /// Set only when the seller explicitly sends again.
    pub resend_of: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Offer {
    #[ts(type = "number")]
    pub id: i64,
    pub idempotency_key: String,
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "number")]
    pub creator_id: i64,
    pub channel: OfferChannel,
    pub recipient: Option<String>,
    pub subject: String,
    pub body: String,
    pub state: OfferState,
    pub retryable: bool,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub external_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// An offer in the send queue, with its creator's handle and campaign's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxItem {
    pub offer: Offer,
    pub handle: String,
    pub campaign_name: String,
}

pub(crate) const OFFER_COLUMNS: &str =
    "id, idempotency_key, campaign_id, creator_id, channel, recipient, subject, body, \
     state, retryable, attempts, last_error, external_id, created_at, sent_at";

pub(crate) fn offer_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Offer> {
    let id: i64 = r.try_get("id")?;
    Ok(Offer {
        id,
        idempotency_key: r.try_get("idempotency_key")?,
        campaign_id: r.try_get("campaign_id")?,
        creator_id: r.try_get("creator_id")?,
        channel: OfferChannel::parse(r.try_get("channel")?, id)?,
        recipient: r.try_get("recipient")?,
        subject: r.try_get("subject")?,
        body: r.try_get("body")?,
        state: OfferState::parse(r.try_get("state")?, id)?,
        retryable: r.try_get("retryable")?,
        attempts: r.try_get::<i64, _>("attempts")?.max(0) as u32,
        last_error: r.try_get("last_error")?,
        external_id: r.try_get("external_id")?,
        created_at: r.try_get("created_at")?,
        sent_at: r.try_get("sent_at")?,
    })
}

impl Store {
    /// Queues every offer or none. A creator already offered this campaign (and not an explicit
    /// re-send), or on the suppression list, makes the whole batch fail with the creator named.
    pub async fn queue_offers(&self, offers: &[NewOffer]) -> Result<Vec<i64>> {
        let mut tx = self.write_tx().await?;
        let now = Utc::now();
        let mut ids = Vec::with_capacity(offers.len());
        for o in offers {
            let suppressed: Option<String> = sqlx::query_scalar(
                "SELECT reason FROM suppressions WHERE creator_id = ? OR (email IS NOT NULL AND email = lower(?))",
            )
            .bind(o.creator_id)
            .bind(o.recipient.as_deref().unwrap_or_default())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(reason) = suppressed {
                return Err(StoreError::Suppressed { creator_id: o.creator_id, reason });
            }
            let inserted = sqlx::query_scalar::<_, i64>(
                "INSERT INTO offers (idempotency_key, campaign_id, creator_id, channel, terms, recipient, subject, \
                 body, state, resend_of, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING id",
            )
            .bind(&o.idempotency_key)
            .bind(o.campaign_id)
            .bind(o.creator_id)
            .bind(o.channel.as_str())
            .bind(&o.terms_json)
            .bind(&o.recipient)
            .bind(&o.subject)
            .bind(&o.body)
            .bind(o.resend_of)
            .bind(now)
            .bind(now)
            .fetch_one(&mut *tx)
            .await;
            match inserted {
                Ok(id) => ids.push(id),
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    return Err(StoreError::AlreadyOffered {
                        campaign_id: o.campaign_id,
                        creator_id: o.creator_id,
                    });
                }
                Err(e) => return Err(e.into()),
            }
        }
        tx.commit().await?;
        Ok(ids)
    }

    pub async fn mark_offer_sent(&self, id: i64, external_id: Option<&str>) -> Result<()> {
        self.settle(
            id,
            "state = 'sent', sent_at = ?1, external_id = ?2, last_error = NULL",
            external_id,
            None,
        )
        .await
    }

    /// A failed delivery: `retry_at` set = try again then; `None` = permanent.
    pub async fn mark_offer_failed(
        &self,
        id: i64,
        reason: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        let set = "state = 'failed', last_error = ?2, retryable = ?3 IS NOT NULL, next_attempt_at = ?3";
        self.settle(id, set, Some(reason), retry_at).await
    }

    async fn settle(&self, id: i64, set: &str, text: Option<&str>, at: Option<DateTime<Utc>>) -> Result<()> {
        let now = Utc::now();
        let sql = format!("UPDATE offers SET {set}, updated_at = ?1 WHERE id = ?4 AND state = 'sending'");
        let done = sqlx::query(&sql).bind(now).bind(text).bind(at).bind(id).execute(&self.pool).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::OfferNotSending(id));
        }
        Ok(())
    }

    /// The offer never reached the service (it could not be reached, or refused the seller's sign-in):
    /// it is due again at `at` and the attempt does not count against it.
    pub async fn release_offer(&self, id: i64, reason: &str, at: DateTime<Utc>) -> Result<()> {
        let set = "state = 'failed', last_error = ?2, retryable = 1, next_attempt_at = ?3, \
                   attempts = max(attempts - 1, 0)";
        self.settle(id, set, Some(reason), Some(at)).await
    }

    /// After a stop: offers left `sending` may or may not have gone out, so they become `needs_check`
    /// and are never claimed again by themselves. Only the holder of the delivery lease may say so (any
    /// other process's offers in flight would be taken for interrupted). Returns how many.
    pub async fn recover_interrupted_offers(&self, _lease: &crate::DeliveryLease) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE offers SET state = 'needs_check', updated_at = ?, \
             last_error = 'Scout stopped while this offer was being sent; check whether it arrived' \
             WHERE state = 'sending'",
        )
        .bind(Utc::now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// How many offers of `channel` wait for the seller to check whether they arrived.
    pub async fn offers_needing_check(&self, channel: OfferChannel) -> Result<u64> {
        let n: i64 =
            sqlx::query_scalar("SELECT count(*) FROM offers WHERE channel = ? AND state = 'needs_check'")
                .bind(channel.as_str())
                .fetch_one(&self.pool)
                .await?;
        Ok(n.max(0) as u64)
    }

    /// How many offers of `channel` were sent since `since` (for daily caps).
    pub async fn offers_sent_since(&self, channel: OfferChannel, since: DateTime<Utc>) -> Result<u64> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM offers WHERE channel = ? AND state = 'sent' AND sent_at >= ?",
        )
        .bind(channel.as_str())
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(n.max(0) as u64)
    }

    /// A campaign's offers, oldest first.
    pub async fn offers(&self, campaign_id: i64) -> Result<Vec<Offer>> {
        let rows =
            sqlx::query(&format!("SELECT {OFFER_COLUMNS} FROM offers WHERE campaign_id = ? ORDER BY id"))
                .bind(campaign_id)
                .fetch_all(&self.pool)
                .await?;
        rows.iter().map(offer_from_row).collect()
    }

    /// Cancels offers that have not gone out (queued, or failed and waiting to retry). Returns how many.
    pub async fn cancel_offers(&self, ids: &[i64]) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let mut n = 0;
        for id in ids {
            n += sqlx::query(
                "UPDATE offers SET state = 'cancelled', updated_at = ? WHERE id = ? AND state IN ('queued', 'failed')",
            )
            .bind(Utc::now())
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(n)
    }

    /// The seller says an offer went out: a manual offer they sent themselves, or one that needed a check
    /// and did arrive. It becomes sent, and its creator invited, in one transaction.
    pub async fn confirm_sent_by_hand(&self, id: i64) -> Result<Offer> {
        let mut tx = self.write_tx().await?;
        let now = Utc::now();
        let row = sqlx::query(&format!(
            "UPDATE offers SET state = 'sent', sent_at = ?1, updated_at = ?1, last_error = NULL \
             WHERE id = ?2 AND (state = 'needs_check' OR (channel = 'manual' AND state = 'queued')) \
             RETURNING {OFFER_COLUMNS}"
        ))
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::OfferNotSettleable(id))?;
        let offer = offer_from_row(&row)?;
        let cause = format!("offer {id} marked as sent by the seller ({})", offer.channel.as_str());
        crate::pipeline::move_in(
            &mut tx,
            offer.campaign_id,
            offer.creator_id,
            scout_domain::Stage::Invited,
            &cause,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(offer)
    }

    /// The seller checked and an interrupted offer did not arrive: it is queued to be sent again.
    pub async fn requeue_unsent(&self, id: i64) -> Result<()> {
        let done = sqlx::query(
            "UPDATE offers SET state = 'queued', next_attempt_at = NULL, updated_at = ? \
             WHERE id = ? AND state = 'needs_check'",
        )
        .bind(Utc::now())
        .bind(id)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::OfferNotSettleable(id));
        }
        Ok(())
    }

    /// The latest offers across campaigns, newest first, with who and what they are for.
    pub async fn outbox(&self, limit: u32) -> Result<Vec<OutboxItem>> {
        let cols: String = OFFER_COLUMNS.split(", ").map(|c| format!("o.{c}")).collect::<Vec<_>>().join(", ");
        let rows = sqlx::query(&format!(
            "SELECT {cols}, cr.handle, json_extract(c.spec, '$.name') AS campaign_name FROM offers o \
             JOIN creators cr ON cr.id = o.creator_id JOIN campaigns c ON c.id = o.campaign_id \
             ORDER BY o.id DESC LIMIT ?"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OutboxItem {
                    offer: offer_from_row(r)?,
                    handle: r.try_get("handle")?,
                    campaign_name: r.try_get("campaign_name")?,
                })
            })
            .collect()
    }

    /// Puts a creator (and/or an address) on the do-not-contact list, and cancels their offers, messages
    /// and approvals that have not gone out yet, in one transaction. Returns how many offers were cancelled.
    pub async fn suppress(&self, creator_id: Option<i64>, email: Option<&str>, reason: &str) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let now = Utc::now();
        sqlx::query("INSERT OR IGNORE INTO suppressions (creator_id, email, reason, added_at) VALUES (?, lower(?), ?, ?)")
            .bind(creator_id)
            .bind(email)
            .bind(reason)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let cancelled = sqlx::query(
            "UPDATE offers SET state = 'cancelled', updated_at = ?1, last_error = 'do not contact: ' || ?4 \
             WHERE state IN ('queued', 'failed') AND (creator_id = ?2 OR (?3 IS NOT NULL AND lower(recipient) = lower(?3)))",
        )
        .bind(now)
        .bind(creator_id)
        .bind(email)
        .bind(reason)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // Messages and approvals that would reach them do not go either.
        sqlx::query(
            "UPDATE tiktok_actions SET state = 'cancelled', updated_at = ?1, last_error = 'do not contact: ' || ?3 \
             WHERE contacts_creator = 1 AND creator_id = ?2 \
             AND (state = 'queued' OR (state = 'failed' AND retryable = 1))",
        )
        .bind(now)
        .bind(creator_id)
        .bind(reason)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(cancelled)
    }

    /// An explicit re-send: a new offer with the same message, terms and recipient as offer `id`
    /// (which must have been sent, failed for good, been cancelled or need a check), queued at once.
    pub async fn resend_offer(&self, id: i64, idempotency_key: &str) -> Result<i64> {
        let mut tx = self.write_tx().await?;
        let now = Utc::now();
        let original: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT creator_id, recipient FROM offers WHERE id = ? \
             AND (state IN ('sent', 'cancelled', 'needs_check') OR (state = 'failed' AND retryable = 0))",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let (creator_id, recipient) = original.ok_or(StoreError::OfferNotSettleable(id))?;
        let suppressed: Option<String> = sqlx::query_scalar(
            "SELECT reason FROM suppressions WHERE creator_id = ? OR (email IS NOT NULL AND email = lower(?))",
        )
        .bind(creator_id)
        .bind(recipient.as_deref().unwrap_or_default())
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(reason) = suppressed {
            return Err(StoreError::Suppressed { creator_id, reason });
        }
        let new_id: i64 = sqlx::query_scalar(
            "INSERT INTO offers (idempotency_key, campaign_id, creator_id, channel, terms, recipient, subject, body, \
             state, resend_of, created_at, updated_at) \
             SELECT ?, campaign_id, creator_id, channel, terms, recipient, subject, body, 'queued', id, ?, ? \
             FROM offers WHERE id = ? RETURNING id",
        )
        .bind(idempotency_key)
        .bind(now)
        .bind(now)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(new_id)
    }
}
