//! The pipeline: where each shortlisted creator stands in a campaign, moved only by the domain's state
//! machine, with every change written to the creator's timeline in the same transaction.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use scout_domain::Stage;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PipelineEvent {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub campaign_name: String,
    #[ts(type = "number")]
    pub creator_id: i64,
    /// `None` when the creator entered the pipeline; equal to `to` when something was recorded without
    /// a move (new agreed terms, a shipment).
    pub from: Option<Stage>,
    pub to: Stage,
    pub at: DateTime<Utc>,
    pub cause: String,
}

pub(crate) fn stage_name(stage: Stage) -> String {
    serde_json::to_value(stage).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

pub(crate) fn parse_stage(name: &str, creator_id: i64) -> Result<Stage> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).map_err(|e| StoreError::Corrupt {
        table: "shortlist",
        column: "stage",
        id: creator_id,
        message: e.to_string(),
    })
}

impl Store {
    /// The creator's stage in the campaign; `None` when not in its pipeline.
    pub async fn stage(&self, campaign_id: i64, creator_id: i64) -> Result<Option<Stage>> {
        let name: Option<String> =
            sqlx::query_scalar("SELECT stage FROM shortlist WHERE campaign_id = ? AND creator_id = ?")
                .bind(campaign_id)
                .bind(creator_id)
                .fetch_optional(&self.pool)
                .await?;
        name.map(|n| parse_stage(&n, creator_id)).transpose()
    }

    /// Moves a creator to `to` if the state machine allows it (entering the pipeline as shortlisted
    /// first when needed), recording the change; a refused move changes nothing and names both stages.
    pub async fn move_stage(
        &self,
        campaign_id: i64,
        creator_id: i64,
        to: Stage,
        cause: &str,
    ) -> Result<Stage> {
        let mut tx = self.write_tx().await?;
        move_in(&mut tx, campaign_id, creator_id, to, cause, Utc::now()).await?;
        tx.commit().await?;
        Ok(to)
    }

    /// Everything that happened to a creator across campaigns, oldest first.
    pub async fn timeline(&self, creator_id: i64) -> Result<Vec<PipelineEvent>> {
        let rows = sqlx::query(
            "SELECT e.campaign_id, json_extract(c.spec, '$.name') AS campaign_name, e.from_stage, \
             e.to_stage, e.at, e.cause FROM pipeline_events e JOIN campaigns c ON c.id = e.campaign_id \
             WHERE e.creator_id = ? ORDER BY e.at, e.id",
        )
        .bind(creator_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let from: Option<String> = r.try_get("from_stage")?;
                Ok(PipelineEvent {
                    campaign_id: r.try_get("campaign_id")?,
                    campaign_name: r.try_get("campaign_name")?,
                    creator_id,
                    from: from.map(|f| parse_stage(&f, creator_id)).transpose()?,
                    to: parse_stage(r.try_get("to_stage")?, creator_id)?,
                    at: r.try_get("at")?,
                    cause: r.try_get("cause")?,
                })
            })
            .collect()
    }
}

/// The creator's stage inside a transaction, entering the pipeline as shortlisted when not in it yet.
pub(crate) async fn current_stage(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    campaign_id: i64,
    creator_id: i64,
    cause: &str,
    now: DateTime<Utc>,
) -> Result<Stage> {
    let current: Option<String> =
        sqlx::query_scalar("SELECT stage FROM shortlist WHERE campaign_id = ? AND creator_id = ?")
            .bind(campaign_id)
            .bind(creator_id)
            .fetch_optional(&mut **tx)
            .await?;
    match current {
        Some(name) => parse_stage(&name, creator_id),
        None => {
            sqlx::query(
                "INSERT INTO shortlist (campaign_id, creator_id, added_at, stage, stage_changed_at) \
                 VALUES (?, ?, ?, 'shortlisted', ?)",
            )
            .bind(campaign_id)
            .bind(creator_id)
            .bind(now)
            .bind(now)
            .execute(&mut **tx)
            .await?;
            insert_event(tx, campaign_id, creator_id, None, Stage::Shortlisted, now, cause).await?;
            Ok(Stage::Shortlisted)
        }
    }
}

