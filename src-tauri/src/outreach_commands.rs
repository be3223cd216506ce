//! The outreach, pipeline and follow-up commands. Each is a few lines: call `scout-app`, map the error.

use crate::error::IpcResult;
use crate::outbox_worker::OutboxStatus;
use crate::state::AppState;
use chrono::NaiveDate;
use scout_app::{
    Collaboration, EmailSettings, FollowUpKind, FollowUpSettings, FollowUps, OfferDraft, OfferPreview,
    OfferTemplate, OutboxItem, PipelineCard, PipelineEvent, SellerProfile, TiktokConnection, TiktokStatus,
    TiktokSyncReport,
};
use scout_domain::{AgreedTerms, ContentPost, SampleShipment, Stage};
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;
use ts_rs::TS;

/// The e-mail account as Settings shows it: never the password, only whether one is saved.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct EmailAccountStatus {
    pub settings: Option<EmailSettings>,
    pub password_saved: bool,
    /// Why the keychain could not be asked (locked, not running).
    pub keychain_error: Option<String>,
}

#[tauri::command]
pub async fn seller_profile(state: State<'_, AppState>) -> IpcResult<Option<SellerProfile>> {
    Ok(state.workspace().await?.seller_profile().await?)
}

#[tauri::command]
pub async fn set_seller_profile(state: State<'_, AppState>, profile: SellerProfile) -> IpcResult<()> {
    Ok(state.workspace().await?.set_seller_profile(&profile).await?)
}

#[tauri::command]
pub async fn email_account(state: State<'_, AppState>) -> IpcResult<EmailAccountStatus> {
    let ws = state.workspace().await?;
    let settings = ws.email_settings().await?;
    let (password_saved, keychain_error) = match &settings {
        None => (false, None),
        Some(_) => match ws.has_email_password().await {
            Ok(saved) => (saved, None),
            Err(e) => (false, Some(e.to_string())),
        },
    };
    Ok(EmailAccountStatus { settings, password_saved, keychain_error })
}

/// Saves the account; a non-empty `password` goes to the OS keychain.
#[tauri::command]
pub async fn set_email_account(
    state: State<'_, AppState>,
    settings: EmailSettings,
    password: Option<String>,
) -> IpcResult<()> {
    let password = password.map(scout_secrets::Secret::new);
    Ok(state.workspace().await?.save_email_account(&settings, password).await?)
}

#[tauri::command]
pub fn default_offer_template() -> OfferTemplate {
    scout_app::default_template()
}

#[tauri::command]
pub async fn preview_offers(state: State<'_, AppState>, draft: OfferDraft) -> IpcResult<Vec<OfferPreview>> {
    Ok(state.workspace().await?.preview_offers(&draft).await?)
}

/// Whether offers can go by `channel` now: refused, like `queue_offers` would be, with the setting to
/// fix (the compose dialog says it before the seller queues anything).
#[tauri::command]
pub async fn check_offer_channel(
    state: State<'_, AppState>,
    channel: scout_app::OfferChannel,
) -> IpcResult<()> {
    Ok(state.workspace().await?.channel_ready(channel).await?)
}

/// Queues the offers (all or none) and, for e-mail and TikTok Shop, starts delivering them.
#[tauri::command]
pub async fn queue_offers(state: State<'_, AppState>, draft: OfferDraft) -> IpcResult<Vec<i64>> {
    let ws = state.workspace().await?;
    let ids = ws.queue_offers(&draft).await?;
    if draft.channel != scout_app::OfferChannel::Manual {
        state.outbox.start(ws).await;
    }
    Ok(ids)
}

#[tauri::command]
pub async fn outbox_items(state: State<'_, AppState>) -> IpcResult<Vec<OutboxItem>> {
    Ok(state.workspace().await?.outbox().await?)
}

#[tauri::command]
pub async fn outbox_status(state: State<'_, AppState>) -> IpcResult<OutboxStatus> {
    Ok(state.outbox.status().await)
}

#[tauri::command]
pub async fn start_outbox(state: State<'_, AppState>) -> IpcResult<()> {
    let ws = state.workspace().await?;
    state.outbox.start(ws).await;
    Ok(())
}

#[tauri::command]
pub async fn stop_outbox(state: State<'_, AppState>) -> IpcResult<()> {
    state.outbox.stop().await;
    Ok(())
}

#[tauri::command]
pub async fn cancel_offers(state: State<'_, AppState>, ids: Vec<i64>) -> IpcResult<u64> {
    Ok(state.workspace().await?.cancel_offers(&ids).await?)
}

#[tauri::command]
pub async fn confirm_sent_by_hand(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    state.workspace().await?.confirm_sent_by_hand(id).await?;
    Ok(())
}

#[tauri::command]
pub async fn requeue_unsent(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state.workspace().await?.requeue_unsent(id).await?)
}

