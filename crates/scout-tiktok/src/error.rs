//! One error type for the client, mapped from the API's `{code, message, request_id}` reply. Messages
//! carry the API's own text (scrubbed of the app secret and tokens) and never a URL, because the OAuth
//! URLs carry the app secret in their query.

use std::time::Duration;
use thiserror::Error;

/// Codes from domain.md ("TikTok Shop Open API"); check them against the official error list.
pub(crate) mod codes {
    pub const TOO_MANY_REQUESTS: i64 = 36009002;
    pub const INTERNAL_ERROR: i64 = 36009003;
    pub const TOKEN_EXPIRED: i64 = 105002;
    pub const MISSING_SCOPE: i64 = 105005;
    pub const INVALID_SIGN: i64 = 106001;
    pub const QUOTA_EXHAUSTED: i64 = 16024019;
    pub const FOLLOWER_LIMIT: i64 = 16024021;
    pub const CONFLICT: i64 = 16024022;
    pub const SENSITIVE_WORDS: i64 = 50001703;
    pub const DAILY_LIMIT: i64 = 45101004;
    pub const MESSAGE_QUOTA: i64 = 16030002;
    pub const SHOP_GMV_REQUIREMENT: i64 = 16030003;
    pub const CREATOR_PRIVACY: i64 = 45101021;
    pub const AGENCY_SAMPLE: i64 = 16022020;
}

/// What went wrong talking to TikTok Shop. In every variant that comes from a reply, `message` is the
/// API's own text (scrubbed of secrets) and `request_id` the id TikTok Shop support asks for.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TiktokError {
    /// HTTP 429 or code 36009002. Already retried inside the client; try again later.
    #[error("TikTok Shop asks Scout to slow down (code {code}): {message}")]
    RateLimited { code: i64, message: String, request_id: String, retry_after: Option<Duration> },
    /// HTTP 5xx or code 36009003. Already retried inside the client; try again later.
    #[error("TikTok Shop is not answering properly for now (HTTP {status}, code {code}): {message}")]
    Unavailable { status: u16, code: i64, message: String, request_id: String },
    /// Code 105002 even after the access token was refreshed.
    #[error("the TikTok Shop access token has expired and a refresh did not help: {message}")]
    TokenExpired { message: String, request_id: String },
    /// The token endpoint refused to issue tokens (bad authorization code, refresh token expired or
    /// revoked): the seller must connect the shop again.
    #[error("TikTok Shop refused the authorization; connect the shop again: {message}")]
    Unauthorized { message: String },
    /// Code 16024019: the shop's outreach quota is used up for now.
    #[error("the shop's creator outreach quota is used up: {message}")]
    QuotaExhausted { message: String, request_id: String },
    /// Code 45101004: the day's budget of creator marketplace searches (or messages), 10,000 requests,
    /// is used up; it renews the next day.
    #[error("today's TikTok Shop budget of creator marketplace searches or messages is used up; it renews tomorrow: {message}")]
    DailyLimit { message: String, request_id: String },
    /// Code 16030002: the quota for messaging creators new to the shop (shared with invitations) is used
    /// up for now.
    #[error("the shop's quota for messaging new creators is used up; it renews with the weekly outreach quota: {message}")]
    MessageQuotaExhausted { message: String, request_id: String },
    /// Code 16030003: the shop's affiliate GMV is below what TikTok Shop requires before it may message
    /// creators.
    #[error("the shop does not yet sell enough through affiliates for TikTok Shop to let it message creators: {message}")]
    ShopGmvRequirement { message: String, request_id: String },
    /// Code 45101021: the creator's privacy settings do not accept messages from this shop.
    #[error("this creator's privacy settings do not accept messages from shops: {message}")]
    CreatorPrivacy { message: String, request_id: String },
    /// Code 16022020: an agency submitted this sample request for the creator; it cannot be reviewed
    /// through the API.
    #[error("an agency submitted this sample request for the creator, so it cannot be approved or rejected from Scout: {message}")]
    AgencySample { message: String, request_id: String },
    /// Code 16024021: a creator is over the follower limit this shop may invite.
    #[error("a creator is over the follower limit for this shop's invitations: {message}")]
    FollowerLimit { message: String, request_id: String },
    /// Code 16024022: a conflicting collaboration already exists.
    #[error("a conflicting target collaboration already exists: {message}")]
    Conflict { message: String, request_id: String },
    /// Code 50001703: the name or message contains words TikTok Shop does not allow.
    #[error("the invitation contains words TikTok Shop does not allow: {message}")]
    SensitiveWords { message: String, request_id: String },
    /// Code 106001: the signature did not match (usually a wrong app secret).
    #[error("TikTok Shop rejected the request signature (is the app secret right?): {message}")]
    InvalidSign { message: String, request_id: String },
    /// Code 105005: the seller has not granted the scope this call needs.
    #[error("the app lacks a permission (scope) this call needs: {message}")]
    MissingScope { message: String, request_id: String },
    /// Any other non-zero code.
    #[error("TikTok Shop error {code}: {message} (request {request_id})")]
    Api { code: i64, message: String, request_id: String },
    /// The request did not get an answer (connection refused, timeout, TLS).
    #[error("could not reach TikTok Shop: {0}")]
    Transport(String),
    /// An answer that is not the documented JSON envelope or lacks an expected field.
    #[error("TikTok Shop sent an answer Scout cannot read: {0}")]
    Unexpected(String),
    /// Refused before anything was sent.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
}

