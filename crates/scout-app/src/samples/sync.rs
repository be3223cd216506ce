//! Pulling the shop's sample requests from TikTok Shop into the workspace: every page of each status
//! that still needs the seller (the search takes one status a call), paced, saved page by page, each
//! request's signals kept as first seen; then the history step (`history.rs`).

use super::history::SampleHistoryReport;
use crate::tiktok::{tiktok_error, Pacer, TiktokConnection};
use crate::{Result, Workspace};
use chrono::Utc;
use scout_store::{IncomingSampleRequest, SampleUpsert};
use scout_tiktok::{FulfilmentStatus, SampleApplication, SampleQuery, SampleStatus, TiktokClient};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use tracing::instrument;
use ts_rs::TS;

/// The statuses a sync reads: waiting for a decision, on its way, or waiting for (or with) the content.
pub const SYNCED_SAMPLE_STATUSES: [SampleStatus; 5] = [
    SampleStatus::Pending,
    SampleStatus::AwaitingShipment,
    SampleStatus::Shipped,
    SampleStatus::ContentPending,
    SampleStatus::Completed,
];

/// Requests one status brought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleStatusCount {
    pub status: SampleStatus,
    pub fetched: u32,
}

/// What a sample sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleSyncReport {
    /// Requests read from TikTok Shop.
    pub fetched: u32,
    /// Requests seen for the first time.
    pub new: u32,
    /// Known requests that changed (status, shipment, a signal TikTok now shows).
    pub updated: u32,
    pub unchanged: u32,
    /// Requests read per status, in [`SYNCED_SAMPLE_STATUSES`]' order.
    pub by_status: Vec<SampleStatusCount>,
    /// Requests TikTok Shop sent that could not be read, with why.
    pub unreadable: Vec<String>,
    /// Statuses that could not be read to the end, with TikTok Shop's reason.
    pub errors: Vec<String>,
    /// Stored requests in a synced status that TikTok Shop no longer lists under any synced status
    /// (ended: cancelled, rejected, withdrawn…). Only when every status was read to the end. The history
    /// step then finds most of them under their ended status (`history.ended`).
    pub no_longer_listed: Vec<String>,
    /// The ended statuses and the posted content read after the five (for learning who posts); its
    /// errors and unreadable requests are also in `errors` and `unreadable`.
    pub history: SampleHistoryReport,
}

impl Workspace {
    /// Reads every page of the shop's sample requests in each of [`SYNCED_SAMPLE_STATUSES`] and saves
    /// them (a value TikTok leaves out never blanks a known one; the status follows TikTok), then the
    /// history: every ended status, and the content posted for samples (`history.rs`). A status
    /// TikTok Shop refuses is reported and the others still read; stops (with an error) only when TikTok
    /// Shop must be reconnected.
    #[instrument(skip(self))]
    pub async fn sync_sample_requests(&self) -> Result<SampleSyncReport> {
        let (connection, client) = self.tiktok_client().await?;
        let mut report = SampleSyncReport::default();
        let result = self.sync_samples_with(&connection, &client, &mut report).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        result?;
        tracing::info!(
            fetched = report.fetched,
            new = report.new,
            updated = report.updated,
            ended = report.history.fetched,
            contents_new = report.history.contents_new,
            errors = report.errors.len(),
            "sample requests synced"
        );
        Ok(report)
    }

    async fn sync_samples_with(
        &self,
        connection: &TiktokConnection,
        client: &TiktokClient,
        report: &mut SampleSyncReport,
    ) -> Result<()> {
        let mut pacer = Pacer::new(connection.interval_ms);
        let mut read = StatusRead::default();
        self.read_statuses(client, &mut pacer, &SYNCED_SAMPLE_STATUSES, &mut read).await?;
        report.fetched = read.fetched;
        report.new = read.new;
        report.updated = read.updated;
        report.unchanged = read.unchanged;
        report.by_status = std::mem::take(&mut read.by_status);
        report.unreadable = std::mem::take(&mut read.unreadable);
        report.errors = std::mem::take(&mut read.errors);
        if report.errors.is_empty() {
            let wire: Vec<&str> = SYNCED_SAMPLE_STATUSES.iter().map(|s| s.as_wire()).collect();
            let stored = self.store.sample_request_ids_with_status(&wire).await?;
            report.no_longer_listed = stored.into_iter().filter(|id| !read.seen.contains(id)).collect();
        }
        // The history learning needs: the ended statuses, and the content posted for samples.
        report.history = self.sync_sample_history_with(client, &mut pacer, &report.no_longer_listed).await?;
        report.errors.extend(report.history.errors.iter().cloned());
        report.unreadable.extend(report.history.unreadable.iter().cloned());
        Ok(())
    }

