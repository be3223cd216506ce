//! Collaboration records: the agreed terms (one current version per creator and campaign), sample
//! shipments and content posts. Recording one moves the creator along the pipeline when the state
//! machine allows it (agreed, sample shipped, content posted) and writes the timeline in the same
//! transaction; recording again later (new terms, a second video) is a timeline note, not a move.

use crate::pipeline::{current_stage, move_in, note_in};
use crate::{codec, Result, Store, StoreError};
use chrono::{NaiveDate, Utc};
use scout_domain::{AgreedTerms, BasisPoints, ContentPost, Money, SampleShipment, Stage};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

/// Everything recorded about one creator in one campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Collaboration {
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "number")]
    pub creator_id: i64,
    pub stage: Stage,
    pub agreement: Option<AgreedTerms>,
    pub shipments: Vec<SampleShipment>,
    pub posts: Vec<ContentPost>,
}

/// "15 % commission, 200.00 USD flat fee, free sample, 2 videos, content due 2026-12-05".
pub fn describe_terms(t: &AgreedTerms) -> String {
    let mut parts = vec![format!("{} commission", t.commission.short_percent())];
    if let Some(fee) = &t.flat_fee {
        parts.push(format!("{fee} flat fee"));
    }
    if t.free_sample {
        parts.push("free sample".into());
    }
    parts.push(t.deliverables.trim().to_string());
    if let Some(due) = t.content_due {
        parts.push(format!("content due {due}"));
    }
    parts.join(", ")
}

fn money_parts(m: Option<&Money>) -> (Option<i64>, Option<String>) {
    (m.map(|m| m.minor), m.map(|m| m.currency.code().to_string()))
}

/// Moves to `target` unless the creator is already there or further along `later`, in which case the
/// record is a timeline note.
async fn advance_or_note(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    campaign_id: i64,
    creator_id: i64,
    target: Stage,
    later: &[Stage],
    cause: &str,
) -> Result<Stage> {
    let now = Utc::now();
    let stage = current_stage(tx, campaign_id, creator_id, cause, now).await?;
    if stage == target || later.contains(&stage) {
        note_in(tx, campaign_id, creator_id, stage, cause, now).await?;
        Ok(stage)
    } else {
        move_in(tx, campaign_id, creator_id, target, cause, now).await?;
        Ok(target)
    }
}

fn duplicate(e: sqlx::Error, what: String) -> StoreError {
    match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::AlreadyRecorded(what),
        other => other.into(),
    }
}

