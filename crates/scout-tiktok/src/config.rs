//! What the client needs to know about the app and the shop (no secrets), and the seller's OAuth tokens.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The production Open API host (domain.md).
pub const DEFAULT_API_BASE: &str = "https://open-api.tiktokglobalshop.com";
/// The production OAuth host, where authorization codes and refresh tokens are exchanged.
pub const DEFAULT_AUTH_BASE: &str = "https://auth.tiktok-shops.com";

/// The app and the shop the client speaks for. Holds no secret: the app secret and the tokens are
/// passed in separately (from the keychain), so this can be stored in settings as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TiktokConfig {
    /// Base URL of the Open API, without a trailing slash (tests point it at a local server).
    pub api_base: String,
    /// Base URL of the OAuth token endpoints.
    pub auth_base: String,
    /// The app's public key (`app_key` in every request).
    pub app_key: String,
    /// Which authorized shop the calls are for (`shop_cipher` in every shop-scoped request).
    pub shop_cipher: String,
}

impl TiktokConfig {
    /// A configuration for the production hosts.
    pub fn new(app_key: impl Into<String>, shop_cipher: impl Into<String>) -> TiktokConfig {
        TiktokConfig {
            api_base: DEFAULT_API_BASE.to_string(),
            auth_base: DEFAULT_AUTH_BASE.to_string(),
            app_key: app_key.into(),
            shop_cipher: shop_cipher.into(),
        }
    }
}

/// The seller's OAuth tokens, as the token endpoints return them. Stored as JSON in the OS keychain;
/// `Debug` never shows the token values.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tokens {
    /// Sent in the `x-tts-access-token` header of every API call.
    pub access_token: String,
    /// When the access token stops working.
    pub access_expires_at: DateTime<Utc>,
    /// Exchanged for a new access token when the old one expires.
    pub refresh_token: String,
    /// After this the seller must authorize the app again.
    pub refresh_expires_at: DateTime<Utc>,
}

impl Tokens {
    /// Whether the access token has expired or will within `margin` of `now`.
    pub fn access_expires_within(&self, now: DateTime<Utc>, margin: Duration) -> bool {
        self.access_expires_at <= now + margin
    }
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"[redacted]")
            .field("access_expires_at", &self.access_expires_at)
            .field("refresh_token", &"[redacted]")
            .field("refresh_expires_at", &self.refresh_expires_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_expiry_but_never_the_tokens() {
        let t = Tokens {
            access_token: "ACCESS-abc123".into(),
            access_expires_at: Utc::now(),
            refresh_token: "REFRESH-xyz789".into(),
            refresh_expires_at: Utc::now(),
        };
        let shown = format!("{t:?} {t:#?}");
        assert!(!shown.contains("ACCESS-abc123") && !shown.contains("REFRESH-xyz789"), "{shown}");
        assert!(shown.contains("access_expires_at"), "{shown}");
    }

    #[test]
    fn tokens_round_trip_as_json_for_the_keychain() {
        let t = Tokens {
            access_token: "a".into(),
            access_expires_at: DateTime::from_timestamp(1_900_000_000, 0).unwrap(),
            refresh_token: "r".into(),
            refresh_expires_at: DateTime::from_timestamp(1_900_086_400, 0).unwrap(),
        };
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Tokens>(&json).unwrap(), t, "{json}");
    }

    #[test]
    fn new_uses_the_production_hosts() {
        let c = TiktokConfig::new("key", "cipher");
        assert_eq!(c.api_base, "https://open-api.tiktokglobalshop.com");
        assert_eq!(c.auth_base, "https://auth.tiktok-shops.com");
    }
}
