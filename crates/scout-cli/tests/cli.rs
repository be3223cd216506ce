//! The `scout` binary end to end: import reports and exit codes, list/show/export, round trips, rejected
//! rows, and a crash (SIGKILL) in the middle of an import leaving the workspace as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use scout_testkit::{SmtpOptions, SmtpSink};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::{json, scout, scout_with_stdin, stderr, tiktok_connect, SCOUT};

/// The real creator list beside the checkout: required on CI, skipped with a notice in a plain clone.
fn real_file(test: &str) -> Option<PathBuf> {
    scout_testkit::real_creator_list(test)
}

#[test]
fn imports_the_real_list_once_and_reports_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let Some(real) = real_file("imports_the_real_list_once_and_reports_every_row") else { return };
    let out = scout(&ws, &["import", real.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "a clean import exits 0: {}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["rows_total"], 1000, "every data row is counted");
    assert_eq!(r["created"], 999, "999 distinct handles are created");
    assert_eq!(r["merged"], 1, "the handle listed twice is merged, not duplicated");
    assert_eq!(r["rejected"], 0, "nothing is rejected");
    let merge = &r["issues"][0];
    assert_eq!(merge["outcome"], "merged", "the merge is reported");
    assert!(
        merge["message"].as_str().unwrap().contains("line 51"),
        "the report names the first line: {merge}"
    );

    let again = json(&scout(&ws, &["import", real.to_str().unwrap(), "--json"]));
    assert_eq!(again["status"], "unchanged_duplicate_file", "the same file twice changes nothing");
    assert_eq!(json(&scout(&ws, &["batches", "--json"])).as_array().unwrap().len(), 1, "no second batch");

    let show = json(&scout(&ws, &["creators", "show", "@MrBeast", "--json"]));
    assert_eq!(show["figures"]["followers"], 60_300_000, "60.3M followers");
    assert_eq!(show["figures"]["avg_views"], 29_200_000, "the plain-number column wins");
    assert_eq!(show["history"].as_array().unwrap().len(), 1, "one snapshot so far");

    let list = json(&scout(&ws, &["creators", "list", "--search", "thezachchoi", "--json"]));
    assert_eq!(list["total"], 1, "search finds the merged creator once");
    let top = json(&scout(&ws, &["creators", "list", "--sort", "followers", "--limit", "3", "--json"]));
    let handles: Vec<&str> =
        top["rows"].as_array().unwrap().iter().map(|r| r["handle"].as_str().unwrap()).collect();
    assert_eq!(handles, ["khaby.lame", "charlidamelio", "bellapoarch"], "sorted by followers, descending");
}

#[test]
fn export_imports_back_unchanged_in_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.scout"), dir.path().join("b.scout"));
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/demo/creators-demo.csv");
    assert_eq!(scout(&a, &["import", demo.to_str().unwrap()]).status.code(), Some(0), "demo imports cleanly");
    for ext in ["csv", "xlsx"] {
        let exported = dir.path().join(format!("export.{ext}"));
        let out = scout(&a, &["creators", "export", exported.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "export to {ext} works: {}", stderr(&out));
        let r = json(&scout(&b, &["import", exported.to_str().unwrap(), "--json"]));
        let expected_created = if ext == "csv" { 2000 } else { 0 };
        assert_eq!(r["created"], expected_created, "{ext}: creators new to workspace b are created");
        assert_eq!(r["rejected"], 0, "{ext}: nothing exported is rejected on the way back: {r}");
        assert_eq!(r["issues"].as_array().unwrap().len(), 0, "{ext}: every exported value reads back: {r}");
        if ext == "xlsx" {
            assert_eq!(r["unchanged"], 2000, "the XLSX export of the same creators changes nothing");
        }
    }
    let again = dir.path().join("again.csv");
    scout(&b, &["creators", "export", again.to_str().unwrap(), "--sort", "handle", "--asc"]);
    let first = dir.path().join("first.csv");
    scout(&a, &["creators", "export", first.to_str().unwrap(), "--sort", "handle", "--asc"]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&again).unwrap(),
        "export → import → export is lossless"
    );
}

