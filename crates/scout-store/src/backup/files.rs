//! A backup folder's files: finished backups (`*.scout-backup`), and the `.partial` file a backup is
//! written to first, beside a `.lock` file its writer holds an OS lock on for as long as it runs. A
//! `.partial` whose lock nobody holds was left by a writer that died (a crash, SIGKILL) and is removed.

use super::{BackupKind, BACKUP_EXTENSION};
use crate::{Result, StoreError};
use chrono::{DateTime, Utc};
use std::fs::File;
use std::path::{Path, PathBuf};

const PARTIAL: &str = ".partial";
const LOCK: &str = ".partial.lock";

pub(super) fn create_folder(folder: &Path) -> Result<()> {
    std::fs::create_dir_all(folder).map_err(|source| StoreError::Io { path: folder.to_path_buf(), source })
}

/// `<workspace stem>-<YYYY-MM-DD-HHMMSS>-<kind>.scout-backup`, with `-2`, `-3`… when taken twice in a
/// second.
pub(super) fn free_name(folder: &Path, workspace: &str, at: DateTime<Utc>, kind: BackupKind) -> PathBuf {
    let stem = Path::new(workspace)
        .file_stem()
        .map_or_else(|| workspace.to_string(), |s| s.to_string_lossy().into_owned());
    let base = format!("{stem}-{}-{}", at.format("%Y-%m-%d-%H%M%S"), kind.as_str());
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .map(|name| folder.join(format!("{name}.{BACKUP_EXTENSION}")))
        .find(|path| !path.exists() && !sibling(path, ".", PARTIAL).exists())
        .unwrap_or_else(|| folder.join(format!("{base}.{BACKUP_EXTENSION}")))
}

/// `folder/<prefix><file name of path><suffix>`.
fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{prefix}{name}{suffix}"))
}

/// The finished backups in `folder` (none when it does not exist).
pub(super) fn finished(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: folder.to_path_buf(), source }),
    };
    Ok(entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == BACKUP_EXTENSION))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect())
}

/// A backup being written: `.NAME.partial`, and `.NAME.partial.lock` locked while this lives.
pub(super) struct Partial {
    target: PathBuf,
    partial: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

impl Partial {
    pub(super) fn start(target: &Path) -> Result<Partial> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        let lock_path = sibling(target, ".", LOCK);
        let lock = File::create(&lock_path).map_err(io(&lock_path))?;
        lock.try_lock().map_err(|e| StoreError::Io { path: lock_path.clone(), source: e.into() })?;
        Ok(Partial {
            target: target.to_path_buf(),
            partial: sibling(target, ".", PARTIAL),
            lock_path,
            _lock: lock,
        })
    }

    pub(super) fn path(&self) -> &Path {
        &self.partial
    }

    /// Removes what was written (best effort: what stays is removed by the next backup).
    pub(super) fn abandon(self) {
        remove_partial(&self.partial);
        let _ = std::fs::remove_file(&self.lock_path);
    }

    /// Makes the backup durable, then renames it into place; returns its size.
    pub(super) fn finish(self) -> Result<u64> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| StoreError::Io { path, source }
        };
        File::open(&self.partial).and_then(|f| f.sync_all()).map_err(io(&self.partial))?;
        std::fs::rename(&self.partial, &self.target).map_err(io(&self.target))?;
        sync_folder(self.target.parent());
        let size = std::fs::metadata(&self.target).map_err(io(&self.target))?.len();
        let _ = std::fs::remove_file(&self.lock_path);
        Ok(size)
    }
}

/// On Unix a rename is durable once its folder is synced; elsewhere the OS gives no handle to sync.
fn sync_folder(folder: Option<&Path>) {
    #[cfg(unix)]
    if let Some(folder) = folder {
        if let Err(e) = File::open(folder).and_then(|f| f.sync_all()) {
            tracing::warn!(folder = %folder.display(), error = %e, "cannot sync the backup folder");
        }
    }
    #[cfg(not(unix))]
    let _ = folder;
}

fn remove_partial(partial: &Path) {
    for path in [partial.to_path_buf(), sibling(partial, "", "-journal")] {
        if let Err(e) = std::fs::remove_file(&path) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(path = %path.display(), error = %e, "cannot remove an unfinished backup");
            }
        }
    }
}

/// Removes the unfinished backups whose writer is gone: a `.partial` without a lock file, or whose lock
/// file nobody holds. One still being written (another Scout backing up) is left alone.
pub(super) fn remove_abandoned(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(target) = name.strip_prefix('.').and_then(|n| n.strip_suffix(LOCK)) {
            // A lock whose writer died before its partial file was made.
            let partial = path.with_file_name(format!(".{target}{PARTIAL}"));
            if !partial.exists()
                && File::options().write(true).open(&path).is_ok_and(|l| l.try_lock().is_ok())
            {
                let _ = std::fs::remove_file(&path);
            }
            continue;
        }
        let Some(target) = name.strip_prefix('.').and_then(|n| n.strip_suffix(PARTIAL)) else { continue };
        let lock_path = path.with_file_name(format!(".{target}{LOCK}"));
        let writer_alive =
            File::options().write(true).open(&lock_path).is_ok_and(|lock| lock.try_lock().is_err());
        if !writer_alive {
            tracing::info!(path = %path.display(), "removing a backup that was never finished");
            remove_partial(&path);
            let _ = std::fs::remove_file(&lock_path);
        }
    }
}
