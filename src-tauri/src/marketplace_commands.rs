//! The creator marketplace commands (issue 17): search, collect all, add to the workspace, enrich, the
//! day's budget. Each is a few lines: call `scout-app`, map the error; long runs report progress through
//! a `Channel` and stop on `cancel_marketplace`, keeping what they found.

use crate::error::IpcResult;
use crate::state::AppState;
use scout_app::{
    CollectProgress, Collected, CreatorPerformance, EnrichReport, ImportReport, MarketplaceBudget,
    MarketplaceCreator, MarketplaceCursor, MarketplaceFilter, MarketplaceOptions, MarketplacePage,
};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

/// How far an enrichment is.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct EnrichProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

#[tauri::command]
pub async fn marketplace_budget(state: State<'_, AppState>) -> IpcResult<MarketplaceBudget> {
    Ok(state.workspace().await?.marketplace_budget().await?)
}

#[tauri::command]
pub async fn search_marketplace(
    state: State<'_, AppState>,
    filter: MarketplaceFilter,
    cursor: Option<MarketplaceCursor>,
) -> IpcResult<MarketplacePage> {
    Ok(state.workspace().await?.search_marketplace(&filter, cursor.as_ref()).await?)
}

#[tauri::command]
pub async fn collect_marketplace(
    state: State<'_, AppState>,
    filter: MarketplaceFilter,
    on_progress: Channel<CollectProgress>,
) -> IpcResult<Collected> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    state.marketplace_cancel.reset();
    let cancel = state.marketplace_cancel.clone();
    let collected = ws
        .collect_marketplace(
            &filter,
            move |p| {
                let _ = on_progress.send(p);
            },
            move || cancel.is_cancelled(),
        )
        .await?;
    Ok(collected)
}

#[tauri::command]
pub fn cancel_marketplace(state: State<'_, AppState>) {
    state.marketplace_cancel.cancel();
}

#[tauri::command]
pub async fn add_marketplace_creators(
    state: State<'_, AppState>,
    creators: Vec<MarketplaceCreator>,
) -> IpcResult<ImportReport> {
    let ws = state.workspace().await?;
    let report = ws.add_marketplace_creators(&creators).await?;
    ws.prepare_matching();
    Ok(report)
}

/// Enriches these creators (by id), or every TikTok creator with an open id when `creatorIds` is null.
#[tauri::command]
pub async fn enrich_creators(
    state: State<'_, AppState>,
    creator_ids: Option<Vec<i64>>,
    on_progress: Channel<EnrichProgress>,
) -> IpcResult<EnrichReport> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    let open_ids = match creator_ids {
        Some(ids) => ws.open_ids_of(&ids).await?,
        None => ws.creator_open_ids().await?,
    };
    state.marketplace_cancel.reset();
    let report = ws
        .enrich_creators(
            &open_ids,
            move |done, total| {
                let _ = on_progress.send(EnrichProgress { done, total });
            },
            &state.marketplace_cancel,
        )
        .await?;
    ws.prepare_matching();
    Ok(report)
}

#[tauri::command]
pub async fn creator_ids_by_open_id(
    state: State<'_, AppState>,
    open_ids: Vec<String>,
) -> IpcResult<Vec<i64>> {
    Ok(state.workspace().await?.creator_ids_by_open_id(&open_ids).await?)
}

#[tauri::command]
pub async fn marketplace_options(state: State<'_, AppState>) -> IpcResult<MarketplaceOptions> {
    Ok(state.workspace().await?.marketplace_options().await?)
}

#[tauri::command]
pub async fn marketplace_creator(
    state: State<'_, AppState>,
    open_id: String,
) -> IpcResult<CreatorPerformance> {
    Ok(state.workspace().await?.marketplace_creator(&open_id).await?)
}
