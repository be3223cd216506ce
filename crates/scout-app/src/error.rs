use scout_domain::FieldProblem;
use scout_outreach::email::EmailError;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use thiserror::Error;
use ts_rs::TS;

/// What the UI can branch on; every error crossing IPC carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    ImportFailed,
    Cancelled,
    Workspace,
    Io,
    /// The OS keychain (where passwords and tokens live) is not reachable or refused.
    Keychain,
    /// An outside service (TikTok Shop) could not be reached: no connection, a timeout.
    Network,
    /// The service asked Scout to slow down or is briefly unavailable: try again later.
    RateLimited,
    /// The connection must be authorized again (tokens expired or refused, a wrong app secret, a
    /// missing permission): reconnect in Settings.
    Reauthorize,
    /// The shop's outreach quota is used up for this period.
    Quota,
    /// The e-mail account's password is missing, or the mail server refused the sign-in: enter it again
    /// in Settings.
    SignIn,
    /// Another Scout (the window or the command line) is delivering this workspace's offers right now.
    Busy,
    /// The service refused the request for a reason of its own, given in the message.
    RefusedByService,
    Internal,
}

/// The one error shape across IPC: `{ code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the error is about ("audience.age"), so the UI can show it there: the first of
    /// `problems`.
    pub field: Option<String>,
    /// Every field the refusal is about, each with its own message (one for most refusals; a form's
    /// whole check gives all of them at once). Empty when no field is at fault.
    pub problems: Vec<FieldProblem>,
}

