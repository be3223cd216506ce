//! Conversations with creators: open (get or create) one by creator open id — refused for the message
//! quota (16030002), the shop's affiliate GMV requirement (16030003) or the creator's privacy settings
//! (45101021) —, send a text or a card (`content` travels as a JSON string whose object depends on the
//! type), list the shop's conversations (all or unread) with unread counts, read one conversation's
//! messages, the newest unread ones (polling: a desktop app gets no webhooks) and mark conversations
//! read (TikTok's path is spelled `conversatons`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
pub use super::messages_outgoing::{OutgoingMessage, MAX_TEXT_CHARS};
use super::samples::{encode, not_blank, path_id};
use super::wire::parse_data;
use super::wire_messages as w;

const OPEN_PATH: &str = "/affiliate_seller/202508/conversations";
const CONVERSATIONS_PATH: &str = "/affiliate_seller/202412/conversations";
const MESSAGES_PATH: &str = "/affiliate_seller/202412/conversation";
const NEWEST_PATH: &str = "/affiliate_seller/202412/conversations/messages/list/newest";
/// Sic: TikTok's path.
const READ_PATH: &str = "/affiliate_seller/202412/conversatons/read";
/// Conversations a list page asks for (the most the endpoint gives).
pub const CONVERSATION_PAGE_SIZE: u32 = 50;
/// Messages a page of one conversation asks for (the most the endpoint gives).
pub const MESSAGE_PAGE_SIZE: u32 = 20;
/// Conversations one "mark read" call takes.
pub const MAX_READ_IDS: usize = 20;

/// A message's type as the models enumerate it (replies also carry TikTok's own kinds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MessageKind {
    Text,
    ProductCard,
    TargetCollaborationCard,
    FreeSampleCard,
    Image,
    CrmTextWithImageCard,
    CrmTextWithProductsCard,
    Notification,
    Emoticons,
    System,
    /// A type the models do not list (the content is kept as sent).
    Unknown,
}

/// A conversation with one creator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conversation {
    pub id: String,
    pub username: Option<String>,
    pub avatar_url: Option<String>,
    /// Messages the shop has not read.
    #[ts(type = "number")]
    pub unread: u64,
    /// The creator's id as a message's `sender_id`: what tells their messages from the shop's.
    pub creator_im_id: Option<String>,
    /// Only when it was just opened: whether TikTok made it now.
    pub is_new: Option<bool>,
}

/// One page of the shop's conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConversationPage {
    pub conversations: Vec<Conversation>,
    pub next_page_token: Option<String>,
}

/// Which conversations to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ConversationFilter {
    All,
    Unread,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversationMessage {
    pub id: String,
    pub conversation_id: Option<String>,
    /// Its place in the conversation: higher = newer.
    #[ts(type = "number | null")]
    pub index: Option<u64>,
    pub kind: MessageKind,
    /// The words of a text (or notification, system, CRM card) message.
    pub text: Option<String>,
    /// The content's JSON as TikTok sent it (cards: ids; a collaboration card reads back as
    /// `invitation_group_id`).
    pub content: String,
    pub sent_at: Option<DateTime<Utc>>,
    pub sender_id: Option<String>,
}

/// One page of a conversation's messages, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MessagePage {
    pub messages: Vec<ConversationMessage>,
    pub next_page_token: Option<String>,
}

/// A conversation's newest unread message (of the last minute) and its unread count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewestMessage {
    pub conversation_id: String,
    pub kind: MessageKind,
    pub text: Option<String>,
    pub content: String,
    pub sender_id: Option<String>,
    #[ts(type = "number")]
    pub unread: u64,
}

