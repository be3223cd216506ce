//! Which backups to keep: the newest daily backup of each of the 7 most recent days that have one, the
//! newest of each of the 4 most recent ISO weeks (Monday to Sunday, UTC) that have one — a backup can
//! fill a day and a week at once, as restic's `--keep-daily 7 --keep-weekly 4` counts — and every
//! backup made before a migration, before a restore or by hand. Only daily backups are ever pruned.

use super::BackupKind;
use chrono::{DateTime, Datelike, Utc};

pub const KEEP_DAYS: usize = 7;
pub const KEEP_WEEKS: usize = 4;

/// For each backup (when it was taken, what kind), whether to keep it; same order as given.
pub fn keep(backups: &[(DateTime<Utc>, BackupKind)]) -> Vec<bool> {
    let mut keep: Vec<bool> = backups.iter().map(|(_, kind)| *kind != BackupKind::Daily).collect();
    let mut daily: Vec<usize> = (0..backups.len()).filter(|&i| backups[i].1 == BackupKind::Daily).collect();
    daily.sort_by(|&a, &b| backups[b].0.cmp(&backups[a].0)); // newest first
    let day = |i: usize| backups[i].0.date_naive();
    let week = |i: usize| {
        let w = backups[i].0.iso_week();
        (w.year(), w.week())
    };
    for newest in newest_per_period(&daily, day, KEEP_DAYS) {
        keep[newest] = true;
    }
    for newest in newest_per_period(&daily, week, KEEP_WEEKS) {
        keep[newest] = true;
    }
    keep
}

/// The first index (of `newest_first`) in each of the first `periods` distinct periods.
fn newest_per_period<P: PartialEq>(
    newest_first: &[usize],
    period: impl Fn(usize) -> P,
    periods: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last: Option<P> = None;
    for &i in newest_first {
        let p = period(i);
        if last.as_ref() != Some(&p) {
            if out.len() == periods {
                break;
            }
            out.push(i);
            last = Some(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, hour, 0, 0).single().expect("a valid time")
            + chrono::Days::new(u64::from(day) - 1)
    }

    #[test]
    fn keeps_exactly_seven_days_four_weeks_and_every_deliberate_backup() {
        // Daily backups at 09:00 every day of November 2026 (Sun 1 … Mon 30) and a second one at 18:00
        // on the 29th and the 30th; one before a migration on the 2nd, one before a restore on the 10th,
        // one by hand on the 3rd.
        let mut backups: Vec<(DateTime<Utc>, BackupKind)> =
            (1..=30).map(|d| (at(d, 9), BackupKind::Daily)).collect();
        backups.push((at(29, 18), BackupKind::Daily));
        backups.push((at(30, 18), BackupKind::Daily));
        backups.push((at(2, 12), BackupKind::PreMigration));
        backups.push((at(10, 12), BackupKind::PreRestore));
        backups.push((at(3, 12), BackupKind::Manual));
        let kept: Vec<(DateTime<Utc>, BackupKind)> =
            backups.iter().zip(keep(&backups)).filter(|(_, k)| *k).map(|(b, _)| *b).collect();

        let mut want = vec![
            // The 7 most recent days, each's newest: 30 (18:00), 29 (18:00), 28 … 24.
            (at(30, 18), BackupKind::Daily),
            (at(29, 18), BackupKind::Daily),
            (at(28, 9), BackupKind::Daily),
            (at(27, 9), BackupKind::Daily),
            (at(26, 9), BackupKind::Daily),
            (at(25, 9), BackupKind::Daily),
            (at(24, 9), BackupKind::Daily),
            // The 4 most recent ISO weeks, each's newest: week 49 (Mon 30) is already kept, week 48 ends
            // Sun 29 (kept), week 47 ends Sun 22, week 46 ends Sun 15.
            (at(22, 9), BackupKind::Daily),
            (at(15, 9), BackupKind::Daily),
            (at(2, 12), BackupKind::PreMigration),
            (at(10, 12), BackupKind::PreRestore),
            (at(3, 12), BackupKind::Manual),
        ];
        let mut got = kept;
        got.sort();
        want.sort();
        assert_eq!(got, want, "exactly 7 days + 4 weeks of daily backups, and every deliberate one");
    }

    #[test]
    fn a_gap_in_the_days_reaches_further_back_and_few_backups_are_all_kept() {
        // Days with a backup: 1, 2, 3, then nothing until 20 and 21: all five are among the 7 most recent
        // days that have one.
        let backups: Vec<_> = [1, 2, 3, 20, 21].iter().map(|&d| (at(d, 9), BackupKind::Daily)).collect();
        assert_eq!(keep(&backups), vec![true; 5], "fewer than 7 days of backups: nothing is pruned");
        assert!(keep(&[]).is_empty());
    }
}
