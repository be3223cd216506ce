//! The history step of a sample sync (issue 19, decision 0025): what learning who posts needs and the
//! five current statuses lack — every ended status (so a request that left the five gets its real end:
//! rejected, unfulfilled, withdrawn …) and the content creators posted for samples (TikTok's fulfilments:
//! format, views, paid orders, when), fetched for requests waiting for or with content, at most once a
//! day each. The first-seen signals are kept by the status read itself (`sync.rs`).

use super::sync::{SampleStatusCount, StatusRead};
use crate::tiktok::{tiktok_error, Pacer};
use crate::{Result, Workspace};
use chrono::Utc;
use scout_store::IncomingFulfilment;
use scout_tiktok::{ContentFormat, SampleStatus, TiktokClient};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The statuses a request ends in, as the model enumerates them: read for the history.
pub const ENDED_SAMPLE_STATUSES: [SampleStatus; 10] = [
    SampleStatus::RejectCancelled,
    SampleStatus::OverdueCancelled,
    SampleStatus::UnfulfillCancelled,
    SampleStatus::DelOpenCollab,
    SampleStatus::SellerNotShipCancelled,
    SampleStatus::WithdrawCancelled,
    SampleStatus::UnfulfillableCancelled,
    SampleStatus::OpsCancelled,
    SampleStatus::OpsFailed,
    SampleStatus::OpsCompleted,
];

/// A request that left the five synced statuses, and the ended status TikTok now gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EndedRequest {
    pub application_id: String,
    pub status: SampleStatus,
}

/// What the history step did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleHistoryReport {
    /// Requests read under an ended status.
    pub fetched: u32,
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Per ended status, in [`ENDED_SAMPLE_STATUSES`]' order.
    pub by_status: Vec<SampleStatusCount>,
    /// Of the requests no synced status lists any more, those found under an ended status.
    pub ended: Vec<EndedRequest>,
    /// Requests whose posted content was searched.
    pub contents_checked: u32,
    /// Posts seen for the first time.
    pub contents_new: u32,
    pub unreadable: Vec<String>,
    pub errors: Vec<String>,
}

impl Workspace {
    /// Reads the ended statuses and the content of requests that need it; `no_longer_listed` are the
    /// requests the five statuses stopped listing (to say where they went).
    pub(crate) async fn sync_sample_history_with(
        &self,
        client: &TiktokClient,
        pacer: &mut Pacer,
        no_longer_listed: &[String],
    ) -> Result<SampleHistoryReport> {
        let mut read = StatusRead::default();
        self.read_statuses(client, pacer, &ENDED_SAMPLE_STATUSES, &mut read).await?;
        let mut report = SampleHistoryReport {
            fetched: read.fetched,
            new: read.new,
            updated: read.updated,
            unchanged: read.unchanged,
            by_status: read.by_status,
            unreadable: read.unreadable,
            errors: read.errors,
            ..Default::default()
        };
        if no_longer_listed.iter().any(|id| read.seen.contains(id)) {
            for r in self.store.sample_history().await? {
                if no_longer_listed.contains(&r.application_id) && read.seen.contains(&r.application_id) {
                    if let Ok(status) = crate::samples::parse_sample_status(&r.status) {
                        report.ended.push(EndedRequest { application_id: r.application_id, status });
                    }
                }
            }
        }
        for id in self.store.sample_ids_needing_content(Utc::now()).await? {
            pacer.wait().await;
            let contents = match client.sample_content(&id, None).await {
                Ok(c) => c,
                Err(e) if e.needs_reauthorization() => return Err(tiktok_error(e)),
                Err(e) => {
                    report.errors.push(format!("content of {id}: {e}"));
                    continue;
                }
            };
            report.contents_checked += 1;
            let mut posts = Vec::with_capacity(contents.len());
            for c in contents {
                let Some(content_id) = c.content_id.filter(|s| !s.trim().is_empty()) else {
                    report.unreadable.push(format!("content of {id}: a post without a content id"));
                    continue;
                };
                posts.push(IncomingFulfilment {
                    content_id,
                    format: c.format.map(|f| ContentFormat::as_wire(f).to_string()),
                    url: c.url,
                    views: c.views,
                    likes: c.likes,
                    comments: c.comments,
                    paid_orders: c.paid_orders,
                    posted_at: c.posted_at,
                });
            }
            report.contents_new += self.store.save_sample_fulfilments(&id, &posts, Utc::now()).await?;
        }
        Ok(report)
    }
}
