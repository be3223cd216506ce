//! Affiliate orders against the fake API: paging until the last page, every field mapped to exact
//! minor units, settlement, handle and target collaboration id; a rate limit waited out, an expired
//! token refreshed, a failure on a later page failing the whole read.

use super::{assert_signed_shop_call, FakeTiktok};
use chrono::{DateTime, Duration as ChronoDuration, Utc};
use scout_domain::{BasisPoints, Handle, OrderLine, Settlement};
use scout_testkit::{FAKE_TIKTOK_ACCESS as ACCESS, FAKE_TIKTOK_ORDERS_ANCHOR as ANCHOR};
use scout_tiktok::{AffiliateOrder, TiktokError};
use serde_json::json;
use std::time::Duration;

const ORDERS: &str = "/affiliate_seller/202410/orders/search";

fn at(offset: ChronoDuration) -> DateTime<Utc> {
    DateTime::from_timestamp(ANCHOR, 0).unwrap() + offset
}

/// The window holding all seven sample orders (they span four days from the anchor).
fn window() -> (DateTime<Utc>, DateTime<Utc>) {
    (at(ChronoDuration::zero()), at(ChronoDuration::days(5)))
}

fn lines_of<'a>(orders: &'a [AffiliateOrder], id: &str) -> &'a [OrderLine] {
    match orders.iter().find(|o| o.order_id() == id) {
        Some(AffiliateOrder::Mapped { lines, .. }) => lines,
        other => panic!("order {id} should be mapped: {other:?}"),
    }
}

#[tokio::test]
async fn affiliate_orders_are_read_page_by_page_and_mapped_to_exact_order_lines() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let (ge, lt) = window();
    let orders = client.affiliate_orders(ge, lt, Duration::ZERO).await.unwrap();
    let ids: Vec<&str> = orders.iter().map(AffiliateOrder::order_id).collect();
    let want: Vec<String> = (1..=7).map(|n| format!("57600000000000000{n}")).collect();
    assert_eq!(ids, want, "every order of every page, in the API's order");

    let requests = api.requests();
    assert_eq!(requests.len(), 4, "four pages of two SKU records");
    for r in &requests {
        assert_eq!((r["method"].as_str(), r["path"].as_str()), (Some("POST"), Some(ORDERS)));
        assert_signed_shop_call(r, ACCESS);
        assert_eq!(r["content_type"], "application/json");
        assert_eq!(
            r["body"],
            json!({"create_time_ge": ANCHOR, "create_time_lt": ANCHOR + 5 * 86_400}),
            "the window in Unix seconds, in the signed body"
        );
        assert_eq!(r["query"]["page_size"], "50");
    }
    let tokens: Vec<Option<&str>> = requests.iter().map(|r| r["query"]["page_token"].as_str()).collect();
    assert_eq!(
        tokens,
        [None, Some("2"), Some("4"), Some("6")],
        "each next_page_token is sent (and signed) once"
    );

    // A settled USD line: 29.99 × 2.
    let l = &lines_of(&orders, "576000000000000001")[0];
    assert_eq!(
        (l.sku_id.as_str(), l.product_id.as_deref()),
        ("1729000000000000101", Some("1729000000000000001"))
    );
    assert_eq!(l.creator, Some(Handle::parse("glowwithmia").unwrap()));
    assert_eq!((l.currency.code(), l.quantity, l.unit_price, l.payment), ("USD", 2, Some(2_999), 5_998));
    assert_eq!(l.commission_rate, Some(BasisPoints(1_500)));
    assert_eq!(
        (l.settlement, l.commission_estimated, l.commission_actual),
        (Settlement::Settled, 900, Some(900))
    );
    assert_eq!(l.created_at, at(ChronoDuration::hours(1)).naive_utc(), "create_time read as UTC");
    assert_eq!(l.target_collaboration_id, None);

    // Two SKUs through a target collaboration, to settle: they came on two pages, as one order.
    let two = lines_of(&orders, "576000000000000002");
    assert_eq!(two.len(), 2, "one line per SKU, the order's parts merged");
    assert!(two.iter().all(|l| l.target_collaboration_id.as_deref() == Some("7300000000000000001")));
    assert!(two.iter().all(|l| l.settlement == Settlement::Pending && l.commission_actual.is_none()));
    assert_eq!(
        two.iter().map(|l| (l.payment, l.commission_estimated)).collect::<Vec<_>>(),
        [(2_999, 600), (1_950, 390)]
    );
    assert_eq!(two[1].product_name, None, "the API gives no product name");

    // Returned in full, and cancelled (INELIGIBLE): everything refunded, no commission.
    for id in ["576000000000000003", "576000000000000005"] {
        let l = &lines_of(&orders, id)[0];
        assert_eq!((l.settlement, l.refund, l.units_refunded), (Settlement::Ineligible, 2_999, 1), "{id}");
        assert_eq!(l.commission(), 0, "{id}");
    }
    // Yen have no minor unit: "1500" × 3 is 4500; awaiting payment is pending.
    let l = &lines_of(&orders, "576000000000000004")[0];
    assert_eq!((l.currency.code(), l.payment, l.commission_actual), ("JPY", 4_500, Some(450)));
    let l = &lines_of(&orders, "576000000000000006")[0];
    assert_eq!((l.payment, l.refund, l.units_refunded, l.settlement), (3_000, 0, 0, Settlement::Pending));

    match &orders[6] {
        AffiliateOrder::Skipped { order_id, reason } => {
            assert_eq!(order_id, "576000000000000007");
            assert!(reason.contains("skus[0].price.currency") && reason.contains("US$"), "{reason}");
        }
        other => panic!("the order in 'US$' is skipped, not mapped: {other:?}"),
    }
}

