//! The TikTok Shop connection: which app and shop Scout speaks for (a setting, no secrets), the app
//! secret and the seller's OAuth tokens (in the OS keychain only), connecting with an authorization
//! code, the connection's status and disconnecting; the outreach quota in plain words, the pace of calls
//! and the status sync. Delivering offers is a channel of `outreach::delivery`.

mod enrich;
mod marketplace;
mod marketplace_import;
mod pace;
mod profile_refresh;
mod quota;
mod shop_profile;
mod sync;

pub use enrich::{EnrichReport, PROFILES_SOURCE};
pub use marketplace::{
    AdvancedFilter, MarketplaceBudget, MarketplaceOptions, MarketplaceSorter, MARKETPLACE_DAILY_REQUESTS,
};
pub use marketplace_import::MARKETPLACE_SOURCE;
pub(crate) use pace::Pacer;
pub use profile_refresh::{PROFILE_MAX_AGE_DAYS, REFRESH_PER_DAY};
pub(crate) use quota::{quota_retry_at, quota_unreadable, quota_unreadable_note};
pub use quota::{TiktokQuota, TiktokQuotaPart};
pub use sync::TiktokSyncReport;

use crate::{AppError, Result, Workspace};
use chrono::{DateTime, Utc};
use scout_secrets::{Secret, SecretKey};
use scout_tiktok::{self as tiktok, TiktokClient, TiktokConfig, TiktokError, Tokens};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const TIKTOK_KEY: &str = "tiktok";
/// Milliseconds between two TikTok Shop calls by default (the API allows 50 a second; we stay gentle).
pub const DEFAULT_TIKTOK_INTERVAL_MS: u64 = 1_000;

fn default_interval_ms() -> u64 {
    DEFAULT_TIKTOK_INTERVAL_MS
}

/// The app and shop Scout acts for on TikTok Shop. Holds no secret (the app secret and the tokens
/// live in the OS keychain), so it is stored as a workspace setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TiktokConnection {
    /// The app's public key (`app_key`).
    pub app_key: String,
    /// Which authorized shop the calls are for (`shop_cipher`).
    pub shop_cipher: String,
    /// The Open API's base URL (production: `https://open-api.tiktokglobalshop.com`).
    pub api_base: String,
    /// The OAuth host's base URL (production: `https://auth.tiktok-shops.com`).
    pub auth_base: String,
    /// The shop's name, for display.
    pub shop_name: Option<String>,
    /// Milliseconds at least between two calls to TikTok Shop (default 1000).
    #[serde(default = "default_interval_ms")]
    #[ts(type = "number")]
    pub interval_ms: u64,
}

impl TiktokConnection {
    /// A connection to the production hosts.
    pub fn new(app_key: impl Into<String>, shop_cipher: impl Into<String>) -> TiktokConnection {
        TiktokConnection {
            app_key: app_key.into(),
            shop_cipher: shop_cipher.into(),
            api_base: tiktok::DEFAULT_API_BASE.to_string(),
            auth_base: tiktok::DEFAULT_AUTH_BASE.to_string(),
            shop_name: None,
            interval_ms: DEFAULT_TIKTOK_INTERVAL_MS,
        }
    }

    pub(crate) fn config(&self) -> TiktokConfig {
        TiktokConfig {
            api_base: self.api_base.trim_end_matches('/').to_string(),
            auth_base: self.auth_base.trim_end_matches('/').to_string(),
            app_key: self.app_key.trim().to_string(),
            shop_cipher: self.shop_cipher.trim().to_string(),
        }
    }

    fn secret_key(&self) -> SecretKey {
        SecretKey::tiktok_app_secret(self.app_key.trim())
    }

    fn tokens_key(&self) -> SecretKey {
        SecretKey::tiktok_tokens(self.app_key.trim(), self.shop_cipher.trim())
    }
}

