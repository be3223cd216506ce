//! Sample requests synced from the fake TikTok Shop API: every page of every synced status, the seeded
//! pending ones landing once, a second sync changing nothing, and TikTok's status change followed.

use super::marketplace::connected;
use scout_app::{
    ActionState, CancelToken, OfferChannel, OutboxRun, RejectReason, ReviewDecision, SampleChoice,
    SampleStatus, SYNCED_SAMPLE_STATUSES,
};
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

#[tokio::test]
async fn decisions_go_to_tiktok_shop_once_through_the_outbox_and_a_refusal_is_in_plain_words() {
    if !scout_testkit::keychain_tests_enabled("decisions_go_to_tiktok_shop_once") {
        return;
    }
    let (_dir, ws, api) = connected("decide").await;
    ws.sync_sample_requests().await.unwrap();
    let pending = ws.list_sample_requests(Some(SampleStatus::Pending), 50, 0).await.unwrap().rows;
    let (open, agency): (Vec<_>, Vec<_>) = pending.iter().partition(|r| r.approvable);
    assert_eq!((open.len(), agency.len()), (10, 2), "ten the seller may approve, two from an agency");

    let choose = |r: &scout_app::SampleRequest, decision| SampleChoice {
        application_id: r.application_id.clone(),
        decision,
        note: None,
    };
    let approve_agency = ws
        .decide_samples(&[
            choose(open[0], ReviewDecision::Approve),
            choose(agency[0], ReviewDecision::Approve),
        ])
        .await;
    let e = approve_agency.unwrap_err().to_string();
    assert!(
        e.contains("does not let this request be approved") && e.contains(&agency[0].application_id),
        "{e}"
    );
    assert!(ws.sample_decisions(&open[0].application_id).await.unwrap().is_empty(), "all or none");

    let decided = ws
        .decide_samples(&[
            choose(open[0], ReviewDecision::Approve),
            choose(open[1], ReviewDecision::Reject(RejectReason::NotMatch)),
            choose(agency[0], ReviewDecision::Reject(RejectReason::Other)),
        ])
        .await
        .unwrap();
    assert_eq!(decided.len(), 3);
    assert_eq!(decided[1].reason, "rejected by the seller: not a match");
    let seen: serde_json::Value = serde_json::from_str(&decided[0].seen_json).unwrap();
    assert_eq!(seen["status"], "PENDING", "the numbers the decision saw: {seen}");
    assert!(seen["fulfilment_90d"].is_number() || open[0].fulfilment_90d.is_none(), "{seen}");

    let report =
        ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await.unwrap();
    assert_eq!((report.actions.done, report.actions.failed), (2, 1), "{report:?}");
    assert_eq!(api.sample_reviews().len(), 3, "one review per decision");
    let agency_decision = ws.sample_decisions(&agency[0].application_id).await.unwrap().remove(0);
    assert_eq!(agency_decision.review_state, ActionState::Failed);
    let why = agency_decision.review_error.unwrap();
    assert!(why.contains("an agency submitted this sample request"), "{why}");
    let approved = ws.sample_request(&open[0].application_id).await.unwrap();
    assert_eq!(approved.status, "AWAITING_SHIPMENT", "the request follows the review that landed");
    let rejected = ws.sample_request(&open[1].application_id).await.unwrap();
    assert_eq!(rejected.status, "REJECT_CANCELLED");

    let again = ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await.unwrap();
    assert_eq!(again.actions, scout_app::ActionsReport::default(), "nothing more to send");
    assert_eq!(api.sample_reviews().len(), 3);
}

