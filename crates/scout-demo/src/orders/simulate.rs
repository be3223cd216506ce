//! The streaming order simulator. It walks the days from the first post to `until`; each day gets its
//! share of the run's lines (in proportion to the day's expected orders) and its own random stream, draws
//! that many lines as orders, sorts them by time and hands them out. Only one day is ever held.

use super::draft::{draw_order, DraftLine, DraftOrder, Source};
use super::line::materialize;
use super::plan::{Plan, WINDOW_DAYS};
use super::{CollaborationSeed, OrderConfig};
use crate::draw::row_rng;
use crate::error::Result;
use rand::RngExt;
use scout_domain::OrderLine;
use std::iter::FusedIterator;

const DAY_TAG: u64 = 0x6461_7973;

/// Simulates the affiliate order lines `seeds` bring in up to `cfg.until`, in time order.
///
/// Fails only when a seed or the config is unusable (a handle that is no handle, a negative strength,
/// lines asked of collaborations that sell nothing), before the first line.
pub fn simulate_orders(seeds: &[CollaborationSeed], cfg: &OrderConfig) -> Result<OrderSimulator> {
    Ok(OrderSimulator::new(Plan::new(seeds, cfg)?, *cfg))
}

/// An iterator over a run's order lines; see [`simulate_orders`].
#[derive(Debug)]
pub struct OrderSimulator {
    plan: Plan,
    cfg: OrderConfig,
    /// The next day to draw, the expected orders before it and the lines given to the days before it.
    day: usize,
    expected_before: f64,
    lines_before: u64,
    expected_total: f64,
    active: Vec<usize>,
    next_to_post: usize,
    orders: Vec<DraftOrder>,
    lines: Vec<DraftLine>,
    /// Where the hand-out stands: order, line within it, and that order's id.
    order_at: usize,
    line_at: usize,
    order_id: String,
}

impl OrderSimulator {
    fn new(plan: Plan, cfg: OrderConfig) -> OrderSimulator {
        let expected_total = plan.day_expected.iter().sum();
        OrderSimulator {
            plan,
            cfg,
            day: 0,
            expected_before: 0.0,
            lines_before: 0,
            expected_total,
            active: Vec::new(),
            next_to_post: 0,
            orders: Vec::new(),
            lines: Vec::new(),
            order_at: 0,
            line_at: 0,
            order_id: String::new(),
        }
    }

    pub(crate) fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The number of lines the whole run yields.
    pub fn total_lines(&self) -> u64 {
        self.plan.total_lines
    }

    /// This day's lines: the rounded cumulative share of the total, less what earlier days got, so the
    /// days add up to exactly the total. A day expected to sell nothing gets no lines, so every line has
    /// a collaboration or an organic creator to come from.
    fn day_quota(&mut self, day: usize) -> u64 {
        self.expected_before += self.plan.day_expected[day];
        let upto = if day >= self.plan.last_selling_day || self.expected_total <= 0.0 {
            self.plan.total_lines
        } else {
            let share = (self.expected_before / self.expected_total).min(1.0);
            (share * self.plan.total_lines as f64).round() as u64
        };
        let quota = upto.saturating_sub(self.lines_before);
        self.lines_before += quota;
        quota
    }

    fn draw_day(&mut self, day: usize) {
        let date = self.plan.date(day);
        let quota = self.day_quota(day);
        self.orders.clear();
        self.lines.clear();
        self.order_at = 0;
        self.line_at = 0;
        while let Some(&next) = self.plan.by_post_day.get(self.next_to_post) {
            if self.plan.collabs[next].posted_on > date {
                break;
            }
            self.active.push(next);
            self.next_to_post += 1;
        }
        let collabs = &self.plan.collabs;
        self.active.retain(|&i| (date - collabs[i].posted_on).num_days() < WINDOW_DAYS);
        if quota == 0 {
            return;
        }
        // Cumulative expected orders of the active collaborations, then the organic ones on top.
        let mut cumulative = Vec::with_capacity(self.active.len());
        let mut sum = 0.0;
        for &i in &self.active {
            sum += collabs[i].expected(date);
            cumulative.push(sum);
        }
        let organic = self.plan.organic_per_day[day];
        let mut rng = row_rng(self.plan.key ^ DAY_TAG, day as u64);
        let mut drawn = 0u64;
        while drawn < quota {
            let source = pick_source(&mut rng, &self.plan, &self.active, &cumulative, organic);
            let room = u8::try_from(quota - drawn).unwrap_or(u8::MAX);
            let order = draw_order(&mut rng, &self.plan, source, room, &mut self.lines);
            drawn += u64::from(order.line_count);
            self.orders.push(order);
        }
        self.orders.sort_by_key(|o| o.second);
    }
}

/// Which collaboration (or organic creator) an order comes from, in proportion to expected orders.
fn pick_source(
    rng: &mut rand_chacha::ChaCha8Rng,
    plan: &Plan,
    active: &[usize],
    cumulative: &[f64],
    organic: f64,
) -> Source {
    let collab_sum = cumulative.last().copied().unwrap_or(0.0);
    let ticket = rng.random::<f64>() * (collab_sum + organic);
    if ticket >= collab_sum || active.is_empty() {
        // Organic: popular creators sell more (the square skews towards the start of the pool), on any
        // of the shop's products.
        let skew = rng.random::<f64>();
        let creator = ((skew * skew) * plan.organic.len() as f64) as usize;
        let product = rng.random_range(0..plan.collabs.len().max(1));
        return Source::Organic {
            creator: creator.min(plan.organic.len().saturating_sub(1)) as u32,
            product: product as u32,
        };
    }
    let at = cumulative.partition_point(|&c| c <= ticket).min(active.len() - 1);
    Source::Collab(active[at] as u32)
}

impl Iterator for OrderSimulator {
    type Item = OrderLine;

    fn next(&mut self) -> Option<OrderLine> {
        loop {
            if let Some(order) = self.orders.get(self.order_at) {
                if self.line_at < usize::from(order.line_count) {
                    let date = self.plan.date(self.day - 1);
                    if self.line_at == 0 {
                        self.order_id = order.id(self.plan.key, date, self.order_at as u32);
                    }
                    let line = &self.lines[order.first_line as usize + self.line_at];
                    self.line_at += 1;
                    return Some(materialize(&self.plan, &self.cfg, date, &self.order_id, order, line));
                }
                self.order_at += 1;
                self.line_at = 0;
                continue;
            }
            if self.day >= self.plan.days {
                return None;
            }
            let day = self.day;
            self.draw_day(day);
            self.day += 1;
        }
    }
}

impl FusedIterator for OrderSimulator {}
