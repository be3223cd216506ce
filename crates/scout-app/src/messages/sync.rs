//! Polling TikTok Shop for creators' messages (a desktop app gets no webhooks): the UNREAD conversation
//! list is the source of truth, read to its end; the "newest" call (the last minute only) is a cheap
//! hint that adds a stored conversation the list may not show yet. Each conversation's pages are read,
//! newest first, until a stored message is met, and saved in one transaction with what a reply does to
//! the pipeline.

use crate::tiktok::{tiktok_error, Pacer, TiktokConnection};
use crate::{Result, Workspace};
use chrono::Utc;
use scout_store::{IncomingConversation, IncomingMessage};
use scout_tiktok::{Conversation, ConversationFilter, ConversationMessage, MessageKind, TiktokClient};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use tracing::instrument;
use ts_rs::TS;

/// Pages of one conversation a sync reads at most (20 messages a page): a conversation with more new
/// messages than that since the last sync is read again by the next.
pub const MAX_MESSAGE_PAGES: u32 = 25;
/// Pages of the unread list a sync reads at most (50 conversations a page).
const MAX_LIST_PAGES: u32 = 40;

/// What a message sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageSyncReport {
    /// Conversations read (unread ones, and those the newest-message hint named).
    pub conversations: u32,
    /// Messages stored for the first time.
    pub new_messages: u32,
    /// Of those, written by creators.
    pub replies: u32,
    /// Creator × campaign moves to replied.
    pub moved_to_replied: u32,
    /// Conversations with new creator messages whose creator is not in the workspace (no creator with
    /// that open id or username): stored, on no pipeline.
    pub unlinked: Vec<String>,
    /// Conversations that could not be read, with TikTok Shop's reason.
    pub errors: Vec<String>,
}

