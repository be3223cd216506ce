//! What is kept in the keychain (`Secret`) and under which name (`SecretKey`).

use std::fmt;
use zeroize::Zeroize;

/// A password, app secret or token. Its `Debug` and `Display` print `[redacted]`, so a secret that ends
/// up in a log line, an error or a `{:?}` shows nothing; only [`Secret::expose`] gives the text, at the
/// one place that must hand it on (an SMTP login, a request signature). The memory is wiped on drop.
/// Deliberately not `Serialize`: a secret never goes into the database or across IPC.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret's text. Hand it straight to what needs it; do not format or log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Names one secret Scout keeps. Its [`account`](SecretKey::account) is the entry's user/account name
/// in the keychain (the service being the app's identifier), so a seller can find Scout's entries in
/// Seahorse, Keychain Access or Credential Manager. None of the parts is secret: they may appear in
/// errors and logs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SecretKey {
    /// The password of an SMTP account: `smtp:<username>@<host>` (host in lower case).
    SmtpPassword { username: String, host: String },
    /// A TikTok Shop app's secret: `tiktok-app-secret:<app_key>`.
    TikTokAppSecret { app_key: String },
    /// A shop's access and refresh tokens for an app: `tiktok-tokens:<app_key>:<shop_cipher>`.
    TikTokTokens { app_key: String, shop_cipher: String },
}

impl SecretKey {
    pub fn smtp_password(username: impl Into<String>, host: impl Into<String>) -> SecretKey {
        // Host names are case-insensitive: "SMTP.example.com" and "smtp.example.com" are one account.
        SecretKey::SmtpPassword { username: username.into(), host: host.into().to_ascii_lowercase() }
    }

    pub fn tiktok_app_secret(app_key: impl Into<String>) -> SecretKey {
        SecretKey::TikTokAppSecret { app_key: app_key.into() }
    }

    pub fn tiktok_tokens(app_key: impl Into<String>, shop_cipher: impl Into<String>) -> SecretKey {
        SecretKey::TikTokTokens { app_key: app_key.into(), shop_cipher: shop_cipher.into() }
    }

    /// The entry's account name in the keychain.
    pub fn account(&self) -> String {
        match self {
            SecretKey::SmtpPassword { username, host } => format!("smtp:{username}@{host}"),
            SecretKey::TikTokAppSecret { app_key } => format!("tiktok-app-secret:{app_key}"),
            SecretKey::TikTokTokens { app_key, shop_cipher } => {
                format!("tiktok-tokens:{app_key}:{shop_cipher}")
            }
        }
    }
}

impl fmt::Display for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.account())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_prints_redacted_and_exposes_its_text_only_on_request() {
        let secret = Secret::new("hunter2-very-secret");
        assert_eq!(format!("{secret}"), "[redacted]", "Display must not show the secret");
        assert_eq!(format!("{secret:?}"), "[redacted]", "Debug must not show the secret");
        assert_eq!(
            format!("{:?}", Some(&secret)),
            "Some([redacted])",
            "Debug of a containing value must not show it either"
        );
        assert_eq!(secret.expose(), "hunter2-very-secret", "expose gives the text back unchanged");
    }

    #[test]
    fn keys_name_the_account_kind_and_its_parts() {
        assert_eq!(
            SecretKey::smtp_password("anna@shop.example", "SMTP.Example.com").account(),
            "smtp:anna@shop.example@smtp.example.com",
            "SMTP: username @ lower-cased host"
        );
        assert_eq!(SecretKey::tiktok_app_secret("6abc").account(), "tiktok-app-secret:6abc");
        assert_eq!(
            SecretKey::tiktok_tokens("6abc", "ROW_xyz").to_string(),
            "tiktok-tokens:6abc:ROW_xyz",
            "tokens are per app and shop"
        );
    }
}
