//! Conversations with creators against the fake TikTok Shop API: a reply read by polling moves the
//! creator to replied, lands on their timeline and shows in the inbox; invitation cards and follow-ups go
//! through the outbox and stop at 5 messages before a reply (counting again after one); creators on the
//! do-not-contact list get nothing; the outreach quota and TikTok Shop's refusals in plain words; an
//! interrupted message is checked on TikTok Shop, never lost or doubled. Keychain tests
//! (`scripts/with-keyring.sh`).

use super::tiktok::{ids, queue, setup, Setup};
use scout_app::{ActionState, CancelToken, OfferChannel, OutboxRun};
use scout_domain::Stage;

const READ: &str = "/affiliate_seller/202412/conversatons/read";
const OPEN: &str = "/affiliate_seller/202508/conversations";

async fn stage(s: &Setup, creator: i64) -> Stage {
    s.ws.pipeline_board(Some(s.campaign))
        .await
        .unwrap()
        .iter()
        .find(|c| c.creator_id == creator)
        .unwrap()
        .stage
}

async fn deliver(s: &Setup) -> scout_app::OutboxReport {
    let report =
        s.ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await.unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    report
}

/// Messages the fake received: (conversation path, msg_type, content JSON).
fn sent(s: &Setup) -> Vec<(String, String, serde_json::Value)> {
    s.api
        .requests()
        .into_iter()
        .filter(|r| {
            r["method"] == "POST"
                && r["code"] == 0
                && r["path"]
                    .as_str()
                    .is_some_and(|p| p.starts_with(OPEN_MESSAGES) && p.ends_with("/messages"))
        })
        .map(|r| {
            let content = serde_json::from_str(r["body"]["content"].as_str().unwrap()).unwrap();
            (
                r["path"].as_str().unwrap().to_string(),
                r["body"]["msg_type"].as_str().unwrap().to_string(),
                content,
            )
        })
        .collect()
}
const OPEN_MESSAGES: &str = "/affiliate_seller/202412/conversations/";

