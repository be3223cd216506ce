//! The wire format against TikTok's own models: `fixtures/tiktok/wire_fields.json` lists every field
//! (path and JSON type) of each request and reply Scout speaks, read from the generated models of PyPI
//! `tiktok-shop-api` 0.1.0. The client drives every endpoint against the fake API; then every reply the
//! fake sent must use only the models' fields with the models' types, together they must use every
//! field of the model (so the fake cannot drift from the models, and a client-side guess cannot pass),
//! and every body the client sent must use only the model's request fields and carry the required ones,
//! and its query only the parameters the model's API function sends (besides the signed four), the
//! required ones included.

use super::FakeTiktok;
use chrono::{Duration as ChronoDuration, Utc};
use scout_testkit::FAKE_TIKTOK_ORDERS_ANCHOR as ANCHOR;
use scout_tiktok::CollaborationFilter;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// Every field of a JSON value as `path → type`, in the models' notation (`a.b[].c`, `array<object>`).
fn fields(value: &Value, prefix: &str, out: &mut BTreeMap<String, BTreeSet<String>>) {
    let Value::Object(map) = value else { return };
    for (key, v) in map {
        let path = format!("{prefix}{key}");
        out.entry(path.clone()).or_default().insert(kind(v));
        match v {
            Value::Object(_) => fields(v, &format!("{path}."), out),
            Value::Array(items) => items.iter().for_each(|i| fields(i, &format!("{path}[]."), out)),
            _ => {}
        }
    }
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "boolean".into(),
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer".into(),
        Value::Number(_) => "number".into(),
        Value::String(_) => "string".into(),
        Value::Object(_) => "object".into(),
        Value::Array(items) => match items.first() {
            Some(first) => format!("array<{}>", kind(first)),
            None => "array<?>".into(),
        },
    }
}

fn type_fits(model: &str, found: &str) -> bool {
    model == found || (found == "array<?>" && model.starts_with("array<"))
}

/// Whether a recorded request went to this endpoint (`{id}` matches one path segment).
fn is_endpoint(r: &Value, endpoint: &Value) -> bool {
    let (path, want) = (r["path"].as_str().unwrap_or_default(), endpoint["path"].as_str().unwrap());
    let (a, b): (Vec<&str>, Vec<&str>) = (path.split('/').collect(), want.split('/').collect());
    r["method"] == endpoint["method"]
        && a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| x == y || (y.starts_with('{') && !x.is_empty()))
}

