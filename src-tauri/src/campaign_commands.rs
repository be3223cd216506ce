//! The campaign, matching and model commands. Each is a few lines: call `scout-app`, map the error.

use crate::error::IpcResult;
use crate::state::AppState;
use scout_app::{
    AudienceOverlap, Campaign, CampaignFootprint, Explanation, LearnedModel, LookalikeCreator, MatchPage,
    ModelCard, RankQuery, ShortlistEntry, ShortlistedCreator,
};
use scout_domain::CampaignSpec;
use tauri::State;

#[tauri::command]
pub async fn list_campaigns(state: State<'_, AppState>) -> IpcResult<Vec<Campaign>> {
    Ok(state.workspace().await?.list_campaigns().await?)
}

#[tauri::command]
pub async fn get_campaign(state: State<'_, AppState>, id: i64) -> IpcResult<Campaign> {
    Ok(state.workspace().await?.campaign(id).await?)
}

#[tauri::command]
pub async fn create_campaign(state: State<'_, AppState>, spec: CampaignSpec) -> IpcResult<Campaign> {
    Ok(state.workspace().await?.create_campaign(&spec).await?)
}

#[tauri::command]
pub async fn update_campaign(state: State<'_, AppState>, id: i64, spec: CampaignSpec) -> IpcResult<Campaign> {
    Ok(state.workspace().await?.update_campaign(id, &spec).await?)
}

#[tauri::command]
pub async fn archive_campaign(state: State<'_, AppState>, id: i64, archived: bool) -> IpcResult<Campaign> {
    Ok(state.workspace().await?.archive_campaign(id, archived).await?)
}

#[tauri::command]
pub async fn duplicate_campaign(state: State<'_, AppState>, id: i64) -> IpcResult<Campaign> {
    Ok(state.workspace().await?.duplicate_campaign(id).await?)
}

#[tauri::command]
pub async fn campaign_footprint(state: State<'_, AppState>, id: i64) -> IpcResult<CampaignFootprint> {
    Ok(state.workspace().await?.campaign_footprint(id).await?)
}

#[tauri::command]
pub async fn delete_campaign(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state.workspace().await?.delete_campaign(id).await?)
}

#[tauri::command]
pub async fn rank_matches(
    state: State<'_, AppState>,
    campaign_id: i64,
    query: RankQuery,
) -> IpcResult<MatchPage> {
    Ok(state.workspace().await?.rank_matches(campaign_id, &query).await?)
}

#[tauri::command]
pub async fn preview_matches(
    state: State<'_, AppState>,
    spec: CampaignSpec,
    query: RankQuery,
) -> IpcResult<MatchPage> {
    Ok(state.workspace().await?.preview_matches(&spec, &query).await?)
}

#[tauri::command]
pub async fn explain_match(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
) -> IpcResult<Explanation> {
    Ok(state.workspace().await?.explain_match(campaign_id, creator_id).await?)
}

#[tauri::command]
pub async fn explain_preview(
    state: State<'_, AppState>,
    spec: CampaignSpec,
    creator_id: i64,
) -> IpcResult<Explanation> {
    Ok(state.workspace().await?.explain_preview(&spec, creator_id).await?)
}

#[tauri::command]
pub async fn get_shortlist(
    state: State<'_, AppState>,
    campaign_id: i64,
) -> IpcResult<Vec<ShortlistedCreator>> {
    Ok(state.workspace().await?.shortlist(campaign_id).await?)
}

/// Shortlists the first `n` creators of the ranking as filtered and sorted; returns how many were added.
#[tauri::command]
pub async fn shortlist_top(
    state: State<'_, AppState>,
    campaign_id: i64,
    query: scout_app::RankQuery,
    n: u32,
) -> IpcResult<u32> {
    Ok(state.workspace().await?.shortlist_top(campaign_id, &query, n).await?)
}

#[tauri::command]
pub async fn shortlist_add(state: State<'_, AppState>, campaign_id: i64, creator_id: i64) -> IpcResult<()> {
    Ok(state.workspace().await?.shortlist_add(campaign_id, creator_id).await?)
}

#[tauri::command]
pub async fn shortlist_remove(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
) -> IpcResult<()> {
    Ok(state.workspace().await?.shortlist_remove(campaign_id, creator_id).await?)
}

#[tauri::command]
pub async fn shortlist_restore(state: State<'_, AppState>, entry: ShortlistEntry) -> IpcResult<()> {
    Ok(state.workspace().await?.shortlist_restore(&entry).await?)
}

#[tauri::command]
pub async fn annotate_shortlisted(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    note: String,
    tags: Vec<String>,
) -> IpcResult<()> {
    Ok(state.workspace().await?.annotate_shortlisted(campaign_id, creator_id, &note, &tags).await?)
}

#[tauri::command]
pub async fn shortlist_overlap(state: State<'_, AppState>, campaign_id: i64) -> IpcResult<AudienceOverlap> {
    Ok(state.workspace().await?.shortlist_overlap(campaign_id).await?)
}

#[tauri::command]
pub async fn lookalikes(
    state: State<'_, AppState>,
    creator_id: i64,
    limit: u32,
) -> IpcResult<Vec<LookalikeCreator>> {
    Ok(state.workspace().await?.lookalikes(creator_id, limit).await?)
}

#[tauri::command]
pub async fn model_card(state: State<'_, AppState>) -> IpcResult<ModelCard> {
    Ok(state.workspace().await?.model_card().await?)
}

#[tauri::command]
pub async fn train_model(state: State<'_, AppState>) -> IpcResult<LearnedModel> {
    Ok(state.workspace().await?.train_model().await?)
}

#[tauri::command]
pub async fn adopt_model(state: State<'_, AppState>, id: Option<i64>) -> IpcResult<()> {
    let ws = state.workspace().await?;
    match id {
        Some(id) => ws.adopt_model(id).await?,
        None => ws.use_default_model().await?,
    }
    Ok(())
}
