//! P(post) models learned from the seller's sample outcomes (issue 19), and which is in use — the match
//! models' discipline: the model and its evaluation are opaque JSON here (`scout-match` owns their
//! shape), and switching is an explicit, recorded act (the newest adoption wins; "back to the default,
//! TikTok's signals alone" is an adoption too).

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// A stored P(post) model (the same shape as a stored match model).
pub use crate::match_models::StoredModel as StoredPostModel;

fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<StoredPostModel> {
    Ok(StoredPostModel {
        id: r.try_get("id")?,
        version: r.try_get("version")?,
        model_json: r.try_get("model")?,
        evaluation_json: r.try_get("evaluation")?,
        simulated: r.try_get("simulated")?,
        trained_at: r.try_get("trained_at")?,
    })
}

impl Store {
    pub async fn save_post_model(
        &self,
        version: &str,
        model_json: &str,
        evaluation_json: &str,
        simulated: bool,
        now: DateTime<Utc>,
    ) -> Result<StoredPostModel> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO post_models (version, model, evaluation, simulated, trained_at) \
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(version)
        .bind(model_json)
        .bind(evaluation_json)
        .bind(simulated)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        self.post_model(id).await
    }

    pub async fn post_model(&self, id: i64) -> Result<StoredPostModel> {
        let row = sqlx::query("SELECT * FROM post_models WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::ModelNotFound(id))?;
        from_row(&row)
    }

    /// Newest first.
    pub async fn list_post_models(&self) -> Result<Vec<StoredPostModel>> {
        let rows = sqlx::query("SELECT * FROM post_models ORDER BY id DESC").fetch_all(&self.pool).await?;
        rows.iter().map(from_row).collect()
    }

    /// How many P(post) models exist (for the next version's number).
    pub async fn post_model_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM post_models").fetch_one(&self.pool).await?)
    }

    /// Makes `model_id` the P(post) model in use (`None` = the default).
    pub async fn adopt_post_model(&self, model_id: Option<i64>, now: DateTime<Utc>) -> Result<()> {
        if let Some(id) = model_id {
            self.post_model(id).await?;
        }
        sqlx::query("INSERT INTO post_model_adoptions (model_id, adopted_at) VALUES (?, ?)")
            .bind(model_id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The P(post) model in use: `None` = the default (also when nothing was ever adopted).
    pub async fn post_model_in_use(&self) -> Result<Option<i64>> {
        let id: Option<Option<i64>> =
            sqlx::query_scalar("SELECT model_id FROM post_model_adoptions ORDER BY id DESC LIMIT 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(id.flatten())
    }
}
