//! The signed-request core: every call carries `app_key`, a 10-digit `timestamp`, `shop_cipher` and a
//! `sign` over the path, the sorted query and the exact body bytes sent; the access token travels in
//! the `x-tts-access-token` header. Rate limits and server errors are retried with jittered
//! exponential backoff; an expired access token is refreshed once and the call repeated.

use std::hash::{BuildHasher, Hasher};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use chrono::Utc;

use super::auth;
use super::config::{TiktokConfig, Tokens};
use super::error::{transport, Scrubber, TiktokError};
use super::wire::read_reply;
use crate::signing;

/// How many times a rate-limited or failed-on-the-server call is repeated before giving up.
pub const MAX_RETRIES: u32 = 3;
/// An access token that expires within this many seconds is refreshed before a call.
pub const REFRESH_MARGIN_SECONDS: i64 = 60;
const DEFAULT_RETRY_BASE: Duration = Duration::from_millis(500);
/// No single wait is longer than this, whatever the server's `Retry-After` says.
const MAX_WAIT: Duration = Duration::from_secs(60);

/// A client for one shop's affiliate seller API. Cheap to share by reference across tasks; the tokens
/// it holds change when they are refreshed (see [`TiktokClient::tokens_changed`]).
pub struct TiktokClient {
    pub(crate) config: TiktokConfig,
    app_secret: String,
    http: reqwest::Client,
    state: Mutex<TokenState>,
    /// Serializes refreshes so concurrent calls that all see an expired token refresh it once.
    refresh_lock: tokio::sync::Mutex<()>,
    retry_base: Duration,
}

struct TokenState {
    tokens: Tokens,
    /// Bumped on every refresh, so a caller can tell whether someone else refreshed meanwhile.
    generation: u64,
    changed: bool,
}

impl std::fmt::Debug for TiktokClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TiktokClient")
            .field("config", &self.config)
            .field("app_secret", &"[redacted]")
            .field("tokens", &self.state().tokens)
            .field("retry_base", &self.retry_base)
            .finish()
    }
}

/// An HTTP method the client uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
}

impl TiktokClient {
    /// A client for the shop in `config`, acting with the seller's `tokens`.
    pub fn new(config: TiktokConfig, app_secret: String, tokens: Tokens) -> Result<Self, TiktokError> {
        for (field, value) in [
            ("api_base", &config.api_base),
            ("auth_base", &config.auth_base),
            ("app_key", &config.app_key),
            ("shop_cipher", &config.shop_cipher),
        ] {
            if value.trim().is_empty() {
                return Err(TiktokError::invalid(field, "is empty"));
            }
        }
        for (field, value) in [("api_base", &config.api_base), ("auth_base", &config.auth_base)] {
            if !(value.starts_with("https://") || value.starts_with("http://")) {
                return Err(TiktokError::invalid(field, format!("'{value}' is not an http(s) URL")));
            }
        }
        if app_secret.is_empty() {
            return Err(TiktokError::invalid("app_secret", "is empty"));
        }
        Ok(TiktokClient {
            config,
            app_secret,
            http: auth::http_client()?,
            state: Mutex::new(TokenState { tokens, generation: 0, changed: false }),
            refresh_lock: tokio::sync::Mutex::new(()),
            retry_base: DEFAULT_RETRY_BASE,
        })
    }

    /// Sets the first backoff wait (default 500 ms; each retry doubles it, with jitter). For tests.
    pub fn with_retry_base(mut self, base: Duration) -> Self {
        self.retry_base = base;
        self
    }

    /// The configuration the client was made with.
    pub fn config(&self) -> &TiktokConfig {
        &self.config
    }

    /// The current tokens, refreshed ones included.
    pub fn tokens(&self) -> Tokens {
        self.state().tokens.clone()
    }

    /// Whether the tokens were refreshed since the client was made: the caller should store
    /// [`TiktokClient::tokens`] again.
    pub fn tokens_changed(&self) -> bool {
        self.state().changed
    }

    /// Exchanges the refresh token for new tokens now and keeps them. Fails with
    /// [`TiktokError::Unauthorized`] when the refresh token has expired or is refused.
    pub async fn refresh_tokens(&self) -> Result<Tokens, TiktokError> {
        let _guard = self.refresh_lock.lock().await;
        self.refresh_locked().await
    }

