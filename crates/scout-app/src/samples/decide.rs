//! Deciding sample requests: the seller approves or rejects, one by one or in bulk, with TikTok Shop's
//! reject reasons. Each decision is recorded with its reason and the numbers it saw, and its review is
//! queued in the TikTok actions outbox in the same transaction; the outbox sends it (crash-safe,
//! checked on TikTok Shop after a stop). A batch is all or none.

use crate::tiktok_actions::review_payload;
use crate::{AppError, Result, Workspace};
use scout_match::samples::SampleAssessment;
use scout_store::{DecidedBy, NewSampleDecision, SampleDecision, SampleRequest, SampleVerdict};
use scout_tiktok::{RejectReason, ReviewDecision};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many requests one decision batch may hold.
pub const MAX_DECISIONS_AT_ONCE: usize = 500;

/// One decision the seller makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleChoice {
    pub application_id: String,
    pub decision: ReviewDecision,
    /// The seller's own words, kept with the decision.
    pub note: Option<String>,
}

/// What a decision saw: TikTok Shop's signals on the request when it was made (and, when Scout could
/// assess it, its own numbers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DecisionSeen {
    pub status: String,
    /// 90-day fulfilment, a share 0–1.
    pub fulfilment_90d: Option<f64>,
    /// 30-day GMV, in the currency's minor units.
    #[ts(type = "number | null")]
    pub gmv_30d_minor: Option<i64>,
    pub gmv_currency: Option<String>,
    #[ts(type = "number | null")]
    pub median_video_views: Option<u64>,
    pub approvable: bool,
    /// Scout's P(post), expected GMV and net value, explained, when it could assess the request.
    pub assessment: Option<SampleAssessment>,
}

impl DecisionSeen {
    pub(crate) fn with_assessment(r: &SampleRequest, assessment: SampleAssessment) -> DecisionSeen {
        DecisionSeen { assessment: Some(assessment), ..DecisionSeen::of(r) }
    }

    pub(crate) fn of(r: &SampleRequest) -> DecisionSeen {
        DecisionSeen {
            assessment: None,
            status: r.status.clone(),
            fulfilment_90d: r.fulfilment_90d.map(|b| f64::from(b.0) / 10_000.0),
            gmv_30d_minor: r.gmv_30d.as_ref().map(|m| m.minor),
            gmv_currency: r.gmv_30d.as_ref().map(|m| m.currency.to_string()),
            median_video_views: r.median_video_views,
            approvable: r.approvable,
        }
    }
}

impl Workspace {
    /// Records the seller's decisions and queues their reviews, all or none. Refused, naming the request:
    /// one not in the workspace, not pending, already decided, an approval TikTok Shop says it cannot
    /// take, or an approval for a creator on the do-not-contact list.
    pub async fn decide_samples(&self, choices: &[SampleChoice]) -> Result<Vec<SampleDecision>> {
        if choices.is_empty() {
            return Err(AppError::InvalidInput("choose at least one sample request to decide".into()));
        }
        if choices.len() > MAX_DECISIONS_AT_ONCE {
            return Err(AppError::InvalidInput(format!(
                "{} sample requests chosen; at most {MAX_DECISIONS_AT_ONCE} can be decided at once",
                choices.len()
            )));
        }
        // What Scout made of each request when the seller decided (none when it cannot assess them).
        let ids: Vec<String> = choices.iter().map(|c| c.application_id.clone()).collect();
        let mut assessed: std::collections::HashMap<String, SampleAssessment> =
            match self.assess_sample_requests(Some(&ids)).await {
                Ok(all) => all.into_iter().map(|a| (a.application_id.clone(), a)).collect(),
                Err(e) => {
                    tracing::info!(error = %e, "decisions recorded without Scout's assessment");
                    Default::default()
                }
            };
        let mut decisions = Vec::with_capacity(choices.len());
        for c in choices {
            let request = self.sample_request(&c.application_id).await?;
            if c.decision == ReviewDecision::Approve && !request.approvable {
                return Err(AppError::InvalidField {
                    field: format!("samples.{}", c.application_id),
                    message: format!(
                        "sample request {}: TikTok Shop does not let this request be approved (see it on TikTok \
                         Shop); reject it or leave it; nothing was decided",
                        c.application_id
                    ),
                });
            }
            let note = c.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
            let seen = match assessed.remove(&c.application_id) {
                Some(a) => DecisionSeen::with_assessment(&request, a),
                None => DecisionSeen::of(&request),
            };
            let seen = serde_json::to_string(&seen)
                .map_err(|e| AppError::Internal(format!("the decision's numbers: {e}")))?;
            decisions.push(
                self.new_decision(
                    &request,
                    c.decision,
                    DecidedBy::Seller,
                    reason_words(c.decision, note),
                    seen,
                )
                .await?,
            );
        }
        self.record_decisions(&decisions).await
    }

    /// A decision for `request` with its review, keyed so the same decision queued twice is one review.
    pub(crate) async fn new_decision(
        &self,
        request: &SampleRequest,
        decision: ReviewDecision,
        by: DecidedBy,
        reason: String,
        seen_json: String,
    ) -> Result<NewSampleDecision> {
        let earlier = self.store.sample_decisions(&request.application_id).await?.len();
        let (verdict, reject_reason) = match decision {
            ReviewDecision::Approve => (SampleVerdict::Approve, None),
            ReviewDecision::Reject(r) => (SampleVerdict::Reject, Some(r.as_wire().to_string())),
        };
        Ok(NewSampleDecision {
            application_id: request.application_id.clone(),
            verdict,
            reject_reason,
            decided_by: by,
            reason,
            seen_json,
            idempotency_key: format!("sample-review:{}:{earlier}", request.application_id),
            payload_json: review_payload(&decision),
        })
    }

    pub(crate) async fn record_decisions(
        &self,
        decisions: &[NewSampleDecision],
    ) -> Result<Vec<SampleDecision>> {
        self.store.record_sample_decisions(decisions).await?;
        let mut recorded = Vec::with_capacity(decisions.len());
        for d in decisions {
            if let Some(last) = self.store.sample_decisions(&d.application_id).await?.pop() {
                recorded.push(last);
            }
        }
        Ok(recorded)
    }

    /// Every decision on a request, oldest first, with where its review stands.
    pub async fn sample_decisions(&self, application_id: &str) -> Result<Vec<SampleDecision>> {
        Ok(self.store.sample_decisions(application_id).await?)
    }

    /// A stored request, or an error naming it.
    pub async fn sample_request(&self, application_id: &str) -> Result<SampleRequest> {
        self.store.sample_request(application_id).await?.ok_or_else(|| AppError::InvalidField {
            field: format!("samples.{application_id}"),
            message: format!(
                "no sample request '{application_id}' in this workspace: sync the samples from TikTok Shop first"
            ),
        })
    }
}

/// A decision's reason in words: the seller's note, or what they chose.
fn reason_words(decision: ReviewDecision, note: Option<&str>) -> String {
    match (decision, note) {
        (_, Some(note)) => note.to_string(),
        (ReviewDecision::Approve, None) => "approved by the seller".into(),
        (ReviewDecision::Reject(r), None) => format!("rejected by the seller: {}", reject_words(r)),
    }
}

/// TikTok Shop's reject reason, as the seller reads it.
pub fn reject_words(r: RejectReason) -> &'static str {
    match r {
        RejectReason::NotMatch => "not a match",
        RejectReason::Offline => "product offline",
        RejectReason::OutOfStock => "out of stock",
        RejectReason::Other => "other",
    }
}