/// The setup names creators `creator0`, `creator1`, …; the fake's usernames come from their open ids
/// (`msgr-000` → `msgr_000`). A conversation a creator starts is linked by username, so the workspace
/// learns their TikTok username the way a seller's list would give it: an import keyed by open id.
async fn use_tiktok_usernames(s: &Setup, dir: &std::path::Path) {
    let mut csv = String::from("username,open_id\n");
    for id in &s.open_ids {
        csv.push_str(&format!("{},{id}\n", id.replace('-', "_")));
    }
    let path = dir.join("usernames.csv");
    std::fs::write(&path, csv).unwrap();
    let report =
        s.ws.import_file(scout_app::ImportRequest::file(path), |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(report.counts.updated as usize, s.open_ids.len(), "renamed, not added");
}

#[tokio::test]
async fn a_reply_read_by_polling_moves_the_creator_to_replied_lands_on_the_timeline_and_shows_in_the_inbox() {
    if !scout_testkit::keychain_tests_enabled("a_reply_read_by_polling_moves_the_creator_to_replied") {
        return;
    }
    let s = setup("msg-reply", "ok", &ids("msgr-", 2), true).await;
    let files = tempfile::tempdir().unwrap();
    use_tiktok_usernames(&s, files.path()).await;
    queue(&s).await;
    assert_eq!(deliver(&s).await.sent, 2);
    assert_eq!(stage(&s, s.creators[0]).await, Stage::Invited);

    s.api.creator_says(&s.open_ids[0], "Yes please, tell me more about the serum!");
    let report = s.ws.sync_conversations().await.unwrap();
    assert!(report.errors.is_empty(), "{report:?}");
    assert_eq!(report.moved_to_replied, 1, "{report:?}");
    // The fake's seeded conversation (a creator not in this workspace) is unread too: stored, not linked.
    assert_eq!(report.unlinked.len(), 1, "{report:?}");
    assert_eq!(stage(&s, s.creators[0]).await, Stage::Replied);
    assert_eq!(stage(&s, s.creators[1]).await, Stage::Invited, "the other creator did not write");
    let timeline = s.ws.timeline(s.creators[0]).await.unwrap();
    let reply = timeline.iter().find(|e| e.to == Stage::Replied).expect("the reply is on the timeline");
    assert!(reply.cause.contains("“Yes please, tell me more about the serum!”"), "{}", reply.cause);

    let again = s.ws.sync_conversations().await.unwrap();
    assert_eq!((again.new_messages, again.moved_to_replied), (0, 0), "nothing stored twice: {again:?}");

    let inbox = s.ws.inbox(50).await.unwrap();
    let mine = inbox.iter().find(|c| c.creator_id == Some(s.creators[0])).expect("in the inbox");
    assert_eq!((mine.unread, mine.handle.as_deref()), (1, Some("msgr_000")));
    assert_eq!(mine.last_text.as_deref(), Some("Yes please, tell me more about the serum!"));
    assert_eq!(mine.last_from_creator, Some(true));
    s.ws.mark_conversation_read(&mine.conversation_id).await.unwrap();
    let read = s.api.requests_to("POST", READ);
    assert_eq!(read.len(), 1, "marked read on TikTok Shop, at its misspelled path");
    assert_eq!(read[0]["body"]["conversation_ids"][0], mine.conversation_id.as_str());
    let view = s.ws.creator_conversation(s.creators[0]).await.unwrap();
    assert_eq!(view.conversation.unwrap().unread, 0);
    assert_eq!(view.messages.len(), 1);
    let third = s.ws.sync_conversations().await.unwrap();
    assert_eq!(third.conversations, 1, "only the seeded conversation is still unread: {third:?}");
}

#[tokio::test]
async fn invitation_cards_and_follow_ups_stop_at_five_before_a_reply_and_count_again_after_one() {
    if !scout_testkit::keychain_tests_enabled("invitation_cards_and_follow_ups_stop_at_five") {
        return;
    }
    let s = setup("msg-five", "ok", &ids("msgf-", 1), true).await;
    let ann = s.creators[0];
    queue(&s).await;
    deliver(&s).await;
    let collaboration = s.ws.offers(s.campaign).await.unwrap()[0].external_id.clone().unwrap();

    let invited =
        s.ws.queue_invitation_messages(s.campaign, Some("Our invitation is in your inbox")).await.unwrap();
    assert_eq!((invited.action_ids.len(), invited.creators.len()), (2, 1), "{invited:?}");
    let report = deliver(&s).await;
    assert_eq!(report.actions.done, 2, "{report:?}");
    let out = sent(&s);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].1, "TARGET_COLLABORATION_CARD");
    assert_eq!(out[0].2, serde_json::json!({ "target_collaboration_id": collaboration }));
    assert_eq!(
        (out[1].1.as_str(), &out[1].2["content"]),
        ("TEXT", &serde_json::json!("Our invitation is in your inbox"))
    );
    let again =
        s.ws.queue_invitation_messages(s.campaign, Some("Our invitation is in your inbox")).await.unwrap();
    assert!(again.action_ids.is_empty() && again.skipped[0].contains("already queued or sent"), "{again:?}");

    // The same text queued twice (two windows) is one message.
    let first = s.ws.queue_text_message(ann, "Any questions?").await.unwrap();
    assert_eq!(s.ws.queue_text_message(ann, "Any questions?").await.unwrap(), first);
    s.ws.queue_text_message(ann, "We ship within two days").await.unwrap();
    deliver(&s).await;
    assert_eq!(sent(&s).len(), 4);

    // Invited four days ago (the follow-up waits 3 by default): one follow-up, the fifth message.
    let none = s.ws.plan_follow_ups(s.campaign, None).await.unwrap();
    assert!(none.due.is_empty(), "invited just now: {none:?}");
    s.ws.backdate_collaboration(s.campaign, ann, 4).await.unwrap();
    let plan = s.ws.plan_follow_ups(s.campaign, None).await.unwrap();
    assert_eq!(plan.due.len(), 1, "{plan:?}");
    assert!(plan.due[0].text.starts_with("Hi @creator0, just checking you saw our invitation"), "{plan:?}");
    let queued = s.ws.queue_follow_ups(s.campaign, None).await.unwrap();
    let twice = s.ws.queue_follow_ups(s.campaign, None).await.unwrap();
    assert_eq!((queued.action_ids.len(), twice.action_ids.len()), (1, 0), "{twice:?}");
    deliver(&s).await;
    assert_eq!(sent(&s).len(), 5);

    let refused = s.ws.queue_text_message(ann, "Hello again?").await.unwrap_err().to_string();
    assert!(
        refused.contains("@creator0 has 5 messages from the shop since their last reply")
            && refused.contains("TikTok Shop allows 5 before they answer; nothing was queued"),
        "{refused}"
    );
    let invite = s.ws.queue_invitation_messages(s.campaign, None).await.unwrap();
    assert!(invite.action_ids.is_empty(), "{invite:?}");

    s.api.creator_says(&s.open_ids[0], "Sorry, I was away. Yes!");
    assert_eq!(s.ws.sync_conversations().await.unwrap().moved_to_replied, 1);
    assert_eq!(stage(&s, ann).await, Stage::Replied);
    let id = s.ws.queue_text_message(ann, "Hello again?").await.unwrap();
    deliver(&s).await;
    assert_eq!(s.ws.message_action(id).await.unwrap().state, ActionState::Done, "counting starts again");
    assert_eq!(sent(&s).len(), 6);
    let view = s.ws.creator_conversation(ann).await.unwrap();
    assert_eq!((view.sent_since_reply, view.on_their_way), (1, 0));
    assert_eq!(s.ws.plan_follow_ups(s.campaign, None).await.unwrap().due.len(), 0, "replied: no follow-up");
}

