//! Sample reviews as TikTok actions: the payload is the decision (approve, or reject with TikTok's
//! reason); performing it is one review call; a landed review gives the request TikTok's next status
//! (AWAITING_SHIPMENT after an approval, REJECT_CANCELLED after a rejection); an uncertain one is
//! checked by searching the creator's requests for the product and reading the request's status.

use super::{ActionOutcome, CheckOutcome};
use crate::{AppError, Result, Workspace};
use scout_store::{Action, ActionState};
use scout_tiktok::{ReviewDecision, SampleQuery, SampleStatus, TiktokClient, TiktokError};

/// The stored payload of a review.
pub fn review_payload(decision: &ReviewDecision) -> String {
    serde_json::to_string(decision).unwrap_or_default()
}

fn decision_of(action: &Action) -> Result<ReviewDecision> {
    serde_json::from_str(&action.payload_json).map_err(|e| {
        AppError::Internal(format!("TikTok action {}: the stored review is unreadable: {e}", action.id))
    })
}

/// The status a request takes on TikTok Shop once `decision` landed.
fn status_after(decision: &ReviewDecision) -> SampleStatus {
    match decision {
        ReviewDecision::Approve => SampleStatus::AwaitingShipment,
        ReviewDecision::Reject(_) => SampleStatus::RejectCancelled,
    }
}

/// Whether a request in `status` shows that `decision` landed.
fn shows(decision: &ReviewDecision, status: SampleStatus) -> bool {
    use SampleStatus::*;
    match decision {
        ReviewDecision::Approve => {
            matches!(
                status,
                AwaitingShipment
                    | Shipped
                    | ContentPending
                    | Completed
                    | UnfulfillCancelled
                    | SellerNotShipCancelled
            )
        }
        ReviewDecision::Reject(_) => status == RejectCancelled,
    }
}

impl Workspace {
    pub(super) async fn perform_review(
        &self,
        client: &TiktokClient,
        action: &Action,
    ) -> std::result::Result<ActionOutcome, TiktokError> {
        let decision = match decision_of(action) {
            Ok(d) => d,
            Err(e) => return Ok(ActionOutcome::Failed(e.to_string())),
        };
        // Put on the do-not-contact list since it was queued (a check may have queued it again): no sample.
        if let (ReviewDecision::Approve, Some(creator_id)) = (decision, action.creator_id) {
            match self.store.suppression_reason(creator_id).await {
                Ok(Some(reason)) => {
                    return Ok(ActionOutcome::Failed(format!(
                        "not approved: the creator is on the do-not-contact list ({reason})"
                    )))
                }
                Ok(None) => {}
                Err(e) => return Ok(ActionOutcome::Retry(e.to_string())),
            }
        }
        match client.review_sample_application(&action.target, &decision).await {
            Ok(()) => Ok(ActionOutcome::Done(None)),
            Err(e @ TiktokError::Api { .. }) => Ok(ActionOutcome::Failed(format!(
                "{e} — the request may have been decided on TikTok Shop or have expired; the next sample \
                 sync shows its status"
            ))),
            Err(e) => Err(e),
        }
    }

    pub(super) async fn check_review(
        &self,
        client: &TiktokClient,
        action: &Action,
    ) -> std::result::Result<CheckOutcome, TiktokError> {
        let decision = match decision_of(action) {
            Ok(d) => d,
            Err(e) => return Ok(CheckOutcome::CannotLand(e.to_string())),
        };
        let (creator_open_id, product_id) = match self.store.review_subject(&action.target).await {
            Ok(s) => s,
            Err(e) => return Ok(CheckOutcome::CannotLand(e.to_string())),
        };
        let query = SampleQuery {
            creator_open_id: Some(creator_open_id),
            product_id: Some(product_id),
            ..Default::default()
        };
        let mut token: Option<String> = None;
        loop {
            let page = client.search_sample_applications(&query, token.as_deref()).await?;
            if let Some(found) = page.applications.iter().find(|a| a.id == action.target) {
                return Ok(match found.status {
                    SampleStatus::Pending => CheckOutcome::NotLanded,
                    status if shows(&decision, status) => CheckOutcome::Landed(None),
                    status => CheckOutcome::CannotLand(format!(
                        "the request is {} on TikTok Shop now, so this review can no longer be made",
                        status.as_wire()
                    )),
                });
            }
            match page.next_page_token.filter(|t| !t.is_empty() && Some(t) != token.as_ref()) {
                Some(next) => token = Some(next),
                None => break,
            }
        }
        Ok(CheckOutcome::CannotLand(
            "TikTok Shop no longer lists this request, so this review can no longer be made".into(),
        ))
    }

    pub(super) async fn review_landed(
        &self,
        action: &Action,
        from: ActionState,
        result: Option<&str>,
    ) -> Result<()> {
        let status = status_after(&decision_of(action)?);
        Ok(self.store.settle_review(action.id, from, &action.target, status.as_wire(), result).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_tiktok::RejectReason;

    #[test]
    fn a_payload_reads_back_as_the_decision_it_was_made_from() {
        for d in [ReviewDecision::Approve, ReviewDecision::Reject(RejectReason::OutOfStock)] {
            let a: ReviewDecision = serde_json::from_str(&review_payload(&d)).unwrap();
            assert_eq!(a, d);
        }
        assert_eq!(
            review_payload(&ReviewDecision::Reject(RejectReason::NotMatch)),
            r#"{"decision":"reject","reason":"NOT_MATCH"}"#
        );
    }

    #[test]
    fn only_the_decided_statuses_show_a_review_landed() {
        let reject = ReviewDecision::Reject(RejectReason::Other);
        assert!(shows(&ReviewDecision::Approve, SampleStatus::Shipped));
        assert!(!shows(&ReviewDecision::Approve, SampleStatus::RejectCancelled));
        assert!(shows(&reject, SampleStatus::RejectCancelled));
        assert!(!shows(&reject, SampleStatus::AwaitingShipment));
        assert!(!shows(&ReviewDecision::Approve, SampleStatus::OverdueCancelled), "expired before it landed");
    }
}
