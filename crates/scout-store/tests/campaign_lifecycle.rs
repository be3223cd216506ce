//! A campaign archived, restored and deleted; the small acts the window can undo.
#![allow(clippy::unwrap_used)]

mod common;
use chrono::{Days, FixedOffset, Utc};
use common::{campaign_with, store};
use scout_domain::{AgreedTerms, BasisPoints, Stage};
use scout_store::{FollowUpKind, NewOffer, OfferChannel, StoreError};

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

#[tokio::test]
async fn an_archived_campaign_leaves_the_board_and_the_follow_ups_and_comes_back_when_restored() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann", "bob"]).await;
    store.move_stage(campaign, ids[0], Stage::Invited, "offer sent").await.unwrap();
    let today = Utc::now().date_naive();
    let week = today + Days::new(7);
    assert_eq!(store.follow_ups(today, week, utc(), 5).await.unwrap().len(), 1);
    assert_eq!(store.pipeline_board(None).await.unwrap().len(), 2);

    let archived = store.set_campaign_archived(campaign, true).await.unwrap();
    let at = archived.archived_at.expect("archived");
    assert!(store.pipeline_board(None).await.unwrap().is_empty(), "not on the board of active work");
    assert_eq!(store.pipeline_board(Some(campaign)).await.unwrap().len(), 2, "still there when asked for");
    assert!(store.follow_ups(today, week, utc(), 5).await.unwrap().is_empty(), "no reminders for it");
    assert_eq!(store.shortlist(campaign).await.unwrap().len(), 2, "nothing of it is deleted");
    let again = store.set_campaign_archived(campaign, true).await.unwrap();
    assert_eq!(again.archived_at, Some(at), "archiving twice keeps the first date");

    let restored = store.set_campaign_archived(campaign, false).await.unwrap();
    assert_eq!(restored.archived_at, None);
    assert_eq!(store.follow_ups(today, week, utc(), 5).await.unwrap().len(), 1, "its reminder is back");
    assert!(matches!(store.set_campaign_archived(999, true).await, Err(StoreError::CampaignNotFound(999))));
}

#[tokio::test]
async fn a_campaign_is_deleted_with_what_it_holds_only_while_it_has_no_offer() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann", "bob"]).await;
    let (other, _) = campaign_with(&store, &["cy"]).await;
    store.move_stage(campaign, ids[0], Stage::Invited, "moved on the board").await.unwrap();
    let footprint = store.campaign_footprint(campaign).await.unwrap();
    assert_eq!((footprint.shortlisted, footprint.offers, footprint.timeline_events), (2, 0, 3));

    store.delete_campaign(campaign).await.unwrap();
    assert!(matches!(store.campaign(campaign).await, Err(StoreError::CampaignNotFound(_))));
    assert!(store.shortlist(campaign).await.unwrap().is_empty(), "its shortlist went with it");
    assert!(store.timeline(ids[0]).await.unwrap().is_empty(), "and its timeline entries");
    assert_eq!(store.list_campaigns().await.unwrap().len(), 1, "the other campaign stays");

    // With an offer queued, it is refused and nothing changes.
    let cy = store.shortlist(other).await.unwrap()[0].creator_id;
    let offer = NewOffer {
        idempotency_key: "k-1".into(),
        campaign_id: other,
        creator_id: cy,
        channel: OfferChannel::Email,
        terms_json: "{}".into(),
        recipient: Some("cy@example.com".into()),
        subject: "Offer".into(),
        body: "Hello".into(),
        resend_of: None,
    };
    store.queue_offers(&[offer]).await.unwrap();
    assert_eq!(store.campaign_footprint(other).await.unwrap().offers, 1);
    let refused = store.delete_campaign(other).await.unwrap_err();
    assert!(matches!(refused, StoreError::CampaignHasOffers { offers: 1, .. }), "{refused}");
    assert!(refused.to_string().contains("archive it instead"), "{refused}");
    assert_eq!(store.shortlist(other).await.unwrap().len(), 1, "nothing was deleted");
}

