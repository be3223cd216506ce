//! Affiliate orders synced from the fake TikTok Shop API (`fixtures/tiktok/fake_tiktok_api.py`) into the
//! workspace: counts and a report checked by hand against the fake's sample orders, a second sync that
//! changes nothing, an order attributed through the target collaboration our offer created, a failure
//! on a later page storing nothing, tokens refreshed during the sync kept in the keychain, and the
//! errors a seller can act on. Tests that store secrets run only with a real keychain
//! (`scripts/with-keyring.sh`).

use super::tiktok::{ids, queue, setup, Setup};
use chrono::{DateTime, Duration, Utc};
use scout_app::{AppError, CancelToken};
use scout_domain::{ImportKind, IssueOutcome, ResultsQuery};
use scout_secrets::{Keychain, Secret, SecretKey};
use scout_testkit::{FAKE_TIKTOK_ACCESS, FAKE_TIKTOK_ORDERS_ANCHOR};
use serde_json::json;

const ORDERS: &str = "/affiliate_seller/202410/orders/search";

/// The four days after the anchor hold all seven sample orders.
fn sample_window() -> (DateTime<Utc>, DateTime<Utc>) {
    let anchor = DateTime::from_timestamp(FAKE_TIKTOK_ORDERS_ANCHOR, 0).unwrap();
    (anchor, anchor + Duration::days(5))
}

fn tokens_key(test: &str) -> SecretKey {
    SecretKey::tiktok_tokens(format!("app-{test}"), format!("cipher-{test}"))
}

/// Makes the stored access token look expired, so the next use of the client refreshes it first.
fn expire_stored_access_token(test: &str) -> Keychain {
    let keychain = Keychain::with_service(scout_testkit::test_keychain_service());
    let key = tokens_key(test);
    let mut tokens: serde_json::Value =
        serde_json::from_str(keychain.get(&key).unwrap().unwrap().expose()).unwrap();
    tokens["access_expires_at"] = json!(Utc::now() - Duration::minutes(5));
    keychain.set(&key, &Secret::new(tokens.to_string())).unwrap();
    keychain
}