#[tokio::test]
async fn the_rule_decides_on_sync_only_once_turned_on_and_never_twice() {
    if !scout_testkit::keychain_tests_enabled("the_rule_decides_on_sync_only_once_turned_on") {
        return;
    }
    let (dir, ws, api) = connected("rule").await;
    for p in ["1729000000000000001", "1729000000000000002", "1729000000000000004"] {
        let economics = scout_app::EconomicsInput {
            product_id: p.into(),
            price: Some("20.00".into()),
            margin: "40%".into(),
            sample_cost: "8.50".into(),
            shipping: "4.00".into(),
            currency: None,
        };
        ws.set_sample_economics(&economics).await.unwrap();
    }
    let off = ws.sync_samples_and_apply_rule().await.unwrap();
    assert_eq!(off.rule, None, "the rule is off until the seller turns it on");
    let products = ws.sample_products().await.unwrap();
    assert_eq!(products.len(), 3, "{products:?}");
    assert!(
        products.iter().all(|p| p.economics.is_some() && p.name.is_some() && p.requests > 0),
        "{products:?}"
    );
    assert_eq!(products.iter().map(|p| p.pending).sum::<u64>(), 12, "the pending requests, by product");
    assert!(api.sample_reviews().is_empty());

    // Approve the six best by net value a day, whatever their numbers; leave the rest to the seller.
    let mut rule = ws.sample_rule().await.unwrap().rule;
    rule.min_p_post = 0.0;
    rule.min_net_value = scout_domain::Money::new(-1_000_000, rule.min_net_value.currency.clone());
    rule.daily_limit = 6;
    ws.set_sample_rule(&rule).await.unwrap();
    ws.backtest_sample_rule(scout_app::BACKTEST_DAYS).await.unwrap();
    ws.turn_sample_rule(true).await.unwrap();

    // One requester is in the workspace and on the do-not-contact list: the rule leaves them to the
    // seller (an approval would be refused), and still decides the others.
    let pending = ws.list_sample_requests(Some(SampleStatus::Pending), 50, 0).await.unwrap().rows;
    let barred = pending.iter().find(|r| r.approvable && r.creator_username.is_some()).unwrap();
    let csv = dir.path().join("barred.csv");
    let line = format!(
        "username,open_id\n{},{}\n",
        barred.creator_username.clone().unwrap(),
        barred.creator_open_id
    );
    std::fs::write(&csv, line).unwrap();
    ws.import_file(scout_app::ImportRequest::file(csv), |_| {}, CancelToken::default()).await.unwrap();
    ws.sync_sample_requests().await.unwrap();
    let barred_id = ws.sample_request(&barred.application_id).await.unwrap().creator_id.unwrap();
    ws.do_not_contact(barred_id, "asked not to be contacted").await.unwrap();

    let on = ws.sync_samples_and_apply_rule().await.unwrap();
    assert_eq!(on.rule, Some(scout_app::RuleRun { approved: 6, rejected: 0, left: 6 }), "{on:?}");
    assert!(ws.sample_decisions(&barred.application_id).await.unwrap().is_empty(), "left to the seller");
    let board = ws.sample_board(scout_app::SampleGroup::ToDecide, 50, 0).await.unwrap();
    let by_rule: Vec<_> = board.rows.iter().filter_map(|r| r.decision.as_ref()).collect();
    assert_eq!(by_rule.len(), 6);
    let best_left = board
        .rows
        .iter()
        .filter(|r| {
            r.decision.is_none() && r.request.approvable && r.request.application_id != barred.application_id
        })
        .filter_map(|r| r.assessment.as_ref()?.net_value.as_ref().map(|m| m.minor))
        .max()
        .unwrap();
    for d in &by_rule {
        assert_eq!(d.decided_by, scout_app::DecidedBy::Rule);
        assert!(d.reason.starts_with("by the rule: "), "{}", d.reason);
        let seen: serde_json::Value = serde_json::from_str(&d.seen_json).unwrap();
        let net = seen["assessment"]["net_value"]["minor"].as_i64().expect("the net value it saw");
        assert!(net >= best_left, "the best by net value first: {net} < {best_left}");
        assert!(seen["assessment"]["chance"]["p_post"].is_number(), "{seen}");
    }

    let again = ws.sync_samples_and_apply_rule().await.unwrap();
    assert_eq!(
        again.rule,
        Some(scout_app::RuleRun { approved: 0, rejected: 0, left: 6 }),
        "the day's six are used"
    );
    ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await.unwrap();
    let reviews = api.sample_reviews();
    assert_eq!(reviews.len(), 6, "one review per decision, none twice");
    assert!(reviews.iter().all(|r| r["review_result"] == "APPROVE" && r["code"] == 0), "{reviews:?}");
}

