//! The seller's sample history (first-seen signals, posted content), P(post) models and their adoption,
//! product economics and the approval rule.

use super::common::store;
use super::sample_requests::{at, request};
use scout_domain::{BasisPoints, Currency, Money};
use scout_store::{IncomingFulfilment, StoreError};

fn content(id: &str, views: Option<u64>, orders: Option<u64>, day: u32) -> IncomingFulfilment {
    IncomingFulfilment {
        content_id: id.into(),
        format: Some("VIDEO".into()),
        url: None,
        views,
        likes: None,
        comments: None,
        paid_orders: orders,
        posted_at: Some(at(day)),
    }
}

#[tokio::test]
async fn the_first_seen_signals_stay_while_the_request_follows_tiktok() {
    let (_dir, store) = store().await;
    let mut r = request("A1", "OID-1", "PENDING");
    r.median_video_views = None;
    store.upsert_sample_requests(&[r.clone()], at(1)).await.unwrap();
    store.record_first_signals(&[("A1".into(), None)], at(1)).await.unwrap();
    // Later TikTok shows other figures: the request follows, the first-seen signals do not (a missing
    // one is filled by the first value known).
    r.fulfilment_90d = Some(BasisPoints(1_000));
    r.median_video_views = Some(5_000);
    r.status = "COMPLETED".into();
    store.upsert_sample_requests(&[r], at(5)).await.unwrap();
    store.record_first_signals(&[("A1".into(), Some(12))], at(5)).await.unwrap();
    store.record_first_signals(&[("A1".into(), Some(30))], at(6)).await.unwrap();
    let h = store.sample_history().await.unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].status, "COMPLETED", "status is TikTok's latest");
    assert_eq!(h[0].fulfilment_90d, Some(BasisPoints(7_200)), "first seen kept");
    assert_eq!(h[0].median_video_views, Some(5_000), "missing at first, filled by the first known");
    assert_eq!(h[0].posts_30d, Some(12), "the first posts count known, not a later one");
    assert_eq!(h[0].posts, 0);
}

#[tokio::test]
async fn posted_content_is_saved_summed_and_never_blanked() {
    let (_dir, store) = store().await;
    store.upsert_sample_requests(&[request("A1", "OID-1", "COMPLETED")], at(1)).await.unwrap();
    assert_eq!(store.sample_ids_needing_content(at(2)).await.unwrap(), vec!["A1".to_string()]);
    let new = store
        .save_sample_fulfilments(
            "A1",
            &[content("C1", Some(1_000), Some(3), 4), content("C2", Some(500), None, 6)],
            at(7),
        )
        .await
        .unwrap();
    assert_eq!(new, 2);
    assert!(store.sample_ids_needing_content(at(7)).await.unwrap().is_empty(), "fetched today");
    let again = store.save_sample_fulfilments("A1", &[content("C1", None, Some(5), 4)], at(9)).await.unwrap();
    assert_eq!(again, 0, "C1 is known");
    let h = &store.sample_history().await.unwrap()[0];
    assert_eq!((h.posts, h.post_views, h.paid_orders), (2, 1_500, 5), "views kept, orders updated");
    assert_eq!(h.first_post_at, Some(at(4)));
    let e = store.save_sample_fulfilments("A1", &[content(" ", None, None, 4)], at(9)).await.unwrap_err();
    assert!(matches!(e, StoreError::InvalidSampleRequest { .. }), "{e}");
}

#[tokio::test]
async fn a_post_model_is_used_only_once_adopted_and_the_default_can_come_back() {
    let (_dir, store) = store().await;
    assert_eq!(store.post_model_in_use().await.unwrap(), None, "the default until one is adopted");
    let m = store.save_post_model("post-1", "{}", "{}", true, at(1)).await.unwrap();
    assert_eq!(store.post_model_in_use().await.unwrap(), None, "training does not adopt");
    store.adopt_post_model(Some(m.id), at(2)).await.unwrap();
    assert_eq!(store.post_model_in_use().await.unwrap(), Some(m.id));
    store.adopt_post_model(None, at(3)).await.unwrap();
    assert_eq!(store.post_model_in_use().await.unwrap(), None);
    assert!(matches!(store.adopt_post_model(Some(99), at(4)).await, Err(StoreError::ModelNotFound(99))));
    assert_eq!(store.list_post_models().await.unwrap().len(), 1);
}

#[tokio::test]
async fn economics_are_set_replaced_and_removed_per_product() {
    let (_dir, store) = store().await;
    let usd = |m| Money::new(m, Currency::usd());
    store.set_sample_economics("P1", None, BasisPoints(4_000), &usd(850), &usd(400), at(1)).await.unwrap();
    store
        .set_sample_economics("P1", Some(&usd(2_999)), BasisPoints(3_500), &usd(850), &usd(400), at(2))
        .await
        .unwrap();
    let list = store.list_sample_economics().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].price.clone(), list[0].margin), (Some(usd(2_999)), BasisPoints(3_500)));
    assert!(store.remove_sample_economics("P1").await.unwrap());
    assert!(!store.remove_sample_economics("P1").await.unwrap());
}

#[tokio::test]
async fn the_rule_is_off_until_turned_on_and_a_change_turns_it_off_and_asks_for_a_backtest() {
    let (_dir, store) = store().await;
    assert_eq!(store.sample_rule().await.unwrap(), None);
    let five = Money::new(500, Currency::usd());
    store.set_sample_rule(BasisPoints(6_000), &five, 20, false, at(1)).await.unwrap();
    let r = store.sample_rule().await.unwrap().unwrap();
    assert!(!r.enabled && r.backtested_at.is_none(), "off by default, not backtested");
    store.mark_sample_rule_backtested(at(2)).await.unwrap();
    assert!(store.enable_sample_rule(true, at(2)).await.unwrap());
    store.set_sample_rule(BasisPoints(6_000), &five, 20, false, at(3)).await.unwrap();
    let same = store.sample_rule().await.unwrap().unwrap();
    assert!(same.enabled && same.backtested_at.is_some(), "the same settings again change nothing");
    store.set_sample_rule(BasisPoints(7_000), &five, 20, false, at(4)).await.unwrap();
    let changed = store.sample_rule().await.unwrap().unwrap();
    assert!(!changed.enabled && changed.backtested_at.is_none(), "a change turns it off: {changed:?}");
    assert_eq!(changed.min_p_post, BasisPoints(7_000));
}