#[tauri::command]
pub async fn resend_offer(state: State<'_, AppState>, id: i64) -> IpcResult<i64> {
    let ws = state.workspace().await?;
    let new_id = ws.resend_offer(id).await?;
    state.outbox.start(ws).await;
    Ok(new_id)
}

#[tauri::command]
pub async fn do_not_contact(state: State<'_, AppState>, creator_id: i64, reason: String) -> IpcResult<u64> {
    Ok(state.workspace().await?.do_not_contact(creator_id, &reason).await?)
}

#[tauri::command]
pub async fn export_manual_offers(
    state: State<'_, AppState>,
    campaign_id: Option<i64>,
    path: PathBuf,
) -> IpcResult<usize> {
    Ok(state.workspace().await?.export_manual_offers(campaign_id, &path).await?)
}

#[tauri::command]
pub async fn pipeline_board(
    state: State<'_, AppState>,
    campaign_id: Option<i64>,
) -> IpcResult<Vec<PipelineCard>> {
    Ok(state.workspace().await?.pipeline_board(campaign_id).await?)
}

#[tauri::command]
pub async fn move_stage(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    to: Stage,
) -> IpcResult<Stage> {
    let ws = state.workspace().await?;
    Ok(ws.move_stage(campaign_id, creator_id, to, "moved on the pipeline board").await?)
}

#[tauri::command]
pub async fn undo_move(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    to: Stage,
) -> IpcResult<Stage> {
    Ok(state.workspace().await?.undo_move(campaign_id, creator_id, to).await?)
}

#[tauri::command]
pub async fn record_reply(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    summary: String,
) -> IpcResult<Stage> {
    Ok(state.workspace().await?.record_reply(campaign_id, creator_id, &summary).await?)
}

#[tauri::command]
pub async fn record_agreement(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    terms: AgreedTerms,
) -> IpcResult<Stage> {
    Ok(state.workspace().await?.record_agreement(campaign_id, creator_id, &terms).await?)
}

#[tauri::command]
pub async fn record_shipment(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    shipment: SampleShipment,
) -> IpcResult<Stage> {
    Ok(state.workspace().await?.record_shipment(campaign_id, creator_id, &shipment).await?)
}

#[tauri::command]
pub async fn record_post(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    post: ContentPost,
) -> IpcResult<Stage> {
    Ok(state.workspace().await?.record_post(campaign_id, creator_id, &post).await?)
}

#[tauri::command]
pub async fn collaboration(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
) -> IpcResult<Collaboration> {
    Ok(state.workspace().await?.collaboration(campaign_id, creator_id).await?)
}

#[tauri::command]
pub async fn timeline(state: State<'_, AppState>, creator_id: i64) -> IpcResult<Vec<PipelineEvent>> {
    Ok(state.workspace().await?.timeline(creator_id).await?)
}

#[tauri::command]
pub async fn follow_ups(state: State<'_, AppState>) -> IpcResult<FollowUps> {
    Ok(state.workspace().await?.follow_ups().await?)
}

#[tauri::command]
pub async fn snooze_follow_up(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    kind: FollowUpKind,
    until: NaiveDate,
) -> IpcResult<()> {
    Ok(state.workspace().await?.snooze_follow_up(campaign_id, creator_id, kind, until).await?)
}

#[tauri::command]
pub async fn unsnooze_follow_up(
    state: State<'_, AppState>,
    campaign_id: i64,
    creator_id: i64,
    kind: FollowUpKind,
) -> IpcResult<()> {
    Ok(state.workspace().await?.unsnooze_follow_up(campaign_id, creator_id, kind).await?)
}

#[tauri::command]
pub async fn follow_up_settings(state: State<'_, AppState>) -> IpcResult<FollowUpSettings> {
    Ok(state.workspace().await?.follow_up_settings().await?)
}

#[tauri::command]
pub async fn set_follow_up_settings(state: State<'_, AppState>, settings: FollowUpSettings) -> IpcResult<()> {
    Ok(state.workspace().await?.set_follow_up_settings(settings).await?)
}

#[tauri::command]
pub async fn tiktok_status(state: State<'_, AppState>) -> IpcResult<TiktokStatus> {
    Ok(state.workspace().await?.tiktok_status().await?)
}

/// Exchanges the authorization code; the app secret and tokens go to the OS keychain.
#[tauri::command]
pub async fn connect_tiktok(
    state: State<'_, AppState>,
    connection: TiktokConnection,
    app_secret: String,
    auth_code: String,
) -> IpcResult<TiktokStatus> {
    let ws = state.workspace().await?;
    Ok(ws.connect_tiktok(&connection, scout_secrets::Secret::new(app_secret), auth_code.trim()).await?)
}

#[tauri::command]
pub async fn disconnect_tiktok(state: State<'_, AppState>) -> IpcResult<()> {
    Ok(state.workspace().await?.disconnect_tiktok().await?)
}

#[tauri::command]
pub async fn sync_tiktok(state: State<'_, AppState>) -> IpcResult<TiktokSyncReport> {
    Ok(state.workspace().await?.sync_tiktok_collaborations().await?)
}
