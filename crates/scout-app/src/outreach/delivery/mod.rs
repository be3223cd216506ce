//! Delivery: one runner for every channel. A channel (e-mail, TikTok Shop) says how many offers it can
//! take next and sends a claimed batch; the runner claims, settles what the channel says became of each
//! offer (sent, retry with backoff, retry at a given time, due again, released, failed), moves sent
//! creators to Invited and adds up the report. Offers are claimed (`sending`) before any call, so a
//! crash never re-sends them; only the holder of the workspace's delivery lease delivers or recovers
//! interrupted offers, so a second Scout (the window and a `scout outbox run`) never touches the
//! other's offer in flight.

mod email;
mod tiktok;

pub(crate) use tiktok::missing_product_id;

use crate::{AppError, CancelToken, ErrorCode, Result, Workspace};
use chrono::{DateTime, Duration, Utc};
use scout_domain::Stage;
use scout_secrets::Secret;
use scout_store::{ClaimedBatch, DeliveryLease, Offer, OfferChannel};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Attempts before an offer that keeps failing for now is given up.
pub(crate) const MAX_ATTEMPTS: u32 = 5;
/// How long an offer waits when the service could not be reached.
const UNREACHABLE_WAIT: Duration = Duration::minutes(1);
/// How long an offer waits when the service refused the seller's sign-in: until the seller fixes it
/// (saving a password or reconnecting makes it due at once), so Scout never keeps knocking with a
/// refused password (mail providers lock accounts that do); a day at the most.
const REFUSED_WAIT: Duration = Duration::hours(24);
/// The channels a run delivers, in this order.
const CHANNELS: [OfferChannel; 2] = [OfferChannel::Email, OfferChannel::Tiktok];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxReport {
    pub sent: u32,
    pub failed: u32,
    pub retrying: u32,
    /// Offers of the run's channels that an earlier stop interrupted, waiting for the seller to check
    /// whether they arrived.
    pub needs_check: u32,
    /// Stopped because the daily cap (e-mail) or the outreach quota (TikTok Shop) was reached.
    pub capped: bool,
    /// What became of the sample reviews (and other single TikTok Shop calls) the run delivered.
    #[serde(default)]
    pub actions: crate::tiktok_actions::ActionsReport,
    /// What the seller should know about the run, in plain words (e.g. the quota could not be read).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Why a channel stopped or could not start (no password, network down, reconnect TikTok Shop), each
    /// with the code the window's advice and action come from.
    #[serde(default)]
    pub problems: Vec<OutboxProblem>,
}

/// A channel's failure, typed for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxProblem {
    pub channel: OfferChannel,
    pub code: ErrorCode,
    pub message: String,
    /// The field the problem is about (`email.password`), when it is a setting to fix.
    pub field: Option<String>,
    /// When the offers it held back are due again, if Scout will try by itself.
    pub retry_at: Option<DateTime<Utc>>,
}

/// What a run delivers: every channel (the default) or one, and the e-mail password from the keychain
/// or given for this run only (`scout outbox run --password-stdin`; nothing is stored).
#[derive(Debug, Clone, Default)]
pub struct OutboxRun {
    pub channel: Option<OfferChannel>,
    pub email_password: Option<Secret>,
}

impl OutboxRun {
    pub fn only(channel: OfferChannel) -> OutboxRun {
        OutboxRun { channel: Some(channel), email_password: None }
    }
}

/// What became of one claimed offer, as its channel says.
#[derive(Debug)]
pub(crate) enum Outcome {
    Sent {
        external_id: String,
        cause: String,
    },
    /// Failed for now: due again after a backoff, or given up after [`MAX_ATTEMPTS`].
    Retry(String),
    /// Failed for now; the service said when it may go again (the quota's reset), however many attempts.
    RetryAt(String, DateTime<Utc>),
    /// Not sent through no fault of its own (others in its invitation were refused): due again at once,
    /// given up after [`MAX_ATTEMPTS`].
    Again(String),
    /// Never reached the service: due again after the wait without losing an attempt.
    Released(String, Release),
    Failed(String),
}

/// What a channel's send did: one outcome per claimed offer, in the batch's order, and whether the run
/// stops.
#[derive(Debug)]
pub(crate) struct Settlement {
    pub outcomes: Vec<Outcome>,
    pub stop: Option<Stop>,
}

impl Settlement {
    /// Every offer of `batch` the same way.
    pub fn all(batch: &ClaimedBatch, outcome: impl Fn(&Offer) -> Outcome) -> Settlement {
        Settlement { outcomes: batch.offers.iter().map(outcome).collect(), stop: None }
    }

    pub fn then(self, stop: Stop) -> Settlement {
        Settlement { stop: Some(stop), ..self }
    }
}

