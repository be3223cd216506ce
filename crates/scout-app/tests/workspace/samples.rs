//! Sample requests synced from the fake TikTok Shop API: every page of every synced status, the seeded
//! pending ones landing once, a second sync changing nothing, and TikTok's status change followed.

use super::marketplace::connected;
use scout_app::{SampleStatus, SYNCED_SAMPLE_STATUSES};
use std::collections::BTreeMap;

const SEARCH: &str = "/affiliate_seller/202508/sample_applications/search";

#[tokio::test]
async fn pending_sample_requests_land_once_and_a_status_change_shows_after_the_next_sync() {
    if !scout_testkit::keychain_tests_enabled("pending_sample_requests_land_once") {
        return;
    }
    let (_dir, ws, api) = connected("samples").await;
    let first = ws.sync_sample_requests().await.unwrap();
    assert!(first.errors.is_empty() && first.unreadable.is_empty(), "{first:?}");
    assert!(first.no_longer_listed.is_empty(), "{first:?}");
    let statuses: Vec<SampleStatus> = first.by_status.iter().map(|c| c.status).collect();
    assert_eq!(statuses, SYNCED_SAMPLE_STATUSES);
    assert_eq!(first.by_status[0].fetched, 12, "the fake's 12 seeded pending requests");
    assert_eq!((first.new, first.updated, first.unchanged), (first.fetched, 0, 0), "{first:?}");

    // One status a search, every page read: what each status brought is the total TikTok said it has.
    let searches = api.requests_to("POST", SEARCH);
    let mut totals = BTreeMap::new();
    for s in &searches {
        let status = s["body"]["status"].as_str().expect("every search names one status").to_string();
        totals.entry(status).or_insert(s["reply"]["data"]["total_count"].as_u64().unwrap());
    }
    for c in &first.by_status {
        assert_eq!(
            Some(&u64::from(c.fetched)),
            totals.get(c.status.as_wire()),
            "{:?} read to the end",
            c.status
        );
    }
    assert!(searches.len() > SYNCED_SAMPLE_STATUSES.len(), "some status took more than one page");

    let pending = ws.list_sample_requests(Some(SampleStatus::Pending), 50, 0).await.unwrap();
    assert_eq!((pending.total, pending.rows.len()), (12, 12));
    assert!(pending.rows.iter().all(|r| r.status == "PENDING" && r.approve_by.is_some()), "{pending:?}");
    assert!(pending.rows.iter().any(|r| r.fulfilment_90d.is_some() && r.gmv_30d.is_some()), "signals kept");

    let second = ws.sync_sample_requests().await.unwrap();
    assert_eq!((second.fetched, second.new, second.updated), (first.fetched, 0, 0), "{second:?}");
    assert_eq!(second.unchanged, first.fetched);

    let moved = pending.rows[0].application_id.clone();
    api.set_sample_status(&moved, "AWAITING_SHIPMENT");
    let third = ws.sync_sample_requests().await.unwrap();
    assert_eq!((third.new, third.updated), (0, 1), "{third:?}");
    let pending = ws.list_sample_requests(Some(SampleStatus::Pending), 50, 0).await.unwrap();
    assert_eq!(pending.total, 11);
    let shipping = ws.list_sample_requests(Some(SampleStatus::AwaitingShipment), 500, 0).await.unwrap();
    let row = shipping.rows.iter().find(|r| r.application_id == moved).expect("moved to awaiting shipment");
    assert!(!row.approvable, "{row:?}");
    assert!(row.updated_at > row.first_seen_at);
    assert!(api.sample_reviews().is_empty(), "a sync never reviews a request");

    // Rejected on TikTok Shop: no synced status lists it any more, and the sync says so.
    let ended = pending.rows[0].application_id.clone();
    api.set_sample_status(&ended, "REJECT_CANCELLED");
    let fourth = ws.sync_sample_requests().await.unwrap();
    assert_eq!(fourth.no_longer_listed, [ended], "{fourth:?}");
    assert_eq!(fourth.by_status[0].fetched, 10);
}
