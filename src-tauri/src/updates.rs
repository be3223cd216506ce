//! Updating Scout: ask the release server (the `latest.json` of the newest GitHub release) whether a
//! newer version exists, show it, and download, verify and install it only when the seller says so.
//! The automatic check runs at most once a day and never while an import or a delivery runs
//! (`scout_app::UpdateSchedule`); installing waits for them too. The signature check is the plugin's:
//! a download that does not match its minisign signature under the public key in tauri.conf.json (and
//! the version it was signed for, `requireSignedVersion`) is refused before anything is written.

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;
use crate::update_status::{UpdateInfo, UpdateOverview, UpdateStatus};
use scout_app::{CheckDecision, ErrorCode, UpdateSchedule};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Manager};
use tauri_plugin_updater::{Error as UpdaterError, Update, Updater, UpdaterExt};

/// The one update Scout knows about and where it stands.
#[derive(Default)]
pub struct Updates {
    status: Mutex<UpdateStatus>,
    /// The update the last check found, kept for "Install".
    found: Mutex<Option<Update>>,
}

impl std::fmt::Debug for Updates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Updates").field("status", &self.status()).finish_non_exhaustive()
    }
}

impl Updates {
    pub fn status(&self) -> UpdateStatus {
        self.status.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn set(&self, status: UpdateStatus) -> UpdateStatus {
        *self.status.lock().unwrap_or_else(|e| e.into_inner()) = status.clone();
        status
    }

    /// Sets `Checking` unless a check, download or install is already under way, or an installed
    /// update waits for the restart (then `false`: the state stays as it is).
    fn begin_check(&self) -> bool {
        let mut status = self.status.lock().unwrap_or_else(|e| e.into_inner());
        if status.in_progress() || matches!(*status, UpdateStatus::Installed { .. }) {
            return false;
        }
        *status = UpdateStatus::Checking;
        true
    }

    pub fn overview(&self, app: &AppHandle) -> UpdateOverview {
        UpdateOverview {
            current_version: app.package_info().version.to_string(),
            status: self.status(),
            last_check: UpdateSchedule::for_this_user().last_check().map(|t| t.to_rfc3339()),
        }
    }

    /// Asks the release server now (the seller's "Check for updates", or the daily check).
    pub async fn check(&self, app: &AppHandle) -> UpdateStatus {
        if !self.begin_check() {
            return self.status();
        }
        if let Err(e) = UpdateSchedule::for_this_user().record(chrono::Utc::now()) {
            tracing::warn!(error = %e, "cannot remember the update check");
        }
        let found = match updater(app) {
            Ok(updater) => updater.check().await,
            Err(e) => Err(e),
        };
        // Only what this check found can be installed.
        let update = found.as_ref().ok().and_then(Option::clone);
        *self.found.lock().unwrap_or_else(|e| e.into_inner()) = update;
        match found {
            Ok(Some(update)) => {
                let info = UpdateInfo::of(&update);
                tracing::info!(version = %info.version, "an update is available");
                self.set(UpdateStatus::Available { update: info })
            }
            Ok(None) => self.set(UpdateStatus::UpToDate),
            Err(e) => {
                tracing::warn!(error = %e, "update check failed");
                self.set(UpdateStatus::Failed { update: None, message: check_failure(&e) })
            }
        }
    }

    /// Downloads the update found by the last check, verifies its signature and installs it,
    /// reporting each state to `report` (the download's progress included).
    pub async fn install(
        &self,
        state: &AppState,
        report: impl Fn(&UpdateStatus) + Send,
    ) -> IpcResult<UpdateStatus> {
        if state.busy().await {
            return Err(IpcError::new(
                ErrorCode::Busy,
                "An import or a delivery is running: install the update when it has finished.",
            ));
        }
        let update = self.found.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let Some(update) = update else {
            return Err(IpcError::new(ErrorCode::NotFound, "No update was found: check for updates first."));
        };
        let info = UpdateInfo::of(&update);
        {
            let mut status = self.status.lock().unwrap_or_else(|e| e.into_inner());
            if status.in_progress() {
                return Ok(status.clone());
            }
            *status = UpdateStatus::Downloading { update: info.clone(), downloaded: 0, total: None };
        }
        report(&self.status());
        let mut downloaded = 0u64;
        let mut reported = 0u64;
        let bytes = update
            .download(
                |chunk, total| {
                    downloaded += chunk as u64;
                    // Every 64 KiB is plenty for a progress bar and keeps the channel quiet.
                    if downloaded - reported >= 64 * 1024 || Some(downloaded) == total {
                        reported = downloaded;
                        report(&self.set(UpdateStatus::Downloading {
                            update: info.clone(),
                            downloaded,
                            total,
                        }));
                    }
                },
                || {},
            )
            .await;
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(e) => return Ok(self.refused(&info, &e, &report)),
        };
        tracing::info!(version = %info.version, bytes = bytes.len(), "update downloaded and verified");
        if let Some(why) = cannot_install_here() {
            let message = format!(
                "Scout {} was downloaded and its signature verified, but {why}. Install it from the release page instead.",
                info.version
            );
            report(&self.set(UpdateStatus::Failed { update: Some(info), message: message.clone() }));
            return Ok(self.status());
        }
        report(&self.set(UpdateStatus::Installing { update: info.clone() }));
        // Installing runs the system's installer (dpkg/rpm through pkexec, msiexec, NSIS) and waits.
        let installed = tauri::async_runtime::spawn_blocking(move || update.install(bytes)).await;
        let status = match installed {
            Ok(Ok(())) => UpdateStatus::Installed { update: info },
            Ok(Err(e)) => return Ok(self.refused(&info, &e, &report)),
            Err(e) => {
                UpdateStatus::Failed { update: Some(info), message: format!("The install stopped: {e}") }
            }
        };
        report(&self.set(status));
        Ok(self.status())
    }