#[tokio::test]
async fn creators_on_the_do_not_contact_list_get_nothing() {
    if !scout_testkit::keychain_tests_enabled("creators_on_the_do_not_contact_list_get_nothing") {
        return;
    }
    let s = setup("msg-dnc", "ok", &ids("msgd-", 2), true).await;
    queue(&s).await;
    deliver(&s).await;
    s.ws.do_not_contact(s.creators[0], "asked not to be contacted").await.unwrap();

    let invited = s.ws.queue_invitation_messages(s.campaign, None).await.unwrap();
    assert_eq!(invited.creators, ["@creator1"], "{invited:?}");
    assert!(
        invited.skipped[0].contains("@creator0 is on the do-not-contact list (asked not to be contacted)")
    );
    let refused = s.ws.queue_text_message(s.creators[0], "Hi").await.unwrap_err().to_string();
    assert!(refused.contains("do-not-contact list"), "{refused}");
    s.ws.backdate_collaboration(s.campaign, s.creators[0], 5).await.unwrap();
    let plan = s.ws.plan_follow_ups(s.campaign, None).await.unwrap();
    assert!(plan.due.is_empty() && plan.skipped[0].contains("do-not-contact"), "{plan:?}");
    deliver(&s).await;
    let opened: Vec<_> = s.api.requests_to("POST", OPEN);
    assert!(
        opened.iter().all(|r| r["body"]["creator_open_id"] != s.open_ids[0].as_str()),
        "no conversation opened with the suppressed creator"
    );
    assert_eq!(sent(&s).len(), 1, "only creator1's card");
}

