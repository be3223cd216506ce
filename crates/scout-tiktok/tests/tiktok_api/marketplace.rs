//! The creator marketplace against the fake API's seeded population (fixtures/tiktok/fake_marketplace.py):
//! filters reach the server as the model names them, pages follow with the search key, a query stops at
//! the ceiling, and "collect all" still finds every creator of a filter; the day's budget stops a
//! collection with what it found kept.

use super::FakeTiktok;
use scout_tiktok::{
    AgeRange, CategoryFilter, CollectLimits, CollectStop, ExactOrRange, GmvBand, MarketplaceFilter,
    TiktokError, QUERY_CEILING,
};
use std::collections::BTreeSet;
use std::process::Command;
use std::time::Duration;

/// The open ids the fake population holds for `body` (a search body), asked of the fake's own module —
/// every match, not only the first 400.
fn population(body: &serde_json::Value) -> BTreeSet<String> {
    let dir = scout_testkit::fixtures().join("tiktok");
    let script = format!(
        "import json, sys; sys.path.insert(0, {dir:?}); import fake_marketplace as m; \
         b = json.loads({body:?}); print(json.dumps([p['open_id'] for p in m.POPULATION_ROWS if m.matches(p, b)]))",
        dir = dir.to_str().unwrap(),
        body = body.to_string(),
    );
    let out = Command::new("python3").args(["-c", &script]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<String>>(&out.stdout).unwrap().into_iter().collect()
}

fn beauty() -> MarketplaceFilter {
    MarketplaceFilter {
        categories: vec![CategoryFilter { parent: "601450".into(), children: vec![] }],
        ..Default::default()
    }
}

#[tokio::test]
async fn a_search_sends_the_filters_pages_with_the_search_key_and_stops_at_the_ceiling() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let filter = MarketplaceFilter {
        followers_min: Some(50_000),
        follower_ages: vec![AgeRange::A18To24],
        gmv: vec![GmvBand::From1kTo10k, GmvBand::Over10k],
        ..beauty()
    };
    let first = client.search_marketplace(&filter, None).await.unwrap();
    assert_eq!(first.creators.len(), 20);
    assert!(first.unreadable.is_empty());
    assert!(first.creators.iter().all(|c| c.followers.unwrap() >= 50_000 && c.category_ids[0] == "601450"));
    let cursor = first.next.clone().expect("more pages");
    let second = client.search_marketplace(&filter, Some(&cursor)).await.unwrap();
    assert!(second.creators.iter().all(|c| !first.creators.contains(c)), "the next page, not the same");

    let requests = api.requests();
    let body = &requests[1]["body"];
    assert_eq!(body["search_key"], cursor.search_key.as_str(), "the search key goes back");
    assert_eq!(requests[1]["query"]["page_token"], cursor.page_token.as_str());
    assert_eq!(requests[0]["query"]["page_size"], "20");
    assert_eq!(body["follower_demographics"]["count_range"]["count_ge"], 50_000);
    assert_eq!(body["gmv_ranges"], serde_json::json!(["GMV_RANGE_1000_10000", "GMV_RANGE_10000_AND_ABOVE"]));
    // Private creators' GMV comes as a range and stays one; others' is exact.
    let all: Vec<_> = first.creators.iter().chain(&second.creators).collect();
    assert!(all.iter().any(|c| matches!(c.gmv, Some(ExactOrRange::Range(_))) && c.private));
    assert!(all.iter().any(|c| matches!(c.gmv, Some(ExactOrRange::Exact(_))) && !c.private));

    // Paging on and on stops at the ceiling although more creators match.
    let mut rows = 0;
    let mut cursor = None;
    loop {
        let page = client.search_marketplace(&beauty(), cursor.as_ref()).await.unwrap();
        rows += page.creators.len();
        cursor = page.next;
        if cursor.is_none() {
            break;
        }
    }
    let matching = population(&serde_json::json!({"category": [{"parent_category_id": "601450"}]}));
    assert!(matching.len() > QUERY_CEILING, "the filter matches {} creators", matching.len());
    assert_eq!(rows, QUERY_CEILING, "one query yields no more than the ceiling");
}

