//! Decisions on sample requests and the TikTok actions outbox that carries their reviews: recorded all
//! or none with the review queued, never twice, claimed before sending, checked after a stop, and held
//! back for a creator on the do-not-contact list.

use super::common::{import, record, store};
use super::sample_requests::{at, request};
use chrono::{Duration, Utc};
use scout_store::{ActionState, DecidedBy, NewAction, NewSampleDecision, SampleVerdict, Store, StoreError};

fn decision(id: &str, verdict: SampleVerdict, by: DecidedBy) -> NewSampleDecision {
    NewSampleDecision {
        application_id: id.into(),
        verdict,
        reject_reason: (verdict == SampleVerdict::Reject).then(|| "NOT_MATCH".to_string()),
        decided_by: by,
        reason: "test".into(),
        seen_json: r#"{"p_post":0.7}"#.into(),
        idempotency_key: format!("review:{id}"),
        payload_json: format!(
            r#"{{"verdict":"{}"}}"#,
            if verdict == SampleVerdict::Approve { "approve" } else { "reject" }
        ),
    }
}

/// Three pending requests (A1's creator is in the workspace) and one already shipped.
async fn requests(store: &Store) -> i64 {
    let mut known = record("lamp_fan", Some(100), None);
    known.profile.open_id = Some("OID-1".into());
    import(store, "a.csv", 1, vec![known]).await;
    let rows = [
        request("A1", "OID-1", "PENDING"),
        request("A2", "OID-2", "PENDING"),
        request("A3", "OID-3", "PENDING"),
        request("S1", "OID-4", "SHIPPED"),
    ];
    store.upsert_sample_requests(&rows, at(5)).await.unwrap();
    store
        .list_sample_requests(Some("PENDING"), 50, 0)
        .await
        .unwrap()
        .rows
        .iter()
        .find_map(|r| r.creator_id)
        .unwrap()
}

fn refused(e: StoreError, id: &str, words: &str) {
    match &e {
        StoreError::InvalidSampleRequest { application_id, message } => {
            assert_eq!(application_id, id);
            assert!(message.contains(words), "{e}");
        }
        other => panic!("expected a refusal of {id}, got {other}"),
    }
}

