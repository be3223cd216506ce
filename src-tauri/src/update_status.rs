//! What the updater tells the window: the state of the one update Scout knows about, in the words the
//! seller sees (Settings → Updates and the notice that a new version is out).

use serde::Serialize;
use ts_rs::TS;

/// A newer Scout the release server announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateInfo {
    pub version: String,
    /// When it was published (RFC 3339), when the server says.
    pub date: Option<String>,
    /// What is new, as the release notes say it (plain text, shown as text).
    pub notes: Option<String>,
}

impl UpdateInfo {
    pub fn of(update: &tauri_plugin_updater::Update) -> UpdateInfo {
        let date = update.raw_json.get("pub_date").and_then(|d| d.as_str()).map(str::to_string);
        UpdateInfo { version: update.version.clone(), date, notes: update.body.clone() }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum UpdateStatus {
    /// Not checked since Scout started.
    #[default]
    Idle,
    Checking,
    UpToDate,
    Available {
        update: UpdateInfo,
    },
    Downloading {
        update: UpdateInfo,
        #[ts(type = "number")]
        downloaded: u64,
        /// The download's size, when the server says it.
        #[ts(type = "number | null")]
        total: Option<u64>,
    },
    Installing {
        update: UpdateInfo,
    },
    /// Installed: the new version runs after a restart.
    Installed {
        update: UpdateInfo,
    },
    /// The download did not match its signature: refused, nothing installed, nothing changed.
    VerificationFailed {
        update: UpdateInfo,
        message: String,
    },
    /// The check, the download or the install failed; `message` says why.
    Failed {
        update: Option<UpdateInfo>,
        message: String,
    },
}

impl UpdateStatus {
    /// A download or an install is under way: another check or install must wait.
    pub fn in_progress(&self) -> bool {
        matches!(
            self,
            UpdateStatus::Checking | UpdateStatus::Downloading { .. } | UpdateStatus::Installing { .. }
        )
    }
}

/// Settings' view of updates: this version, the state, and when Scout last looked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UpdateOverview {
    pub current_version: String,
    pub status: UpdateStatus,
    /// When Scout last looked for an update (RFC 3339), automatically or when asked.
    pub last_check: Option<String>,
}
