//! An order as drawn, before it becomes export lines: a few small numbers (when, from whom, how many
//! SKUs and units, what happens to it later). Keeping drafts small keeps a busy day cheap to hold and sort.

use super::ids::order_id;
use super::plan::Plan;
use crate::draw::{chance, pick_weighted};
use chrono::{NaiveDate, NaiveTime};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// Orders per hour of the day (shop time): quiet at night, busiest in the evening.
const HOURLY: [u32; 24] = [3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 6, 7, 6, 6, 6, 7, 8, 10, 12, 13, 12, 9, 5];
const DAY_SECONDS: u32 = 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Collab(u32),
    /// An organic creator (index into the pool) selling a collaboration's product (index).
    Organic {
        creator: u32,
        product: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    Video,
    Live,
    Showcase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refund {
    None,
    Full,
    /// Some of the units returned.
    Units(u8),
    /// Part of the money back, in millionths of the payment (a damaged item kept, say).
    Money(u32),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct DraftOrder {
    /// Second of the day it was created.
    pub second: u32,
    pub source: Source,
    pub content: Content,
    pub cancelled: bool,
    /// Whether this order's lines carry the target collaboration id (the export leaves it out on some).
    pub shows_target: bool,
    /// Seconds from creation to payment and to delivery; from delivery to the commission being paid.
    pub pay_after: u32,
    pub deliver_after: u32,
    pub settle_after: u32,
    pub first_line: u32,
    pub line_count: u8,
}

impl DraftOrder {
    pub fn id(&self, key: u64, date: NaiveDate, seq: u32) -> String {
        order_id(key, date.and_time(self.time()), seq)
    }

    pub fn time(&self) -> NaiveTime {
        NaiveTime::from_num_seconds_from_midnight_opt(self.second % DAY_SECONDS, 0).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct DraftLine {
    pub sku: u8,
    pub quantity: u8,
    pub refund: Refund,
    /// The actual commission as millionths of the rate × base estimate.
    pub actual_ppm: u32,
}

/// Draws one order of at most `room` lines from `source`, pushing its lines onto `lines`.
pub(crate) fn draw_order(
    rng: &mut ChaCha8Rng,
    plan: &Plan,
    source: Source,
    room: u8,
    lines: &mut Vec<DraftLine>,
) -> DraftOrder {
    let product = match source {
        Source::Collab(i) | Source::Organic { product: i, .. } => &plan.collabs[i as usize],
    };
    let content = match source {
        Source::Collab(_) if !product.posted => Content::Showcase,
        Source::Collab(_) => pick_content(rng, [88, 5, 7]),
        Source::Organic { .. } => pick_content(rng, [70, 10, 20]),
    };
    let variants = product.skus.len().clamp(1, 255) as u8;
    let wanted = match rng.random_range(0..100u32) {
        0..3 => 3,
        3..15 => 2,
        _ => 1,
    };
    let line_count = wanted.min(variants).min(room).max(1);
    let second = pick_hour(rng) * 3_600 + rng.random_range(0..3_600u32);
    let cancelled = chance(rng, 0.02);
    let first_sku = rng.random_range(0..variants);
    let first_line = lines.len() as u32;
    for k in 0..line_count {
        let quantity = match rng.random_range(0..100u32) {
            0..75 => 1,
            75..92 => 2,
            _ => 3,
        };
        let refund = match rng.random::<f64>() {
            _ if cancelled => Refund::None,
            r if r < 0.08 => Refund::Full,
            r if r < 0.12 && quantity > 1 => Refund::Units(rng.random_range(1..quantity)),
            r if r < 0.12 => Refund::Money(rng.random_range(100_000..=500_000)),
            _ => Refund::None,
        };
        let actual_ppm = if chance(rng, 0.65) { 1_000_000 } else { rng.random_range(950_000..=995_000u32) };
        lines.push(DraftLine { sku: (first_sku + k) % variants, quantity, refund, actual_ppm });
    }
    let pay_after =
        if chance(rng, 0.85) { rng.random_range(5..=180u32) } else { rng.random_range(180..=3_600u32) };
    let deliver_after = 2 * DAY_SECONDS + rng.random_range(0..5 * DAY_SECONDS);
    let mut settle_after = 14 * DAY_SECONDS + rng.random_range(0..10 * DAY_SECONDS);
    if chance(rng, 0.06) {
        // Held back: a dispute or a late check.
        settle_after += rng.random_range(25 * DAY_SECONDS..40 * DAY_SECONDS);
    }
    DraftOrder {
        second,
        source,
        content,
        cancelled,
        shows_target: chance(rng, 0.70),
        pay_after,
        deliver_after,
        settle_after,
        first_line,
        line_count,
    }
}

fn pick_hour(rng: &mut ChaCha8Rng) -> u32 {
    const TOTAL: u32 = {
        let mut sum = 0;
        let mut h = 0;
        while h < 24 {
            sum += HOURLY[h];
            h += 1;
        }
        sum
    };
    let mut ticket = rng.random_range(0..TOTAL);
    for (hour, weight) in (0u32..).zip(HOURLY) {
        if ticket < weight {
            return hour;
        }
        ticket -= weight;
    }
    23
}

fn pick_content(rng: &mut ChaCha8Rng, weights: [u32; 3]) -> Content {
    let options =
        [(Content::Video, weights[0]), (Content::Live, weights[1]), (Content::Showcase, weights[2])];
    pick_weighted(rng, &options, |(_, w)| *w).0
}
