//! A later snapshot of a generated run: some of the same creators re-listed with grown figures, plus a
//! few new ones, for demonstrating dated snapshots, growth and merging on re-import.

use crate::generator::{CreatorGenerator, GeneratorConfig};
use crate::template::write_records;
use chrono::NaiveDate;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use scout_demo::draw::{chance, log_normal, mix64, normal, row_rng, uniform};
use scout_demo::{DemoError, Result};
use scout_domain::{CreatorFigures, CreatorRecord, Money};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Salt that separates the update's random streams from the base run's.
const UPDATE_SALT: u64 = 0x7570_6461_7465;

/// A later snapshot of `base`: `relisted` of its creators (chosen by the seed) and `added` creators the
/// base run did not have (rows `base.count..` of a longer run), all dated `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateConfig {
    pub base: GeneratorConfig,
    pub relisted: u64,
    pub added: u64,
    pub as_of: NaiveDate,
}

/// The update's creators: the re-listed ones in base-run order, then the new ones. Holds
/// `relisted + added` rows in memory; updates are meant to be small.
pub fn update_records(cfg: &UpdateConfig) -> Result<Vec<CreatorRecord>> {
    let base = cfg.base;
    if cfg.relisted > base.count {
        return Err(DemoError::TooManyRelisted { relisted: cfg.relisted, count: base.count });
    }
    if cfg.as_of < base.as_of {
        return Err(DemoError::UpdateBeforeBase { base: base.as_of, update: cfg.as_of });
    }
    let months = (cfg.as_of - base.as_of).num_days() as f64 / 30.0;
    let before = CreatorGenerator::new(base);
    let now = CreatorGenerator::new(GeneratorConfig { as_of: cfg.as_of, ..base });
    let mut records =
        Vec::with_capacity(usize::try_from(cfg.relisted.saturating_add(cfg.added).min(1 << 16)).unwrap_or(0));
    for index in relisted_indices(base.seed, base.count, cfg.relisted) {
        let old = before.creator_at(index)?;
        let mut rng = row_rng(mix64(base.seed ^ UPDATE_SALT), index);
        records.push(grown(&mut rng, old, months, cfg.as_of));
    }
    for index in base.count..base.count.saturating_add(cfg.added) {
        records.push(now.creator_at(index)?);
    }
    Ok(records)
}

/// Writes [`update_records`] in the template format; returns the number of rows written.
pub fn write_update_csv<W: std::io::Write>(cfg: &UpdateConfig, out: W) -> Result<u64> {
    Ok(write_records(update_records(cfg)?, out)?)
}

/// `n` distinct row indices below `count`, ascending (Floyd's sampling: exactly `n` draws).
fn relisted_indices(seed: u64, count: u64, n: u64) -> BTreeSet<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(mix64(seed ^ UPDATE_SALT));
    let mut chosen = BTreeSet::new();
    for j in count - n..count {
        let t = rng.random_range(0..=j);
        if !chosen.insert(t) {
            chosen.insert(j);
        }
    }
    chosen
}

/// The same creator `months` later. Most grow a few percent a month; about 3 % jump 1.8–3.5× in
/// followers while their views barely move (the pattern of bought followers that Scout should flag).
/// A fifth of the rows leave e-mail and audience blank, as partial exports do: re-importing them must
/// not erase what the first import stored.
fn grown(rng: &mut ChaCha8Rng, mut record: CreatorRecord, months: f64, as_of: NaiveDate) -> CreatorRecord {
    let suspicious = chance(rng, 0.03);
    let monthly = (0.03 + 0.04 * normal(rng)).max(-0.05);
    let organic = (1.0 + monthly).powf(months).max(0.85);
    let follower_growth = if suspicious { uniform(rng, 1.8, 3.5) } else { organic };
    let view_growth =
        if suspicious { uniform(rng, 0.9, 1.1) } else { organic.powf(0.85) * log_normal(rng, 1.0, 0.15) };
    let old = record.figures.clone();
    let scale = |n: Option<u64>, by: f64| n.map(|v| (v as f64 * by).round() as u64);
    let mut figures = CreatorFigures {
        followers: scale(old.followers, follower_growth),
        following: scale(old.following, log_normal(rng, 1.0, 0.05)),
        avg_views: scale(old.avg_views, view_growth).map(|v| v.max(30)),
        avg_likes: scale(old.avg_likes, view_growth * log_normal(rng, 1.0, 0.08)),
        avg_comments: scale(old.avg_comments, view_growth * log_normal(rng, 1.0, 0.08)),
        avg_shares: scale(old.avg_shares, view_growth * log_normal(rng, 1.0, 0.08)),
        engagement_rate: None,
        gmv: None,
        units_sold: None,
        avg_commission_rate: old.avg_commission_rate,
        ..CreatorFigures::default()
    };
    if old.engagement_rate.is_some() {
        figures.engagement_rate = figures.derived_engagement_rate();
    }
    // Sales in the new period follow reach, with more spread than reach itself.
    let sales_growth = view_growth * log_normal(rng, 1.0, 0.3);
    figures.units_sold =
        old.units_sold.map(|u| if u == 0 { 0 } else { ((u as f64 * sales_growth).round() as u64).max(1) });
    figures.gmv = old.gmv.map(|g| Money::new((g.minor as f64 * sales_growth).round() as i64, g.currency));
    record.figures = figures;
    if chance(rng, 0.2) {
        record.profile.email = None;
        record.audience = None;
    }
    record.as_of = Some(as_of);
    record
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relisted_indices_are_distinct_and_in_range() {
        let picked = relisted_indices(42, 2_000, 300);
        assert_eq!(picked.len(), 300, "exactly the number asked for");
        assert!(picked.iter().all(|&i| i < 2_000), "every index is a row of the base run");
        assert_eq!(relisted_indices(42, 10, 10).len(), 10, "asking for every row gives every row");
    }

    #[test]
    fn an_update_cannot_relist_more_than_the_base_has() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let base = GeneratorConfig { seed: 1, count: 5, as_of: date };
        let cfg = UpdateConfig { base, relisted: 6, added: 0, as_of: date };
        assert!(
            matches!(update_records(&cfg), Err(DemoError::TooManyRelisted { relisted: 6, count: 5 })),
            "six out of five is refused"
        );
    }
}
