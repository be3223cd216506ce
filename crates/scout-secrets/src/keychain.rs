//! `Keychain`: Scout's entries in the operating system's keychain, through the `keyring` crate.
//!
//! Every call is blocking (D-Bus round trips on Linux, and the keychain may show an unlock prompt and
//! wait for the person), so async code uses the `*_async` methods, which run the call on tokio's
//! blocking pool instead of a runtime worker.

use crate::error::{Action, Result, SecretsError};
use crate::secret::{Secret, SecretKey};
use keyring::credential::CredentialPersistence;

/// The keychain service name of Scout's entries: the desktop app's identifier in tauri.conf.json (a
/// test keeps the two equal), so the entries are recognisably the app's.
pub const SERVICE: &str = "app.scout.desktop";

/// One keychain call at a time from this process: GNOME Keyring was seen to drop off the bus when
/// several threads created and deleted items at once (CI, 2026-11-24), and the calls are rare and short.
static KEYCHAIN_CALLS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    // A panic while holding the lock leaves nothing half-done on our side: go on.
    KEYCHAIN_CALLS.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The account name `probe` reads. Nothing is ever stored under it.
const PROBE_ACCOUNT: &str = "probe:reachable";

/// Scout's entries under one service name in the system keychain. Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keychain {
    service: String,
}

impl Default for Keychain {
    fn default() -> Keychain {
        Keychain::new()
    }
}

impl Keychain {
    /// The app's entries (service [`SERVICE`]).
    pub fn new() -> Keychain {
        Keychain::with_service(SERVICE)
    }

    /// Entries under another service name: tests use their own, so they never touch a seller's entries.
    pub fn with_service(service: impl Into<String>) -> Keychain {
        Keychain { service: service.into() }
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    /// Ok when the system keychain can be reached and keeps what is stored in it across restarts;
    /// `Unreachable` (with what to do) otherwise. Reads one entry that never exists, so it writes
    /// nothing and, on Linux, shows no unlock prompt: a locked keyring still passes here and asks to be
    /// unlocked on the first real read or write.
    pub fn probe(&self) -> Result<()> {
        if !matches!(
            keyring::default::default_credential_builder().persistence(),
            CredentialPersistence::UntilDelete
        ) {
            // keyring falls back to an in-memory mock store on a platform without a backend feature;
            // that would lose secrets silently, so it counts as no keychain at all.
            return Err(SecretsError::Unreachable {
                detail: "this build of Scout has no keychain backend for this system".into(),
            });
        }
        let _one_at_a_time = one_at_a_time();
        match self.entry(PROBE_ACCOUNT)?.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e, Action::Read, PROBE_ACCOUNT)),
        }
    }

    /// Stores `secret` under `key`, replacing what was there.
    pub fn set(&self, key: &SecretKey, secret: &Secret) -> Result<()> {
        let account = key.account();
        let _one_at_a_time = one_at_a_time();
        self.entry(&account)?
            .set_password(secret.expose())
            .map_err(|e| map_error(e, Action::Save, &account).without(secret.expose()))
    }

    /// The secret stored under `key`, or `None` when there is none.
    pub fn get(&self, key: &SecretKey) -> Result<Option<Secret>> {
        let account = key.account();
        let _one_at_a_time = one_at_a_time();
        match self.entry(&account)?.get_password() {
            Ok(value) => Ok(Some(Secret::from(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e, Action::Read, &account)),
        }
    }

    /// Removes the secret stored under `key`; false when there was none.
    pub fn delete(&self, key: &SecretKey) -> Result<bool> {
        let account = key.account();
        let _one_at_a_time = one_at_a_time();
        match self.entry(&account)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(map_error(e, Action::Delete, &account)),
        }
    }

    /// [`probe`](Keychain::probe) off the async runtime's worker threads.
    pub async fn probe_async(&self) -> Result<()> {
        let keychain = self.clone();
        off_runtime(move || keychain.probe()).await
    }

    /// [`set`](Keychain::set) off the async runtime's worker threads.
    pub async fn set_async(&self, key: SecretKey, secret: Secret) -> Result<()> {
        let keychain = self.clone();
        off_runtime(move || keychain.set(&key, &secret)).await
    }

    /// [`get`](Keychain::get) off the async runtime's worker threads.
    pub async fn get_async(&self, key: SecretKey) -> Result<Option<Secret>> {
        let keychain = self.clone();
        off_runtime(move || keychain.get(&key)).await
    }

    /// [`delete`](Keychain::delete) off the async runtime's worker threads.
    pub async fn delete_async(&self, key: SecretKey) -> Result<bool> {
        let keychain = self.clone();
        off_runtime(move || keychain.delete(&key)).await
    }

    /// The entry for `account`, built from the platform's store directly rather than keyring's
    /// process-wide default builder, which other code could replace.
    fn entry(&self, account: &str) -> Result<keyring::Entry> {
        keyring::default::default_credential_builder()
            .build(None, &self.service, account)
            .map(keyring::Entry::new_with_credential)
            .map_err(|e| map_error(e, Action::Read, account))
    }
}