impl Store {
    /// Records (or replaces) the agreed terms and moves the creator to agreed.
    pub async fn record_agreement(
        &self,
        campaign_id: i64,
        creator_id: i64,
        terms: &AgreedTerms,
    ) -> Result<Stage> {
        terms.validate()?;
        let mut tx = self.write_tx().await?;
        let cause = format!("agreed: {}", describe_terms(terms));
        let later = [Stage::SampleShipped, Stage::ContentPosted, Stage::Completed];
        let stage = advance_or_note(&mut tx, campaign_id, creator_id, Stage::Agreed, &later, &cause).await?;
        let (fee, fee_currency) = money_parts(terms.flat_fee.as_ref());
        sqlx::query(
            "INSERT INTO agreements (campaign_id, creator_id, commission_bp, flat_fee_minor, flat_fee_currency, \
             free_sample, deliverables, content_due, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (campaign_id, creator_id) DO UPDATE SET commission_bp = excluded.commission_bp, \
             flat_fee_minor = excluded.flat_fee_minor, flat_fee_currency = excluded.flat_fee_currency, \
             free_sample = excluded.free_sample, deliverables = excluded.deliverables, \
             content_due = excluded.content_due, recorded_at = excluded.recorded_at",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .bind(i64::from(terms.commission.0))
        .bind(fee)
        .bind(fee_currency)
        .bind(terms.free_sample)
        .bind(terms.deliverables.trim())
        .bind(terms.content_due)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(stage)
    }

    /// Records a sample shipment and moves the creator to sample shipped.
    pub async fn record_shipment(
        &self,
        campaign_id: i64,
        creator_id: i64,
        shipment: &SampleShipment,
    ) -> Result<Stage> {
        shipment.validate(Utc::now().date_naive())?;
        let mut tx = self.write_tx().await?;
        let cause = format!(
            "sample shipped {} with {} (tracking {})",
            shipment.shipped_on,
            shipment.carrier.trim(),
            shipment.tracking_number.trim()
        );
        let later = [Stage::ContentPosted, Stage::Completed];
        let stage =
            advance_or_note(&mut tx, campaign_id, creator_id, Stage::SampleShipped, &later, &cause).await?;
        let (cost, cost_currency) = money_parts(shipment.cost.as_ref());
        sqlx::query(
            "INSERT INTO sample_shipments (campaign_id, creator_id, carrier, tracking_number, cost_minor, \
             cost_currency, shipped_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .bind(shipment.carrier.trim())
        .bind(shipment.tracking_number.trim())
        .bind(cost)
        .bind(cost_currency)
        .bind(shipment.shipped_on)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(|e| duplicate(e, format!("shipment {} {}", shipment.carrier, shipment.tracking_number)))?;
        tx.commit().await?;
        Ok(stage)
    }

    /// Records posted content and moves the creator to content posted.
    pub async fn record_post(&self, campaign_id: i64, creator_id: i64, post: &ContentPost) -> Result<Stage> {
        post.validate(Utc::now().date_naive())?;
        let mut tx = self.write_tx().await?;
        let cause = format!("content posted {}: {}", post.posted_on, post.url.trim());
        let stage = advance_or_note(
            &mut tx,
            campaign_id,
            creator_id,
            Stage::ContentPosted,
            &[Stage::Completed],
            &cause,
        )
        .await?;
        sqlx::query(
            "INSERT INTO content_posts (campaign_id, creator_id, url, posted_on, recorded_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .bind(post.url.trim())
        .bind(post.posted_on)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(|e| duplicate(e, format!("post {}", post.url.trim())))?;
        tx.commit().await?;
        Ok(stage)
    }

    /// The creator's stage and records in the campaign.
    pub async fn collaboration(&self, campaign_id: i64, creator_id: i64) -> Result<Collaboration> {
        let stage = self
            .stage(campaign_id, creator_id)
            .await?
            .ok_or(StoreError::NotShortlisted { campaign_id, creator_id })?;
        let agreement = sqlx::query(
            "SELECT commission_bp, flat_fee_minor, flat_fee_currency, free_sample, deliverables, content_due \
             FROM agreements WHERE campaign_id = ? AND creator_id = ?",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| -> Result<AgreedTerms> {
            Ok(AgreedTerms {
                commission: BasisPoints(r.try_get::<i64, _>("commission_bp")?.clamp(0, 10_000) as u32),
                flat_fee: codec::money(&r, "flat_fee_minor", "flat_fee_currency")?,
                free_sample: r.try_get("free_sample")?,
                deliverables: r.try_get("deliverables")?,
                content_due: r.try_get::<Option<NaiveDate>, _>("content_due")?,
            })
        })
        .transpose()?;
        let shipments = sqlx::query(
            "SELECT carrier, tracking_number, cost_minor, cost_currency, shipped_on FROM sample_shipments \
             WHERE campaign_id = ? AND creator_id = ? ORDER BY shipped_on, id",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(SampleShipment {
                carrier: r.try_get("carrier")?,
                tracking_number: r.try_get("tracking_number")?,
                cost: codec::money(r, "cost_minor", "cost_currency")?,
                shipped_on: r.try_get("shipped_on")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let posts = sqlx::query(
            "SELECT url, posted_on FROM content_posts WHERE campaign_id = ? AND creator_id = ? ORDER BY posted_on, id",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok(ContentPost { url: r.try_get("url")?, posted_on: r.try_get("posted_on")? }))
        .collect::<Result<Vec<_>>>()?;
        Ok(Collaboration { campaign_id, creator_id, stage, agreement, shipments, posts })
    }
}
