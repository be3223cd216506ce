//! Hand-computed reports: one campaign selling in dollars with a flat fee and a sample, and an
//! unattributed creator selling the same product in pounds.

use super::*;
use scout_domain::{ExchangeRate, Money};
use scout_store::{CostEntry, OrderCounts, OrderSums};

fn cur(c: &str) -> Currency {
    Currency::parse(c).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn campaigns() -> Vec<CampaignInfo> {
    vec![CampaignInfo {
        id: 1,
        name: "Glow launch".into(),
        product: ProductSpec {
            name: "Glow Serum".into(),
            category: None,
            price: Money::new(2_999, cur("USD")),
            unit_cost: Money::new(600, cur("USD")),
            tiktok_product_id: Some("P1".into()),
        },
    }]
}

fn inputs() -> ReportInputs {
    let usd = SalesGroup {
        currency: "USD".into(),
        campaign_id: Some(1),
        creator_handle: Some("mia".into()),
        creator_id: Some(7),
        product_id: Some("P1".into()),
        product_name: Some("Glow Serum".into()),
        week: None,
        sums: OrderSums {
            units_sold: 10,
            units_refunded: 2,
            gmv: 29_990,
            refunds: 5_998,
            commission_estimated: 4_499,
            commission_paid: 3_000,
            commission_pending: 1_000,
        },
    };
    let gbp = SalesGroup {
        currency: "GBP".into(),
        campaign_id: None,
        creator_handle: Some("zoe".into()),
        creator_id: None,
        product_id: Some("P1".into()),
        product_name: Some("Glow Serum".into()),
        week: None,
        sums: OrderSums {
            units_sold: 3,
            units_refunded: 0,
            gmv: 7_500,
            refunds: 0,
            commission_estimated: 1_125,
            commission_paid: 0,
            commission_pending: 1_125,
        },
    };
    // The same lines by week (Mondays 5 and 12 October), as the store sums them.
    let weekly = vec![
        SalesGroup { creator_handle: None, creator_id: None, week: Some(day(10, 5)), ..usd.clone() },
        SalesGroup { creator_handle: None, creator_id: None, week: Some(day(10, 12)), ..gbp.clone() },
    ];
    ReportInputs {
        sales: vec![usd, gbp],
        weekly,
        orders: OrderCounts {
            total: vec![("USD".into(), 9), ("GBP".into(), 3)],
            by_campaign: vec![("USD".into(), Some(1), 9), ("GBP".into(), None, 3)],
            by_creator: vec![("USD".into(), Some("mia".into()), 9), ("GBP".into(), Some("zoe".into()), 3)],
            by_product: vec![("USD".into(), "P1".into(), 9), ("GBP".into(), "P1".into(), 3)],
        },
        costs: vec![
            CostEntry {
                campaign_id: 1,
                creator_id: 7,
                handle: "mia".into(),
                kind: CostKind::FlatFee,
                amount: Some((20_000, "USD".into())),
                on: day(10, 7),
            },
            CostEntry {
                campaign_id: 1,
                creator_id: 7,
                handle: "mia".into(),
                kind: CostKind::Sample,
                amount: Some((850, "USD".into())),
                on: day(10, 1),
            },
        ],
        funnel: Default::default(),
    }
}

#[test]
fn currencies_stay_apart_and_every_figure_matches_the_hand_computed_one() {
    let (sections, warnings) = assemble(&inputs(), &campaigns(), None).unwrap();
    assert_eq!(sections.len(), 2, "dollars and pounds are not added");
    let usd = &sections[0];
    assert_eq!(usd.currency, cur("USD"), "most orders first");
    let t = &usd.total.ledger;
    assert_eq!((t.orders, t.units_sold, t.units_refunded), (9, 10, 2));
    assert_eq!((t.gmv, t.refunds), (29_990, 5_998));
    assert_eq!(t.product_cost, 8 * 600, "unit cost × units kept");
    assert_eq!(t.sample_cost, 600 + 850, "the sample's product cost + its shipping");
    assert_eq!(t.flat_fees, 20_000);
    let n = &usd.total.net;
    assert_eq!(n.commission.value.minor, 3_000 + 1_000);
    assert_eq!(n.creator_cost.value.minor, 4_000 + 20_000 + 1_450);
    // 23,992 − 4,800 − 25,450
    assert_eq!(n.net_profit.value.minor, -6_258);
    // −6,258 ÷ 25,450 = −0.24589…
    assert_eq!(n.roi_bp, Some(-2_459));
    assert_eq!(usd.by_campaign.len(), 1);
    assert_eq!(usd.by_campaign[0].label, "Glow launch");
    assert_eq!(usd.by_creator[0].label, "@mia");
    assert_eq!(usd.by_creator[0].id, Some(7));
    assert_eq!(usd.by_product[0].label, "Glow Serum");
    assert_eq!(usd.by_product[0].ledger, usd.total.ledger, "one product: its row is the total");
    // Weeks: sales and the fee (Wed 7 Oct) in the week of Mon 5 Oct; the sample (Thu 1 Oct) the week before.
    let weeks: Vec<(NaiveDate, i64, i64)> =
        usd.over_time.iter().map(|p| (p.week, p.gmv, p.net_profit)).collect();
    assert_eq!(
        weeks,
        vec![(day(9, 28), 0, -1_450), (day(10, 5), 29_990, 29_990 - 5_998 - 4_800 - 4_000 - 20_000)]
    );
    let profit_over_time: i64 = usd.over_time.iter().map(|p| p.net_profit).sum();
    assert_eq!(profit_over_time, n.net_profit.value.minor, "the weeks add up to the total");

    let gbp = &sections[1];
    assert_eq!(gbp.total.ledger.gmv, 7_500);
    assert_eq!(gbp.total.ledger.product_cost, 0, "a dollar unit cost is not charged against pound sales");
    assert_eq!(gbp.total.net.roi_bp, Some(56_667), "6,375 ÷ 1,125");
    assert_eq!(gbp.by_campaign[0].label, "Not attributed to a campaign");
    assert_eq!(gbp.by_creator[0].label, "1 creator outside your campaigns", "zoe has no collaboration");
    assert_eq!(gbp.by_creator[0].ledger.orders, 3);
    assert_eq!(warnings.len(), 1, "the weekly sums do not repeat the warning: {warnings:?}");
    assert!(
        warnings[0].contains("3 units of Glow Serum") && warnings[0].contains("unit cost is in USD"),
        "{warnings:?}"
    );
}

#[test]
fn one_currency_with_the_sellers_rate() {
    let rates =
        Conversion { to: cur("USD"), rates: vec![ExchangeRate { from: cur("GBP"), rate_micros: 1_270_000 }] };
    let (sections, warnings) = assemble(&inputs(), &campaigns(), Some(&rates)).unwrap();
    assert_eq!(sections.len(), 1);
    assert!(warnings.is_empty(), "with a rate the pound sales carry their product cost: {warnings:?}");
    assert_eq!(sections[0].over_time.len(), 3, "the sample's week, the dollar week and the pound week");
    let t = &sections[0].total.ledger;
    assert_eq!(t.orders, 12);
    assert_eq!(t.gmv, 29_990 + 9_525, "£75.00 × 1.27 = $95.25");
    assert_eq!(t.product_cost, 4_800 + 3 * 600);
    assert_eq!(t.commission_pending, 1_000 + 1_429, "£11.25 × 1.27 = $14.2875 → $14.29");
    let n = &sections[0].total.net;
    // (39,515 − 5,998) − 6,600 − (5,429 + 20,000 + 1,450)
    assert_eq!(n.net_profit.value.minor, 38);
    assert_eq!(n.roi_bp, Some(14), "38 ÷ 26,879 = 0.14 %");
    assert_eq!(sections[0].by_creator.len(), 2);
}

#[test]
fn a_missing_rate_is_an_error_that_names_the_currency() {
    let rates =
        Conversion { to: cur("USD"), rates: vec![ExchangeRate { from: cur("EUR"), rate_micros: 1_080_000 }] };
    let err = assemble(&inputs(), &campaigns(), Some(&rates)).unwrap_err().to_string();
    assert!(err.contains("from GBP to USD"), "{err}");
}

#[test]
fn nothing_sold_nothing_spent_is_an_empty_report() {
    let (sections, warnings) = assemble(&ReportInputs::default(), &campaigns(), None).unwrap();
    assert!(sections.is_empty() && warnings.is_empty());
}