async fn off_runtime<T, F>(call: F) -> Result<T>
where
    F: FnOnce() -> Result<T> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(call)
        .await
        .map_err(|e| SecretsError::Interrupted { detail: e.to_string() })?
}

/// keyring's error for `account`, as this crate's. `BadEncoding`'s bytes (the stored value) and
/// `Ambiguous`'s credentials are dropped, keeping only that it happened and how many.
pub(crate) fn map_error(err: keyring::Error, action: Action, account: &str) -> SecretsError {
    let key = account.to_owned();
    match err {
        keyring::Error::NoStorageAccess(e) => SecretsError::Unreachable { detail: e.to_string() },
        keyring::Error::PlatformFailure(e) if is_unreachable(e.as_ref()) => {
            SecretsError::Unreachable { detail: e.to_string() }
        }
        keyring::Error::PlatformFailure(e) => SecretsError::Failed { action, key, detail: e.to_string() },
        keyring::Error::BadEncoding(_) => SecretsError::NotText { key },
        keyring::Error::Ambiguous(found) => SecretsError::Ambiguous { key, count: found.len() },
        keyring::Error::TooLong(what, limit) => {
            SecretsError::Rejected { key, detail: format!("its {what} is longer than the limit of {limit}") }
        }
        keyring::Error::Invalid(what, reason) => {
            SecretsError::Rejected { key, detail: format!("its {what} is invalid: {reason}") }
        }
        keyring::Error::NoEntry => {
            SecretsError::Failed { action, key, detail: "there is no such entry".into() }
        }
        other => SecretsError::Failed { action, key, detail: other.to_string() },
    }
}

/// On Linux a failed D-Bus call (no session bus, no Secret Service on it, a call refused) or a
/// missing Secret Service means the keychain is not reachable; decryption and parsing failures do not.
#[cfg(target_os = "linux")]
fn is_unreachable(e: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    matches!(
        e.downcast_ref::<dbus_secret_service::Error>(),
        Some(dbus_secret_service::Error::Dbus(_) | dbus_secret_service::Error::Unavailable)
    )
}

#[cfg(not(target_os = "linux"))]
fn is_unreachable(_: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_name_is_the_desktop_apps_identifier() {
        let conf = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tauri.conf.json"))
            .expect("tauri.conf.json is at the workspace root");
        let conf: serde_json::Value = serde_json::from_str(&conf).expect("tauri.conf.json is JSON");
        assert_eq!(conf["identifier"], SERVICE, "SERVICE must equal tauri.conf.json's identifier");
    }

    #[test]
    fn a_stored_value_that_is_not_text_is_reported_without_its_bytes() {
        let err = map_error(keyring::Error::BadEncoding(b"hunter2\xff".to_vec()), Action::Read, "smtp:a@b");
        let text = format!("{err} {err:?}");
        assert!(matches!(err, SecretsError::NotText { .. }), "BadEncoding maps to NotText: {err:?}");
        assert!(!text.contains("hunter2"), "the stored bytes must not appear: {text}");
        assert!(!text.contains("104, 117"), "nor as a byte list: {text}");
    }

    #[test]
    fn no_storage_access_is_unreachable_and_says_what_to_do() {
        let err =
            map_error(keyring::Error::NoStorageAccess("object locked".into()), Action::Save, "smtp:a@b");
        let text = err.to_string();
        assert!(matches!(err, SecretsError::Unreachable { .. }), "{err:?}");
        assert!(text.contains("cannot reach the system keychain"), "says what is wrong: {text}");
        assert!(text.contains("never in its database"), "says there is no other store: {text}");
        assert!(text.contains("object locked"), "keeps the platform's detail: {text}");
    }

    #[test]
    fn a_secret_in_a_platform_message_is_scrubbed() {
        let err = map_error(
            keyring::Error::PlatformFailure("refused value hunter2".into()),
            Action::Save,
            "smtp:a@b",
        )
        .without("hunter2");
        let text = format!("{err} {err:?}");
        assert!(!text.contains("hunter2"), "the secret is replaced: {text}");
        assert!(text.contains("could not save the entry 'smtp:a@b'"), "names action and entry: {text}");
    }
}
