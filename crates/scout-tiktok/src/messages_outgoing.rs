//! A message Scout sends through TikTok Shop: its `msg_type` and its `content`, the JSON string of the
//! type's object (`{"content"}` for a text of 1–2,000 characters, `{"product_id"}`,
//! `{"target_collaboration_id"}`, `{"apply_id"}`, `{"url", "width", "height"}`), checked before it is
//! sent.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::TiktokError;

/// Characters a text message may have.
pub const MAX_TEXT_CHARS: usize = 2000;

/// A message Scout sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum OutgoingMessage {
    Text {
        text: String,
    },
    ProductCard {
        product_id: String,
    },
    /// The invitation (target collaboration) as a card the creator can accept from.
    TargetCollaborationCard {
        collaboration_id: String,
    },
    /// A sample request as a card.
    FreeSampleCard {
        application_id: String,
    },
    /// An image uploaded to TikTok Shop first; width and height in pixels.
    Image {
        url: String,
        width: u32,
        height: u32,
    },
}

impl OutgoingMessage {
    /// The wire's `msg_type`.
    pub fn msg_type(&self) -> &'static str {
        match self {
            OutgoingMessage::Text { .. } => "TEXT",
            OutgoingMessage::ProductCard { .. } => "PRODUCT_CARD",
            OutgoingMessage::TargetCollaborationCard { .. } => "TARGET_COLLABORATION_CARD",
            OutgoingMessage::FreeSampleCard { .. } => "FREE_SAMPLE_CARD",
            OutgoingMessage::Image { .. } => "IMAGE",
        }
    }

    /// The wire's `content`: the JSON of the type's object, checked first (a text 1–2,000 characters,
    /// ids and the URL not blank).
    pub fn content(&self) -> Result<String, TiktokError> {
        let blank = |field: &str, v: &str| {
            if v.trim().is_empty() {
                Err(TiktokError::invalid(field, "is empty"))
            } else {
                Ok(())
            }
        };
        let object = match self {
            OutgoingMessage::Text { text } => {
                blank("content", text)?;
                let n = text.chars().count();
                if n > MAX_TEXT_CHARS {
                    return Err(TiktokError::invalid(
                        "content",
                        format!("is {n} characters; TikTok Shop takes at most {MAX_TEXT_CHARS}"),
                    ));
                }
                serde_json::json!({ "content": text })
            }
            OutgoingMessage::ProductCard { product_id } => {
                blank("product_id", product_id)?;
                serde_json::json!({ "product_id": product_id.trim() })
            }
            OutgoingMessage::TargetCollaborationCard { collaboration_id } => {
                blank("target_collaboration_id", collaboration_id)?;
                serde_json::json!({ "target_collaboration_id": collaboration_id.trim() })
            }
            OutgoingMessage::FreeSampleCard { application_id } => {
                blank("apply_id", application_id)?;
                serde_json::json!({ "apply_id": application_id.trim() })
            }
            OutgoingMessage::Image { url, width, height } => {
                blank("url", url)?;
                serde_json::json!({ "url": url, "width": width, "height": height })
            }
        };
        Ok(object.to_string())
    }
}