/// Why an offer was given back unsent, which says how long it waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Release {
    /// The service could not be reached: try again in a minute.
    Unreachable,
    /// The service refused the seller's sign-in: wait until the seller fixes it.
    Refused,
}

#[derive(Debug)]
pub(crate) enum Stop {
    /// The daily cap or the outreach quota is reached.
    Capped,
    /// The channel cannot go on (network down, sign-in refused, slow down): the seller is told why.
    Problem(AppError),
}

/// A delivery channel as the runner drives it.
pub(crate) trait DeliveryChannel {
    const CHANNEL: OfferChannel;
    /// How many offers the next send may take, once the channel's pace allows; `None` ends the run (the
    /// channel has said why in `report`).
    async fn room(&mut self, report: &mut OutboxReport) -> Result<Option<u32>>;
    /// Sends one claimed batch.
    async fn send(&mut self, batch: &ClaimedBatch) -> Result<Settlement>;
    /// After the run, whatever it ended with (e.g. refreshed tokens are saved).
    async fn finish(&mut self) -> Result<()>;
}

impl Workspace {
    /// Delivers due offers, channel by channel, until none is due, a cap or quota is reached, a channel
    /// cannot go on, or `cancel` is set. A channel that cannot start or stops with a problem does not
    /// stop the others: its problem is in the report. When another Scout is delivering from this
    /// workspace, nothing is sent and the report says so.
    pub async fn run_outbox(&self, run: &OutboxRun, cancel: &CancelToken) -> Result<OutboxReport> {
        let mut report = OutboxReport::default();
        let channels: Vec<OfferChannel> = run.channel.map_or(CHANNELS.to_vec(), |c| vec![c]);
        let Some(lease) = self.store.try_delivery_lease()? else {
            report.notes.push(ANOTHER_DELIVERY.into());
            return Ok(report);
        };
        for channel in channels {
            if !cancel.is_cancelled() && self.store.has_due_offers(channel, Utc::now()).await? {
                let run = match channel {
                    OfferChannel::Email => match self.email_delivery(run.email_password.clone()).await {
                        Ok(c) => self.drive(c, cancel, &mut report).await,
                        Err(e) => Err(e),
                    },
                    OfferChannel::Tiktok => match self.tiktok_delivery().await {
                        Ok(c) => self.drive(c, cancel, &mut report).await,
                        Err(e) => Err(e),
                    },
                    OfferChannel::Manual => Ok(()),
                };
                if let Err(e) = run {
                    tracing::warn!(?channel, error = %e, "delivery stopped");
                    report.problems.push(problem(channel, &e, None));
                }
            }
            report.needs_check += self.store.offers_needing_check(channel).await? as u32;
        }
        if run.channel.is_none_or(|c| c == OfferChannel::Tiktok) && !cancel.is_cancelled() {
            if let Err(e) = self.run_tiktok_actions(&lease, cancel, &mut report.actions).await {
                tracing::warn!(error = %e, "TikTok Shop actions stopped");
                report.problems.push(problem(OfferChannel::Tiktok, &e, None));
            }
        }
        Ok(report)
    }

    /// Offers an earlier run left mid-delivery become "check whether it arrived", so they show up for
    /// the seller before anything else is sent. Done when a workspace opens, and on request; refused while
    /// another Scout is delivering (its offers in flight are not interrupted). Returns how many.
    pub async fn recover_interrupted_offers(&self) -> Result<u64> {
        let lease = self.store.try_delivery_lease()?.ok_or(AppError::DeliveryBusy)?;
        self.recover_with(&lease).await
    }

    /// At open: recovers when no other Scout is delivering, else leaves it to that one.
    pub(crate) async fn recover_at_open(&self) -> Result<u64> {
        match self.store.try_delivery_lease()? {
            Some(lease) => self.recover_with(&lease).await,
            None => Ok(0),
        }
    }

    async fn recover_with(&self, lease: &DeliveryLease) -> Result<u64> {
        let n = self.store.recover_interrupted_offers(lease).await?;
        if n > 0 {
            tracing::warn!(offers = n, "offers interrupted by an earlier stop need checking");
        }
        // Reviews and messages are checked on TikTok Shop by the next run, not by the seller.
        let actions = self.store.recover_interrupted_actions(lease).await?;
        if actions > 0 {
            tracing::warn!(actions, "TikTok Shop actions interrupted by an earlier stop will be checked");
        }
        Ok(n)
    }

    async fn drive<C: DeliveryChannel>(
        &self,
        mut channel: C,
        cancel: &CancelToken,
        report: &mut OutboxReport,
    ) -> Result<()> {
        let delivered = self.deliver(&mut channel, cancel, report).await;
        let finished = channel.finish().await;
        delivered.and(finished)
    }

