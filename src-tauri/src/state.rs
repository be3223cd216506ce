use crate::error::{IpcError, IpcResult};
use scout_app::{CancelToken, ErrorCode, Workspace};
use std::path::Path;
use tokio::sync::RwLock;

/// The open workspace (if any), the running import's cancel switch and the outbox worker.
#[derive(Debug, Default)]
pub struct AppState {
    workspace: RwLock<Option<Workspace>>,
    /// Why the last attempt to open a workspace failed, shown until one opens.
    open_error: RwLock<Option<String>>,
    pub cancel: CancelToken,
    /// The running results import's cancel switch (a creator import may run at the same time).
    pub results_cancel: CancelToken,
    /// The running marketplace collection's or enrichment's cancel switch.
    pub marketplace_cancel: CancelToken,
    /// The e-mail delivery running in the background.
    pub outbox: crate::outbox_worker::OutboxWorker,
    /// Imports running now (the updater waits for them).
    pub work: crate::running_work::RunningWork,
}

impl AppState {
    /// Whether an import or a delivery is running: no update is checked for or installed then.
    pub async fn busy(&self) -> bool {
        self.work.any() || self.outbox.status().await.running
    }
}

impl AppState {
    pub async fn workspace(&self) -> IpcResult<Workspace> {
        if let Some(ws) = self.workspace.read().await.as_ref() {
            return Ok(ws.clone());
        }
        let why = self.open_error.read().await.clone().unwrap_or_else(|| "No workspace is open".into());
        let mut message = format!("{why}. Open or create a workspace in Settings.");
        if let Some(first) = message.get(0..1).map(str::to_uppercase) {
            message.replace_range(0..1, &first);
        }
        Err(IpcError::new(ErrorCode::Workspace, message))
    }

    /// Opens `path` and makes it the current workspace; the previous one is closed.
    pub async fn open(&self, path: &Path) -> IpcResult<Workspace> {
        match Workspace::open(path).await {
            Ok(ws) => {
                if let Some(old) = self.workspace.write().await.replace(ws.clone()) {
                    old.close().await;
                }
                *self.open_error.write().await = None;
                ws.prepare_matching();
                Ok(ws)
            }
            Err(e) => {
                tracing::error!(path = %path.display(), error = %e, "cannot open workspace");
                *self.open_error.write().await = Some(e.to_string());
                Err(e.into())
            }
        }
    }
}
