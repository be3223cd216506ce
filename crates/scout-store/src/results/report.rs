//! The raw material of the results report, summed in SQL: order lines grouped by currency, collaboration,
//! product and week; distinct order counts per grouping; flat fees and sample shipments; the funnel. The
//! app turns them into ledgers (see `scout_app::results`).

use crate::{Result, Store};
use chrono::NaiveDate;
use scout_domain::Funnel;
use sqlx::Row;

/// Sums over some order lines, in minor units of one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrderSums {
    pub units_sold: i64,
    pub units_refunded: i64,
    pub gmv: i64,
    pub refunds: i64,
    pub commission_estimated: i64,
    pub commission_paid: i64,
    pub commission_pending: i64,
}

/// Order lines of one currency, collaboration (or none), creator handle, product and week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesGroup {
    pub currency: String,
    pub campaign_id: Option<i64>,
    pub creator_handle: Option<String>,
    pub creator_id: Option<i64>,
    pub product_id: Option<String>,
    pub product_name: Option<String>,
    /// Monday of the week the orders were placed.
    pub week: NaiveDate,
    pub sums: OrderSums,
}

/// A cost of a collaboration: a flat fee, or a shipped sample (its shipping cost, if recorded; the
/// product's cost comes from the campaign).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostEntry {
    pub campaign_id: i64,
    pub creator_id: i64,
    pub handle: String,
    pub kind: CostKind,
    /// Minor units of `currency`; `None` for a sample whose shipping cost was not recorded.
    pub amount: Option<(i64, String)>,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostKind {
    FlatFee,
    Sample,
}

/// Distinct orders per currency and grouping key ("" for the total).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderCounts {
    pub total: Vec<(String, u64)>,
    pub by_campaign: Vec<(String, Option<i64>, u64)>,
    pub by_creator: Vec<(String, Option<String>, u64)>,
    pub by_product: Vec<(String, String, u64)>,
}

/// Everything the report is computed from, for one campaign or all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportInputs {
    pub sales: Vec<SalesGroup>,
    pub orders: OrderCounts,
    pub costs: Vec<CostEntry>,
    pub funnel: Funnel,
}

/// The creator a line is counted for: the attributed creator (a hand assignment may name another
/// creator than the export), else the export's username.
const CREATOR_SQL: &str = "CASE WHEN creator_id IS NULL THEN creator_handle \
     ELSE (SELECT c.handle FROM creators c WHERE c.id = order_lines.creator_id) END";

/// The product key order lines are grouped by: the product id, else the name.
pub const PRODUCT_KEY_SQL: &str = "coalesce(nullif(product_id, ''), product_name, '')";

/// When the collaboration of shortlist row `s` started: the first offer sent, else the first move to
/// "invited" on the board, else the agreement; '9999' when none of them happened.
pub(crate) const INVITED_AT: &str =
    "min(coalesce((SELECT min(o.sent_at) FROM offers o WHERE o.campaign_id = s.campaign_id \
     AND o.creator_id = s.creator_id AND o.sent_at IS NOT NULL), '9999'), \
     coalesce((SELECT min(e.at) FROM pipeline_events e WHERE e.campaign_id = s.campaign_id \
     AND e.creator_id = s.creator_id AND e.to_stage = 'invited'), '9999'), \
     coalesce((SELECT a.recorded_at FROM agreements a WHERE a.campaign_id = s.campaign_id \
     AND a.creator_id = s.creator_id), '9999'))";

pub(crate) const STAGES_INVITED: &str =
    "('invited','replied','negotiating','agreed','sample_shipped','content_posted','completed','declined','no_response')";
pub(crate) const STAGES_REPLIED: &str =
    "('replied','negotiating','agreed','sample_shipped','content_posted','completed','declined')";
pub(crate) const STAGES_AGREED: &str = "('agreed','sample_shipped','content_posted','completed')";
pub(crate) const STAGES_POSTED: &str = "('content_posted','completed')";

