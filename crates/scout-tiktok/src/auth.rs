//! OAuth: the authorization code from the seller's consent redirect is exchanged for tokens, and the
//! refresh token for new ones (domain.md). These calls are not signed; they carry the app secret in
//! the query, so their URLs never go into an error.

use chrono::{DateTime, Utc};

use super::config::{TiktokConfig, Tokens};
use super::error::{transport, Scrubber, TiktokError};
use super::wire::{parse_data, read_reply, TokenData};

/// The HTTP client for both hosts: rustls with the ring provider (shared with the e-mail channel) and
/// the operating system's trust store, bounded waits.
pub(crate) fn http_client() -> Result<reqwest::Client, TiktokError> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| b.with_platform_verifier())
        .map_err(|e| TiktokError::Transport(format!("TLS set-up: {e}")))?
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(30))
        .user_agent(concat!("Scout/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| transport(e, &Scrubber::default()))
}

/// Exchanges the `code` from the seller's authorization redirect for tokens:
/// `GET {auth_base}/api/v2/token/get?app_key&app_secret&auth_code&grant_type=authorized_code`.
pub async fn exchange_code(
    config: &TiktokConfig,
    app_secret: &str,
    auth_code: &str,
) -> Result<Tokens, TiktokError> {
    if auth_code.trim().is_empty() {
        return Err(TiktokError::invalid("auth_code", "the authorization code is empty"));
    }
    let http = http_client()?;
    let query = [
        ("app_key", config.app_key.as_str()),
        ("app_secret", app_secret),
        ("auth_code", auth_code),
        ("grant_type", "authorized_code"),
    ];
    token_call(&http, config, "/api/v2/token/get", &query, &Scrubber::new([app_secret, auth_code])).await
}

/// Exchanges a refresh token for new tokens:
/// `GET {auth_base}/api/v2/token/refresh?app_key&app_secret&refresh_token&grant_type=refresh_token`.
pub(crate) async fn refresh(
    http: &reqwest::Client,
    config: &TiktokConfig,
    app_secret: &str,
    refresh_token: &str,
    scrubber: &Scrubber<'_>,
) -> Result<Tokens, TiktokError> {
    let query = [
        ("app_key", config.app_key.as_str()),
        ("app_secret", app_secret),
        ("refresh_token", refresh_token),
        ("grant_type", "refresh_token"),
    ];
    token_call(http, config, "/api/v2/token/refresh", &query, scrubber).await
}

async fn token_call(
    http: &reqwest::Client,
    config: &TiktokConfig,
    path: &str,
    query: &[(&str, &str)],
    scrubber: &Scrubber<'_>,
) -> Result<Tokens, TiktokError> {
    let url = with_query(&config.auth_base, path, query)?;
    let response = http.get(url).send().await.map_err(|e| transport(e, scrubber))?;
    let status = response.status().as_u16();
    let body = response.bytes().await.map_err(|e| transport(e, scrubber))?;
    let data = match read_reply(status, None, &body, scrubber) {
        Ok(data) => data,
        // Any refusal by the token endpoint means the grant is no good: authorize again.
        Err(TiktokError::Api { message, .. })
        | Err(TiktokError::TokenExpired { message, .. })
        | Err(TiktokError::InvalidSign { message, .. })
        | Err(TiktokError::MissingScope { message, .. }) => {
            return Err(TiktokError::Unauthorized { message })
        }
        Err(e) => return Err(e),
    };
    let data: TokenData = parse_data(data, "token reply")?;
    let now = Utc::now();
    Ok(Tokens {
        access_expires_at: expiry(data.access_token_expire_in, now)?,
        refresh_expires_at: expiry(data.refresh_token_expire_in, now)?,
        access_token: data.access_token,
        refresh_token: data.refresh_token,
    })
}

/// `base` + `path` with the query URL-encoded. The error names the base only: the query may hold secrets.
pub(crate) fn with_query(
    base: &str,
    path: &str,
    query: &[(&str, &str)],
) -> Result<reqwest::Url, TiktokError> {
    let url = format!("{}{path}", base.trim_end_matches('/'));
    reqwest::Url::parse_with_params(&url, query)
        .map_err(|e| TiktokError::invalid("base URL", format!("'{base}' does not make a URL: {e}")))
}

/// `*_expire_in` is an absolute Unix time (domain.md). A small number is read as seconds from now, in
/// case a region answers with a duration instead.
fn expiry(value: i64, now: DateTime<Utc>) -> Result<DateTime<Utc>, TiktokError> {
    const YEAR_2001: i64 = 1_000_000_000;
    let at = if (0..YEAR_2001).contains(&value) {
        Some(now + chrono::Duration::seconds(value))
    } else {
        DateTime::from_timestamp(value, 0)
    };
    at.ok_or_else(|| TiktokError::Unexpected(format!("token expiry {value} is not a time")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_is_absolute_unix_time_or_a_duration_when_small() {
        let now = Utc::now();
        assert_eq!(expiry(1_900_000_000, now).unwrap().timestamp(), 1_900_000_000);
        assert_eq!(expiry(3600, now).unwrap(), now + chrono::Duration::seconds(3600));
    }

    #[test]
    fn the_http_client_builds_with_ring_and_the_platform_verifier() {
        http_client().unwrap();
    }
}