#[test]
fn bad_rows_are_reported_rejected_rows_exported_and_exit_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let file = dir.path().join("messy.csv");
    std::fs::write(&file, "handle,followers,email\nalice,\"1,2,3\",alice@example.com\n,500,nobody@example.com\nbob,2K,not-an-email\n").unwrap();
    let out = scout(&ws, &["import", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(3), "exit 3: finished, but a row was rejected");
    let r = json(&out);
    assert_eq!(
        (r["created"].as_u64(), r["rejected"].as_u64()),
        (Some(2), Some(1)),
        "two created, one rejected"
    );
    let issues = r["issues"].as_array().unwrap();
    let followers = issues.iter().find(|i| i["column"] == "followers").expect("the bad number is reported");
    assert_eq!(
        (followers["line"].as_u64(), followers["raw_value"].as_str()),
        (Some(2), Some("1,2,3")),
        "with line and raw value"
    );
    let rejected =
        issues.iter().find(|i| i["outcome"] == "rejected").expect("the row without handle is reported");
    assert_eq!(rejected["line"], 3, "on its line");
    let alice = json(&scout(&ws, &["creators", "show", "alice", "--json"]));
    assert_eq!(alice["profile"]["email"], "alice@example.com", "the rest of alice's row imported");
    assert_eq!(alice["figures"]["followers"], Value::Null, "the unreadable figure is unknown, not 0");

    let fix = dir.path().join("fix.csv");
    let batch = r["import_id"].as_i64().unwrap().to_string();
    assert_eq!(
        scout(&ws, &["rejected", &batch, fix.to_str().unwrap()]).status.code(),
        Some(0),
        "rejected rows export"
    );
    let text = std::fs::read_to_string(&fix).unwrap();
    assert!(
        text.starts_with("handle,followers,email,scout_rejected_line,scout_rejected_reason\n"),
        "under the file's own header: {text}"
    );
    assert!(text.contains(",500,nobody@example.com,3,"), "the rejected row with its line: {text}");
}

#[test]
fn errors_name_the_problem_and_use_documented_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let missing = scout(&ws, &["import", "/nonexistent/list.csv"]);
    assert_eq!(missing.status.code(), Some(1), "a failed import exits 1");
    assert!(
        stderr(&missing).contains("/nonexistent/list.csv"),
        "the error names the file: {}",
        stderr(&missing)
    );
    let unknown = scout(&ws, &["creators", "show", "@nobody_here"]);
    assert_eq!(unknown.status.code(), Some(4), "an unknown creator exits 4");
    assert!(stderr(&unknown).contains("@nobody_here"), "the error names the handle");
    let no_handle = dir.path().join("nohandle.csv");
    std::fs::write(&no_handle, "Rank,Score\n1,2\n").unwrap();
    let out = scout(&ws, &["import", no_handle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "a file with no handle column is refused");
    assert!(stderr(&out).contains("Rank, Score"), "the error lists the columns to map: {}", stderr(&out));
    let mapped = scout(&ws, &["import", no_handle.to_str().unwrap(), "--map", "Rank=handle", "--json"]);
    assert_eq!(json(&mapped)["created"], 1, "--map fixes it");
}

