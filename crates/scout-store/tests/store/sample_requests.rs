//! Sample requests synced from TikTok Shop: saved once, updated without blanking, listed by status.

use super::common::{import, record, store};
use chrono::{DateTime, TimeZone, Utc};
use scout_domain::{BasisPoints, Currency, Money};
use scout_store::{IncomingSampleRequest, SampleUpsert, StoreError};

pub(super) fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 9, 0, 0).single().unwrap()
}

pub(super) fn request(id: &str, open_id: &str, status: &str) -> IncomingSampleRequest {
    IncomingSampleRequest {
        application_id: id.into(),
        creator_open_id: open_id.into(),
        creator_username: Some(format!("user_{open_id}")),
        product_id: "P1".into(),
        product_name: Some("Lamp".into()),
        status: status.into(),
        approve_by: Some(at(20)),
        ship_by: None,
        fulfilment_90d: Some(BasisPoints(7_200)),
        gmv_30d: Some(Money::new(123_456, Currency::usd())),
        median_video_views: Some(900),
        approvable: status == "PENDING",
        order_id: None,
        tracking_number: None,
        fulfilment_status: None,
    }
}

#[tokio::test]
async fn a_sample_request_is_saved_once_and_a_later_sync_never_blanks_what_is_known() {
    let (_dir, store) = store().await;
    let first = vec![request("A1", "OID-1", "PENDING"), request("A2", "OID-2", "PENDING")];
    assert_eq!(
        store.upsert_sample_requests(&first, at(7)).await.unwrap(),
        vec![SampleUpsert::New, SampleUpsert::New]
    );
    assert_eq!(
        store.upsert_sample_requests(&first, at(8)).await.unwrap(),
        vec![SampleUpsert::Unchanged, SampleUpsert::Unchanged],
        "the same request again changes nothing"
    );

    let mut shipped = request("A1", "OID-1", "AWAITING_SHIPMENT");
    shipped.fulfilment_90d = None;
    shipped.gmv_30d = None;
    shipped.product_name = None;
    shipped.order_id = Some("O-9".into());
    assert_eq!(store.upsert_sample_requests(&[shipped], at(9)).await.unwrap(), vec![SampleUpsert::Updated]);

    let page = store.list_sample_requests(Some("AWAITING_SHIPMENT"), 50, 0).await.unwrap();
    assert_eq!(page.total, 1);
    let a1 = &page.rows[0];
    assert_eq!(a1.status, "AWAITING_SHIPMENT", "the status follows TikTok");
    assert!(!a1.approvable);
    assert_eq!(a1.order_id.as_deref(), Some("O-9"));
    assert_eq!(a1.fulfilment_90d, Some(BasisPoints(7_200)), "a value TikTok left out is kept");
    assert_eq!(a1.gmv_30d, Some(Money::new(123_456, Currency::usd())));
    assert_eq!(a1.product_name.as_deref(), Some("Lamp"));
    assert_eq!(a1.approve_by, Some(at(20)));
    assert_eq!((a1.first_seen_at, a1.updated_at), (at(7), at(9)));

    assert_eq!(
        store.count_sample_requests_by_status().await.unwrap(),
        vec![("AWAITING_SHIPMENT".to_string(), 1), ("PENDING".to_string(), 1)]
    );
    assert_eq!(store.sample_request_ids_with_status(&["PENDING", "SHIPPED"]).await.unwrap(), ["A2"]);
}

#[tokio::test]
async fn sample_requests_list_newest_first_in_pages_and_link_the_creator_by_open_id() {
    let (_dir, store) = store().await;
    store.upsert_sample_requests(&[request("OLD", "OID-K", "PENDING")], at(5)).await.unwrap();
    let mut known = record("lamp_fan", Some(100), None);
    known.profile.open_id = Some("OID-K".into());
    import(&store, "a.csv", 1, vec![known]).await;
    let again = store.upsert_sample_requests(&[request("OLD", "OID-K", "PENDING")], at(6)).await.unwrap();
    assert_eq!(again, [SampleUpsert::Unchanged]);
    let old = store.list_sample_requests(None, 1, 0).await.unwrap().rows.remove(0);
    assert!(old.creator_id.is_some(), "a creator imported since is linked on the next sync");
    assert_eq!(old.updated_at, at(5), "without counting as a change");

    let mut late = request("LATE", "OID-Y", "PENDING");
    late.approve_by = Some(at(25));
    store.upsert_sample_requests(&[request("NEW", "OID-K", "PENDING"), late], at(6)).await.unwrap();

    let all = store.list_sample_requests(Some("PENDING"), 50, 0).await.unwrap();
    let ids: Vec<&str> = all.rows.iter().map(|r| r.application_id.as_str()).collect();
    assert_eq!(ids, ["LATE", "NEW", "OLD"], "newest first seen, then the later deadline");
    assert!(all.rows[1].creator_id.is_some(), "a creator in the workspace is linked by open id");
    assert_eq!(all.rows[0].creator_id, None);
    assert_eq!(all.rows[1].creator_id, all.rows[2].creator_id, "both OID-K's requests");

    let second = store.list_sample_requests(Some("PENDING"), 2, 2).await.unwrap();
    assert_eq!((second.total, second.rows.len()), (3, 1));
    assert_eq!(second.rows[0].application_id, "OLD");
    assert_eq!(store.list_sample_requests(Some("COMPLETED"), 50, 0).await.unwrap().total, 0);
}

#[tokio::test]
async fn a_sample_request_without_an_id_is_refused_and_nothing_of_its_page_is_saved() {
    let (_dir, store) = store().await;
    let bad = request("  ", "OID-1", "PENDING");
    let err =
        store.upsert_sample_requests(&[request("A1", "OID-1", "PENDING"), bad], at(7)).await.unwrap_err();
    assert!(matches!(err, StoreError::InvalidSampleRequest { .. }), "{err}");
    assert!(err.to_string().contains("the application id is empty"), "{err}");
    assert_eq!(store.list_sample_requests(None, 50, 0).await.unwrap().total, 0);
}
