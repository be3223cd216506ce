//! The Samples screen's commands (issue 19): a group's requests with their decisions and Scout's
//! assessment, a sync from TikTok Shop (the rule deciding after it when on), the seller's decisions —
//! recorded, then sent by the outbox worker at once —, the products' economics, the rule with its
//! backtest, and the P(post) model card with training and adoption.

use crate::error::IpcResult;
use crate::sample_poll::{SamplePoll, SampleSyncStatus};
use crate::state::AppState;
use scout_app::{
    Backtest, EconomicsInput, PostModelCard, PostModelEntry, RequestedProduct, SampleBoard, SampleChoice,
    SampleDecision, SampleGroup, SamplePost, SampleRule, SampleRuleState, SamplesSynced, BACKTEST_DAYS,
};
use tauri::State;

#[tauri::command]
pub async fn sample_board(
    state: State<'_, AppState>,
    group: SampleGroup,
    limit: u32,
    offset: u32,
) -> IpcResult<SampleBoard> {
    Ok(state.workspace().await?.sample_board(group, limit, offset).await?)
}

/// Syncs from TikTok Shop now (after a background sync already running ends): the rule decides when
/// the seller turned it on, the samples on their way are followed, and the outbox sends what that queued.
#[tauri::command]
pub async fn sync_samples(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    poll: State<'_, SamplePoll>,
) -> IpcResult<SamplesSynced> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    Ok(poll.sync(&app, &ws).await?)
}

/// When the window last synced sample requests (it does every half hour while connected).
#[tauri::command]
pub async fn sample_sync_status(
    state: State<'_, AppState>,
    poll: State<'_, SamplePoll>,
) -> IpcResult<SampleSyncStatus> {
    Ok(poll.status(&state.workspace().await?).await)
}

/// Records the decisions (all or none) and starts the outbox, which sends their reviews.
#[tauri::command]
pub async fn decide_samples(
    state: State<'_, AppState>,
    choices: Vec<SampleChoice>,
) -> IpcResult<Vec<SampleDecision>> {
    let ws = state.workspace().await?;
    let decided = ws.decide_samples(&choices).await?;
    state.outbox.nudge(ws).await;
    Ok(decided)
}

#[tauri::command]
pub async fn sample_decisions(
    state: State<'_, AppState>,
    application_id: String,
) -> IpcResult<Vec<SampleDecision>> {
    Ok(state.workspace().await?.sample_decisions(&application_id).await?)
}

#[tauri::command]
pub async fn sample_products(state: State<'_, AppState>) -> IpcResult<Vec<RequestedProduct>> {
    Ok(state.workspace().await?.sample_products().await?)
}

#[tauri::command]
pub async fn set_sample_economics(state: State<'_, AppState>, input: EconomicsInput) -> IpcResult<()> {
    state.workspace().await?.set_sample_economics(&input).await?;
    Ok(())
}

#[tauri::command]
pub async fn remove_sample_economics(state: State<'_, AppState>, product_id: String) -> IpcResult<()> {
    Ok(state.workspace().await?.remove_sample_economics(&product_id).await?)
}

#[tauri::command]
pub async fn sample_rule(state: State<'_, AppState>) -> IpcResult<SampleRuleState> {
    Ok(state.workspace().await?.sample_rule().await?)
}

/// Saves the rule's settings (a change turns it off until backtested and turned on again).
#[tauri::command]
pub async fn set_sample_rule(state: State<'_, AppState>, rule: SampleRule) -> IpcResult<SampleRuleState> {
    Ok(state.workspace().await?.set_sample_rule(&rule).await?)
}

#[tauri::command]
pub async fn backtest_sample_rule(state: State<'_, AppState>) -> IpcResult<Backtest> {
    Ok(state.workspace().await?.backtest_sample_rule(BACKTEST_DAYS).await?)
}

#[tauri::command]
pub async fn turn_sample_rule(state: State<'_, AppState>, on: bool) -> IpcResult<SampleRuleState> {
    Ok(state.workspace().await?.turn_sample_rule(on).await?)
}

#[tauri::command]
pub async fn post_model_card(state: State<'_, AppState>) -> IpcResult<PostModelCard> {
    Ok(state.workspace().await?.post_model_card().await?)
}

#[tauri::command]
pub async fn train_post_model(state: State<'_, AppState>) -> IpcResult<PostModelEntry> {
    let _busy = state.work.start();
    Ok(state.workspace().await?.train_post_model().await?)
}

/// Adopts a learned P(post) model (`None`: back to the default).
#[tauri::command]
pub async fn adopt_post_model(state: State<'_, AppState>, id: Option<i64>) -> IpcResult<()> {
    let ws = state.workspace().await?;
    match id {
        Some(id) => ws.adopt_post_model(id).await?,
        None => ws.use_default_post_model().await?,
    }
    Ok(())
}

/// The content a creator posted for a sample.
#[tauri::command]
pub async fn sample_posts(state: State<'_, AppState>, application_id: String) -> IpcResult<Vec<SamplePost>> {
    Ok(state.workspace().await?.sample_posts(&application_id).await?)
}