    /// The state after the plugin refused or failed: a signature problem is told apart.
    fn refused(&self, info: &UpdateInfo, e: &UpdaterError, report: &impl Fn(&UpdateStatus)) -> UpdateStatus {
        tracing::warn!(version = %info.version, error = %e, "update not installed");
        let status = if is_verification_failure(e) {
            UpdateStatus::VerificationFailed {
                update: info.clone(),
                message: format!(
                    "The download of Scout {} does not match its signature, so it was refused: nothing was installed or changed. ({e})",
                    info.version
                ),
            }
        } else {
            UpdateStatus::Failed { update: Some(info.clone()), message: install_failure(e) }
        };
        report(&self.set(status));
        self.status()
    }

    /// The daily check: a few seconds after start (the window first), then whenever a day has passed,
    /// waiting while an import or a delivery runs.
    pub fn watch(app: AppHandle) {
        let overrides = TestOverrides::read(cfg!(debug_assertions), |name| std::env::var(name).ok());
        if !overrides.automatic_checks(cfg!(debug_assertions)) {
            tracing::info!(
                "debug build: no automatic update check (Settings → Check for updates still works)"
            );
            return;
        }
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(Duration::from_secs(5)).await;
            loop {
                let state = app.state::<AppState>();
                let busy = state.busy().await;
                let wait = match UpdateSchedule::for_this_user().decide(chrono::Utc::now(), busy) {
                    CheckDecision::Check => {
                        app.state::<Updates>().check(&app).await;
                        Duration::from_secs(3600)
                    }
                    CheckDecision::Busy => Duration::from_secs(300),
                    CheckDecision::NotYet(next) => {
                        let until = (next - chrono::Utc::now()).to_std().unwrap_or_default();
                        until.clamp(Duration::from_secs(60), Duration::from_secs(3600))
                    }
                };
                tokio::time::sleep(wait).await;
            }
        });
    }
}

/// The updater with the configured endpoint and public key, or in a debug build the test's (below).
fn updater(app: &AppHandle) -> Result<Updater, UpdaterError> {
    let mut builder = app.updater_builder().configure_client(|client| {
        client.connect_timeout(Duration::from_secs(15)).read_timeout(Duration::from_secs(60))
    });
    let overrides = TestOverrides::read(cfg!(debug_assertions), |name| std::env::var(name).ok());
    if let Some(endpoint) = overrides.endpoint {
        builder = builder.endpoints(vec![endpoint])?;
    }
    if let Some(pubkey) = overrides.pubkey {
        builder = builder.pubkey(pubkey);
    }
    builder.build()
}

/// The end-to-end test's release server and key. Honoured by DEBUG builds only (the test drives the
/// debug binary): `SCOUT_UPDATE_ENDPOINT` (a latest.json URL, plain http allowed in debug builds) and
/// `SCOUT_UPDATE_PUBKEY` (the test-only public key, fixtures/updater/). A release build ignores both
/// variables: it trusts only the endpoint and key in tauri.conf.json.
#[derive(Debug, Default, PartialEq, Eq)]
struct TestOverrides {
    endpoint: Option<tauri::Url>,
    pubkey: Option<String>,
}

impl TestOverrides {
    /// A release build checks by itself; a debug build only when a test points it at its own server,
    /// so development runs and the other end-to-end flows never ask GitHub or show a notice.
    fn automatic_checks(&self, debug_build: bool) -> bool {
        !debug_build || self.endpoint.is_some()
    }

