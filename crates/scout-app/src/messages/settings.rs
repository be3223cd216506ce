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
        // An unknown merge field or broken syntax is refused now, not when a follow-up is due.
        let example = scout_outreach::template::MergeData {
            creator_handle: "creator".into(),
            creator_name: Some("Creator".into()),
            product_name: "Product".into(),
            product_price: "$10.00".into(),
            commission: "15 %".into(),
            free_sample: true,
            flat_fee: Some("$50.00".into()),
            deadline: Some("1 Jan 2027".into()),
            seller_name: "Shop".into(),
            campaign_name: "Campaign".into(),
        };
        let template = scout_outreach::template::OfferTemplate {
            subject: String::new(),
            body: self.follow_up_template.clone(),
        };
        scout_outreach::template::render(&template, &example).map_err(|e| AppError::InvalidField {
            field: "messages.follow_up_template".into(),
            message: e.to_string().replace("the body", "the follow-up's text"),
        })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid_and_a_bad_template_or_delay_is_refused_naming_the_field() {
        assert!(MessageSettings::default().check().is_ok());
        let unknown =
            MessageSettings { follow_up_template: "Hi {{ creator.nmae }}".into(), ..Default::default() };
        let e = unknown.check().unwrap_err();
        assert!(e.to_string().contains("'creator.nmae', which is not a merge field"), "{e}");
        assert!(
            matches!(e, AppError::InvalidField { ref field, .. } if field == "messages.follow_up_template")
        );
        let never = MessageSettings { follow_up_after_days: 0, ..Default::default() };
        assert!(never.check().unwrap_err().to_string().contains("0 days is outside 1–60"));
    }
}
