use scout_app::{AppError, ErrorCode, ErrorPayload};
use serde::Serialize;

/// The one error shape the UI receives: `{ code, message }` (see `ErrorPayload` in the bindings).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct IpcError(ErrorPayload);

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> IpcError {
        IpcError(ErrorPayload { code, message: message.into(), field: None, problems: Vec::new() })
    }
}

impl From<AppError> for IpcError {
    fn from(e: AppError) -> IpcError {
        if e.code() == ErrorCode::Internal {
            tracing::error!(error = %e, "command failed");
        }
        IpcError(e.payload())
    }
}

pub type IpcResult<T> = std::result::Result<T, IpcError>;
