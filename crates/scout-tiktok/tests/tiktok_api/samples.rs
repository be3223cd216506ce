//! Sample applications against the fake API's seeded, labelled-synthetic history
//! (fixtures/tiktok/fake_samples.py: 300 past requests, 10 pending ones the seller can review and 2 an
//! agency submitted): paging through every request, reviews that reach the API exactly once each, the
//! refusals (an agency's request, one no longer pending), the content posted for a sample, and TikTok's
//! misspelled body names — sent by Scout, accepted by the fake, while the correct spelling is refused.

use super::FakeTiktok;
use scout_tiktok::{
    ContentFormat, RejectReason, ReviewDecision, SampleQuery, SampleStatus, TiktokError, SAMPLE_PAGE_SIZE,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::process::Command;

const SEARCH: &str = "/affiliate_seller/202508/sample_applications/search";

/// The fake's history as its own module dumps it (the requests with their hidden truth).
fn history() -> Vec<Value> {
    let dir = scout_testkit::fixtures().join("tiktok");
    let out = Command::new("python3").arg(dir.join("fake_samples.py")).arg("--dump").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dump: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dump["synthetic"], true, "the history says it is synthetic");
    dump["requests"].as_array().unwrap().clone()
}

fn pending() -> SampleQuery {
    SampleQuery { status: Some(SampleStatus::Pending), ..Default::default() }
}

#[tokio::test]
async fn every_request_comes_once_through_the_pages() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let (mut ids, mut token, mut pages) = (Vec::new(), None::<String>, 0);
    loop {
        let page =
            client.search_sample_applications(&SampleQuery::default(), token.as_deref()).await.unwrap();
        assert!(page.unreadable.is_empty(), "{:?}", page.unreadable);
        assert_eq!(page.total, Some(312), "300 past and 12 pending requests");
        ids.extend(page.applications.into_iter().map(|a| a.id));
        pages += 1;
        token = page.next_page_token;
        if token.is_none() {
            break;
        }
    }
    assert_eq!(pages, 312_usize.div_ceil(SAMPLE_PAGE_SIZE as usize));
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 312, "no request twice, none lost");
    let requests = api.api.requests_to("POST", SEARCH);
    assert_eq!(requests[0]["query"]["page_size"], "50");
    assert!(requests[0]["query"].get("page_token").is_none(), "the first page has no token");
    assert_eq!(requests[1]["query"]["page_token"], "50");
    assert_eq!(requests[0]["body"], json!({}), "no filter, no field");
}

