//! `scout backup` end to end: create, list, verify; a restore after the workspace file was damaged on
//! purpose; a refusal to restore without --yes when no one can be asked; and a backup killed hard
//! (SIGKILL) part-way that leaves the workspace as it was and no backup listed, its leftovers removed by
//! the next one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{json, scout, stderr, SCOUT};

fn creators(ws: &Path) -> Value {
    json(&scout(ws, &["creators", "list", "--json", "--limit", "1"]))["total"].clone()
}

fn import_demo(ws: &Path) {
    let demo = scout_testkit::fixtures().join("demo/creators-demo.csv");
    let out = scout(ws, &["import", demo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_damaged_workspace_is_restored_from_a_backup_after_saying_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    import_demo(&ws);
    let made = json(&scout(&ws, &["backup", "create", "--json"]));
    assert_eq!(made["summary"]["creators"], 2000, "{made}");
    assert_eq!(made["summary"]["kind"], "manual");
    let file = made["path"].as_str().unwrap().to_string();
    assert!(file.starts_with(dir.path().join("backups").to_str().unwrap()), "beside the workspace: {file}");
    let listed = json(&scout(&ws, &["backup", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let verified = scout(&ws, &["backup", "verify", &file]);
    assert_eq!(verified.status.code(), Some(0), "{}", stderr(&verified));
    assert!(String::from_utf8_lossy(&verified.stdout).contains("2000 creators"), "verify says what it holds");

    // The workspace file damaged on purpose: its creators' pages overwritten.
    let mut bytes = std::fs::read(&ws).unwrap();
    let end = bytes.len().min(60 * 4096);
    bytes[8 * 4096..end].fill(0x5A);
    std::fs::write(&ws, &bytes).unwrap();
    assert_ne!(scout(&ws, &["creators", "list", "--limit", "1"]).status.code(), Some(0), "the damage shows");

    let asked = scout(&ws, &["backup", "restore", &file]);
    assert_eq!(asked.status.code(), Some(1), "no terminal to ask and no --yes: refused");
    assert!(
        stderr(&asked).contains("2000 creators") && stderr(&asked).contains("--yes"),
        "{}",
        stderr(&asked)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), bytes, "a refused restore changes nothing");

    let restored = scout(&ws, &["backup", "restore", &file, "--yes", "--json"]);
    assert_eq!(restored.status.code(), Some(0), "{}", stderr(&restored));
    let report = json(&restored);
    assert_eq!(report["restored"]["creators"], 2000);
    let kept = PathBuf::from(report["damaged_copy"].as_str().expect("the damaged file is kept"));
    assert_eq!(std::fs::read(&kept).unwrap(), bytes, "as it was");
    assert_eq!(creators(&ws), 2000, "the backup's creators are back");

    let bad = dir.path().join("not-a-backup.scout-backup");
    std::fs::write(&bad, b"hello").unwrap();
    let refused = scout(&ws, &["backup", "verify", bad.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("not-a-backup.scout-backup"),
        "the error names the file: {}",
        stderr(&refused)
    );
}

#[test]
fn a_backup_killed_part_way_leaves_the_workspace_and_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.scout");
    let big = dir.path().join("big.csv");
    let gen = Command::new(SCOUT)
        .args(["fixtures", "creators", "--count", "100000", "--seed", "5", "--out"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(gen.status.success(), "{}", stderr(&gen));
    let out = scout(&ws, &["import", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = std::fs::read(&ws).unwrap();
    let folder = dir.path().join("backups");

    let mut child = Command::new(SCOUT)
        .arg("--workspace")
        .arg(&ws)
        .args(["--quiet", "backup", "create"])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let partial = |folder: &Path| {
        std::fs::read_dir(folder).ok().is_some_and(|entries| {
            entries.filter_map(Result::ok).any(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        })
    };
    let started = Instant::now();
    while !partial(&folder) {
        assert!(child.try_wait().unwrap().is_none(), "the backup is still running when killed");
        assert!(started.elapsed() < Duration::from_secs(60), "the backup starts within a minute");
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_millis(30)); // part-way through its copy
    assert!(child.try_wait().unwrap().is_none(), "the backup is still running when killed");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    assert_eq!(std::fs::read(&ws).unwrap(), before, "the workspace file is untouched");
    let listed = json(&scout(&ws, &["backup", "list", "--json"]));
    assert_eq!(listed, serde_json::json!([]), "no half backup is listed");
    assert_eq!(creators(&ws), 100_000);

    let next = json(&scout(&ws, &["backup", "create", "--json"]));
    assert_eq!(next["summary"]["creators"], 100_000);
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left.len(), 1, "the killed backup's partial and lock files are gone: {left:?}");
    assert!(left[0].ends_with(".scout-backup"));
}