#[test]
fn a_crash_in_the_middle_of_either_import_leaves_the_workspace_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    // A committed list (2,000 synthetic creators) first, so the test runs from a plain clone.
    let demo = scout_testkit::fixtures().join("demo/creators-demo.csv");
    assert_eq!(scout(&ws, &["import", demo.to_str().unwrap()]).status.code(), Some(0));
    let creators = dir.path().join("big.csv");
    let orders = dir.path().join("orders.csv");
    for (what, out) in [
        (["creators", "--count", "200000", "--seed", "9"], &creators),
        (["orders", "--rows", "150000", "--seed", "9"], &orders),
    ] {
        let gen = Command::new(SCOUT).arg("fixtures").args(what).arg("--out").arg(out).output().unwrap();
        assert!(gen.status.success(), "fixtures generate: {}", stderr(&gen));
    }

    // The creator import and the results import share one engine: each is killed hard part-way.
    for import in
        [vec!["import", creators.to_str().unwrap()], vec!["results", "import", orders.to_str().unwrap()]]
    {
        let mut child =
            Command::new(SCOUT).arg("--workspace").arg(&ws).arg("--quiet").args(&import).spawn().unwrap();
        // Wait until the import has written part of its transaction to the WAL, then kill it.
        let wal = PathBuf::from(format!("{}-wal", ws.display()));
        let before = std::fs::metadata(&wal).map_or(0, |m| m.len());
        let started = Instant::now();
        while std::fs::metadata(&wal).map_or(0, |m| m.len()) < before + 4_000_000 {
            assert!(child.try_wait().unwrap().is_none(), "{import:?} is still running when killed");
            assert!(started.elapsed() < Duration::from_secs(60), "{import:?} writes within a minute");
            std::thread::sleep(Duration::from_millis(20));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
    }

    let list = json(&scout(&ws, &["creators", "list", "--json", "--limit", "1"]));
    assert_eq!(list["total"], 2000, "no creator of the killed import is visible");
    let batches = json(&scout(&ws, &["batches", "--json"]));
    assert_eq!(batches.as_array().unwrap().len(), 1, "the killed import left no batch");
    let report = json(&scout(&ws, &["results", "report", "--json"]));
    assert_eq!(report["currencies"], serde_json::json!([]), "no order line of the killed import: {report}");
    let redo = json(&scout(&ws, &["import", creators.to_str().unwrap(), "--json"]));
    assert_eq!(redo["status"], "imported", "the same file imports after the crash");
    assert_eq!(redo["rows_total"], 200_000, "in full");
    let redo = json(&scout(&ws, &["results", "import", orders.to_str().unwrap(), "--json"]));
    assert_eq!(redo["rows_total"], 150_000, "the orders too: {redo}");
}