#[tokio::test]
async fn one_page_at_a_time_and_only_the_window_asked_for() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let (ge, lt) = window();
    let first = client.search_affiliate_orders(ge, lt, None).await.unwrap();
    assert_eq!(first.orders.len(), 2, "order 1 and the first SKU of order 2");
    assert_eq!(first.next_page_token.as_deref(), Some("2"));
    let last = client.search_affiliate_orders(ge, lt, Some("6")).await.unwrap();
    assert_eq!((last.orders.len(), last.next_page_token), (2, None), "no token after the last page");

    // The first two days hold orders 1 and 2; create_time_lt is exclusive (order 2 is at day 1 01:00).
    let two_days = client.search_affiliate_orders(ge, at(ChronoDuration::days(2)), None).await.unwrap();
    let ids: Vec<&str> = two_days.orders.iter().map(AffiliateOrder::order_id).collect();
    assert_eq!(ids, ["576000000000000001", "576000000000000002"]);
    let before = client
        .search_affiliate_orders(ge, at(ChronoDuration::days(1) + ChronoDuration::hours(1)), None)
        .await
        .unwrap();
    assert_eq!(before.orders.len(), 1, "an order created at create_time_lt is outside");

    let err = client.search_affiliate_orders(lt, ge, None).await.unwrap_err();
    assert!(matches!(&err, TiktokError::Invalid { field, .. } if field == "create_time_lt"), "{err:?}");
    assert_eq!(api.requests().len(), 4, "the backwards window was refused before sending");
}

