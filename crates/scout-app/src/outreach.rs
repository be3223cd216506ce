//! Outreach use cases: the seller's profile and e-mail account (settings, no secrets), offers previewed
//! creator by creator and queued all-or-nothing (delivery is in `outbox`).

use crate::error::domain_error;
use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_domain::OfferTerms;
use scout_outreach::email::{SmtpAccount, SmtpChannel};
use scout_outreach::template::{render, MergeData, OfferTemplate, RenderedMessage};
use scout_secrets::{Secret, SecretKey};
use scout_store::{CreatorRow, NewOffer, OfferChannel};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const SELLER_KEY: &str = "seller";
const SMTP_KEY: &str = "smtp";
/// domain.md: Exchange Online allows 30 messages a minute; free Gmail ~500 recipients a day.
const DEFAULT_EMAIL_INTERVAL_MS: u64 = 2_000;
const DEFAULT_EMAIL_DAILY_CAP: u64 = 400;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SellerProfile {
    /// The shop's name, as `seller.name` in templates.
    pub name: String,
}

/// The e-mail account and how fast it may send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EmailSettings {
    pub account: SmtpAccount,
    /// Milliseconds between two messages.
    #[ts(type = "number")]
    pub interval_ms: u64,
    /// Messages per rolling 24 hours.
    #[ts(type = "number")]
    pub daily_cap: u64,
}

impl EmailSettings {
    pub fn new(account: SmtpAccount) -> EmailSettings {
        EmailSettings { account, interval_ms: DEFAULT_EMAIL_INTERVAL_MS, daily_cap: DEFAULT_EMAIL_DAILY_CAP }
    }
}

/// What the seller wants to send: one offer to several creators of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfferDraft {
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "Array<number>")]
    pub creator_ids: Vec<i64>,
    pub channel: OfferChannel,
    pub terms: OfferTerms,
    pub template: OfferTemplate,
}

/// One creator's message as it would be sent, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfferPreview {
    pub creator: CreatorRow,
    pub recipient: Option<String>,
    pub message: PreviewedMessage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", content = "detail", rename_all = "snake_case")]
#[ts(export)]
pub enum PreviewedMessage {
    Ready(RenderedMessage),
    /// Why this creator's offer cannot be sent, in plain words (no address, a merge field without a value).
    Blocked(String),
}

impl PreviewedMessage {
    pub fn problem(&self) -> Option<&str> {
        match self {
            PreviewedMessage::Ready(_) => None,
            PreviewedMessage::Blocked(why) => Some(why),
        }
    }
}

pub(crate) fn no_email_account() -> AppError {
    AppError::InvalidInput("no e-mail account is set up (Settings → E-mail)".into())
}

