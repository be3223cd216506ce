//! Match models learned from this workspace's outcomes, and which model is in use. The model and its
//! evaluation are opaque JSON here (`scout-match` owns their shape). Switching models is an explicit,
//! recorded act: the newest adoption wins, and "back to the default" is an adoption too.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredModel {
    pub id: i64,
    pub version: String,
    pub model_json: String,
    pub evaluation_json: String,
    pub simulated: bool,
    pub trained_at: DateTime<Utc>,
}

fn model_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<StoredModel> {
    Ok(StoredModel {
        id: r.try_get("id")?,
        version: r.try_get("version")?,
        model_json: r.try_get("model")?,
        evaluation_json: r.try_get("evaluation")?,
        simulated: r.try_get("simulated")?,
        trained_at: r.try_get("trained_at")?,
    })
}

impl Store {
    pub async fn save_model(
        &self,
        version: &str,
        model_json: &str,
        evaluation_json: &str,
        simulated: bool,
    ) -> Result<StoredModel> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO match_models (version, model, evaluation, simulated, trained_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(version)
        .bind(model_json)
        .bind(evaluation_json)
        .bind(simulated)
        .bind(Utc::now())
        .fetch_one(&self.pool)
        .await?;
        self.model(id).await
    }

    pub async fn model(&self, id: i64) -> Result<StoredModel> {
        let row = sqlx::query("SELECT * FROM match_models WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::ModelNotFound(id))?;
        model_from_row(&row)
    }

    /// Newest first.
    pub async fn list_models(&self) -> Result<Vec<StoredModel>> {
        let rows = sqlx::query("SELECT * FROM match_models ORDER BY id DESC").fetch_all(&self.pool).await?;
        rows.iter().map(model_from_row).collect()
    }

    /// Makes `model_id` the model in use (`None` = the default model).
    pub async fn adopt_model(&self, model_id: Option<i64>) -> Result<()> {
        if let Some(id) = model_id {
            self.model(id).await?;
        }
        sqlx::query("INSERT INTO model_adoptions (model_id, adopted_at) VALUES (?, ?)")
            .bind(model_id)
            .bind(Utc::now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The adoptions, newest first: `(model id or None for the default, when)`.
    pub async fn adoptions(&self) -> Result<Vec<(Option<i64>, DateTime<Utc>)>> {
        let rows = sqlx::query("SELECT model_id, adopted_at FROM model_adoptions ORDER BY id DESC")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("model_id")?, r.try_get("adopted_at")?))).collect()
    }
}
