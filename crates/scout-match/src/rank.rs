//! Ranking: score every creator in the index for a campaign, keep those that pass the filters, and
//! return one page in the requested order with the total. Rows are scored in parallel chunks; filters
//! that need no score run first so filtered-out creators cost almost nothing.

use crate::confidence::confidence;
use crate::index::{country_id, day_number, CountryId, CurrencyId, MatchIndex, NO_CURRENCY};
use crate::model::LinearModel;
use crate::target::Target;
use rayon::prelude::*;
use scout_domain::{AgeBand, CountryCode};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use ts_rs::TS;

/// Narrows the matches. Every field is optional; an empty list means "any".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct MatchFilters {
    /// Creators in any of these categories.
    pub categories: Vec<String>,
    #[ts(type = "number | null")]
    pub followers_min: Option<u64>,
    #[ts(type = "number | null")]
    pub followers_max: Option<u64>,
    /// Engagement per view at least this, in basis points.
    pub engagement_min_bp: Option<u32>,
    /// GMV at least this, in US dollars at the reference rates.
    pub gmv_min_usd: Option<f64>,
    /// Creators based in any of these countries.
    pub countries: Vec<CountryCode>,
    /// At least this share of the audience is female, in basis points (creators without gender data
    /// are left out when set).
    pub audience_female_min_bp: Option<u32>,
    /// At least `audience_age_min_bp` of the audience is in these bands together.
    pub audience_age_bands: Vec<AgeBand>,
    pub audience_age_min_bp: Option<u32>,
    /// Only creators with a way to contact them.
    pub has_contact: bool,
    /// Leave out creators contacted within this many days.
    pub not_contacted_days: Option<u32>,
    pub min_score: Option<f32>,
    /// Leave out creators with any quality warning.
    pub without_warnings: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchSort {
    #[default]
    Score,
    Confidence,
    Followers,
    Engagement,
    /// Within each currency, never across them: the currency most of the matching creators' GMV is in
    /// first, then the others by how many (ties A→Z), each by amount; unknown GMV last (decision 0018).
    Gmv,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct RankQuery {
    pub filters: MatchFilters,
    pub sort: MatchSort,
    /// Smallest first instead of largest first.
    pub ascending: bool,
    pub offset: u32,
    pub limit: u32,
}

/// One ranked creator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub row: u32,
    pub score: f32,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// Creators that pass the filters.
    pub total: usize,
    pub page: Vec<Ranked>,
}

/// The filters compiled against the index.
struct Compiled {
    categories: Option<Vec<bool>>,
    countries: Option<Vec<CountryId>>,
    age_bands: Vec<usize>,
    contacted_after: Option<i32>,
}

impl Compiled {
    fn new(f: &MatchFilters, index: &MatchIndex) -> Compiled {
        let categories = (!f.categories.is_empty()).then(|| {
            let wanted: Vec<String> = f.categories.iter().map(|c| normal(c)).collect();
            index.category_names.iter().map(|n| wanted.contains(&normal(n))).collect()
        });
        let countries = (!f.countries.is_empty()).then(|| f.countries.iter().map(country_id).collect());
        let age_bands =
            f.audience_age_bands.iter().filter_map(|b| AgeBand::ALL.iter().position(|x| x == b)).collect();
        let contacted_after = f.not_contacted_days.map(|d| day_number(index.today) - d as i32);
        Compiled { categories, countries, age_bands, contacted_after }
    }
}

fn normal(s: &str) -> String {
    crate::taxonomy::canonical(s).map_or_else(|| s.trim().to_lowercase(), str::to_lowercase)
}

/// `NaN` fails every "at least" test: a creator without the figure is not shown as if they met it.
fn at_least(value: f32, min: Option<f32>) -> bool {
    min.is_none_or(|m| value >= m)
}

/// `NaN` fails "at most" too.
fn at_most(value: f32, max: f32) -> bool {
    value <= max
}

