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
    Internal,
}

/// The one error shape across IPC: `{ code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the error is about ("audience.age"), so the UI can show it there.
    pub field: Option<String>,
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
            AppError::Store(S::Open { .. } | S::Migrate { .. } | S::Io { .. }) => ErrorCode::Workspace,
            AppError::Store(S::Domain(_) | S::AlreadyOffered { .. } | S::Suppressed { .. }) => {
                ErrorCode::InvalidInput
            }
            AppError::Store(_) => ErrorCode::Internal,
            AppError::Ingest(_) => ErrorCode::ImportFailed,
            AppError::InvalidInput(_) | AppError::InvalidField { .. } => ErrorCode::InvalidInput,
            AppError::NotFound(_) => ErrorCode::NotFound,
            AppError::Cancelled => ErrorCode::Cancelled,
            AppError::Io { .. } | AppError::Export { .. } => ErrorCode::Io,
            AppError::Secrets(_) => ErrorCode::Keychain,
            AppError::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        let field = match self {
            AppError::InvalidField { field, .. } => Some(field.clone()),
            _ => None,
        };
        ErrorPayload { code: self.code(), message: self.to_string(), field }
    }
}

pub type Result<T> = std::result::Result<T, AppError>;

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
