//! Conversations against the fake API (fixtures/tiktok/fake_conversations.py): a round trip — open,
//! send a text and the invitation card, the creator answers, the answer shows as newest and unread, the
//! conversation is read (on TikTok's misspelled path) and leaves the unread list —, messages page by
//! page, the refusals in plain words (message quota, the shop's GMV requirement, the creator's privacy,
//! the day's budget) and the outreach eligibility check.

use super::FakeTiktok;
use scout_tiktok::{ConversationFilter, MessageKind, OutgoingMessage, TiktokError};
use serde_json::{json, Value};

const READ: &str = "/affiliate_seller/202412/conversatons/read";

fn text(t: &str) -> OutgoingMessage {
    OutgoingMessage::Text { text: t.into() }
}

#[tokio::test]
async fn a_conversation_round_trip_with_an_unread_answer() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let mia = client.open_conversation("mk-00042").await.unwrap();
    assert_eq!((mia.is_new, mia.unread), (Some(true), 0));
    let creator_im = mia.creator_im_id.clone().expect("the creator's im id");
    assert_eq!(
        api.requests()[0]["body"],
        json!({"creator_open_id": "mk-00042", "only_need_conversation_id": false})
    );
    let again = client.open_conversation("mk-00042").await.unwrap();
    assert_eq!((again.id.as_str(), again.is_new), (mia.id.as_str(), Some(false)), "the same conversation");

    client.send_message(&mia.id, &text("Hi! 15 % commission and a free sample?")).await.unwrap();
    let card = OutgoingMessage::TargetCollaborationCard { collaboration_id: "7300000000000000001".into() };
    client.send_message(&mia.id, &card).await.unwrap();
    let sent =
        api.api.requests_to("POST", &format!("/affiliate_seller/202412/conversations/{}/messages", mia.id));
    assert_eq!(
        sent[1]["body"],
        json!({"msg_type": "TARGET_COLLABORATION_CARD", "content": "{\"target_collaboration_id\":\"7300000000000000001\"}"})
    );

    api.api.creator_says("mk-00042", "Yes please — send it!");
    let newest = client.newest_messages().await.unwrap();
    let answer = newest.iter().find(|n| n.conversation_id == mia.id).expect("the answer is newest");
    assert_eq!(answer.text.as_deref(), Some("Yes please — send it!"));
    assert_eq!((answer.kind.clone(), answer.unread), (MessageKind::Text, 1));
    assert_eq!(answer.sender_id.as_deref(), Some(creator_im.as_str()));

    let unread = client.conversations(ConversationFilter::Unread, None).await.unwrap();
    let listed = unread.conversations.iter().find(|c| c.id == mia.id).expect("listed as unread");
    assert_eq!(listed.unread, 1);
    assert!(unread.conversations.iter().all(|c| c.unread > 0));
    let list_query = &api.api.requests_to("GET", "/affiliate_seller/202412/conversations")[0]["query"];
    assert_eq!(
        (&list_query["page_size"], &list_query["conversation_status"]),
        (&json!("50"), &json!("UNREAD"))
    );

    let page = client.conversation_messages(&mia.id, None).await.unwrap();
    let kinds: Vec<MessageKind> = page.messages.iter().map(|m| m.kind.clone()).collect();
    assert_eq!(
        kinds,
        [MessageKind::Text, MessageKind::TargetCollaborationCard, MessageKind::Text],
        "oldest first"
    );
    assert_eq!(page.messages[2].sender_id.as_deref(), Some(creator_im.as_str()), "theirs, not the shop's");
    assert_ne!(page.messages[0].sender_id.as_deref(), Some(creator_im.as_str()));
    assert!(
        page.messages[1].content.contains("invitation_group_id"),
        "the card reads back as TikTok words it"
    );
    assert_eq!(page.next_page_token, None);

    let failed =
        client.mark_conversations_read(&[mia.id.clone(), "7494999999999999999".into()]).await.unwrap();
    assert_eq!(failed, ["7494999999999999999"]);
    assert_eq!(api.api.requests_to("POST", READ).len(), 1, "TikTok's path, spelled as TikTok spells it");
    let unread = client.conversations(ConversationFilter::Unread, None).await.unwrap();
    assert!(unread.conversations.iter().all(|c| c.id != mia.id), "read: no longer unread");
    let all = client.conversations(ConversationFilter::All, None).await.unwrap();
    assert_eq!(all.conversations[0].id, mia.id, "newest activity first");

    let (status, reply) = super::raw_call(
        &api,
        "POST",
        "/affiliate_seller/202412/conversations/read",
        &[],
        &json!({"conversation_ids": [mia.id]}),
    );
    assert_eq!(
        (status, reply["code"].as_i64()),
        (404, Some(404)),
        "the correct spelling is no endpoint: {reply}"
    );
}

