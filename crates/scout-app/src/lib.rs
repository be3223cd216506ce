//! Scout's use cases — the project's real API, shared by the desktop app and the `scout` CLI. A
//! [`Workspace`] wraps one open database; its methods import files (streaming, with progress and
//! cancellation, all-or-nothing), list and show creators, load the demo data and export. Everything the
//! UI can do is here, so the CLI can do it too and tests need no window.

mod demo;
mod error;
mod export;
mod import;
mod logging;
mod paths;
mod workspace;

pub use error::{AppError, ErrorCode, ErrorPayload, Result};
pub use import::{
    CancelToken, FieldOption, ImportPreview, ImportProgress, ImportReport, ImportRequest, ImportStatus,
    MappingSource,
};
pub use logging::{init_logging, LogGuard};
pub use paths::{default_log_dir, default_workspace_path};
pub use workspace::{Workspace, WorkspaceInfo};

pub use scout_ingest::{ColumnMapping, Field};
pub use scout_store::{
    CreatorDetail, CreatorFacets, CreatorPage, CreatorQuery, CreatorRow, CreatorSort, ImportBatch,
    SourceKind, StoredIssue,
};
