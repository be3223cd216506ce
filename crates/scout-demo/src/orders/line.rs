//! A drafted order line made whole: money, refund, status, the times an export shows and settlement,
//! all judged at the end of the export's day.

use super::draft::{Content, DraftLine, DraftOrder, Refund, Source};
use super::ids::{prefixed_id, LIVE_PREFIX, VIDEO_PREFIX};
use super::plan::{Collab, Plan};
use super::OrderConfig;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use scout_domain::{BasisPoints, OrderLine, Settlement};

/// Days after delivery when the return window has closed and the order shows "Completed".
const RETURN_WINDOW_DAYS: i64 = 7;

pub(crate) fn materialize(
    plan: &Plan,
    cfg: &OrderConfig,
    date: NaiveDate,
    order_id: &str,
    order: &DraftOrder,
    line: &DraftLine,
) -> OrderLine {
    let export_end = cfg.until.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default());
    let (product, creator, rate) = match order.source {
        Source::Collab(i) => {
            let c = &plan.collabs[i as usize];
            (c, &c.handle, c.commission_bp)
        }
        Source::Organic { creator, product } => {
            let c = &plan.collabs[product as usize];
            (c, &plan.organic[creator as usize], c.open_bp)
        }
    };
    let step = product.step;
    let quantity = u32::from(line.quantity);
    let payment = product.unit_price * i64::from(quantity);
    let (refund, units_refunded) = match line.refund {
        _ if order.cancelled => (payment, quantity),
        Refund::None => (0, 0),
        Refund::Full => (payment, quantity),
        Refund::Units(u) => (product.unit_price * i64::from(u), u32::from(u)),
        Refund::Money(ppm) => {
            let part = share(payment, i64::from(ppm), 1_000_000, step);
            (part.clamp(0, payment), 0)
        }
    };
    let created = date.and_time(order.time());
    let by_export = |t: NaiveDateTime| (t <= export_end).then_some(t);
    let after = |t: NaiveDateTime, seconds: u32| t + TimeDelta::seconds(i64::from(seconds));
    let paid_at = by_export(after(created, order.pay_after));
    let delivered_at = if order.cancelled { None } else { by_export(after(created, order.deliver_after)) };
    let status = match delivered_at {
        _ if order.cancelled => "Cancelled",
        None => "Shipped",
        Some(at) if at + TimeDelta::days(RETURN_WINDOW_DAYS) <= export_end => "Completed",
        Some(_) => "Delivered",
    };
    let eligible = !order.cancelled && refund < payment;
    let commission_paid_at =
        delivered_at.filter(|_| eligible).and_then(|at| by_export(after(at, order.settle_after)));
    let settlement = match commission_paid_at {
        _ if !eligible => Settlement::Ineligible,
        Some(_) => Settlement::Settled,
        None => Settlement::Pending,
    };
    let commission_actual = commission_paid_at.map(|_| {
        share(payment - refund, i64::from(rate) * i64::from(line.actual_ppm), 10_000 * 1_000_000, step)
    });
    let (content_type, content_id) = match order.content {
        Content::Video => ("Video", Some(content_id(plan, product, order.source, VIDEO_PREFIX))),
        Content::Live => ("LIVE", Some(content_id(plan, product, order.source, LIVE_PREFIX))),
        Content::Showcase => ("Showcase", None),
    };
    let target = match order.source {
        Source::Collab(_) if order.shows_target => product.target.clone(),
        _ => None,
    };
    OrderLine {
        order_id: order_id.to_string(),
        sku_id: product.skus[usize::from(line.sku) % product.skus.len()].clone(),
        product_id: Some(product.product_id.clone()),
        product_name: Some(product.product_name.clone()),
        creator: Some(creator.clone()),
        content_type: Some(content_type.to_string()),
        content_id,
        quantity,
        currency: product.currency.clone(),
        unit_price: Some(product.unit_price),
        payment,
        refund,
        units_refunded,
        status: Some(status.to_string()),
        commission_rate: Some(BasisPoints(rate)),
        commission_estimated: share(payment, i64::from(rate), 10_000, step),
        commission_actual,
        settlement,
        created_at: created,
        paid_at,
        delivered_at,
        commission_paid_at,
        target_collaboration_id: target,
    }
}

/// The collaboration's own video or LIVE, or an organic creator's video or LIVE with the product.
fn content_id(plan: &Plan, product: &Collab, source: Source, prefix: u64) -> String {
    match source {
        Source::Collab(_) if prefix == LIVE_PREFIX => product.live_id.clone(),
        Source::Collab(_) => product.video_id.clone(),
        Source::Organic { creator, product: p } => {
            prefixed_id(prefix, plan.key ^ (u64::from(creator) << 32) ^ u64::from(p))
        }
    }
}

/// `amount × numerator / denominator`, rounded half up to a multiple of `step` (amounts are never
/// negative here).
pub(crate) fn share(amount: i64, numerator: i64, denominator: i64, step: i64) -> i64 {
    let unit = i128::from(denominator) * i128::from(step.max(1));
    let scaled = (i128::from(amount) * i128::from(numerator) * 2 + unit) / (2 * unit);
    i64::try_from(scaled * i128::from(step.max(1))).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up_to_the_step() {
        assert_eq!(share(5_998, 1_500, 10_000, 1), 900, "15 % of 59.98 is 9.00 (8.997 rounded)");
        assert_eq!(share(14_900_000, 1_500, 10_000, 100), 2_235_000, "15 % of Rp 149.000 is Rp 22.350");
        assert_eq!(
            share(14_900_100, 1_250, 10_000, 100),
            1_862_500,
            "12.5 % of Rp 149.001 is Rp 18.625,125: whole rupiah"
        );
        assert_eq!(share(3, 1, 2, 1), 2, "1.5 rounds up");
    }
}