#[tokio::test]
async fn a_long_conversation_comes_twenty_messages_a_page() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let c = client.open_conversation("mk-00043").await.unwrap();
    for i in 0..24 {
        client.send_message(&c.id, &text(&format!("note {i}"))).await.unwrap();
    }
    let newest = client.conversation_messages(&c.id, None).await.unwrap();
    assert_eq!(newest.messages.len(), 20);
    assert_eq!(newest.messages.last().unwrap().text.as_deref(), Some("note 23"));
    let older = client.conversation_messages(&c.id, newest.next_page_token.as_deref()).await.unwrap();
    let words: Vec<&str> = older.messages.iter().filter_map(|m| m.text.as_deref()).collect();
    assert_eq!(words, ["note 0", "note 1", "note 2", "note 3"]);
    assert_eq!(older.next_page_token, None);
    let path = format!("/affiliate_seller/202412/conversation/{}/messages", c.id);
    let asked: Vec<Value> =
        api.api.requests_to("GET", &path).iter().map(|r| r["query"]["page_size"].clone()).collect();
    assert_eq!(asked, [json!("20"), json!("20")]);
}

#[tokio::test]
async fn refusals_say_why_in_plain_words() {
    for (scenario, open_id, code, want) in [
        (
            "message_quota_exhausted",
            "mk-00042",
            16030002,
            "the shop's quota for messaging new creators is used up",
        ),
        ("shop_gmv_too_low", "mk-00042", 16030003, "the shop does not yet sell enough through affiliates"),
        ("creator_privacy", "mk-00042", 45101021, "this creator's privacy settings do not accept messages"),
        ("ok", "privacy-mia", 45101021, "this creator's privacy settings do not accept messages"),
    ] {
        let api = FakeTiktok::start(scenario);
        let e = api.client().open_conversation(open_id).await.unwrap_err();
        assert!(e.to_string().starts_with(want), "{scenario}: {e}");
        assert_eq!(e.code(), Some(code), "{scenario}");
        assert!(
            !matches!(e, TiktokError::Api { .. }) && !e.is_retryable(),
            "{scenario}: a typed refusal: {e:?}"
        );
        assert_eq!(api.requests().len(), 1, "{scenario}: refused once, not retried");
    }
    let api = FakeTiktok::start("messages_budget_exhausted");
    let client = api.client();
    let c = client.open_conversation("mk-00042").await.unwrap();
    let e = client.send_message(&c.id, &text("hello")).await.unwrap_err();
    assert!(matches!(e, TiktokError::DailyLimit { .. }), "{e:?}");
    assert!(client
        .send_message(&c.id, &text(""))
        .await
        .unwrap_err()
        .to_string()
        .contains("content: is empty"));
    assert_eq!(api.requests().len(), 2, "an empty text never leaves Scout");
}

#[tokio::test]
async fn eligibility_says_who_is_connected_blocked_or_over_the_quota() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let ids: Vec<String> = ["mk-00007", "mk-00001", "blocked-ben"].map(String::from).to_vec();
    let e = client.check_outreach_eligibility(&ids).await.unwrap();
    let by = |id: &str| e.creators.iter().find(|c| c.open_id == id).unwrap().clone();
    assert_eq!(by("mk-00007").connected, Some(true), "the seeded conversation connects them");
    assert_eq!(by("mk-00001").connected, Some(false));
    assert_eq!(by("blocked-ben").blocked, Some(true));
    assert_eq!(e.batch_quota_consumable, Some(true));
    assert!(e.ineligible_levels.is_empty());
    assert_eq!(
        api.requests()[0]["body"],
        json!({"creator_infos": [{"creator_open_id": "mk-00007"}, {"creator_open_id": "mk-00001"}, {"creator_open_id": "blocked-ben"}]})
    );

    let api = FakeTiktok::start("quota_exhausted");
    let e = api.client().check_outreach_eligibility(&ids).await.unwrap();
    assert_eq!(e.batch_quota_consumable, Some(false));
    assert!(!e.ineligible_levels.is_empty());
    let connected = e.creators.iter().find(|c| c.open_id == "mk-00007").unwrap();
    assert_eq!(connected.level_quota_available, Some(true), "a connected creator needs no quota");
}
