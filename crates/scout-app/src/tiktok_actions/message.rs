//! Messages to creators as TikTok actions (decision 0026): the payload is `messages::MessagePayload`
//! (whom, what, why). Performing one opens the creator's conversation when the workspace has none yet —
//! saved before anything is sent, so a check can find it — and sends the message; TikTok Shop's refusals
//! (the message quota, the shop's GMV requirement, the creator's privacy settings) fail it with their
//! plain words on its record. A landed message is stored in its conversation in the same transaction
//! that settles the action. An uncertain one is checked by reading the conversation's newest messages:
//! the shop's message with the same content, sent after it was queued, means it arrived; none means it
//! goes again.

use super::{ActionOutcome, CheckOutcome};
use crate::messages::{incoming_conversation, incoming_message, MessagePayload, MAX_MESSAGES_BEFORE_REPLY};
use crate::{AppError, Result, Workspace};
use chrono::{DateTime, Duration, Utc};
use scout_store::{Action, ActionState, IncomingConversation, IncomingMessage};
use scout_tiktok::{ConversationMessage, OutgoingMessage, TiktokClient, TiktokError};
use serde::{Deserialize, Serialize};

/// Pages of a conversation (20 messages each) a check reads for an uncertain message.
const CHECK_PAGES: u32 = 3;
/// How much earlier than its action's queuing a message may be dated and still be the one (TikTok's
/// clock against the machine's).
const CLOCK_SLACK: Duration = Duration::minutes(5);

/// What a landed message action keeps as its result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Sent {
    conversation_id: String,
    message_id: String,
    sent_at: DateTime<Utc>,
}

fn payload_of(action: &Action) -> Result<MessagePayload> {
    serde_json::from_str(&action.payload_json).map_err(|e| {
        AppError::Internal(format!("TikTok action {}: the stored message is unreadable: {e}", action.id))
    })
}

/// Whether a read message carries what `out` sent (a card reads back under the model's other name, e.g.
/// `invitation_group_id` for a collaboration card, so any value of its content may match the id).
fn carries(m: &ConversationMessage, out: &OutgoingMessage) -> bool {
    let values = || -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&m.content).unwrap_or_default();
        v.as_object()
            .map(|o| o.values().filter_map(|x| x.as_str().map(|s| s.trim().to_string())).collect())
            .unwrap_or_default()
    };
    match out {
        OutgoingMessage::Text { text } => m.text.as_deref().map(str::trim) == Some(text.trim()),
        OutgoingMessage::ProductCard { product_id: id }
        | OutgoingMessage::TargetCollaborationCard { collaboration_id: id }
        | OutgoingMessage::FreeSampleCard { application_id: id } => values().contains(&id.trim().to_string()),
        OutgoingMessage::Image { url, .. } => values().contains(url),
    }
}

impl Workspace {
    pub(super) async fn perform_message(
        &self,
        client: &TiktokClient,
        action: &Action,
    ) -> std::result::Result<ActionOutcome, TiktokError> {
        match self.message_ready(action).await {
            Ok(Ok(ready)) => ready.send(self, client).await,
            Ok(Err(why)) => Ok(ActionOutcome::Failed(why)),
            // The workspace could not be read: try again later.
            Err(e) => Ok(ActionOutcome::Retry(e.to_string())),
        }
    }

    /// The message and the conversation it goes to (opened on TikTok Shop later when `None`), or why it
    /// must not go: the creator is on the do-not-contact list, or has had 5 messages since their reply.
    async fn message_ready(&self, action: &Action) -> Result<std::result::Result<Ready, String>> {
        let payload = match payload_of(action) {
            Ok(p) => p,
            Err(e) => return Ok(Err(e.to_string())),
        };
        let Some(creator_id) = action.creator_id else {
            return Ok(Err("the message names no creator".into()));
        };
        if let Some(reason) = self.store.suppression_reason(creator_id).await? {
            return Ok(Err(format!("not sent: the creator is on the do-not-contact list ({reason})")));
        }
        let sent = self.store.shop_messages_since_reply(creator_id).await?;
        if sent >= MAX_MESSAGES_BEFORE_REPLY {
            return Ok(Err(format!(
                "not sent: the creator has had {sent} messages from the shop since their last reply; TikTok \
                 Shop allows {MAX_MESSAGES_BEFORE_REPLY} before they answer"
            )));
        }
        let conversation = self.store.conversation_with(creator_id).await?.map(|c| c.conversation_id);
        Ok(Ok(Ready { payload, conversation }))
    }

