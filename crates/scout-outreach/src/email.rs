//! The e-mail channel: offers sent through the seller's own SMTP account with lettre (a maintained SMTP
//! crate) — implicit TLS on 465, STARTTLS on 587, plain only to a relay on this machine. Every message
//! carries the seller's postal address and a working opt-out (`List-Unsubscribe` with one-click
//! `List-Unsubscribe-Post`), as commercial e-mail must. The password is passed in from the keychain and
//! never stored, logged or put in an error.

use lettre::message::header::{self, ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use scout_domain::FieldProblem;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SmtpSecurity {
    /// TLS from the first byte (port 465).
    ImplicitTls,
    /// Plain, upgraded with STARTTLS before anything is sent (port 587).
    StartTls,
    /// No encryption: only to a relay on this machine (localhost).
    PlainLocal,
}

/// The seller's SMTP account, without its password (that lives in the keychain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SmtpAccount {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: String,
    pub from_name: String,
    pub from_address: String,
    /// The seller's postal address, added to every message.
    pub postal_address: String,
    /// Where opt-outs go: a `mailto:` address (and optionally an https one-click URL).
    pub unsubscribe_mailto: String,
    pub unsubscribe_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EmailError {
    #[error("the SMTP account is not usable: {0}")]
    Account(String),
    #[error("'{address}' is not a valid e-mail address")]
    Address { address: String },
    /// The server refused the account's sign-in (wrong user name or password, no common login method):
    /// no message can go until the seller fixes it; the offer itself is not at fault.
    #[error("the mail server refused to sign in: {0}")]
    SignIn(String),
    /// The server could not be reached (no connection, a timeout, a failed TLS handshake): nothing was
    /// sent; the offer itself is not at fault.
    #[error("could not reach the mail server: {0}")]
    Network(String),
    /// Worth trying this message again later (a 4xx reply).
    #[error("the mail server did not take the message for now: {0}")]
    Retryable(String),
    /// Will not work by retrying (5xx replies: no such mailbox, refused).
    #[error("the mail server refused the message: {0}")]
    Permanent(String),
}

/// Custom headers lettre writes as given.
macro_rules! raw_header {
    ($name:ident, $header:literal) => {
        #[derive(Debug, Clone)]
        struct $name(String);
        impl header::Header for $name {
            fn name() -> HeaderName {
                HeaderName::new_from_ascii_str($header)
            }
            fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok($name(s.to_string()))
            }
            fn display(&self) -> HeaderValue {
                HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

raw_header!(ListUnsubscribe, "List-Unsubscribe");
raw_header!(ListUnsubscribePost, "List-Unsubscribe-Post");

pub struct SmtpChannel {
    account: SmtpAccount,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl std::fmt::Debug for SmtpChannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpChannel")
            .field("host", &self.account.host)
            .field("port", &self.account.port)
            .finish()
    }
}

fn is_local(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1")
}

impl SmtpAccount {
    /// Everything that keeps the account from sending, each named by its settings field ("email.host",
    /// …), all at once; empty when the account is usable. The user name is optional (a relay that needs
    /// no sign-in), and so is the one-click opt-out URL.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let mut say = |field: &str, message: &str| out.push(FieldProblem::new(field, message));
        let host = self.host.trim();
        if host.is_empty() {
            say("email.host", "the SMTP server is empty; your mail provider names it (smtp.example.com)");
        } else if host.contains("://") || host.contains(char::is_whitespace) || host.contains('/') {
            say("email.host", "write the server's name only, without a scheme or path (smtp.example.com)");
        }
        if self.port == 0 {
            say("email.port", "the port must be between 1 and 65535 (465 or 587 for most providers)");
        }
        if self.security == SmtpSecurity::PlainLocal && !host.is_empty() && !is_local(host) {
            say("email.security", "unencrypted SMTP is only allowed to a relay on this machine (localhost)");
        }
        if self.from_address.trim().parse::<Address>().is_err() {
            say("email.from_address", "the From address is not an e-mail address (you@yourshop.com)");
        }
        if self.postal_address.trim().is_empty() {
            say("email.postal_address", "a postal address is required in every commercial message");
        }
        let opt_out = self.unsubscribe_mailto.trim().strip_prefix("mailto:").map(|rest| {
            let address = rest.split('?').next().unwrap_or_default();
            address.parse::<Address>()
        });
        if !matches!(opt_out, Some(Ok(_))) {
            say(
                "email.unsubscribe_mailto",
                "the opt-out address must be a mailto: link (mailto:optout@yourshop.com)",
            );
        }
        if let Some(url) = self.unsubscribe_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            if !url.starts_with("https://") {
                say("email.unsubscribe_url", "the one-click opt-out link must start with https://");
            }
        }
        out
    }
}

impl SmtpChannel {
    pub fn new(account: SmtpAccount, password: &str) -> Result<SmtpChannel, EmailError> {
        let bad = |m: &str| EmailError::Account(m.to_string());
        let problems = account.problems();
        if !problems.is_empty() {
            let said: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
            return Err(bad(&said.join("; ")));
        }
        let tls = || {
            TlsParameters::new(account.host.clone())
                .map(Box::new)
                .map_err(|e| bad(&format!("TLS set-up: {e}")))
        };
        let builder = match account.security {
            SmtpSecurity::ImplicitTls => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&account.host)
                    .tls(Tls::Wrapper(*tls()?))
            }
            SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&account.host)
                .tls(Tls::Required(*tls()?)),
            SmtpSecurity::PlainLocal if is_local(&account.host) => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&account.host)
            }
            SmtpSecurity::PlainLocal => {
                return Err(bad("unencrypted SMTP is only allowed to a relay on this machine (localhost)"));
            }
        };
        let mut builder = builder.port(account.port);
        if !account.username.is_empty() {
            builder = builder.credentials(Credentials::new(account.username.clone(), password.to_string()));
        }
        Ok(SmtpChannel { transport: builder.build(), account })
    }

    /// The message exactly as it will be sent (for previews and tests).
    pub fn compose(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        idempotency_key: &str,
    ) -> Result<Message, EmailError> {
        let a = &self.account;
        let parse = |address: &str| -> Result<lettre::Address, EmailError> {
            address.trim().parse().map_err(|_| EmailError::Address { address: address.to_string() })
        };
        let from = Mailbox::new(Some(a.from_name.clone()), parse(&a.from_address)?);
        let to = Mailbox::new(None, parse(to)?);
        let mut unsubscribe = format!("<{}>", a.unsubscribe_mailto);
        if let Some(url) = &a.unsubscribe_url {
            unsubscribe = format!("<{url}>, {unsubscribe}");
        }
        let footer = format!(
            "\n\n--\n{}\n{}\nDon't want offers like this? Reply with \"unsubscribe\" and we won't write again.\n",
            a.from_name, a.postal_address
        );
        let domain = a.from_address.rsplit('@').next().unwrap_or("scout.invalid");
        Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .message_id(Some(format!("<{idempotency_key}@{domain}>")))
            .header(ListUnsubscribe(unsubscribe))
            .header(ListUnsubscribePost("List-Unsubscribe=One-Click".into()))
            .header(ContentType::TEXT_PLAIN)
            .body(format!("{body}{footer}"))
            .map_err(|e| EmailError::Account(format!("cannot build the message: {e}")))
    }

    /// Sends one message; the Message-ID carries the offer's idempotency key.
    pub async fn send(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        idempotency_key: &str,
    ) -> Result<(), EmailError> {
        let message = self.compose(to, subject, body, idempotency_key)?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| classify(&e))
    }
}

/// SMTP reply codes that refuse the sign-in rather than the message (RFC 4954: 530 authentication
/// required, 534 mechanism too weak, 535 credentials invalid, 538 encryption required; 454 temporary).
const SIGN_IN_CODES: [u16; 5] = [454, 530, 534, 535, 538];

/// What a lettre failure means for the seller: fix the sign-in, wait for the network, retry this
/// message later, or give it up.
fn classify(e: &lettre::transport::smtp::Error) -> EmailError {
    let code = e.status().map(u16::from);
    let text = e.to_string();
    if code.is_some_and(|c| SIGN_IN_CODES.contains(&c))
        // lettre's only sign-in failure without a reply code: "No compatible authentication mechanism".
        || (e.is_client() && text.contains("authentication"))
    {
        EmailError::SignIn(text)
    } else if e.is_permanent() {
        EmailError::Permanent(text)
    } else if e.is_transient() {
        EmailError::Retryable(text)
    } else if e.is_client() {
        EmailError::Permanent(text)
    } else {
        // Connection, network, TLS, timeout, a garbled reply, shutdown: the server was not reached or
        // went away mid-conversation.
        EmailError::Network(text)
    }
}
