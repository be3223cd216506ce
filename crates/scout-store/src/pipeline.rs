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
    #[ts(type = "number")]
    pub creator_id: i64,
    pub from: Option<Stage>,
    pub to: Stage,
    pub at: DateTime<Utc>,
    pub cause: String,
}

fn stage_name(stage: Stage) -> String {
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
        let mut tx = self.pool.begin().await?;
        let now = Utc::now();
        let current: Option<String> =
            sqlx::query_scalar("SELECT stage FROM shortlist WHERE campaign_id = ? AND creator_id = ?")
                .bind(campaign_id)
                .bind(creator_id)
                .fetch_optional(&mut *tx)
                .await?;
        let from = match current {
            Some(name) => parse_stage(&name, creator_id)?,
            None => {
                sqlx::query(
                    "INSERT INTO shortlist (campaign_id, creator_id, added_at, stage, stage_changed_at) \
                     VALUES (?, ?, ?, 'shortlisted', ?)",
                )
                .bind(campaign_id)
                .bind(creator_id)
                .bind(now)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                insert_event(&mut tx, campaign_id, creator_id, None, Stage::Shortlisted, now, cause).await?;
                Stage::Shortlisted
            }
        };
        if from != to {
            from.move_to(to).map_err(StoreError::Domain)?;
            sqlx::query("UPDATE shortlist SET stage = ?, stage_changed_at = ? WHERE campaign_id = ? AND creator_id = ?")
                .bind(stage_name(to))
                .bind(now)
                .bind(campaign_id)
                .bind(creator_id)
                .execute(&mut *tx)
                .await?;
            insert_event(&mut tx, campaign_id, creator_id, Some(from), to, now, cause).await?;
        }
        tx.commit().await?;
        Ok(to)
    }

    /// Everything that happened to a creator across campaigns, oldest first.
    pub async fn timeline(&self, creator_id: i64) -> Result<Vec<PipelineEvent>> {
        let rows = sqlx::query(
            "SELECT campaign_id, creator_id, from_stage, to_stage, at, cause FROM pipeline_events \
             WHERE creator_id = ? ORDER BY at, id",
        )
        .bind(creator_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let from: Option<String> = r.try_get("from_stage")?;
                Ok(PipelineEvent {
                    campaign_id: r.try_get("campaign_id")?,
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
