//! Running the approval rule after a sync, once the seller turned it on: every pending request nobody
//! decided yet is assessed, the rule decides (best net value first, up to the day's limit, counting
//! every approval since midnight UTC, by hand or by rule), and each approval or rejection is recorded
//! as decided by the rule — its reason and the numbers it saw — with its review queued for the outbox,
//! all in one transaction. A request decided before (by anyone, whatever became of its review) is never decided
//! again by the rule, nor one whose creator is on the do-not-contact list; requests left to the seller
//! stay pending.

use super::decide::DecisionSeen;
use super::follow::SampleFollowReport;
use crate::{Result, SampleSyncReport, Workspace};
use chrono::Utc;
use scout_match::samples::RuleVerdict;
use scout_store::DecidedBy;
use scout_tiktok::{RejectReason, ReviewDecision};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// What one run of the rule did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleRun {
    pub approved: u32,
    pub rejected: u32,
    /// Left to the seller: over the day's limit, net value unknown, or not approvable on TikTok Shop.
    pub left: u32,
}

/// A sync and what the rule did after it (`None`: the rule is off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SamplesSynced {
    #[serde(flatten)]
    pub sync: SampleSyncReport,
    pub rule: Option<RuleRun>,
    /// Shipments and posts carried onto the pipeline, post reminders queued.
    pub follow: SampleFollowReport,
}

impl Workspace {
    /// Syncs the shop's sample requests, runs the rule when the seller turned it on, and follows the
    /// samples on their way (the pipeline, the post reminders; `follow.rs`).
    pub async fn sync_samples_and_apply_rule(&self) -> Result<SamplesSynced> {
        let sync = self.sync_sample_requests().await?;
        let rule =
            if self.sample_rule().await?.enabled { Some(self.apply_sample_rule().await?) } else { None };
        let follow = self.follow_samples(Utc::now()).await?;
        Ok(SamplesSynced { sync, rule, follow })
    }

    /// Decides, by the rule, every pending request nobody decided yet (see the module's notes). Runs
    /// whether or not the rule is on: callers check [`Workspace::sample_rule`]'s `enabled` first.
    pub async fn apply_sample_rule(&self) -> Result<RuleRun> {
        let pending =
            self.store.list_sample_requests(Some("PENDING"), scout_store::SAMPLE_LIST_LIMIT, 0).await?;
        let ids: Vec<String> = pending.rows.iter().map(|r| r.application_id.clone()).collect();
        let decided = self.store.latest_sample_decisions(&ids).await?;
        // Decided already — by anyone, whatever became of its review (a request whose review was cancelled
        // or refused is decided again by the seller only).
        let undecided: Vec<String> = ids.into_iter().filter(|id| !decided.contains_key(id)).collect();
        let mut run = RuleRun::default();
        // A creator on the do-not-contact list is left to the seller (an approval would be refused, and
        // with it the whole batch).
        let mut open = Vec::with_capacity(undecided.len());
        for id in undecided {
            let creator = pending.rows.iter().find(|r| r.application_id == id).and_then(|r| r.creator_id);
            match creator {
                Some(c) if self.store.suppression_reason(c).await?.is_some() => run.left += 1,
                _ => open.push(id),
            }
        }
        let undecided = open;
        if undecided.is_empty() {
            return Ok(run);
        }
        let assessments = self.assess_sample_requests(Some(&undecided)).await?;
        let midnight =
            Utc::now().date_naive().and_hms_opt(0, 0, 0).map(|t| t.and_utc()).unwrap_or_else(Utc::now);
        let approved_today = self.store.approvals_since(midnight).await?;
        let verdicts =
            self.rule_decisions(&assessments, u32::try_from(approved_today).unwrap_or(u32::MAX)).await?;
        let requests: std::collections::HashMap<&str, _> =
            pending.rows.iter().map(|r| (r.application_id.as_str(), r)).collect();
        let mut decisions = Vec::new();
        let mut seen_ids = HashSet::new();
        for (verdict, assessment) in verdicts.iter().zip(&assessments) {
            let decision = match verdict.verdict {
                RuleVerdict::Approve => ReviewDecision::Approve,
                RuleVerdict::Reject => ReviewDecision::Reject(RejectReason::NotMatch),
                RuleVerdict::Leave => {
                    run.left += 1;
                    continue;
                }
            };
            let Some(request) = requests.get(verdict.application_id.as_str()) else { continue };
            if !seen_ids.insert(verdict.application_id.clone()) {
                continue;
            }
            let seen = DecisionSeen::with_assessment(request, assessment.clone());
            let seen = serde_json::to_string(&seen)
                .map_err(|e| crate::AppError::Internal(format!("the rule's numbers: {e}")))?;
            let reason = format!("by the rule: {}", verdict.reason);
            decisions.push(self.new_decision(request, decision, DecidedBy::Rule, reason, seen).await?);
            match decision {
                ReviewDecision::Approve => run.approved += 1,
                ReviewDecision::Reject(_) => run.rejected += 1,
            }
        }
        if !decisions.is_empty() {
            self.record_decisions(&decisions).await?;
        }
        tracing::info!(approved = run.approved, rejected = run.rejected, left = run.left, "sample rule ran");
        Ok(run)
    }
}