#[tokio::test]
async fn ten_pending_requests_are_reviewed_once_each_and_an_agencys_is_refused() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let page = client.search_sample_applications(&pending(), None).await.unwrap();
    assert_eq!(api.requests()[0]["body"], json!({"status": "PENDING"}));
    assert_eq!(page.applications.len(), 12);
    assert!(page.applications.iter().all(|a| a.status == SampleStatus::Pending && a.approve_by.is_some()));
    let (agency, open): (Vec<_>, Vec<_>) = page.applications.iter().partition(|a| a.agency.is_some());
    assert_eq!((agency.len(), open.len()), (2, 10));
    assert!(open.iter().all(|a| a.approvable) && agency.iter().all(|a| !a.approvable));
    assert!(open
        .iter()
        .any(|a| a.creator.fulfilment_90d.is_some() && a.creator.median_video_views.is_some()));

    let reasons =
        [RejectReason::NotMatch, RejectReason::Offline, RejectReason::OutOfStock, RejectReason::Other];
    for (i, a) in open.iter().enumerate() {
        let decision = if i < 6 { ReviewDecision::Approve } else { ReviewDecision::Reject(reasons[i - 6]) };
        client.review_sample_application(&a.id, &decision).await.unwrap();
    }
    for a in &agency {
        let e = client.review_sample_application(&a.id, &ReviewDecision::Approve).await.unwrap_err();
        assert!(matches!(e, TiktokError::AgencySample { .. }), "{e:?}");
        assert!(e.to_string().starts_with("an agency submitted this sample request"), "{e}");
    }
    let again = client.review_sample_application(&open[0].id, &ReviewDecision::Approve).await.unwrap_err();
    assert!(matches!(again, TiktokError::Api { code: 16022010, .. }), "only a PENDING request: {again:?}");

    let reviews = api.api.sample_reviews();
    let accepted: Vec<&Value> = reviews.iter().filter(|r| r["code"] == 0).collect();
    assert_eq!(accepted.len(), 10, "exactly 10 reviews: {reviews:?}");
    let reviewed: BTreeSet<&str> = accepted.iter().map(|r| r["application_id"].as_str().unwrap()).collect();
    assert_eq!(reviewed, open.iter().map(|a| a.id.as_str()).collect(), "each pending request once");
    assert_eq!(accepted.iter().filter(|r| r["review_result"] == "APPROVE").count(), 6);
    let rejected: Vec<&Value> = accepted.iter().filter(|r| r["review_result"] == "REJECT").copied().collect();
    assert_eq!(
        rejected.iter().map(|r| r["reject_reason"].as_str().unwrap()).collect::<Vec<_>>(),
        ["NOT_MATCH", "OFFLINE", "OUT_OF_STOCK", "OTHER"]
    );
    assert!(accepted
        .iter()
        .filter(|r| r["review_result"] == "APPROVE")
        .all(|r| r["reject_reason"].is_null()));

    let left = client.search_sample_applications(&pending(), None).await.unwrap();
    assert_eq!(left.applications.len(), 2, "only the agency's requests stay pending");
    let shipping = SampleQuery { status: Some(SampleStatus::AwaitingShipment), ..Default::default() };
    let shipping = client.search_sample_applications(&shipping, None).await.unwrap();
    for a in open.iter().take(6) {
        let now = shipping.applications.iter().find(|s| s.id == a.id).expect("approved → awaiting shipment");
        assert!(now.order_id.is_some() && now.ship_by.is_some());
    }
}

#[tokio::test]
async fn the_content_posted_for_a_sample_with_its_figures() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let completed = SampleQuery { status: Some(SampleStatus::Completed), ..Default::default() };
    let page = client.search_sample_applications(&completed, None).await.unwrap();
    let truth = history();
    let live_ids: BTreeSet<String> = truth
        .iter()
        .filter(|r| r["fulfillments"][0]["content"]["format"] == "LIVE")
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let (mut lives, mut videos) = (0, 0);
    for a in page.applications.iter().take(20) {
        let content = client.sample_content(&a.id, None).await.unwrap();
        assert_eq!(content.len(), 1, "{}: one post", a.id);
        let c = &content[0];
        assert_eq!(c.product_id.as_deref(), Some(a.product.id.as_str()));
        assert!(c.views.is_some() && c.paid_orders.is_some() && c.posted_at.is_some());
        let want = truth.iter().find(|r| r["id"] == a.id.as_str()).unwrap();
        assert_eq!(c.paid_orders, want["fulfillments"][0]["content"]["paid_order_count"].as_u64());
        let live = live_ids.contains(&a.id);
        assert_eq!(c.format, Some(if live { ContentFormat::Live } else { ContentFormat::Video }));
        assert_eq!(c.live_ended_at.is_some(), live, "a LIVE has its end");
        let other = if live { ContentFormat::Video } else { ContentFormat::Live };
        assert!(client.sample_content(&a.id, Some(other)).await.unwrap().is_empty(), "the format filters");
        if live {
            lives += 1;
        } else {
            videos += 1;
        }
    }
    assert!(videos > 0, "the first completed samples include videos ({lives} LIVEs)");
    let pending = client.search_sample_applications(&pending(), None).await.unwrap();
    assert!(client.sample_content(&pending.applications[0].id, None).await.unwrap().is_empty());
    assert_eq!(
        api.api.requests().last().unwrap()["path"],
        format!(
            "/affiliate_seller/202409/sample_applications/{}/fulfillments/search",
            pending.applications[0].id
        )
    );
}

