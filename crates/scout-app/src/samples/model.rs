//! The P(post) model's life cycle, the match model's discipline: train on the seller's settled
//! outcomes (older requests train, the newest 30 % test), compare with the default — TikTok's signals
//! alone — on the same test set, show the card, and use a learned model only once the seller adopts it.

use super::outcomes::examples_of;
use crate::{AppError, Result, Workspace};
use chrono::{DateTime, NaiveDate, Utc};
use scout_match::samples::{
    train_and_evaluate_posts, LearnedPostModel, PostEvaluation, PostModel, PostTrainParams,
    DEFAULT_POST_MODEL_VERSION, SELECTION_NOTE,
};
use scout_store::StoredPostModel;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A learned P(post) model with its evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostModelEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub model: LearnedPostModel,
    pub evaluation: PostEvaluation,
    pub trained_at: DateTime<Utc>,
    pub in_use: bool,
    /// Trained on a history from a TikTok Shop API other than production (the fake's synthetic one).
    pub simulated: bool,
}

/// What the seller's history holds for learning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostOutcomeSummary {
    /// Stored requests.
    pub requests: u32,
    /// Approved requests whose outcome is settled (the examples).
    pub examples: u32,
    pub posted: u32,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Share of the examples that posted within 14 days.
    pub base_rate: Option<f64>,
}

/// The P(post) model card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostModelCard {
    pub default_version: String,
    pub default_description: String,
    /// Newest first.
    pub learned: Vec<PostModelEntry>,
    /// The learned model in use; `None` = the default.
    #[ts(type = "number | null")]
    pub in_use: Option<i64>,
    pub outcomes: PostOutcomeSummary,
    pub min_examples: u32,
    /// Only approved requests have outcomes: the history is selected by the seller's own decisions.
    pub note: String,
}

const DEFAULT_DESCRIPTION: &str = "TikTok's signals alone, read the way TikTok presents them: the \
    creator's 90-day fulfilment share is the chance they post, pulled towards the typical 35 % as if by \
    two more samples (35 % without a share). Sample score, GMV and views are shown but not used.";

fn entry(stored: &StoredPostModel, in_use: Option<i64>) -> Result<PostModelEntry> {
    let corrupt = |what: &str, e: serde_json::Error| {
        AppError::Internal(format!("stored P(post) model {} {what}: {e}", stored.version))
    };
    let model: LearnedPostModel =
        serde_json::from_str(&stored.model_json).map_err(|e| corrupt("parameters", e))?;
    model.check().map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(PostModelEntry {
        id: stored.id,
        model,
        evaluation: serde_json::from_str(&stored.evaluation_json).map_err(|e| corrupt("evaluation", e))?,
        trained_at: stored.trained_at,
        in_use: in_use == Some(stored.id),
        simulated: stored.simulated,
    })
}

impl Workspace {
    /// The P(post) model in use: the default until the seller adopts a learned one.
    pub async fn active_post_model(&self) -> Result<PostModel> {
        match self.store.post_model_in_use().await? {
            None => Ok(PostModel::Default),
            Some(id) => Ok(PostModel::Learned(entry(&self.store.post_model(id).await?, Some(id))?.model)),
        }
    }

    pub async fn post_model_card(&self) -> Result<PostModelCard> {
        let in_use = self.store.post_model_in_use().await?;
        let learned =
            self.store.list_post_models().await?.iter().map(|m| entry(m, in_use)).collect::<Result<_>>()?;
        let (rows, profiles) = self.sample_history_with_profiles().await?;
        let examples = examples_of(&rows, &profiles, Utc::now());
        let posted = examples.iter().filter(|e| e.posted).count() as u32;
        Ok(PostModelCard {
            default_version: DEFAULT_POST_MODEL_VERSION.into(),
            default_description: DEFAULT_DESCRIPTION.into(),
            learned,
            in_use,
            outcomes: PostOutcomeSummary {
                requests: rows.len() as u32,
                examples: examples.len() as u32,
                posted,
                from: examples.iter().map(|e| e.requested_on).min(),
                to: examples.iter().map(|e| e.requested_on).max(),
                base_rate: (!examples.is_empty()).then(|| f64::from(posted) / examples.len() as f64),
            },
            min_examples: PostTrainParams::default().min_examples as u32,
            note: SELECTION_NOTE.into(),
        })
    }

    /// Trains a P(post) model on the settled outcomes and stores it with its evaluation; it is not used
    /// until adopted.
    #[tracing::instrument(skip(self))]
    pub async fn train_post_model(&self) -> Result<PostModelEntry> {
        let (rows, profiles) = self.sample_history_with_profiles().await?;
        let now = Utc::now();
        let examples = examples_of(&rows, &profiles, now);
        let simulated = self.sample_history_is_simulated().await?;
        let version = format!("post-{}", self.store.post_model_count().await? + 1);
        let (model, evaluation) = train_and_evaluate_posts(
            &PostTrainParams::default(),
            examples,
            &version,
            now.date_naive(),
            simulated,
        )
        .map_err(|e| AppError::InvalidInput(format!("cannot train a P(post) model: {e}")))?;
        let stored = self
            .store
            .save_post_model(&version, &to_json(&model)?, &to_json(&evaluation)?, simulated, now)
            .await?;
        tracing::info!(version, auc = ?evaluation.learned.auc, brier = evaluation.learned.brier, "P(post) model trained");
        entry(&stored, self.store.post_model_in_use().await?)
    }

    /// Uses learned model `id` for P(post) from now on.
    pub async fn adopt_post_model(&self, id: i64) -> Result<()> {
        Ok(self.store.adopt_post_model(Some(id), Utc::now()).await?)
    }

    /// Goes back to the default P(post) model (TikTok's signals alone).
    pub async fn use_default_post_model(&self) -> Result<()> {
        Ok(self.store.adopt_post_model(None, Utc::now()).await?)
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| AppError::Internal(format!("cannot store the P(post) model: {e}")))
}
