//! Pipeline integration tests: moves checked by the state machine, collaboration records, follow-ups.
#![allow(clippy::unwrap_used)]

mod common;
use chrono::{Days, FixedOffset, NaiveDate, Utc};
use common::{campaign_with, import, record, store};
use scout_domain::Platform;
use scout_domain::{AgreedTerms, BasisPoints, ContentPost, Currency, Handle, Money, SampleShipment, Stage};
use scout_store::FollowUpKind;

fn terms(due: Option<NaiveDate>) -> AgreedTerms {
    AgreedTerms {
        commission: BasisPoints(1500),
        flat_fee: Some(Money::new(20_000, Currency::usd())),
        free_sample: true,
        deliverables: "2 videos".into(),
        content_due: due,
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

#[tokio::test]
async fn agreed_terms_shipments_and_posts_move_the_creator_and_are_kept() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann"]).await;
    let ann = ids[0];
    let refused = store.record_agreement(campaign, ann, &terms(None)).await.unwrap_err();
    assert!(refused.to_string().contains("from Shortlisted to Agreed"), "{refused}");
    assert!(store.collaboration(campaign, ann).await.unwrap().agreement.is_none(), "nothing stored");

    store.move_stage(campaign, ann, Stage::Invited, "offer sent").await.unwrap();
    store.move_stage(campaign, ann, Stage::Replied, "replied: interested, wants 20 %").await.unwrap();
    assert_eq!(store.record_agreement(campaign, ann, &terms(None)).await.unwrap(), Stage::Agreed);
    let better = AgreedTerms { commission: BasisPoints(1800), ..terms(None) };
    assert_eq!(
        store.record_agreement(campaign, ann, &better).await.unwrap(),
        Stage::Agreed,
        "new terms, no move"
    );

    let ship = SampleShipment {
        carrier: "UPS".into(),
        tracking_number: "1Z999AA10123456784".into(),
        cost: Some(Money::new(1_250, Currency::usd())),
        shipped_on: today(),
    };
    assert_eq!(store.record_shipment(campaign, ann, &ship).await.unwrap(), Stage::SampleShipped);
    let again = store.record_shipment(campaign, ann, &ship).await.unwrap_err();
    assert!(again.to_string().contains("already recorded"), "{again}");
    let post = ContentPost {
        url: "https://www.tiktok.com/@ann/video/7300000000000000001".into(),
        posted_on: today(),
    };
    assert_eq!(store.record_post(campaign, ann, &post).await.unwrap(), Stage::ContentPosted);
    let second =
        ContentPost { url: "https://www.tiktok.com/@ann/video/7300000000000000002".into(), ..post.clone() };
    assert_eq!(store.record_post(campaign, ann, &second).await.unwrap(), Stage::ContentPosted);

    let collab = store.collaboration(campaign, ann).await.unwrap();
    assert_eq!(collab.stage, Stage::ContentPosted);
    assert_eq!(collab.agreement, Some(better));
    assert_eq!(collab.shipments, vec![ship]);
    assert_eq!(collab.posts.len(), 2);

    let causes: Vec<String> = store.timeline(ann).await.unwrap().into_iter().map(|e| e.cause).collect();
    assert_eq!(causes.len(), 8, "{causes:#?}");
    assert_eq!(causes[3], "agreed: 15 % commission, 200.00 USD flat fee, free sample, 2 videos");
    assert!(causes[4].starts_with("agreed: 18 %"), "the change of terms is on the timeline");
    assert!(causes[5].contains("UPS (tracking 1Z999AA10123456784)"), "{}", causes[5]);
    assert!(causes[7].ends_with("7300000000000000002"));
    let events = store.timeline(ann).await.unwrap();
    assert_eq!(events[4].from, Some(Stage::Agreed), "a record without a move has from = to");
    assert_eq!(events[4].to, Stage::Agreed);
    assert_eq!(events[0].campaign_name, "Example: Glow serum launch");
}

#[tokio::test]
async fn follow_ups_are_due_by_rule_and_snoozes_hide_them_until_their_day() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann", "bob", "cat"]).await;
    let utc = FixedOffset::east_opt(0).unwrap();
    for id in &ids {
        store.move_stage(campaign, *id, Stage::Invited, "offer sent").await.unwrap();
    }
    // bob agreed with a free sample and content due in 3 days; cat declined.
    store.record_agreement(campaign, ids[1], &terms(Some(today() + Days::new(3)))).await.unwrap();
    store.move_stage(campaign, ids[2], Stage::Declined, "not interested").await.unwrap();

    let due_now = store.follow_ups(today(), today(), utc, 5).await.unwrap();
    assert!(due_now.is_empty(), "nothing is due on the day of the invite: {due_now:?}");
    let week = today() + Days::new(7);
    let upcoming = store.follow_ups(today(), week, utc, 5).await.unwrap();
    let kinds: Vec<(&str, FollowUpKind, NaiveDate)> =
        upcoming.iter().map(|f| (f.handle.as_str(), f.kind, f.due_on)).collect();
    assert_eq!(
        kinds,
        vec![
            ("bob", FollowUpKind::ShipSample, today() + Days::new(2)),
            ("bob", FollowUpKind::ContentDue, today() + Days::new(3)),
            ("ann", FollowUpKind::NoReply, today() + Days::new(5)),
        ]
    );
    assert_eq!(upcoming[0].campaign_name, "Example: Glow serum launch");
    let same_day = store.follow_ups(today(), week, utc, 0).await.unwrap();
    assert_eq!(same_day[0].kind, FollowUpKind::NoReply, "with 0 days an invite is due at once");

    store.snooze_follow_up(campaign, ids[1], FollowUpKind::ShipSample, today() + Days::new(1)).await.unwrap();
    let after_snooze = store.follow_ups(today(), week, utc, 5).await.unwrap();
    assert_eq!(after_snooze.len(), 2, "the snoozed reminder is hidden");
    let tomorrow = today() + Days::new(1);
    assert_eq!(store.follow_ups(tomorrow, week, utc, 5).await.unwrap().len(), 3, "and back on its day");

    let ship = SampleShipment {
        carrier: "USPS".into(),
        tracking_number: "9400".into(),
        cost: None,
        shipped_on: today(),
    };
    store.record_shipment(campaign, ids[1], &ship).await.unwrap();
    let kinds: Vec<FollowUpKind> =
        store.follow_ups(tomorrow, week, utc, 5).await.unwrap().iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FollowUpKind::ContentDue, FollowUpKind::NoReply], "shipping settles that one");
}

