//! Where a creator stands in a campaign, and which moves are allowed. The one rule book for the pipeline
//! board, the outbox and the API status sync: a move it refuses names both stages.

use crate::{DomainError, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Shortlisted,
    Invited,
    Replied,
    Negotiating,
    Agreed,
    SampleShipped,
    ContentPosted,
    Completed,
    Declined,
    NoResponse,
    Withdrawn,
}

impl Stage {
    /// The board's columns, in order.
    pub const ALL: [Stage; 11] = [
        Stage::Shortlisted,
        Stage::Invited,
        Stage::Replied,
        Stage::Negotiating,
        Stage::Agreed,
        Stage::SampleShipped,
        Stage::ContentPosted,
        Stage::Completed,
        Stage::Declined,
        Stage::NoResponse,
        Stage::Withdrawn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Shortlisted => "Shortlisted",
            Stage::Invited => "Invited",
            Stage::Replied => "Replied",
            Stage::Negotiating => "Negotiating",
            Stage::Agreed => "Agreed",
            Stage::SampleShipped => "Sample shipped",
            Stage::ContentPosted => "Content posted",
            Stage::Completed => "Completed",
            Stage::Declined => "Declined",
            Stage::NoResponse => "No response",
            Stage::Withdrawn => "Withdrawn",
        }
    }

    /// The stages this one may move to.
    pub fn next(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Shortlisted => &[Invited, Withdrawn],
            // A creator can accept a TikTok target collaboration without writing back first.
            Invited => &[Replied, Agreed, Declined, NoResponse, Withdrawn],
            Replied => &[Negotiating, Agreed, Declined, Withdrawn],
            Negotiating => &[Agreed, Declined, Withdrawn],
            // Not every deal has a sample; a creator may still back out.
            Agreed => &[SampleShipped, ContentPosted, Declined, Withdrawn],
            SampleShipped => &[ContentPosted, NoResponse, Withdrawn],
            ContentPosted => &[Completed],
            // Inviting again after silence is a deliberate re-send, never automatic.
            NoResponse => &[Invited, Replied, Withdrawn],
            Completed | Declined | Withdrawn => &[],
        }
    }

    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// Checks the move `self → to`.
    pub fn move_to(self, to: Stage) -> Result<Stage> {
        if self.next().contains(&to) {
            Ok(to)
        } else {
            Err(DomainError::InvalidTransition { from: self.label(), to: to.label() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path_is_allowed() {
        let mut stage = Stage::Shortlisted;
        for to in [
            Stage::Invited,
            Stage::Replied,
            Stage::Negotiating,
            Stage::Agreed,
            Stage::SampleShipped,
            Stage::ContentPosted,
            Stage::Completed,
        ] {
            stage = stage.move_to(to).unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(stage.is_final());
    }

    #[test]
    fn impossible_moves_are_refused_naming_both_stages() {
        let err = Stage::Shortlisted.move_to(Stage::ContentPosted).unwrap_err();
        assert_eq!(err.to_string(), "a creator cannot move from Shortlisted to Content posted");
        assert!(Stage::Completed.move_to(Stage::Invited).is_err(), "completed is final");
        assert!(Stage::Declined.move_to(Stage::Agreed).is_err(), "declined is final");
    }

    #[test]
    fn every_stage_but_the_final_ones_can_be_left() {
        for s in Stage::ALL {
            let finals = [Stage::Completed, Stage::Declined, Stage::Withdrawn];
            assert_eq!(s.is_final(), finals.contains(&s), "{s:?}");
        }
    }
}
