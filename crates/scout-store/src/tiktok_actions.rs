//! The outbox for single TikTok Shop calls made on the seller's behalf — a sample review, a message.
//! The offers outbox (`outbox.rs`) sends invitations to many creators at once; these are one call each,
//! with the same discipline: queued in one transaction (all or none, one row per idempotency key), claimed
//! one at a time and marked `sending` *before* anything leaves the machine, settled as done or failed.
//! After a stop, a row left `sending` becomes `needs_check` (only the holder of the delivery lease says
//! so); its kind then reads TikTok Shop to tell whether it landed (done) or not (queued again), so it is
//! neither lost nor doubled. An action that reaches a creator is refused for one on the do-not-contact
//! list, and cancelled when they are put on it before it goes.

use crate::{DeliveryLease, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

/// What an action does on TikTok Shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionKind {
    /// Approve or reject a free-sample request (its target is the application id).
    SampleReview,
    /// A message to a creator (its target is the creator's open id).
    Message,
}

impl ActionKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ActionKind::SampleReview => "sample_review",
            ActionKind::Message => "message",
        }
    }

    fn parse(s: &str, id: i64) -> Result<ActionKind> {
        match s {
            "sample_review" => Ok(ActionKind::SampleReview),
            "message" => Ok(ActionKind::Message),
            other => Err(unknown("kind", id, other)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionState {
    Queued,
    Sending,
    Done,
    Failed,
    /// Scout stopped while it was being sent: TikTok Shop is read to tell whether it landed.
    NeedsCheck,
    Cancelled,
}

impl ActionState {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ActionState::Queued => "queued",
            ActionState::Sending => "sending",
            ActionState::Done => "done",
            ActionState::Failed => "failed",
            ActionState::NeedsCheck => "needs_check",
            ActionState::Cancelled => "cancelled",
        }
    }

    pub(crate) fn parse(s: &str, id: i64) -> Result<ActionState> {
        match s {
            "queued" => Ok(ActionState::Queued),
            "sending" => Ok(ActionState::Sending),
            "done" => Ok(ActionState::Done),
            "failed" => Ok(ActionState::Failed),
            "needs_check" => Ok(ActionState::NeedsCheck),
            "cancelled" => Ok(ActionState::Cancelled),
            other => Err(unknown("state", id, other)),
        }
    }
}

fn unknown(column: &'static str, id: i64, value: &str) -> StoreError {
    StoreError::Corrupt {
        table: "tiktok_actions",
        column,
        id,
        message: format!("'{value}' is not a known {column}"),
    }
}

/// An action to queue. `payload_json` is the kind's own shape, validated before it gets here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    /// The same key queued again is the same action (two windows, a retried command): never sent twice —
    /// unless that one failed for good or was cancelled, when it is stored as a new attempt `key~<id>`.
    pub idempotency_key: String,
    pub kind: ActionKind,
    pub creator_id: Option<i64>,
    /// What the call is about: the application id of a review, the open id a message goes to.
    pub target: String,
    pub payload_json: String,
    /// Whether it reaches the creator (a message, an approval): refused for one on the do-not-contact list.
    pub contacts_creator: bool,
}

/// A stored action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Action {
    #[ts(type = "number")]
    pub id: i64,
    pub idempotency_key: String,
    pub kind: ActionKind,
    #[ts(type = "number | null")]
    pub creator_id: Option<i64>,
    pub target: String,
    pub payload_json: String,
    pub state: ActionState,
    /// A failed action that will be tried again by itself.
    pub retryable: bool,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// What TikTok Shop answered, JSON (e.g. the message id).
    pub result_json: Option<String>,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

pub(crate) const ACTION_COLUMNS: &str =
    "id, idempotency_key, kind, creator_id, target, payload, state, retryable, \
     attempts, last_error, next_attempt_at, result, created_at, done_at";

pub(crate) fn action_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Action> {
    let id: i64 = r.try_get("id")?;
    Ok(Action {
        id,
        idempotency_key: r.try_get("idempotency_key")?,
        kind: ActionKind::parse(r.try_get("kind")?, id)?,
        creator_id: r.try_get("creator_id")?,
        target: r.try_get("target")?,
        payload_json: r.try_get("payload")?,
        state: ActionState::parse(r.try_get("state")?, id)?,
        retryable: r.try_get("retryable")?,
        attempts: r.try_get::<i64, _>("attempts")?.max(0) as u32,
        last_error: r.try_get("last_error")?,
        next_attempt_at: r.try_get("next_attempt_at")?,
        result_json: r.try_get("result")?,
        created_at: r.try_get("created_at")?,
        done_at: r.try_get("done_at")?,
    })
}

/// An action under the key `?1`, or a later attempt of it (`key~<id>`).
const UNDER_KEY: &str = "(idempotency_key = ?1 OR substr(idempotency_key, 1, length(?1) + 1) = ?1 || '~')";