#[tokio::test]
async fn the_pipeline_moves_only_as_the_state_machine_allows_and_keeps_a_timeline() {
    use scout_domain::Stage;
    let (_dir, store) = store().await;
    import(&store, "c.csv", 1, vec![record("ann", Some(1), None)]).await;
    let ann = store.creator_id(Platform::TikTok, &Handle::parse("ann").unwrap()).await.unwrap().unwrap();
    let spec: scout_domain::CampaignSpec =
        serde_json::from_str(include_str!("../../../fixtures/campaigns/example.json")).unwrap();
    let campaign = store.create_campaign(&spec, false).await.unwrap().id;
    store.shortlist_add(campaign, ann).await.unwrap();
    store.shortlist_add(campaign, ann).await.unwrap();
    assert_eq!(store.stage(campaign, ann).await.unwrap(), Some(Stage::Shortlisted));
    store.move_stage(campaign, ann, Stage::Invited, "offer 1 sent").await.unwrap();
    let refused =
        store.move_stage(campaign, ann, Stage::Completed, "dragged on the board").await.unwrap_err();
    assert!(refused.to_string().contains("from Invited to Completed"), "{refused}");
    assert_eq!(
        store.stage(campaign, ann).await.unwrap(),
        Some(Stage::Invited),
        "a refused move changes nothing"
    );
    store.move_stage(campaign, ann, Stage::Replied, "reply recorded").await.unwrap();
    let timeline = store.timeline(ann).await.unwrap();
    let steps: Vec<(Option<Stage>, Stage, &str)> =
        timeline.iter().map(|e| (e.from, e.to, e.cause.as_str())).collect();
    assert_eq!(
        steps,
        [
            (None, Stage::Shortlisted, "shortlisted"),
            (Some(Stage::Shortlisted), Stage::Invited, "offer 1 sent"),
            (Some(Stage::Invited), Stage::Replied, "reply recorded")
        ],
        "every change, once, with its cause"
    );
    assert_eq!(store.shortlist(campaign).await.unwrap()[0].stage, Stage::Replied);
}
