//! The model card and the model's life cycle: train a model on the workspace's outcomes, compare it with
//! the default on the newest outcomes (held out by time), and adopt it — or go back — only when the
//! seller says so. Nothing switches silently: every switch is recorded.

use crate::campaigns::matching::default_model;
use crate::{AppError, Result, Workspace};
use chrono::{DateTime, Utc};
use scout_match::{
    past_results, train_and_evaluate, Example, Feature, LinearModel, ModelEvaluation, ModelFile, Target,
    TrainParams,
};
use scout_store::{OutcomeCounts, OutcomeSource, StoredModel};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::Instant;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LearnedModel {
    #[ts(type = "number")]
    pub id: i64,
    pub model: ModelFile,
    pub evaluation: ModelEvaluation,
    pub trained_at: DateTime<Utc>,
    pub in_use: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ModelCard {
    pub default_model: ModelFile,
    /// Newest first.
    pub learned: Vec<LearnedModel>,
    /// The learned model in use; `None` = the default model.
    #[ts(type = "number | null")]
    pub in_use: Option<i64>,
    pub outcomes: OutcomeCounts,
    /// The fewest outcomes training accepts.
    pub min_outcomes: u32,
}

fn learned(stored: &StoredModel, in_use: Option<i64>) -> Result<LearnedModel> {
    let corrupt = |what: &str, e: serde_json::Error| {
        AppError::Internal(format!("stored model {} {what}: {e}", stored.version))
    };
    Ok(LearnedModel {
        id: stored.id,
        model: serde_json::from_str(&stored.model_json).map_err(|e| corrupt("parameters", e))?,
        evaluation: serde_json::from_str(&stored.evaluation_json).map_err(|e| corrupt("evaluation", e))?,
        trained_at: stored.trained_at,
        in_use: in_use == Some(stored.id),
    })
}

impl Workspace {
    pub async fn model_card(&self) -> Result<ModelCard> {
        let in_use = self.store.adoptions().await?.first().and_then(|(id, _)| *id);
        let learned =
            self.store.list_models().await?.iter().map(|m| learned(m, in_use)).collect::<Result<_>>()?;
        Ok(ModelCard {
            default_model: default_model()?.file().clone(),
            learned,
            in_use,
            outcomes: self.store.outcome_counts().await?,
            min_outcomes: TrainParams::default().min_examples as u32,
        })
    }

    /// The outcomes as training examples: each creator's features for the campaign they were invited to.
    /// "Past results with you" counts only invitations *before* that one — the outcome being predicted
    /// (and any later one) must not leak into its own features.
    pub async fn training_examples(&self) -> Result<(Vec<Example>, bool)> {
        let outcomes = self.store.outcomes().await?;
        let index = self.match_index().await?;
        let mut targets: HashMap<i64, Target> = HashMap::new();
        let mut examples = Vec::with_capacity(outcomes.len());
        let mut simulated = false;
        // Outcomes come oldest first: (invitations, posts) seen so far per creator, and the day they end.
        let mut earlier: HashMap<i64, (u32, u32)> = HashMap::new();
        let mut same_day: Vec<(i64, bool)> = Vec::new();
        let mut day = None;
        for o in &outcomes {
            if day != Some(o.invited_on) {
                for (creator, posted) in same_day.drain(..) {
                    let e = earlier.entry(creator).or_default();
                    *e = (e.0 + 1, e.1 + u32::from(posted));
                }
                day = Some(o.invited_on);
            }
            same_day.push((o.creator_id, o.posted));
            let Some(row) = index.row_of(o.creator_id) else { continue };
            let target = match targets.entry(o.campaign_id) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let campaign = self.store.campaign(o.campaign_id).await?;
                    e.insert(Target::compile(&campaign.spec, &index))
                }
            };
            let mut values = target.assess(&index, row).values;
            let (invited, posted) = earlier.get(&o.creator_id).copied().unwrap_or_default();
            values[Feature::PastResults.index()] = past_results(invited, posted);
            simulated |= o.source == OutcomeSource::Simulated;
            examples.push(Example {
                campaign_id: o.campaign_id,
                values,
                active: *target.active(),
                posted: o.posted,
                gmv_usd: crate::campaigns::matching::money_usd(o.gmv_minor, &o.currency),
                invited_on: o.invited_on,
            });
        }
        Ok((examples, simulated))
    }

    /// Trains a model on the workspace's outcomes and stores it with its evaluation. It is not used
    /// until adopted.
    #[tracing::instrument(skip(self))]
    pub async fn train_model(&self) -> Result<LearnedModel> {
        let (examples, simulated) = self.training_examples().await?;
        let default = default_model()?;
        let today = Utc::now().date_naive();
        let version = format!("learned-{}-{}", today, self.store.list_models().await?.len() + 1);
        let started = Instant::now();
        let (model, evaluation) = tokio::task::spawn_blocking({
            let version = version.clone();
            move || {
                train_and_evaluate(&TrainParams::default(), examples, &default, &version, today, simulated)
            }
        })
        .await
        .map_err(|e| AppError::Internal(format!("training stopped: {e}")))?
        .map_err(|e| AppError::InvalidInput(e.to_string()))?;
        tracing::info!(
            ms = started.elapsed().as_millis() as u64,
            train = evaluation.train_examples,
            "model trained"
        );
        let stored = self
            .store
            .save_model(
                &version,
                &model.to_json(),
                &serde_json::to_string(&evaluation).unwrap_or_default(),
                simulated,
            )
            .await?;
        learned(&stored, None)
    }

    /// Puts a learned model in use.
    pub async fn adopt_model(&self, id: i64) -> Result<()> {
        Ok(self.store.adopt_model(Some(id)).await?)
    }

    /// Goes back to the default model.
    pub async fn use_default_model(&self) -> Result<()> {
        Ok(self.store.adopt_model(None).await?)
    }

    /// The model a stored learned model is, for scoring with it directly (CLI evaluation).
    pub async fn learned_model(&self, id: i64) -> Result<LinearModel> {
        let stored = self.store.model(id).await?;
        LinearModel::from_json(&stored.model_json).map_err(|e| AppError::Internal(e.to_string()))
    }
}
