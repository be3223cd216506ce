//! Delivering the TikTok actions outbox (`scout_store::tiktok_actions`): single calls made on the
//! seller's behalf — sample reviews now. It runs inside [`Workspace::run_outbox`], under the same
//! delivery lease as offers, so one Scout delivers at a time. First every action an earlier stop left
//! uncertain is checked on TikTok Shop (landed → done; not landed → queued again; can no longer land →
//! failed with why); then due actions are claimed one at a time (marked `sending` before the call),
//! performed by their kind's module, paced like every TikTok Shop call, and settled. An answer that
//! never came (a timeout after the request left) is uncertain too: it waits for a check, never a blind
//! second send.

mod message;
mod review;

pub use review::review_payload;

use crate::outreach::{retry_at, MAX_ATTEMPTS};
use crate::tiktok::{tiktok_error, Pacer};
use crate::{AppError, CancelToken, Result, Workspace};
use chrono::{DateTime, Duration, Utc};
use scout_store::{Action, ActionKind, ActionState, DeliveryLease};
use scout_tiktok::{TiktokClient, TiktokError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How long an action waits when TikTok Shop refused the connection: until the seller reconnects (that
/// makes it due at once), a day at the most — never a knock a minute with a refused token.
const RELEASE_WAIT: Duration = Duration::hours(24);

/// What a run did with the TikTok actions outbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionsReport {
    pub done: u32,
    pub failed: u32,
    pub retrying: u32,
    /// Uncertain actions checked on TikTok Shop: found there (now done).
    pub checked_landed: u32,
    /// Uncertain actions checked on TikTok Shop: not there, queued again.
    pub checked_requeued: u32,
    /// Actions still waiting for a check (TikTok Shop could not be asked).
    pub needs_check: u32,
}

/// What became of one claimed action, as its kind says.
#[derive(Debug)]
pub(crate) enum ActionOutcome {
    /// It landed; what TikTok Shop answered, JSON.
    Done(Option<String>),
    /// Refused for good, in plain words.
    Failed(String),
    /// Failed for now: due again after a backoff, given up after [`MAX_ATTEMPTS`].
    Retry(String),
    /// Failed for now; TikTok Shop said when it may go again (the day's budget renews), however many
    /// attempts.
    RetryAt(String, DateTime<Utc>),
    /// Never reached TikTok Shop: due again shortly without losing an attempt.
    Released(String),
    /// The request left and no answer came: it waits for a check.
    Uncertain(String),
}

/// What a check found for an uncertain action.
#[derive(Debug)]
pub(crate) enum CheckOutcome {
    Landed(Option<String>),
    NotLanded,
    /// It can no longer land (the request was decided or ended meanwhile), in plain words.
    CannotLand(String),
}

impl Workspace {
    /// Whether a delivery run has TikTok Shop actions to do: some are due, or wait for a check.
    pub async fn has_tiktok_actions_to_run(&self) -> Result<bool> {
        Ok(self.store.has_due_actions(Utc::now()).await?
            || self.store.count_actions(ActionState::NeedsCheck).await? > 0)
    }

    /// Checks uncertain actions, then performs due ones until none is due, TikTok Shop cannot go on, or
    /// `cancel` is set. Needs the delivery lease (the caller holds it).
    pub(crate) async fn run_tiktok_actions(
        &self,
        lease: &DeliveryLease,
        cancel: &CancelToken,
        report: &mut ActionsReport,
    ) -> Result<()> {
        // A row left `sending` can only be an earlier run's of this process (the caller holds the lease)
        // that could not settle it: whether it landed is unknown, so it is checked like an interrupted one.
        self.store.recover_interrupted_actions(lease).await?;
        let waiting = self.store.actions_needing_check().await?;
        if waiting.is_empty() && !self.store.has_due_actions(Utc::now()).await? {
            return Ok(());
        }
        let result = match self.tiktok_client().await {
            Ok((connection, client)) => {
                let mut pacer = Pacer::new(connection.interval_ms);
                let ran = self.check_and_perform(&client, &mut pacer, waiting, cancel, report).await;
                let saved = self.save_refreshed_tokens(&connection, &client).await;
                ran.and(saved)
            }
            Err(e) => Err(e),
        };
        report.needs_check = self.store.count_actions(ActionState::NeedsCheck).await? as u32;
        result
    }

    async fn check_and_perform(
        &self,
        client: &TiktokClient,
        pacer: &mut Pacer,
        waiting: Vec<Action>,
        cancel: &CancelToken,
        report: &mut ActionsReport,
    ) -> Result<()> {
        for action in waiting {
            if cancel.is_cancelled() {
                return Ok(());
            }
            pacer.wait().await;
            let found = match action.kind {
                ActionKind::SampleReview => self.check_review(client, &action).await,
                ActionKind::Message => self.check_message(client, &action).await,
            };
            match found {
                Ok(CheckOutcome::Landed(result)) => {
                    self.settle_landed(&action, ActionState::NeedsCheck, result.as_deref()).await?;
                    report.checked_landed += 1;
                }
                Ok(CheckOutcome::NotLanded) => {
                    self.store.requeue_checked_action(action.id).await?;
                    report.checked_requeued += 1;
                }
                Ok(CheckOutcome::CannotLand(why)) => {
                    self.store.fail_checked_action(action.id, &why).await?;
                    report.failed += 1;
                }
                // TikTok Shop could not be asked: it stays waiting for the next run's check.
                Err(e) if is_transient(&e) => return Err(tiktok_error(e)),
                Err(e) if e.needs_reauthorization() => return Err(tiktok_error(e)),
                // TikTok Shop answered but the answer cannot tell: never sent blindly again — the seller
                // looks on TikTok Shop, with why.
                Err(e) => {
                    tracing::warn!(action = action.id, error = %e, "an uncertain action could not be checked");
                    let why = format!(
                        "Scout stopped while sending this and TikTok Shop could not tell whether it landed ({e}); \
                         look on TikTok Shop — it is not sent again by itself"
                    );
                    self.store.fail_checked_action(action.id, &why).await?;
                    report.failed += 1;
                }
            }
        }
        while !cancel.is_cancelled() {
            let Some(action) = self.store.claim_action(Utc::now()).await? else { break };
            pacer.wait().await;
            let outcome = match action.kind {
                ActionKind::SampleReview => self.perform_review(client, &action).await,
                ActionKind::Message => self.perform_message(client, &action).await,
            };
            if let Some(stop) = self.settle_action(&action, outcome, report).await? {
                return Err(stop);
            }
        }
        Ok(())
    }

    /// Settles one performed action; returns why the run must stop, if it must.
    async fn settle_action(
        &self,
        action: &Action,
        outcome: std::result::Result<ActionOutcome, TiktokError>,
        report: &mut ActionsReport,
    ) -> Result<Option<AppError>> {
        let store = &self.store;
        let now = Utc::now();
        let (outcome, stop) = match outcome {
            Ok(o) => (o, None),
            Err(e) if e.needs_reauthorization() => {
                (ActionOutcome::Released(e.to_string()), Some(tiktok_error(e)))
            }
            // The day's budget of messages is used up: everything waits for tomorrow (UTC), no attempt lost.
            Err(e @ TiktokError::DailyLimit { .. }) => {
                let tomorrow =
                    (now + Duration::days(1)).date_naive().and_hms_opt(0, 0, 0).map(|t| t.and_utc());
                let at = tomorrow.unwrap_or(now + Duration::days(1));
                (ActionOutcome::RetryAt(e.to_string(), at), Some(tiktok_error(e)))
            }
            // The request left and the answer is lost or unreadable (a timeout, a gateway's 5xx, a reply
            // Scout cannot read): it may have landed, so it is checked, never sent blindly again.
            Err(
                e
                @ (TiktokError::Transport(_) | TiktokError::Unavailable { .. } | TiktokError::Unexpected(_)),
            ) => (ActionOutcome::Uncertain(e.to_string()), Some(tiktok_error(e))),
            Err(e) if e.is_retryable() => (ActionOutcome::Retry(e.to_string()), Some(tiktok_error(e))),
            Err(e) => (ActionOutcome::Failed(e.to_string()), None),
        };
        match outcome {
            ActionOutcome::Done(result) => {
                self.settle_landed(action, ActionState::Sending, result.as_deref()).await?;
                report.done += 1;
            }
            ActionOutcome::Retry(why) if action.attempts < MAX_ATTEMPTS => {
                store
                    .mark_action_failed(action.id, &why, Some(retry_at(now, action.attempts, action.id)))
                    .await?;
                report.retrying += 1;
            }
            ActionOutcome::Retry(why) | ActionOutcome::Failed(why) => {
                store.mark_action_failed(action.id, &why, None).await?;
                report.failed += 1;
            }
            ActionOutcome::Released(why) => {
                store.release_action(action.id, &why, now + RELEASE_WAIT).await?;
                report.retrying += 1;
            }
            ActionOutcome::RetryAt(why, at) => {
                store.release_action(action.id, &why, at).await?;
                report.retrying += 1;
            }
            ActionOutcome::Uncertain(why) => {
                let why = format!(
                    "{why}; whether it landed is checked on TikTok Shop before anything is sent again"
                );
                store.mark_action_uncertain(action.id, &why).await?;
            }
        }
        Ok(stop)
    }

    /// A landed action is done, with what it changed, by its kind.
    async fn settle_landed(&self, action: &Action, from: ActionState, result: Option<&str>) -> Result<()> {
        match action.kind {
            ActionKind::SampleReview => self.review_landed(action, from, result).await,
            ActionKind::Message => self.message_landed(action, from, result).await,
        }
    }
}

/// TikTok Shop could not be reached or asked to wait: nothing is concluded from it.
fn is_transient(e: &TiktokError) -> bool {
    e.is_retryable()
}
