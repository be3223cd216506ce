//! Standalone synthetic collaborations, for sample files and benchmarks that have no campaign to
//! simulate: a small shop catalog, creators with `synth_` handles, commissions in each category's range
//! (domain.md), start dates spread over a period and a heavy-tailed strength.

use super::ids::{prefixed_id, text_key, PRODUCT_PREFIX, TARGET_PREFIX};
use super::products::{price_minor, product_name, PRODUCTS};
use super::CollaborationSeed;
use crate::catalog::CATEGORIES;
use crate::draw::{chance, log_normal, mix64, pick_weighted, row_rng};
use crate::error::{DemoError, Result};
use crate::handles::HandleMaker;
use chrono::{Days, NaiveDate};
use rand::RngExt;
use scout_domain::{Currency, Money, MAX_COMMISSION};

/// The prefix of every creator handle the results fixtures invent.
pub const SYNTHETIC_HANDLE_PREFIX: &str = "synth_";

const SHOP_TAG: u64 = 0x7368_6F70;
const COLLAB_TAG: u64 = 0x636F_6C6C_6162;

/// What to draw: `count` collaborations from `seed`, starting over the `span_days` before `until`, in
/// `currencies` (ISO codes with integer weights).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollaborationsConfig {
    pub seed: u64,
    pub count: usize,
    pub until: NaiveDate,
    pub span_days: u32,
    pub currencies: &'static [(&'static str, u32)],
}

/// `cfg.count` synthetic collaborations; the same config always gives the same list.
pub fn synthetic_collaborations(cfg: &CollaborationsConfig) -> Result<Vec<CollaborationSeed>> {
    let currencies = cfg
        .currencies
        .iter()
        .map(|(code, weight)| Ok((Currency::parse(code).map_err(refused)?, *weight)))
        .collect::<Result<Vec<(Currency, u32)>>>()?;
    if currencies.iter().all(|(_, w)| *w == 0) {
        return Err(DemoError::InvalidOrderConfig {
            field: "currencies",
            problem: "has no currency with a weight above 0".into(),
        });
    }
    let shop = shop_catalog(cfg.seed, cfg.count);
    let key = mix64(cfg.seed ^ COLLAB_TAG);
    let handles = HandleMaker::new(key);
    (0..cfg.count)
        .map(|i| {
            let mut rng = row_rng(key, i as u64);
            // Earlier products of the catalog are the shop's best sellers.
            let ranked: Vec<(usize, u32)> =
                shop.iter().enumerate().map(|(rank, &p)| (p, (shop.len() - rank) as u32)).collect();
            let product_index = pick_weighted(&mut rng, &ranked, |(_, w)| *w).0;
            let product = &PRODUCTS[product_index];
            let (currency, _) = pick_weighted(&mut rng, &currencies, |(_, w)| *w);
            let (low, high) = CATEGORIES[product.category].commission_bp;
            let mut commission_bp = rng.random_range(low / 100..=high / 100) * 100;
            let target = chance(&mut rng, 0.65);
            if target {
                // A target collaboration usually beats the open rate to win the creator.
                commission_bp = (commission_bp + rng.random_range(0..=5u32) * 100).min(MAX_COMMISSION.0);
            }
            let starts_back = rng.random_range(0..=cfg.span_days);
            let handle = format!("{SYNTHETIC_HANDLE_PREFIX}{}", handles.handle(i as u64, &mut rng));
            Ok(CollaborationSeed {
                handle,
                product_id: prefixed_id(
                    PRODUCT_PREFIX,
                    mix64(cfg.seed ^ SHOP_TAG ^ product_index as u64) ^ text_key(currency.code()),
                ),
                product_name: product_name(product),
                unit_price: Money::new(
                    price_minor(product, currency.code(), currency.decimals()),
                    currency.clone(),
                ),
                commission_bp,
                starts_on: cfg.until.checked_sub_days(Days::new(starts_back.into())).unwrap_or(cfg.until),
                target_collaboration_id: target
                    .then(|| prefixed_id(TARGET_PREFIX, key.wrapping_add(i as u64))),
                posted: chance(&mut rng, 0.75),
                strength: log_normal(&mut rng, 25.0, 1.0).clamp(0.5, 5_000.0),
            })
        })
        .collect()
}

/// The shop's products, best seller first: 3 to 40 distinct catalog entries, more for more collaborations.
fn shop_catalog(seed: u64, collaborations: usize) -> Vec<usize> {
    let size = (collaborations / 25).clamp(3, 40).min(PRODUCTS.len());
    let mut rng = row_rng(mix64(seed ^ SHOP_TAG), 0);
    let mut chosen = Vec::with_capacity(size);
    while chosen.len() < size {
        let category = pick_weighted(&mut rng, &CATEGORIES, |c| c.weight);
        let index = CATEGORIES.iter().position(|c| std::ptr::eq(c, category)).unwrap_or(0);
        let candidates: Vec<usize> =
            (0..PRODUCTS.len()).filter(|&p| PRODUCTS[p].category == index && !chosen.contains(&p)).collect();
        if !candidates.is_empty() {
            chosen.push(candidates[rng.random_range(0..candidates.len())]);
        }
    }
    chosen
}

fn refused(source: scout_domain::DomainError) -> DemoError {
    DemoError::InvalidOrderConfig { field: "currencies", problem: source.to_string() }
}