fn passes(index: &MatchIndex, row: usize, f: &MatchFilters, c: &Compiled) -> bool {
    let followers = index.followers[row];
    if !at_least(followers, f.followers_min.map(|v| v as f32)) {
        return false;
    }
    if f.followers_max.is_some_and(|max| !at_most(followers, max as f32)) {
        return false;
    }
    if !at_least(index.engagement[row], f.engagement_min_bp.map(|bp| bp as f32 / 10_000.0))
        || !at_least(index.gmv_usd[row], f.gmv_min_usd.map(|v| v as f32))
    {
        return false;
    }
    if f.has_contact && !index.has_contact[row] {
        return false;
    }
    if c.contacted_after.is_some_and(|after| index.last_contacted[row] >= after) {
        return false;
    }
    if f.without_warnings && !index.warnings[row].is_empty() {
        return false;
    }
    if let Some(countries) = &c.countries {
        if !countries.contains(&index.home_country[row]) {
            return false;
        }
    }
    if let Some(cats) = &c.categories {
        if !index.categories(row).iter().any(|id| cats[*id as usize]) {
            return false;
        }
    }
    if !at_least(index.gender[row][0], f.audience_female_min_bp.map(|bp| bp as f32 / 10_000.0)) {
        return false;
    }
    if let Some(min) = f.audience_age_min_bp.filter(|_| !c.age_bands.is_empty()) {
        let share: f32 = c.age_bands.iter().map(|i| index.age[row][*i]).sum();
        if !at_least(share, Some(min as f32 / 10_000.0)) {
            return false;
        }
    }
    true
}

const CHUNK: usize = 16_384;

/// Ranks every creator in `index` for `target` under `model`.
pub fn rank(index: &MatchIndex, target: &Target, model: &LinearModel, query: &RankQuery) -> Ranking {
    let compiled = Compiled::new(&query.filters, index);
    let today = index.today;
    let mut passing: Vec<Ranked> = (0..index.len())
        .into_par_iter()
        .with_min_len(CHUNK)
        .filter_map(|row| {
            if !passes(index, row, &query.filters, &compiled) {
                return None;
            }
            let assessed = target.assess(index, row);
            let score = model.score(&assessed.values, &target.active);
            if !at_least(score, query.filters.min_score) {
                return None;
            }
            let age = (today - index.as_of[row]).num_days();
            Some(Ranked { row: row as u32, score, confidence: confidence(model, target, &assessed, age) })
        })
        .collect();
    let total = passing.len();
    let key = |r: &Ranked| -> f32 {
        let row = r.row as usize;
        match query.sort {
            MatchSort::Score => r.score,
            MatchSort::Confidence => r.confidence,
            MatchSort::Followers => index.followers[row],
            MatchSort::Engagement => index.engagement[row],
            MatchSort::Gmv => f32::NAN,
        }
    };
    let gmv_ranks = (query.sort == MatchSort::Gmv).then(|| currency_ranks(index, &passing));
    // Missing values sort last either way; ties break on the row for a stable order across pages.
    let order = |a: &Ranked, b: &Ranked| -> Ordering {
        let by_key = match &gmv_ranks {
            Some(ranks) => by_gmv(index, ranks, a.row as usize, b.row as usize, query.ascending),
            None => {
                let (ka, kb) = (key(a), key(b));
                match (ka.is_nan(), kb.is_nan()) {
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                    _ if query.ascending => ka.total_cmp(&kb),
                    _ => kb.total_cmp(&ka),
                }
            }
        };
        by_key.then(a.row.cmp(&b.row))
    };
    let end = (query.offset as usize + query.limit as usize).min(total);
    if end < total && end > 0 {
        passing.select_nth_unstable_by(end - 1, order);
        passing.truncate(end);
    }
    passing.sort_unstable_by(order);
    let page = passing.into_iter().skip(query.offset as usize).take(query.limit as usize).collect();
    Ranking { total, page }
}

/// The place of each currency in a GMV sort: by how many of these creators have GMV in it, most first,
/// ties in alphabetical order (a currency's id is).
fn currency_ranks(index: &MatchIndex, rows: &[Ranked]) -> HashMap<CurrencyId, u32> {
    let mut counts: HashMap<CurrencyId, u32> = HashMap::new();
    for r in rows {
        let currency = index.gmv_currency[r.row as usize];
        if currency != NO_CURRENCY {
            *counts.entry(currency).or_default() += 1;
        }
    }
    let mut order: Vec<(CurrencyId, u32)> = counts.into_iter().collect();
    order.sort_unstable_by_key(|(currency, n)| (std::cmp::Reverse(*n), *currency));
    order.into_iter().enumerate().map(|(place, (currency, _))| (currency, place as u32)).collect()
}

/// Two rows by GMV: first by their currency's place, then by amount within it; unknown GMV last.
fn by_gmv(
    index: &MatchIndex,
    ranks: &HashMap<CurrencyId, u32>,
    a: usize,
    b: usize,
    ascending: bool,
) -> Ordering {
    let place = |row: usize| ranks.get(&index.gmv_currency[row]).copied().unwrap_or(u32::MAX);
    let (ma, mb) = (index.gmv_minor[a], index.gmv_minor[b]);
    place(a).cmp(&place(b)).then_with(|| if ascending { ma.cmp(&mb) } else { mb.cmp(&ma) })
}
