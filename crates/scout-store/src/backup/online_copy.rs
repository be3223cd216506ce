//! The page copy itself: SQLite's online backup API between two connections sqlx opened. One
//! `sqlite3_backup_step(-1)` copies every page inside one read transaction on the source, so the copy is
//! one consistent state of the workspace — in WAL mode other connections keep writing meanwhile and
//! their later commits are simply not in it.
//!
//! The only unsafe code in the crate: two FFI calls' worth, each with its invariants stated.
#![allow(unsafe_code)]

use crate::{Result, StoreError};
use libsqlite3_sys as ffi;
use sqlx::SqliteConnection;
use std::ffi::CStr;
use std::ptr::NonNull;
use std::time::Duration;

/// How often a step that found the source busy (a WAL recovery by another connection) is tried again,
/// 100 ms apart.
const BUSY_RETRIES: u32 = 100;

/// Copies `source`'s main database over `dest`'s on a blocking thread, and hands both connections back.
/// The connections are owned by the blocking task for the whole copy, so dropping this future (a
/// cancelled request) cannot release them while SQLite still uses their handles.
pub(super) async fn copy_pages(
    source: SqliteConnection,
    dest: SqliteConnection,
) -> Result<(SqliteConnection, SqliteConnection)> {
    let runtime = tokio::runtime::Handle::current();
    let (source, dest, outcome) = tokio::task::spawn_blocking(move || {
        let (mut source, mut dest) = (source, dest);
        let outcome = runtime.block_on(async {
            let mut from = source.lock_handle().await?;
            let mut to = dest.lock_handle().await?;
            copy_all(from.as_raw_handle(), to.as_raw_handle()).map_err(StoreError::Task)
        });
        (source, dest, outcome)
    })
    .await
    .map_err(|e| StoreError::Task(format!("the backup copy stopped: {e}")))?;
    outcome.map(|()| (source, dest))
}

/// Every page of `source`'s "main" database into `dest`'s "main", in one step.
fn copy_all(source: NonNull<ffi::sqlite3>, dest: NonNull<ffi::sqlite3>) -> std::result::Result<(), String> {
    // SAFETY: both handles come from `LockedSqliteHandle`s the caller holds for this whole call, so they
    // are open connections that no other thread uses meanwhile (sqlx's worker waits on the lock). The
    // database names are NUL-terminated literals. The backup object is used only between its init and
    // its finish, and finished on every path before returning; its error text is copied out first.
    unsafe {
        let backup =
            ffi::sqlite3_backup_init(dest.as_ptr(), c"main".as_ptr(), source.as_ptr(), c"main".as_ptr());
        if backup.is_null() {
            return Err(text(ffi::sqlite3_errmsg(dest.as_ptr())));
        }
        let mut step = ffi::sqlite3_backup_step(backup, -1);
        let mut retries = 0;
        while (step == ffi::SQLITE_BUSY || step == ffi::SQLITE_LOCKED) && retries < BUSY_RETRIES {
            retries += 1;
            std::thread::sleep(Duration::from_millis(100));
            step = ffi::sqlite3_backup_step(backup, -1);
        }
        let step_error = (step != ffi::SQLITE_DONE).then(|| text(ffi::sqlite3_errstr(step)));
        let finish = ffi::sqlite3_backup_finish(backup);
        if let Some(message) = step_error {
            return Err(message);
        }
        if finish != ffi::SQLITE_OK {
            return Err(text(ffi::sqlite3_errmsg(dest.as_ptr())));
        }
    }
    Ok(())
}

/// SQLite's message text, copied. SAFETY (for callers): `ptr` is null or a NUL-terminated string SQLite
/// keeps valid until the next call on that connection.
unsafe fn text(ptr: *const std::ffi::c_char) -> String {
    if ptr.is_null() {
        return "unknown SQLite error".into();
    }
    // SAFETY: see above; it is read before any other SQLite call.
    unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned()
}
