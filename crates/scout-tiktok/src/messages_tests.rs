use super::*;
use serde_json::json;

fn body(m: &OutgoingMessage) -> String {
    let content = m.content().unwrap();
    String::from_utf8(encode(&w::SendBody { msg_type: m.msg_type(), content: &content }).unwrap()).unwrap()
}

#[test]
fn each_message_type_sends_its_object_as_a_json_string_byte_for_byte() {
    let text = OutgoingMessage::Text { text: "Hi \"Mia\" — 15 %".into() };
    assert_eq!(body(&text), r#"{"msg_type":"TEXT","content":"{\"content\":\"Hi \\\"Mia\\\" — 15 %\"}"}"#);
    let cases = [
        (
            OutgoingMessage::ProductCard { product_id: "1729".into() },
            r#"{"msg_type":"PRODUCT_CARD","content":"{\"product_id\":\"1729\"}"}"#,
        ),
        (
            OutgoingMessage::TargetCollaborationCard { collaboration_id: "7300".into() },
            r#"{"msg_type":"TARGET_COLLABORATION_CARD","content":"{\"target_collaboration_id\":\"7300\"}"}"#,
        ),
        (
            OutgoingMessage::FreeSampleCard { application_id: "579".into() },
            r#"{"msg_type":"FREE_SAMPLE_CARD","content":"{\"apply_id\":\"579\"}"}"#,
        ),
        (
            OutgoingMessage::Image { url: "https://i/1.png".into(), width: 1280, height: 720 },
            r#"{"msg_type":"IMAGE","content":"{\"height\":720,\"url\":\"https://i/1.png\",\"width\":1280}"}"#,
        ),
    ];
    for (m, want) in cases {
        assert_eq!(body(&m), want);
    }
}

#[test]
fn a_blank_or_too_long_text_is_refused_before_sending() {
    let long = OutgoingMessage::Text { text: "é".repeat(MAX_TEXT_CHARS + 1) };
    assert_eq!(
        long.content().unwrap_err().to_string(),
        "content: is 2001 characters; TikTok Shop takes at most 2000"
    );
    assert!(
        OutgoingMessage::Text { text: "é".repeat(MAX_TEXT_CHARS) }.content().is_ok(),
        "characters, not bytes"
    );
    assert_eq!(
        OutgoingMessage::Text { text: "  ".into() }.content().unwrap_err().to_string(),
        "content: is empty"
    );
    assert!(OutgoingMessage::ProductCard { product_id: String::new() }.content().is_err());
}

#[test]
fn messages_are_read_oldest_first_with_their_words_and_kinds() {
    let page = read_messages(json!({
        "has_more": true, "next_page_token": "20",
        "messages": [
            {"conversation_index": "3", "message_body": {"id": "m3", "conversation_id": "c1", "type": "TARGET_COLLABORATION_CARD",
             "content": "{\"invitation_group_id\": \"7300\"}", "create_time": 1_796_000_300, "sender_id": "shop"}},
            {"conversation_index": "2", "message_body": {"id": "m2", "conversation_id": "c1", "type": "TEXT",
             "content": "{\"content\": \"Yes please!\"}", "create_time": 1_796_000_200, "sender_id": "im-mia"}},
            {"conversation_index": "1", "message_body": {"id": "m1", "conversation_id": "c1", "type": "HOLOGRAM",
             "content": "{}", "create_time": 1_796_000_100, "sender_id": "shop"}}
        ]
    }))
    .unwrap();
    assert_eq!(page.messages.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["m1", "m2", "m3"]);
    let reply = &page.messages[1];
    assert_eq!((reply.kind.clone(), reply.text.as_deref()), (MessageKind::Text, Some("Yes please!")));
    assert_eq!(reply.sender_id.as_deref(), Some("im-mia"));
    assert_eq!(reply.sent_at, DateTime::from_timestamp(1_796_000_200, 0));
    assert_eq!(page.messages[2].kind, MessageKind::TargetCollaborationCard);
    assert!(page.messages[2].content.contains("invitation_group_id"), "the card's content kept as sent");
    assert_eq!(page.messages[0].kind, MessageKind::Unknown, "an unknown type does not lose the message");
    assert_eq!(page.next_page_token.as_deref(), Some("20"));
    let last = read_messages(json!({"has_more": false, "next_page_token": "", "messages": []})).unwrap();
    assert_eq!(last.next_page_token, None);
    assert!(read_messages(json!({"messages": [{"message_body": {"type": "TEXT"}}]})).is_err());
}

#[test]
fn the_text_of_a_content_object() {
    assert_eq!(text_of(r#"{"content": "hi"}"#).as_deref(), Some("hi"));
    assert_eq!(text_of(r#"{"product_id": "1"}"#), None);
    assert_eq!(text_of("not json"), None);
}
