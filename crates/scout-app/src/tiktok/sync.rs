//! Reading TikTok Shop's answers back onto the pipeline: every collaboration Scout sent is read, and its
//! creators move by what TikTok Shop shows (accepted, posted, removed, expired).

use super::pace::Pacer;
use super::TiktokConnection;
use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_domain::Stage;
use scout_store::{Offer, OfferChannel};
use scout_tiktok::{CreatorAnswer, TiktokClient};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// What a status sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TiktokSyncReport {
    /// Collaborations read from TikTok Shop.
    pub collaborations: u32,
    /// Creators moved on the pipeline (accepted → agreed, posted → content posted, removed → withdrawn,
    /// expired → no response).
    pub moved: u32,
    /// Creators whose answer is still pending, or already where the answer puts them.
    pub unchanged: u32,
    /// Moves the pipeline refused (e.g. a creator already declined cannot become agreed), in words.
    pub skipped: Vec<String>,
    /// Collaborations that could not be read, with TikTok Shop's reason.
    pub errors: Vec<String>,
}

impl Workspace {
    /// Reads every collaboration Scout sent and moves its creators on the pipeline: products in their
    /// showcase (accepted) → agreed, content posted → content posted (through agreed), removed from the
    /// collaboration → withdrawn, ended without accepting → no response. Moves the pipeline refuses are
    /// skipped and reported. Stops (with an error) only when TikTok Shop must be reconnected.
    pub async fn sync_tiktok_collaborations(&self) -> Result<TiktokSyncReport> {
        let offers = self.store.sent_offers_with_external_id(OfferChannel::Tiktok).await?;
        let mut by_collaboration: BTreeMap<String, Vec<Offer>> = BTreeMap::new();
        for o in offers {
            if let Some(id) = o.external_id.clone() {
                by_collaboration.entry(id).or_default().push(o);
            }
        }
        let mut report = TiktokSyncReport::default();
        if by_collaboration.is_empty() {
            return Ok(report);
        }
        let (connection, client) = self.tiktok_client().await?;
        let result = self.sync_with(&connection, &client, &by_collaboration, &mut report).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        result.map(|()| report)
    }

    async fn sync_with(
        &self,
        connection: &TiktokConnection,
        client: &TiktokClient,
        by_collaboration: &BTreeMap<String, Vec<Offer>>,
        report: &mut TiktokSyncReport,
    ) -> Result<()> {
        let mut pacer = Pacer::new(connection.interval_ms);
        for (id, offers) in by_collaboration {
            pacer.wait().await;
            let collaboration = match client.collaboration(id).await {
                Ok(c) => c,
                Err(e) if e.needs_reauthorization() => return Err(super::tiktok_error(e)),
                Err(e) => {
                    report.errors.push(format!("collaboration {id}: {e}"));
                    continue;
                }
            };
            report.collaborations += 1;
            let now = Utc::now();
            for o in offers {
                let open_id = o.recipient.as_deref().unwrap_or_default();
                let answer = collaboration.answer_of(open_id, now);
                let path = stages_for(answer);
                let Some(&last) = path.last() else {
                    report.unchanged += 1;
                    continue;
                };
                let at = self.store.stage(o.campaign_id, o.creator_id).await?;
                if at == Some(last) {
                    report.unchanged += 1;
                    continue;
                }
                // A posted creator goes through Agreed first: the steps after where the creator stands.
                let start = path.iter().position(|s| Some(*s) == at).map_or(0, |i| i + 1);
                let cause = format!("TikTok Shop: collaboration {id} {}", answer.as_str());
                let mut refused = None;
                for &to in &path[start..] {
                    match self.store.move_stage(o.campaign_id, o.creator_id, to, &cause).await {
                        Ok(_) => {}
                        Err(e @ scout_store::StoreError::Domain(_)) => {
                            refused = Some(e);
                            break;
                        }
                        Err(e) => return Err(AppError::from(e)),
                    }
                }
                match refused {
                    None => report.moved += 1,
                    Some(e) => report.skipped.push(format!("creator {} ({open_id}): {e}", o.creator_id)),
                }
            }
        }
        Ok(())
    }
}

/// The pipeline stages an answer moves a creator through, in order; none while pending. TikTok Shop
/// records no refusal: a creator who never accepts lets the invitation expire (no response), and one
/// removed from the collaboration is withdrawn.
fn stages_for(answer: CreatorAnswer) -> &'static [Stage] {
    match answer {
        CreatorAnswer::Pending => &[],
        CreatorAnswer::Accepted => &[Stage::Agreed],
        CreatorAnswer::Posted => &[Stage::Agreed, Stage::ContentPosted],
        CreatorAnswer::Removed => &[Stage::Withdrawn],
        CreatorAnswer::Expired => &[Stage::NoResponse],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_map_to_stages() {
        assert_eq!(stages_for(CreatorAnswer::Accepted), [Stage::Agreed]);
        assert_eq!(stages_for(CreatorAnswer::Posted), [Stage::Agreed, Stage::ContentPosted]);
        assert_eq!(stages_for(CreatorAnswer::Removed), [Stage::Withdrawn]);
        assert_eq!(stages_for(CreatorAnswer::Expired), [Stage::NoResponse]);
        assert!(stages_for(CreatorAnswer::Pending).is_empty());
    }
}
