//! The results report for a selection, the seller's exchange rates, and assigning the orders no
//! collaboration claims.

use super::ledgers::{assemble, CampaignInfo};
use crate::{AppError, Result, Workspace};
use scout_domain::{
    Conversion, CreditOutcome, CreditPreview, Period, ResultsQuery, ResultsReport, UnattributedOrder,
    UnattributedPage, UnattributedQuery,
};

const RATES_KEY: &str = "results.exchange_rates";

impl Workspace {
    /// The report: ledgers per campaign, creator and product and in total, weekly sales, the funnel,
    /// how many orders wait to be assigned, and what the model could learn. Brings attribution up to
    /// date first when collaborations changed since the last import.
    pub async fn results_report(&self, query: &ResultsQuery) -> Result<ResultsReport> {
        check_period(query.period())?;
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
        let inputs = self.store.report_inputs_in(query.campaign_id, query.period()).await?;
        let (currencies, warnings) = assemble(&inputs, &campaigns, conversion.as_ref())?;
        let counts = self.store.attribution_counts_in(None, query.period()).await?;
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

    /// Order lines no collaboration claims in a period, optionally of one creator, newest first.
    pub async fn unattributed_orders_in(
        &self,
        query: &UnattributedQuery,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<UnattributedOrder>> {
        check_period(query.period())?;
        self.store.reattribute_orders().await?;
        Ok(self.store.unattributed_orders_in(query, offset, limit.min(500)).await?)
    }

    /// The unattributed orders of a period grouped by the creator they came through, most orders first.
    pub async fn unattributed_groups(
        &self,
        query: &UnattributedQuery,
        offset: u64,
        limit: u64,
    ) -> Result<UnattributedPage> {
        check_period(query.period())?;
        self.store.reattribute_orders().await?;
        Ok(self.store.unattributed_groups(query, offset, limit.min(500)).await?)
    }

    /// What crediting order lines to a creator in a campaign would do (the stages, the window, the
    /// creator's other orders it claims), said before the seller confirms.
    pub async fn credit_preview(
        &self,
        line_ids: &[i64],
        campaign_id: i64,
        creator_id: i64,
    ) -> Result<CreditPreview> {
        self.check_credit(line_ids, campaign_id).await?;
        self.store.credit_preview(line_ids, campaign_id, creator_id).await.map_err(credit_error)
    }

    /// Credits order lines to a creator in a campaign: a collaboration made on the spot (on the board
    /// at content posted, "credited by hand" on the timeline), the lines assigned for good, and the
    /// creator's other orders in the collaboration's window claimed with them.
    pub async fn credit_orders(
        &self,
        line_ids: &[i64],
        campaign_id: i64,
        creator_id: i64,
    ) -> Result<CreditOutcome> {
        self.check_credit(line_ids, campaign_id).await?;
        self.store.credit_orders(line_ids, campaign_id, creator_id).await.map_err(credit_error)
    }

    async fn check_credit(&self, line_ids: &[i64], campaign_id: i64) -> Result<()> {
        if line_ids.is_empty() {
            return Err(AppError::InvalidField {
                field: "orders".into(),
                message: "choose at least one order to credit".into(),
            });
        }
        let campaign = self.store.campaign(campaign_id).await?;
        if campaign.simulated {
            return Err(AppError::InvalidField {
                field: "campaign".into(),
                message: format!(
                    "“{}” is simulated: credit orders to one of your own campaigns",
                    campaign.spec.name
                ),
            });
        }
        Ok(())
    }

    /// Assigns order lines to a collaboration by hand; later imports keep the assignment.
    pub async fn assign_orders(&self, line_ids: &[i64], campaign_id: i64, creator_id: i64) -> Result<u64> {
        if line_ids.is_empty() {
            return Err(AppError::InvalidInput("choose at least one order to assign".into()));
        }
        Ok(self.store.assign_orders(line_ids, campaign_id, creator_id).await?)
    }
}

/// Refuses a period that ends before it starts, naming the field.
fn check_period(period: Period) -> Result<()> {
    let problems = period.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::InvalidFields(problems))
    }
}

/// A refusal about the credit's campaign or orders names that field; the rest pass through.
fn credit_error(e: scout_store::StoreError) -> AppError {
    match e {
        scout_store::StoreError::Domain(scout_domain::DomainError::InvalidRecord { field, problem }) => {
            AppError::InvalidField { field: field.into(), message: problem }
        }
        other => other.into(),
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