impl TiktokError {
    /// Whether the same request may succeed later (rate limits, server trouble, no connection).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::RateLimited { .. } | Self::Unavailable { .. } | Self::Transport(_))
    }

    /// Whether the seller has to authorize the app again before anything works.
    pub fn needs_reauthorization(&self) -> bool {
        matches!(self, Self::Unauthorized { .. } | Self::TokenExpired { .. })
    }

    /// The API's code, when the error came from a reply.
    pub fn code(&self) -> Option<i64> {
        use codes::*;
        Some(match self {
            Self::RateLimited { code, .. } | Self::Unavailable { code, .. } | Self::Api { code, .. } => *code,
            Self::TokenExpired { .. } => TOKEN_EXPIRED,
            Self::QuotaExhausted { .. } => QUOTA_EXHAUSTED,
            Self::DailyLimit { .. } => DAILY_LIMIT,
            Self::MessageQuotaExhausted { .. } => MESSAGE_QUOTA,
            Self::ShopGmvRequirement { .. } => SHOP_GMV_REQUIREMENT,
            Self::CreatorPrivacy { .. } => CREATOR_PRIVACY,
            Self::AgencySample { .. } => AGENCY_SAMPLE,
            Self::FollowerLimit { .. } => FOLLOWER_LIMIT,
            Self::Conflict { .. } => CONFLICT,
            Self::SensitiveWords { .. } => SENSITIVE_WORDS,
            Self::InvalidSign { .. } => INVALID_SIGN,
            Self::MissingScope { .. } => MISSING_SCOPE,
            Self::Unauthorized { .. } | Self::Transport(_) | Self::Unexpected(_) | Self::Invalid { .. } => {
                return None
            }
        })
    }

    /// Whether the client retries this inside one call (the request was not acted on).
    pub(crate) fn retried_inside(&self) -> bool {
        matches!(self, Self::RateLimited { .. } | Self::Unavailable { .. })
    }

    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> TiktokError {
        TiktokError::Invalid { field: field.to_string(), message: message.into() }
    }

    /// The error for a reply with a non-zero `code` (HTTP status 2xx or 4xx other than 429).
    pub(crate) fn from_code(code: i64, message: String, request_id: String) -> TiktokError {
        use codes::*;
        match code {
            TOO_MANY_REQUESTS => Self::RateLimited { code, message, request_id, retry_after: None },
            INTERNAL_ERROR => Self::Unavailable { status: 200, code, message, request_id },
            TOKEN_EXPIRED => Self::TokenExpired { message, request_id },
            MISSING_SCOPE => Self::MissingScope { message, request_id },
            INVALID_SIGN => Self::InvalidSign { message, request_id },
            QUOTA_EXHAUSTED => Self::QuotaExhausted { message, request_id },
            DAILY_LIMIT => Self::DailyLimit { message, request_id },
            MESSAGE_QUOTA => Self::MessageQuotaExhausted { message, request_id },
            SHOP_GMV_REQUIREMENT => Self::ShopGmvRequirement { message, request_id },
            CREATOR_PRIVACY => Self::CreatorPrivacy { message, request_id },
            AGENCY_SAMPLE => Self::AgencySample { message, request_id },
            FOLLOWER_LIMIT => Self::FollowerLimit { message, request_id },
            CONFLICT => Self::Conflict { message, request_id },
            SENSITIVE_WORDS => Self::SensitiveWords { message, request_id },
            _ => Self::Api { code, message, request_id },
        }
    }
}

