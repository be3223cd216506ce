//! The commands the UI invokes. Each is a few lines: call `scout-app`, map the error.

use crate::error::IpcResult;
use crate::state::AppState;
use scout_app::{
    ColumnMapping, CreatorDetail, CreatorFacets, CreatorPage, CreatorQuery, ImportBatch, ImportPreview,
    ImportProgress, ImportReport, ImportRequest, WorkspaceInfo,
};
use scout_domain::Platform;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn workspace_info(state: State<'_, AppState>) -> IpcResult<WorkspaceInfo> {
    Ok(state.workspace().await?.info().await?)
}

#[tauri::command]
pub async fn open_workspace(state: State<'_, AppState>, path: PathBuf) -> IpcResult<WorkspaceInfo> {
    Ok(state.open(&path).await?.info().await?)
}

#[tauri::command]
pub async fn load_demo_workspace(state: State<'_, AppState>) -> IpcResult<Vec<ImportReport>> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    let reports = ws.load_demo().await?;
    ws.prepare_matching();
    Ok(reports)
}

#[tauri::command]
pub async fn list_creators(state: State<'_, AppState>, query: CreatorQuery) -> IpcResult<CreatorPage> {
    Ok(state.workspace().await?.list_creators(&query).await?)
}

#[tauri::command]
pub async fn creator_facets(state: State<'_, AppState>) -> IpcResult<CreatorFacets> {
    Ok(state.workspace().await?.creator_facets().await?)
}

/// Writes the creators `query` selects (a hand-picked `ids` list, or everything its filters match) to
/// a CSV or XLSX file in Scout's import template; returns how many.
#[tauri::command]
pub async fn export_creators(
    state: State<'_, AppState>,
    query: CreatorQuery,
    path: PathBuf,
) -> IpcResult<u64> {
    Ok(state.workspace().await?.export_creators(&query, path).await?)
}

/// Adds a creator, or updates the one with this platform and handle, from what the seller typed.
#[tauri::command]
pub async fn save_creator_by_hand(
    state: State<'_, AppState>,
    entry: scout_app::HandEntry,
) -> IpcResult<ImportReport> {
    let ws = state.workspace().await?;
    let report = ws.save_creator_by_hand(&entry).await?;
    ws.prepare_matching();
    Ok(report)
}

#[tauri::command]
pub async fn tag_creators(
    state: State<'_, AppState>,
    query: CreatorQuery,
    tag: String,
    add: bool,
) -> IpcResult<Vec<i64>> {
    Ok(state.workspace().await?.tag_creators(&query, &tag, add).await?)
}

#[tauri::command]
pub async fn hide_creators(
    state: State<'_, AppState>,
    query: CreatorQuery,
    hidden: bool,
) -> IpcResult<Vec<i64>> {
    Ok(state.workspace().await?.hide_creators(&query, hidden).await?)
}

#[tauri::command]
pub async fn shortlist_creators(
    state: State<'_, AppState>,
    campaign_id: i64,
    query: CreatorQuery,
) -> IpcResult<u64> {
    Ok(state.workspace().await?.shortlist_creators(campaign_id, &query).await?)
}

#[tauri::command]
pub async fn get_creator(state: State<'_, AppState>, id: i64) -> IpcResult<CreatorDetail> {
    Ok(state.workspace().await?.creator(id).await?)
}

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<ColumnMapping>,
) -> IpcResult<ImportPreview> {
    Ok(state.workspace().await?.preview_import(path, mapping).await?)
}

#[tauri::command]
pub async fn run_import(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: ColumnMapping,
    platform: Option<Platform>,
    on_progress: Channel<ImportProgress>,
) -> IpcResult<ImportReport> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    state.cancel.reset();
    let request = ImportRequest { mapping: Some(mapping), platform, ..ImportRequest::file(path) };
    let report = ws
        .import_file(
            request,
            move |p| {
                let _ = on_progress.send(p);
            },
            state.cancel.clone(),
        )
        .await?;
    ws.prepare_matching();
    Ok(report)
}

#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel.cancel();
}

/// Saves Scout's import template (the header row of the CSV the import reads) at `path`.
#[tauri::command]
pub fn save_import_template(path: PathBuf) -> IpcResult<()> {
    Ok(scout_app::write_import_template(&path)?)
}

#[tauri::command]
pub async fn export_rejected_rows(
    state: State<'_, AppState>,
    batch_id: i64,
    path: PathBuf,
) -> IpcResult<u64> {
    Ok(state.workspace().await?.export_rejected_rows(batch_id, path).await?)
}

#[tauri::command]
pub async fn list_import_batches(state: State<'_, AppState>) -> IpcResult<Vec<ImportBatch>> {
    Ok(state.workspace().await?.import_batches().await?)
}
