//! Samples end to end through the window, against the fake TikTok Shop API: sync the shop's sample
//! requests, set the products' economics and a rule (backtested before it can be turned on), let the rule
//! approve six on the next sync, reject the four left with a reason by hand, and find that TikTok Shop
//! received exactly ten reviews — six approvals and four rejections — while the two agency requests stay
//! with the seller. Screens: the requests with their chance of a post, the rule dialog, a request's
//! explanation.

use super::*;

/// The fake shop's sample products (fixtures/tiktok/fake_samples.py).
const PRODUCTS: [&str; 3] = ["1729000000000000001", "1729000000000000002", "1729000000000000004"];

#[tokio::test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and a Secret Service: run by scripts/test.sh"]
async fn ten_sample_requests_are_triaged_six_by_the_rule_and_four_by_hand() {
    use scout_testkit::{FakeTiktokApi, FakeTiktokOptions, FAKE_TIKTOK_APP_SECRET, FAKE_TIKTOK_AUTH_CODE};
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("e2e-samples.scout");
    // An app key of its own: the E2E flows share one keychain.
    let app_key = format!("e2e-samples-{}", std::process::id());
    let api = FakeTiktokApi::start_with(&FakeTiktokOptions {
        app_key: app_key.clone(),
        ..FakeTiktokOptions::scenario("ok")
    });
    let ws = scout_app::Workspace::open(&workspace).await.unwrap();
    let mut connection = scout_app::TiktokConnection::new(app_key, scout_testkit::FAKE_TIKTOK_SHOP_CIPHER);
    connection.api_base = api.base_url();
    connection.auth_base = api.base_url();
    connection.interval_ms = 20;
    ws.connect_tiktok(&connection, scout_secrets::Secret::new(FAKE_TIKTOK_APP_SECRET), FAKE_TIKTOK_AUTH_CODE)
        .await
        .unwrap();
    ws.close().await;

    let _driver = Driver::start(4472);
    let c = connect(4472, &workspace).await;
    c.set_window_size(1280, 800).await.unwrap();
    go_to(&c, "Samples").await;
    find(&c, "//*[@data-testid='samples-empty']").await;
    button(&c, "Sync").await.click().await.unwrap();
    let rows = "//*[@data-testid='sample-row']";
    wait_count(&c, rows, 12, "the fake's twelve pending requests").await;
    find(&c, "//*[@data-testid='sync-note' and contains(., 'new')]").await;
    // Scout's chance of a post on every row; no net value yet (no product has economics).
    wait_count(&c, "//*[@data-testid='p-post' and contains(., '%')]", 12, "a chance on every row").await;
    screenshot(&c, "samples-1-to-decide").await;

    // The rule: every request qualifies, six a day; the products' economics; backtest; turn on.
    find(&c, "//*[@data-testid='open-rule']").await.click().await.unwrap();
    find(&c, "//h2[@id='sample-rule-title']").await;
    for (field, value) in [("rule-min-post", "0"), ("rule-min-net", "-10000"), ("rule-limit", "6")] {
        let input = find(&c, &format!("//input[@data-testid='{field}']")).await;
        input.clear().await.unwrap();
        input.send_keys(value).await.unwrap();
    }
    for product in PRODUCTS {
        let row = format!("//tr[@data-testid='product-row' and @data-id='{product}']");
        for (label, value) in
            [("Price", "20.00"), ("Margin", "40"), ("Sample cost", "8.50"), ("Shipping", "4.00")]
        {
            let input = find(&c, &format!("{row}//input[@aria-label='{label}']")).await;
            input.clear().await.unwrap();
            input.send_keys(value).await.unwrap();
        }
        find(&c, &format!("{row}//button[@data-testid='save-economics']")).await.click().await.unwrap();
        wait_attr(&c, &format!("{row}//button[@data-testid='save-economics']"), "disabled", "true").await;
    }
    assert!(
        find(&c, "//button[@data-testid='rule-on']").await.attr("disabled").await.unwrap().is_some(),
        "the rule cannot be turned on before its backtest"
    );
    find(&c, "//button[@data-testid='rule-backtest']").await.click().await.unwrap();
    let backtest = text_of(&find(&c, "//*[@data-testid='rule-backtest-result']").await).await;
    assert!(backtest.contains("it would have approved"), "{backtest}");
    find(&c, "//button[@data-testid='rule-on' and not(@disabled)]").await.click().await.unwrap();
    find(&c, "//*[@data-testid='rule-state' and normalize-space(.)='On']").await;
    screenshot(&c, "samples-2-rule").await;
    button(&c, "Done").await.click().await.unwrap();

    // The next sync: the rule approves six (best net value first) and the outbox sends their reviews.
    button(&c, "Sync").await.click().await.unwrap();
    find(&c, "//*[@data-testid='sync-note' and contains(., 'The rule approved 6 and left 6 to you')]").await;
    wait_count(&c, rows, 6, "the six approved left the requests to decide").await;

    // The four the rule left that TikTok Shop lets the seller decide: rejected by hand, out of stock.
    let open = "//*[@data-testid='sample-row'][.//input[@type='checkbox' and not(@disabled)]]";
    wait_count(&c, open, 4, "four requests the seller may decide").await;
    find(&c, "//input[@aria-label='Select every request that can be decided']").await.click().await.unwrap();
    find(&c, "//*[@data-testid='sample-selection']//select[@data-testid='reject-reason']/option[@value='OUT_OF_STOCK']")
        .await
        .click()
        .await
        .unwrap();
    find(&c, "//*[@data-testid='sample-selection']//button[@data-testid='reject']")
        .await
        .click()
        .await
        .unwrap();
    wait_count(&c, rows, 2, "only the two agency requests stay to decide").await;
    let left = text_of(&find(&c, "//table[@aria-label='Sample requests']").await).await;
    assert_eq!(left.matches("Can't approve here").count(), 2, "{left}");

    let reviews = api.sample_reviews();
    assert_eq!(reviews.len(), 10, "exactly ten reviews reached TikTok Shop: {reviews:?}");
    let approved = reviews.iter().filter(|r| r["review_result"] == "APPROVE").count();
    let rejected: Vec<_> = reviews.iter().filter(|r| r["review_result"] == "REJECT").collect();
    assert_eq!((approved, rejected.len()), (6, 4));
    assert!(rejected.iter().all(|r| r["reject_reason"] == "OUT_OF_STOCK"), "{rejected:?}");
    assert!(reviews.iter().all(|r| r["code"] == 0), "{reviews:?}");

    // Shipping: the six approved, each decided by the rule with the numbers it saw.
    find(&c, "//*[@data-testid='samples-tab-shipping']").await.click().await.unwrap();
    let by_rule = "//*[@data-testid='decision-chip' and normalize-space(.)='Approved by rule']";
    wait_count(&c, by_rule, 6, "the rule's six approvals, landed").await;
    find(&c, &format!("({by_rule})[1]")).await.click().await.unwrap();
    let drawer = text_of(&find(&c, "//*[@data-testid='sample-drawer']").await).await;
    assert!(drawer.contains("by the rule:") && drawer.contains("As Scout saw it when decided"), "{drawer}");
    find(&c, "//*[@data-testid='sample-drawer']//ol[@aria-label='What the chance of a post comes from']")
        .await;
    screenshot(&c, "samples-3-explanation").await;
}