    fn state(&self) -> MutexGuard<'_, TokenState> {
        // The state is replaced whole under the lock, so a panic elsewhere cannot leave it half-written.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    async fn refresh_locked(&self) -> Result<Tokens, TiktokError> {
        let current = self.tokens();
        if current.refresh_expires_at <= Utc::now() {
            return Err(TiktokError::Unauthorized {
                message: format!(
                    "the refresh token expired at {}",
                    current.refresh_expires_at.format("%Y-%m-%d %H:%M UTC")
                ),
            });
        }
        let scrubber = Scrubber::new([
            self.app_secret.as_str(),
            current.refresh_token.as_str(),
            current.access_token.as_str(),
        ]);
        let fresh =
            auth::refresh(&self.http, &self.config, &self.app_secret, &current.refresh_token, &scrubber)
                .await?;
        let mut state = self.state();
        state.tokens = fresh.clone();
        state.generation += 1;
        state.changed = true;
        Ok(fresh)
    }

    /// Refreshes unless another call already did since `seen_generation`.
    async fn refresh_unless_done(&self, seen_generation: u64) -> Result<(), TiktokError> {
        let _guard = self.refresh_lock.lock().await;
        if self.state().generation != seen_generation {
            return Ok(());
        }
        self.refresh_locked().await.map(|_| ())
    }

    /// One API call: signs and sends, retries rate limits and server errors, refreshes the token once
    /// when it has expired. Returns the reply's `data`.
    pub(crate) async fn call(
        &self,
        method: Method,
        path: &str,
        extra_query: &[(&str, String)],
        body: Option<&[u8]>,
    ) -> Result<serde_json::Value, TiktokError> {
        let mut refreshed = false;
        let mut retries = 0;
        loop {
            let (tokens, generation) = {
                let state = self.state();
                (state.tokens.clone(), state.generation)
            };
            let margin = chrono::Duration::seconds(REFRESH_MARGIN_SECONDS);
            if !refreshed && tokens.access_expires_within(Utc::now(), margin) {
                self.refresh_unless_done(generation).await?;
                refreshed = true;
                continue;
            }
            match self.send_once(method, path, extra_query, body, &tokens).await {
                Ok(data) => return Ok(data),
                Err(TiktokError::TokenExpired { .. }) if !refreshed => {
                    self.refresh_unless_done(generation).await?;
                    refreshed = true;
                }
                Err(e) if e.retried_inside() && retries < MAX_RETRIES => {
                    let retry_after = match &e {
                        TiktokError::RateLimited { retry_after, .. } => *retry_after,
                        _ => None,
                    };
                    tokio::time::sleep(backoff(self.retry_base, retries, retry_after)).await;
                    retries += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    async fn send_once(
        &self,
        method: Method,
        path: &str,
        extra_query: &[(&str, String)],
        body: Option<&[u8]>,
        tokens: &Tokens,
    ) -> Result<serde_json::Value, TiktokError> {
        let timestamp = Utc::now().timestamp().to_string();
        let mut query: Vec<(&str, &str)> = vec![
            ("app_key", &self.config.app_key),
            ("timestamp", &timestamp),
            ("shop_cipher", &self.config.shop_cipher),
        ];
        query.extend(extra_query.iter().map(|(k, v)| (*k, v.as_str())));
        let sign = signing::sign(&self.app_secret, path, &query, body.unwrap_or_default());
        query.push(("sign", &sign));

        let url = auth::with_query(&self.config.api_base, path, &query)?;
        let request = match method {
            Method::Get => self.http.get(url),
            Method::Post => self.http.post(url),
        };
        let mut request = request.header("x-tts-access-token", &tokens.access_token);
        if let Some(bytes) = body {
            // The very bytes that were signed.
            request = request.header(reqwest::header::CONTENT_TYPE, "application/json").body(bytes.to_vec());
        }
        let scrubber = Scrubber::new([
            self.app_secret.as_str(),
            tokens.access_token.as_str(),
            tokens.refresh_token.as_str(),
        ]);
        let response = request.send().await.map_err(|e| transport(e, &scrubber))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let bytes = response.bytes().await.map_err(|e| transport(e, &scrubber))?;
        read_reply(status, retry_after, &bytes, &scrubber)
    }
}

/// The wait before retry number `attempt` (0-based): `base × 2^attempt`, of which the upper half is
/// random ("equal jitter"), so many clients do not retry in step; never shorter than the server's
/// `Retry-After`, never longer than a minute.
pub(crate) fn backoff(base: Duration, attempt: u32, retry_after: Option<Duration>) -> Duration {
    let full = base.saturating_mul(1u32 << attempt.min(16));
    let half = full / 2;
    let jitter = half.mul_f64(random_fraction());
    let wait = (half + jitter).max(retry_after.unwrap_or_default());
    wait.min(MAX_WAIT)
}

/// A number in [0, 1) from the standard library's randomly keyed hasher: plenty for jitter.
fn random_fraction() -> f64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
    );
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_in_the_upper_half() {
        let base = Duration::from_millis(100);
        for attempt in 0..4 {
            let full = base * (1 << attempt);
            for _ in 0..50 {
                let w = backoff(base, attempt, None);
                assert!(
                    w >= full / 2 && w <= full,
                    "attempt {attempt}: {w:?} within [{:?}, {full:?}]",
                    full / 2
                );
            }
        }
        assert_eq!(
            backoff(base, 0, Some(Duration::from_secs(2))),
            Duration::from_secs(2),
            "Retry-After wins"
        );
        assert_eq!(backoff(Duration::from_secs(50), 5, None), MAX_WAIT, "capped");
    }
}
