//! What an import says about itself, the same for every importer (creator lists, order exports, video
//! exports, and the same files fetched from the TikTok Shop API): every row counted exactly once
//! ([`ImportCounts`]), one issue type for what happened to a row or a cell ([`RowIssue`]), and one report
//! ([`ImportReport`]) with the parts only one kind has (the platform a creator list was read for, how
//! many order lines found their collaboration).

use crate::Platform;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The first issues a report carries; every issue is stored with the import, so none is lost.
pub const REPORT_ISSUES: usize = 1_000;

/// What was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportKind {
    /// A creator list: Seller Center, a third-party tool or a spreadsheet.
    Creators,
    /// Affiliate order lines (Seller Center's export or the API).
    Orders,
    /// Creators' shoppable videos (Affiliate Center's export).
    Videos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportStatus {
    Imported,
    /// The same file with the same mapping was imported before; nothing was read or changed.
    UnchangedDuplicateFile,
}

/// How an import's rows ended up. Every data row is counted exactly once in created, updated,
/// unchanged, merged or rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportCounts {
    #[ts(type = "number")]
    pub rows_total: u64,
    #[ts(type = "number")]
    pub created: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub unchanged: u64,
    /// Rows that repeated an earlier row's record and were merged into it (creator lists).
    #[ts(type = "number")]
    pub merged: u64,
    #[ts(type = "number")]
    pub rejected: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IssueOutcome {
    /// The row was not imported.
    Rejected,
    /// The row repeated an earlier row's creator; its figures were merged into that creator.
    Merged,
    /// One cell could not be read; the rest of the row was imported.
    ValueSkipped,
    /// The row was imported whole; something about it is worth knowing (a value read with an
    /// assumption, such as an unknown settlement status taken as pending).
    Noted,
}

impl IssueOutcome {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueOutcome::Rejected => "rejected",
            IssueOutcome::Merged => "merged",
            IssueOutcome::ValueSkipped => "value_skipped",
            IssueOutcome::Noted => "noted",
        }
    }

    /// Reads the stored spelling; `None` for anything else.
    pub fn parse(s: &str) -> Option<IssueOutcome> {
        match s {
            "rejected" => Some(IssueOutcome::Rejected),
            "merged" => Some(IssueOutcome::Merged),
            "value_skipped" => Some(IssueOutcome::ValueSkipped),
            "noted" => Some(IssueOutcome::Noted),
            _ => None,
        }
    }
}

/// One thing an import reports about one row: a value that could not be read (the rest of the row was
/// kept), a row merged into an earlier one, or the reason a whole row was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RowIssue {
    /// The row's line in the file (1 is the header row).
    #[ts(type = "number")]
    pub line: u64,
    /// The column's header, when the issue is about one cell.
    pub column: Option<String>,
    pub raw_value: Option<String>,
    pub message: String,
    pub outcome: IssueOutcome,
    /// The row's raw cells, kept for rejected rows so they can be exported, fixed and imported again.
    pub cells: Option<Vec<String>>,
}

impl RowIssue {
    /// A cell that could not be read; the rest of its row was kept.
    pub fn value_skipped(line: u64, column: String, raw_value: String, message: String) -> RowIssue {
        RowIssue {
            line,
            column: Some(column),
            raw_value: Some(raw_value),
            message,
            outcome: IssueOutcome::ValueSkipped,
            cells: None,
        }
    }

    /// A remark about a row that was imported whole.
    pub fn noted(line: u64, message: String) -> RowIssue {
        RowIssue { line, column: None, raw_value: None, message, outcome: IssueOutcome::Noted, cells: None }
    }

    /// A row that was not imported, with its cells when they were read.
    pub fn rejected(line: u64, message: String, cells: Option<Vec<String>>) -> RowIssue {
        RowIssue { line, column: None, raw_value: None, message, outcome: IssueOutcome::Rejected, cells }
    }
}

/// Which platform a creator list was read for, and what in the file said so (empty: the seller chose
/// it, or nothing in the file said and TikTok was taken).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlatformReading {
    pub platform: Platform,
    pub evidence: Vec<String>,
}

/// Where an order file's lines went: to a collaboration, or waiting for the seller to assign them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttributionCounts {
    #[ts(type = "number")]
    pub attributed: u64,
    #[ts(type = "number")]
    pub unattributed: u64,
}

/// What one import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    /// The stored import, when one was made (a duplicate file makes none).
    #[ts(type = "number | null")]
    pub import_id: Option<i64>,
    pub file_name: String,
    pub kind: ImportKind,
    pub status: ImportStatus,
    #[serde(flatten)]
    #[ts(flatten)]
    pub counts: ImportCounts,
    /// The first issues, in file order (all of them are stored with the import).
    pub issues: Vec<RowIssue>,
    /// Issues left out of `issues` to keep the report small.
    #[ts(type = "number")]
    pub issues_truncated: u64,
    #[ts(type = "number")]
    pub duration_ms: u64,
    /// How the file's day/month order was decided ("day first, as 23 dates in the file show"), when it
    /// has dates that could be read either way.
    pub date_order: Option<String>,
    /// Creator lists: the platform of rows that name none.
    pub platform: Option<PlatformReading>,
    /// Order files: the lines now attached to a collaboration, and those no collaboration claims.
    pub attribution: Option<AttributionCounts>,
}

impl ImportReport {
    /// An empty report for a file about to be read.
    pub fn new(file_name: String, kind: ImportKind) -> ImportReport {
        ImportReport {
            import_id: None,
            file_name,
            kind,
            status: ImportStatus::Imported,
            counts: ImportCounts::default(),
            issues: Vec::new(),
            issues_truncated: 0,
            duration_ms: 0,
            date_order: None,
            platform: None,
            attribution: None,
        }
    }

    /// Keeps `issue` in the report while there is room, and counts it as left out when there is not.
    pub fn note_issue(&mut self, issue: &RowIssue) {
        if self.issues.len() < REPORT_ISSUES {
            self.issues.push(issue.clone());
        } else {
            self.issues_truncated += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_outcomes_read_back_what_they_store_and_nothing_else() {
        for o in
            [IssueOutcome::Rejected, IssueOutcome::Merged, IssueOutcome::ValueSkipped, IssueOutcome::Noted]
        {
            assert_eq!(IssueOutcome::parse(o.as_str()), Some(o));
        }
        assert_eq!(IssueOutcome::parse("skipped"), None);
    }

    #[test]
    fn a_report_keeps_the_first_issues_and_counts_the_rest() {
        let mut r = ImportReport::new("f.csv".into(), ImportKind::Orders);
        let issue = RowIssue::rejected(2, "no order id".into(), None);
        for _ in 0..REPORT_ISSUES + 3 {
            r.note_issue(&issue);
        }
        assert_eq!((r.issues.len(), r.issues_truncated), (REPORT_ISSUES, 3));
    }
}
