//! The follow-up rules: what a seller should chase about a creator in a campaign's pipeline, and by
//! which of the seller's local dates — an invite without a reply after N days, a free sample agreed
//! but not shipped within two days, the agreed content's due date (or, when none was agreed, 14 days
//! after the sample went out or the deal was made: TikTok Shop expects a post within 14 days of a
//! sample). Every collaboration waiting on the creator has a date, so the follow-ups agree with the
//! board. Derived from the pipeline, never stored; only snoozes are (by the store).

use crate::Stage;
use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Days a seller has to ship an agreed free sample before Scout reminds them (TikTok gives creators'
/// sample requests 7 days; shipping soon after agreeing keeps the deal warm).
pub const SHIP_SAMPLE_WITHIN_DAYS: u64 = 2;

/// Days a creator has to post once the sample is out (domain.md: "expected to post within 14 days"),
/// and, for a deal without a sample or a due date, once it was agreed.
pub const POST_WITHIN_DAYS: u64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FollowUpKind {
    /// Invited, no reply yet.
    NoReply,
    /// A free sample was agreed and has not been shipped.
    ShipSample,
    /// The agreed content is due (on the agreed date, else 14 days after the sample or the deal).
    ContentDue,
}

impl FollowUpKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FollowUpKind::NoReply => "no_reply",
            FollowUpKind::ShipSample => "ship_sample",
            FollowUpKind::ContentDue => "content_due",
        }
    }
}

/// What the pipeline knows about one creator in one campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineFacts {
    pub stage: Stage,
    /// Since when the creator has been in `stage`.
    pub since: DateTime<Utc>,
    /// The agreement, when there is one: with a free sample, when it was recorded, content due on.
    pub free_sample: Option<bool>,
    pub agreed_at: Option<DateTime<Utc>>,
    pub content_due: Option<NaiveDate>,
    /// A sample shipment is recorded.
    pub shipped: bool,
}

/// Every follow-up these facts ask for, with the seller's local date it is due on (time zone `tz`).
pub fn follow_ups_due(
    facts: &PipelineFacts,
    tz: FixedOffset,
    no_reply_days: u32,
) -> Vec<(FollowUpKind, NaiveDate)> {
    let local = |at: DateTime<Utc>| at.with_timezone(&tz).date_naive();
    let mut due = Vec::new();
    if facts.stage == Stage::Invited {
        due.push((FollowUpKind::NoReply, local(facts.since) + Days::new(u64::from(no_reply_days))));
    }
    if facts.stage == Stage::Agreed && facts.free_sample == Some(true) && !facts.shipped {
        if let Some(agreed_at) = facts.agreed_at {
            due.push((FollowUpKind::ShipSample, local(agreed_at) + Days::new(SHIP_SAMPLE_WITHIN_DAYS)));
        }
    }
    let expected_post = match (facts.stage, facts.content_due) {
        (Stage::Agreed | Stage::SampleShipped, Some(day)) => Some(day),
        // The sample is out (its stage began when it shipped): the post is expected two weeks on.
        (Stage::SampleShipped, None) => Some(local(facts.since) + Days::new(POST_WITHIN_DAYS)),
        // A deal without a sample waits on nothing but the creator.
        (Stage::Agreed, None) if facts.free_sample != Some(true) => {
            Some(local(facts.agreed_at.unwrap_or(facts.since)) + Days::new(POST_WITHIN_DAYS))
        }
        _ => None,
    };
    if let Some(day) = expected_post {
        due.push((FollowUpKind::ContentDue, day));
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap().and_hms_opt(hour, 0, 0).unwrap().and_utc()
    }

    fn facts(stage: Stage) -> PipelineFacts {
        PipelineFacts {
            stage,
            since: at(1, 23),
            free_sample: Some(true),
            agreed_at: Some(at(2, 23)),
            content_due: NaiveDate::from_ymd_opt(2026, 12, 20),
            shipped: false,
        }
    }

    #[test]
    fn each_stage_asks_for_its_own_follow_ups_on_the_sellers_local_dates() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let jakarta = FixedOffset::east_opt(7 * 3600).unwrap();
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        assert_eq!(follow_ups_due(&facts(Stage::Invited), utc, 5), [(FollowUpKind::NoReply, d(6))]);
        assert_eq!(
            follow_ups_due(&facts(Stage::Invited), jakarta, 5),
            [(FollowUpKind::NoReply, d(7))],
            "23:00 UTC is the next morning in Jakarta"
        );
        assert_eq!(
            follow_ups_due(&facts(Stage::Agreed), utc, 5),
            [(FollowUpKind::ShipSample, d(4)), (FollowUpKind::ContentDue, d(20))]
        );
        let shipped = PipelineFacts { shipped: true, ..facts(Stage::Agreed) };
        assert_eq!(follow_ups_due(&shipped, utc, 5), [(FollowUpKind::ContentDue, d(20))]);
        assert_eq!(follow_ups_due(&facts(Stage::SampleShipped), utc, 5), [(FollowUpKind::ContentDue, d(20))]);
        assert!(follow_ups_due(&facts(Stage::ContentPosted), utc, 5).is_empty(), "posted: nothing to chase");
    }

    #[test]
    fn without_a_due_date_the_post_is_expected_two_weeks_after_the_sample_or_the_deal() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let open = |stage, free_sample| PipelineFacts { content_due: None, free_sample, ..facts(stage) };
        assert_eq!(
            follow_ups_due(
                &PipelineFacts { shipped: true, ..open(Stage::SampleShipped, Some(true)) },
                utc,
                5
            ),
            [(FollowUpKind::ContentDue, d(15))],
            "shipped on the 1st: the post is expected on the 15th"
        );
        assert_eq!(
            follow_ups_due(&open(Stage::Agreed, Some(false)), utc, 5),
            [(FollowUpKind::ContentDue, d(16))],
            "agreed on the 2nd without a sample"
        );
        assert_eq!(
            follow_ups_due(&open(Stage::Agreed, Some(true)), utc, 5),
            [(FollowUpKind::ShipSample, d(4))],
            "with a sample still to ship, shipping comes first"
        );
        for stage in [Stage::Shortlisted, Stage::Replied, Stage::Declined, Stage::NoResponse] {
            assert!(follow_ups_due(&open(stage, None), utc, 5).is_empty(), "{stage:?}: nothing is waited on");
        }
    }
}
