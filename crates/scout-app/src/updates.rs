//! When the desktop app looks for a newer Scout by itself: at most once a day, and never while an
//! import or a delivery runs (the check itself is harmless, but an update offered then invites a
//! restart in the middle of the seller's work). The day's memory is one small file in the per-user
//! data folder, not in the workspace: an install updates, not a workspace, and a seller may open several.
//! The seller's own "Check for updates" in Settings is not limited by any of this.

use crate::{AppError, Result};
use chrono::{DateTime, Duration, Utc};
use std::path::{Path, PathBuf};

/// How long after one automatic check the next may happen.
pub const UPDATE_CHECK_INTERVAL: Duration = Duration::hours(24);

/// Whether the automatic check should run now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckDecision {
    Check,
    /// Checked less than a day ago; the next check is due at this time.
    NotYet(DateTime<Utc>),
    /// An import or a delivery is running: try again later.
    Busy,
}

/// The remembered time of the last automatic check.
#[derive(Debug, Clone)]
pub struct UpdateSchedule {
    path: PathBuf,
}

impl UpdateSchedule {
    pub fn at(path: impl Into<PathBuf>) -> UpdateSchedule {
        UpdateSchedule { path: path.into() }
    }

    /// The schedule of this user's Scout: `last-update-check` in the per-user data folder.
    pub fn for_this_user() -> UpdateSchedule {
        UpdateSchedule::at(crate::paths::data_dir().join("last-update-check"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// When the last automatic check ran; `None` when it never did (or the file is unreadable, which
    /// costs at most one extra check).
    pub fn last_check(&self) -> Option<DateTime<Utc>> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        DateTime::parse_from_rfc3339(text.trim()).ok().map(|t| t.with_timezone(&Utc))
    }

    /// Busy work wins over everything; then a day must have passed since the last check. A last
    /// check in the future (the clock was set back) does not block checks until that day comes.
    pub fn decide(&self, now: DateTime<Utc>, busy: bool) -> CheckDecision {
        if busy {
            return CheckDecision::Busy;
        }
        match self.last_check() {
            Some(last) if last <= now && now - last < UPDATE_CHECK_INTERVAL => {
                CheckDecision::NotYet(last + UPDATE_CHECK_INTERVAL)
            }
            _ => CheckDecision::Check,
        }
    }

    /// Remembers `now` as the last check (whatever its result: a failing server is not asked again
    /// until tomorrow either).
    pub fn record(&self, now: DateTime<Utc>) -> Result<()> {
        let io = |action, source| AppError::Io { action, path: self.path.clone(), source };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io("create the folder of", e))?;
        }
        std::fs::write(&self.path, now.to_rfc3339()).map_err(|e| io("write", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).single().expect("a valid time") + Duration::hours(h.into())
    }

    #[test]
    fn checks_at_most_once_a_day_and_never_while_busy() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let schedule = UpdateSchedule::at(dir.path().join("nested/last-update-check"));
        assert_eq!(schedule.decide(at(0), false), CheckDecision::Check, "never checked: check");
        assert_eq!(schedule.decide(at(0), true), CheckDecision::Busy, "an import or delivery runs: wait");
        schedule.record(at(0)).expect("the folder is created and the time written");
        assert_eq!(schedule.last_check(), Some(at(0)));
        assert_eq!(schedule.decide(at(23), false), CheckDecision::NotYet(at(24)), "within the day: not yet");
        assert_eq!(schedule.decide(at(24), false), CheckDecision::Check, "a day later: check");
        assert_eq!(schedule.decide(at(30), true), CheckDecision::Busy, "due, but busy still waits");
    }

    #[test]
    fn a_clock_set_back_or_an_unreadable_file_does_not_stop_checks() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let schedule = UpdateSchedule::at(dir.path().join("last-update-check"));
        schedule.record(at(48)).expect("written");
        assert_eq!(schedule.decide(at(0), false), CheckDecision::Check, "last check in the future");
        std::fs::write(schedule.path(), "not a time").expect("written");
        assert_eq!(schedule.last_check(), None);
        assert_eq!(schedule.decide(at(0), false), CheckDecision::Check);
    }
}
