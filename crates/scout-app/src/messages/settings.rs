//! The seller's message settings: after how many days an invited creator who has not answered gets
//! their one follow-up, and its text — a template with the offers' merge fields (`{{ creator.handle }}`,
//! `{{ product.name }}`, `{{ offer.commission }}` …), rendered by the offers' template engine.

use crate::{AppError, Result, Workspace};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const MESSAGES_KEY: &str = "messages";
/// Days after the invitation before the follow-up, by default.
pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 3;

/// The follow-up's text unless the seller wrote one.
pub const DEFAULT_FOLLOW_UP_TEMPLATE: &str = "Hi {{ creator.handle }}, just checking you saw our invitation \
    for {{ product.name }}: {{ offer.commission }} commission{% if offer.sample %} and a free sample{% endif %}. \
    Happy to answer any questions! {{ seller.name }}";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessageSettings {
    /// Days after the invitation went out before a creator who has not answered gets the follow-up.
    pub follow_up_after_days: u32,
    /// The follow-up's text, with the offers' merge fields.
    pub follow_up_template: String,
}

impl Default for MessageSettings {
    fn default() -> Self {
        MessageSettings {
            follow_up_after_days: DEFAULT_FOLLOW_UP_DAYS,
            follow_up_template: DEFAULT_FOLLOW_UP_TEMPLATE.to_string(),
        }
    }
}

impl MessageSettings {
    pub(crate) fn check(&self) -> Result<()> {
        if !(1..=60).contains(&self.follow_up_after_days) {
            return Err(AppError::InvalidField {
                field: "messages.follow_up_after_days".into(),
                message: format!("{} days is outside 1–60", self.follow_up_after_days),
            });
        }
        if self.follow_up_template.trim().is_empty() {
            return Err(AppError::InvalidField {
                field: "messages.follow_up_template".into(),
                message: "the follow-up's text is empty".into(),
            });
        }
        Ok(())
    }
}

impl Workspace {
    pub async fn message_settings(&self) -> Result<MessageSettings> {
        Ok(self.json_setting(MESSAGES_KEY).await?.unwrap_or_default())
    }

    pub async fn set_message_settings(&self, settings: &MessageSettings) -> Result<()> {
        settings.check()?;
        self.set_json_setting(MESSAGES_KEY, settings).await
    }
}
