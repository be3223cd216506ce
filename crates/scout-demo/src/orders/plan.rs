//! The run's plan, made once before the first line: the collaborations checked and given what the
//! exports need (SKUs, content ids, the day the creator posts, the sales curve), the pool of organic
//! creators, and the expected orders of every day, from which each day's number of lines follows.

use super::collaborations::SYNTHETIC_HANDLE_PREFIX;
use super::ids::{prefixed_id, text_key, LIVE_PREFIX, SKU_PREFIX, VIDEO_PREFIX};
use super::{CollaborationSeed, OrderConfig};
use crate::draw::{mix64, row_rng, uniform};
use crate::error::{DemoError, Result};
use crate::handles::HandleMaker;
use crate::markets::MARKETS;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use rand::RngExt;
use scout_domain::{Currency, Handle, MAX_COMMISSION};
use std::collections::HashSet;

/// Days a collaboration sells after the post; the curve is all but spent after six weeks.
pub(crate) const WINDOW_DAYS: i64 = 56;
/// A collaboration whose creator never posts sells this share of its strength, from the showcase.
const UNPOSTED_SHARE: f64 = 0.1;
/// Lines per order on average (one order in seven holds two or three SKUs).
const LINES_PER_ORDER: f64 = 1.15;
const PREP_TAG: u64 = 0x7072_6570;
const ORGANIC_TAG: u64 = 0x006F_7267_616E_6963;

/// A collaboration as the simulator uses it.
#[derive(Debug)]
pub(crate) struct Collab {
    pub handle: Handle,
    pub product_id: String,
    pub product_name: String,
    pub currency: Currency,
    /// The smallest amount the shop deals in, in minor units: whole rupiah, else one minor unit.
    pub step: i64,
    pub unit_price: i64,
    pub commission_bp: u32,
    /// The product's open collaboration rate, which organic creators earn.
    pub open_bp: u32,
    pub skus: Vec<String>,
    pub video_id: String,
    pub live_id: String,
    pub target: Option<String>,
    pub posted: bool,
    pub posted_on: NaiveDate,
    /// Expected orders over the collaboration's life.
    pub volume: f64,
    /// The sales curve's time constant in days, and 1 / the curve's sum over the window.
    pub tau: f64,
    pub norm: f64,
}

impl Collab {
    /// Expected orders on `date` (weekday effect included).
    pub fn expected(&self, date: NaiveDate) -> f64 {
        let t = (date - self.posted_on).num_days();
        if !(0..WINDOW_DAYS).contains(&t) {
            return 0.0;
        }
        self.volume * self.norm * shape(t, self.tau) * weekday_factor(date)
    }
}

#[derive(Debug)]
pub(crate) struct Plan {
    pub key: u64,
    pub collabs: Vec<Collab>,
    /// Collaboration indices by the day they start selling.
    pub by_post_day: Vec<usize>,
    pub organic: Vec<Handle>,
    pub start: NaiveDate,
    pub days: usize,
    /// Expected orders per day: all collaborations, then the organic ones.
    pub day_expected: Vec<f64>,
    pub organic_per_day: Vec<f64>,
    /// The last day anything is expected to sell: it takes whatever lines rounding left over.
    pub last_selling_day: usize,
    pub total_lines: u64,
}

impl Plan {
    pub fn new(seeds: &[CollaborationSeed], cfg: &OrderConfig) -> Result<Plan> {
        if !(0.0..=0.95).contains(&cfg.organic_share) {
            return Err(DemoError::InvalidOrderConfig {
                field: "organic_share",
                problem: format!("is {}; expected a share from 0 to 0.95", cfg.organic_share),
            });
        }
        let key = mix64(cfg.seed);
        let collabs =
            seeds.iter().enumerate().map(|(i, s)| prepare(key, i, s)).collect::<Result<Vec<Collab>>>()?;
        let mut by_post_day: Vec<usize> = (0..collabs.len()).collect();
        by_post_day.sort_by_key(|&i| collabs[i].posted_on);
        let start = by_post_day.first().map_or(cfg.until, |&i| collabs[i].posted_on);
        let days = usize::try_from((cfg.until - start).num_days() + 1).unwrap_or(0);

        let mut collab_expected = vec![0.0; days];
        for c in &collabs {
            for t in 0..WINDOW_DAYS {
                let date = c.posted_on + Days::new(t as u64);
                let d = (date - start).num_days();
                if let Some(slot) = usize::try_from(d).ok().and_then(|d| collab_expected.get_mut(d)) {
                    *slot += c.expected(date);
                }
            }
        }
        let collab_total: f64 = collab_expected.iter().sum();
        let organic_total = collab_total * cfg.organic_share / (1.0 - cfg.organic_share);
        let dates = |d: usize| start + Days::new(d as u64);
        let weekday_sum: f64 = (0..days).map(|d| weekday_factor(dates(d))).sum();
        let organic = organic_pool(key, &collabs);
        let organic_total = if organic.is_empty() { 0.0 } else { organic_total };
        let organic_per_day: Vec<f64> = (0..days)
            .map(|d| organic_total * weekday_factor(dates(d)) / weekday_sum.max(f64::MIN_POSITIVE))
            .collect();
        let day_expected: Vec<f64> =
            collab_expected.iter().zip(&organic_per_day).map(|(c, o)| c + o).collect();
        let expected_total: f64 = day_expected.iter().sum();
        let total_lines = match cfg.rows {
            Some(rows) if rows > 0 && expected_total <= 0.0 => {
                return Err(DemoError::InvalidOrderConfig {
                    field: "rows",
                    problem: format!(
                        "asks for {rows} lines but no collaboration sells anything by {}",
                        cfg.until
                    ),
                })
            }
            Some(rows) => rows,
            None => (expected_total * LINES_PER_ORDER).round() as u64,
        };
        let last_selling_day = day_expected.iter().rposition(|&e| e > 0.0).unwrap_or(0);
        Ok(Plan {
            key,
            collabs,
            by_post_day,
            organic,
            start,
            days,
            day_expected,
            organic_per_day,
            last_selling_day,
            total_lines,
        })
    }

