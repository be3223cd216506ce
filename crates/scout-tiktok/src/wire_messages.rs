//! Conversations' and the outreach eligibility check's JSON, field for field as the generated models of
//! PyPI `tiktok-shop-api` 0.1.0 have it (`GetOrCreateCreatorConversationRequest` / `…Response`,
//! `SendIMMessageRequest` / `…Response`, `GetConversationListResponse`,
//! `GetCreatorConversationMessagesResponse`, `GetLatestUnreadMessagesResponse`,
//! `MarkConversationsAsReadRequest` / `…Response`, `CheckCreatorOutreachEligibilityRequest` /
//! `…Response`); `fixtures/tiktok/wire_fields.json` lists them and a test compares both ways. Every
//! reply field is optional, as in the models.

use serde::{Deserialize, Serialize};

use super::wire_samples::count;

// ---- open (get or create) a conversation ----

#[derive(Debug, Serialize)]
pub(crate) struct OpenBody<'a> {
    pub creator_open_id: &'a str,
    /// `true` by default on TikTok's side, which answers the id alone: Scout asks for everything.
    pub only_need_conversation_id: bool,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct OpenData {
    pub conversation_id: Option<String>,
    pub is_new: Option<bool>,
    pub username: Option<String>,
    pub avatar: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub unread_count: Option<u64>,
    pub creator_im_id: Option<String>,
}

// ---- send ----

#[derive(Debug, Serialize)]
pub(crate) struct SendBody<'a> {
    pub msg_type: &'static str,
    /// The JSON of the message's object, as a string.
    pub content: &'a str,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SendData {
    pub message_id: Option<String>,
}

// ---- the conversation list ----

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListData {
    pub has_more: Option<bool>,
    pub next_page_token: Option<String>,
    #[serde(default)]
    pub conversations: Vec<ListConversation>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListConversation {
    pub id: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub unread_count: Option<u64>,
    pub username: Option<String>,
    pub avatar: Option<String>,
    pub creator_im_id: Option<String>,
}

// ---- one conversation's messages ----

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MessagesData {
    pub has_more: Option<bool>,
    pub next_page_token: Option<String>,
    #[serde(default)]
    pub messages: Vec<Message>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Message {
    /// Higher = newer, as a string.
    pub conversation_index: Option<String>,
    pub message_body: Option<MessageBody>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MessageBody {
    pub id: Option<String>,
    pub conversation_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub content: Option<String>,
    pub create_time: Option<i64>,
    pub sender_id: Option<String>,
}

// ---- the newest unread messages ----

#[derive(Debug, Default, Deserialize)]
pub(crate) struct NewestData {
    #[serde(default)]
    pub newest_message_list: Vec<Newest>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Newest {
    pub conversation_id: Option<String>,
    pub content: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub sender_id: Option<String>,
    #[serde(default, deserialize_with = "count")]
    pub unread_message_count: Option<u64>,
}

// ---- mark as read (POST …/202412/conversatons/read, sic) ----

#[derive(Debug, Serialize)]
pub(crate) struct ReadBody<'a> {
    pub conversation_ids: &'a [String],
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ReadData {
    #[serde(default)]
    pub failed_conversation_ids: Vec<String>,
}

// ---- the outreach eligibility check ----

#[derive(Debug, Serialize)]
pub(crate) struct EligibilityBody<'a> {
    pub creator_infos: Vec<CreatorInfo<'a>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CreatorInfo<'a> {
    pub creator_open_id: &'a str,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EligibilityData {
    #[serde(default)]
    pub creator_eligibility_results: Vec<EligibilityResult>,
    #[serde(default)]
    pub ineligible_creator_levels: Vec<u32>,
    pub is_batch_quota_consumable: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EligibilityResult {
    pub creator_level: Option<u32>,
    pub creator_open_id: Option<String>,
    pub is_blocked: Option<bool>,
    pub is_connected: Option<bool>,
    pub is_creator_follower_count_threshold_met: Option<bool>,
    pub is_creator_level_quota_available: Option<bool>,
    pub is_paired: Option<bool>,
}