#[tokio::test]
async fn an_exhausted_quota_and_tiktoks_refusals_are_said_in_plain_words() {
    if !scout_testkit::keychain_tests_enabled("an_exhausted_quota_and_tiktoks_refusals") {
        return;
    }
    // The weekly quota reads 0: a creator Scout never talked with is refused before anything is queued.
    // The second creator is new to the workspace but connected to the shop on TikTok Shop (the fake's
    // seeded conversation): TikTok's eligibility check says so, and they need no quota.
    let open_ids = ["msgq-000".to_string(), "mk-00007".to_string()];
    let s = setup("msg-quota", "quota_exhausted", &open_ids, true).await;
    s.ws.queue_text_message(s.creators[1], "Hi again!").await.unwrap();
    let e = s.ws.queue_text_message(s.creators[0], "Hi!").await.unwrap_err();
    assert_eq!(e.code(), scout_app::ErrorCode::Quota, "{e}");
    let words = e.to_string();
    assert!(
        words.contains("weekly outreach quota does not cover 1 creator new to the shop: 0 of"),
        "{words}"
    );
    assert!(words.contains("nothing was queued"), "{words}");
    let asked = s.api.requests_to("POST", "/affiliate_seller/202610/creator_outreach/eligibility/check");
    assert_eq!(asked.len(), 2, "asked before refusing, each time the quota fell short");
    assert!(s.ws.creator_conversation(s.creators[0]).await.unwrap().outgoing.is_empty());

    // TikTok Shop refuses to open the conversation (or to send): the message fails with TikTok's reason
    // on its record.
    for (scenario, words) in [
        ("message_quota_exhausted", "the shop's quota for messaging new creators is used up"),
        ("shop_gmv_too_low", "does not yet sell enough through affiliates"),
        ("creator_privacy", "privacy settings do not accept messages from shops"),
        // The conversation opens; the send meets the day's budget of 10,000 message requests.
        ("messages_budget_exhausted", "budget of creator marketplace searches or messages is used up"),
    ] {
        let s = setup(&format!("msg-{scenario}"), scenario, &ids("msgx-", 1), true).await;
        let id = s.ws.queue_text_message(s.creators[0], "Hi!").await.unwrap();
        let report =
            s.ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await.unwrap();
        let record = s.ws.message_action(id).await.unwrap();
        assert_eq!(record.state, ActionState::Failed, "{scenario}: {record:?}");
        if scenario == "messages_budget_exhausted" {
            // Not for good: it waits for tomorrow's budget, and the run stops saying why.
            assert_eq!((report.actions.retrying, report.actions.failed), (1, 0), "{report:?}");
            assert!(report.problems.iter().any(|p| p.message.contains(words)), "{report:?}");
        } else {
            assert_eq!(report.actions.failed, 1, "{scenario}: {report:?}");
        }
        assert!(record.problem.as_deref().unwrap_or_default().contains(words), "{scenario}: {record:?}");
        assert!(sent(&s).is_empty(), "{scenario}: nothing sent");
    }
}

#[tokio::test]
async fn interrupted_messages_that_never_left_are_checked_on_tiktok_shop_and_sent_once() {
    if !scout_testkit::keychain_tests_enabled("an_interrupted_message_that_never_left") {
        return;
    }
    let s = setup("msg-check", "ok", &ids("msgc-", 2), true).await;
    queue(&s).await;
    deliver(&s).await;
    // creator1 already has a conversation (one message went out); creator0 has none.
    s.ws.queue_text_message(s.creators[1], "Hello!").await.unwrap();
    deliver(&s).await;
    let lost = s.ws.queue_text_message(s.creators[0], "This one never left").await.unwrap();
    let lost_too = s.ws.queue_text_message(s.creators[1], "Nor this one").await.unwrap();
    // What a stop before the calls leaves: claimed (`sending`) by a runner that is gone (a second handle
    // on the workspace claims them as the runner would).
    let store = scout_store::Store::open(&s.ws.path()).await.unwrap();
    assert_eq!(store.claim_action(chrono::Utc::now()).await.unwrap().map(|a| a.id), Some(lost));
    assert_eq!(store.claim_action(chrono::Utc::now()).await.unwrap().map(|a| a.id), Some(lost_too));
    store.close().await;
    s.ws.recover_interrupted_offers().await.unwrap();
    assert_eq!(s.ws.message_action(lost).await.unwrap().state, ActionState::NeedsCheck);
    assert_eq!(sent(&s).len(), 1);

    // creator0: no conversation stored, so nothing was sent; creator1: their conversation is read and
    // holds no such message. Both go again, once.
    let report = deliver(&s).await;
    assert_eq!((report.actions.checked_landed, report.actions.checked_requeued), (0, 2), "{report:?}");
    assert_eq!(report.actions.done, 2, "{report:?}");
    assert_eq!(s.ws.message_action(lost).await.unwrap().state, ActionState::Done, "not found: sent, once");
    let texts: Vec<String> = sent(&s).iter().map(|m| m.2["content"].as_str().unwrap().to_string()).collect();
    assert_eq!(texts, ["Hello!", "This one never left", "Nor this one"]);
    deliver(&s).await;
    assert_eq!(sent(&s).len(), 3, "a later run sends nothing more");
}
