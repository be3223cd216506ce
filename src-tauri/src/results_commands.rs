//! The Results screen's commands: the report, importing order and video exports, syncing orders from
//! the TikTok Shop API, unattributed orders and assigning them, exchange rates, and exporting the report.

use crate::error::IpcResult;
use crate::state::AppState;
use scout_app::ImportProgress;
use scout_domain::{
    Conversion, CreditOutcome, CreditPreview, ImportReport, ResultsQuery, ResultsReport, UnattributedOrder,
    UnattributedPage, UnattributedQuery,
};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn results_report(state: State<'_, AppState>, query: ResultsQuery) -> IpcResult<ResultsReport> {
    Ok(state.workspace().await?.results_report(&query).await?)
}

#[tauri::command]
pub async fn import_results(
    state: State<'_, AppState>,
    path: PathBuf,
    on_progress: Channel<ImportProgress>,
) -> IpcResult<ImportReport> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    state.results_cancel.reset();
    let report = ws
        .import_results(
            &path,
            move |p| {
                let _ = on_progress.send(p);
            },
            state.results_cancel.clone(),
        )
        .await?;
    ws.prepare_matching();
    Ok(report)
}

/// Fetches the affiliate orders of the last `days` days (1 to 365) through the TikTok Shop API and writes
/// them like an imported order export; nothing is stored when TikTok Shop fails part-way.
#[tauri::command]
pub async fn sync_results(state: State<'_, AppState>, days: u32) -> IpcResult<ImportReport> {
    let ws = state.workspace().await?;
    let report = ws.sync_tiktok_orders_recent(days).await?;
    ws.prepare_matching();
    Ok(report)
}

#[tauri::command]
pub fn cancel_results_import(state: State<'_, AppState>) {
    state.results_cancel.cancel();
}

/// Order lines no collaboration claims in the query's period (and of its creator, if named), newest
/// first; `invalid_input` naming "to" when the period ends before it starts.
#[tauri::command]
pub async fn unattributed_orders(
    state: State<'_, AppState>,
    query: UnattributedQuery,
    offset: u64,
    limit: u64,
) -> IpcResult<Vec<UnattributedOrder>> {
    Ok(state.workspace().await?.unattributed_orders_in(&query, offset, limit).await?)
}

/// The unattributed orders of the query's period, one group per creator, most orders first.
#[tauri::command]
pub async fn unattributed_groups(
    state: State<'_, AppState>,
    query: UnattributedQuery,
    offset: u64,
    limit: u64,
) -> IpcResult<UnattributedPage> {
    Ok(state.workspace().await?.unattributed_groups(&query, offset, limit).await?)
}

/// What crediting order lines to a creator in a campaign would do, before the seller confirms.
#[tauri::command]
pub async fn credit_preview(
    state: State<'_, AppState>,
    line_ids: Vec<i64>,
    campaign_id: i64,
    creator_id: i64,
) -> IpcResult<CreditPreview> {
    Ok(state.workspace().await?.credit_preview(&line_ids, campaign_id, creator_id).await?)
}

/// Credits order lines to a creator in a campaign: the collaboration is made on the spot.
#[tauri::command]
pub async fn credit_orders(
    state: State<'_, AppState>,
    line_ids: Vec<i64>,
    campaign_id: i64,
    creator_id: i64,
) -> IpcResult<CreditOutcome> {
    Ok(state.workspace().await?.credit_orders(&line_ids, campaign_id, creator_id).await?)
}

#[tauri::command]
pub async fn assign_orders(
    state: State<'_, AppState>,
    line_ids: Vec<i64>,
    campaign_id: i64,
    creator_id: i64,
) -> IpcResult<u64> {
    Ok(state.workspace().await?.assign_orders(&line_ids, campaign_id, creator_id).await?)
}

#[tauri::command]
pub async fn exchange_rates(state: State<'_, AppState>) -> IpcResult<Option<Conversion>> {
    Ok(state.workspace().await?.exchange_rates().await?)
}

#[tauri::command]
pub async fn save_exchange_rates(
    state: State<'_, AppState>,
    conversion: Option<Conversion>,
) -> IpcResult<()> {
    Ok(state.workspace().await?.save_exchange_rates(conversion.as_ref()).await?)
}

/// Writes the report to a .csv or .xlsx file (by the extension); resolves to the rows written.
#[tauri::command]
pub async fn export_results(
    state: State<'_, AppState>,
    query: ResultsQuery,
    path: PathBuf,
) -> IpcResult<u64> {
    Ok(state.workspace().await?.export_results(&query, path).await?)
}