fn kind_word(kind: &MessageKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A read message as the store keeps it. Without the creator's IM id (TikTok left it out) a message
/// Scout did not send is taken as the creator's: a reply is never taken for the shop's.
pub(crate) fn incoming_message(m: &ConversationMessage, creator_im_id: Option<&str>) -> IncomingMessage {
    let from_creator = match (creator_im_id, m.sender_id.as_deref()) {
        (Some(im), Some(sender)) => im == sender,
        _ => true,
    };
    IncomingMessage {
        message_id: m.id.clone(),
        from_creator,
        kind: kind_word(&m.kind),
        text: m.text.clone(),
        content: m.content.clone(),
        index: m.index,
        sent_at: m.sent_at,
    }
}

pub(crate) fn incoming_conversation(c: &Conversation, open_id: Option<&str>) -> IncomingConversation {
    IncomingConversation {
        conversation_id: c.id.clone(),
        creator_open_id: open_id.map(str::to_string),
        username: c.username.clone(),
        creator_im_id: c.creator_im_id.clone(),
        unread: Some(c.unread),
    }
}

impl Workspace {
    /// Reads the shop's unread conversations (and any the newest-message hint names) and stores their new
    /// messages; a creator's reply moves them to replied in each campaign they were invited to and lands
    /// on their timeline, one transaction per conversation. A conversation TikTok Shop refuses is
    /// reported and the others still read; stops (with an error) only when TikTok Shop must be
    /// reconnected. Nothing is marked read (that is [`Workspace::mark_conversation_read`]).
    #[instrument(skip(self))]
    pub async fn sync_conversations(&self) -> Result<MessageSyncReport> {
        let (connection, client) = self.tiktok_client().await?;
        let mut report = MessageSyncReport::default();
        let result = self.sync_conversations_with(&connection, &client, &mut report).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        result?;
        tracing::info!(
            conversations = report.conversations,
            new = report.new_messages,
            replies = report.replies,
            moved = report.moved_to_replied,
            errors = report.errors.len(),
            "conversations synced"
        );
        Ok(report)
    }

    async fn sync_conversations_with(
        &self,
        connection: &TiktokConnection,
        client: &TiktokClient,
        report: &mut MessageSyncReport,
    ) -> Result<()> {
        let mut pacer = Pacer::new(connection.interval_ms);
        let mut unread: Vec<Conversation> = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_LIST_PAGES {
            pacer.wait().await;
            let page = match client.conversations(ConversationFilter::Unread, token.as_deref()).await {
                Ok(p) => p,
                Err(e) if e.needs_reauthorization() => return Err(tiktok_error(e)),
                Err(e) => {
                    report.errors.push(format!("the unread conversation list: {e}"));
                    break;
                }
            };
            unread.extend(page.conversations);
            match page.next_page_token {
                Some(next) if token.as_deref() == Some(next.as_str()) => {
                    report.errors.push("the unread conversation list: the same page token twice".into());
                    break;
                }
                Some(next) => token = Some(next),
                None => break,
            }
        }
        // The hint: a stored conversation with a message of the last minute the list did not show yet.
        pacer.wait().await;
        let listed: HashSet<String> = unread.iter().map(|c| c.id.clone()).collect();
        match client.newest_messages().await {
            Ok(newest) => {
                for n in newest.into_iter().filter(|n| !listed.contains(&n.conversation_id)) {
                    if let Some(stored) = self.store.conversation(&n.conversation_id).await? {
                        unread.push(Conversation {
                            id: stored.conversation_id,
                            username: stored.username,
                            avatar_url: None,
                            unread: n.unread,
                            creator_im_id: None,
                            is_new: None,
                        });
                    }
                }
            }
            Err(e) if e.needs_reauthorization() => return Err(tiktok_error(e)),
            // Only a hint: the list above is what counts.
            Err(e) => tracing::warn!(error = %e, "newest messages unreadable"),
        }
        for conversation in &unread {
            report.conversations += 1;
            match self.read_new_messages(client, &mut pacer, conversation).await? {
                Ok(messages) => {
                    let saved = self
                        .store
                        .save_conversation(&incoming_conversation(conversation, None), &messages, Utc::now())
                        .await?;
                    report.new_messages += saved.new_messages;
                    report.replies += saved.new_from_creator;
                    report.moved_to_replied += saved.moved_to_replied.len() as u32;
                    if saved.creator_id.is_none() && saved.new_from_creator > 0 {
                        report.unlinked.push(format!(
                            "{} ({})",
                            conversation.id,
                            conversation
                                .username
                                .as_deref()
                                .map_or("no username".into(), |u| format!("@{u}"))
                        ));
                    }
                }
                Err(e) if e.needs_reauthorization() => return Err(tiktok_error(e)),
                Err(e) => report.errors.push(format!("conversation {}: {e}", conversation.id)),
            }
        }
        Ok(())
    }

    /// The conversation's messages newer than what is stored: pages newest first, until a page holds a
    /// stored message (or the last page, or [`MAX_MESSAGE_PAGES`]).
    async fn read_new_messages(
        &self,
        client: &TiktokClient,
        pacer: &mut Pacer,
        conversation: &Conversation,
    ) -> Result<std::result::Result<Vec<IncomingMessage>, scout_tiktok::TiktokError>> {
        let stored_im = match &conversation.creator_im_id {
            Some(_) => None,
            None => self.store.conversation_im_id(&conversation.id).await?,
        };
        let im = conversation.creator_im_id.as_deref().or(stored_im.as_deref());
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_MESSAGE_PAGES {
            pacer.wait().await;
            let page = match client.conversation_messages(&conversation.id, token.as_deref()).await {
                Ok(p) => p,
                Err(e) => return Ok(Err(e)),
            };
            let ids: Vec<String> = page.messages.iter().map(|m| m.id.clone()).collect();
            let known = self.store.stored_message_ids(&ids).await?;
            out.extend(page.messages.iter().map(|m| incoming_message(m, im)));
            match page.next_page_token {
                _ if !known.is_empty() => break,
                Some(next) if token.as_deref() != Some(next.as_str()) => token = Some(next),
                _ => break,
            }
        }
        Ok(Ok(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sender: Option<&str>) -> ConversationMessage {
        ConversationMessage {
            id: "M1".into(),
            conversation_id: Some("C1".into()),
            index: Some(3),
            kind: MessageKind::TargetCollaborationCard,
            text: None,
            content: r#"{"invitation_group_id":"7"}"#.into(),
            sent_at: None,
            sender_id: sender.map(str::to_string),
        }
    }

    #[test]
    fn the_sender_tells_the_creator_from_the_shop_and_the_kind_keeps_tiktoks_word() {
        let theirs = incoming_message(&read(Some("im-1")), Some("im-1"));
        assert!(theirs.from_creator);
        assert_eq!(theirs.kind, "TARGET_COLLABORATION_CARD");
        assert!(!incoming_message(&read(Some("shop-im")), Some("im-1")).from_creator);
        assert!(
            incoming_message(&read(Some("shop-im")), None).from_creator,
            "unknown IM id: taken as the creator's, never a reply lost"
        );
    }
}
