//! One pass over the order lines, in order-id order (the unique index gives that order without a
//! sort), summed in memory per group and per week, with distinct orders counted per grouping as each
//! order's lines go by. SQLite's GROUP BY would sort a million lines once per grouping; this reads
//! them once.

use super::report::{OrderCounts, OrderSums, SalesGroup};
use crate::Result;
use chrono::{Datelike, Days, NaiveDate};
use futures_util::TryStreamExt;
use scout_domain::Period;
use sqlx::Row;
use std::collections::{HashMap, HashSet};

/// (currency, campaign, creator the line counts for, product id)
type GroupKey = (String, Option<i64>, Option<String>, Option<String>);
/// (currency, campaign, product id, Monday of the week)
type WeekKey = (String, Option<i64>, Option<String>, NaiveDate);

struct Group {
    creator_id: Option<i64>,
    product_name: Option<String>,
    sums: OrderSums,
}

/// What one order line contributes.
struct Line {
    currency: String,
    campaign_id: Option<i64>,
    who: Option<String>,
    creator_id: Option<i64>,
    product_id: Option<String>,
    product_name: Option<String>,
    day: NaiveDate,
    sums: OrderSums,
}

impl OrderSums {
    fn add(&mut self, o: &OrderSums) {
        self.units_sold += o.units_sold;
        self.units_refunded += o.units_refunded;
        self.gmv += o.gmv;
        self.refunds += o.refunds;
        self.commission_estimated += o.commission_estimated;
        self.commission_paid += o.commission_paid;
        self.commission_pending += o.commission_pending;
    }
}