#[tokio::test]
async fn a_long_window_is_asked_for_a_month_at_a_time_oldest_first() {
    let api = FakeTiktok::start("ok");
    // 75 days ending five days after the anchor: 30 + 30 + 15 days, the samples in the last month.
    let lt = at(ChronoDuration::days(5));
    let ge = lt - ChronoDuration::days(75);
    let orders = api.client().affiliate_orders(ge, lt, Duration::ZERO).await.unwrap();
    assert_eq!(orders.len(), 7, "every sample order, once");
    let bodies: Vec<(i64, i64)> = api
        .api
        .requests_to("POST", ORDERS)
        .iter()
        .map(|r| {
            (r["body"]["create_time_ge"].as_i64().unwrap(), r["body"]["create_time_lt"].as_i64().unwrap())
        })
        .collect();
    let day = 86_400;
    let (g, l) = (ge.timestamp(), lt.timestamp());
    let want = [
        (g, g + 30 * day),
        (g + 30 * day, g + 60 * day),
        (g + 60 * day, l),
        (g + 60 * day, l),
        (g + 60 * day, l),
        (g + 60 * day, l),
    ];
    assert_eq!(bodies, want, "two empty months, then the last 15 days over four pages; no gap, no overlap");
    assert_eq!(scout_tiktok::ORDERS_WINDOW_DAYS, 30);
}

#[tokio::test]
async fn a_rate_limit_on_the_order_search_is_waited_out() {
    let api = FakeTiktok::start("rate_limit_then_ok");
    let (ge, lt) = window();
    let orders = api.client().affiliate_orders(ge, lt, Duration::ZERO).await.unwrap();
    assert_eq!(orders.len(), 7, "nothing lost to the 429");
    let statuses: Vec<i64> = api.requests().iter().map(|r| r["http_status"].as_i64().unwrap()).collect();
    assert_eq!(statuses, [429, 200, 200, 200, 200], "refused once, repeated, then the other pages");
    let requests = api.requests();
    assert_eq!(requests[0]["query"].get("page_token"), None);
    assert_eq!(requests[1]["query"].get("page_token"), None, "the same first page again");
}

#[tokio::test]
async fn an_expired_token_is_refreshed_during_the_order_search() {
    let api = FakeTiktok::start("expired_token_then_refresh");
    let client = api.client();
    let (ge, lt) = window();
    let orders = client.affiliate_orders(ge, lt, Duration::ZERO).await.unwrap();
    assert_eq!(orders.len(), 7);
    assert!(client.tokens_changed(), "the caller is told to store the new tokens");
    let seen: Vec<(String, i64)> = api
        .requests()
        .iter()
        .map(|r| (r["path"].as_str().unwrap().to_string(), r["code"].as_i64().unwrap()))
        .collect();
    let orders_call = |code| (ORDERS.to_string(), code);
    assert_eq!(
        seen,
        [
            orders_call(105002),
            ("/api/v2/token/refresh".into(), 0),
            orders_call(0),
            orders_call(0),
            orders_call(0),
            orders_call(0)
        ],
        "expired once, refreshed once, then every page with the new token"
    );
    assert_signed_shop_call(&api.requests()[5], &format!("{ACCESS}-refreshed-1"));
}

#[tokio::test]
async fn a_failure_on_a_later_page_fails_the_whole_read() {
    let api = FakeTiktok::start("orders_fail_mid_way");
    let (ge, lt) = window();
    let err = api.client().affiliate_orders(ge, lt, Duration::ZERO).await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::Api { code: 36009010, message, .. } if message.contains("failed")),
        "{err:?}"
    );
    assert_eq!(api.requests().len(), 2, "the first page, then the failing second; not retried");
}

#[tokio::test]
async fn seeded_orders_replace_the_samples() {
    let api = FakeTiktok::start("ok");
    let order = json!({
        "id": "42", "create_time": ANCHOR + 60,
        "skus": [{"sku_id": "9", "creator_username": "Mia", "quantity": 1,
                  "price": {"amount": "1.005", "currency": "KWD"}, "settlement_status": "SETTLED"}]
    });
    api.api.set_orders(&[order]);
    let (ge, lt) = window();
    let orders = api.client().affiliate_orders(ge, lt, Duration::ZERO).await.unwrap();
    let lines = lines_of(&orders, "42");
    assert_eq!(orders.len(), 1);
    assert_eq!((lines[0].currency.code(), lines[0].payment), ("KWD", 1_005), "three decimals, price × 1");
}
