//! The e-mail channel: one message at a time through the seller's SMTP account, at the account's
//! interval and under its daily cap. A refused sign-in or an unreachable server stops the channel and
//! gives the offer back (it never reached the server: a minute's wait for the network, until the seller
//! fixes the password for a refusal); a 4xx retries the message later; a 5xx fails it.

use super::{DeliveryChannel, OutboxReport, Outcome, Release, Settlement, Stop};
use crate::outreach::EmailSettings;
use crate::{AppError, Result, Workspace};
use chrono::{Duration, Utc};
use scout_outreach::email::{EmailError, SmtpChannel};
use scout_secrets::Secret;
use scout_store::{ClaimedBatch, OfferChannel};

pub(super) struct EmailDelivery<'a> {
    ws: &'a Workspace,
    smtp: SmtpChannel,
    settings: EmailSettings,
    sent_before: bool,
}

impl Workspace {
    /// The e-mail channel with the password given, or the one in the keychain.
    pub(super) async fn email_delivery(&self, password: Option<Secret>) -> Result<EmailDelivery<'_>> {
        let settings = self.email_settings().await?.ok_or_else(crate::outreach::no_email_account)?;
        let password = match password {
            Some(p) => p,
            None => self.email_password().await?,
        };
        let smtp = SmtpChannel::new(settings.account.clone(), password.expose()).map_err(AppError::Email)?;
        Ok(EmailDelivery { ws: self, smtp, settings, sent_before: false })
    }
}

impl DeliveryChannel for EmailDelivery<'_> {
    const CHANNEL: OfferChannel = OfferChannel::Email;

    async fn room(&mut self, report: &mut OutboxReport) -> Result<Option<u32>> {
        let since = Utc::now() - Duration::hours(24);
        if self.ws.store.offers_sent_since(OfferChannel::Email, since).await? >= self.settings.daily_cap {
            report.capped = true;
            return Ok(None);
        }
        if self.sent_before {
            tokio::time::sleep(std::time::Duration::from_millis(self.settings.interval_ms)).await;
        }
        self.sent_before = true;
        Ok(Some(1))
    }

    async fn send(&mut self, batch: &ClaimedBatch) -> Result<Settlement> {
        let mut outcomes = Vec::with_capacity(batch.offers.len());
        let mut stop = None;
        let mut released = Release::Unreachable;
        for o in &batch.offers {
            if stop.is_some() {
                outcomes.push(Outcome::Released("not sent yet: the e-mail channel stopped".into(), released));
                continue;
            }
            let to = o.recipient.clone().unwrap_or_default();
            outcomes.push(match self.smtp.send(&to, &o.subject, &o.body, &o.idempotency_key).await {
                Ok(()) => Outcome::Sent {
                    external_id: o.idempotency_key.clone(),
                    cause: format!("offer {} sent by e-mail to {to}", o.id),
                },
                Err(e @ (EmailError::SignIn(_) | EmailError::Network(_))) => {
                    released = match e {
                        EmailError::SignIn(_) => Release::Refused,
                        _ => Release::Unreachable,
                    };
                    let outcome = Outcome::Released(e.to_string(), released);
                    stop = Some(Stop::Problem(AppError::Email(e)));
                    outcome
                }
                Err(EmailError::Retryable(reason)) => Outcome::Retry(reason),
                Err(e) => Outcome::Failed(e.to_string()),
            });
        }
        Ok(Settlement { outcomes, stop })
    }

    async fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}