/// Whether Scout can act for the shop, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TiktokStatus {
    /// A connection is saved and its app secret and tokens are in the keychain.
    pub connected: bool,
    /// The saved connection (kept after disconnecting, to fill the form again).
    pub connection: Option<TiktokConnection>,
    pub access_expires_at: Option<DateTime<Utc>>,
    /// After this the seller must connect again.
    pub refresh_expires_at: Option<DateTime<Utc>>,
    /// The outreach quota, when TikTok Shop could be asked.
    pub quota: Option<TiktokQuota>,
    /// Why the quota could not be read (or the connection is unusable), in plain words.
    pub problem: Option<String>,
}

/// A TikTok Shop error as the app passes it on: a local check names its field; everything else keeps its
/// type, so the window can tell a seller whose network is down from one who must reconnect.
pub(crate) fn tiktok_error(e: TiktokError) -> AppError {
    match e {
        TiktokError::Invalid { field, message } => AppError::InvalidField {
            field: format!("tiktok.{field}"),
            message: format!("{field}: {message}"),
        },
        other => AppError::Tiktok(other),
    }
}

/// Not connected yet: the connection is a setting, so the window offers the way to Settings.
pub(crate) fn not_connected() -> AppError {
    AppError::InvalidField {
        field: "tiktok.connection".into(),
        message: "TikTok Shop is not connected: connect it in Settings → TikTok Shop".into(),
    }
}

impl Workspace {
    /// The saved TikTok Shop connection, if any.
    pub async fn tiktok_connection(&self) -> Result<Option<TiktokConnection>> {
        self.json_setting(TIKTOK_KEY).await
    }

    /// Saves the connection's settings (no secrets), e.g. a changed interval.
    pub async fn set_tiktok_connection(&self, connection: &TiktokConnection) -> Result<()> {
        check_connection(connection)?;
        self.set_json_setting(TIKTOK_KEY, connection).await
    }

    /// Connects the shop: exchanges the authorization code from the seller's consent redirect for
    /// tokens, then keeps the app secret and the tokens in the OS keychain and saves the connection.
    /// Nothing is stored when the exchange fails.
    pub async fn connect_tiktok(
        &self,
        connection: &TiktokConnection,
        app_secret: Secret,
        auth_code: &str,
    ) -> Result<TiktokStatus> {
        check_connection(connection)?;
        if app_secret.is_empty() {
            return Err(AppError::InvalidField {
                field: "tiktok.app_secret".into(),
                message: "the app secret is empty".into(),
            });
        }
        let tokens = tiktok::exchange_code(&connection.config(), app_secret.expose(), auth_code.trim())
            .await
            .map_err(tiktok_error)?;
        self.keychain.set_async(connection.secret_key(), app_secret).await?;
        self.store_tokens(connection, &tokens).await?;
        self.set_json_setting(TIKTOK_KEY, connection).await?;
        tracing::info!(app_key = %connection.app_key, "TikTok Shop connected");
        // Offers a refused authorization held back go at once (the quota still guards them).
        self.store.retry_now(scout_store::OfferChannel::Tiktok, Utc::now()).await?;
        self.store.retry_actions_now(Utc::now()).await?;
        self.tiktok_status().await
    }

    /// Forgets the app secret and tokens (the keychain entries); the connection's settings stay.
    pub async fn disconnect_tiktok(&self) -> Result<()> {
        let Some(connection) = self.tiktok_connection().await? else { return Ok(()) };
        self.keychain.delete_async(connection.tokens_key()).await?;
        self.keychain.delete_async(connection.secret_key()).await?;
        Ok(())
    }

    /// Whether the shop is connected, until when, and its outreach quota when TikTok Shop answers.
    pub async fn tiktok_status(&self) -> Result<TiktokStatus> {
        let connection = self.tiktok_connection().await?;
        let mut status = TiktokStatus {
            connected: false,
            connection: connection.clone(),
            access_expires_at: None,
            refresh_expires_at: None,
            quota: None,
            problem: None,
        };
        let Some(connection) = connection else { return Ok(status) };
        let Some(client) = self.tiktok_client_for(&connection).await? else { return Ok(status) };
        status.connected = true;
        let quota = client.outreach_quota().await;
        self.save_refreshed_tokens(&connection, &client).await?;
        match quota {
            Ok(q) => status.quota = Some(TiktokQuota::from(&q)),
            Err(e) if quota_unreadable(&e) => status.problem = Some(quota_unreadable_note(&e)),
            Err(e) => status.problem = Some(tiktok_error(e).to_string()),
        }
        let tokens = client.tokens();
        status.access_expires_at = Some(tokens.access_expires_at);
        status.refresh_expires_at = Some(tokens.refresh_expires_at);
        Ok(status)
    }

