//! What every `scout` end-to-end test needs: running the binary on a workspace, reading its JSON and
//! errors, and connecting a workspace to the fake TikTok Shop API.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const SCOUT: &str = env!("CARGO_BIN_EXE_scout");

/// `scout --workspace WS --quiet ARGS…`, run to the end.
pub fn scout(ws: &Path, args: &[&str]) -> Output {
    Command::new(SCOUT)
        .arg("--workspace")
        .arg(ws)
        .arg("--quiet")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("scout runs")
}

/// `scout` started in the background (to be killed, or waited for).
pub fn spawn_scout(ws: &Path, args: &[&str]) -> std::process::Child {
    Command::new(SCOUT)
        .arg("--workspace")
        .arg(ws)
        .arg("--quiet")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("scout starts")
}

/// `scout` with `stdin` on standard input.
pub fn scout_with_stdin(ws: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(SCOUT)
        .arg("--workspace")
        .arg(ws)
        .arg("--quiet")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

pub fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("JSON on stdout ({e}): {} / {}", String::from_utf8_lossy(&out.stdout), stderr(out))
    })
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `scout tiktok connect` against the fake API at `base`, without the app secret.
pub fn tiktok_connect(app_key: &str, shop_cipher: &str, base: &str) -> Vec<String> {
    let args = ["tiktok", "connect", "--app-key", app_key, "--shop-cipher", shop_cipher, "--api-base", base];
    let rest =
        ["--auth-base", base, "--auth-code", scout_testkit::FAKE_TIKTOK_AUTH_CODE, "--interval-ms", "0"];
    args.iter().chain(&rest).map(|a| (*a).to_string()).collect()
}

/// A fake TikTok Shop API in `scenario`, with the workspace at `ws` connected to it.
pub fn connected_to_fake(ws: &Path, test: &str, scenario: &str) -> scout_testkit::FakeTiktokApi {
    let app_key = format!("cli-{test}-{}", std::process::id());
    let api = scout_testkit::FakeTiktokApi::start_with(&scout_testkit::FakeTiktokOptions {
        app_key: app_key.clone(),
        ..scout_testkit::FakeTiktokOptions::scenario(scenario)
    });
    let mut connect = tiktok_connect(&app_key, &format!("cipher-{test}"), &api.base_url());
    connect.push("--app-secret-stdin".into());
    let connect: Vec<&str> = connect.iter().map(String::as_str).collect();
    let out = scout_with_stdin(ws, &connect, &format!("{}\n", scout_testkit::FAKE_TIKTOK_APP_SECRET));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    api
}
