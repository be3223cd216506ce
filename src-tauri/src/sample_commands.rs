//! The Samples screen's commands (issue 19): a group's requests with their decisions, a sync from
//! TikTok Shop, and the seller's decisions — recorded, then sent by the outbox worker at once.

use crate::error::IpcResult;
use crate::state::AppState;
use scout_app::{SampleBoard, SampleChoice, SampleDecision, SampleGroup, SamplesSynced};
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

/// Syncs from TikTok Shop; when the seller turned the rule on, it decides what it may and the outbox
/// sends those reviews at once.
#[tauri::command]
pub async fn sync_samples(state: State<'_, AppState>) -> IpcResult<SamplesSynced> {
    let _busy = state.work.start();
    let ws = state.workspace().await?;
    let synced = ws.sync_samples_and_apply_rule().await?;
    if synced.rule.as_ref().is_some_and(|r| r.approved + r.rejected > 0) {
        state.outbox.nudge(ws).await;
    }
    Ok(synced)
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
