//! The raw material of the results report: order lines summed per currency, collaboration, creator and
//! product, and again per week, with distinct order counts per grouping (`sums.rs`); flat fees and
//! sample shipments; the funnel. The app turns them into ledgers (see `scout_app::results`).

use crate::{Result, Store};
use chrono::NaiveDate;
use scout_domain::{Funnel, Period};

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

/// Order lines of one currency, collaboration (or none) and product, and either one creator (for the
/// report's groups) or one week (for its time series).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesGroup {
    pub currency: String,
    pub campaign_id: Option<i64>,
    /// The creator the lines count for; `None` in a weekly group (or when the export names none).
    pub creator_handle: Option<String>,
    pub creator_id: Option<i64>,
    pub product_id: Option<String>,
    pub product_name: Option<String>,
    /// Monday of the week the orders were placed, in a weekly group.
    pub week: Option<NaiveDate>,
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
    /// Per currency, collaboration, creator and product.
    pub sales: Vec<SalesGroup>,
    /// Per currency, collaboration, product and week.
    pub weekly: Vec<SalesGroup>,
    pub orders: OrderCounts,
    pub costs: Vec<CostEntry>,
    pub funnel: Funnel,
}

/// When the collaboration of shortlist row `s` started: the earliest of the first offer sent, the first
/// move to "invited" on the board, the agreement, and the first order the seller assigned to it by hand
/// (a collaboration credited from Results began no later than its first order); '9999' when none.
pub(crate) const INVITED_AT: &str =
    "min(coalesce((SELECT min(o.sent_at) FROM offers o WHERE o.campaign_id = s.campaign_id \
     AND o.creator_id = s.creator_id AND o.sent_at IS NOT NULL), '9999'), \
     coalesce((SELECT min(e.at) FROM pipeline_events e WHERE e.campaign_id = s.campaign_id \
     AND e.creator_id = s.creator_id AND e.to_stage = 'invited'), '9999'), \
     coalesce((SELECT a.recorded_at FROM agreements a WHERE a.campaign_id = s.campaign_id \
     AND a.creator_id = s.creator_id), '9999'), \
     coalesce((SELECT min(l.created_at) FROM order_lines l WHERE l.campaign_id = s.campaign_id \
     AND l.creator_id = s.creator_id AND l.attribution = 'manual'), '9999'))";

pub(crate) const STAGES_INVITED: &str =
    "('invited','replied','negotiating','agreed','sample_shipped','content_posted','completed','declined','no_response')";
pub(crate) const STAGES_REPLIED: &str =
    "('replied','negotiating','agreed','sample_shipped','content_posted','completed','declined')";
pub(crate) const STAGES_AGREED: &str = "('agreed','sample_shipped','content_posted','completed')";
const STAGES_POSTED: &str = "('content_posted','completed')";

/// SQL that is true when shortlist row `s` is, or ever was, in one of `stages`.
pub(crate) fn reached(stages: &str) -> String {
    format!(
        "(s.stage IN {stages} OR EXISTS (SELECT 1 FROM pipeline_events e WHERE e.campaign_id = s.campaign_id \
         AND e.creator_id = s.creator_id AND e.to_stage IN {stages}))"
    )
}

/// SQL that is true when the creator of shortlist row `s` posted for the collaboration: the board says
/// so, a post was recorded, or a video export has a video of theirs posted since the invitation.
pub(crate) fn posted() -> String {
    format!(
        "(s.stage IN {STAGES_POSTED} \
         OR EXISTS (SELECT 1 FROM content_posts p WHERE p.campaign_id = s.campaign_id AND p.creator_id = s.creator_id) \
         OR EXISTS (SELECT 1 FROM video_results v JOIN creators vc ON vc.id = s.creator_id \
                    WHERE v.creator_handle = vc.handle AND v.posted_on >= substr({INVITED_AT}, 1, 10)))"
    )
}

fn count(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

impl Store {
    /// The report's raw sums for one campaign (`Some`) or the whole workspace.
    pub async fn report_inputs(&self, campaign_id: Option<i64>) -> Result<ReportInputs> {
        self.report_inputs_in(campaign_id, Period::ALL).await
    }

    /// The report's raw sums for one campaign or all, over a period: orders placed, flat fees agreed and
    /// samples shipped in it, and the collaborations begun in it (the funnel).
    pub async fn report_inputs_in(&self, campaign_id: Option<i64>, period: Period) -> Result<ReportInputs> {
        let mut conn = self.pool.acquire().await?;
        let (sales, weekly, orders) = super::sums::sum_lines(&mut conn, campaign_id, period).await?;
        let (from, until) = (period.from_sql(), period.until_sql());

        let mut costs = Vec::new();
        let fees: Vec<(i64, i64, String, i64, String, String)> = sqlx::query_as(
            "SELECT a.campaign_id, a.creator_id, cr.handle, a.flat_fee_minor, a.flat_fee_currency, a.recorded_at \
             FROM agreements a JOIN creators cr ON cr.id = a.creator_id \
             WHERE a.flat_fee_minor IS NOT NULL AND (?1 IS NULL OR a.campaign_id = ?1) \
             AND (?2 IS NULL OR substr(a.recorded_at, 1, 10) >= ?2) AND (?3 IS NULL OR substr(a.recorded_at, 1, 10) < ?3)",
        )
        .bind(campaign_id)
        .bind(&from)
        .bind(&until)
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
             WHERE (?1 IS NULL OR s.campaign_id = ?1) AND (?2 IS NULL OR s.shipped_on >= ?2) \
             AND (?3 IS NULL OR s.shipped_on < ?3)",
        )
        .bind(campaign_id)
        .bind(&from)
        .bind(&until)
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
        let posted = posted();
        // Sold counts collaborations that posted and sold, so each step is a share of the one before.
        let funnel_sql = format!(
            "SELECT count(*), {invited}, {replied}, {agreed}, sum({posted}), \
             sum({posted} AND EXISTS (SELECT 1 FROM order_lines l WHERE l.campaign_id = s.campaign_id \
                 AND l.creator_id = s.creator_id AND l.payment_minor > l.refund_minor)), \
             sum(EXISTS (SELECT 1 FROM sample_shipments x WHERE x.campaign_id = s.campaign_id \
                 AND x.creator_id = s.creator_id)), \
             sum(EXISTS (SELECT 1 FROM sample_shipments x WHERE x.campaign_id = s.campaign_id \
                 AND x.creator_id = s.creator_id) AND {posted}) \
             FROM shortlist s JOIN campaigns c ON c.id = s.campaign_id \
             WHERE c.simulated = 0 AND (?1 IS NULL OR s.campaign_id = ?1) \
             AND (?2 IS NULL OR substr(s.added_at, 1, 10) >= ?2) AND (?3 IS NULL OR substr(s.added_at, 1, 10) < ?3)",
            invited = reached(STAGES_INVITED),
            replied = reached(STAGES_REPLIED),
            agreed = reached(STAGES_AGREED),
        );
        type FunnelRow =
            (i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>, Option<i64>);
        let f: FunnelRow = sqlx::query_as(&funnel_sql)
            .bind(campaign_id)
            .bind(&from)
            .bind(&until)
            .fetch_one(&mut *conn)
            .await?;
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
        Ok(ReportInputs { sales, weekly, orders, costs, funnel })
    }
}
