//! Free-sample requests (issue 19): synced from TikTok Shop into the workspace and listed by status.
//! Reviews, the rule, the learned P(post) and the follow-up come in later slices.

mod assess;
mod board;
mod decide;
mod economics;
mod follow;
mod history;
mod model;
mod outcomes;
mod products;
mod rule;
mod rule_run;
mod sync;

pub use board::{SampleBoard, SampleBoardRow, SampleGroup, SampleGroupCount, SAMPLE_GROUPS};
pub use decide::{reject_words, DecisionSeen, SampleChoice, MAX_DECISIONS_AT_ONCE};
pub use economics::EconomicsInput;
pub use follow::{SampleFollowReport, REMIND_AFTER_DAYS};
pub use history::{EndedRequest, SampleHistoryReport, ENDED_SAMPLE_STATUSES};
pub use model::{PostModelCard, PostModelEntry, PostOutcomeSummary};
pub use products::RequestedProduct;
pub use rule::{SampleRuleState, BACKTEST_DAYS};
pub use rule_run::{RuleRun, SamplesSynced};
pub use sync::{SampleStatusCount, SampleSyncReport, SYNCED_SAMPLE_STATUSES};

use crate::{AppError, Result, Workspace};
use scout_store::SampleRequestPage;
use scout_tiktok::SampleStatus;

/// Stored requests one list page holds by default.
pub const SAMPLE_PAGE_ROWS: u32 = 50;

/// A status as a person writes it (`pending`, `awaiting-shipment`, `CONTENT_PENDING`, …).
pub fn parse_sample_status(word: &str) -> Result<SampleStatus> {
    let wire = word.trim().to_ascii_uppercase().replace(['-', ' '], "_");
    serde_json::from_value(serde_json::Value::String(wire)).map_err(|_| AppError::InvalidField {
        field: "status".into(),
        message: format!(
            "status '{}' is unknown (expected one of {})",
            word.trim(),
            SYNCED_SAMPLE_STATUSES
                .iter()
                .map(|s| s.as_wire().to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
                + " or an ended status such as reject_cancelled"
        ),
    })
}

impl Workspace {
    /// Stored sample requests with `status` (all without one), newest first, `limit` from `offset`.
    pub async fn list_sample_requests(
        &self,
        status: Option<SampleStatus>,
        limit: u32,
        offset: u32,
    ) -> Result<SampleRequestPage> {
        Ok(self.store.list_sample_requests(status.map(SampleStatus::as_wire), limit, offset).await?)
    }

    /// How many stored requests each status has (TikTok's words), in alphabetical order.
    pub async fn count_sample_requests(&self) -> Result<Vec<(String, u64)>> {
        Ok(self.store.count_sample_requests_by_status().await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_read_as_people_write_them_and_an_unknown_one_is_named() {
        assert_eq!(parse_sample_status("pending").unwrap(), SampleStatus::Pending);
        assert_eq!(parse_sample_status(" awaiting-shipment ").unwrap(), SampleStatus::AwaitingShipment);
        assert_eq!(parse_sample_status("CONTENT_PENDING").unwrap(), SampleStatus::ContentPending);
        let e = parse_sample_status("posted").unwrap_err();
        assert!(e.to_string().contains("status 'posted' is unknown"), "{e}");
    }
}