    fn read(debug_build: bool, var: impl Fn(&str) -> Option<String>) -> TestOverrides {
        if !debug_build {
            return TestOverrides::default();
        }
        let endpoint = var("SCOUT_UPDATE_ENDPOINT").and_then(|u| u.parse().ok());
        let pubkey = var("SCOUT_UPDATE_PUBKEY").filter(|k| !k.trim().is_empty());
        if endpoint.is_some() || pubkey.is_some() {
            tracing::warn!(?endpoint, "debug build: updates from the test's endpoint and key");
        }
        TestOverrides { endpoint, pubkey }
    }
}

/// Why this copy of Scout cannot replace itself, when it cannot: it was not installed by one of the
/// installers the updater knows (a development build, or a binary copied by hand).
fn cannot_install_here() -> Option<&'static str> {
    tauri::utils::platform::bundle_type()
        .is_none()
        .then_some("this copy of Scout was not installed by an installer (.deb, .rpm, AppImage, .msi, .exe or .dmg), so it cannot replace itself")
}

fn is_verification_failure(e: &UpdaterError) -> bool {
    matches!(
        e,
        UpdaterError::Minisign(_)
            | UpdaterError::Base64(_)
            | UpdaterError::SignatureUtf8(_)
            | UpdaterError::SignedVersionMismatch { .. }
            | UpdaterError::MissingSignedVersion
    )
}

fn check_failure(e: &UpdaterError) -> String {
    match e {
        UpdaterError::Reqwest(_) | UpdaterError::Network(_) => {
            format!("Could not reach the update server: {e}. Check the internet connection and try again.")
        }
        UpdaterError::TargetNotFound(_) | UpdaterError::TargetsNotFound(_) => {
            format!("The newest release has no installer for this system ({e}).")
        }
        _ => format!("Could not check for updates: {e}."),
    }
}

fn install_failure(e: &UpdaterError) -> String {
    match e {
        UpdaterError::Reqwest(_) | UpdaterError::Network(_) => {
            format!("The download stopped: {e}. Nothing was installed; try again.")
        }
        UpdaterError::AuthenticationFailed => {
            "Installing needs the administrator's permission, which was not given. Nothing was installed."
                .into()
        }
        _ => format!("The update could not be installed: {e}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<String> {
        match name {
            "SCOUT_UPDATE_ENDPOINT" => Some("http://127.0.0.1:9/latest.json".into()),
            "SCOUT_UPDATE_PUBKEY" => Some("dGVzdCBrZXk=".into()),
            _ => None,
        }
    }

    #[test]
    fn only_a_debug_build_takes_the_tests_endpoint_and_key() {
        let release = TestOverrides::read(false, vars);
        assert_eq!(release, TestOverrides::default(), "a release build ignores the variables");
        let debug = TestOverrides::read(true, vars);
        assert_eq!(debug.endpoint.as_ref().map(|u| u.as_str()), Some("http://127.0.0.1:9/latest.json"));
        assert_eq!(debug.pubkey.as_deref(), Some("dGVzdCBrZXk="));
        assert_eq!(TestOverrides::read(true, |_| None), TestOverrides::default(), "unset: the configuration");
        assert!(release.automatic_checks(false), "a release build checks by itself");
        assert!(debug.automatic_checks(true), "a debug build pointed at a test server checks by itself");
        assert!(!TestOverrides::default().automatic_checks(true), "a plain debug build does not");
    }

    #[test]
    fn one_check_at_a_time_and_none_during_a_download() {
        let updates = Updates::default();
        assert!(updates.begin_check(), "nothing under way: check");
        assert!(!updates.begin_check(), "a second check waits for the first");
        updates.set(UpdateStatus::UpToDate);
        assert!(updates.begin_check(), "after it ended, check again");
        let update = UpdateInfo { version: "0.2.0".into(), date: None, notes: None };
        updates.set(UpdateStatus::Downloading { update, downloaded: 0, total: None });
        assert!(!updates.begin_check(), "never while a download runs");
        assert!(matches!(updates.status(), UpdateStatus::Downloading { .. }), "the download's state stays");
        let update = UpdateInfo { version: "0.2.0".into(), date: None, notes: None };
        updates.set(UpdateStatus::Installed { update });
        assert!(!updates.begin_check(), "an installed update keeps asking for the restart");
    }

    #[test]
    fn a_signature_problem_is_told_apart_from_a_failed_download() {
        let mismatch =
            UpdaterError::SignedVersionMismatch { signed: "0.1.0".into(), announced: "9.0.0".into() };
        assert!(is_verification_failure(&mismatch));
        assert!(is_verification_failure(&UpdaterError::MissingSignedVersion));
        let network = UpdaterError::Network("Download request failed with status: 404".into());
        assert!(!is_verification_failure(&network));
        assert!(
            install_failure(&network).starts_with("The download stopped"),
            "{}",
            install_failure(&network)
        );
    }
}