/// SQL that is true when shortlist row `s` is, or ever was, in one of `stages`.
pub(crate) fn reached(stages: &str) -> String {
    format!(
        "(s.stage IN {stages} OR EXISTS (SELECT 1 FROM pipeline_events e WHERE e.campaign_id = s.campaign_id \
         AND e.creator_id = s.creator_id AND e.to_stage IN {stages}))"
    )
}

fn count(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

impl Store {
    /// The report's raw sums for one campaign (`Some`) or the whole workspace.
    pub async fn report_inputs(&self, campaign_id: Option<i64>) -> Result<ReportInputs> {
        let mut conn = self.pool.acquire().await?;
        let rows = sqlx::query(&format!(
            "SELECT currency, campaign_id, {CREATOR_SQL} AS who, max(creator_id) AS creator_id, product_id, \
             max(product_name) AS product_name, date(created_at, 'weekday 0', '-6 days') AS week, \
             sum(quantity) AS units, sum(units_refunded) AS refunded, sum(payment_minor) AS gmv, \
             sum(refund_minor) AS refunds, \
             sum(CASE WHEN settlement <> 'ineligible' THEN commission_est_minor ELSE 0 END) AS est, \
             sum(CASE WHEN settlement = 'settled' THEN coalesce(commission_actual_minor, commission_est_minor) \
                 ELSE 0 END) AS paid, \
             sum(CASE WHEN settlement = 'pending' THEN commission_est_minor ELSE 0 END) AS pending \
             FROM order_lines WHERE ?1 IS NULL OR campaign_id = ?1 \
             GROUP BY currency, campaign_id, who, product_id, week"
        ))
        .bind(campaign_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut sales = Vec::with_capacity(rows.len());
        for r in rows {
            let week: String = r.try_get("week")?;
            sales.push(SalesGroup {
                currency: r.try_get("currency")?,
                campaign_id: r.try_get("campaign_id")?,
                creator_handle: r.try_get("who")?,
                creator_id: r.try_get("creator_id")?,
                product_id: r.try_get("product_id")?,
                product_name: r.try_get("product_name")?,
                week: week.parse().unwrap_or(NaiveDate::MIN),
                sums: OrderSums {
                    units_sold: r.try_get("units")?,
                    units_refunded: r.try_get("refunded")?,
                    gmv: r.try_get("gmv")?,
                    refunds: r.try_get("refunds")?,
                    commission_estimated: r.try_get("est")?,
                    commission_paid: r.try_get("paid")?,
                    commission_pending: r.try_get("pending")?,
                },
            });
        }

        let filter = "FROM order_lines WHERE ?1 IS NULL OR campaign_id = ?1";
        let total: Vec<(String, i64)> =
            sqlx::query_as(&format!("SELECT currency, count(DISTINCT order_id) {filter} GROUP BY currency"))
                .bind(campaign_id)
                .fetch_all(&mut *conn)
                .await?;
        let by_campaign: Vec<(String, Option<i64>, i64)> = sqlx::query_as(&format!(
            "SELECT currency, campaign_id, count(DISTINCT order_id) {filter} GROUP BY currency, campaign_id"
        ))
        .bind(campaign_id)
        .fetch_all(&mut *conn)
        .await?;
        let by_creator: Vec<(String, Option<String>, i64)> = sqlx::query_as(&format!(
            "SELECT currency, {CREATOR_SQL}, count(DISTINCT order_id) {filter} GROUP BY currency, 2"
        ))
        .bind(campaign_id)
        .fetch_all(&mut *conn)
        .await?;
        let by_product: Vec<(String, String, i64)> = sqlx::query_as(&format!(
            "SELECT currency, {PRODUCT_KEY_SQL}, count(DISTINCT order_id) {filter} GROUP BY currency, 2"
        ))
        .bind(campaign_id)
        .fetch_all(&mut *conn)
        .await?;
        let orders = OrderCounts {
            total: total.into_iter().map(|(c, n)| (c, count(n))).collect(),
            by_campaign: by_campaign.into_iter().map(|(c, k, n)| (c, k, count(n))).collect(),
            by_creator: by_creator.into_iter().map(|(c, k, n)| (c, k, count(n))).collect(),
            by_product: by_product.into_iter().map(|(c, k, n)| (c, k, count(n))).collect(),
        };

        let mut costs = Vec::new();
        let fees: Vec<(i64, i64, String, i64, String, String)> = sqlx::query_as(
            "SELECT a.campaign_id, a.creator_id, cr.handle, a.flat_fee_minor, a.flat_fee_currency, a.recorded_at \
             FROM agreements a JOIN creators cr ON cr.id = a.creator_id \
             WHERE a.flat_fee_minor IS NOT NULL AND (?1 IS NULL OR a.campaign_id = ?1)",
        )
        .bind(campaign_id)
        .fetch_all(&mut *conn)
        .await?;
        for (campaign_id, creator_id, handle, minor, currency, at) in fees {
            let on = at.get(..10).and_then(|d| d.parse().ok()).unwrap_or(NaiveDate::MIN);
            costs.push(CostEntry {
                campaign_id,
                creator_id,
                handle,
                kind: CostKind::FlatFee,
                amount: Some((minor, currency)),
                on,
            });
        }
        type SampleRow = (i64, i64, String, Option<i64>, Option<String>, NaiveDate);
        let samples: Vec<SampleRow> = sqlx::query_as(
            "SELECT s.campaign_id, s.creator_id, cr.handle, s.cost_minor, s.cost_currency, s.shipped_on \
             FROM sample_shipments s JOIN creators cr ON cr.id = s.creator_id \
             WHERE ?1 IS NULL OR s.campaign_id = ?1",
        )
        .bind(campaign_id)
        .fetch_all(&mut *conn)
        .await?;
        for (campaign_id, creator_id, handle, minor, currency, on) in samples {
            costs.push(CostEntry {
                campaign_id,
                creator_id,
                handle,
                kind: CostKind::Sample,
                amount: minor.zip(currency),
                on,
            });
        }

        let reached = |set: &str| format!("sum({})", reached(set));
        let funnel_sql = format!(
            "SELECT count(*), {invited}, {replied}, {agreed}, \
             sum(s.stage IN {posted} OR EXISTS (SELECT 1 FROM content_posts p WHERE p.campaign_id = s.campaign_id \
                 AND p.creator_id = s.creator_id)), \
             sum(EXISTS (SELECT 1 FROM order_lines l WHERE l.campaign_id = s.campaign_id \
                 AND l.creator_id = s.creator_id AND l.payment_minor > l.refund_minor)), \
             sum(EXISTS (SELECT 1 FROM sample_shipments x WHERE x.campaign_id = s.campaign_id \
                 AND x.creator_id = s.creator_id)), \
             sum(EXISTS (SELECT 1 FROM sample_shipments x WHERE x.campaign_id = s.campaign_id \
                 AND x.creator_id = s.creator_id) AND EXISTS (SELECT 1 FROM content_posts p \
                 WHERE p.campaign_id = s.campaign_id AND p.creator_id = s.creator_id)) \
             FROM shortlist s JOIN campaigns c ON c.id = s.campaign_id \
             WHERE c.simulated = 0 AND (?1 IS NULL OR s.campaign_id = ?1)",
            invited = reached(STAGES_INVITED),
            replied = reached(STAGES_REPLIED),
            agreed = reached(STAGES_AGREED),
            posted = STAGES_POSTED,
        );
        type FunnelRow =
            (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>);
        let f: FunnelRow = sqlx::query_as(&funnel_sql).bind(campaign_id).fetch_one(&mut *conn).await?;
        let c = |v: Option<i64>| count(v.unwrap_or(0));
        let funnel = Funnel {
            shortlisted: count(f.0),
            invited: c(f.1),
            replied: c(f.2),
            agreed: c(f.3),
            posted: c(f.4),
            sold: c(f.5),
            sampled: c(f.6),
            sampled_posted: c(f.7),
        };
        Ok(ReportInputs { sales, orders, costs, funnel })
    }
}