#[derive(Debug, Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] scout_store::StoreError),
    #[error(transparent)]
    Ingest(#[from] scout_ingest::IngestError),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{message}")]
    InvalidField { field: String, message: String },
    /// Several fields of one form refused at once (never empty), so the form can show them all.
    #[error("{}", .0.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; "))]
    InvalidFields(Vec<FieldProblem>),
    #[error("{0}")]
    NotFound(String),
    #[error("the import was cancelled; nothing was changed")]
    Cancelled,
    #[error("cannot {action} {}: {source}", path.display())]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error("could not write {}: {message}", path.display())]
    Export { path: PathBuf, message: String },
    #[error(transparent)]
    Secrets(#[from] scout_secrets::SecretsError),
    /// An e-mail failure, typed, so the window can tell a refused sign-in from a network down.
    #[error(transparent)]
    Email(scout_outreach::email::EmailError),
    #[error("no password is saved for {account}: enter it in Settings → E-mail")]
    NoEmailPassword { account: String },
    #[error("another Scout (the window or `scout outbox run`) is delivering this workspace's offers; try again when it has finished")]
    DeliveryBusy,
    /// A TikTok Shop call that failed, typed, so the window can say what to do (reconnect, wait, …).
    #[error("{}", tiktok_message(.0))]
    Tiktok(scout_tiktok::TiktokError),
    /// The weekly outreach quota does not cover what was asked (Scout's own check, before anything is
    /// queued), in plain words.
    #[error("{0}")]
    OutreachQuota(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        use scout_store::StoreError as S;
        match self {
            AppError::Store(
                S::CreatorNotFound(_)
                | S::BatchNotFound(_)
                | S::CampaignNotFound(_)
                | S::ModelNotFound(_)
                | S::NotShortlisted { .. }
                | S::OrderLineNotFound(_),
            ) => ErrorCode::NotFound,
            AppError::Store(S::Open { .. } | S::Migrate { .. } | S::NewerWorkspace { .. } | S::Io { .. }) => {
                ErrorCode::Workspace
            }
            AppError::Store(S::Backup { .. }) => ErrorCode::Io,
            AppError::Store(S::BackupDamaged { .. } | S::NotABackup { .. }) => ErrorCode::InvalidInput,
            AppError::Store(S::WorkspaceInUse { .. }) => ErrorCode::Busy,
            AppError::Store(
                S::Domain(_)
                | S::AlreadyOffered { .. }
                | S::Suppressed { .. }
                | S::CampaignHasOffers { .. }
                | S::TooMany { .. }
                | S::CannotUndo(_),
            ) => ErrorCode::InvalidInput,
            AppError::Store(_) => ErrorCode::Internal,
            AppError::Ingest(_) => ErrorCode::ImportFailed,
            AppError::InvalidInput(_) | AppError::InvalidField { .. } | AppError::InvalidFields(_) => {
                ErrorCode::InvalidInput
            }
            AppError::NotFound(_) => ErrorCode::NotFound,
            AppError::Cancelled => ErrorCode::Cancelled,
            AppError::Io { .. } | AppError::Export { .. } => ErrorCode::Io,
            AppError::Secrets(_) => ErrorCode::Keychain,
            AppError::Email(e) => email_code(e),
            AppError::NoEmailPassword { .. } => ErrorCode::SignIn,
            AppError::DeliveryBusy => ErrorCode::Busy,
            AppError::Tiktok(e) => tiktok_code(e),
            AppError::OutreachQuota(_) => ErrorCode::Quota,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        let problems = match self {
            AppError::InvalidField { field, message } => vec![FieldProblem::new(field, message)],
            AppError::InvalidFields(problems) => problems.clone(),
            AppError::NoEmailPassword { .. } | AppError::Email(EmailError::SignIn(_)) => {
                vec![FieldProblem::new("email.password", self.to_string())]
            }
            _ => Vec::new(),
        };
        let field = problems.first().map(|p| p.field.clone());
        ErrorPayload { code: self.code(), message: self.to_string(), field, problems }
    }
}

pub type Result<T> = std::result::Result<T, AppError>;

/// What the seller can do about an e-mail failure, as the code the UI branches on.
fn email_code(e: &EmailError) -> ErrorCode {
    match e {
        EmailError::SignIn(_) => ErrorCode::SignIn,
        EmailError::Network(_) => ErrorCode::Network,
        EmailError::Retryable(_) => ErrorCode::RateLimited,
        EmailError::Permanent(_) => ErrorCode::RefusedByService,
        EmailError::Account(_) | EmailError::Address { .. } => ErrorCode::InvalidInput,
    }
}

/// What the seller can do about a TikTok Shop failure, as the code the UI branches on.
fn tiktok_code(e: &scout_tiktok::TiktokError) -> ErrorCode {
    use scout_tiktok::TiktokError as T;
    match e {
        T::Transport(_) => ErrorCode::Network,
        T::RateLimited { .. } | T::Unavailable { .. } => ErrorCode::RateLimited,
        T::Unauthorized { .. } | T::TokenExpired { .. } | T::InvalidSign { .. } | T::MissingScope { .. } => {
            ErrorCode::Reauthorize
        }
        T::QuotaExhausted { .. } | T::DailyLimit { .. } | T::MessageQuotaExhausted { .. } => ErrorCode::Quota,
        T::Invalid { .. } => ErrorCode::InvalidInput,
        T::FollowerLimit { .. }
        | T::Conflict { .. }
        | T::SensitiveWords { .. }
        | T::ShopGmvRequirement { .. }
        | T::CreatorPrivacy { .. }
        | T::AgencySample { .. }
        | T::Api { .. }
        | T::Unexpected(_) => ErrorCode::RefusedByService,
    }
}

/// The message, with the one step that helps when the shop must be connected again (the command line
/// shows messages without the window's advice).
fn tiktok_message(e: &scout_tiktok::TiktokError) -> String {
    if tiktok_code(e) == ErrorCode::Reauthorize {
        format!("reconnect TikTok Shop in Settings: {e}")
    } else {
        e.to_string()
    }
}

/// A domain rule's refusal, with the broken field (prefixed: `terms.commission`, `shipment.carrier`)
/// so the UI can show the message beside it.
pub(crate) fn domain_error(e: scout_domain::DomainError, prefix: &str) -> AppError {
    use scout_domain::DomainError as D;
    let field = match &e {
        D::InvalidOffer { field, .. } | D::InvalidCampaign { field, .. } | D::InvalidRecord { field, .. } => {
            *field
        }
        _ => return AppError::InvalidInput(e.to_string()),
    };
    let field = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
    AppError::InvalidField { field, message: e.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_tiktok::TiktokError as T;

    #[test]
    fn tiktok_failures_keep_their_kind_across_ipc() {
        let code = |e: T| AppError::Tiktok(e).payload().code;
        let (m, r) = (String::new, String::new);
        assert_eq!(code(T::Transport("refused".into())), ErrorCode::Network);
        assert_eq!(
            code(T::RateLimited { code: 36009002, message: m(), request_id: r(), retry_after: None }),
            ErrorCode::RateLimited
        );
        assert_eq!(
            code(T::Unavailable { status: 503, code: 0, message: m(), request_id: r() }),
            ErrorCode::RateLimited
        );
        assert_eq!(code(T::Unauthorized { message: m() }), ErrorCode::Reauthorize);
        assert_eq!(code(T::TokenExpired { message: m(), request_id: r() }), ErrorCode::Reauthorize);
        assert_eq!(code(T::InvalidSign { message: m(), request_id: r() }), ErrorCode::Reauthorize);
        assert_eq!(code(T::QuotaExhausted { message: m(), request_id: r() }), ErrorCode::Quota);
        assert_eq!(code(T::SensitiveWords { message: m(), request_id: r() }), ErrorCode::RefusedByService);
        assert_eq!(code(T::Unexpected("?".into())), ErrorCode::RefusedByService);
        let reconnect = AppError::Tiktok(T::Unauthorized { message: "revoked".into() }).to_string();
        assert!(reconnect.starts_with("reconnect TikTok Shop in Settings: "), "{reconnect}");
        let plain = AppError::Tiktok(T::Transport("timed out".into())).to_string();
        assert_eq!(
            plain, "could not reach TikTok Shop: timed out",
            "no reconnect advice where it does not help"
        );
    }

    #[test]
    fn email_failures_keep_their_kind_across_ipc() {
        let payload = |e: AppError| e.payload();
        let sign_in = payload(AppError::Email(EmailError::SignIn("535 5.7.8 bad credentials".into())));
        assert_eq!((sign_in.code, sign_in.field.as_deref()), (ErrorCode::SignIn, Some("email.password")));
        let missing = payload(AppError::NoEmailPassword { account: "anna@smtp.example".into() });
        assert_eq!((missing.code, missing.field.as_deref()), (ErrorCode::SignIn, Some("email.password")));
        assert_eq!(payload(AppError::Email(EmailError::Network("refused".into()))).code, ErrorCode::Network);
        assert_eq!(
            payload(AppError::Email(EmailError::Retryable("451".into()))).code,
            ErrorCode::RateLimited
        );
        assert_eq!(
            payload(AppError::Email(EmailError::Permanent("550".into()))).code,
            ErrorCode::RefusedByService
        );
        assert_eq!(payload(AppError::DeliveryBusy).code, ErrorCode::Busy);
    }
}
