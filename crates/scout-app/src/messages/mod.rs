//! Conversations with creators through TikTok Shop (issue 19, decision 0026): polled into the workspace
//! (`sync`: a reply moves the creator to replied and lands on their timeline), read in an inbox with
//! unread counts, marked read on TikTok Shop when the seller says so, and answered — invitations,
//! replies and follow-ups queued as TikTok actions (`outgoing`) under the 5-messages-before-a-reply rule,
//! the do-not-contact list and the weekly outreach quota (`settings`: the follow-up's delay and text).

mod outgoing;
mod settings;
mod sync;

pub use outgoing::{
    FollowUpPlan, MessagePayload, MessagePurpose, PlannedFollowUp, QueuedMessages, MAX_MESSAGES_BEFORE_REPLY,
};
pub use settings::{MessageSettings, DEFAULT_FOLLOW_UP_DAYS, DEFAULT_FOLLOW_UP_TEMPLATE};
pub use sync::MessageSyncReport;
pub(crate) use sync::{incoming_conversation, incoming_message};

use crate::{AppError, Result, Workspace};
use scout_domain::{Handle, Platform};
use scout_store::{Action, ActionState, InboxConversation, StoredMessage};
use serde::Serialize;
use ts_rs::TS;

/// Conversations an inbox lists by default.
pub const INBOX_ROWS: u32 = 200;

/// A message Scout queued for a creator, as the conversation shows it: on its way, sent, or refused
/// with TikTok Shop's reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OutgoingView {
    #[ts(type = "number")]
    pub action_id: i64,
    pub state: ActionState,
    pub purpose: Option<MessagePurpose>,
    /// The words, or what the card is ("target collaboration card").
    pub summary: String,
    /// Why it failed or waits, in plain words.
    pub problem: Option<String>,
    pub queued_at: chrono::DateTime<chrono::Utc>,
}

/// One conversation as the window shows it: the conversation (when there is one yet), its stored
/// messages oldest first, and what Scout has queued or tried to send the creator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConversationView {
    pub conversation: Option<InboxConversation>,
    pub messages: Vec<StoredMessage>,
    /// Newest first.
    pub outgoing: Vec<OutgoingView>,
    /// Messages the shop has sent since the creator's last reply (at most
    /// [`MAX_MESSAGES_BEFORE_REPLY`] before they answer), and those on their way.
    pub sent_since_reply: u32,
    pub on_their_way: u32,
}

fn outgoing_view(a: Action) -> OutgoingView {
    let payload: Option<MessagePayload> = serde_json::from_str(&a.payload_json).ok();
    let summary = match payload.as_ref().map(|p| &p.message) {
        Some(scout_tiktok::OutgoingMessage::Text { text }) => text.clone(),
        Some(m) => m.msg_type().to_ascii_lowercase().replace('_', " "),
        None => format!("message action {} (its payload is unreadable)", a.id),
    };
    let problem = match a.state {
        ActionState::Done | ActionState::Queued | ActionState::Sending => None,
        _ => a.last_error.clone(),
    };
    OutgoingView {
        action_id: a.id,
        state: a.state,
        purpose: payload.map(|p| p.purpose),
        summary,
        problem,
        queued_at: a.created_at,
    }
}

impl Workspace {
    /// Stored conversations, newest message first, with their unread counts (nothing is asked of TikTok
    /// Shop: `sync_conversations` brings new ones).
    pub async fn inbox(&self, limit: u32) -> Result<Vec<InboxConversation>> {
        Ok(self.store.inbox(limit.min(INBOX_ROWS * 5)).await?)
    }

    /// A creator's conversation with what Scout queued for them.
    pub async fn creator_conversation(&self, creator_id: i64) -> Result<ConversationView> {
        let conversation = self.store.conversation_with(creator_id).await?;
        self.conversation_view(conversation, Some(creator_id)).await
    }

    /// A conversation by TikTok's id.
    pub async fn conversation(&self, conversation_id: &str) -> Result<ConversationView> {
        let conversation = self.store.conversation(conversation_id).await?.ok_or_else(|| {
            AppError::NotFound(format!("no conversation '{}' is stored", conversation_id.trim()))
        })?;
        let creator = conversation.creator_id;
        self.conversation_view(Some(conversation), creator).await
    }

    async fn conversation_view(
        &self,
        conversation: Option<InboxConversation>,
        creator_id: Option<i64>,
    ) -> Result<ConversationView> {
        let messages = match &conversation {
            Some(c) => self.store.conversation_messages(&c.conversation_id).await?,
            None => Vec::new(),
        };
        let (outgoing, sent, coming) = match creator_id {
            Some(id) => (
                self.store.message_actions_to(id, 50).await?.into_iter().map(outgoing_view).collect(),
                self.store.shop_messages_since_reply(id).await?,
                self.store.messages_on_their_way(id).await?,
            ),
            None => (Vec::new(), 0, 0),
        };
        Ok(ConversationView {
            conversation,
            messages,
            outgoing,
            sent_since_reply: sent,
            on_their_way: coming,
        })
    }

    /// Marks a conversation read on TikTok Shop (TikTok's misspelled `conversatons/read`), then in the
    /// workspace.
    pub async fn mark_conversation_read(&self, conversation_id: &str) -> Result<()> {
        let id = conversation_id.trim().to_string();
        if self.store.conversation(&id).await?.is_none() {
            return Err(AppError::NotFound(format!(
                "no conversation '{id}' is stored: run a message sync first"
            )));
        }
        let (connection, client) = self.tiktok_client().await?;
        let failed = client.mark_conversations_read(std::slice::from_ref(&id)).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        let failed = failed.map_err(crate::tiktok::tiktok_error)?;
        if failed.contains(&id) {
            return Err(AppError::InvalidInput(format!(
                "TikTok Shop could not mark conversation {id} read; it stays unread"
            )));
        }
        Ok(self.store.set_conversation_read(&id).await?)
    }

    /// Why this creator must not be contacted (the do-not-contact list's reason), when they are on it.
    pub async fn do_not_contact_reason(&self, creator_id: i64) -> Result<Option<String>> {
        Ok(self.store.suppression_reason(creator_id).await?)
    }

    /// A queued message as it stands now (queued, sent, refused with why).
    pub async fn message_action(&self, action_id: i64) -> Result<OutgoingView> {
        Ok(outgoing_view(self.store.action(action_id).await?))
    }

    /// A creator named as people write them: `@handle`, `handle`, or the workspace's numeric id.
    pub async fn find_tiktok_creator(&self, who: &str) -> Result<i64> {
        let who = who.trim();
        if let Ok(handle) = Handle::parse(who) {
            if let Some(id) = self.store.creator_id(Platform::TikTok, &handle).await? {
                return Ok(id);
            }
        }
        if let Ok(id) = who.parse::<i64>() {
            if self.store.creator_detail(id).await.is_ok() {
                return Ok(id);
            }
        }
        Err(AppError::NotFound(format!(
            "no TikTok creator '{who}' in the workspace (a handle or a creator id)"
        )))
    }
}
