//! Decisions on free-sample requests (issue 19): approve or reject, by the seller or by their rule, each
//! kept with its reason and the numbers it saw, and its review queued in the TikTok actions outbox in
//! the same transaction — a decision is never recorded without its review, nor a review sent without
//! its decision. A request has at most one live decision (its review queued, on its way, done or being
//! checked); one whose review failed for good or was cancelled stays on record and another may follow.

use crate::tiktok_actions::{queue_actions_in, settle_in};
use crate::{ActionState, NewAction, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SampleVerdict {
    Approve,
    Reject,
}

impl SampleVerdict {
    fn as_str(self) -> &'static str {
        match self {
            SampleVerdict::Approve => "approve",
            SampleVerdict::Reject => "reject",
        }
    }

    fn parse(s: &str, id: i64) -> Result<SampleVerdict> {
        match s {
            "approve" => Ok(SampleVerdict::Approve),
            "reject" => Ok(SampleVerdict::Reject),
            other => Err(corrupt("decision", id, other)),
        }
    }
}

/// Who decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DecidedBy {
    Seller,
    Rule,
}

impl DecidedBy {
    fn as_str(self) -> &'static str {
        match self {
            DecidedBy::Seller => "seller",
            DecidedBy::Rule => "rule",
        }
    }

    fn parse(s: &str, id: i64) -> Result<DecidedBy> {
        match s {
            "seller" => Ok(DecidedBy::Seller),
            "rule" => Ok(DecidedBy::Rule),
            other => Err(corrupt("decided_by", id, other)),
        }
    }
}

fn corrupt(column: &'static str, id: i64, value: &str) -> StoreError {
    StoreError::Corrupt {
        table: "sample_decisions",
        column,
        id,
        message: format!("'{value}' is not a known {column}"),
    }
}

/// A decision to record, with the review that carries it to TikTok Shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSampleDecision {
    pub application_id: String,
    pub verdict: SampleVerdict,
    /// TikTok's word (`NOT_MATCH`, `OFFLINE`, `OUT_OF_STOCK`, `OTHER`); a rejection must have one.
    pub reject_reason: Option<String>,
    pub decided_by: DecidedBy,
    /// The seller's note or the rule's reason, in words.
    pub reason: String,
    /// The numbers the decision saw, JSON (P(post), expected GMV, net value, TikTok's signals, the model).
    pub seen_json: String,
    /// The review (its creator and target are filled from the stored request).
    pub idempotency_key: String,
    pub payload_json: String,
}

/// A recorded decision and where its review stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SampleDecision {
    #[ts(type = "number")]
    pub id: i64,
    pub application_id: String,
    pub verdict: SampleVerdict,
    pub reject_reason: Option<String>,
    pub decided_by: DecidedBy,
    pub reason: String,
    pub seen_json: String,
    #[ts(type = "number")]
    pub action_id: i64,
    pub review_state: ActionState,
    /// Why the review has not landed (yet), in TikTok Shop's or Scout's words.
    pub review_error: Option<String>,
    /// Failed for now: the outbox tries it again by itself (the decision still stands).
    pub review_retrying: bool,
    pub decided_at: DateTime<Utc>,
}

const DECISION_SELECT: &str =
    "SELECT d.id, d.application_id, d.decision, d.reject_reason, d.decided_by, d.reason, \
     d.seen, d.action_id, d.decided_at, a.state, a.last_error, a.retryable \
     FROM sample_decisions d JOIN tiktok_actions a ON a.id = d.action_id";

/// A decision whose review may still land or has: the request cannot be decided again.
const LIVE: &str =
    "(a.state IN ('queued', 'sending', 'done', 'needs_check') OR (a.state = 'failed' AND a.retryable = 1))";

fn decision_from_row(r: &sqlx::sqlite::SqliteRow) -> Result<SampleDecision> {
    let id: i64 = r.try_get("id")?;
    let action_id: i64 = r.try_get("action_id")?;
    let state: String = r.try_get("state")?;
    Ok(SampleDecision {
        id,
        application_id: r.try_get("application_id")?,
        verdict: SampleVerdict::parse(r.try_get("decision")?, id)?,
        reject_reason: r.try_get("reject_reason")?,
        decided_by: DecidedBy::parse(r.try_get("decided_by")?, id)?,
        reason: r.try_get("reason")?,
        seen_json: r.try_get("seen")?,
        action_id,
        review_state: ActionState::parse(&state, action_id)?,
        review_error: r.try_get("last_error")?,
        review_retrying: state == "failed" && r.try_get::<bool, _>("retryable")?,
        decided_at: r.try_get("decided_at")?,
    })
}