/// [`Store::move_stage`] inside a transaction. Moving to the stage the creator is in changes nothing.
pub(crate) async fn move_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    campaign_id: i64,
    creator_id: i64,
    to: Stage,
    cause: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let from = current_stage(tx, campaign_id, creator_id, cause, now).await?;
    if from == to {
        return Ok(());
    }
    from.move_to(to).map_err(StoreError::Domain)?;
    sqlx::query(
        "UPDATE shortlist SET stage = ?, stage_changed_at = ? WHERE campaign_id = ? AND creator_id = ?",
    )
    .bind(stage_name(to))
    .bind(now)
    .bind(campaign_id)
    .bind(creator_id)
    .execute(&mut **tx)
    .await?;
    insert_event(tx, campaign_id, creator_id, Some(from), to, now, cause).await
}

/// A timeline entry that records something (new agreed terms, a second shipment) without a move.
pub(crate) async fn note_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    campaign_id: i64,
    creator_id: i64,
    stage: Stage,
    cause: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    insert_event(tx, campaign_id, creator_id, Some(stage), stage, now, cause).await
}

async fn insert_event(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    campaign_id: i64,
    creator_id: i64,
    from: Option<Stage>,
    to: Stage,
    at: DateTime<Utc>,
    cause: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO pipeline_events (campaign_id, creator_id, from_stage, to_stage, at, cause) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(campaign_id)
    .bind(creator_id)
    .bind(from.map(stage_name))
    .bind(stage_name(to))
    .bind(at)
    .bind(cause)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One creator on the pipeline board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PipelineCard {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub campaign_name: String,
    #[ts(type = "number")]
    pub creator_id: i64,
    pub handle: String,
    pub display_name: Option<String>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    pub stage: Stage,
    /// Since when the creator has been in this stage.
    pub since: DateTime<Utc>,
    /// The latest offer's delivery state, when an offer was made.
    pub offer_state: Option<crate::OfferState>,
    /// The agreed commission, once agreed.
    pub agreed_commission: Option<scout_domain::BasisPoints>,
}

impl Store {
    /// Every creator in a pipeline (one campaign's, or every active campaign's: an archived one is shown
    /// only when asked for by id), most recently moved first.
    pub async fn pipeline_board(&self, campaign_id: Option<i64>) -> Result<Vec<PipelineCard>> {
        let rows = sqlx::query(
            "SELECT s.campaign_id, json_extract(c.spec, '$.name') AS campaign_name, s.creator_id, cr.handle, \
             cr.display_name, cr.followers, s.stage, coalesce(s.stage_changed_at, s.added_at) AS since, \
             (SELECT o.state FROM offers o WHERE o.campaign_id = s.campaign_id AND o.creator_id = s.creator_id \
              ORDER BY o.id DESC LIMIT 1) AS offer_state, \
             (SELECT o.id FROM offers o WHERE o.campaign_id = s.campaign_id AND o.creator_id = s.creator_id \
              ORDER BY o.id DESC LIMIT 1) AS offer_id, a.commission_bp \
             FROM shortlist s JOIN campaigns c ON c.id = s.campaign_id JOIN creators cr ON cr.id = s.creator_id \
             LEFT JOIN agreements a ON a.campaign_id = s.campaign_id AND a.creator_id = s.creator_id \
             WHERE (?1 IS NULL AND c.archived_at IS NULL) OR s.campaign_id = ?1 ORDER BY since DESC, s.creator_id",
        )
        .bind(campaign_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let creator_id: i64 = r.try_get("creator_id")?;
                let offer_state: Option<String> = r.try_get("offer_state")?;
                let offer_id: Option<i64> = r.try_get("offer_id")?;
                Ok(PipelineCard {
                    campaign_id: r.try_get("campaign_id")?,
                    campaign_name: r.try_get("campaign_name")?,
                    creator_id,
                    handle: r.try_get("handle")?,
                    display_name: r.try_get("display_name")?,
                    followers: r.try_get::<Option<i64>, _>("followers")?.map(|f| f.max(0) as u64),
                    stage: parse_stage(r.try_get("stage")?, creator_id)?,
                    since: r.try_get("since")?,
                    offer_state: offer_state
                        .as_deref()
                        .map(|s| crate::outbox::OfferState::parse(s, offer_id.unwrap_or_default()))
                        .transpose()?,
                    agreed_commission: crate::codec::rate(r, "commission_bp")?,
                })
            })
            .collect()
    }
}
