//! The crate's one error type. Messages name the entry and what went wrong, never the secret itself:
//! keyring's own `BadEncoding` carries the stored bytes, so it is mapped to `NotText` without them.

/// What Scout tried to do with the keychain, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Save,
    Read,
    Delete,
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Action::Save => "save",
            Action::Read => "read",
            Action::Delete => "delete",
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SecretsError {
    /// The keychain cannot be reached or used at all (no session bus, no Secret Service, locked and
    /// not unlocked, access refused). Nothing was saved or read, and there is no fallback.
    #[error("{}", unreachable_message(detail))]
    Unreachable { detail: String },
    /// The keychain answered but the operation failed.
    #[error("the system keychain could not {action} the entry '{key}': {detail}")]
    Failed { action: Action, key: String, detail: String },
    /// The stored value is not UTF-8 text, so Scout did not write it. Its bytes are not kept here.
    #[error(
        "the system keychain's entry '{key}' is not text (Scout did not write it); remove the entry and \
         enter the secret again in Scout"
    )]
    NotText { key: String },
    #[error(
        "the system keychain has {count} entries named '{key}' where Scout expects one; remove the extra \
         ones (for example with Seahorse, Keychain Access or Credential Manager) and try again"
    )]
    Ambiguous { key: String, count: usize },
    /// The keychain refused the entry as given (a name or value too long, an invalid attribute).
    #[error("the system keychain does not accept the entry '{key}': {detail}")]
    Rejected { key: String, detail: String },
    /// The blocking keychain call did not finish (its thread panicked or the runtime shut down).
    #[error("the keychain call stopped before it finished: {detail}")]
    Interrupted { detail: String },
}

pub type Result<T> = std::result::Result<T, SecretsError>;

#[cfg(target_os = "linux")]
const KEYCHAIN: &str =
    "the Secret Service: a keyring such as GNOME Keyring or KWallet must be running and unlocked";
#[cfg(target_os = "linux")]
const REMEDY: &str = "Log in to a desktop session that starts your keyring, or start one (for example \
     `gnome-keyring-daemon --start --components=secrets`), unlock it when asked";
#[cfg(target_os = "macos")]
const KEYCHAIN: &str = "the macOS Keychain: it must be unlocked and Scout allowed to use it";
#[cfg(target_os = "macos")]
const REMEDY: &str = "Unlock your login keychain (Keychain Access) and allow Scout when macOS asks";
#[cfg(target_os = "windows")]
const KEYCHAIN: &str = "Windows Credential Manager";
#[cfg(target_os = "windows")]
const REMEDY: &str = "Sign in to Windows with your own account and make sure the Credential Manager \
     service is running";
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const KEYCHAIN: &str = "no keychain this build of Scout can use on this system";
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const REMEDY: &str = "Use Scout on Linux, macOS or Windows";

fn unreachable_message(detail: &str) -> String {
    format!(
        "Scout cannot reach the system keychain ({KEYCHAIN}). Scout keeps passwords, app secrets and \
         tokens only there, never in its database or anywhere else, so nothing was saved or read. \
         {REMEDY}, then try again. (Details: {detail})"
    )
}

impl SecretsError {
    /// Replaces any occurrence of `secret` in the error's details: platform messages are not known to
    /// quote the value, and this keeps it that way should one ever start to.
    pub(crate) fn without(self, secret: &str) -> SecretsError {
        if secret.is_empty() {
            return self;
        }
        let scrub = |s: String| s.replace(secret, "[redacted]");
        match self {
            SecretsError::Unreachable { detail } => SecretsError::Unreachable { detail: scrub(detail) },
            SecretsError::Failed { action, key, detail } => {
                SecretsError::Failed { action, key, detail: scrub(detail) }
            }
            SecretsError::Rejected { key, detail } => SecretsError::Rejected { key, detail: scrub(detail) },
            SecretsError::Interrupted { detail } => SecretsError::Interrupted { detail: scrub(detail) },
            other => other,
        }
    }
}
