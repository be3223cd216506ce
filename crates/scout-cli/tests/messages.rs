//! `scout messages …` end to end against the fake TikTok Shop API: invitation messages sent by the
//! outbox and a run killed hard (SIGKILL) while TikTok Shop holds a message's answer — the message is
//! checked in the conversation afterwards and never sent twice, none is lost —; then a reply read by
//! `scout messages sync`, the inbox, one conversation, and marking it read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{connected_to_fake, json, scout, spawn_scout, stderr};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

const CAMPAIGN: &str = "Example: Glow serum launch";

/// Creators whose workspace handles are their TikTok usernames (the fake's usernames come from their
/// open ids: `oid-anna` → `oid_anna`), shortlisted and invited through TikTok Shop.
fn invited(ws: &Path, dir: &Path) {
    let creators = dir.join("creators.csv");
    std::fs::write(
        &creators,
        "username,open_id,followers\noid_anna,oid-anna,1000\noid_ben,oid-ben,2000\noid_cem,oid-cem,3000\n",
    )
    .unwrap();
    assert_eq!(scout(ws, &["import", creators.to_str().unwrap()]).status.code(), Some(0));
    let mut spec: Value =
        serde_json::from_str(include_str!("../../../fixtures/campaigns/example.json")).unwrap();
    spec["product"]["tiktok_product_id"] = "1729000000000000001".into();
    let spec_path = dir.join("campaign.json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    assert_eq!(scout(ws, &["campaign", "create", spec_path.to_str().unwrap()]).status.code(), Some(0));
    let add = ["shortlist", "add", CAMPAIGN, "@oid_anna", "@oid_ben", "@oid_cem"];
    assert_eq!(scout(ws, &add).status.code(), Some(0));
    assert_eq!(scout(ws, &["settings", "seller", "--name", "Glow Labs"]).status.code(), Some(0));
    let template = dir.join("template.json");
    std::fs::write(&template, r#"{"subject": "{{ product.name }}", "body": "Try {{ product.name }}."}"#)
        .unwrap();
    let queue = [
        "offers",
        "queue",
        CAMPAIGN,
        "--channel",
        "tiktok",
        "--commission",
        "15",
        "--valid-until",
        "2099-12-31",
        "--template",
        template.to_str().unwrap(),
    ];
    let out = scout(ws, &queue);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = scout(ws, &["outbox", "run", "--channel", "tiktok"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("sent 3, failed 0"), "{}", stderr(&out));
}

/// Messages TikTok Shop accepted: (conversation path, msg_type, content).
fn messages_sent(api: &scout_testkit::FakeTiktokApi) -> Vec<(String, String, String)> {
    api.requests()
        .into_iter()
        .filter(|r| {
            let path = r["path"].as_str().unwrap_or_default();
            r["method"] == "POST"
                && r["code"] == 0
                && path.starts_with("/affiliate_seller/202412/conversations/")
                && path.ends_with("/messages")
        })
        .map(|r| {
            let s = |v: &Value| v.as_str().unwrap().to_string();
            (s(&r["path"]), s(&r["body"]["msg_type"]), s(&r["body"]["content"]))
        })
        .collect()
}

#[test]
fn messages_killed_mid_send_are_checked_in_the_conversation_and_neither_lost_nor_doubled() {
    if !scout_testkit::keychain_tests_enabled("messages_killed_mid_send") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    // TikTok Shop applies each message at once but answers it 3 seconds late.
    let api = connected_to_fake(&ws, "messages-kill", "slow_writes");
    invited(&ws, dir.path());
    let out =
        scout(&ws, &["messages", "invite", CAMPAIGN, "--text", "Our invitation is waiting", "--queue-only"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("6 message(s) queued for 3 creator(s)"), "{out:?}");
    assert!(messages_sent(&api).is_empty(), "--queue-only sends nothing");

    // Deliver, and kill the run while TikTok Shop holds the first message's answer.
    let mut run = spawn_scout(&ws, &["outbox", "run"]);
    let start = Instant::now();
    while messages_sent(&api).is_empty() {
        assert!(start.elapsed() < Duration::from_secs(30), "the first message reaches TikTok Shop");
        std::thread::sleep(Duration::from_millis(20));
    }
    run.kill().unwrap(); // SIGKILL: the message landed, its answer never came
    run.wait().unwrap();
    assert_eq!(messages_sent(&api).len(), 1, "killed before the second message");
    let shown = json(&scout(&ws, &["messages", "show", "@oid_anna", "--json"]));
    let states: Vec<&str> =
        shown["outgoing"].as_array().unwrap().iter().map(|o| o["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["queued", "needs_check"], "newest first: the text waits, the card is uncertain");

    let out = scout(&ws, &["outbox", "run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.contains("done 5") && said.contains("1 had landed, 0 queued again"), "{said}");
    let sent = messages_sent(&api);
    assert_eq!(sent.len(), 6, "each message exactly once, the interrupted one not sent again: {sent:?}");
    let distinct: BTreeSet<&(String, String, String)> = sent.iter().collect();
    assert_eq!(distinct.len(), 6, "no conversation got the same message twice");
    let conversations: BTreeSet<&str> = sent.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(conversations.len(), 3, "one conversation per creator");
    assert_eq!(sent.iter().filter(|m| m.1 == "TARGET_COLLABORATION_CARD").count(), 3);
    let shown = json(&scout(&ws, &["messages", "show", "@oid_anna", "--json"]));
    assert_eq!(shown["messages"].as_array().unwrap().len(), 2, "the card and the text, stored once: {shown}");
    assert_eq!(shown["sent_since_reply"], 2);
    let out = scout(&ws, &["outbox", "run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(messages_sent(&api).len(), 6, "a later run sends nothing more");

    // A creator answers: polled, they move to replied; the inbox shows it unread until marked read.
    api.creator_says("oid-ben", "Sounds great, I'm in!");
    let out = scout(&ws, &["messages", "sync", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["moved_to_replied"], 1);
    let board = json(&scout(&ws, &["pipeline", "list", CAMPAIGN, "--json"]));
    let ben = board.as_array().unwrap().iter().find(|c| c["handle"] == "oid_ben").unwrap();
    assert_eq!(ben["stage"], "replied", "{ben}");
    let inbox = json(&scout(&ws, &["messages", "inbox", "--json"]));
    let first = &inbox["conversations"][0];
    assert_eq!((first["handle"].as_str(), first["unread"].as_u64()), (Some("oid_ben"), Some(1)), "{inbox}");
    assert_eq!(inbox["quota"]["remaining"], 197, "three creators invited of the fake's 200");
    let id = first["conversation_id"].as_str().unwrap();
    let out = scout(&ws, &["messages", "read", id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = json(&scout(&ws, &["messages", "show", id, "--json"]));
    assert_eq!(shown["conversation"]["unread"], 0);
    let text = String::from_utf8_lossy(&scout(&ws, &["messages", "show", "@oid_ben"]).stdout).to_string();
    assert!(text.contains("creator Sounds great, I'm in!"), "{text}");
}