#[tokio::test]
async fn shipped_samples_reach_the_pipeline_and_one_reminder_goes_five_days_after_delivery() {
    if !scout_testkit::keychain_tests_enabled("shipped_samples_reach_the_pipeline") {
        return;
    }
    let (dir, ws, api) = connected("follow").await;
    ws.sync_sample_requests().await.unwrap();
    // A creator who posted for their sample, and one whose sample arrived with nothing posted yet.
    let completed = ws.list_sample_requests(Some(SampleStatus::Completed), 500, 0).await.unwrap().rows;
    let waiting = ws.list_sample_requests(Some(SampleStatus::ContentPending), 500, 0).await.unwrap().rows;
    let poster = completed.iter().find(|r| r.creator_username.is_some()).unwrap().clone();
    let silent = waiting
        .iter()
        .find(|r| {
            r.creator_open_id != poster.creator_open_id && r.fulfilment_status.as_deref() != Some("SUCCEED")
        })
        .unwrap()
        .clone();
    let csv = dir.path().join("requesters.csv");
    let row = |r: &scout_app::SampleRequest| {
        format!("{},{}\n", r.creator_username.clone().unwrap(), r.creator_open_id)
    };
    std::fs::write(&csv, format!("username,open_id\n{}{}", row(&poster), row(&silent))).unwrap();
    ws.import_file(scout_app::ImportRequest::file(csv), |_| {}, CancelToken::default()).await.unwrap();
    ws.sync_sample_requests().await.unwrap(); // links the requests to the creators now in the workspace
    let poster_id = ws.sample_request(&poster.application_id).await.unwrap().creator_id.unwrap();

    // A campaign for the poster's product, where the seller agreed with the poster.
    let mut spec: scout_domain::CampaignSpec = serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN).unwrap();
    spec.product.tiktok_product_id = Some(poster.product_id.clone());
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    ws.shortlist_add(campaign, poster_id).await.unwrap();
    ws.move_stage(campaign, poster_id, scout_domain::Stage::Invited, "invited").await.unwrap();
    let terms = scout_domain::AgreedTerms {
        commission: scout_domain::BasisPoints(1_500),
        flat_fee: None,
        free_sample: true,
        deliverables: "1 video".into(),
        content_due: None,
    };
    ws.record_agreement(campaign, poster_id, &terms).await.unwrap();

    let later = chrono::Utc::now() + chrono::Duration::days(6);
    let first = ws.follow_samples(later).await.unwrap();
    assert_eq!((first.shipments_recorded, first.reminders_queued), (1, 1), "{first:?}");
    assert!(first.posts_recorded >= 1, "{first:?}");
    let c = ws.collaboration(campaign, poster_id).await.unwrap();
    assert_eq!(c.stage, scout_domain::Stage::ContentPosted, "shipped, then posted: {c:?}");
    assert_eq!(c.shipments.len(), 1);
    assert!(c.posts.iter().all(|p| p.url.starts_with("https://www.tiktok.com/")), "{c:?}");

    let again = ws.follow_samples(later + chrono::Duration::days(1)).await.unwrap();
    assert_eq!(again, scout_app::SampleFollowReport::default(), "never recorded or reminded twice");
    let too_soon = ws.follow_samples(chrono::Utc::now()).await.unwrap();
    assert_eq!(too_soon.reminders_queued, 0);

    ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await.unwrap();
    let sent: Vec<_> = api
        .requests()
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with("/messages")))
        .collect();
    assert_eq!(sent.len(), 1, "one reminder message: {sent:?}");
    let content = sent[0]["body"]["content"].as_str().unwrap();
    assert!(content.contains("sample should have arrived"), "{content}");
}
