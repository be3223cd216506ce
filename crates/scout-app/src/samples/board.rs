//! The Samples screen's rows: the stored requests of one group of statuses (to decide, shipping,
//! waiting for content, posted, ended), each with its newest decision and where its review stands,
//! and how many requests each group holds.

use crate::{Result, Workspace};
use scout_match::samples::SampleAssessment;
use scout_store::{SampleDecision, SampleRequest};
use scout_tiktok::SampleStatus;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The Samples screen's tabs, each a set of TikTok Shop's statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SampleGroup {
    /// Waiting for the seller's decision.
    ToDecide,
    /// Approved: waiting to ship, or on the way.
    Shipping,
    /// Delivered; the creator is expected to post.
    AwaitingContent,
    Posted,
    /// Rejected, cancelled, withdrawn, not posted in time, or closed by TikTok Shop.
    Ended,
}

pub const SAMPLE_GROUPS: [SampleGroup; 5] = [
    SampleGroup::ToDecide,
    SampleGroup::Shipping,
    SampleGroup::AwaitingContent,
    SampleGroup::Posted,
    SampleGroup::Ended,
];

impl SampleGroup {
    pub fn statuses(self) -> &'static [SampleStatus] {
        use SampleStatus::*;
        match self {
            SampleGroup::ToDecide => &[Pending],
            SampleGroup::Shipping => &[AwaitingShipment, Shipped],
            SampleGroup::AwaitingContent => &[ContentPending],
            SampleGroup::Posted => &[Completed, OpsCompleted],
            SampleGroup::Ended => &[
                RejectCancelled,
                OverdueCancelled,
                UnfulfillCancelled,
                DelOpenCollab,
                SellerNotShipCancelled,
                WithdrawCancelled,
                UnfulfillableCancelled,
                OpsCancelled,
                OpsFailed,
            ],
        }
    }

    fn words(self) -> Vec<&'static str> {
        self.statuses().iter().map(|s| s.as_wire()).collect()
    }
}

/// One request as the screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SampleBoardRow {
    pub request: SampleRequest,
    /// The newest decision, by the seller or the rule, and where its review stands.
    pub decision: Option<SampleDecision>,
    /// Scout's P(post), expected GMV and net value, explained — for requests still to decide.
    pub assessment: Option<SampleAssessment>,
}

/// How many stored requests a group holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SampleGroupCount {
    pub group: SampleGroup,
    #[ts(type = "number")]
    pub count: u64,
}

/// One page of a group.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SampleBoard {
    pub group: SampleGroup,
    pub rows: Vec<SampleBoardRow>,
    /// All the requests of the group.
    #[ts(type = "number")]
    pub total: u64,
    /// Every group's count, in [`SAMPLE_GROUPS`]' order.
    pub counts: Vec<SampleGroupCount>,
}

impl Workspace {
    /// The content a creator posted for a sample (videos, LIVEs), oldest first.
    pub async fn sample_posts(&self, application_id: &str) -> Result<Vec<scout_store::SamplePost>> {
        Ok(self.store.sample_posts(application_id).await?)
    }

    /// A page of `group`'s requests (newest first) with their newest decisions, and every group's count.
    pub async fn sample_board(&self, group: SampleGroup, limit: u32, offset: u32) -> Result<SampleBoard> {
        let page = self.store.list_sample_requests_in(Some(&group.words()), limit, offset).await?;
        let ids: Vec<String> = page.rows.iter().map(|r| r.application_id.clone()).collect();
        let mut decisions = self.store.latest_sample_decisions(&ids).await?;
        let mut assessments: HashMap<String, SampleAssessment> =
            if group == SampleGroup::ToDecide && !ids.is_empty() {
                self.assess_sample_requests(Some(&ids))
                    .await?
                    .into_iter()
                    .map(|a| (a.application_id.clone(), a))
                    .collect()
            } else {
                HashMap::new()
            };
        let rows = page
            .rows
            .into_iter()
            .map(|request| {
                let decision = decisions.remove(&request.application_id);
                let assessment = assessments.remove(&request.application_id);
                SampleBoardRow { request, decision, assessment }
            })
            .collect();
        let by_status = self.store.count_sample_requests_by_status().await?;
        let counts = SAMPLE_GROUPS
            .iter()
            .map(|g| {
                let words = g.words();
                let count =
                    by_status.iter().filter(|(s, _)| words.contains(&s.as_str())).map(|(_, n)| n).sum();
                SampleGroupCount { group: *g, count }
            })
            .collect();
        Ok(SampleBoard { group, rows, total: page.total, counts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_is_in_exactly_one_group() {
        let all: Vec<&str> = SAMPLE_GROUPS.iter().flat_map(|g| g.words()).collect();
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "no status in two groups");
        assert_eq!(all.len(), 15, "every status TikTok's model lists");
    }
}