impl Store {
    /// Records every decision and queues its review, or none: a request that is unknown, not pending, or
    /// already has a live decision, or an approval for a creator on the do-not-contact list, fails the
    /// batch naming the request. Returns the decisions' ids in order.
    pub async fn record_sample_decisions(&self, decisions: &[NewSampleDecision]) -> Result<Vec<i64>> {
        let mut tx = self.write_tx().await?;
        let now = Utc::now();
        let mut ids = Vec::with_capacity(decisions.len());
        for d in decisions {
            let refuse = |message: String| StoreError::InvalidSampleRequest {
                application_id: d.application_id.clone(),
                message,
            };
            let request: Option<(String, Option<i64>)> =
                sqlx::query_as("SELECT status, creator_id FROM sample_requests WHERE application_id = ?")
                    .bind(&d.application_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (status, creator_id) =
                request.ok_or_else(|| refuse("no such request in this workspace".into()))?;
            if status != "PENDING" {
                return Err(refuse(format!(
                    "it is {status} on TikTok Shop, not PENDING; only a pending request can be decided"
                )));
            }
            if d.verdict == SampleVerdict::Reject && d.reject_reason.is_none() {
                return Err(refuse("a rejection needs one of TikTok Shop's reasons".into()));
            }
            let live: Option<(String, String)> = sqlx::query_as(&format!(
                "SELECT d.decision, d.decided_by FROM sample_decisions d JOIN tiktok_actions a ON a.id = d.action_id \
                 WHERE d.application_id = ? AND {LIVE} LIMIT 1"
            ))
            .bind(&d.application_id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((verdict, by)) = live {
                return Err(refuse(format!("it is already decided ({verdict}, by the {by})")));
            }
            let action = NewAction {
                idempotency_key: d.idempotency_key.clone(),
                kind: crate::ActionKind::SampleReview,
                creator_id,
                target: d.application_id.clone(),
                payload_json: d.payload_json.clone(),
                contacts_creator: d.verdict == SampleVerdict::Approve,
            };
            let action_id = queue_actions_in(&mut tx, &[action], now).await?[0];
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO sample_decisions (application_id, decision, reject_reason, decided_by, reason, seen, \
                 action_id, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(&d.application_id)
            .bind(d.verdict.as_str())
            .bind(&d.reject_reason)
            .bind(d.decided_by.as_str())
            .bind(&d.reason)
            .bind(&d.seen_json)
            .bind(action_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            ids.push(id);
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// Every decision on a request, oldest first.
    pub async fn sample_decisions(&self, application_id: &str) -> Result<Vec<SampleDecision>> {
        let rows = sqlx::query(&format!("{DECISION_SELECT} WHERE d.application_id = ? ORDER BY d.id"))
            .bind(application_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(decision_from_row).collect()
    }

    /// The newest decision on each of `application_ids` that has one.
    pub async fn latest_sample_decisions(
        &self,
        application_ids: &[String],
    ) -> Result<HashMap<String, SampleDecision>> {
        let mut out = HashMap::new();
        for chunk in application_ids.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!(
                "{DECISION_SELECT} WHERE d.id IN (SELECT max(id) FROM sample_decisions \
                 WHERE application_id IN ({marks}) GROUP BY application_id)"
            );
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id);
            }
            for row in q.fetch_all(&self.pool).await? {
                let d = decision_from_row(&row)?;
                out.insert(d.application_id.clone(), d);
            }
        }
        Ok(out)
    }

    /// Approvals made since `since`, by the seller or the rule, whose review did not fail for good or
    /// get cancelled (the rule's daily limit counts them).
    pub async fn approvals_since(&self, since: DateTime<Utc>) -> Result<u64> {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM sample_decisions d JOIN tiktok_actions a ON a.id = d.action_id \
             WHERE d.decision = 'approve' AND d.decided_at >= ? AND {LIVE}"
        ))
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(n.max(0) as u64)
    }

    /// The creator's open id and the product id of a stored request (what a review's check searches by).
    pub async fn review_subject(&self, application_id: &str) -> Result<(String, String)> {
        sqlx::query_as("SELECT creator_open_id, product_id FROM sample_requests WHERE application_id = ?")
            .bind(application_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::InvalidSampleRequest {
                application_id: application_id.to_string(),
                message: "no such request in this workspace".into(),
            })
    }

    /// A review landed: its action is done (from `from`: `sending`, or `needs_check` after a check) and
    /// the request takes the status TikTok Shop gives it, in one transaction.
    pub async fn settle_review(
        &self,
        action_id: i64,
        from: ActionState,
        application_id: &str,
        status: &str,
        result_json: Option<&str>,
    ) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let now = Utc::now();
        let set = "state = 'done', done_at = ?1, result = ?2, last_error = NULL";
        settle_in(&mut tx, action_id, from.as_str(), set, result_json, None).await?;
        sqlx::query("UPDATE sample_requests SET status = ?, updated_at = ? WHERE application_id = ? AND status = 'PENDING'")
            .bind(status)
            .bind(now)
            .bind(application_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT OR IGNORE INTO sample_status_seen (application_id, status, first_seen_at) VALUES (?, ?, ?)")
            .bind(application_id)
            .bind(status)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
