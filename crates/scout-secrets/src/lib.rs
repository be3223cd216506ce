//! Scout's secrets — SMTP passwords, TikTok Shop app secrets and tokens — kept in the operating
//! system's keychain through the `keyring` crate: the Secret Service (GNOME Keyring, KWallet) on Linux,
//! the Keychain on macOS, Credential Manager on Windows. Never in the database, a file, a log or an
//! error message: [`Secret`] prints `[redacted]` and errors name the entry, not its value. When the
//! keychain cannot be reached the caller gets [`SecretsError::Unreachable`], whose message tells the
//! person what to do; there is no plaintext fallback. Calls block; async code uses the `*_async`
//! methods. See docs/decisions/0009-secrets-in-the-os-keychain.md.

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
compile_error!(
    "scout-secrets supports Linux (Secret Service), macOS (Keychain) and Windows (Credential Manager)"
);

mod error;
mod keychain;
mod secret;

pub use error::{Action, Result, SecretsError};
pub use keychain::{Keychain, SERVICE};
pub use secret::{Secret, SecretKey};