    pub fn date(&self, day: usize) -> NaiveDate {
        self.start + Days::new(day as u64)
    }
}

/// The sales curve `t` days after the post: exponential decay; the post day counts 60 % (the video
/// goes up during the day).
fn shape(t: i64, tau: f64) -> f64 {
    let decay = (-(t as f64) / tau).exp();
    if t == 0 {
        0.6 * decay
    } else {
        decay
    }
}

/// People shop a little more at the weekend.
fn weekday_factor(date: NaiveDate) -> f64 {
    match date.weekday() {
        Weekday::Mon | Weekday::Tue => 0.95,
        Weekday::Wed => 0.97,
        Weekday::Thu => 1.0,
        Weekday::Fri => 1.03,
        Weekday::Sat => 1.08,
        Weekday::Sun => 1.12,
    }
}

/// Whole rupiah: the currencies the shop never deals in fractions of (ISO gives them two decimals).
pub(crate) fn whole_unit_step(currency: &Currency) -> i64 {
    let whole = MARKETS.iter().any(|m| m.currency == currency.code() && m.whole_units);
    if whole {
        10i64.pow(currency.decimals())
    } else {
        1
    }
}

fn invalid(index: usize, problem: impl Into<String>) -> DemoError {
    DemoError::InvalidSeed { index, problem: problem.into() }
}

fn prepare(key: u64, index: usize, seed: &CollaborationSeed) -> Result<Collab> {
    let handle = Handle::parse(&seed.handle).map_err(|e| invalid(index, e.to_string()))?;
    if seed.unit_price.minor <= 0 {
        return Err(invalid(index, format!("unit price {} is not above zero", seed.unit_price)));
    }
    if seed.commission_bp > MAX_COMMISSION.0 {
        return Err(invalid(index, format!("commission {} bp is above 80 %", seed.commission_bp)));
    }
    if !seed.strength.is_finite() || seed.strength < 0.0 {
        return Err(invalid(index, format!("strength {} is not a number of orders", seed.strength)));
    }
    if seed.product_id.trim().is_empty() {
        return Err(invalid(index, "product id is empty"));
    }
    let mut rng = row_rng(key ^ PREP_TAG, index as u64);
    let post_delay = rng.random_range(2..=9u64);
    let tau = uniform(&mut rng, 8.0, 12.0);
    let norm = 1.0 / (0..WINDOW_DAYS).map(|t| shape(t, tau)).sum::<f64>();
    let product_key = text_key(&seed.product_id);
    let variants = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4][(mix64(product_key) % 10) as usize];
    let content_key = key ^ text_key(handle.as_str()) ^ product_key.rotate_left(17);
    let currency = seed.unit_price.currency.clone();
    Ok(Collab {
        handle,
        product_id: seed.product_id.clone(),
        product_name: seed.product_name.clone(),
        step: whole_unit_step(&currency),
        currency,
        unit_price: seed.unit_price.minor,
        commission_bp: seed.commission_bp,
        open_bp: (seed.commission_bp * 7 / 10 / 100 * 100).max(100),
        skus: (0..variants).map(|v| prefixed_id(SKU_PREFIX, product_key ^ mix64(v + 1))).collect(),
        video_id: prefixed_id(VIDEO_PREFIX, content_key),
        live_id: prefixed_id(LIVE_PREFIX, content_key),
        target: seed.target_collaboration_id.clone().filter(|t| !t.trim().is_empty()),
        posted: seed.posted,
        posted_on: seed.starts_on.checked_add_days(Days::new(post_delay)).unwrap_or(seed.starts_on),
        volume: if seed.posted { seed.strength } else { seed.strength * UNPOSTED_SHARE },
        tau,
        norm,
    })
}

/// Creators outside every collaboration: twice as many as collaborations (30 to 20,000), handles
/// `synth.…`, none equal to a collaboration's creator.
fn organic_pool(key: u64, collabs: &[Collab]) -> Vec<Handle> {
    let taken: HashSet<&str> = collabs.iter().map(|c| c.handle.as_str()).collect();
    let maker = HandleMaker::new(key ^ ORGANIC_TAG);
    let size = (collabs.len() * 2).clamp(30, 20_000) as u64;
    (0..size)
        .filter_map(|j| {
            let raw = maker.handle(j, &mut row_rng(key ^ ORGANIC_TAG, j));
            let text = format!("{}{raw}", SYNTHETIC_HANDLE_PREFIX.replace('_', "."));
            Handle::parse(&text).ok().filter(|h| !taken.contains(h.as_str()))
        })
        .collect()
}
