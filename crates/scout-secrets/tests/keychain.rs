//! The keychain for real. On Linux the round trips talk to a running Secret Service (GNOME Keyring under
//! `scripts/with-keyring.sh`, which sets SCOUT_KEYRING_TESTS=1); they run whenever that or CI is set —
//! and then fail rather than skip when no keychain answers — and otherwise skip with a notice, so a
//! developer's plain `cargo test` never writes to their own keyring. The unreachable case needs no
//! keychain: it runs this binary again as a child with a session bus address that leads nowhere
//! (environment variables are process-wide, so it cannot be set in this process).

use scout_secrets::{Keychain, Secret, SecretKey, SecretsError};
use scout_testkit::{keychain_tests_enabled, test_keychain_service};
use std::process::Command;

fn test_keychain() -> Keychain {
    Keychain::with_service(test_keychain_service())
}

#[test]
fn a_secret_round_trips_through_the_system_keychain() {
    if !keychain_tests_enabled("a_secret_round_trips_through_the_system_keychain") {
        return;
    }
    let keychain = test_keychain();
    keychain.probe().expect("the keychain is reachable under with-keyring.sh");
    let key = SecretKey::smtp_password("anna@shop.example", "smtp.example.com");
    let other = SecretKey::tiktok_tokens("6abc", "ROW_shop1");

    assert!(keychain.get(&key).expect("read").is_none(), "a fresh service has no entry");
    keychain.set(&key, &Secret::new("first pässword ✓")).expect("save");
    assert_eq!(
        keychain.get(&key).expect("read").as_ref().map(Secret::expose),
        Some("first pässword ✓"),
        "the saved secret reads back unchanged, non-ASCII included"
    );

    keychain.set(&key, &Secret::new("second")).expect("overwrite");
    assert_eq!(
        keychain.get(&key).expect("read").as_ref().map(Secret::expose),
        Some("second"),
        "saving again replaces the secret"
    );
    assert!(keychain.get(&other).expect("read").is_none(), "another key is a separate entry");

    assert!(keychain.delete(&key).expect("delete"), "deleting an existing entry reports true");
    assert!(keychain.get(&key).expect("read").is_none(), "a deleted entry reads as absent");
    assert!(!keychain.delete(&key).expect("delete again"), "deleting an absent entry reports false");
}

#[test]
fn the_entry_lives_in_the_secret_service_under_scouts_names() {
    if !keychain_tests_enabled("the_entry_lives_in_the_secret_service_under_scouts_names") {
        return;
    }
    if !cfg!(target_os = "linux") {
        return;
    }
    // Read back with libsecret's own tool (another process, another client library): proves the value
    // is in the Secret Service itself, under service = Scout's name and username = the key's account.
    let keychain = test_keychain();
    let key = SecretKey::tiktok_app_secret("6app-key");
    keychain.set(&key, &Secret::new("app-secret-value")).expect("save");
    let out = Command::new("secret-tool")
        .args(["lookup", "service", keychain.service(), "username", "tiktok-app-secret:6app-key"])
        .output()
        .expect("secret-tool runs (package libsecret-tools, installed by scripts/setup.sh)");
    keychain.delete(&key).expect("clean up");
    assert!(out.status.success(), "secret-tool finds the entry: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "app-secret-value", "secret-tool reads the same value");
}

#[tokio::test]
async fn the_async_calls_round_trip_off_the_runtime() {
    if !keychain_tests_enabled("the_async_calls_round_trip_off_the_runtime") {
        return;
    }
    let keychain = test_keychain();
    let key = SecretKey::tiktok_app_secret("6async");
    keychain.probe_async().await.expect("reachable");
    keychain.set_async(key.clone(), Secret::new("s3")).await.expect("save");
    let got = keychain.get_async(key.clone()).await.expect("read");
    assert_eq!(got.as_ref().map(Secret::expose), Some("s3"), "the async read sees the async write");
    assert!(keychain.delete_async(key.clone()).await.expect("delete"), "the entry existed");
    assert!(keychain.get_async(key).await.expect("read").is_none(), "and is gone");
}

const CHILD: &str = "SCOUT_SECRETS_UNREACHABLE_CHILD";
const CHILD_SECRET: &str = "child-secret-hunter2";

/// Runs only as the child of `an_unreachable_keychain_is_reported_plainly_and_nothing_falls_back`.
#[test]
fn unreachable_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let keychain = test_keychain();
    let key = SecretKey::smtp_password("anna", "smtp.example.com");
    let results: [(&str, Result<(), SecretsError>); 4] = [
        ("probe", keychain.probe()),
        ("get", keychain.get(&key).map(|_| ())),
        ("set", keychain.set(&key, &Secret::new(CHILD_SECRET))),
        ("delete", keychain.delete(&key).map(|_| ())),
    ];
    for (call, result) in results {
        let err = result.expect_err("nothing answers at the session bus address");
        assert!(matches!(err, SecretsError::Unreachable { .. }), "{call}: Unreachable expected, got {err:?}");
        let (text, debug) = (err.to_string(), format!("{err:?}"));
        assert!(
            !text.contains(CHILD_SECRET) && !debug.contains(CHILD_SECRET),
            "{call}: secret leaked: {debug}"
        );
        println!("[child] {call}: {text}");
    }
}

#[test]
fn an_unreachable_keychain_is_reported_plainly_and_nothing_falls_back() {
    if !cfg!(target_os = "linux") {
        return; // a session bus address only means something to the Secret Service
    }
    let out = Command::new(std::env::current_exe().expect("the test binary's path"))
        .args(["--exact", "unreachable_child", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
        .output()
        .expect("the child test runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the child's checks pass:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for call in ["probe", "get", "set", "delete"] {
        // The test harness may print "test unreachable_child ... " before the first line.
        let marker = format!("[child] {call}: ");
        let line = stdout
            .lines()
            .find_map(|l| l.find(&marker).map(|at| &l[at + marker.len()..]))
            .unwrap_or_else(|| panic!("the child reports {call}:\n{stdout}"));
        assert!(line.contains("Scout cannot reach the system keychain"), "{call} says what is wrong: {line}");
        assert!(line.contains("GNOME Keyring or KWallet"), "{call} names what must run: {line}");
        assert!(line.contains("running and unlocked"), "{call} says it must run unlocked: {line}");
        assert!(
            line.contains("never in its database or anywhere else"),
            "{call} rules out a fallback: {line}"
        );
        assert!(line.contains("try again"), "{call} says what to do: {line}");
        assert!(!line.contains(CHILD_SECRET), "{call} never shows the secret: {line}");
    }
    eprintln!("{}", stdout.lines().find(|l| l.contains("[child] set: ")).unwrap_or_default());
}
