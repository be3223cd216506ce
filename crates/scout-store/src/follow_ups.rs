//! Follow-ups: what the seller should chase, worked out from the pipeline rather than stored — an invite
//! without a reply after N days, a free sample agreed but not shipped, content due. A follow-up can be
//! snoozed until a date; it disappears for good when the creator moves on.

use crate::{Result, Store};
use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

/// Days a seller has to ship an agreed free sample before Scout reminds them (TikTok gives creators'
/// sample requests 7 days; shipping soon after agreeing keeps the deal warm).
pub const SHIP_SAMPLE_WITHIN_DAYS: u64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FollowUpKind {
    /// Invited, no reply yet.
    NoReply,
    /// A free sample was agreed and has not been shipped.
    ShipSample,
    /// The agreed content is due.
    ContentDue,
}

impl FollowUpKind {
    fn as_str(self) -> &'static str {
        match self {
            FollowUpKind::NoReply => "no_reply",
            FollowUpKind::ShipSample => "ship_sample",
            FollowUpKind::ContentDue => "content_due",
        }
    }
}

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

fn local_date(at: DateTime<Utc>, tz: FixedOffset) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
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
             WHERE s.stage IN ('invited', 'agreed', 'sample_shipped')",
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
            let stage: String = r.try_get("stage")?;
            let since: DateTime<Utc> = r.try_get("since")?;
            let mut due: Vec<(FollowUpKind, NaiveDate)> = Vec::new();
            if stage == "invited" {
                let day = local_date(since, tz) + Days::new(u64::from(no_reply_days));
                due.push((FollowUpKind::NoReply, day));
            }
            let free_sample: Option<bool> = r.try_get("free_sample")?;
            let shipped: bool = r.try_get("shipped")?;
            if stage == "agreed" && free_sample == Some(true) && !shipped {
                let agreed_at: DateTime<Utc> = r.try_get("agreed_at")?;
                due.push((
                    FollowUpKind::ShipSample,
                    local_date(agreed_at, tz) + Days::new(SHIP_SAMPLE_WITHIN_DAYS),
                ));
            }
            if stage != "invited" {
                if let Some(day) = r.try_get::<Option<NaiveDate>, _>("content_due")? {
                    due.push((FollowUpKind::ContentDue, day));
                }
            }
            let campaign_id: i64 = r.try_get("campaign_id")?;
            let creator_id: i64 = r.try_get("creator_id")?;
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
