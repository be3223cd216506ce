//! After the offer: the pipeline board, replies and moves, agreed terms, sample shipments, content
//! posts, and the follow-ups Scout reminds the seller of (with the "due today" count the desktop
//! notification announces).

use crate::error::domain_error;
use crate::{Result, Workspace};
use chrono::{Days, Local, NaiveDate, Utc};
use scout_domain::{AgreedTerms, ContentPost, SampleShipment, Stage};
use scout_store::{Collaboration, FollowUp, FollowUpKind, PipelineCard, PipelineEvent};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const FOLLOW_UP_KEY: &str = "follow_ups";
const NOTIFIED_KEY: &str = "follow_ups_notified_on";
/// Days without a reply before an invite is chased (creators typically answer within a few days).
const DEFAULT_NO_REPLY_DAYS: u32 = 5;
/// How far ahead the follow-up list looks.
const UPCOMING_DAYS: u64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpSettings {
    /// Days after an invite without a reply before Scout reminds the seller.
    pub no_reply_days: u32,
}

impl Default for FollowUpSettings {
    fn default() -> Self {
        FollowUpSettings { no_reply_days: DEFAULT_NO_REPLY_DAYS }
    }
}

/// Follow-ups split as the seller reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUps {
    pub today: NaiveDate,
    /// Due today or overdue.
    pub due: Vec<FollowUp>,
    /// Due within the next week.
    pub upcoming: Vec<FollowUp>,
}

/// "3 follow-ups due today: @ann (no reply), @bob (ship the sample) and 1 more".
fn notice_text(due: &[FollowUp], today: NaiveDate) -> String {
    let what = |k: FollowUpKind| match k {
        FollowUpKind::NoReply => "no reply",
        FollowUpKind::ShipSample => "ship the sample",
        FollowUpKind::ContentDue => "content due",
    };
    let named: Vec<String> =
        due.iter().take(2).map(|f| format!("@{} ({})", f.handle, what(f.kind))).collect();
    let count = if due.len() == 1 { "1 follow-up".to_string() } else { format!("{} follow-ups", due.len()) };
    let more = if due.len() > 2 { format!(" and {} more", due.len() - 2) } else { String::new() };
    let when = if due.iter().all(|f| f.due_on == today) { "due today" } else { "due or overdue" };
    format!("{count} {when}: {}{more}", named.join(", "))
}

impl Workspace {
    pub async fn follow_up_settings(&self) -> Result<FollowUpSettings> {
        Ok(self.json_setting(FOLLOW_UP_KEY).await?.unwrap_or_default())
    }

    pub async fn set_follow_up_settings(&self, settings: FollowUpSettings) -> Result<()> {
        if !(1..=60).contains(&settings.no_reply_days) {
            return Err(crate::AppError::InvalidField {
                field: "no_reply_days".into(),
                message: format!("{} days is outside 1–60", settings.no_reply_days),
            });
        }
        self.set_json_setting(FOLLOW_UP_KEY, &settings).await
    }

    /// What to chase, as of the seller's local today.
    pub async fn follow_ups(&self) -> Result<FollowUps> {
        self.follow_ups_on(Local::now().date_naive(), *Local::now().offset()).await
    }

    #[doc(hidden)]
    pub async fn follow_ups_on(&self, today: NaiveDate, tz: chrono::FixedOffset) -> Result<FollowUps> {
        let settings = self.follow_up_settings().await?;
        let until = today + Days::new(UPCOMING_DAYS);
        let all = self.store.follow_ups(today, until, tz, settings.no_reply_days).await?;
        let (due, upcoming) = all.into_iter().partition(|f| f.due_on <= today);
        Ok(FollowUps { today, due, upcoming })
    }