#[test]
fn campaigns_match_explain_shortlist_and_train_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    assert_eq!(scout(&ws, &["demo"]).status.code(), Some(0));

    let spec = dir.path().join("spec.json");
    let example = scout(&ws, &["campaign", "example"]).stdout;
    let mut bad: Value = serde_json::from_slice(&example).unwrap();
    bad["name"] = "My launch".into();
    bad["commission"]["max"] = 9000.into();
    std::fs::write(&spec, bad.to_string()).unwrap();
    let out = scout(&ws, &["campaign", "create", spec.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "an impossible campaign fails");
    assert!(stderr(&out).contains("commission.max"), "naming the field: {}", stderr(&out));

    bad["commission"]["max"] = 2000.into();
    std::fs::write(&spec, bad.to_string()).unwrap();
    let out = scout(&ws, &["campaign", "create", spec.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = json(&out)["id"].as_i64().unwrap().to_string();

    let out = scout(&ws, &["match", &id, "--top", "3", "--explain", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = json(&out);
    assert_eq!(m["page"]["scored"], 2050);
    let rows = m["page"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "--top 3 shows three");
    let e = &m["explanations"][0];
    let sum: f64 = e["baseline"].as_f64().unwrap()
        + e["factors"].as_array().unwrap().iter().map(|f| f["points"].as_f64().unwrap()).sum::<f64>();
    assert!((sum - e["score"].as_f64().unwrap()).abs() < 1e-3, "explanation adds up");

    let handle = rows[0]["creator"]["handle"].as_str().unwrap().to_string();
    assert_eq!(scout(&ws, &["shortlist", "add", "My launch", &handle]).status.code(), Some(0));
    let list = json(&scout(&ws, &["shortlist", "list", "My launch", "--json"]));
    assert_eq!(list[0]["creator"]["handle"], handle.as_str());

    let out = scout(&ws, &["model", "train", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let model = json(&out);
    assert_eq!(
        model["evaluation"]["simulated"], true,
        "trained on the demo's simulated history, and says so"
    );
    let card = json(&scout(&ws, &["model", "show", "--json"]));
    assert_eq!(card["in_use"], Value::Null, "training alone does not switch models");
    let model_id = model["id"].as_i64().unwrap().to_string();
    assert_eq!(scout(&ws, &["model", "adopt", &model_id]).status.code(), Some(0));
    let m = json(&scout(&ws, &["match", &id, "--top", "1", "--json"]));
    assert_eq!(m["page"]["model_version"], model["model"]["version"], "the adopted model scores");
    assert_eq!(scout(&ws, &["model", "use-default"]).status.code(), Some(0));
    let m = json(&scout(&ws, &["match", &id, "--top", "1", "--json"]));
    assert_eq!(m["page"]["model_version"], "default-3", "and rolls back");
}

#[test]
fn offers_killed_mid_delivery_are_never_sent_twice() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let sink = SmtpSink::start_with(dir.path(), &SmtpOptions { slow_seconds: 4, login: None });
    let (campaign, queue) = queue_demo_email_offers(&ws, sink.port, 3);
    let again = scout(&ws, &queue);
    assert_eq!(again.status.code(), Some(1), "the same creators are not offered twice by accident");
    assert!(stderr(&again).contains("already has an offer"), "{}", stderr(&again));

    // Deliver, and kill the sender while the server holds the first message's DATA.
    let mut run = outbox_run_holding_data(&ws, &sink);
    run.kill().unwrap(); // SIGKILL, mid-delivery
    run.wait().unwrap();
    std::thread::sleep(Duration::from_secs(5)); // whatever the server makes of the half-finished message
    let first_arrived = sink.received().len();
    assert!(first_arrived <= 1, "at most the interrupted message arrived");

    let out = scout(&ws, &["outbox", "run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(report.contains("sent 2") && report.contains("need checking 1"), "{report}");
    let received = sink.received();
    assert_eq!(received.len(), 2 + first_arrived, "the interrupted offer was not sent again");
    let mut recipients: Vec<&str> = received.iter().map(|m| m["to"][0].as_str().unwrap()).collect();
    recipients.sort_unstable();
    recipients.dedup();
    assert_eq!(recipients.len(), received.len(), "no creator got a message twice");
    let offers = json(&scout(&ws, &["offers", "list", campaign, "--json"]));
    let states: Vec<&str> = offers.as_array().unwrap().iter().map(|o| o["state"].as_str().unwrap()).collect();
    assert_eq!(
        states,
        ["needs_check", "sent", "sent"],
        "the interrupted offer waits for the seller to check"
    );
}

#[test]
fn a_second_outbox_run_leaves_the_first_ones_offer_in_flight_alone() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    // The server holds the first message's DATA for ten seconds: the first run (the window's worker,
    // say) is mid-delivery while a second one starts.
    let sink = SmtpSink::start_with(dir.path(), &SmtpOptions { slow_seconds: 10, login: None });
    let (campaign, _) = queue_demo_email_offers(&ws, sink.port, 2);
    let mut first = outbox_run_holding_data(&ws, &sink);
    let second = scout(&ws, &["outbox", "run"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let said = String::from_utf8_lossy(&second.stdout).to_string();
    assert!(said.contains("sent 0") && said.contains("another Scout"), "{said}");
    let recover = scout(&ws, &["outbox", "recover"]);
    assert_eq!(recover.status.code(), Some(1), "recovery is refused while the first run delivers");
    assert!(stderr(&recover).contains("another Scout"), "{}", stderr(&recover));
    let offers = json(&scout(&ws, &["offers", "list", campaign, "--json"]));
    let states: Vec<&str> = offers.as_array().unwrap().iter().map(|o| o["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["sending", "queued"], "the first run's offer in flight is left alone");

    assert!(first.wait().unwrap().success(), "the first run finishes");
    let offers = json(&scout(&ws, &["offers", "list", campaign, "--json"]));
    let states: Vec<&str> = offers.as_array().unwrap().iter().map(|o| o["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["sent", "sent"], "and sends everything once");
    assert_eq!(sink.received().len(), 2);
}

/// `scout outbox run` started in the background, returned once the server holds its first message.
fn outbox_run_holding_data(ws: &Path, sink: &SmtpSink) -> std::process::Child {
    let run =
        Command::new(SCOUT).arg("--workspace").arg(ws).args(["--quiet", "outbox", "run"]).spawn().unwrap();
    let started = Instant::now();
    while sink.data_started() == 0 {
        assert!(started.elapsed() < Duration::from_secs(30), "delivery starts");
        std::thread::sleep(Duration::from_millis(20));
    }
    run
}

/// A demo workspace with an e-mail account at `port` and e-mail offers queued to its best `n` matches
/// that have an address. Returns the campaign's name and the queue command's arguments.
fn queue_demo_email_offers(ws: &Path, port: u16, n: usize) -> (&'static str, [&'static str; 8]) {
    assert_eq!(scout(ws, &["demo"]).status.code(), Some(0));
    assert_eq!(scout(ws, &["settings", "seller", "--name", "Glow Labs"]).status.code(), Some(0));
    let port = port.to_string();
    let email = [
        "settings",
        "email",
        "--host",
        "127.0.0.1",
        "--port",
        &port,
        "--security",
        "plain-local",
        "--from-name",
        "Glow Labs",
        "--from-address",
        "partners@glowlabs.example",
        "--postal-address",
        "12 Market St, Springfield",
        "--unsubscribe-mailto",
        "mailto:optout@glowlabs.example",
        "--interval-ms",
        "50",
    ];
    assert_eq!(scout(ws, &email).status.code(), Some(0), "the e-mail account is saved");
    let campaign = "Example: Glow serum launch";
    let top_n = n.to_string();
    let top = json(&scout(ws, &["match", campaign, "--top", &top_n, "--has-contact", "--json"]));
    // By id: the demo's best matches are not all on TikTok, and a bare handle means a TikTok one.
    let ids: Vec<String> =
        top["page"]["rows"].as_array().unwrap().iter().map(|r| r["creator"]["id"].to_string()).collect();
    let mut add = vec!["shortlist", "add", campaign];
    add.extend(ids.iter().map(String::as_str));
    assert_eq!(scout(ws, &add).status.code(), Some(0));
    let queue =
        ["offers", "queue", campaign, "--commission", "18", "--free-sample", "--valid-until", "2099-12-31"];
    let out = scout(ws, &queue);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (campaign, queue)
}

#[test]
fn tiktok_connect_queue_deliver_and_sync_from_the_command_line() {
    if !scout_testkit::keychain_tests_enabled("tiktok_connect_queue_deliver_and_sync_from_the_command_line") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let app_key = format!("cli-app-{}", std::process::id());
    let api = scout_testkit::FakeTiktokApi::start_with(&scout_testkit::FakeTiktokOptions {
        app_key: app_key.clone(),
        ..scout_testkit::FakeTiktokOptions::scenario("ok")
    });
    let creators = dir.path().join("creators.csv");
    std::fs::write(
        &creators,
        "username,open_id,followers\nanna,oid-anna,1000\nben,oid-ben,2000\ncem,oid-cem,3000\n",
    )
    .unwrap();
    assert_eq!(scout(&ws, &["import", creators.to_str().unwrap()]).status.code(), Some(0));
    let mut spec: Value =
        serde_json::from_str(include_str!("../../../fixtures/campaigns/example.json")).unwrap();
    spec["product"]["tiktok_product_id"] = "1729000000000000001".into();
    let spec_path = dir.path().join("campaign.json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    assert_eq!(scout(&ws, &["campaign", "create", spec_path.to_str().unwrap()]).status.code(), Some(0));
    let campaign = "Example: Glow serum launch";
    assert_eq!(scout(&ws, &["shortlist", "add", campaign, "@anna", "@ben", "@cem"]).status.code(), Some(0));
    assert_eq!(scout(&ws, &["settings", "seller", "--name", "Glow Labs"]).status.code(), Some(0));

    let base = api.base_url();
    let connect = tiktok_connect(&app_key, "cipher-cli", &base);
    let connect: Vec<&str> = connect.iter().map(String::as_str).collect();
    let out = scout(&ws, &connect);
    assert_eq!(out.status.code(), Some(1), "the app secret only comes from stdin");
    let mut with_stdin = connect.clone();
    with_stdin.push("--app-secret-stdin");
    let out = scout_with_stdin(&ws, &with_stdin, &format!("{}\n", scout_testkit::FAKE_TIKTOK_APP_SECRET));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(shown.contains("connected") && shown.contains("outreach quota: 200 of 200"), "{shown}");
    assert!(!shown.contains(scout_testkit::FAKE_TIKTOK_APP_SECRET), "the secret is never shown");

    let template = dir.path().join("template.json");
    std::fs::write(&template, r#"{"subject": "{{ product.name }}", "body": "Try {{ product.name }}: {{ offer.commission }} commission. {{ seller.name }}"}"#).unwrap();
    let queue = [
        "offers",
        "queue",
        campaign,
        "--channel",
        "tiktok",
        "--commission",
        "15",
        "--free-sample",
        "--valid-until",
        "2099-12-31",
        "--template",
        template.to_str().unwrap(),
    ];
    let out = scout(&ws, &queue);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = scout(&ws, &["outbox", "run", "--channel", "tiktok"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(report.contains("sent 3, failed 0"), "{report}");
    assert_eq!(
        api.requests_to("POST", "/affiliate_seller/202508/target_collaborations").len(),
        1,
        "one call"
    );

    api.set_creator_status("oid-ben", "ACCEPTED");
    let out = scout(&ws, &["tiktok", "sync", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sync = json(&out);
    assert_eq!((sync["collaborations"].as_u64(), sync["moved"].as_u64()), (Some(1), Some(1)), "{sync}");
    let board = json(&scout(&ws, &["pipeline", "list", campaign, "--json"]));
    let ben = board.as_array().unwrap().iter().find(|r| r["handle"] == "ben").unwrap();
    assert_eq!(ben["stage"], "agreed", "{board}");

    let status = json(&scout(&ws, &["tiktok", "status", "--json"]));
    assert_eq!(status["connected"], true, "{status}");
    assert_eq!(scout(&ws, &["tiktok", "disconnect"]).status.code(), Some(0));
    assert_eq!(json(&scout(&ws, &["tiktok", "status", "--json"]))["connected"], false);
}

#[test]
fn the_creator_marketplace_is_searched_collected_and_read_from_the_command_line() {
    if !scout_testkit::keychain_tests_enabled("the_creator_marketplace_is_searched_collected_and_read") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let out = scout(&ws, &["tiktok", "creators", "search"]);
    assert_eq!(out.status.code(), Some(1), "not connected yet");
    assert!(stderr(&out).contains("connect it in Settings"), "{}", stderr(&out));

    let app_key = format!("cli-market-{}", std::process::id());
    let api = scout_testkit::FakeTiktokApi::start_with(&scout_testkit::FakeTiktokOptions {
        app_key: app_key.clone(),
        ..scout_testkit::FakeTiktokOptions::scenario("ok")
    });
    let base = api.base_url();
    let mut connect = tiktok_connect(&app_key, "cipher-cli-market", &base);
    connect.push("--app-secret-stdin".into());
    let connect: Vec<&str> = connect.iter().map(String::as_str).collect();
    let out = scout_with_stdin(&ws, &connect, &format!("{}\n", scout_testkit::FAKE_TIKTOK_APP_SECRET));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Two pages of a filtered search.
    let search = ["tiktok", "creators", "search", "--category", "601450", "--min-followers", "50000"];
    let out = scout(&ws, &[&search[..], &["--pages", "2", "--json"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = json(&out);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 40);
    assert!(rows.iter().all(|r| r["followers"].as_u64().unwrap() >= 50_000));
    let body = &api.requests_to("POST", "/affiliate_seller/202608/marketplace_creators/search")[0]["body"];
    assert_eq!(body["category"][0]["parent_category_id"], "601450", "{body}");

    // Every creator of the category, past the ceiling, none twice; the budget counts every request.
    let out = scout(&ws, &["tiktok", "creators", "search", "--category", "601450", "--all", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = json(&out);
    let ids: std::collections::BTreeSet<&str> =
        all.as_array().unwrap().iter().map(|r| r["open_id"].as_str().unwrap()).collect();
    assert!(ids.len() > 400 && ids.len() == all.as_array().unwrap().len(), "{} creators", ids.len());
    // Added to the workspace as one import keyed by open id; adding again changes nothing.
    let add = ["tiktok", "creators", "search", "--category", "601450", "--min-followers", "1000000", "--add"];
    let out = scout(&ws, &add);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("created, 0 updated"), "{}", stderr(&out));
    let listed = json(&scout(&ws, &["creators", "list", "--json", "--limit", "100"]));
    let added = listed["total"].as_u64().unwrap();
    assert!(added > 0 && added <= 20, "{listed}");
    let again = scout(&ws, &add);
    assert!(
        stderr(&again).contains(&format!("0 created, 0 updated, {added} unchanged")),
        "{}",
        stderr(&again)
    );
    // Their full profiles: every one fetched once, a second run fetching none.
    let out = scout(&ws, &["tiktok", "creators", "enrich", "--all", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["fetched"].as_u64(), Some(added), "{}", String::from_utf8_lossy(&out.stdout));
    let campaign = dir.path().join("campaign.json");
    std::fs::write(&campaign, include_str!("../../../fixtures/campaigns/example.json")).unwrap();
    assert_eq!(scout(&ws, &["campaign", "create", campaign.to_str().unwrap()]).status.code(), Some(0));
    let top =
        ["tiktok", "creators", "enrich", "--campaign", "Example: Glow serum launch", "--top", "3", "--json"];
    let top = json(&scout(&ws, &top));
    assert_eq!((top["asked"].as_u64(), top["skipped_fresh"].as_u64()), (Some(3), Some(3)), "{top}");
    let again = json(&scout(&ws, &["tiktok", "creators", "enrich", "--all", "--json"]));
    assert_eq!((again["fetched"].as_u64(), again["skipped_fresh"].as_u64()), (Some(0), Some(added)));
    let stale = scout(&ws, &["tiktok", "creators", "enrich", "--stale"]);
    assert_eq!(stale.status.code(), Some(0), "{}", stderr(&stale));
    assert!(
        String::from_utf8_lossy(&stale.stdout).contains("nothing to refresh"),
        "profiles of today are fresh"
    );
    let batches = json(&scout(&ws, &["batches", "--json"]));
    assert!(batches.to_string().contains("TikTok Shop marketplace"), "{batches}");
    let budget = json(&scout(&ws, &["tiktok", "creators", "budget", "--json"]));
    let searches = api.requests_to("POST", "/affiliate_seller/202608/marketplace_creators/search").len();
    assert_eq!(budget["used"].as_u64(), Some(searches as u64), "{budget}");
    assert_eq!(budget["left"].as_u64(), Some(10_000 - searches as u64));

    let out = scout(&ws, &["tiktok", "creators", "show", "mk-00007"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains("followers by age: 18-24") && text.contains("sample score:"), "{text}");
}

#[test]
fn results_sync_fetches_the_last_days_of_orders_from_tiktok_shop() {
    if !scout_testkit::keychain_tests_enabled("results_sync_fetches_the_last_days_of_orders") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let out = scout(&ws, &["results", "sync"]);
    assert_eq!(out.status.code(), Some(1), "not connected yet");
    assert!(stderr(&out).contains("connect it in Settings"), "{}", stderr(&out));

    // The fake's sample orders span the four days after its anchor: five days ago puts them all in
    // the last 30 days.
    let app_key = format!("cli-orders-{}", std::process::id());
    let anchor = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
        - 5 * 86_400;
    let api = scout_testkit::FakeTiktokApi::start_with(&scout_testkit::FakeTiktokOptions {
        app_key: app_key.clone(),
        orders_anchor: Some(anchor),
        ..scout_testkit::FakeTiktokOptions::scenario("ok")
    });
    let base = api.base_url();
    let mut connect = tiktok_connect(&app_key, "cipher-cli-orders", &base);
    connect.push("--app-secret-stdin".into());
    let connect: Vec<&str> = connect.iter().map(String::as_str).collect();
    let out = scout_with_stdin(&ws, &connect, &format!("{}\n", scout_testkit::FAKE_TIKTOK_APP_SECRET));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = scout(&ws, &["results", "sync", "--json"]);
    assert_eq!(out.status.code(), Some(3), "an order was rejected, as for a file: {}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["file_name"], "TikTok Shop API");
    assert_eq!((r["created"].as_u64(), r["rejected"].as_u64()), (Some(7), Some(1)), "{r}");
    let body = &api.requests_to("POST", "/affiliate_seller/202410/orders/search")[0]["body"];
    let span = body["create_time_lt"].as_i64().unwrap() - body["create_time_ge"].as_i64().unwrap();
    assert_eq!(span, 30 * 86_400, "--days defaults to 30: {body}");

    let out = scout(&ws, &["results", "sync", "--days", "10"]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        text.contains("TikTok Shop API: 8 rows in ")
            && text.contains("— 0 created, 0 updated, 7 unchanged, 1 rejected"),
        "{text}"
    );
    assert!(text.contains("order 7: rejected: order 576000000000000007: skipped:"), "{text}");
    let usd = json(&scout(&ws, &["results", "report", "--json"]));
    assert_eq!(usd["currencies"][0]["total"]["ledger"]["gmv"], 16_945, "{usd}");
}

#[test]
fn a_reader_that_stops_early_ends_the_listing_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let demo = scout_testkit::fixtures().join("demo/creators-demo.csv");
    assert_eq!(scout(&ws, &["import", demo.to_str().unwrap()]).status.code(), Some(0));
    let mut child = Command::new(SCOUT)
        .args(["--workspace", ws.to_str().unwrap(), "creators", "list", "--limit", "1000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first)
        .unwrap();
    assert!(first.contains("handle"), "{first}"); // the pipe is closed here, like `| head -1`
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "ends quietly: {err}");
}

#[test]
fn fixtures_write_synthetic_results_exports_with_exactly_the_rows_asked() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    let run = |args: &[&str], out: &Path| {
        Command::new(SCOUT)
            .args(["fixtures"])
            .args(args)
            .args(["--until", "2026-11-15", "--out"])
            .arg(out)
            .output()
            .unwrap()
    };
    let out = run(&["orders", "--rows", "1234", "--seed", "3", "--language", "es"], &orders);
    assert!(out.status.success(), "orders are written: {}", stderr(&out));
    let text = std::fs::read_to_string(&orders).unwrap();
    assert!(text.starts_with("ID del pedido,ID del producto,"), "a Spanish header");
    assert_eq!(text.lines().count(), 1 + 1234, "one header and 1,234 lines");
    let again = dir.path().join("again.csv");
    run(&["orders", "--rows", "1234", "--seed", "3", "--language", "es"], &again);
    assert_eq!(std::fs::read(&again).unwrap(), text.as_bytes(), "the same seed gives the same file");

    let videos = dir.path().join("videos.xlsx");
    let out = run(&["videos", "--collaborations", "30"], &videos);
    assert!(out.status.success(), "videos are written: {}", stderr(&out));
    assert!(std::fs::read(&videos).unwrap().starts_with(b"PK"), "an XLSX workbook by the extension");

    let out = run(&["orders", "--rows", "2000000", "--format", "xlsx"], &dir.path().join("big.xlsx"));
    assert_eq!(out.status.code(), Some(1), "two million lines do not fit in one sheet");
    assert!(stderr(&out).contains("write CSV"), "and the error says what to do: {}", stderr(&out));
}

#[test]
fn import_reports_the_platform_it_used_and_takes_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let ig = dir.path().join("list.csv");
    std::fs::write(&ig, "Instagram name,Name,Followers\ncristiano,Cristiano,519.9M\n").unwrap();
    let out = scout(&ws, &["import", ig.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains("platform: instagram (from the header 'Instagram name'"), "{text}");
    let shown = scout(&ws, &["creators", "show", "cristiano", "--platform", "instagram"]);
    assert_eq!(shown.status.code(), Some(0), "stored as an Instagram creator: {}", stderr(&shown));

    let mixed = dir.path().join("tiktok_mixed.csv");
    std::fs::write(&mixed, "Instagram name,Followers\nsomeone,1200\n").unwrap();
    let refused = scout(&ws, &["import", mixed.to_str().unwrap()]);
    assert_ne!(refused.status.code(), Some(0), "two platforms named: not guessed");
    assert!(stderr(&refused).contains("more than one platform"), "{}", stderr(&refused));
    let chosen = scout(&ws, &["import", mixed.to_str().unwrap(), "--platform", "instagram", "--json"]);
    assert_eq!(json(&chosen)["platform"]["platform"], "instagram", "{}", stderr(&chosen));
    let bad = scout(&ws, &["import", mixed.to_str().unwrap(), "--platform", "myspace"]);
    assert!(stderr(&bad).contains("--platform"), "{}", stderr(&bad));
}

#[test]
fn creators_are_tagged_and_hidden_by_filter_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let file = dir.path().join("list.csv");
    std::fs::write(&file, "handle,followers,country\nann,1000,US\nbob,2000,US\ncy,3000,GB\n").unwrap();
    assert_eq!(scout(&ws, &["import", file.to_str().unwrap()]).status.code(), Some(0));
    let out = scout(&ws, &["creators", "tag", "us picks", "--country", "US"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let tagged = json(&scout(&ws, &["creators", "list", "--tag", "us picks", "--json"]));
    assert_eq!(tagged["total"], 2, "{tagged}");
    assert_eq!(scout(&ws, &["creators", "hide", "--max-followers", "1500"]).status.code(), Some(0));
    assert_eq!(json(&scout(&ws, &["creators", "list", "--json"]))["total"], 2, "ann is hidden");
    assert_eq!(json(&scout(&ws, &["creators", "list", "--include-hidden", "--json"]))["total"], 3);
}
