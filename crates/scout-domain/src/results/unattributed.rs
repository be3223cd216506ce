//! The orders no collaboration claims, grouped by the creator they came through, and crediting them to
//! a creator in a campaign: the collaboration is made on the spot when the seller says so.

use crate::{Money, Stage};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which unattributed order lines: those of a period, and optionally of one creator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct UnattributedQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only the lines of this creator handle ("mia" or "@mia").
    pub creator: Option<String>,
    /// Only the lines whose export names no creator (`creator` is then ignored).
    pub without_creator: bool,
}

impl UnattributedQuery {
    pub fn period(&self) -> super::Period {
        super::Period::new(self.from, self.to)
    }
}

/// The unattributed orders of one creator handle (or of none) in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnattributedCreator {
    /// "@mia"; `None` for the lines whose export names no creator.
    pub creator: Option<String>,
    /// The creator's id when the handle is in the workspace (their orders can be credited to them).
    #[ts(type = "number | null")]
    pub creator_id: Option<i64>,
    /// Distinct orders and order lines (an order with two products is one order, two lines).
    #[ts(type = "number")]
    pub orders: u64,
    #[ts(type = "number")]
    pub lines: u64,
    /// What was paid, one amount per currency, most first; never added across currencies.
    pub payment: Vec<Money>,
    pub first_at: NaiveDateTime,
    pub last_at: NaiveDateTime,
    /// Why no collaboration claims the newest of them (each line says its own when expanded).
    pub reason: String,
    /// The campaigns the creator is in (any stage), by name: none means "in no campaign".
    pub campaigns: Vec<String>,
}

/// A page of creators with unattributed orders, most orders first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnattributedPage {
    /// How many creator groups (handles, and "no creator") the period has in all.
    #[ts(type = "number")]
    pub total: u64,
    /// How many unattributed order lines the period has in all.
    #[ts(type = "number")]
    pub lines: u64,
    pub groups: Vec<UnattributedCreator>,
}

/// What crediting order lines to a creator in a campaign would do, said before the seller confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreditPreview {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub campaign_name: String,
    #[ts(type = "number")]
    pub creator_id: i64,
    /// "@mia".
    pub creator: String,
    /// Where the creator is in the campaign now; `None` when not in it.
    pub stage_now: Option<Stage>,
    /// The stages the collaboration passes through, ending where the orders put it (content posted);
    /// empty when it is there already.
    pub moves: Vec<Stage>,
    /// The lines chosen, credited by hand.
    #[ts(type = "number")]
    pub lines: u64,
    /// The creator's other unattributed lines the collaboration's window then claims (same product, in
    /// the window), with their distinct orders and payment per currency.
    #[ts(type = "number")]
    pub other_lines: u64,
    #[ts(type = "number")]
    pub other_orders: u64,
    pub other_payment: Vec<Money>,
    /// The collaboration's attribution window after the credit: first and last day.
    pub window_from: NaiveDate,
    pub window_to: NaiveDate,
    /// The product the window claims orders of (the campaign's).
    pub product: String,
}

/// What a credit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreditOutcome {
    /// Lines credited by hand, and other lines the collaboration's window claimed with them.
    #[ts(type = "number")]
    pub lines: u64,
    #[ts(type = "number")]
    pub other_lines: u64,
    pub stage: Stage,
}

/// The stages a collaboration passes through when the seller credits orders to it: from where the
/// creator is (`None`: not in the campaign, so entering it as shortlisted first) to content posted —
/// a creator's order means they promoted the product. Empty when already posted or completed. A creator
/// who declined or was withdrawn is refused, naming the campaign.
pub fn credit_path(now: Option<Stage>) -> crate::Result<Vec<Stage>> {
    use std::collections::{HashMap, VecDeque};
    let target = Stage::ContentPosted;
    let start = match now {
        None => Stage::Shortlisted,
        Some(Stage::ContentPosted | Stage::Completed) => return Ok(Vec::new()),
        Some(s) => s,
    };
    // The shortest walk the state machine allows, never through an ending.
    let mut came_from: HashMap<Stage, Stage> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(stage) = queue.pop_front() {
        if stage == target {
            let mut path = vec![stage];
            let mut at = stage;
            while let Some(&prev) = came_from.get(&at) {
                path.push(prev);
                at = prev;
            }
            path.reverse();
            if now.is_some() {
                path.remove(0); // where the creator is already
            }
            return Ok(path);
        }
        for &next in stage.next() {
            // After silence the creator answered by selling: not a second invitation.
            let reinvite = start == Stage::NoResponse && next == Stage::Invited;
            let ending = matches!(next, Stage::Declined | Stage::Withdrawn | Stage::NoResponse) || reinvite;
            if !ending && next != start && !came_from.contains_key(&next) {
                came_from.insert(next, stage);
                queue.push_back(next);
            }
        }
    }
    Err(crate::DomainError::InvalidRecord {
        field: "campaign",
        problem: format!(
            "the creator is {} in this campaign, so orders cannot be credited there: choose another campaign",
            start.label().to_lowercase()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crediting_walks_the_board_to_content_posted() {
        use Stage::*;
        assert_eq!(credit_path(None).unwrap(), vec![Shortlisted, Invited, Agreed, ContentPosted]);
        assert_eq!(credit_path(Some(Shortlisted)).unwrap(), vec![Invited, Agreed, ContentPosted]);
        assert_eq!(credit_path(Some(NoResponse)).unwrap(), vec![Replied, Agreed, ContentPosted]);
        assert_eq!(credit_path(Some(SampleShipped)).unwrap(), vec![ContentPosted]);
        assert!(credit_path(Some(ContentPosted)).unwrap().is_empty());
        assert!(credit_path(Some(Completed)).unwrap().is_empty());
        for ended in [Declined, Withdrawn] {
            let e = credit_path(Some(ended)).unwrap_err();
            assert!(
                matches!(&e, crate::DomainError::InvalidRecord { field: "campaign", problem } if problem.contains(&ended.label().to_lowercase())),
                "{e}"
            );
        }
    }
}
