//! Started without a desktop session, the app says so in one line and exits non-zero instead of
//! panicking inside GTK.
#![allow(clippy::unwrap_used)]

#[cfg(target_os = "linux")]
#[test]
fn without_a_display_the_app_says_so_in_one_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scout-desktop"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a non-zero exit, not a panic (101) or a crash");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "no display found: Scout's window needs a desktop session; the `scout` command works without one",
        "one clear line"
    );
}