#[tokio::test]
async fn a_removed_creator_comes_back_as_they_were() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann"]).await;
    store.shortlist_annotate(campaign, ids[0], "great fit", &["serum".into()]).await.unwrap();
    store.move_stage(campaign, ids[0], Stage::Invited, "offer sent").await.unwrap();
    let before = store.shortlist(campaign).await.unwrap().remove(0);
    let board_before = store.pipeline_board(Some(campaign)).await.unwrap().remove(0);

    store.shortlist_remove(campaign, ids[0]).await.unwrap();
    assert!(store.shortlist(campaign).await.unwrap().is_empty());
    store.shortlist_restore(&before).await.unwrap();
    assert_eq!(store.shortlist(campaign).await.unwrap(), vec![before.clone()], "note, tags, date and stage");
    let board_after = store.pipeline_board(Some(campaign)).await.unwrap().remove(0);
    assert_eq!(board_after.since, board_before.since, "in that stage since the same moment");
    let twice = store.shortlist_restore(&before).await.unwrap_err();
    assert!(matches!(twice, StoreError::CannotUndo(_)), "{twice}");
}

#[tokio::test]
async fn a_move_is_undone_only_while_it_is_the_last_thing_that_happened() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann", "bob"]).await;
    let ann = ids[0];
    store.move_stage(campaign, ann, Stage::Invited, "offer sent").await.unwrap();
    let since_invited = store.pipeline_board(Some(campaign)).await.unwrap();
    store.move_stage(campaign, ann, Stage::Declined, "moved on the board").await.unwrap();

    assert_eq!(store.undo_move(campaign, ann, Stage::Declined).await.unwrap(), Stage::Invited);
    assert_eq!(store.stage(campaign, ann).await.unwrap(), Some(Stage::Invited));
    let timeline: Vec<Stage> = store.timeline(ann).await.unwrap().iter().map(|e| e.to).collect();
    assert_eq!(timeline, vec![Stage::Shortlisted, Stage::Invited], "the undone move left no entry");
    let board = store.pipeline_board(Some(campaign)).await.unwrap();
    let card =
        |cards: &[scout_store::PipelineCard]| cards.iter().find(|c| c.creator_id == ann).unwrap().since;
    assert_eq!(card(&board), card(&since_invited), "invited since the invitation, as before");

    // Not the last thing any more: refused, nothing changes.
    let refused = store.undo_move(campaign, ann, Stage::Declined).await.unwrap_err();
    assert!(matches!(refused, StoreError::CannotUndo(_)), "{refused}");
    // New agreed terms recorded after the move to Agreed (a timeline entry without a move).
    let terms = AgreedTerms {
        commission: BasisPoints(1500),
        flat_fee: None,
        free_sample: false,
        deliverables: "1 video".into(),
        content_due: None,
    };
    store.move_stage(campaign, ann, Stage::Replied, "replied").await.unwrap();
    store.record_agreement(campaign, ann, &terms).await.unwrap();
    store
        .record_agreement(campaign, ann, &AgreedTerms { deliverables: "2 videos".into(), ..terms })
        .await
        .unwrap();
    let refused = store.undo_move(campaign, ann, Stage::Agreed).await.unwrap_err();
    assert!(refused.to_string().contains("something else was recorded"), "{refused}");
    assert_eq!(store.stage(campaign, ann).await.unwrap(), Some(Stage::Agreed));
}

#[tokio::test]
async fn a_snoozed_follow_up_is_due_again_when_the_snooze_is_undone() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["ann"]).await;
    store.move_stage(campaign, ids[0], Stage::Invited, "offer sent").await.unwrap();
    let today = Utc::now().date_naive();
    let week = today + Days::new(7);
    store.snooze_follow_up(campaign, ids[0], FollowUpKind::NoReply, week).await.unwrap();
    assert!(store.follow_ups(today, week, utc(), 5).await.unwrap().is_empty());
    store.unsnooze_follow_up(campaign, ids[0], FollowUpKind::NoReply).await.unwrap();
    assert_eq!(store.follow_ups(today, week, utc(), 5).await.unwrap().len(), 1);
}
