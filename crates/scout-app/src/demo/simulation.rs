//! Simulated campaign history for the demo workspace and for trying the model card: campaigns and
//! outcomes drawn from known effects by `scout_demo::history`, stored with every row marked
//! simulated (campaign flag and name, outcome source), so nothing simulated passes for the seller's own.

use crate::{Result, Workspace};
use chrono::Utc;
use scout_demo::history::{simulate, HistoryConfig};
use scout_domain::CampaignSpec;
use scout_store::{Outcome, OutcomeSource};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SimulationReport {
    pub campaigns: u32,
    pub outcomes: u32,
    pub posted: u32,
}

fn cents(usd: f64) -> i64 {
    (usd * 100.0).round() as i64
}

impl Workspace {
    /// Adds `campaigns` simulated campaigns, each inviting `invites` creators of the workspace.
    #[tracing::instrument(skip(self))]
    pub async fn simulate_history(
        &self,
        seed: u64,
        campaigns: usize,
        invites: usize,
    ) -> Result<SimulationReport> {
        let index = self.match_index().await?;
        let cfg =
            HistoryConfig { seed, campaigns, invites_per_campaign: invites, until: Utc::now().date_naive() };
        let history = tokio::task::spawn_blocking(move || simulate(&index, &cfg))
            .await
            .map_err(|e| crate::AppError::Internal(format!("simulation stopped: {e}")))?;
        let mut ids = Vec::with_capacity(history.campaigns.len());
        for spec in &history.campaigns {
            crate::campaigns::check_spec(spec)?;
            ids.push(self.store.create_campaign(spec, true).await?.id);
        }
        let outcomes: Vec<Outcome> = history
            .outcomes
            .iter()
            .map(|o| Outcome {
                campaign_id: ids[o.campaign],
                creator_id: o.creator_id,
                invited_on: o.invited_on,
                replied: o.replied,
                accepted: o.accepted,
                posted: o.posted,
                gmv_minor: cents(o.gmv_usd),
                cost_minor: cents(o.cost_usd),
                currency: "USD".into(),
                source: OutcomeSource::Simulated,
            })
            .collect();
        self.store.record_outcomes(&outcomes).await?;
        Ok(SimulationReport {
            campaigns: ids.len() as u32,
            outcomes: outcomes.len() as u32,
            posted: outcomes.iter().filter(|o| o.posted).count() as u32,
        })
    }

    /// Adds an example campaign (for the demo workspace): a serum launch aimed at young US women.
    pub async fn add_example_campaign(&self) -> Result<scout_store::Campaign> {
        let spec: CampaignSpec = serde_json::from_str(EXAMPLE_CAMPAIGN)
            .map_err(|e| crate::AppError::Internal(format!("the example campaign: {e}")))?;
        self.create_campaign(&spec).await
    }
}

/// The example campaign (a serum launch aimed at young US women), shared with tests.
pub const EXAMPLE_CAMPAIGN: &str = include_str!("../../../../fixtures/campaigns/example.json");