#[tokio::test]
async fn tiktoks_misspelled_names_are_sent_and_accepted_and_the_correct_spelling_is_refused() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let truth = history();
    let with_collab = truth.iter().find(|r| r["truth"]["target_collaboration_id"] != "").unwrap();
    let (tcid, open_id) = (
        with_collab["truth"]["target_collaboration_id"].as_str().unwrap(),
        with_collab["creator"]["creator_open_id"].as_str().unwrap(),
    );
    let by_collab = SampleQuery { target_collaboration_id: Some(tcid.into()), ..Default::default() };
    let found = client.search_sample_applications(&by_collab, None).await.unwrap();
    assert!(found.applications.iter().any(|a| a.id == with_collab["id"].as_str().unwrap()));
    let by_creator = SampleQuery { creator_open_id: Some(open_id.into()), ..Default::default() };
    let found = client.search_sample_applications(&by_creator, None).await.unwrap();
    assert!(
        !found.applications.is_empty() && found.applications.iter().all(|a| a.creator.open_id == open_id)
    );
    let bodies: Vec<Value> =
        api.api.requests_to("POST", SEARCH).into_iter().map(|r| r["body"].clone()).collect();
    assert_eq!(bodies, [json!({"target_collabration_id": tcid}), json!({"creator_user_oepn_id": open_id})]);

    for right in ["creator_user_open_id", "target_collaboration_id"] {
        let (status, reply) =
            super::raw_call(&api, "POST", SEARCH, &[("page_size", "50")], &json!({right: "x"}));
        assert_eq!((status, reply["code"].as_i64()), (200, Some(36009004)), "{right}: {reply}");
        assert!(reply["message"].as_str().unwrap().contains(right));
    }
}

/// Every request the fake holds, page by page.
async fn every_request(client: &scout_tiktok::TiktokClient) -> Vec<scout_tiktok::SampleApplication> {
    let (mut all, mut token) = (Vec::new(), None::<String>);
    loop {
        let page =
            client.search_sample_applications(&SampleQuery::default(), token.as_deref()).await.unwrap();
        all.extend(page.applications);
        token = page.next_page_token;
        if token.is_none() {
            return all;
        }
    }
}

#[tokio::test]
async fn the_same_anchor_gives_the_same_history_and_pending_requests_are_still_open() {
    let anchor = 1_796_083_200; // 2026-12-01T00:00:00Z
    let start = || {
        let api = scout_testkit::FakeTiktokApi::start_with(&scout_testkit::FakeTiktokOptions {
            samples_anchor: Some(anchor),
            ..scout_testkit::FakeTiktokOptions::scenario("ok")
        });
        FakeTiktok { api }
    };
    let (a, b) = (start(), start());
    let first = every_request(&a.client()).await;
    assert_eq!(first, every_request(&b.client()).await, "seeded: the same requests, figures and deadlines");
    let at = |s: i64| chrono::DateTime::from_timestamp(s, 0).unwrap();
    for p in first.iter().filter(|r| r.status == SampleStatus::Pending) {
        let by = p.approve_by.unwrap();
        assert!(by > at(anchor + 2 * 86_400) && by <= at(anchor + 7 * 86_400), "{}: decide by {by}", p.id);
    }
    let past = first.iter().filter(|r| r.status != SampleStatus::Pending);
    assert!(past.clone().all(|r| r.approve_by.unwrap() <= at(anchor - 86_400)), "the history is past");
    let completed = past.filter(|r| r.status == SampleStatus::Completed).count();
    assert!(
        (60..=160).contains(&completed),
        "{completed} of 300 posted: sellers see 30-40 % of samples post"
    );
}

#[tokio::test]
async fn a_rate_limited_search_is_waited_out() {
    let api = FakeTiktok::start("rate_limit_then_ok");
    let page = api.client().search_sample_applications(&pending(), None).await.unwrap();
    assert_eq!(page.applications.len(), 12);
    let codes: Vec<Value> = api.api.requests_to("POST", SEARCH).iter().map(|r| r["code"].clone()).collect();
    assert_eq!(codes, [json!(36009002), json!(0)], "429 first, then the same search again");
}
