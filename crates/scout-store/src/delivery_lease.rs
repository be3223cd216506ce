//! The delivery lease: at most one process delivers a workspace's offers at a time (the window's
//! background worker or a `scout outbox run`). It is an OS file lock on a file beside the database, so
//! it is let go when its holder exits in any way — a crash included. Only the holder may decide that an
//! offer left `sending` was interrupted: another process's in-flight offer is never touched.

use crate::{Result, Store, StoreError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::PathBuf;

/// Held while delivering or recovering; dropping it lets go of the lock.
#[derive(Debug)]
pub struct DeliveryLease {
    _file: File,
}

impl Store {
    /// The lock file beside the workspace's database.
    fn lease_path(&self) -> PathBuf {
        let mut name = self.path().as_os_str().to_os_string();
        name.push(".delivery-lock");
        PathBuf::from(name)
    }

    /// Takes the delivery lease, or `None` when another process (or another run in this one) holds it.
    pub fn try_delivery_lease(&self) -> Result<Option<DeliveryLease>> {
        let path = self.lease_path();
        let io = |source| StoreError::Io { path: path.clone(), source };
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(DeliveryLease { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(source)) => Err(io(source)),
        }
    }
}