    /// The saved connection and a client with its secrets from the keychain; an error saying where to
    /// connect when anything is missing.
    pub(crate) async fn tiktok_client(&self) -> Result<(TiktokConnection, TiktokClient)> {
        let connection = self.tiktok_connection().await?.ok_or_else(not_connected)?;
        let client = self.tiktok_client_for(&connection).await?.ok_or_else(not_connected)?;
        Ok((connection, client))
    }

    async fn tiktok_client_for(&self, connection: &TiktokConnection) -> Result<Option<TiktokClient>> {
        let Some(secret) = self.keychain.get_async(connection.secret_key()).await? else { return Ok(None) };
        let Some(tokens) = self.keychain.get_async(connection.tokens_key()).await? else { return Ok(None) };
        let tokens: Tokens = serde_json::from_str(tokens.expose()).map_err(|_| {
            // serde's message could quote the value: leave it out.
            AppError::Tiktok(TiktokError::Unauthorized {
                message: "the TikTok Shop tokens in the keychain are unreadable".into(),
            })
        })?;
        let client = TiktokClient::new(connection.config(), secret.expose().to_string(), tokens)
            .map_err(tiktok_error)?;
        Ok(Some(client))
    }

    async fn store_tokens(&self, connection: &TiktokConnection, tokens: &Tokens) -> Result<()> {
        let json = serde_json::to_string(tokens)
            .map_err(|e| AppError::Internal(format!("tokens cannot be encoded: {e}")))?;
        Ok(self.keychain.set_async(connection.tokens_key(), Secret::new(json)).await?)
    }

    /// Writes refreshed tokens back to the keychain (call after every use of a client).
    pub(crate) async fn save_refreshed_tokens(
        &self,
        connection: &TiktokConnection,
        client: &TiktokClient,
    ) -> Result<()> {
        if client.tokens_changed() {
            self.store_tokens(connection, &client.tokens()).await?;
            tracing::info!("refreshed TikTok Shop tokens saved in the keychain");
        }
        Ok(())
    }
}

fn check_connection(c: &TiktokConnection) -> Result<()> {
    for (field, value) in [
        ("app_key", &c.app_key),
        ("shop_cipher", &c.shop_cipher),
        ("api_base", &c.api_base),
        ("auth_base", &c.auth_base),
    ] {
        if value.trim().is_empty() {
            return Err(AppError::InvalidField {
                field: format!("tiktok.{field}"),
                message: format!("{field} is empty"),
            });
        }
    }
    for (field, value) in [("api_base", &c.api_base), ("auth_base", &c.auth_base)] {
        if !(value.starts_with("https://") || value.starts_with("http://")) {
            return Err(AppError::InvalidField {
                field: format!("tiktok.{field}"),
                message: format!("{field}: '{value}' is not an http(s) URL"),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_without_an_interval_reads_the_default() {
        let c: TiktokConnection = serde_json::from_str(
            r#"{"app_key":"k","shop_cipher":"c","api_base":"https://a","auth_base":"https://b","shop_name":null}"#,
        )
        .unwrap();
        assert_eq!(c.interval_ms, DEFAULT_TIKTOK_INTERVAL_MS);
        assert!(check_connection(&c).is_ok());
        let bad = TiktokConnection { api_base: "ftp://x".into(), ..c };
        assert!(
            matches!(check_connection(&bad), Err(AppError::InvalidField { field, .. }) if field == "tiktok.api_base")
        );
    }
}