    async fn deliver<C: DeliveryChannel>(
        &self,
        channel: &mut C,
        cancel: &CancelToken,
        report: &mut OutboxReport,
    ) -> Result<()> {
        while !cancel.is_cancelled() && self.store.has_due_offers(C::CHANNEL, Utc::now()).await? {
            let Some(limit) = channel.room(report).await? else { break };
            let Some(batch) = self.store.claim_offer_batch(C::CHANNEL, Utc::now(), limit).await? else {
                break;
            };
            let settlement = channel.send(&batch).await?;
            self.settle(&batch, settlement.outcomes, report).await?;
            match settlement.stop {
                None => {}
                Some(Stop::Capped) => {
                    report.capped = true;
                    break;
                }
                Some(Stop::Problem(e)) => {
                    // A refused sign-in waits for the seller, not for a time.
                    let waits_for_seller = matches!(e.code(), ErrorCode::SignIn | ErrorCode::Reauthorize);
                    let retry_at = if waits_for_seller {
                        // Nothing else of the channel knocks with the refused sign-in either.
                        self.store.hold_queued(C::CHANNEL, Utc::now() + REFUSED_WAIT).await?;
                        None
                    } else {
                        self.store.next_attempt_at(C::CHANNEL).await?
                    };
                    report.problems.push(problem(C::CHANNEL, &e, retry_at));
                    break;
                }
            }
        }
        Ok(())
    }

    async fn settle(
        &self,
        batch: &ClaimedBatch,
        outcomes: Vec<Outcome>,
        report: &mut OutboxReport,
    ) -> Result<()> {
        if outcomes.len() != batch.offers.len() {
            return Err(AppError::Internal(format!(
                "a channel settled {} of {} claimed offers",
                outcomes.len(),
                batch.offers.len()
            )));
        }
        let now = Utc::now();
        let store = &self.store;
        for (o, outcome) in batch.offers.iter().zip(outcomes) {
            match outcome {
                Outcome::Sent { external_id, cause } => {
                    store.mark_offer_sent(o.id, Some(&external_id)).await?;
                    report.sent += 1;
                    // A creator already further along (say, agreed) stays where they are.
                    if let Err(e) =
                        store.move_stage(o.campaign_id, o.creator_id, Stage::Invited, &cause).await
                    {
                        tracing::info!(offer = o.id, error = %e, "pipeline stage left as it was");
                    }
                }
                Outcome::Retry(reason) if o.attempts < MAX_ATTEMPTS => {
                    store.mark_offer_failed(o.id, &reason, Some(retry_at(now, o.attempts, o.id))).await?;
                    report.retrying += 1;
                }
                Outcome::RetryAt(reason, at) => {
                    store.mark_offer_failed(o.id, &reason, Some(at)).await?;
                    report.retrying += 1;
                }
                Outcome::Again(reason) if o.attempts < MAX_ATTEMPTS => {
                    store.mark_offer_failed(o.id, &reason, Some(now)).await?;
                }
                Outcome::Again(_) => {
                    let reason = "the service refused the invitations this offer was in, too many times";
                    store.mark_offer_failed(o.id, reason, None).await?;
                    report.failed += 1;
                }
                Outcome::Released(reason, why) => {
                    let wait = if why == Release::Refused { REFUSED_WAIT } else { UNREACHABLE_WAIT };
                    store.release_offer(o.id, &reason, now + wait).await?;
                    report.retrying += 1;
                }
                Outcome::Retry(reason) | Outcome::Failed(reason) => {
                    store.mark_offer_failed(o.id, &reason, None).await?;
                    report.failed += 1;
                }
            }
        }
        Ok(())
    }
}

const ANOTHER_DELIVERY: &str = "another Scout (the window or `scout outbox run`) is delivering this \
                                workspace's offers; this run sent nothing and left its offers alone";

fn problem(channel: OfferChannel, e: &AppError, retry_at: Option<DateTime<Utc>>) -> OutboxProblem {
    let payload = e.payload();
    OutboxProblem { channel, code: payload.code, message: payload.message, field: payload.field, retry_at }
}

/// Exponential backoff from 30 s, doubled per attempt, with up to +50 % jitter (derived from the offer
/// id, so retries of many offers spread out without a random source).
pub(crate) fn retry_at(now: DateTime<Utc>, attempts: u32, id: i64) -> DateTime<Utc> {
    let base = 30i64 << attempts.min(8);
    let jitter = (id.unsigned_abs().wrapping_mul(2_654_435_761) % 1000) as i64 * base / 2000;
    now + Duration::seconds(base + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_bounded_jitter() {
        let now = Utc::now();
        let first = (retry_at(now, 1, 7) - now).num_seconds();
        let second = (retry_at(now, 2, 7) - now).num_seconds();
        assert!((60..=90).contains(&first), "{first}");
        assert!((120..=180).contains(&second), "{second}");
        assert_ne!(retry_at(now, 1, 7), retry_at(now, 1, 8), "different offers spread out");
    }
}