/// Due: queued, or failed-retryable whose retry time has come.
const DUE: &str = "(state = 'queued' OR (state = 'failed' AND retryable = 1)) \
                   AND (next_attempt_at IS NULL OR next_attempt_at <= ?1)";

impl Store {
    /// Queues every action or none; returns their ids in order. A key already queued gives the id it has
    /// (nothing is queued twice) while that action may still land; an action that reaches a creator on the do-not-contact list makes the
    /// whole batch fail with the creator named.
    pub async fn queue_actions(&self, actions: &[NewAction]) -> Result<Vec<i64>> {
        let mut tx = self.write_tx().await?;
        let ids = queue_actions_in(&mut tx, actions, Utc::now()).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Whether any action is due at `now`.
    pub async fn has_due_actions(&self, now: DateTime<Utc>) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM tiktok_actions WHERE {DUE}"))
            .bind(now)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Claims the oldest due action: it becomes `sending` (one more attempt) before any call is made.
    pub async fn claim_action(&self, now: DateTime<Utc>) -> Result<Option<Action>> {
        let row = sqlx::query(&format!(
            "UPDATE tiktok_actions SET state = 'sending', attempts = attempts + 1, updated_at = ?1 \
             WHERE id = (SELECT id FROM tiktok_actions WHERE {DUE} ORDER BY id LIMIT 1) \
             RETURNING {ACTION_COLUMNS}"
        ))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(action_from_row).transpose()
    }

    /// The call landed; `result_json` is what TikTok Shop answered.
    pub async fn mark_action_done(&self, id: i64, result_json: Option<&str>) -> Result<()> {
        let mut tx = self.write_tx().await?;
        settle_in(
            &mut tx,
            id,
            "sending",
            "state = 'done', done_at = ?1, result = ?2, last_error = NULL",
            result_json,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A failed call: `retry_at` set = try again then; `None` = for good.
    pub async fn mark_action_failed(
        &self,
        id: i64,
        reason: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let set = "state = 'failed', last_error = ?2, retryable = ?3 IS NOT NULL, next_attempt_at = ?3";
        settle_in(&mut tx, id, "sending", set, Some(reason), retry_at).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The request left and no answer came: whether it landed is unknown, so it waits for a check.
    pub async fn mark_action_uncertain(&self, id: i64, reason: &str) -> Result<()> {
        let mut tx = self.write_tx().await?;
        settle_in(&mut tx, id, "sending", "state = 'needs_check', last_error = ?2", Some(reason), None)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The call never reached TikTok Shop (network down, sign-in refused): due again at `at`, and the
    /// attempt does not count.
    pub async fn release_action(&self, id: i64, reason: &str, at: DateTime<Utc>) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let set = "state = 'failed', last_error = ?2, retryable = 1, next_attempt_at = ?3, \
                   attempts = max(attempts - 1, 0)";
        settle_in(&mut tx, id, "sending", set, Some(reason), Some(at)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// After a stop: actions left `sending` may or may not have landed, so they become `needs_check` and
    /// are never claimed again by themselves. Only the delivery lease's holder may say so. Returns how many.
    pub async fn recover_interrupted_actions(&self, _lease: &DeliveryLease) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE tiktok_actions SET state = 'needs_check', updated_at = ?, \
             last_error = 'Scout stopped while this was being sent to TikTok Shop; it is checked there before \
             anything is sent again' WHERE state = 'sending'",
        )
        .bind(Utc::now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Actions waiting for a check, oldest first.
    pub async fn actions_needing_check(&self) -> Result<Vec<Action>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACTION_COLUMNS} FROM tiktok_actions WHERE state = 'needs_check' ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(action_from_row).collect()
    }

    /// A check found the interrupted action on TikTok Shop: it is done.
    pub async fn settle_checked_action(&self, id: i64, result_json: Option<&str>) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let set = "state = 'done', done_at = ?1, result = ?2, last_error = NULL";
        settle_in(&mut tx, id, "needs_check", set, result_json, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A check found the interrupted action did not land: it is queued to go again.
    pub async fn requeue_checked_action(&self, id: i64) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let set = "state = 'queued', next_attempt_at = NULL, last_error = ?2";
        let why = "checked on TikTok Shop: it had not landed, so it goes again";
        settle_in(&mut tx, id, "needs_check", set, Some(why), None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A check found the interrupted action can no longer land (e.g. the request was decided on TikTok
    /// Shop meanwhile): it fails for good with `reason`.
    pub async fn fail_checked_action(&self, id: i64, reason: &str) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let set = "state = 'failed', retryable = 0, next_attempt_at = NULL, last_error = ?2";
        settle_in(&mut tx, id, "needs_check", set, Some(reason), None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Cancels actions that have not gone out (queued, or failed and waiting to retry). Returns how many.
    pub async fn cancel_actions(&self, ids: &[i64], reason: &str) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let mut n = 0;
        for id in ids {
            n += sqlx::query(
                "UPDATE tiktok_actions SET state = 'cancelled', updated_at = ?, last_error = ? \
                 WHERE id = ? AND (state = 'queued' OR (state = 'failed' AND retryable = 1))",
            )
            .bind(Utc::now())
            .bind(reason)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(n)
    }

    /// Every action waiting for a retry is due now (the seller reconnected TikTok Shop). Returns how many.
    pub async fn retry_actions_now(&self, now: DateTime<Utc>) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE tiktok_actions SET next_attempt_at = ?1 \
             WHERE (state = 'queued' OR (state = 'failed' AND retryable = 1)) AND next_attempt_at > ?1",
        )
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Whether an action was ever queued under `key` (whatever became of it): what may happen once only.
    pub async fn action_key_used(&self, key: &str) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM tiktok_actions WHERE {UNDER_KEY}"))
            .bind(key)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Whether an action under `key` is queued, on its way, being checked or done — not failed for good
    /// or cancelled (then queuing it again is a new attempt).
    pub async fn action_key_live(&self, key: &str) -> Result<bool> {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM tiktok_actions WHERE {UNDER_KEY} \
             AND NOT (state = 'cancelled' OR (state = 'failed' AND retryable = 0))"
        ))
        .bind(key)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    pub async fn action(&self, id: i64) -> Result<Action> {
        let row = sqlx::query(&format!("SELECT {ACTION_COLUMNS} FROM tiktok_actions WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::ActionNotFound(id))?;
        action_from_row(&row)
    }

    /// Actions of `kind`, newest first, at most `limit`.
    pub async fn actions(&self, kind: ActionKind, limit: u32) -> Result<Vec<Action>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACTION_COLUMNS} FROM tiktok_actions WHERE kind = ? ORDER BY id DESC LIMIT ?"
        ))
        .bind(kind.as_str())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(action_from_row).collect()
    }

    /// How many actions are in each state (for the outbox's summary).
    pub async fn count_actions(&self, state: ActionState) -> Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM tiktok_actions WHERE state = ?")
            .bind(state.as_str())
            .fetch_one(&self.pool)
            .await?;
        Ok(n.max(0) as u64)
    }
}

/// Queues `actions` inside `tx` (see [`Store::queue_actions`]).
pub(crate) async fn queue_actions_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    actions: &[NewAction],
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(actions.len());
    for a in actions {
        if let (true, Some(creator_id)) = (a.contacts_creator, a.creator_id) {
            let suppressed: Option<String> =
                sqlx::query_scalar("SELECT reason FROM suppressions WHERE creator_id = ?")
                    .bind(creator_id)
                    .fetch_optional(&mut **tx)
                    .await?;
            if let Some(reason) = suppressed {
                return Err(StoreError::Suppressed { creator_id, reason });
            }
        }
        // The newest action under this key (or a later attempt of it, `key~n`): while it may still land,
        // queuing again is the same action; once it failed for good or was cancelled, this is a new
        // attempt (a message refused for the quota can be sent again next week).
        let newest: Option<(i64, String, bool)> = sqlx::query_as(&format!(
            "SELECT id, state, retryable FROM tiktok_actions WHERE {UNDER_KEY} ORDER BY id DESC LIMIT 1"
        ))
        .bind(&a.idempotency_key)
        .fetch_optional(&mut **tx)
        .await?;
        let key = match newest {
            Some((id, state, retryable)) if !(state == "cancelled" || (state == "failed" && !retryable)) => {
                ids.push(id);
                continue;
            }
            Some((id, _, _)) => format!("{}~{id}", a.idempotency_key),
            None => a.idempotency_key.clone(),
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO tiktok_actions (idempotency_key, kind, creator_id, target, payload, contacts_creator, \
             state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING id",
        )
        .bind(&key)
        .bind(a.kind.as_str())
        .bind(a.creator_id)
        .bind(&a.target)
        .bind(&a.payload_json)
        .bind(a.contacts_creator)
        .bind(now)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Settles action `id` from state `from` with `set` (`?1` now, `?2` text, `?3` a time), or says it was not
/// in that state.
pub(crate) async fn settle_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    id: i64,
    from: &str,
    set: &str,
    text: Option<&str>,
    at: Option<DateTime<Utc>>,
) -> Result<()> {
    let sql = format!("UPDATE tiktok_actions SET {set}, updated_at = ?1 WHERE id = ?4 AND state = ?5");
    let done =
        sqlx::query(&sql).bind(Utc::now()).bind(text).bind(at).bind(id).bind(from).execute(&mut **tx).await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::ActionNotInState { id, state: from.to_string() });
    }
    Ok(())
}