#[tokio::test]
async fn decisions_are_recorded_with_their_review_all_or_none_and_never_twice() {
    let (_dir, store) = store().await;
    requests(&store).await;

    // One bad decision in a batch saves nothing of it.
    let batch = [
        decision("A1", SampleVerdict::Approve, DecidedBy::Seller),
        decision("S1", SampleVerdict::Approve, DecidedBy::Seller),
    ];
    refused(
        store.record_sample_decisions(&batch).await.unwrap_err(),
        "S1",
        "SHIPPED on TikTok Shop, not PENDING",
    );
    assert!(store.sample_decisions("A1").await.unwrap().is_empty(), "nothing of the batch was recorded");
    assert!(!store.has_due_actions(Utc::now()).await.unwrap(), "and no review queued");

    let mut no_reason = decision("A2", SampleVerdict::Reject, DecidedBy::Seller);
    no_reason.reject_reason = None;
    refused(
        store.record_sample_decisions(&[no_reason]).await.unwrap_err(),
        "A2",
        "needs one of TikTok Shop's reasons",
    );
    refused(
        store
            .record_sample_decisions(&[decision("NOPE", SampleVerdict::Reject, DecidedBy::Seller)])
            .await
            .unwrap_err(),
        "NOPE",
        "no such request",
    );

    let ids = store
        .record_sample_decisions(&[
            decision("A1", SampleVerdict::Approve, DecidedBy::Rule),
            decision("A2", SampleVerdict::Reject, DecidedBy::Seller),
        ])
        .await
        .unwrap();
    assert_eq!(ids.len(), 2);
    refused(
        store
            .record_sample_decisions(&[decision("A1", SampleVerdict::Reject, DecidedBy::Seller)])
            .await
            .unwrap_err(),
        "A1",
        "already decided (approve, by the rule)",
    );
    let a1 = store.sample_decisions("A1").await.unwrap();
    assert_eq!(a1.len(), 1);
    assert_eq!(
        (a1[0].verdict, a1[0].decided_by, a1[0].review_state),
        (SampleVerdict::Approve, DecidedBy::Rule, ActionState::Queued)
    );
    assert_eq!(a1[0].seen_json, r#"{"p_post":0.7}"#, "the numbers it saw are kept");
    assert_eq!(store.approvals_since(Utc::now() - Duration::hours(1)).await.unwrap(), 1);

    let latest = store.latest_sample_decisions(&["A1".into(), "A2".into(), "A3".into()]).await.unwrap();
    assert_eq!(latest.len(), 2, "A3 is undecided");
    assert_eq!(latest["A2"].reject_reason.as_deref(), Some("NOT_MATCH"));

    // The review is claimed, lands, and the request takes TikTok's status with it.
    let claimed = store.claim_action(Utc::now()).await.unwrap().unwrap();
    assert_eq!((claimed.target.as_str(), claimed.state, claimed.attempts), ("A1", ActionState::Sending, 1));
    assert!(claimed.creator_id.is_some(), "the review names the workspace's creator");
    store.settle_review(claimed.id, ActionState::Sending, "A1", "AWAITING_SHIPMENT", None).await.unwrap();
    let page = store.list_sample_requests(Some("AWAITING_SHIPMENT"), 50, 0).await.unwrap();
    assert_eq!(page.rows[0].application_id, "A1");
    assert_eq!(store.sample_decisions("A1").await.unwrap()[0].review_state, ActionState::Done);
}

#[tokio::test]
async fn a_review_failed_for_good_leaves_its_decision_on_record_and_allows_another() {
    let (_dir, store) = store().await;
    requests(&store).await;
    store
        .record_sample_decisions(&[decision("A3", SampleVerdict::Approve, DecidedBy::Seller)])
        .await
        .unwrap();
    let a = store.claim_action(Utc::now()).await.unwrap().unwrap();
    store
        .mark_action_failed(a.id, "TikTok Shop: out of stock", Some(Utc::now() + Duration::minutes(1)))
        .await
        .unwrap();
    assert!(
        store.sample_decisions("A3").await.unwrap()[0].review_retrying,
        "failed for now, tried again by itself"
    );
    refused(
        store
            .record_sample_decisions(&[decision("A3", SampleVerdict::Reject, DecidedBy::Seller)])
            .await
            .unwrap_err(),
        "A3",
        "already decided",
    );
    assert_eq!(store.cancel_actions(&[a.id], "the seller changed their mind").await.unwrap(), 1);
    let mut again = decision("A3", SampleVerdict::Reject, DecidedBy::Seller);
    again.idempotency_key = "review:A3:2".into();
    store.record_sample_decisions(&[again]).await.unwrap();
    let all = store.sample_decisions("A3").await.unwrap();
    assert_eq!(all.len(), 2, "both decisions are on record");
    assert_eq!(all[0].review_state, ActionState::Cancelled);
    assert_eq!(all[0].review_error.as_deref(), Some("the seller changed their mind"));
    assert_eq!(all[1].verdict, SampleVerdict::Reject);
}

#[tokio::test]
async fn an_interrupted_action_waits_for_a_check_and_is_never_claimed_by_itself() {
    let (_dir, store) = store().await;
    requests(&store).await;
    store
        .record_sample_decisions(&[
            decision("A1", SampleVerdict::Approve, DecidedBy::Seller),
            decision("A2", SampleVerdict::Approve, DecidedBy::Seller),
        ])
        .await
        .unwrap();
    let first = store.claim_action(Utc::now()).await.unwrap().unwrap();
    let second = store.claim_action(Utc::now()).await.unwrap().unwrap();
    assert_ne!(first.id, second.id);
    assert!(store.claim_action(Utc::now()).await.unwrap().is_none(), "nothing else is due");

    let lease = store.try_delivery_lease().unwrap().unwrap();
    assert_eq!(store.recover_interrupted_actions(&lease).await.unwrap(), 2);
    assert!(store.claim_action(Utc::now()).await.unwrap().is_none(), "needs_check is never claimed");
    let waiting = store.actions_needing_check().await.unwrap();
    assert_eq!(waiting.len(), 2);
    assert!(matches!(
        store.mark_action_done(first.id, None).await.unwrap_err(),
        StoreError::ActionNotInState { .. }
    ));

    store.settle_review(first.id, ActionState::NeedsCheck, "A1", "AWAITING_SHIPMENT", None).await.unwrap();
    store.requeue_checked_action(second.id).await.unwrap();
    let again = store.claim_action(Utc::now()).await.unwrap().unwrap();
    assert_eq!((again.id, again.attempts), (second.id, 2), "the one that had not landed goes again");
    store.release_action(again.id, "network down", Utc::now() - Duration::seconds(1)).await.unwrap();
    let released = store.action(again.id).await.unwrap();
    assert_eq!((released.state, released.attempts, released.retryable), (ActionState::Failed, 1, true));
}

#[tokio::test]
async fn the_same_key_queues_one_action_and_a_suppressed_creator_gets_no_approval() {
    let (_dir, store) = store().await;
    let creator = requests(&store).await;
    let message = |key: &str| NewAction {
        idempotency_key: key.into(),
        kind: scout_store::ActionKind::SampleReview,
        creator_id: Some(creator),
        target: "A1".into(),
        payload_json: "{}".into(),
        contacts_creator: true,
    };
    let first = store.queue_actions(&[message("k1")]).await.unwrap();
    let again = store.queue_actions(&[message("k1"), message("k2")]).await.unwrap();
    assert_eq!(again[0], first[0], "a key already queued is the same action");
    assert_ne!(again[1], first[0]);

    store.suppress(Some(creator), None, "asked not to be contacted").await.unwrap();
    for id in &again {
        let a = store.action(*id).await.unwrap();
        assert_eq!(a.state, ActionState::Cancelled, "queued actions that reach them are cancelled");
        assert_eq!(a.last_error.as_deref(), Some("do not contact: asked not to be contacted"));
    }
    let e = store
        .record_sample_decisions(&[decision("A1", SampleVerdict::Approve, DecidedBy::Seller)])
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Suppressed { creator_id, .. } if creator_id == creator), "{e}");
    store.record_sample_decisions(&[decision("A1", SampleVerdict::Reject, DecidedBy::Seller)]).await.unwrap();
}

#[tokio::test]
async fn a_key_whose_action_failed_for_good_is_queued_again_as_a_new_attempt() {
    let (_dir, store) = store().await;
    let action = |key: &str| NewAction {
        idempotency_key: key.into(),
        kind: scout_store::ActionKind::Message,
        creator_id: None,
        target: "OID-9".into(),
        payload_json: "{}".into(),
        contacts_creator: false,
    };
    let first = store.queue_actions(&[action("text:9")]).await.unwrap()[0];
    let claimed = store.claim_action(Utc::now()).await.unwrap().unwrap();
    assert_eq!(claimed.id, first);
    store.mark_action_failed(first, "the weekly quota is used up", None).await.unwrap();

    let second = store.queue_actions(&[action("text:9")]).await.unwrap()[0];
    assert_ne!(second, first, "refused for good: queuing again is a new attempt");
    assert_eq!(store.action(second).await.unwrap().idempotency_key, format!("text:9~{first}"));
    assert_eq!(
        store.queue_actions(&[action("text:9")]).await.unwrap()[0],
        second,
        "and that one is not doubled"
    );
    let other = store.queue_actions(&[action("text:90")]).await.unwrap()[0];
    assert!(other != first && other != second, "a longer key is another action");
}
