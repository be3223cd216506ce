use directories::ProjectDirs;
use std::path::PathBuf;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("app", "Scout", "Scout")
}

/// The workspace opened when none is named: `workspace.scout` in the OS's per-user data folder
/// (`~/.local/share/scout` on Linux, `~/Library/Application Support/app.Scout.Scout` on macOS,
/// `%APPDATA%\Scout\Scout\data` on Windows). Falls back to the current folder when the OS names none.
pub fn default_workspace_path() -> PathBuf {
    data_dir().join("workspace.scout")
}

/// The OS's per-user data folder for Scout (where the default workspace lives).
pub(crate) fn data_dir() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from("."), |d| d.data_dir().to_path_buf())
}

/// Where the rolling log files go: the OS's per-user local data folder, `logs/`.
pub fn default_log_dir() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from("."), |d| d.data_local_dir().to_path_buf()).join("logs")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each OS's own per-user folder (the `directories` crate follows each platform's convention); run on
    /// the Linux, Windows and macOS CI jobs alike.
    #[test]
    fn the_default_workspace_lives_in_the_oss_per_user_data_folder() {
        let path = default_workspace_path();
        assert_eq!(path.file_name().and_then(|n| n.to_str()), Some("workspace.scout"));
        let folder = path.parent().unwrap().to_string_lossy().replace('\\', "/");
        #[cfg(target_os = "linux")]
        assert!(folder.ends_with("/scout"), "XDG data home: {folder}");
        #[cfg(target_os = "macos")]
        assert!(folder.ends_with("Library/Application Support/app.Scout.Scout"), "{folder}");
        #[cfg(target_os = "windows")]
        assert!(folder.ends_with("AppData/Roaming/Scout/Scout/data"), "{folder}");
        assert!(default_log_dir().ends_with("logs"));
    }
}