    /// Reads every page of each of `statuses` into the store, tallying into `read`; each request's
    /// signals are kept as first seen. Stops (with an error) only when TikTok Shop must be reconnected.
    pub(crate) async fn read_statuses(
        &self,
        client: &TiktokClient,
        pacer: &mut Pacer,
        statuses: &[SampleStatus],
        read: &mut StatusRead,
    ) -> Result<()> {
        for status in statuses {
            let status = *status;
            let query = SampleQuery { status: Some(status), ..Default::default() };
            let mut count = SampleStatusCount { status, fetched: 0 };
            let mut token: Option<String> = None;
            loop {
                pacer.wait().await;
                let page = match client.search_sample_applications(&query, token.as_deref()).await {
                    Ok(p) => p,
                    Err(e) if e.needs_reauthorization() => return Err(tiktok_error(e)),
                    Err(e) => {
                        read.errors.push(format!("{}: {e}", status.as_wire()));
                        break;
                    }
                };
                read.unreadable.extend(page.unreadable);
                let incoming: Vec<IncomingSampleRequest> = page.applications.iter().map(incoming).collect();
                let ids: Vec<String> = incoming.iter().map(|r| r.application_id.clone()).collect();
                let posts: Vec<(String, Option<u64>)> =
                    page.applications.iter().map(|a| (a.id.clone(), a.creator.posts_30d)).collect();
                let now = Utc::now();
                let outcomes = self.store.upsert_sample_requests(&incoming, now).await?;
                self.store.record_first_signals(&posts, now).await?;
                for (o, id) in outcomes.into_iter().zip(ids) {
                    match o {
                        SampleUpsert::New => read.new += 1,
                        SampleUpsert::Updated => read.updated += 1,
                        SampleUpsert::Unchanged => read.unchanged += 1,
                    }
                    read.seen.insert(id);
                }
                let n = u32::try_from(incoming.len()).unwrap_or(u32::MAX);
                count.fetched += n;
                read.fetched += n;
                match page.next_page_token.filter(|t| !t.is_empty()) {
                    // A token the page already gave would loop forever: stop and say so.
                    Some(next) if token.as_deref() == Some(next.as_str()) => {
                        read.errors.push(format!(
                            "{}: TikTok Shop gave the same page token twice",
                            status.as_wire()
                        ));
                        break;
                    }
                    Some(next) => token = Some(next),
                    None => break,
                }
            }
            read.by_status.push(count);
        }
        Ok(())
    }
}

/// What reading some statuses did.
#[derive(Debug, Default)]
pub(crate) struct StatusRead {
    pub fetched: u32,
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub by_status: Vec<SampleStatusCount>,
    pub unreadable: Vec<String>,
    pub errors: Vec<String>,
    pub seen: HashSet<String>,
}

/// A request as the store keeps it: TikTok's words for the statuses, the signals as TikTok shows them.
fn incoming(a: &SampleApplication) -> IncomingSampleRequest {
    IncomingSampleRequest {
        application_id: a.id.clone(),
        creator_open_id: a.creator.open_id.clone(),
        creator_username: a.creator.username.clone(),
        product_id: a.product.id.clone(),
        product_name: a.product.title.clone(),
        status: a.status.as_wire().to_string(),
        approve_by: a.approve_by,
        ship_by: a.ship_by,
        fulfilment_90d: a.creator.fulfilment_90d,
        gmv_30d: a.creator.gmv.clone(),
        median_video_views: a.creator.median_video_views,
        approvable: a.approvable,
        order_id: a.order_id.clone(),
        tracking_number: a.tracking_number.clone(),
        fulfilment_status: a.fulfilment.map(|f| fulfilment_word(f).to_string()),
    }
}

/// The model's word for a fulfilment status.
fn fulfilment_word(f: FulfilmentStatus) -> &'static str {
    match f {
        FulfilmentStatus::Pending => "PENDING",
        FulfilmentStatus::Ongoing => "ONGOING",
        FulfilmentStatus::Succeed => "SUCCEED",
        FulfilmentStatus::Failed => "FAILED",
        FulfilmentStatus::Overdue => "OVERDUE",
        FulfilmentStatus::Suspend => "SUSPEND",
        FulfilmentStatus::Cancelled => "CANCELLED",
        FulfilmentStatus::Exempted => "EXEMPTED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fulfilment_words_are_the_models() {
        for f in [
            FulfilmentStatus::Pending,
            FulfilmentStatus::Ongoing,
            FulfilmentStatus::Succeed,
            FulfilmentStatus::Failed,
            FulfilmentStatus::Overdue,
            FulfilmentStatus::Suspend,
            FulfilmentStatus::Cancelled,
            FulfilmentStatus::Exempted,
        ] {
            assert_eq!(serde_json::to_value(f).unwrap(), fulfilment_word(f), "{f:?}");
        }
    }
}
