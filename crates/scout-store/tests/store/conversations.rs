//! Conversations with creators: messages stored once however often a poll reads them, a conversation a
//! creator started linked by username, a reply moving the creator to replied (only forward) with its
//! words on the timeline, and the count TikTok's "5 messages before a reply" rule needs.

use super::common::{campaign_with, store};
use chrono::{DateTime, TimeZone, Utc};
use scout_domain::Stage;
use scout_store::{IncomingConversation, IncomingMessage};

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, minute, 0).single().unwrap()
}

fn message(id: &str, from_creator: bool, index: u64, text: &str) -> IncomingMessage {
    IncomingMessage {
        message_id: id.into(),
        from_creator,
        kind: "TEXT".into(),
        text: Some(text.into()),
        content: serde_json::json!({ "content": text }).to_string(),
        index: Some(index),
        sent_at: Some(at(index as u32)),
    }
}

fn started_by(username: &str, unread: u64) -> IncomingConversation {
    IncomingConversation {
        conversation_id: "C-1".into(),
        creator_open_id: None,
        username: Some(username.into()),
        creator_im_id: Some("im-1".into()),
        unread: Some(unread),
    }
}

#[tokio::test]
async fn messages_are_stored_once_across_polls_and_a_creator_who_wrote_first_is_linked_by_username() {
    let (_dir, store) = store().await;
    let (campaign, ids) = campaign_with(&store, &["glowwithmia", "other"]).await;
    let (mia, other) = (ids[0], ids[1]);

    // TikTok writes the username as the creator spells it; the workspace keeps handles in lower case.
    let first = vec![message("M1", true, 1, "Hi! Do you send samples?")];
    let saved = store.save_conversation(&started_by("GlowWithMia", 1), &first, at(30)).await.unwrap();
    assert_eq!(saved.creator_id, Some(mia), "linked by username");
    assert_eq!((saved.new_messages, saved.new_from_creator), (1, 1));
    assert!(saved.moved_to_replied.is_empty(), "shortlisted only: never invited, so not moved");
    assert_eq!(store.stage(campaign, mia).await.unwrap(), Some(Stage::Shortlisted));

    // The next poll reads the same page plus one more message.
    let second = vec![message("M1", true, 1, "Hi! Do you send samples?"), message("M2", true, 2, "Hello?")];
    let saved = store.save_conversation(&started_by("GlowWithMia", 2), &second, at(31)).await.unwrap();
    assert_eq!((saved.new_messages, saved.new_from_creator), (1, 1), "M1 is not stored twice");
    let again = store.save_conversation(&started_by("GlowWithMia", 2), &second, at(32)).await.unwrap();
    assert_eq!(again.new_messages, 0, "a third poll of the same page stores nothing");
    let stored = store.conversation_messages("C-1").await.unwrap();
    let stored_ids: Vec<&str> = stored.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(stored_ids, ["M1", "M2"], "each message once, oldest first");

    let inbox = store.inbox(50).await.unwrap();
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].handle.as_deref(), Some("glowwithmia"));
    assert_eq!((inbox[0].unread, inbox[0].last_text.as_deref()), (2, Some("Hello?")));
    store.set_conversation_read("C-1").await.unwrap();
    assert_eq!(store.conversation("C-1").await.unwrap().unwrap().unread, 0);
    assert_eq!(store.conversation_with(mia).await.unwrap().unwrap().conversation_id, "C-1");
    assert!(store.talked_with(mia).await.unwrap());
    assert!(!store.talked_with(other).await.unwrap(), "no conversation, no TikTok offer sent");

    // Nobody in the workspace with that username: stored, not linked.
    let stranger = IncomingConversation {
        conversation_id: "C-2".into(),
        username: Some("nobody_here".into()),
        ..Default::default()
    };
    let saved = store.save_conversation(&stranger, &[message("M9", true, 1, "hey")], at(33)).await.unwrap();
    assert_eq!((saved.creator_id, saved.new_messages), (None, 1));
}