fn some(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn kind(word: Option<String>) -> MessageKind {
    serde_json::from_value(serde_json::Value::String(word.unwrap_or_default()))
        .unwrap_or(MessageKind::Unknown)
}

/// The words of a message whose content object has a `content` text.
pub(crate) fn text_of(content: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(content).ok()?;
    value.get("content")?.as_str().map(str::to_string)
}

fn next(has_more: Option<bool>, token: Option<String>) -> Option<String> {
    some(token).filter(|_| has_more != Some(false))
}

pub(crate) fn read_messages(data: serde_json::Value) -> Result<MessagePage, TiktokError> {
    let data: w::MessagesData = parse_data(data, "conversation messages reply")?;
    let mut messages = Vec::new();
    for m in data.messages {
        let body = m.message_body.unwrap_or_default();
        let Some(id) = some(body.id) else {
            return Err(TiktokError::Unexpected("a conversation message without an id".into()));
        };
        let content = body.content.unwrap_or_default();
        messages.push(ConversationMessage {
            index: m.conversation_index.and_then(|i| i.trim().parse().ok()),
            kind: kind(body.kind),
            text: text_of(&content),
            content,
            sent_at: body.create_time.and_then(|s| DateTime::from_timestamp(s, 0)),
            sender_id: some(body.sender_id),
            conversation_id: some(body.conversation_id),
            id,
        });
    }
    // TikTok's page order is not documented; the index is.
    messages.sort_by_key(|m| m.index);
    Ok(MessagePage { messages, next_page_token: next(data.has_more, data.next_page_token) })
}

impl TiktokClient {
    /// The shop's conversation with this creator, made if there is none.
    pub async fn open_conversation(&self, creator_open_id: &str) -> Result<Conversation, TiktokError> {
        let id = not_blank("creator_open_id", creator_open_id)?;
        let body = encode(&w::OpenBody { creator_open_id: id, only_need_conversation_id: false })?;
        let data = self.call(Method::Post, OPEN_PATH, &[], Some(&body)).await?;
        let d: w::OpenData = parse_data(data, "conversation reply")?;
        Ok(Conversation {
            id: some(d.conversation_id)
                .ok_or_else(|| TiktokError::Unexpected(format!("no conversation id for creator {id}")))?,
            username: some(d.username),
            avatar_url: some(d.avatar),
            unread: d.unread_count.unwrap_or(0),
            creator_im_id: some(d.creator_im_id),
            is_new: d.is_new,
        })
    }

    /// Sends one message; returns its id.
    pub async fn send_message(
        &self,
        conversation_id: &str,
        message: &OutgoingMessage,
    ) -> Result<String, TiktokError> {
        let id = path_id("conversation_id", conversation_id)?;
        let content = message.content()?;
        let body = encode(&w::SendBody { msg_type: message.msg_type(), content: &content })?;
        let path = format!("{CONVERSATIONS_PATH}/{id}/messages");
        let data = self.call(Method::Post, &path, &[], Some(&body)).await?;
        let d: w::SendData = parse_data(data, "send message reply")?;
        some(d.message_id).ok_or_else(|| TiktokError::Unexpected("the sent message has no id".into()))
    }

    /// One page of the shop's conversations, newest activity first.
    pub async fn conversations(
        &self,
        filter: ConversationFilter,
        page_token: Option<&str>,
    ) -> Result<ConversationPage, TiktokError> {
        let status = match filter {
            ConversationFilter::All => "ALL",
            ConversationFilter::Unread => "UNREAD",
        };
        let mut query = vec![
            ("page_size", CONVERSATION_PAGE_SIZE.to_string()),
            ("conversation_status", status.to_string()),
        ];
        if let Some(t) = page_token.filter(|t| !t.is_empty()) {
            query.push(("page_token", t.to_string()));
        }
        let data = self.call(Method::Get, CONVERSATIONS_PATH, &query, None).await?;
        let d: w::ListData = parse_data(data, "conversation list reply")?;
        let mut conversations = Vec::new();
        for c in d.conversations {
            let id =
                some(c.id).ok_or_else(|| TiktokError::Unexpected("a conversation without an id".into()))?;
            conversations.push(Conversation {
                id,
                username: some(c.username),
                avatar_url: some(c.avatar),
                unread: c.unread_count.unwrap_or(0),
                creator_im_id: some(c.creator_im_id),
                is_new: None,
            });
        }
        Ok(ConversationPage { conversations, next_page_token: next(d.has_more, d.next_page_token) })
    }

    /// One page of a conversation's messages (the newest page first), oldest first within the page.
    pub async fn conversation_messages(
        &self,
        conversation_id: &str,
        page_token: Option<&str>,
    ) -> Result<MessagePage, TiktokError> {
        let id = path_id("conversation_id", conversation_id)?;
        let mut query = vec![("page_size", MESSAGE_PAGE_SIZE.to_string())];
        if let Some(t) = page_token.filter(|t| !t.is_empty()) {
            query.push(("page_token", t.to_string()));
        }
        let data = self.call(Method::Get, &format!("{MESSAGES_PATH}/{id}/messages"), &query, None).await?;
        read_messages(data)
    }

    /// The newest unread message of each conversation that received one in the last minute.
    pub async fn newest_messages(&self) -> Result<Vec<NewestMessage>, TiktokError> {
        let data = self.call(Method::Get, NEWEST_PATH, &[], None).await?;
        let d: w::NewestData = parse_data(data, "newest messages reply")?;
        d.newest_message_list
            .into_iter()
            .map(|n| {
                let content = n.content.unwrap_or_default();
                Ok(NewestMessage {
                    conversation_id: some(n.conversation_id).ok_or_else(|| {
                        TiktokError::Unexpected("a newest message without its conversation".into())
                    })?,
                    kind: kind(n.kind),
                    text: text_of(&content),
                    content,
                    sender_id: some(n.sender_id),
                    unread: n.unread_message_count.unwrap_or(0),
                })
            })
            .collect()
    }

    /// Marks up to [`MAX_READ_IDS`] conversations read; returns the ids TikTok could not mark.
    pub async fn mark_conversations_read(&self, ids: &[String]) -> Result<Vec<String>, TiktokError> {
        if ids.is_empty() || ids.len() > MAX_READ_IDS {
            return Err(TiktokError::invalid(
                "conversation_ids",
                format!("{} ids; one call takes 1 to {MAX_READ_IDS}", ids.len()),
            ));
        }
        for id in ids {
            not_blank("conversation_ids", id)?;
        }
        let body = encode(&w::ReadBody { conversation_ids: ids })?;
        let data = self.call(Method::Post, READ_PATH, &[], Some(&body)).await?;
        let d: w::ReadData = parse_data(data, "mark read reply")?;
        Ok(d.failed_conversation_ids)
    }
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
