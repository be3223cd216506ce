//! The approval rule in the workspace: stored off by default, shown first as what it would have
//! decided on the past 90 days' requests, turned on only explicitly and only after that backtest of
//! these very settings. What it decides is pure (`scout_match::samples::decide`): the lead's review
//! code records and sends it.

use super::economics::economics_of;
use super::outcomes::{outcome_of, requested_on, sales_history_of, signals_of};
use crate::{AppError, Result, Workspace};
use chrono::{DateTime, Duration, Utc};
use scout_domain::{BasisPoints, Money};
use scout_match::samples::{
    assess_request, backtest, decide, Backtest, PastRequest, RuleDecision, RuleVerdict, SampleAssessment,
    SampleRule,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// The past days a backtest looks at by default.
pub const BACKTEST_DAYS: u32 = 90;

/// The rule and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleRuleState {
    pub rule: SampleRule,
    pub enabled: bool,
    /// When these settings were last backtested; the rule can be turned on only after that.
    pub backtested_at: Option<DateTime<Utc>>,
    /// `false`: the seller never set a rule; `rule` is the example, in the shop's currency.
    pub saved: bool,
}

impl Workspace {
    /// The stored rule, or the example rule (off, not saved) when none was set.
    pub async fn sample_rule(&self) -> Result<SampleRuleState> {
        Ok(match self.store.sample_rule().await? {
            Some(r) => SampleRuleState {
                rule: SampleRule {
                    min_p_post: f64::from(r.min_p_post.0) / 10_000.0,
                    min_net_value: r.min_net_value,
                    daily_limit: r.daily_limit,
                    reject_below: r.reject_below,
                },
                enabled: r.enabled,
                backtested_at: r.backtested_at,
                saved: true,
            },
            None => SampleRuleState {
                rule: SampleRule::example(self.shop_currency().await?),
                enabled: false,
                backtested_at: None,
                saved: false,
            },
        })
    }

    /// Saves the rule's settings; a change turns the rule off until it is backtested and turned on again.
    pub async fn set_sample_rule(&self, rule: &SampleRule) -> Result<SampleRuleState> {
        rule.check().map_err(|e| match &e {
            scout_match::MatchError::Rule { field, .. } => {
                AppError::InvalidField { field: (*field).to_string(), message: e.to_string() }
            }
            _ => AppError::Internal(e.to_string()),
        })?;
        let p = BasisPoints((rule.min_p_post * 10_000.0).round() as u32);
        self.store
            .set_sample_rule(p, &rule.min_net_value, rule.daily_limit, rule.reject_below, Utc::now())
            .await?;
        self.sample_rule().await
    }

    /// What the rule would have decided on the requests of the last `days` days (each day's limit fresh),
    /// by the model in use and today's economics; notes that these settings were backtested (saving the
    /// example rule first when none was set).
    #[tracing::instrument(skip(self))]
    pub async fn backtest_sample_rule(&self, days: u32) -> Result<Backtest> {
        let state = self.sample_rule().await?;
        if !state.saved {
            self.set_sample_rule(&state.rule).await?;
        }
        let now = Utc::now();
        let since = (now - Duration::days(i64::from(days.max(1)))).date_naive();
        let (rows, profiles) = self.sample_history_with_profiles().await?;
        let model = self.active_post_model().await?;
        let economics: HashMap<String, _> = self
            .store
            .list_sample_economics()
            .await?
            .iter()
            .map(|e| (e.product_id.clone(), economics_of(e)))
            .collect();
        let mut past = Vec::new();
        for r in rows.iter().filter(|r| r.status != "PENDING" && requested_on(r) >= since) {
            let day = requested_on(r);
            // Only posts of requests made before that day value a post, as the seller knew then.
            let history = sales_history_of(&rows, Some(day));
            let e = economics.get(&r.product_id);
            let signals = signals_of(r, r.creator_id.and_then(|c| profiles.get(&c)));
            let assessment = assess_request(&r.application_id, &r.product_id, &model, &signals, &history, e);
            let posted = outcome_of(r, now);
            let realized_net_value = match (posted, e) {
                (Some(_), Some(e)) => {
                    let costs = e.sample_cost.minor + e.shipping.minor;
                    let sold = match &e.price {
                        Some(price) => Some(
                            (r.paid_orders as f64 * price.minor as f64 * f64::from(e.margin.0) / 10_000.0)
                                .round() as i64,
                        ),
                        None if r.paid_orders == 0 => Some(0),
                        None => None,
                    };
                    sold.map(|s| Money::new(s - costs, e.sample_cost.currency.clone()))
                }
                _ => None,
            };
            past.push(PastRequest { assessment, requested_on: day, posted, realized_net_value });
        }
        let result = backtest(&state.rule, &past);
        self.store.mark_sample_rule_backtested(now).await?;
        Ok(result)
    }

    /// Turns the rule on (only once these settings were backtested) or off.
    pub async fn turn_sample_rule(&self, on: bool) -> Result<SampleRuleState> {
        let state = self.sample_rule().await?;
        if on && state.backtested_at.is_none() {
            return Err(AppError::InvalidInput(
                "the rule's backtest has not been shown for these settings: run `scout samples rule backtest` \
                 first; the rule stays off"
                    .into(),
            ));
        }
        self.store.enable_sample_rule(on, Utc::now()).await?;
        self.sample_rule().await
    }

    /// What the stored rule (on or off: this only says what it would do) decides for `assessments`,
    /// `approved_today` approvals already made today; a request TikTok does not let the seller approve
    /// is left to the seller, and so is one no longer pending.
    pub async fn rule_decisions(
        &self,
        assessments: &[SampleAssessment],
        approved_today: u32,
    ) -> Result<Vec<RuleDecision>> {
        let rule = self.sample_rule().await?.rule;
        let rows = self.store.sample_history().await?;
        let open: HashSet<&str> = rows
            .iter()
            .filter(|r| r.status == "PENDING" && r.approvable)
            .map(|r| r.application_id.as_str())
            .collect();
        let (reviewable, closed): (Vec<&SampleAssessment>, Vec<&SampleAssessment>) =
            assessments.iter().partition(|a| open.contains(a.application_id.as_str()));
        let reviewable: Vec<SampleAssessment> = reviewable.into_iter().cloned().collect();
        let mut decided: HashMap<String, RuleDecision> = decide(&rule, &reviewable, approved_today)
            .into_iter()
            .map(|d| (d.application_id.clone(), d))
            .collect();
        for a in closed {
            decided.insert(
                a.application_id.clone(),
                RuleDecision {
                    application_id: a.application_id.clone(),
                    verdict: RuleVerdict::Leave,
                    reason: "left to you: not a pending request TikTok Shop lets you approve".into(),
                    p_post: a.chance.p_post,
                    model_version: a.chance.model_version.clone(),
                    expected_gmv: a.expected_gmv.as_ref().map(|g| g.amount.clone()),
                    net_value: a.net_value.clone(),
                },
            );
        }
        Ok(assessments.iter().filter_map(|a| decided.remove(&a.application_id)).collect())
    }
}