#[tokio::test]
async fn the_fake_api_answers_and_the_client_asks_exactly_in_the_models_fields() {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(scout_testkit::fixtures().join("tiktok/wire_fields.json")).unwrap(),
    )
    .unwrap();
    let api = FakeTiktok::start("ok");
    let client = api.client();
    // Every endpoint, every reply shape: quota, a create that works and one that names its causes, the
    // detail with accepted, posting and removed creators, search, and orders over several pages.
    client.outreach_quota().await.unwrap();
    let id =
        client.create_target_collaboration(&super::offer(&["c-accept-1", "c-post-2", "c-3"])).await.unwrap();
    let id = id.id.unwrap();
    client.create_target_collaboration(&super::offer(&["conflict-1", "invalid-2"])).await.unwrap();
    api.api.set_creator_status("c-3", "REMOVED");
    client.collaboration(&id).await.unwrap();
    client.search_collaborations(CollaborationFilter::Valid, None).await.unwrap();
    let anchor = chrono::DateTime::from_timestamp(ANCHOR, 0).unwrap();
    client.affiliate_orders(anchor, anchor + ChronoDuration::days(5), Duration::ZERO).await.unwrap();
    // The marketplace: a search with every filter, its next page, the filter options, two creators (one
    // who keeps figures private, one who does not).
    let filter = scout_tiktok::MarketplaceFilter {
        keyword: Some("a".into()),
        categories: vec![scout_tiktok::CategoryFilter {
            parent: "601450".into(),
            children: vec!["601451".into()],
        }],
        followers_min: Some(1_000),
        followers_max: Some(5_000_000),
        follower_ages: vec![scout_tiktok::AgeRange::A25To34],
        follower_gender: Some((scout_tiktok::Gender::Female, scout_domain::BasisPoints(1000))),
        gmv: scout_tiktok::GmvBand::ALL.to_vec(),
        units_sold: vec![scout_tiktok::UnitsBand::Under10, scout_tiktok::UnitsBand::Over1k],
        min_avg_video_views: Some(10),
        min_engagement_percent: Some(1),
        max_avg_commission_percent: Some(20),
        post_rate: Some(scout_tiktok::PostRate::Ok),
        fast_growing: false,
        not_invited_90_days: true,
        content: vec![scout_tiktok::ContentPreference::Video],
        sorter: Some("GMV_DESC".into()),
        options: vec![scout_tiktok::ChosenOptions {
            option_type: "OPTION_CREATOR_TAG".into(),
            ids: vec!["tag-1".into()],
        }],
    };
    let page = client.search_marketplace(&filter, None).await.unwrap();
    let broad = client.search_marketplace(&scout_tiktok::MarketplaceFilter::default(), None).await.unwrap();
    client
        .search_marketplace(&scout_tiktok::MarketplaceFilter::default(), broad.next.as_ref())
        .await
        .unwrap();
    client.marketplace_filter_options(&["OPTION_VERTICAL_PRO".into()]).await.unwrap();
    let private = broad.creators.iter().chain(&page.creators).find(|c| c.private).unwrap().open_id.clone();
    let public = broad.creators.iter().find(|c| !c.private).unwrap().open_id.clone();
    client.marketplace_creator(&private).await.unwrap();
    client.marketplace_creator(&public).await.unwrap();
    let categories = client.product_categories().await.unwrap();
    assert!(categories.iter().any(|c| c.parent_id.is_none()) && categories.iter().any(|c| c.is_leaf));
    // Samples: every page of every request (completed ones included), a review each way, the content of
    // a LIVE and of a video (only a LIVE has live_end_time).
    let mut token = None;
    let mut completed = Vec::new();
    let every = scout_tiktok::SampleQuery::default();
    loop {
        let page = client.search_sample_applications(&every, token.as_deref()).await.unwrap();
        completed.extend(
            page.applications.into_iter().filter(|a| a.status == scout_tiktok::SampleStatus::Completed),
        );
        token = page.next_page_token;
        if token.is_none() {
            break;
        }
    }
    let pending =
        scout_tiktok::SampleQuery { status: Some(scout_tiktok::SampleStatus::Pending), ..Default::default() };
    let pending = client.search_sample_applications(&pending, None).await.unwrap().applications;
    let open: Vec<_> = pending.iter().filter(|a| a.agency.is_none()).collect();
    client.review_sample_application(&open[0].id, &scout_tiktok::ReviewDecision::Approve).await.unwrap();
    let reject = scout_tiktok::ReviewDecision::Reject(scout_tiktok::RejectReason::OutOfStock);
    client.review_sample_application(&open[1].id, &reject).await.unwrap();
    let (mut live, mut video) = (false, false);
    for a in &completed {
        let content = client.sample_content(&a.id, None).await.unwrap();
        live |= content.iter().any(|c| c.format == Some(scout_tiktok::ContentFormat::Live));
        video |= content.iter().any(|c| c.format == Some(scout_tiktok::ContentFormat::Video));
        if live && video {
            break;
        }
    }
    assert!(live && video, "the history has posted LIVEs and videos");
    client.sample_content(&completed[0].id, Some(scout_tiktok::ContentFormat::Video)).await.unwrap();
    // Conversations: open, send, an answer that is newest and unread, the lists, read; eligibility.
    let conversation = client.open_conversation("mk-00042").await.unwrap();
    client
        .send_message(&conversation.id, &scout_tiktok::OutgoingMessage::Text { text: "Hi!".into() })
        .await
        .unwrap();
    api.api.creator_says("mk-00042", "Hello!");
    assert!(!client.newest_messages().await.unwrap().is_empty());
    client.conversations(scout_tiktok::ConversationFilter::Unread, None).await.unwrap();
    client.conversations(scout_tiktok::ConversationFilter::All, None).await.unwrap();
    client.conversation_messages(&conversation.id, None).await.unwrap();
    client.mark_conversations_read(std::slice::from_ref(&conversation.id)).await.unwrap();
    client.check_outreach_eligibility(&["mk-00042".into(), "mk-00001".into()]).await.unwrap();
    assert!(Utc::now() > anchor, "the sample orders lie in the past");

    let requests = api.requests();
    let endpoints = spec["endpoints"].as_object().unwrap();
    for (name, endpoint) in endpoints {
        let calls: Vec<&Value> = requests.iter().filter(|r| is_endpoint(r, endpoint)).collect();
        assert!(!calls.is_empty(), "{name}: the test drives every endpoint");
        let model: BTreeMap<String, String> = serde_json::from_value(endpoint["reply"].clone()).unwrap();
        let mut sent = BTreeMap::new();
        for call in &calls {
            assert_eq!(call["code"], 0, "{name}: {call}");
            fields(&call["reply"], "", &mut sent);
        }
        for (path, kinds) in &sent {
            let want = model
                .get(path)
                .unwrap_or_else(|| panic!("{name}: the fake sends '{path}', not in the model"));
            for k in kinds {
                assert!(type_fits(want, k), "{name}: '{path}' is {k} in the fake, {want} in the model");
            }
        }
        let unsent: Vec<&String> = model.keys().filter(|p| !sent.contains_key(*p)).collect();
        assert!(unsent.is_empty(), "{name}: the model's fields the fake never sends: {unsent:?}");

        let query: Vec<String> = serde_json::from_value(endpoint["query"].clone()).unwrap();
        let query_required: Vec<String> = serde_json::from_value(endpoint["query_required"].clone()).unwrap();
        for call in &calls {
            for key in &query_required {
                assert!(
                    call["query"].get(key).is_some(),
                    "{name}: the model requires the query parameter '{key}'"
                );
            }
            for key in call["query"].as_object().unwrap().keys() {
                let signed = ["app_key", "timestamp", "shop_cipher", "sign"].contains(&key.as_str());
                assert!(
                    signed || query.contains(key),
                    "{name}: Scout sends the query parameter '{key}', not the model's"
                );
            }
        }
        let request: BTreeMap<String, String> = serde_json::from_value(endpoint["request"].clone()).unwrap();
        let required: Vec<String> = serde_json::from_value(endpoint["request_required"].clone()).unwrap();
        for call in calls.iter().filter(|c| !c["body"].is_null()) {
            let mut asked = BTreeMap::new();
            fields(&call["body"], "", &mut asked);
            for (path, kinds) in &asked {
                let want = request
                    .get(path)
                    .unwrap_or_else(|| panic!("{name}: Scout sends '{path}', not in the model"));
                assert!(
                    kinds.iter().all(|k| type_fits(want, k)),
                    "{name}: '{path}' is {kinds:?}, the model says {want}"
                );
            }
            for path in required.iter().filter(|p| !p.contains("[]")) {
                assert!(asked.contains_key(path), "{name}: the model requires '{path}': {}", call["body"]);
            }
        }
    }
}

#[test]
fn the_comparison_catches_a_guessed_name_and_a_wrong_type() {
    let mut found = BTreeMap::new();
    fields(&serde_json::json!({"data": {"remaining": 5, "quota_sum": 7, "list": []}}), "", &mut found);
    assert!(found.contains_key("data.remaining"), "a guessed name shows up as its own path");
    assert_eq!(found["data.quota_sum"].iter().next().unwrap(), "integer");
    assert!(!type_fits("string", "integer"), "a count sent as a number where the model has a string");
    assert!(type_fits("array<string>", "array<?>"), "an empty array fits any array");
}
