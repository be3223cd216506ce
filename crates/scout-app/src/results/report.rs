//! The results report for a selection, the seller's exchange rates, and assigning the orders no
//! collaboration claims.

use super::ledgers::{assemble, CampaignInfo};
use crate::{AppError, Result, Workspace};
use scout_domain::{Conversion, ResultsQuery, ResultsReport, UnattributedOrder};

const RATES_KEY: &str = "results.exchange_rates";

impl Workspace {
    /// The report: ledgers per campaign, creator and product and in total, weekly sales, the funnel,
    /// how many orders wait to be assigned, and what the model could learn. Brings attribution up to
    /// date first when collaborations changed since the last import.
    pub async fn results_report(&self, query: &ResultsQuery) -> Result<ResultsReport> {
        if let Some(id) = query.campaign_id {
            self.store.campaign(id).await?;
        }
        self.store.reattribute_orders().await?;
        let conversion = match &query.currency {
            None => None,
            Some(to) => {
                let saved = self.exchange_rates().await?;
                match saved {
                    Some(c) if &c.to == to => Some(c),
                    Some(c) => {
                        return Err(AppError::InvalidInput(format!(
                            "the saved exchange rates convert into {}, not {to}: change them under Exchange rates",
                            c.to
                        )))
                    }
                    None => Some(Conversion { to: to.clone(), rates: Vec::new() }),
                }
            }
        };
        let campaigns: Vec<CampaignInfo> = self
            .store
            .list_campaigns()
            .await?
            .into_iter()
            .map(|c| CampaignInfo { id: c.id, name: c.spec.name.clone(), product: c.spec.product })
            .collect();
        let inputs = self.store.report_inputs(query.campaign_id).await?;
        let (currencies, warnings) = assemble(&inputs, &campaigns, conversion.as_ref())?;
        let counts = self.store.attribution_counts(None).await?;
        let learning = self.learning_progress().await?;
        Ok(ResultsReport {
            currencies,
            conversion,
            funnel: inputs.funnel,
            unattributed_lines: counts.unattributed,
            learning,
            warnings,
        })
    }

    /// The seller's saved exchange rates, if any.
    pub async fn exchange_rates(&self) -> Result<Option<Conversion>> {
        Ok(self.json_setting::<Option<Conversion>>(RATES_KEY).await?.flatten())
    }

    /// Saves (or, with `None`, forgets) the seller's exchange rates.
    pub async fn save_exchange_rates(&self, rates: Option<&Conversion>) -> Result<()> {
        match rates {
            Some(c) => {
                c.validate().map_err(|e| crate::error::domain_error(e, ""))?;
                self.set_json_setting(RATES_KEY, c).await
            }
            None => self.set_json_setting(RATES_KEY, &Option::<Conversion>::None).await,
        }
    }

    /// Order lines no collaboration claims, newest first, with the reason.
    pub async fn unattributed_orders(&self, offset: u64, limit: u64) -> Result<Vec<UnattributedOrder>> {
        self.store.reattribute_orders().await?;
        Ok(self.store.unattributed_orders(offset, limit.min(500)).await?)
    }

    /// Assigns order lines to a collaboration by hand; later imports keep the assignment.
    pub async fn assign_orders(&self, line_ids: &[i64], campaign_id: i64, creator_id: i64) -> Result<u64> {
        if line_ids.is_empty() {
            return Err(AppError::InvalidInput("choose at least one order to assign".into()));
        }
        Ok(self.store.assign_orders(line_ids, campaign_id, creator_id).await?)
    }
}

/// Retraining is suggested after this many new outcomes of the seller's own.
pub const RETRAIN_AFTER_NEW_OUTCOMES: u64 = 20;

impl Workspace {
    /// Records finished collaborations as outcomes and says whether retraining is due: enough new
    /// outcomes since the newest model, and enough outcomes in all for training to run.
    pub async fn learning_progress(&self) -> Result<scout_domain::LearningProgress> {
        self.store.record_pipeline_outcomes().await?;
        let since = self.store.last_trained_at().await?;
        let (outcomes, new_since_training) = self.store.own_outcome_counts(since).await?;
        let all = self.store.outcome_counts().await?.total;
        let enough = all >= scout_match::TrainParams::default().min_examples as u64;
        Ok(scout_domain::LearningProgress {
            outcomes,
            new_since_training,
            suggest_retrain: new_since_training >= RETRAIN_AFTER_NEW_OUTCOMES && enough,
        })
    }
}