fn stored_access_token(keychain: &Keychain, test: &str) -> String {
    let key = tokens_key(test);
    let tokens: serde_json::Value =
        serde_json::from_str(keychain.get(&key).unwrap().unwrap().expose()).unwrap();
    tokens["access_token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn synced_orders_are_counted_reported_to_the_cent_and_a_second_sync_changes_nothing() {
    if !scout_testkit::keychain_tests_enabled("synced_orders_are_counted_reported") {
        return;
    }
    let s = setup("ordersync", "ok", &ids("creator-", 1), true).await;
    let (since, until) = sample_window();
    let r = s.ws.sync_tiktok_orders(since, until).await.unwrap();
    assert_eq!((r.file_name.as_str(), r.kind), ("TikTok Shop API", ImportKind::Orders));
    // Seven orders: six mapped into seven lines (order 2 has two SKUs), one refused for its currency.
    assert_eq!(
        (r.counts.rows_total, r.counts.created, r.counts.updated, r.counts.unchanged, r.counts.rejected),
        (8, 7, 0, 0, 1),
        "{r:?}"
    );
    assert_eq!(
        r.attribution.map(|a| (a.attributed, a.unattributed)),
        Some((0, 7)),
        "no collaboration in this workspace"
    );
    assert_eq!(r.issues.len(), 1, "{:?}", r.issues);
    let issue = &r.issues[0];
    assert!(
        issue.outcome == IssueOutcome::Rejected && issue.line == 7,
        "the seventh order of the sync: {issue:?}"
    );
    assert!(
        issue.message.starts_with("order 576000000000000007: skipped: skus[0].price.currency")
            && issue.message.contains("US$"),
        "named by its id, with the field and why: {}",
        issue.message
    );
    let calls = s.api.requests_to("POST", ORDERS);
    assert_eq!(calls.len(), 4, "four pages of two SKU records (order 2's two SKUs on two pages)");
    assert!(calls.iter().all(|c| c["sign_valid"] == true));
    let window = json!({"create_time_ge": FAKE_TIKTOK_ORDERS_ANCHOR, "create_time_lt": FAKE_TIKTOK_ORDERS_ANCHOR + 5 * 86_400});
    assert_eq!(calls[0]["body"], window);

    let report = s.ws.results_report(&ResultsQuery::default()).await.unwrap();
    let codes: Vec<&str> = report.currencies.iter().map(|c| c.currency.code()).collect();
    assert_eq!(codes, ["USD", "JPY"], "one section per currency, never added together");
    let usd = &report.currencies[0].total.ledger;
    // Orders 1, 2, 3, 5. GMV 59.98 + 29.99 + 19.50 + 29.99 + 29.99; refunded: order 3 returned in full,
    // order 5 cancelled (both INELIGIBLE). Paid: order 1's 9.00; pending: order 2's 6.00 + 3.90.
    assert_eq!((usd.orders, usd.units_sold, usd.units_refunded), (4, 6, 2));
    assert_eq!((usd.gmv, usd.refunds), (16_945, 5_998));
    assert_eq!((usd.commission_paid, usd.commission_pending), (900, 990));
    let jpy = &report.currencies[1].total.ledger;
    // Orders 4 and 6: ¥4,500 settled + ¥3,000 awaiting payment; paid ¥450, pending ¥150.
    assert_eq!((jpy.orders, jpy.units_sold, jpy.units_refunded), (2, 5, 0));
    assert_eq!((jpy.gmv, jpy.refunds, jpy.commission_paid, jpy.commission_pending), (7_500, 0, 450, 150));
    assert_eq!(report.unattributed_lines, 7);

    let again = s.ws.sync_tiktok_orders(since, until).await.unwrap();
    assert_eq!(
        (
            again.counts.rows_total,
            again.counts.created,
            again.counts.updated,
            again.counts.unchanged,
            again.counts.rejected
        ),
        (8, 0, 0, 7, 1),
        "the same window twice changes nothing: {again:?}"
    );
    assert_eq!(s.ws.results_report(&ResultsQuery::default()).await.unwrap(), report, "same figures");
}

#[tokio::test]
async fn an_order_through_our_target_collaboration_counts_for_the_creator_it_names() {
    if !scout_testkit::keychain_tests_enabled("an_order_through_our_target_collaboration") {
        return;
    }
    let s: Setup = setup("orderattr", "ok", &ids("creator-", 2), true).await;
    queue(&s).await;
    assert_eq!(
        s.ws.run_outbox(
            &scout_app::OutboxRun::only(scout_app::OfferChannel::Tiktok),
            &CancelToken::default()
        )
        .await
        .unwrap()
        .sent,
        2
    );
    let collaboration = s.ws.offers(s.campaign).await.unwrap()[0].external_id.clone().unwrap();
    let created = (Utc::now() - Duration::hours(1)).timestamp();
    let order = |id: &str, creator: &str| {
        json!({
            "id": id, "create_time": created,
            "skus": [{
                // Not the campaign's product: only the collaboration id can tie the sale to it.
                "sku_id": "1", "product_id": "999", "creator_username": creator,
                "quantity": 1, "price": {"amount": "40.00", "currency": "USD"}, "commission_rate": "1500",
                "estimated_paid_commission": {"amount": "6.00", "currency": "USD"},
                "settlement_status": "To-SETTLE", "target_collaboration_id": collaboration
            }]
        })
    };
    // creator0 was invited in that collaboration; "stranger" was not, whatever the id says.
    s.api.set_orders(&[order("9001", "creator0"), order("9002", "stranger")]);

    let r = s.ws.sync_tiktok_orders_recent(30).await.unwrap();
    assert_eq!(
        (r.counts.created, r.attribution.map(|a| (a.attributed, a.unattributed))),
        (2, Some((1, 1))),
        "{r:?}"
    );
    let body = &s.api.requests_to("POST", ORDERS)[0]["body"];
    let span = body["create_time_lt"].as_i64().unwrap() - body["create_time_ge"].as_i64().unwrap();
    assert_eq!(span, 30 * 86_400, "the last 30 days: {body}");

    let report =
        s.ws.results_report(&ResultsQuery { campaign_id: Some(s.campaign), ..Default::default() })
            .await
            .unwrap();
    let by_creator = &report.currencies[0].by_creator;
    assert_eq!(by_creator.len(), 1, "{by_creator:?}");
    assert_eq!((by_creator[0].label.as_str(), by_creator[0].id), ("@creator0", Some(s.creators[0])));
    assert_eq!((by_creator[0].ledger.gmv, by_creator[0].ledger.commission_pending), (4_000, 600));
    let open = s.ws.unattributed_orders(0, 10).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!((open[0].order_id.as_str(), open[0].creator.as_deref()), ("9002", Some("@stranger")));
}

#[tokio::test]
async fn a_failure_on_a_later_page_stores_nothing_and_refreshed_tokens_are_kept() {
    if !scout_testkit::keychain_tests_enabled("a_failure_on_a_later_page_stores_nothing") {
        return;
    }
    let s = setup("orderfail", "orders_fail_mid_way", &ids("creator-", 1), true).await;
    let keychain = expire_stored_access_token("orderfail");
    let (since, until) = sample_window();
    let err = s.ws.sync_tiktok_orders(since, until).await.unwrap_err();
    assert!(err.to_string().contains("36009010"), "TikTok Shop's error is passed on: {err}");
    assert_eq!(s.api.requests_to("POST", ORDERS).len(), 2, "the first page was read, the second failed");
    let report = s.ws.results_report(&ResultsQuery::default()).await.unwrap();
    assert!(report.currencies.is_empty(), "not one line of the first page was kept: {report:?}");
    assert!(s.ws.unattributed_orders(0, 10).await.unwrap().is_empty());
    assert_eq!(
        stored_access_token(&keychain, "orderfail"),
        format!("{FAKE_TIKTOK_ACCESS}-refreshed-1"),
        "the token refreshed during the failed sync is in the keychain"
    );

    // The first day fits on the first page, which works.
    let r = s.ws.sync_tiktok_orders(since, since + Duration::days(1)).await.unwrap();
    assert_eq!((r.counts.created, r.counts.rejected), (1, 0), "order 1: {r:?}");
}

#[tokio::test]
async fn tokens_refreshed_during_a_sync_are_kept_in_the_keychain() {
    if !scout_testkit::keychain_tests_enabled("tokens_refreshed_during_a_sync_are_kept") {
        return;
    }
    let s = setup("ordertoken", "ok", &ids("creator-", 1), true).await;
    let keychain = expire_stored_access_token("ordertoken");
    let (since, until) = sample_window();
    assert_eq!(s.ws.sync_tiktok_orders(since, until).await.unwrap().counts.created, 7);
    let refreshed = format!("{FAKE_TIKTOK_ACCESS}-refreshed-1");
    assert_eq!(stored_access_token(&keychain, "ordertoken"), refreshed);
    let calls = s.api.requests_to("POST", ORDERS);
    assert!(calls.iter().all(|c| c["token"] == refreshed.as_str()), "every page with the new token");
}

#[tokio::test]
async fn syncing_without_a_connection_says_where_to_connect() {
    // No secrets: never connected.
    let s = setup("ordernone", "ok", &ids("creator-", 1), false).await;
    let err = s.ws.sync_tiktok_orders_recent(30).await.unwrap_err();
    assert!(
        matches!(&err, AppError::InvalidField { field, .. } if field == "tiktok.connection"),
        "the setting to fix, so the window offers the way to Settings: {err:?}"
    );
    assert!(err.to_string().contains("connect it in Settings"), "{err}");
    let err = s.ws.sync_tiktok_orders_recent(0).await.unwrap_err();
    assert!(matches!(&err, AppError::InvalidField { field, .. } if field == "days"), "{err:?}");
    let now = Utc::now();
    let err = s.ws.sync_tiktok_orders(now, now - Duration::days(1)).await.unwrap_err();
    assert!(err.to_string().contains("nothing to sync"), "{err}");
    assert!(s.api.requests().is_empty(), "nothing reached TikTok Shop");
}

#[tokio::test]
async fn each_tiktok_failure_reaches_the_window_with_its_own_code() {
    use scout_app::ErrorCode;
    if !scout_testkit::keychain_tests_enabled("each_tiktok_failure_reaches_the_window") {
        return;
    }
    // Rate limited past the client's retries.
    let s = setup("codes429", "always_rate_limited", &ids("creator-", 1), true).await;
    let err = s.ws.sync_tiktok_orders_recent(7).await.unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::RateLimited, "{err}");

    // The refresh token is refused: the seller must reconnect, and the message says where.
    let s = setup("codesauth", "refresh_refused", &ids("creator-", 1), true).await;
    expire_stored_access_token("codesauth");
    let err = s.ws.sync_tiktok_orders_recent(7).await.unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::Reauthorize, "{err}");
    assert!(err.to_string().starts_with("reconnect TikTok Shop in Settings"), "{err}");

    // Nothing answers at the API's address.
    let s = setup("codesnet", "ok", &ids("creator-", 1), true).await;
    let mut connection = s.ws.tiktok_connection().await.unwrap().unwrap();
    connection.api_base = "http://127.0.0.1:9".into();
    s.ws.set_tiktok_connection(&connection).await.unwrap();
    let err = s.ws.sync_tiktok_orders_recent(7).await.unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::Network, "{err}");
}