#[tokio::test]
async fn a_reply_moves_an_invited_creator_to_replied_only_forward_and_lands_on_the_timeline() {
    let (_dir, store) = store().await;
    let (first, ids) = campaign_with(&store, &["ann"]).await;
    let ann = ids[0];
    let spec: scout_domain::CampaignSpec =
        serde_json::from_str(include_str!("../../../../fixtures/campaigns/example.json")).unwrap();
    let second = store.create_campaign(&spec, false).await.unwrap().id;
    store.shortlist_add(second, ann).await.unwrap();
    store.move_stage(first, ann, Stage::Invited, "offer sent").await.unwrap();
    store.move_stage(second, ann, Stage::Invited, "offer sent").await.unwrap();
    store.move_stage(second, ann, Stage::Agreed, "accepted on TikTok Shop").await.unwrap();

    // A conversation read for the first time brings its history: a message from before the invitation
    // is stored, and is no reply to it.
    let history = IncomingConversation {
        conversation_id: "C-old".into(),
        creator_open_id: Some("OID-ann".into()),
        username: Some("ann".into()),
        creator_im_id: Some("im-ann".into()),
        unread: Some(0),
    };
    let long_ago = IncomingMessage {
        sent_at: Some(Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).single().unwrap()),
        ..message("H1", true, 1, "Hi, do you have a discount code?")
    };
    let saved = store.save_conversation(&history, &[long_ago], at(0)).await.unwrap();
    assert_eq!((saved.new_from_creator, saved.moved_to_replied.len(), saved.noted.len()), (1, 0, 0));
    assert_eq!(store.stage(first, ann).await.unwrap(), Some(Stage::Invited), "history is no reply");

    let conversation = IncomingConversation {
        conversation_id: "C-7".into(),
        creator_open_id: Some("OID-ann".into()),
        username: Some("ann".into()),
        creator_im_id: Some("im-ann".into()),
        unread: Some(1),
    };
    let mine = message("S1", false, 1, "Hi Ann, our invitation is in your inbox");
    let saved = store.save_conversation(&conversation, &[mine], at(1)).await.unwrap();
    assert!(saved.moved_to_replied.is_empty(), "the shop's own message moves nobody");
    assert_eq!(store.shop_messages_since_reply(ann).await.unwrap(), 1);

    let reply = message("R1", true, 2, &format!("Yes please! {}", "x".repeat(200)));
    let saved = store.save_conversation(&conversation, std::slice::from_ref(&reply), at(5)).await.unwrap();
    assert_eq!(saved.moved_to_replied, [first], "invited → replied");
    assert_eq!(saved.noted, [second], "already agreed: stays, the reply noted");
    assert_eq!(store.stage(first, ann).await.unwrap(), Some(Stage::Replied));
    assert_eq!(store.stage(second, ann).await.unwrap(), Some(Stage::Agreed), "never moved back");
    let timeline = store.timeline(ann).await.unwrap();
    let replies: Vec<_> = timeline.iter().filter(|e| e.cause.starts_with("replied on TikTok Shop")).collect();
    assert_eq!(replies.len(), 2, "on the timeline of both campaigns: {timeline:?}");
    assert!(replies[0].cause.contains("2026-12-07 09:02 UTC: “Yes please! xxx"), "{}", replies[0].cause);
    assert!(replies[0].cause.chars().count() < 140, "shortened: {}", replies[0].cause);
    assert_eq!(store.shop_messages_since_reply(ann).await.unwrap(), 0, "the count starts again");
    assert_eq!(store.creator_message_count(ann).await.unwrap(), 2, "the old message and the reply");

    // Read again by the next poll: nothing moves, nothing is added to the timeline.
    let again = store.save_conversation(&conversation, &[reply], at(6)).await.unwrap();
    assert_eq!((again.new_messages, again.moved_to_replied.len(), again.noted.len()), (0, 0, 0));
    assert_eq!(store.timeline(ann).await.unwrap().len(), timeline.len());

    let later = message("S2", false, 3, "Great, sending the sample");
    store.save_conversation(&conversation, &[later], at(7)).await.unwrap();
    assert_eq!(store.shop_messages_since_reply(ann).await.unwrap(), 1, "only what came after the reply");
}