    /// The desktop notification's text when follow-ups are due and the seller has not been told today;
    /// records that they have been. `None` when nothing is due or they were told already.
    pub async fn follow_up_notice(&self) -> Result<Option<String>> {
        let follow = self.follow_ups().await?;
        let told: Option<NaiveDate> = self.json_setting(NOTIFIED_KEY).await?;
        if follow.due.is_empty() || told == Some(follow.today) {
            return Ok(None);
        }
        self.set_json_setting(NOTIFIED_KEY, &follow.today).await?;
        Ok(Some(notice_text(&follow.due, follow.today)))
    }

    pub async fn snooze_follow_up(
        &self,
        campaign_id: i64,
        creator_id: i64,
        kind: FollowUpKind,
        until: NaiveDate,
    ) -> Result<()> {
        if until <= Local::now().date_naive() {
            return Err(crate::AppError::InvalidField {
                field: "until".into(),
                message: format!("{until} is not after today"),
            });
        }
        Ok(self.store.snooze_follow_up(campaign_id, creator_id, kind, until).await?)
    }

    /// The pipeline board: one campaign's creators, or every campaign's.
    pub async fn pipeline_board(&self, campaign_id: Option<i64>) -> Result<Vec<PipelineCard>> {
        Ok(self.store.pipeline_board(campaign_id).await?)
    }

    /// Moves a creator along a campaign's pipeline (validated by the state machine), with a cause.
    pub async fn move_stage(
        &self,
        campaign_id: i64,
        creator_id: i64,
        to: Stage,
        cause: &str,
    ) -> Result<Stage> {
        Ok(self.store.move_stage(campaign_id, creator_id, to, cause).await?)
    }

    /// Takes back the creator's last move in the campaign, a move to `to` ("Undo" on the board): back
    /// where they were, the move off their timeline. Refused when anything was recorded since.
    pub async fn undo_move(&self, campaign_id: i64, creator_id: i64, to: Stage) -> Result<Stage> {
        Ok(self.store.undo_move(campaign_id, creator_id, to).await?)
    }

    /// Makes a snoozed follow-up due again ("Undo" of a snooze).
    pub async fn unsnooze_follow_up(
        &self,
        campaign_id: i64,
        creator_id: i64,
        kind: FollowUpKind,
    ) -> Result<()> {
        Ok(self.store.unsnooze_follow_up(campaign_id, creator_id, kind).await?)
    }

    /// Records the creator's reply: moves them to replied with the seller's summary on the timeline.
    pub async fn record_reply(&self, campaign_id: i64, creator_id: i64, summary: &str) -> Result<Stage> {
        let summary = summary.trim();
        let cause = if summary.is_empty() { "replied".to_string() } else { format!("replied: {summary}") };
        self.move_stage(campaign_id, creator_id, Stage::Replied, &cause).await
    }

    pub async fn record_agreement(
        &self,
        campaign_id: i64,
        creator_id: i64,
        terms: &AgreedTerms,
    ) -> Result<Stage> {
        terms.validate().map_err(|e| domain_error(e, "terms"))?;
        Ok(self.store.record_agreement(campaign_id, creator_id, terms).await?)
    }

    pub async fn record_shipment(
        &self,
        campaign_id: i64,
        creator_id: i64,
        shipment: &SampleShipment,
    ) -> Result<Stage> {
        shipment.validate(Utc::now().date_naive()).map_err(|e| domain_error(e, "shipment"))?;
        Ok(self.store.record_shipment(campaign_id, creator_id, shipment).await?)
    }

    pub async fn record_post(&self, campaign_id: i64, creator_id: i64, post: &ContentPost) -> Result<Stage> {
        post.validate(Utc::now().date_naive()).map_err(|e| domain_error(e, "post"))?;
        Ok(self.store.record_post(campaign_id, creator_id, post).await?)
    }

    pub async fn collaboration(&self, campaign_id: i64, creator_id: i64) -> Result<Collaboration> {
        Ok(self.store.collaboration(campaign_id, creator_id).await?)
    }

    /// Everything that happened to a creator across campaigns, oldest first.
    pub async fn timeline(&self, creator_id: i64) -> Result<Vec<PipelineEvent>> {
        Ok(self.store.timeline(creator_id).await?)
    }
}