impl Workspace {
    pub(crate) async fn set_json_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value)
            .map_err(|e| AppError::Internal(format!("setting '{key}' cannot be written: {e}")))?;
        Ok(self.store.set_setting(key, &json).await?)
    }

    pub(crate) async fn json_setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.store.setting(key).await? {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json)
                .map(Some)
                .map_err(|e| AppError::Internal(format!("stored setting '{key}' is unreadable: {e}"))),
        }
    }

    pub async fn seller_profile(&self) -> Result<Option<SellerProfile>> {
        self.json_setting(SELLER_KEY).await
    }

    pub async fn set_seller_profile(&self, profile: &SellerProfile) -> Result<()> {
        if profile.name.trim().is_empty() {
            return Err(AppError::InvalidField {
                field: "seller.name".into(),
                message: "the shop's name is empty".into(),
            });
        }
        self.set_json_setting(SELLER_KEY, profile).await
    }

    pub async fn email_settings(&self) -> Result<Option<EmailSettings>> {
        self.json_setting(SMTP_KEY).await
    }

    /// Saves the e-mail account (checked by building a channel with it; the password is not stored).
    pub async fn set_email_settings(&self, settings: &EmailSettings) -> Result<()> {
        SmtpChannel::new(settings.account.clone(), "").map_err(|e| AppError::InvalidInput(e.to_string()))?;
        self.set_json_setting(SMTP_KEY, settings).await
    }

    /// Saves the e-mail account's password in the OS keychain (under the saved account's user and host).
    pub async fn set_email_password(&self, password: Secret) -> Result<()> {
        if password.is_empty() {
            return Err(AppError::InvalidField {
                field: "password".into(),
                message: "the password is empty".into(),
            });
        }
        let key = self.email_password_key().await?;
        Ok(self.keychain.set_async(key, password).await?)
    }

    /// Whether the keychain holds a password for the saved e-mail account.
    pub async fn has_email_password(&self) -> Result<bool> {
        let key = self.email_password_key().await?;
        Ok(self.keychain.get_async(key).await?.is_some())
    }

    /// The saved account's password from the keychain; empty for an account without a user name (a
    /// local relay). No password saved is an error that says where to set it.
    pub(crate) async fn email_password(&self) -> Result<Secret> {
        let settings = self.email_settings().await?.ok_or_else(no_email_account)?;
        if settings.account.username.is_empty() {
            return Ok(Secret::new(""));
        }
        let key = SecretKey::smtp_password(&settings.account.username, &settings.account.host);
        self.keychain.get_async(key).await?.ok_or_else(|| {
            AppError::InvalidInput(format!(
                "no password is saved for {}@{}: enter it in Settings → E-mail",
                settings.account.username, settings.account.host
            ))
        })
    }

    async fn email_password_key(&self) -> Result<SecretKey> {
        let settings = self.email_settings().await?.ok_or_else(no_email_account)?;
        Ok(SecretKey::smtp_password(&settings.account.username, &settings.account.host))
    }

    /// Every creator's message, rendered, or the reason it cannot be sent (no e-mail address, a merge
    /// field without a value). Nothing is stored.
    pub async fn preview_offers(&self, draft: &OfferDraft) -> Result<Vec<OfferPreview>> {
        draft.terms.validate(Utc::now()).map_err(|e| domain_error(e, "terms"))?;
        let campaign = self.store.campaign(draft.campaign_id).await?;
        let seller = self.seller_profile().await?.ok_or_else(|| AppError::InvalidField {
            field: "seller.name".into(),
            message: "set your shop's name first (Settings)".into(),
        })?;
        let has_tiktok_product =
            campaign.spec.product.tiktok_product_id.as_deref().is_some_and(|id| !id.trim().is_empty());
        let mut previews = Vec::with_capacity(draft.creator_ids.len());
        for id in &draft.creator_ids {
            let detail = self.store.creator_detail(*id).await?;
            let creator = self
                .store
                .creator_rows(&[*id])
                .await?
                .pop()
                .ok_or_else(|| AppError::NotFound(format!("no creator with id {id}")))?;
            let t = &draft.terms;
            let data = MergeData {
                creator_handle: detail.key.handle.as_str().to_string(),
                creator_name: detail.profile.display_name.clone(),
                product_name: campaign.spec.product.name.clone(),
                product_price: campaign.spec.product.price.to_string(),
                commission: t.commission.short_percent(),
                free_sample: t.free_sample.is_some(),
                flat_fee: t.flat_fee.as_ref().map(ToString::to_string),
                deadline: t.deadline.map(|d| d.format("%-d %b %Y").to_string()),
                seller_name: seller.name.clone(),
                campaign_name: campaign.spec.name.clone(),
            };
            let recipient = match draft.channel {
                OfferChannel::Email => detail.profile.email.clone(),
                OfferChannel::Tiktok => detail.profile.open_id.clone(),
                OfferChannel::Manual => None,
            };
            let message = match (&draft.channel, &recipient) {
                (OfferChannel::Email, None) => {
                    PreviewedMessage::Blocked(format!("{} has no e-mail address", detail.key.handle))
                }
                (OfferChannel::Tiktok, None) => {
                    PreviewedMessage::Blocked(format!("{} has no TikTok creator open id", detail.key.handle))
                }
                (OfferChannel::Tiktok, Some(_)) if !has_tiktok_product => {
                    PreviewedMessage::Blocked(crate::tiktok_outbox::missing_product_id())
                }
                _ => match render(&draft.template, &data) {
                    Ok(m) => PreviewedMessage::Ready(m),
                    Err(e) => PreviewedMessage::Blocked(e.to_string()),
                },
            };
            previews.push(OfferPreview { creator, recipient, message });
        }
        Ok(previews)
    }

    /// Queues the offers: all, or none when any creator's message has a problem (each one named).
    pub async fn queue_offers(&self, draft: &OfferDraft) -> Result<Vec<i64>> {
        let previews = self.preview_offers(draft).await?;
        let problems: Vec<&str> = previews.iter().filter_map(|p| p.message.problem()).collect();
        if !problems.is_empty() {
            return Err(AppError::InvalidInput(format!("nothing was queued: {}", problems.join("; "))));
        }
        let terms_json = serde_json::to_string(&draft.terms).unwrap_or_default();
        let offers: Vec<NewOffer> = previews
            .into_iter()
            .filter_map(|p| {
                let PreviewedMessage::Ready(message) = p.message else { return None };
                Some(NewOffer {
                    idempotency_key: format!(
                        "scout-{}-{}-{}",
                        draft.campaign_id,
                        p.creator.id,
                        Utc::now().timestamp_micros()
                    ),
                    campaign_id: draft.campaign_id,
                    creator_id: p.creator.id,
                    channel: draft.channel,
                    terms_json: terms_json.clone(),
                    recipient: p.recipient,
                    subject: message.subject,
                    body: message.body,
                    resend_of: None,
                })
            })
            .collect();
        Ok(self.store.queue_offers(&offers).await?)
    }
}
