//! Following a sample after the decision, on every sync (issue 19). For a requester who is in the
//! workspace:
//! - **the pipeline**: in each campaign for the same TikTok product where the seller agreed with the
//!   creator, the shipped sample is recorded as the collaboration's shipment (its cost from the product's
//!   economics, which the results count) and each post as its content — moving the creator to sample
//!   shipped and content posted as the board allows, once each;
//! - **the reminder**: delivered at least five days ago (counted from the sync that first saw it delivered,
//!   never earlier than it was) and nothing posted → the one post reminder TikTok Shop allows per sample,
//!   queued as a message through the outbox, never twice.

use crate::{Result, Workspace};
use chrono::{DateTime, Duration, Utc};
use scout_domain::{ContentPost, Money, SampleShipment, Stage};
use scout_store::{SampleToFollow, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Days after delivery before the one post reminder (TikTok Shop's own minimum).
pub const REMIND_AFTER_DAYS: i64 = 5;

/// What following the samples did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleFollowReport {
    /// Shipments carried onto a campaign's pipeline.
    pub shipments_recorded: u32,
    /// Posts carried onto a campaign's pipeline.
    pub posts_recorded: u32,
    /// Post reminders queued (the outbox sends them).
    pub reminders_queued: u32,
    /// Reminders due that could not be queued, each with why in plain words.
    pub reminders_held: Vec<String>,
    /// Samples that could not be followed this time (a record TikTok Shop gave that Scout refuses), each
    /// with why; the others are followed all the same.
    pub problems: Vec<String>,
}

/// The reminder's words.
fn reminder_text(product: &str) -> String {
    format!(
        "Hi! Your {product} sample should have arrived a few days ago — we'd love to see your video when it's \
         ready. Is there anything you need from us?"
    )
}

impl Workspace {
    /// Carries shipped samples and their posts onto the pipeline and queues the post reminders that are
    /// due (see the module's notes), as of `now`.
    pub async fn follow_samples(&self, now: DateTime<Utc>) -> Result<SampleFollowReport> {
        let mut report = SampleFollowReport::default();
        let samples = self.store.samples_to_follow().await?;
        if samples.is_empty() {
            return Ok(report);
        }
        let economics: HashMap<String, _> =
            self.list_sample_economics().await?.into_iter().map(|e| (e.product_id.clone(), e)).collect();
        let campaigns = self.store.list_campaigns().await?;
        for s in &samples {
            let for_product = campaigns
                .iter()
                .filter(|c| c.spec.product.tiktok_product_id.as_deref() == Some(s.product_id.as_str()));
            for campaign in for_product {
                let cost = economics.get(&s.product_id).and_then(|e| {
                    let same = e.sample_cost.currency == e.shipping.currency;
                    let minor = e.sample_cost.minor.checked_add(e.shipping.minor)?;
                    same.then(|| Money::new(minor, e.sample_cost.currency.clone()))
                });
                if let Err(e) = self.carry_onto_pipeline(campaign.id, s, cost, now, &mut report).await {
                    report.problems.push(format!(
                        "sample {} onto campaign {}: {e}",
                        s.application_id, campaign.spec.name
                    ));
                }
            }
            let delivered_long_ago =
                s.delivered_seen_at.is_some_and(|at| at <= now - Duration::days(REMIND_AFTER_DAYS));
            if s.status == "CONTENT_PENDING" && s.posts == 0 && delivered_long_ago {
                let product = s.product_name.as_deref().unwrap_or("product");
                match self
                    .queue_sample_reminder(s.creator_id, &s.application_id, &reminder_text(product))
                    .await
                {
                    Ok(Ok(Some(_))) => report.reminders_queued += 1,
                    Ok(Ok(None)) => {}
                    Ok(Err(why)) => report.reminders_held.push(format!("sample {}: {why}", s.application_id)),
                    Err(e) => report.problems.push(format!("sample {}'s reminder: {e}", s.application_id)),
                }
            }
        }
        Ok(report)
    }

    /// One sample onto one campaign's pipeline, where the seller agreed with the creator there.
    async fn carry_onto_pipeline(
        &self,
        campaign_id: i64,
        s: &SampleToFollow,
        cost: Option<Money>,
        now: DateTime<Utc>,
        report: &mut SampleFollowReport,
    ) -> Result<()> {
        let Some(stage) = self.store.stage(campaign_id, s.creator_id).await? else { return Ok(()) };
        let agreed =
            matches!(stage, Stage::Agreed | Stage::SampleShipped | Stage::ContentPosted | Stage::Completed);
        if !agreed {
            return Ok(());
        }
        let store = &self.store;
        if !store.sample_linked(&s.application_id, campaign_id, "shipment").await? {
            let shipment = SampleShipment {
                carrier: "TikTok Shop sample".into(),
                tracking_number: s
                    .tracking_number
                    .clone()
                    .or_else(|| s.order_id.as_ref().map(|o| format!("sample order {o}")))
                    .unwrap_or_else(|| format!("sample request {}", s.application_id)),
                cost,
                shipped_on: s.shipped_seen_at.unwrap_or(now).date_naive().min(now.date_naive()),
            };
            match store.record_shipment(campaign_id, s.creator_id, &shipment).await {
                Ok(_) => report.shipments_recorded += 1,
                Err(StoreError::AlreadyRecorded(_)) => {}
                Err(e) => return Err(e.into()),
            }
            store.link_sample_to_pipeline(&s.application_id, campaign_id, "shipment").await?;
        }
        for post in store.sample_posts(&s.application_id).await? {
            let what = format!("post:{}", post.content_id);
            let Some(url) = post.url.filter(|u| u.starts_with("http")) else { continue };
            if store.sample_linked(&s.application_id, campaign_id, &what).await? {
                continue;
            }
            let posted_on = post.posted_at.unwrap_or(now).date_naive().min(now.date_naive());
            match store.record_post(campaign_id, s.creator_id, &ContentPost { url, posted_on }).await {
                Ok(_) => report.posts_recorded += 1,
                Err(StoreError::AlreadyRecorded(_)) => {}
                Err(e) => return Err(e.into()),
            }
            store.link_sample_to_pipeline(&s.application_id, campaign_id, &what).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reminder_names_the_product_and_fits_a_message() {
        let text = reminder_text("Glow serum 30 ml");
        assert!(text.contains("Glow serum 30 ml sample"), "{text}");
        assert!(text.chars().count() < 2_000, "TikTok's limit");
    }
}