    pub(super) async fn check_message(
        &self,
        client: &TiktokClient,
        action: &Action,
    ) -> std::result::Result<CheckOutcome, TiktokError> {
        let (payload, creator_id) = match (payload_of(action), action.creator_id) {
            (Ok(p), Some(c)) => (p, c),
            (Err(e), _) => return Ok(CheckOutcome::CannotLand(e.to_string())),
            (_, None) => return Ok(CheckOutcome::CannotLand("the message names no creator".into())),
        };
        // Opened before anything was sent and saved at once: no stored conversation, nothing was sent.
        let stored = match self.store.conversation_with(creator_id).await {
            Ok(Some(c)) => c,
            Ok(None) => return Ok(CheckOutcome::NotLanded),
            Err(e) => return Ok(CheckOutcome::CannotLand(format!("the workspace could not be read: {e}"))),
        };
        let im = self.store.conversation_im_id(&stored.conversation_id).await.ok().flatten();
        let since = action.created_at - CLOCK_SLACK;
        let mut token: Option<String> = None;
        for _ in 0..CHECK_PAGES {
            let page = client.conversation_messages(&stored.conversation_id, token.as_deref()).await?;
            // Only the creator's IM id tells their messages from the shop's; without it the content decides.
            let from_shop =
                |m: &ConversationMessage| im.is_none() || !incoming_message(m, im.as_deref()).from_creator;
            let found = page.messages.iter().rev().find(|m| {
                from_shop(m) && m.sent_at.is_none_or(|t| t >= since) && carries(m, &payload.message)
            });
            if let Some(m) = found {
                let sent = Sent {
                    conversation_id: stored.conversation_id.clone(),
                    message_id: m.id.clone(),
                    sent_at: m.sent_at.unwrap_or_else(Utc::now),
                };
                return Ok(CheckOutcome::Landed(serde_json::to_string(&sent).ok()));
            }
            // Pages go newest first: once a page is older than the action, the message is not there.
            let older = page.messages.iter().filter_map(|m| m.sent_at).min().is_some_and(|t| t < since);
            match page.next_page_token {
                Some(next) if !older && token.as_deref() != Some(next.as_str()) => token = Some(next),
                _ => break,
            }
        }
        Ok(CheckOutcome::NotLanded)
    }

    /// A landed message: stored in its conversation, its action done, in one transaction.
    pub(super) async fn message_landed(
        &self,
        action: &Action,
        from: ActionState,
        result: Option<&str>,
    ) -> Result<()> {
        let payload = payload_of(action)?;
        let sent: Sent = result.and_then(|r| serde_json::from_str(r).ok()).ok_or_else(|| {
            AppError::Internal(format!("TikTok action {}: the sent message's id is missing", action.id))
        })?;
        let conversation =
            IncomingConversation { conversation_id: sent.conversation_id.clone(), ..Default::default() };
        let content = payload.message.content().map_err(crate::tiktok::tiktok_error)?;
        let message = IncomingMessage {
            message_id: sent.message_id.clone(),
            from_creator: false,
            kind: payload.message.msg_type().to_string(),
            text: match &payload.message {
                OutgoingMessage::Text { text } => Some(text.clone()),
                _ => None,
            },
            content,
            index: None,
            sent_at: Some(sent.sent_at),
        };
        let result = serde_json::to_string(&sent).unwrap_or_default();
        Ok(self.store.settle_message(action.id, from, &conversation, &message, &result).await?)
    }
}

/// A message cleared to go.
struct Ready {
    payload: MessagePayload,
    conversation: Option<String>,
}

impl Ready {
    async fn send(
        self,
        ws: &Workspace,
        client: &TiktokClient,
    ) -> std::result::Result<ActionOutcome, TiktokError> {
        let open_id = self.payload.creator_open_id.trim().to_string();
        let conversation_id = match self.conversation {
            Some(id) => id,
            None => {
                // Refusals (quota, GMV requirement, privacy) are not retryable: they fail it with their words.
                let c = client.open_conversation(&open_id).await?;
                let saved = ws
                    .store
                    .save_conversation(&incoming_conversation(&c, Some(&open_id)), &[], Utc::now())
                    .await;
                if let Err(e) = saved {
                    return Ok(ActionOutcome::Retry(format!(
                        "the opened conversation could not be saved: {e}"
                    )));
                }
                c.id
            }
        };
        // TikTok's reply carries no time: the moment it was asked is nearer its own than when it answered.
        let asked_at = Utc::now();
        let message_id = client.send_message(&conversation_id, &self.payload.message).await?;
        let sent = Sent { conversation_id, message_id, sent_at: asked_at };
        Ok(ActionOutcome::Done(serde_json::to_string(&sent).ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_tiktok::MessageKind;

    fn read(kind: MessageKind, content: &str, text: Option<&str>) -> ConversationMessage {
        ConversationMessage {
            id: "M".into(),
            conversation_id: None,
            index: None,
            kind,
            text: text.map(str::to_string),
            content: content.into(),
            sent_at: None,
            sender_id: None,
        }
    }

    #[test]
    fn a_card_is_recognised_under_the_name_tiktok_reads_it_back_with() {
        let card = OutgoingMessage::TargetCollaborationCard { collaboration_id: "7001".into() };
        let back = read(MessageKind::TargetCollaborationCard, r#"{"invitation_group_id":"7001"}"#, None);
        assert!(carries(&back, &card));
        let other = read(MessageKind::TargetCollaborationCard, r#"{"invitation_group_id":"7002"}"#, None);
        assert!(!carries(&other, &card));
        let text = OutgoingMessage::Text { text: "Hi there".into() };
        assert!(carries(&read(MessageKind::Text, r#"{"content":"Hi there"}"#, Some("Hi there")), &text));
        assert!(!carries(&read(MessageKind::Text, r#"{"content":"Hi"}"#, Some("Hi")), &text));
    }
}
