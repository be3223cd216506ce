//! Test-only helpers shared by Scout's test suites: real peer processes on loopback, started and
//! stopped around a test. [`SmtpSink`] runs `fixtures/smtp/smtp_sink.py` (aiosmtpd), a real SMTP server
//! that records every message it accepts; [`FakeTiktokApi`] runs `fixtures/tiktok/fake_tiktok_api.py`;
//! the keychain tests' gate and service name. Used as a dev-dependency only.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod tiktok;
pub use tiktok::*;

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A Python 3 that can import `module` (scripts/setup.sh installs the Debian packages).
pub fn python_with(module: &str) -> &'static str {
    ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .args(["-c", &format!("import {module}")])
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .unwrap_or_else(|| panic!("python3 with {module} is needed (scripts/setup.sh installs it)"))
}

/// How the SMTP server behaves.
#[derive(Debug, Clone, Default)]
pub struct SmtpOptions {
    /// The first message's DATA is answered only after this many seconds.
    pub slow_seconds: u32,
    /// Require SMTP AUTH with exactly this user and password.
    pub login: Option<(String, String)>,
}

/// A real SMTP server (aiosmtpd) on a free loopback port, recording what it receives; stopped on drop.
#[derive(Debug)]
pub struct SmtpSink {
    child: Child,
    pub port: u16,
    out: PathBuf,
}

impl SmtpSink {
    /// Starts a server that accepts everything, writing into `dir`.
    pub fn start(dir: &Path) -> SmtpSink {
        SmtpSink::start_with(dir, &SmtpOptions::default())
    }

    pub fn start_with(dir: &Path, options: &SmtpOptions) -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let out = dir.join(format!("received-{port}.jsonl"));
        let mut command = Command::new(python_with("aiosmtpd"));
        command
            .arg(fixtures().join("smtp/smtp_sink.py"))
            .arg(port.to_string())
            .arg(&out)
            .arg(options.slow_seconds.to_string());
        if let Some((user, password)) = &options.login {
            command.arg(format!("{user}:{password}"));
        }
        let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server started");
        SmtpSink { child, port, out }
    }

    /// Every message received so far: `{from, to, data, login}`.
    pub fn received(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// How many messages' DATA began (including one still being answered slowly).
    pub fn data_started(&self) -> usize {
        std::fs::read_to_string(format!("{}.log", self.out.display())).unwrap_or_default().lines().count()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether tests that need a real system keychain run: under `scripts/with-keyring.sh` (which sets
/// SCOUT_KEYRING_TESTS) or on CI they run, and fail rather than skip when no keychain answers;
/// otherwise they skip with a notice, so a developer's plain `cargo test` never writes to their keyring.
pub fn keychain_tests_enabled(test: &str) -> bool {
    let set = |name: &str| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    if set("SCOUT_KEYRING_TESTS") || set("CI") {
        return true;
    }
    // Straight to stderr, past the test harness's capture, so the skip is seen.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "notice: {test} skipped: it needs a real system keychain; run the tests under \
         `scripts/with-keyring.sh` (CI always does)"
    );
    false
}

/// Whether tests must fail without the real data, from `CI` and `SCOUT_REAL_DATA` (see
/// [`real_creator_list`]).
fn real_data_required(ci: Option<&str>, real_data: Option<&str>) -> bool {
    match real_data {
        Some("required") => true,
        Some("optional") => false,
        _ => ci.is_some_and(|v| !v.is_empty() && v != "0" && v != "false"),
    }
}

/// The real, licence-unknown creator list beside the checkout (`../shared/data/real/`, never committed),
/// for tests that must run on real data. When it is not there: on the project's CI (`CI` set) the test
/// fails, since that CI must run it — unless `SCOUT_REAL_DATA=optional` (a GitHub clone, which never has
/// it; `SCOUT_REAL_DATA=required` requires it anywhere); elsewhere (a plain clone) the test is skipped
/// with one visible line saying what it needs.
pub fn real_creator_list(test: &str) -> Option<PathBuf> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/real/tiktok_top1000_dec2022.csv");
    if path.exists() {
        return Some(path);
    }
    let required = real_data_required(
        std::env::var("CI").ok().as_deref(),
        std::env::var("SCOUT_REAL_DATA").ok().as_deref(),
    );
    assert!(
        !required,
        "{test}: the real creator list {} is required here (CI, or SCOUT_REAL_DATA)",
        path.display()
    );
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "notice: {test} skipped: it needs the real creator list at {} (not part of the repository)",
        path.display()
    );
    None
}

/// A keychain service name of the tests' own, unique per process, so a seller's entries are never
/// touched and two runs never share entries.
pub fn test_keychain_service() -> String {
    format!("app.scout.test.{}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::real_data_required;

    #[test]
    fn the_real_data_is_required_on_ci_unless_said_optional() {
        assert!(real_data_required(Some("true"), None));
        assert!(!real_data_required(Some("true"), Some("optional")), "a GitHub clone");
        assert!(!real_data_required(None, None) && !real_data_required(Some("false"), None));
        assert!(real_data_required(None, Some("required")));
    }
}