fn monday(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The distinct keys one order has touched in each grouping.
#[derive(Default)]
struct OrderSeen {
    id: String,
    total: HashSet<String>,
    campaign: HashSet<(String, Option<i64>)>,
    creator: HashSet<(String, Option<String>)>,
    product: HashSet<(String, String)>,
}

#[derive(Default)]
struct Counts {
    total: HashMap<String, u64>,
    campaign: HashMap<(String, Option<i64>), u64>,
    creator: HashMap<(String, Option<String>), u64>,
    product: HashMap<(String, String), u64>,
}

impl OrderSeen {
    /// Counts the line's keys the current order has not counted yet.
    fn count(&mut self, l: &Line, order_id: &str, c: &mut Counts) {
        if self.id != order_id {
            self.id.clear();
            self.id.push_str(order_id);
            self.total.clear();
            self.campaign.clear();
            self.creator.clear();
            self.product.clear();
        }
        let product = l
            .product_id
            .clone()
            .filter(|p| !p.is_empty())
            .or_else(|| l.product_name.clone())
            .unwrap_or_default();
        if self.total.insert(l.currency.clone()) {
            *c.total.entry(l.currency.clone()).or_default() += 1;
        }
        let k = (l.currency.clone(), l.campaign_id);
        if self.campaign.insert(k.clone()) {
            *c.campaign.entry(k).or_default() += 1;
        }
        let k = (l.currency.clone(), l.who.clone());
        if self.creator.insert(k.clone()) {
            *c.creator.entry(k).or_default() += 1;
        }
        let k = (l.currency.clone(), product);
        if self.product.insert(k.clone()) {
            *c.product.entry(k).or_default() += 1;
        }
    }
}

/// The sums per group, per week, and the distinct order counts, for one campaign's lines or all, of
/// the orders placed in the period.
pub(super) async fn sum_lines(
    conn: &mut sqlx::SqliteConnection,
    campaign_id: Option<i64>,
    period: Period,
) -> Result<(Vec<SalesGroup>, Vec<SalesGroup>, OrderCounts)> {
    let mut rows = sqlx::query(
        "SELECT l.order_id, l.currency, l.campaign_id, \
         CASE WHEN l.creator_id IS NULL THEN l.creator_handle ELSE c.handle END AS who, l.creator_id, \
         l.product_id, l.product_name, substr(l.created_at, 1, 10) AS day, l.quantity, l.units_refunded, \
         l.payment_minor, l.refund_minor, l.settlement, l.commission_est_minor, l.commission_actual_minor \
         FROM order_lines l LEFT JOIN creators c ON c.id = l.creator_id \
         WHERE (?1 IS NULL OR l.campaign_id = ?1) AND (?2 IS NULL OR l.created_at >= ?2) \
         AND (?3 IS NULL OR l.created_at < ?3) ORDER BY l.order_id",
    )
    .bind(campaign_id)
    .bind(period.from_sql())
    .bind(period.until_sql())
    .fetch(conn);
    let mut groups: HashMap<GroupKey, Group> = HashMap::new();
    let mut weeks: HashMap<WeekKey, Group> = HashMap::new();
    let mut seen = OrderSeen::default();
    let mut counts = Counts::default();
    while let Some(r) = rows.try_next().await? {
        let settlement: &str = r.try_get("settlement")?;
        let est: i64 = r.try_get("commission_est_minor")?;
        let actual: Option<i64> = r.try_get("commission_actual_minor")?;
        let day: String = r.try_get("day")?;
        let line = Line {
            currency: r.try_get("currency")?,
            campaign_id: r.try_get("campaign_id")?,
            who: r.try_get("who")?,
            creator_id: r.try_get("creator_id")?,
            product_id: r.try_get("product_id")?,
            product_name: r.try_get("product_name")?,
            day: day.parse().unwrap_or(NaiveDate::MIN),
            sums: OrderSums {
                units_sold: r.try_get("quantity")?,
                units_refunded: r.try_get("units_refunded")?,
                gmv: r.try_get("payment_minor")?,
                refunds: r.try_get("refund_minor")?,
                commission_estimated: if settlement == "ineligible" { 0 } else { est },
                commission_paid: if settlement == "settled" { actual.unwrap_or(est) } else { 0 },
                commission_pending: if settlement == "pending" { est } else { 0 },
            },
        };
        let order_id: &str = r.try_get("order_id")?;
        seen.count(&line, order_id, &mut counts);
        let g = groups
            .entry((line.currency.clone(), line.campaign_id, line.who.clone(), line.product_id.clone()))
            .or_insert_with(|| Group { creator_id: None, product_name: None, sums: OrderSums::default() });
        g.creator_id = g.creator_id.or(line.creator_id);
        if g.product_name.is_none() {
            g.product_name = line.product_name.clone();
        }
        g.sums.add(&line.sums);
        let w = weeks
            .entry((line.currency.clone(), line.campaign_id, line.product_id.clone(), monday(line.day)))
            .or_insert_with(|| Group { creator_id: None, product_name: None, sums: OrderSums::default() });
        if w.product_name.is_none() {
            w.product_name = line.product_name;
        }
        w.sums.add(&line.sums);
    }
    let sales = groups
        .into_iter()
        .map(|((currency, campaign_id, who, product_id), g)| SalesGroup {
            currency,
            campaign_id,
            creator_handle: who,
            creator_id: g.creator_id,
            product_id,
            product_name: g.product_name,
            week: None,
            sums: g.sums,
        })
        .collect();
    let weekly = weeks
        .into_iter()
        .map(|((currency, campaign_id, product_id, week), g)| SalesGroup {
            currency,
            campaign_id,
            creator_handle: None,
            creator_id: None,
            product_id,
            product_name: g.product_name,
            week: Some(week),
            sums: g.sums,
        })
        .collect();
    let orders = OrderCounts {
        total: counts.total.into_iter().collect(),
        by_campaign: counts.campaign.into_iter().map(|((c, k), n)| (c, k, n)).collect(),
        by_creator: counts.creator.into_iter().map(|((c, k), n)| (c, k, n)).collect(),
        by_product: counts.product.into_iter().map(|((c, k), n)| (c, k, n)).collect(),
    };
    Ok((sales, weekly, orders))
}
