//! The seller's outreach settings: the shop's profile and the e-mail account (settings, no secrets) with
//! its password in the OS keychain.

use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_domain::FieldProblem;
use scout_outreach::email::{SmtpAccount, SmtpChannel};
use scout_secrets::{Secret, SecretKey};
use scout_store::OfferChannel;
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

/// The longest pause between two messages Scout accepts (an hour).
const MAX_EMAIL_INTERVAL_MS: u64 = 3_600_000;

impl EmailSettings {
    pub fn new(account: SmtpAccount) -> EmailSettings {
        EmailSettings { account, interval_ms: DEFAULT_EMAIL_INTERVAL_MS, daily_cap: DEFAULT_EMAIL_DAILY_CAP }
    }

    /// Everything wrong with the account and its pace, each named by its field, all at once.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = self.account.problems();
        if self.interval_ms > MAX_EMAIL_INTERVAL_MS {
            out.push(FieldProblem::new(
                "email.interval_ms",
                "at most an hour (3600 seconds) between messages",
            ));
        }
        if self.daily_cap == 0 {
            out.push(FieldProblem::new(
                "email.daily_cap",
                "at least 1 message a day, or nothing is ever sent",
            ));
        }
        out
    }
}

pub(crate) fn no_email_account() -> AppError {
    AppError::InvalidField {
        field: "email.account".into(),
        message: "no e-mail account is set up (Settings → E-mail)".into(),
    }
}

impl Workspace {
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

    /// Saves the e-mail account, refusing it with every problem at once (the password is not stored).
    pub async fn set_email_settings(&self, settings: &EmailSettings) -> Result<()> {
        let problems = settings.problems();
        if !problems.is_empty() {
            return Err(AppError::InvalidFields(problems));
        }
        SmtpChannel::new(settings.account.clone(), "").map_err(AppError::Email)?;
        self.set_json_setting(SMTP_KEY, settings).await?;
        self.store.retry_now(OfferChannel::Email, Utc::now()).await?;
        Ok(())
    }

    /// Saves the account and, when given, its password — what the window's and the command line's form
    /// does. Nothing is saved unless all of it can be: every problem is named at once, a missing password
    /// among them (an account with a user name signs in, so it needs one, typed now or saved before).
    pub async fn save_email_account(&self, settings: &EmailSettings, password: Option<Secret>) -> Result<()> {
        let mut problems = settings.problems();
        let password = password.filter(|p| !p.is_empty());
        let account = &settings.account;
        if password.is_none() && !account.username.trim().is_empty() {
            let key = SecretKey::smtp_password(&account.username, &account.host);
            if self.keychain.get_async(key).await?.is_none() {
                problems.push(FieldProblem::new(
                    "email.password",
                    "enter the account's password (or app password): it signs in as this user",
                ));
            }
        }
        if !problems.is_empty() {
            return Err(AppError::InvalidFields(problems));
        }
        self.set_email_settings(settings).await?;
        if let Some(password) = password {
            self.set_email_password(password).await?;
        }
        Ok(())
    }

    /// Saves the e-mail account's password in the OS keychain (under the saved account's user and host).
    pub async fn set_email_password(&self, password: Secret) -> Result<()> {
        if password.is_empty() {
            return Err(AppError::InvalidField {
                field: "email.password".into(),
                message: "the password is empty".into(),
            });
        }
        let key = self.email_password_key().await?;
        self.keychain.set_async(key, password).await?;
        // Offers a refused sign-in held back go at once.
        self.store.retry_now(OfferChannel::Email, Utc::now()).await?;
        Ok(())
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
        self.keychain.get_async(key).await?.ok_or_else(|| AppError::NoEmailPassword {
            account: format!("{}@{}", settings.account.username, settings.account.host),
        })
    }

    async fn email_password_key(&self) -> Result<SecretKey> {
        let settings = self.email_settings().await?.ok_or_else(no_email_account)?;
        Ok(SecretKey::smtp_password(&settings.account.username, &settings.account.host))
    }
}
