//! The streaming generator: row `i` of a run is a pure function of the seed and `i`, so a run of any
//! length holds nothing but a counter, and the first N rows of a longer run equal a run of N rows.

use crate::audience::draw_audience;
use crate::figures::{draw_account, draw_figures};
use chrono::NaiveDate;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use scout_demo::bios::bio;
use scout_demo::catalog::{Category, CATEGORIES};
use scout_demo::draw::{chance, pick, pick_distinct_weighted, pick_weighted, row_rng};
use scout_demo::handles::HandleMaker;
use scout_demo::markets::MARKETS;
use scout_demo::names::display_name;
use scout_demo::{DemoError, Result};
use scout_domain::{
    CountryCode, CreatorKey, CreatorProfile, CreatorRecord, Currency, DomainError, Handle, Platform,
};
use serde::{Deserialize, Serialize};
use std::iter::FusedIterator;

/// What to generate: `count` creators from `seed`, each dated `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratorConfig {
    pub seed: u64,
    pub count: u64,
    pub as_of: NaiveDate,
}

/// An iterator over `count` synthetic creators. It keeps no rows, so a million cost as little memory as
/// ten.
///
/// The stream ends early only if a generated value breaks a domain rule — a bug the tests rule out —
/// and then [`CreatorGenerator::take_failure`] says why; [`crate::write_csv`] turns that into an error.
#[derive(Debug)]
pub struct CreatorGenerator {
    cfg: GeneratorConfig,
    handles: HandleMaker,
    next: u64,
    failure: Option<DemoError>,
}

impl CreatorGenerator {
    pub fn new(cfg: GeneratorConfig) -> Self {
        CreatorGenerator { cfg, handles: HandleMaker::new(cfg.seed), next: 0, failure: None }
    }

    pub fn config(&self) -> &GeneratorConfig {
        &self.cfg
    }

    /// Why the stream ended before `count` rows, if it did.
    pub fn take_failure(&mut self) -> Option<DemoError> {
        self.failure.take()
    }

    /// Row `index` of any run with this seed, whatever its `count` (an index at or past `count` gives the
    /// creators a longer run would add), dated with this generator's `as_of`.
    pub fn creator_at(&self, index: u64) -> Result<CreatorRecord> {
        let refused = |source: DomainError| DemoError::Domain { row: index, source };
        let mut rng = row_rng(self.cfg.seed, index);
        let market = pick_weighted(&mut rng, &MARKETS, |m| m.weight);
        let platform = match rng.random_range(0..100u32) {
            0..95 => Platform::TikTok,
            95..98 => Platform::Instagram,
            _ => Platform::YouTube,
        };
        let category_count = match rng.random_range(0..10u32) {
            0..6 => 1,
            6..9 => 2,
            _ => 3,
        };
        let cats: Vec<&Category> =
            pick_distinct_weighted(&mut rng, &CATEGORIES, category_count, |c| c.weight)
                .into_iter()
                .map(|i| &CATEGORIES[i])
                .collect();
        let primary = cats.first().copied().unwrap_or(&CATEGORIES[0]);
        let account = draw_account(&mut rng);
        let currency = match platform {
            Platform::TikTok => Some(Currency::parse(market.currency).map_err(refused)?),
            _ => None,
        };
        let figures = draw_figures(&mut rng, account, market, &cats, currency.as_ref());
        let audience = draw_audience(&mut rng, market, &cats).map_err(refused)?;
        let display_name = display_name(&mut rng, &market.names, primary.emoji);
        let bio = bio(&mut rng, market, primary);
        let handle = self.handles.handle(index, &mut rng);
        let email = email(&mut rng, &handle);
        let profile = CreatorProfile {
            open_id: None,
            display_name,
            categories: cats.iter().map(|c| c.name.to_string()).collect(),
            country: Some(CountryCode::parse(market.code).map_err(refused)?),
            language: Some(market.language.to_string()),
            bio: Some(bio),
            email,
        };
        Ok(CreatorRecord {
            key: CreatorKey { platform, handle: Handle::parse(&handle).map_err(refused)? },
            profile,
            figures,
            audience,
            as_of: Some(self.cfg.as_of),
        })
    }
}

/// A business address at the reserved example domains, or `None` for the ~10 % who list none.
fn email(rng: &mut ChaCha8Rng, handle: &str) -> Option<String> {
    if chance(rng, 0.10) {
        return None;
    }
    let address = match rng.random_range(0..4u32) {
        0 | 1 => format!("{handle}@example.com"),
        2 => format!("{handle}.collab@example.org"),
        _ => format!("{}.{handle}@example.com", pick(rng, &["hello", "business", "collab"])),
    };
    Some(address)
}

impl Iterator for CreatorGenerator {
    type Item = CreatorRecord;

    fn next(&mut self) -> Option<CreatorRecord> {
        if self.next >= self.cfg.count || self.failure.is_some() {
            return None;
        }
        let index = self.next;
        self.next += 1;
        match self.creator_at(index) {
            Ok(record) => Some(record),
            Err(e) => {
                self.failure = Some(e);
                None
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::try_from(self.cfg.count.saturating_sub(self.next)).unwrap_or(usize::MAX);
        (0, Some(left))
    }

    /// Skipping is free: rows do not depend on each other.
    fn nth(&mut self, n: usize) -> Option<CreatorRecord> {
        self.next = self.next.saturating_add(n as u64).min(self.cfg.count);
        self.next()
    }
}

impl FusedIterator for CreatorGenerator {}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(count: u64) -> GeneratorConfig {
        GeneratorConfig { seed: 11, count, as_of: NaiveDate::from_ymd_opt(2026, 1, 31).unwrap() }
    }

    #[test]
    fn yields_exactly_count_rows() {
        let mut generator = CreatorGenerator::new(cfg(37));
        assert_eq!(generator.by_ref().count(), 37, "a run of 37 yields 37 creators");
        assert!(generator.take_failure().is_none(), "no row was refused");
    }

    #[test]
    fn random_access_matches_the_stream() {
        let generator = CreatorGenerator::new(cfg(50));
        let streamed: Vec<CreatorRecord> = CreatorGenerator::new(cfg(50)).collect();
        assert_eq!(generator.creator_at(42).unwrap(), streamed[42], "creator_at(42) is row 42");
        assert_eq!(CreatorGenerator::new(cfg(50)).nth(42).as_ref(), Some(&streamed[42]), "nth skips rows");
    }
}