#[tokio::test]
async fn collect_all_finds_every_creator_of_a_filter_past_the_ceiling() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let limits = CollectLimits { interval: Duration::ZERO, ..Default::default() };
    let mut calls = 0;
    let collected = client.collect_marketplace(&beauty(), limits, |_| calls += 1, || false).await;
    assert_eq!(collected.stopped, None);
    assert!(collected.incomplete.is_empty());
    let found: BTreeSet<String> = collected.creators.iter().map(|c| c.open_id.clone()).collect();
    assert_eq!(found.len(), collected.creators.len(), "no creator twice");
    let expected = population(&serde_json::json!({"category": [{"parent_category_id": "601450"}]}));
    assert_eq!(found, expected, "every creator of the filter, none other");
    assert!(collected.splits >= 1, "the query had to be split");
    assert_eq!(calls, collected.requests as usize, "progress after every request");
    println!(
        "collect all: {} creators in {} requests ({} splits)",
        collected.creators.len(),
        collected.requests,
        collected.splits
    );
}

#[tokio::test]
async fn the_days_budget_stops_a_collection_and_keeps_what_it_found() {
    let api = FakeTiktok::start("marketplace_budget_exhausted");
    let client = api.client();
    let err = client.search_marketplace(&beauty(), None).await.unwrap_err();
    assert!(matches!(err, TiktokError::DailyLimit { .. }), "{err:?}");
    assert!(err.to_string().contains("renews tomorrow"), "{err}");
    let collected = client.collect_marketplace(&beauty(), CollectLimits::default(), |_| {}, || false).await;
    assert!(matches!(collected.stopped, Some(CollectStop::Api(TiktokError::DailyLimit { .. }))));

    // A request cap stops it too, with the pages fetched before it kept.
    let api = FakeTiktok::start("ok");
    let limits = CollectLimits { max_requests: 3, interval: Duration::ZERO, ..Default::default() };
    let capped = api.client().collect_marketplace(&beauty(), limits, |_| {}, || false).await;
    assert_eq!(capped.stopped, Some(CollectStop::RequestLimit(3)));
    assert_eq!((capped.requests, capped.creators.len()), (3, 60));
}

#[tokio::test]
async fn a_creators_performance_and_the_regions_filter_options_are_read() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let options = client.marketplace_filter_options(&[]).await.unwrap();
    assert!(options.sorters.iter().any(|(id, _)| id == "GMV_DESC"));
    assert!(options.options.iter().any(|(kind, list)| kind == "OPTION_VERTICAL_PRO" && !list.is_empty()));
    let p = client.marketplace_creator("mk-00007").await.unwrap();
    assert_eq!(p.open_id, "mk-00007");
    let total: u32 = p.follower_ages.iter().map(|s| s.share.0).sum();
    assert!((9_990..=10_010).contains(&total), "age shares add up to 100 %: {total}");
    assert!(!p.follower_genders.is_empty() && !p.follower_countries.is_empty());
    assert!(p.sample_score.is_some() && p.fulfilment_90_days.is_some());
    assert_eq!(p.trend.len(), 4);
    let unknown = client.marketplace_creator("nobody-here").await.unwrap_err();
    assert!(matches!(unknown, TiktokError::Api { code: 16010001, .. }), "{unknown:?}");
    let refused = client.marketplace_creator("../quota").await.unwrap_err();
    assert!(matches!(refused, TiktokError::Invalid { .. }), "nothing sent for a path-like id");
}

#[tokio::test]
async fn the_whole_marketplace_is_collected_at_the_real_rate_limit() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let started = std::time::Instant::now();
    // 50 requests a second, the documented limit per API.
    let limits = CollectLimits { interval: Duration::from_millis(20), ..Default::default() };
    let collected = client.collect_marketplace(&MarketplaceFilter::default(), limits, |_| {}, || false).await;
    let took = started.elapsed();
    assert_eq!(collected.stopped, None);
    assert_eq!(collected.creators.len(), population(&serde_json::json!({})).len(), "all of them");
    assert!(collected.incomplete.is_empty() && collected.splits >= 2, "{} splits", collected.splits);
    println!(
        "the whole marketplace: {} creators, {} requests, {} splits in {:.1} s = {:.0} creators a minute",
        collected.creators.len(),
        collected.requests,
        collected.splits,
        took.as_secs_f64(),
        collected.creators.len() as f64 / took.as_secs_f64() * 60.0
    );
}
