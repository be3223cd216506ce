use crate::{AppError, Result};
use scout_domain::{Handle, Platform};
use scout_store::{CreatorDetail, CreatorFacets, CreatorPage, CreatorQuery, ImportBatch, Store};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// One open workspace: a seller's creator database file.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub(crate) store: Store,
    pub(crate) match_cache: crate::campaigns::matching::SharedIndexCache,
    /// Where the seller's passwords and tokens live (never in the database).
    pub(crate) keychain: scout_secrets::Keychain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    /// The file name without its extension.
    pub name: String,
    #[ts(type = "number")]
    pub creator_count: u64,
    #[ts(type = "number")]
    pub batch_count: u64,
    /// A large import's sort indexes are still being built in the background: its creators are listed
    /// and searchable already, sorting them is slower until this turns false.
    pub sort_indexes_building: bool,
}

impl Workspace {
    /// Opens the workspace file at `path`, creating it (and its folder) when missing. Offers an earlier
    /// stop left mid-delivery become "check whether it arrived" — unless another Scout is delivering
    /// right now (then they are its offers in flight).
    #[tracing::instrument]
    pub async fn open(path: &Path) -> Result<Workspace> {
        let ws = Workspace {
            store: Store::open(path).await?,
            match_cache: Default::default(),
            keychain: scout_secrets::Keychain::new(),
        };
        ws.recover_at_open().await?;
        Ok(ws)
    }

    /// The same workspace with its secrets under another keychain service name (tests use their own,
    /// so they never touch a seller's entries).
    pub fn with_keychain(mut self, keychain: scout_secrets::Keychain) -> Workspace {
        self.keychain = keychain;
        self
    }

    pub fn path(&self) -> PathBuf {
        self.store.path().to_path_buf()
    }

    pub async fn close(&self) {
        self.store.close().await;
    }

    pub async fn info(&self) -> Result<WorkspaceInfo> {
        let path = self.store.path();
        Ok(WorkspaceInfo {
            path: path.display().to_string(),
            name: path.file_stem().map_or_else(|| "workspace".into(), |s| s.to_string_lossy().into_owned()),
            creator_count: self.store.creator_count().await?,
            batch_count: self.store.list_batches().await?.len() as u64,
            sort_indexes_building: !self.store.deferred_indexes().await?.is_empty(),
        })
    }

    pub async fn list_creators(&self, query: &CreatorQuery) -> Result<CreatorPage> {
        Ok(self.store.list_creators(query).await?)
    }

    pub async fn creator_facets(&self) -> Result<CreatorFacets> {
        Ok(self.store.creator_facets().await?)
    }

    pub async fn creator(&self, id: i64) -> Result<CreatorDetail> {
        Ok(self.store.creator_detail(id).await?)
    }

    /// The id of the creator with this handle on this platform.
    pub async fn find_creator(&self, platform: Platform, handle: &Handle) -> Result<i64> {
        self.store
            .creator_id(platform, handle)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("no creator {handle} on {platform} in this workspace")))
    }

    /// Saves a setting as JSON.
    pub(crate) async fn set_json_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value)
            .map_err(|e| AppError::Internal(format!("setting '{key}' cannot be written: {e}")))?;
        Ok(self.store.set_setting(key, &json).await?)
    }

    /// A setting saved as JSON; an unreadable one is an error, never a default.
    pub(crate) async fn json_setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.store.setting(key).await? {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json)
                .map(Some)
                .map_err(|e| AppError::Internal(format!("stored setting '{key}' is unreadable: {e}"))),
        }
    }

    pub async fn import_batches(&self) -> Result<Vec<ImportBatch>> {
        Ok(self.store.list_batches().await?)
    }
}
