//! Follow-ups as stored data makes them: the pipeline's facts read for the domain's rules
//! (`scout_domain::follow_ups_due`), minus what the seller snoozed and archived campaigns. A follow-up disappears for good when
//! the creator moves on.

use crate::pipeline::parse_stage;
use crate::{Result, Store};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use scout_domain::{follow_ups_due, FollowUpKind, PipelineFacts};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUp {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub campaign_name: String,
    #[ts(type = "number")]
    pub creator_id: i64,
    pub handle: String,
    pub display_name: Option<String>,
    pub kind: FollowUpKind,
    /// Since when the creator has been in the stage that asks for this follow-up.
    pub since: DateTime<Utc>,
    /// The seller's local date on which it is (or was) due.
    pub due_on: NaiveDate,
}

impl Store {
    /// Follow-ups due on or before `until` (the seller's local dates, in time zone `tz`), earliest first;
    /// snoozed ones stay hidden until their date is reached (`today`).
    pub async fn follow_ups(
        &self,
        today: NaiveDate,
        until: NaiveDate,
        tz: FixedOffset,
        no_reply_days: u32,
    ) -> Result<Vec<FollowUp>> {
        let rows = sqlx::query(
            "SELECT s.campaign_id, json_extract(c.spec, '$.name') AS campaign_name, s.creator_id, cr.handle, \
             cr.display_name, s.stage, coalesce(s.stage_changed_at, s.added_at) AS since, \
             a.free_sample, a.content_due, a.recorded_at AS agreed_at, \
             EXISTS (SELECT 1 FROM sample_shipments sh WHERE sh.campaign_id = s.campaign_id \
                     AND sh.creator_id = s.creator_id) AS shipped \
             FROM shortlist s JOIN campaigns c ON c.id = s.campaign_id JOIN creators cr ON cr.id = s.creator_id \
             LEFT JOIN agreements a ON a.campaign_id = s.campaign_id AND a.creator_id = s.creator_id \
             WHERE c.archived_at IS NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        let snoozes: Vec<(i64, i64, String, NaiveDate)> = sqlx::query_as(
            "SELECT campaign_id, creator_id, kind, until FROM follow_up_snoozes WHERE until > ?",
        )
        .bind(today)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let creator_id: i64 = r.try_get("creator_id")?;
            let since: DateTime<Utc> = r.try_get("since")?;
            let facts = PipelineFacts {
                stage: parse_stage(r.try_get("stage")?, creator_id)?,
                since,
                free_sample: r.try_get("free_sample")?,
                agreed_at: r.try_get("agreed_at")?,
                content_due: r.try_get("content_due")?,
                shipped: r.try_get("shipped")?,
            };
            let due = follow_ups_due(&facts, tz, no_reply_days);
            let campaign_id: i64 = r.try_get("campaign_id")?;
            for (kind, due_on) in due {
                let snoozed = snoozes
                    .iter()
                    .any(|(c, cr, k, _)| *c == campaign_id && *cr == creator_id && k == kind.as_str());
                if due_on > until || snoozed {
                    continue;
                }
                out.push(FollowUp {
                    campaign_id,
                    campaign_name: r.try_get("campaign_name")?,
                    creator_id,
                    handle: r.try_get("handle")?,
                    display_name: r.try_get("display_name")?,
                    kind,
                    since,
                    due_on,
                });
            }
        }
        out.sort_by(|a, b| (a.due_on, &a.handle).cmp(&(b.due_on, &b.handle)));
        Ok(out)
    }

    /// Hides a follow-up until `until` (the seller's local date).
    pub async fn snooze_follow_up(
        &self,
        campaign_id: i64,
        creator_id: i64,
        kind: FollowUpKind,
        until: NaiveDate,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO follow_up_snoozes (campaign_id, creator_id, kind, until) VALUES (?, ?, ?, ?) \
             ON CONFLICT (campaign_id, creator_id, kind) DO UPDATE SET until = excluded.until",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .bind(kind.as_str())
        .bind(until)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