/// Replaces every secret (app secret, tokens, authorization code) in text that came from outside
/// before it goes into an error.
#[derive(Default)]
pub(crate) struct Scrubber<'a> {
    secrets: Vec<&'a str>,
}

impl<'a> Scrubber<'a> {
    pub(crate) fn new(secrets: impl IntoIterator<Item = &'a str>) -> Scrubber<'a> {
        Scrubber { secrets: secrets.into_iter().filter(|s| !s.is_empty()).collect() }
    }

    pub(crate) fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for s in &self.secrets {
            out = out.replace(s, "[redacted]");
        }
        out
    }
}

/// A reqwest error as text: without the URL (the OAuth URLs carry the app secret) but with its causes.
pub(crate) fn transport(e: reqwest::Error, scrubber: &Scrubber<'_>) -> TiktokError {
    let e = e.without_url();
    let mut text = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    TiktokError::Transport(scrubber.scrub(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_their_variants() {
        let e = |code| TiktokError::from_code(code, "m".into(), "r".into());
        assert!(matches!(e(36009002), TiktokError::RateLimited { .. }));
        assert!(matches!(e(36009003), TiktokError::Unavailable { .. }));
        assert!(matches!(e(105002), TiktokError::TokenExpired { .. }));
        assert!(matches!(e(105005), TiktokError::MissingScope { .. }));
        assert!(matches!(e(106001), TiktokError::InvalidSign { .. }));
        assert!(matches!(e(16024019), TiktokError::QuotaExhausted { .. }));
        assert!(matches!(e(45101004), TiktokError::DailyLimit { .. }));
        assert!(matches!(e(16024021), TiktokError::FollowerLimit { .. }));
        assert!(matches!(e(16024022), TiktokError::Conflict { .. }));
        assert!(matches!(e(50001703), TiktokError::SensitiveWords { .. }));
        assert!(matches!(e(16030002), TiktokError::MessageQuotaExhausted { .. }));
        assert!(matches!(e(16030003), TiktokError::ShopGmvRequirement { .. }));
        assert!(matches!(e(45101021), TiktokError::CreatorPrivacy { .. }));
        assert!(matches!(e(16022020), TiktokError::AgencySample { .. }));
        assert!(matches!(e(12345), TiktokError::Api { code: 12345, .. }));
        for code in [36009002, 105002, 16024022, 16030002, 16030003, 45101021, 16022020, 45101004, 12345] {
            assert_eq!(e(code).code(), Some(code), "the code survives the mapping");
        }
        assert!(e(36009002).is_retryable() && e(36009003).is_retryable());
        assert!(!e(16024019).is_retryable() && !e(106001).is_retryable());
        assert!(e(105002).needs_reauthorization());
        for code in [16030002, 16030003, 45101021, 16022020, 45101004] {
            assert!(!e(code).is_retryable() && !e(code).needs_reauthorization(), "{code} is not retried");
        }
    }

    #[test]
    fn refusals_of_messages_and_reviews_say_what_happened_in_plain_words() {
        let e = |code| TiktokError::from_code(code, "tt says".into(), "r".into()).to_string();
        assert_eq!(
            e(16030002),
            "the shop's quota for messaging new creators is used up; it renews with the weekly outreach quota: tt says"
        );
        assert!(
            e(16030003).starts_with("the shop does not yet sell enough through affiliates"),
            "{}",
            e(16030003)
        );
        assert!(e(45101021).starts_with("this creator's privacy settings do not accept messages"));
        assert!(e(16022020).starts_with("an agency submitted this sample request"));
        assert!(e(45101004).contains("searches or messages is used up; it renews tomorrow"));
    }

    #[test]
    fn every_secret_is_scrubbed() {
        let s = Scrubber::new(["sekret", "tok-1", ""]);
        assert_eq!(s.scrub("bad sekret and tok-1, tok-1"), "bad [redacted] and [redacted], [redacted]");
    }
}
