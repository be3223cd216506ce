//! `scout samples …` end to end against the fake TikTok Shop API: sync and list; decisions recorded and
//! their reviews sent by `scout outbox run`; and a run killed hard (SIGKILL) while TikTok Shop holds a
//! review's answer, after which the review is checked on TikTok Shop and never sent twice.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{connected_to_fake, json, scout, spawn_scout, stderr};
use serde_json::Value;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// The pending requests TikTok Shop lets the seller approve, as `scout samples list` shows them.
fn approvable_pending(ws: &std::path::Path) -> Vec<String> {
    let page = json(&scout(ws, &["samples", "list", "--status", "pending", "--json"]));
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["approvable"] == true)
        .map(|r| r["application_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn sample_requests_are_synced_and_listed_by_status_from_the_command_line() {
    if !scout_testkit::keychain_tests_enabled("sample_requests_are_synced_and_listed_by_status") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let _api = connected_to_fake(&ws, "samples", "ok");

    let out = scout(&ws, &["samples", "sync", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["by_status"][0]["status"], "PENDING", "{report}");
    assert_eq!(report["by_status"][0]["fetched"], 12, "{report}");
    assert_eq!(report["new"], report["fetched"], "{report}");

    let out = scout(&ws, &["samples", "list", "--status", "pending", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = json(&out);
    assert_eq!(page["total"], 12, "{page}");
    assert!(page["rows"].as_array().unwrap().iter().all(|r| r["status"] == "PENDING"), "{page}");

    let out = scout(&ws, &["samples", "list", "--status", "pending"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 13, "a header and 12 requests");

    let out = scout(&ws, &["samples", "sync"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 new, 0 updated"), "{out:?}");

    let out = scout(&ws, &["samples", "list", "--status", "posted"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("status 'posted' is unknown"), "{}", stderr(&out));
}

#[test]
fn sample_reviews_killed_mid_send_are_checked_on_tiktok_shop_and_never_sent_twice() {
    if !scout_testkit::keychain_tests_enabled("sample_reviews_killed_mid_send") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    // TikTok Shop applies each review at once but answers it 3 seconds late.
    let api = connected_to_fake(&ws, "reviews-kill", "slow_writes");
    assert_eq!(scout(&ws, &["samples", "sync"]).status.code(), Some(0));
    let ids = approvable_pending(&ws);
    assert_eq!(ids.len(), 10, "the fake's ten pending requests a seller may approve");
    let mut approve = vec!["samples", "approve", "--note", "posts often"];
    approve.extend(ids[..3].iter().map(String::as_str));
    let out = scout(&ws, &approve);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = scout(&ws, &["samples", "reject", &ids[3], "--reason", "out-of-stock"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let again = scout(&ws, &["samples", "reject", &ids[0], "--reason", "not-match"]);
    assert_eq!(again.status.code(), Some(1), "a decided request is not decided twice");
    assert!(stderr(&again).contains("already decided (approve, by the seller)"), "{}", stderr(&again));
    assert!(api.sample_reviews().is_empty(), "deciding only queues; nothing is sent yet");

    // Deliver, and kill the run while TikTok Shop holds the first review's answer.
    let mut run = spawn_scout(&ws, &["outbox", "run"]);
    let start = Instant::now();
    while api.sample_reviews().is_empty() {
        assert!(start.elapsed() < Duration::from_secs(30), "the first review reaches TikTok Shop");
        std::thread::sleep(Duration::from_millis(20));
    }
    run.kill().unwrap(); // SIGKILL, the review landed but its answer never came
    run.wait().unwrap();
    assert_eq!(api.sample_reviews().len(), 1, "killed before the second review");
    let first = api.sample_reviews()[0]["application_id"].as_str().unwrap().to_string();
    let decisions = json(&scout(&ws, &["samples", "decisions", &first, "--json"]));
    assert_eq!(decisions[0]["review_state"], "needs_check", "{decisions}");

    let out = scout(&ws, &["outbox", "run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.contains("done 3") && said.contains("1 had landed, 0 queued again"), "{said}");

    let reviews = api.sample_reviews();
    let reviewed: BTreeSet<&str> = reviews.iter().map(|r| r["application_id"].as_str().unwrap()).collect();
    assert_eq!(reviews.len(), 4, "exactly one review per decision, the interrupted one not sent again");
    assert_eq!(reviewed, ids[..4].iter().map(String::as_str).collect(), "the four decided requests");
    assert!(reviews.iter().all(|r| r["code"] == 0), "{reviews:?}");
    let rejected: Vec<&Value> = reviews.iter().filter(|r| r["review_result"] == "REJECT").collect();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0]["reject_reason"], "OUT_OF_STOCK");

    let decisions = json(&scout(&ws, &["samples", "decisions", &first, "--json"]));
    assert_eq!(decisions[0]["review_state"], "done", "checked on TikTok Shop: it had landed");
    assert_eq!(decisions[0]["reason"], "posts often", "with the seller's reason");
    let shipping = json(&scout(&ws, &["samples", "list", "--status", "awaiting_shipment", "--json"]));
    let shipping: BTreeSet<&str> =
        shipping["rows"].as_array().unwrap().iter().map(|r| r["application_id"].as_str().unwrap()).collect();
    assert!(ids[..3].iter().all(|id| shipping.contains(id.as_str())), "approved ones await shipment");
    let out = scout(&ws, &["outbox", "run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(api.sample_reviews().len(), 4, "a later run sends nothing more");
}
