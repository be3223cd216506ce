//! The Inbox's commands (issue 19): conversations with creators through TikTok Shop — the list with
//! unread counts, one thread with what Scout queued, mark read, a reply, "check now" and the poll's
//! status, follow-ups for a campaign's non-responders (plan, then queue on confirm), and the weekly
//! outreach quota. Each is a few lines over `scout-app`'s messages; what is queued goes through the
//! outbox, started at once (unless the seller stopped it).

use crate::error::IpcResult;
use crate::message_poll::{MessagePoll, MessagePollStatus};
use crate::state::AppState;
use scout_app::{
    ConversationView, FollowUpPlan, InboxConversation, MessageSyncReport, OutgoingView, QueuedMessages,
    TiktokQuota, Workspace, INBOX_ROWS, MAX_MESSAGES_BEFORE_REPLY,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// One conversation as the Inbox shows it: the thread, and what decides whether the seller may write.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct InboxThread {
    pub view: ConversationView,
    /// The workspace's creator it is with; `null` when TikTok Shop's creator is not in the workspace.
    #[ts(type = "number | null")]
    pub creator_id: Option<i64>,
    /// Their handle in the workspace (without "@"), else TikTok's username, when known.
    pub handle: Option<String>,
    /// Why the creator is on the do-not-contact list, when they are.
    pub do_not_contact: Option<String>,
    /// Messages TikTok Shop lets the shop send before the creator replies.
    pub max_before_reply: u32,
}

async fn thread(ws: &Workspace, view: ConversationView, creator_id: Option<i64>) -> IpcResult<InboxThread> {
    let (do_not_contact, handle) = match creator_id {
        Some(id) => {
            (ws.do_not_contact_reason(id).await?, Some(ws.creator(id).await?.key.handle.as_str().to_string()))
        }
        None => (None, view.conversation.as_ref().and_then(|c| c.username.clone())),
    };
    Ok(InboxThread { view, creator_id, handle, do_not_contact, max_before_reply: MAX_MESSAGES_BEFORE_REPLY })
}

/// Stored conversations, newest message first, with their unread counts.
#[tauri::command]
pub async fn inbox_conversations(state: State<'_, AppState>) -> IpcResult<Vec<InboxConversation>> {
    Ok(state.workspace().await?.inbox(INBOX_ROWS).await?)
}

/// One conversation by TikTok's id: its messages oldest first and what Scout queued.
#[tauri::command]
pub async fn conversation_thread(
    state: State<'_, AppState>,
    conversation_id: String,
) -> IpcResult<InboxThread> {
    let ws = state.workspace().await?;
    let view = ws.conversation(&conversation_id).await?;
    let creator = view.conversation.as_ref().and_then(|c| c.creator_id);
    thread(&ws, view, creator).await
}

/// A creator's conversation (there may be none yet) and what Scout queued for them.
#[tauri::command]
pub async fn creator_thread(state: State<'_, AppState>, creator_id: i64) -> IpcResult<InboxThread> {
    let ws = state.workspace().await?;
    let view = ws.creator_conversation(creator_id).await?;
    thread(&ws, view, Some(creator_id)).await
}

/// Marks the conversation read on TikTok Shop, then in the workspace.
#[tauri::command]
pub async fn mark_conversation_read(state: State<'_, AppState>, conversation_id: String) -> IpcResult<()> {
    Ok(state.workspace().await?.mark_conversation_read(&conversation_id).await?)
}

/// Queues the seller's text to the creator and starts the outbox; returns the message as it stands.
#[tauri::command]
pub async fn send_reply(
    state: State<'_, AppState>,
    creator_id: i64,
    text: String,
) -> IpcResult<OutgoingView> {
    let ws = state.workspace().await?;
    let id = ws.queue_text_message(creator_id, &text).await?;
    let queued = ws.message_action(id).await?;
    state.outbox.nudge(ws).await;
    Ok(queued)
}

/// Looks for new messages now (what the poll does on its interval).
#[tauri::command]
pub async fn check_messages_now(
    state: State<'_, AppState>,
    poll: State<'_, MessagePoll>,
) -> IpcResult<MessageSyncReport> {
    let ws = state.workspace().await?;
    Ok(poll.look(&ws).await?)
}

/// When the window last looked for messages in the open workspace, what it found, and whether it is
/// looking now.
#[tauri::command]
pub async fn message_poll_status(
    state: State<'_, AppState>,
    poll: State<'_, MessagePoll>,
) -> IpcResult<MessagePollStatus> {
    let ws = state.workspace().await.ok();
    Ok(poll.status(ws.as_ref()).await)
}

/// The follow-ups due in the campaign (who would get one, with the text; who would not, and why).
#[tauri::command]
pub async fn plan_message_follow_ups(
    state: State<'_, AppState>,
    campaign_id: i64,
) -> IpcResult<FollowUpPlan> {
    Ok(state.workspace().await?.plan_follow_ups(campaign_id, None).await?)
}

/// Queues the campaign's due follow-ups and starts the outbox.
#[tauri::command]
pub async fn queue_message_follow_ups(
    state: State<'_, AppState>,
    campaign_id: i64,
) -> IpcResult<QueuedMessages> {
    let ws = state.workspace().await?;
    let queued = ws.queue_follow_ups(campaign_id, None).await?;
    if !queued.action_ids.is_empty() {
        state.outbox.nudge(ws).await;
    }
    Ok(queued)
}

/// Queues the invitation message — the collaboration card, then `text` when given — to the campaign's
/// creators invited through TikTok Shop (each once), and starts the outbox.
#[tauri::command]
pub async fn queue_invitation_cards(
    state: State<'_, AppState>,
    campaign_id: i64,
    text: Option<String>,
) -> IpcResult<QueuedMessages> {
    let ws = state.workspace().await?;
    let queued = ws.queue_invitation_messages(campaign_id, text.as_deref()).await?;
    if !queued.action_ids.is_empty() {
        state.outbox.nudge(ws).await;
    }
    Ok(queued)
}

/// The shop's weekly outreach quota as TikTok Shop says it now.
#[tauri::command]
pub async fn outreach_quota(state: State<'_, AppState>) -> IpcResult<TiktokQuota> {
    Ok(state.workspace().await?.outreach_quota().await?)
}
