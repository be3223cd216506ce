//! Updates end to end (decision 0021): the debug build is pointed at a release server on loopback
//! (`SCOUT_UPDATE_ENDPOINT`) and the test-only key (`SCOUT_UPDATE_PUBKEY`, fixtures/updater/). The
//! server's latest.json is written by the release's own `.github/scripts/latest-json.py` from stand-in
//! bundles of version N+1 signed by `tauri signer sign`, as release.yml does with the real key. The
//! daily check finds N+1 on start and the notice shows it; a tampered download and a signature by
//! another key are refused with a message and change nothing; the genuine download is verified (and,
//! since this binary was not installed by an installer, not installed); a release of version N is
//! "up to date". The running binary is never replaced: its bytes are compared before and after.

use super::*;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// What the release server answers, by path ("/latest.json", "/Scout_0.1.1_amd64.AppImage"…).
type Files = Arc<Mutex<HashMap<String, Vec<u8>>>>;

/// A plain HTTP server on loopback; each answer is sent in 64 KiB pieces 40 ms apart, so a download of
/// a few MB takes long enough for the window to show its progress.
fn release_server() -> (u16, Files) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let files: Files = Arc::default();
    let served = files.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let files = served.clone();
            std::thread::spawn(move || {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let line = String::from_utf8_lossy(&request).lines().next().unwrap_or_default().to_string();
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                let body = files.lock().unwrap().get(&path).cloned();
                let Some(body) = body else {
                    let _ = stream.write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    );
                    return;
                };
                let head =
                    format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                if stream.write_all(head.as_bytes()).is_err() {
                    return;
                }
                for piece in body.chunks(64 * 1024) {
                    if stream.write_all(piece).is_err() {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(40));
                }
            });
        }
    });
    (port, files)
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tauri_cli(args: &[&str]) {
    let cli = repo_root().join("ui/node_modules/.bin/tauri");
    let out = Command::new(&cli).args(args).output().expect("the Tauri CLI runs (cd ui && npm install)");
    assert!(out.status.success(), "tauri {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
}

/// Signs `file` as `tauri build` does (the version in the signature's trusted comment): `file.sig`.
fn sign(file: &Path, key: &Path, version: &str) -> String {
    tauri_cli(&[
        "signer",
        "sign",
        "-f",
        key.to_str().unwrap(),
        "-p",
        "",
        "--app-version",
        version,
        file.to_str().unwrap(),
    ]);
    std::fs::read_to_string(
        file.with_file_name(format!("{}.sig", file.file_name().unwrap().to_str().unwrap())),
    )
    .unwrap()
}

/// The release folder release.yml hands to latest-json.py: one stand-in bundle per installer kind,
/// each signed by `key`. The Linux ones are `size` bytes.
fn release_folder(dir: &Path, version: &str, key: &Path, size: usize) -> PathBuf {
    let dist = dir.join(format!("dist-{version}-{}", key.file_stem().unwrap().to_str().unwrap()));
    std::fs::create_dir_all(&dist).unwrap();
    let names = [
        format!("Scout_{version}_amd64.AppImage"),
        format!("Scout_{version}_amd64.deb"),
        format!("Scout-{version}-1.x86_64.rpm"),
        format!("Scout_{version}_x64-setup.exe"),
        format!("Scout_{version}_x64_en-US.msi"),
        "Scout.app.tar.gz".to_string(),
    ];
    for (i, name) in names.iter().enumerate() {
        let body: Vec<u8> = (0..size).map(|b| ((b * 31 + i * 7) % 251) as u8).collect();
        std::fs::write(dist.join(name), body).unwrap();
        sign(&dist.join(name), key, version);
    }
    dist
}

/// Release notes as GitHub generates them for a release (markdown, shown as text).
const NOTES: &str = "## What's Changed\n* Backups of the workspace every day, and Restore… in Settings\n* Faster creator imports\n\n**Full Changelog**: v0.1.0...v0.1.1";

/// latest.json as the release writes it, with the download URLs moved from GitHub to `port`.
fn latest_json(dist: &Path, version: &str, port: u16) -> Vec<u8> {
    let notes =
        dist.parent().unwrap().join(format!("{}.notes.md", dist.file_name().unwrap().to_str().unwrap()));
    std::fs::write(&notes, NOTES).unwrap();
    let out = Command::new("python3")
        .env("RELEASE_NOTES_FILE", &notes)
        .arg(repo_root().join(".github/scripts/latest-json.py"))
        .args([dist.to_str().unwrap(), &format!("v{version}"), "scout-app/scout"])
        .output()
        .expect("python3 runs latest-json.py");
    assert!(out.status.success(), "latest-json.py: {}", String::from_utf8_lossy(&out.stderr));
    let github = format!("https://github.com/scout-app/scout/releases/download/v{version}/");
    String::from_utf8(out.stdout).unwrap().replace(&github, &format!("http://127.0.0.1:{port}/")).into_bytes()
}

/// Serves `dist` (every bundle under its name) and its latest.json.
fn publish(files: &Files, dist: &Path, version: &str, port: u16) {
    let mut served = files.lock().unwrap();
    served.clear();
    for entry in std::fs::read_dir(dist).unwrap() {
        let path = entry.unwrap().path();
        served.insert(
            format!("/{}", path.file_name().unwrap().to_str().unwrap()),
            std::fs::read(&path).unwrap(),
        );
    }
    served.insert("/latest.json".into(), latest_json(dist, version, port));
}

/// The version after `version` (its patch number plus one).
fn next_version(version: &str) -> String {
    let mut parts: Vec<u64> = version.split('.').map(|p| p.parse().unwrap()).collect();
    *parts.last_mut().unwrap() += 1;
    parts.iter().map(u64::to_string).collect::<Vec<_>>().join(".")
}

const UPDATES: &str = "//*[@data-testid='updates']";

/// Brings Settings → Updates into view (for the screenshots).
async fn show_updates(c: &Client) {
    let js = "document.querySelector(\"[data-testid='updates']\").scrollIntoView({block: 'center'})";
    c.execute(js, vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
}

async fn problem_text(c: &Client) -> String {
    text_of(&find(c, &format!("{UPDATES}//*[@data-testid='update-problem']")).await).await
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the UI's node_modules: run by scripts/test.sh"]
async fn an_update_is_found_verified_and_a_tampered_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("updates.scout");
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo_root().join("tauri.conf.json")).unwrap()).unwrap();
    let current = conf["version"].as_str().unwrap().to_string();
    let next = next_version(&current);
    let test_key = repo_root().join("fixtures/updater/TEST-ONLY-updater.key");
    let pubkey =
        std::fs::read_to_string(repo_root().join("fixtures/updater/TEST-ONLY-updater.key.pub")).unwrap();
    let other_key = dir.path().join("another.key");
    tauri_cli(&["signer", "generate", "--ci", "-p", "", "-w", other_key.to_str().unwrap()]);

    let (port, files) = release_server();
    let genuine = release_folder(dir.path(), &next, &test_key, 4 * 1024 * 1024);
    let wrong_key = release_folder(dir.path(), &next, &other_key, 64 * 1024);
    let same = release_folder(dir.path(), &current, &test_key, 1024);

    // First the tampered release: the genuine signatures, one byte of the AppImage changed afterwards.
    publish(&files, &genuine, &next, port);
    {
        let mut served = files.lock().unwrap();
        let appimage = served.get_mut(&format!("/Scout_{next}_amd64.AppImage")).unwrap();
        appimage[1000] ^= 0xff;
    }

    let binary = std::fs::read(env!("CARGO_BIN_EXE_scout-desktop")).unwrap();
    let data_home = dir.path().join("data");
    let endpoint = format!("http://127.0.0.1:{port}/latest.json");
    let _driver = Driver::start_with_env(
        4444,
        &[
            ("SCOUT_UPDATE_ENDPOINT", endpoint.as_ref()),
            ("SCOUT_UPDATE_PUBKEY", pubkey.trim().as_ref()),
            // A fresh per-user data folder: no check remembered from an earlier run.
            ("XDG_DATA_HOME", data_home.as_os_str()),
        ],
    );
    let c = connect(4444, &workspace).await;

    // The daily check runs a few seconds after start and the notice says what is new.
    let notice = "//aside[@data-testid='update-notice']";
    wait_attr(&c, notice, "data-state", "available").await;
    let said = text_of(&find(&c, notice).await).await;
    assert!(said.contains(&format!("Scout {next}")) && said.contains("is available"), "{said}");
    find(&c, &format!("{notice}//summary[normalize-space(.)=\"What's new\"]")).await.click().await.unwrap();
    let notes = text_of(&find(&c, &format!("{notice}//details")).await).await;
    assert!(notes.contains("* Faster creator imports"), "the release notes, as text: {notes}");
    screenshot(&c, "updates-1-notice").await;
    assert!(data_home.join("scout/last-update-check").is_file(), "the day's check is remembered");

    // Install from the notice: the tampered download is refused.
    find(&c, &format!("{notice}//button[normalize-space(.)='Install']")).await.click().await.unwrap();
    wait_attr(&c, notice, "data-state", "verification_failed").await;
    find(&c, &format!("{notice}//button[normalize-space(.)='Open Settings']")).await.click().await.unwrap();
    wait_attr(&c, UPDATES, "data-state", "verification_failed").await;
    let why = problem_text(&c).await;
    assert!(
        why.contains("does not match its signature") && why.contains("nothing was installed or changed"),
        "{why}"
    );
    let version = text_of(&find(&c, "//*[@data-testid='current-version']").await).await;
    assert_eq!(version, current, "Settings shows the running version");
    show_updates(&c).await;
    screenshot(&c, "updates-2-tampered-refused").await;

    // A release signed by a key Scout does not trust: refused too.
    publish(&files, &wrong_key, &next, port);
    button(&c, "Check for updates").await.click().await.unwrap();
    wait_attr(&c, UPDATES, "data-state", "available").await;
    button(&c, &format!("Install Scout {next}")).await.click().await.unwrap();
    wait_attr(&c, UPDATES, "data-state", "verification_failed").await;
    let why = problem_text(&c).await;
    assert!(why.contains("does not match its signature"), "{why}");

    // The genuine release: downloaded with progress, its signature verified. This debug binary was not
    // installed by an installer, so it says so instead of replacing itself.
    publish(&files, &genuine, &next, port);
    button(&c, "Check for updates").await.click().await.unwrap();
    wait_attr(&c, UPDATES, "data-state", "available").await;
    show_updates(&c).await;
    screenshot(&c, "updates-3-available").await;
    button(&c, &format!("Install Scout {next}")).await.click().await.unwrap();
    wait_attr(&c, UPDATES, "data-state", "downloading").await;
    find(&c, &format!("{UPDATES}//*[@role='progressbar' and @aria-valuenow]")).await;
    show_updates(&c).await;
    screenshot(&c, "updates-4-downloading").await;
    wait_attr(&c, UPDATES, "data-state", "failed").await;
    let why = problem_text(&c).await;
    assert!(
        why.contains("downloaded and its signature verified") && why.contains("cannot replace itself"),
        "{why}"
    );
    show_updates(&c).await;
    screenshot(&c, "updates-5-verified-not-installable").await;

    // A release of the running version: up to date.
    publish(&files, &same, &current, port);
    button(&c, "Check for updates").await.click().await.unwrap();
    wait_attr(&c, UPDATES, "data-state", "up_to_date").await;
    find(&c, &format!("{UPDATES}//*[normalize-space(.)='Scout is up to date.']")).await;
    show_updates(&c).await;
    screenshot(&c, "updates-6-up-to-date").await;
    go_to(&c, "Creators").await;
    wait_count(&c, notice, 0, "no notice when Scout is up to date").await;

    assert!(
        std::fs::read(env!("CARGO_BIN_EXE_scout-desktop")).unwrap() == binary,
        "the running binary is untouched"
    );
    c.close().await.unwrap();
}
