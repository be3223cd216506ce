//! `scout samples model|assess|rule|economics` end to end against the fake TikTok Shop API's
//! labelled-synthetic history: train and adopt P(post), set a product's economics (a bad field refused
//! by name), assess the pending requests, backtest the rule before it can be turned on; and the
//! simulation command prints the issue's numbers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{connected_to_fake, json, scout, stderr};

#[test]
fn who_will_post_is_learned_adopted_and_shown_from_the_command_line() {
    if !scout_testkit::keychain_tests_enabled("who_will_post_is_learned") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let _api = connected_to_fake(&ws, "samples-model", "ok");
    assert_eq!(scout(&ws, &["samples", "sync"]).status.code(), Some(0));

    let out = scout(&ws, &["samples", "model", "train", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let trained = json(&out);
    assert_eq!(trained["in_use"], false, "{trained}");
    assert_eq!(trained["simulated"], true, "the fake's history is synthetic");
    let id = trained["id"].as_i64().unwrap().to_string();
    let card = String::from_utf8_lossy(&scout(&ws, &["samples", "model", "show"]).stdout).to_string();
    assert!(card.contains("in use: tiktok-signals-1") && card.contains("[SIMULATED history]"), "{card}");
    assert_eq!(scout(&ws, &["samples", "model", "adopt", &id]).status.code(), Some(0));

    let bad = scout(
        &ws,
        &[
            "samples",
            "economics",
            "set",
            "1729000000000000001",
            "--margin",
            "forty",
            "--sample-cost",
            "8.50",
            "--shipping",
            "4.00",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("margin: 'forty' is not a percentage"), "{}", stderr(&bad));
    let out = scout(
        &ws,
        &[
            "samples",
            "economics",
            "set",
            "1729000000000000001",
            "--margin",
            "40%",
            "--sample-cost",
            "8.50",
            "--shipping",
            "4.00",
            "--price",
            "29.99",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = scout(&ws, &["samples", "assess", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = json(&out);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 12, "the pending requests");
    for r in rows {
        assert_eq!(r["chance"]["model_version"], trained["model"]["version"], "the adopted model");
        let priced = r["product_id"] == "1729000000000000001";
        assert_eq!(r["net_value"].is_object(), priced, "net value only with economics: {r}");
    }
    let table = String::from_utf8_lossy(&scout(&ws, &["samples", "assess"]).stdout).to_string();
    assert!(table.contains("no margin, sample cost and shipping set"), "{table}");

    let on = scout(&ws, &["samples", "rule", "on"]);
    assert_eq!(on.status.code(), Some(1), "not before a backtest");
    let out = scout(&ws, &["samples", "rule", "backtest"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("it would have approved"), "{out:?}");
    let on = scout(&ws, &["samples", "rule", "on"]);
    assert_eq!(on.status.code(), Some(0), "{}", stderr(&on));
    let out = scout(&ws, &["samples", "rule", "set", "--min-p-post", "55%"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("off (not backtested"), "{out:?}");
}

#[test]
fn the_simulation_prints_the_issues_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let out = scout(&ws, &["samples", "model", "evaluate", "--history", "600", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["synthetic"], true);
    assert_eq!(r["labels_agreeing"], r["labels_derived"], "{r}");
    assert_eq!(r["strategies"].as_array().unwrap().len(), 4, "{r}");
}
