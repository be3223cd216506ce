//! Scout's numbers for sample requests — P(post within 14 days) by the model in use, the expected GMV
//! if they post, the expected net value of approving — each explained factor by factor, for the list,
//! the window and the rule.

use super::economics::economics_of;
use super::outcomes::{sales_history_of, signals_of};
use crate::{AppError, Result, Workspace};
use scout_match::samples::{assess_request, SampleAssessment};
use std::collections::HashMap;

impl Workspace {
    /// Assesses the requests with `ids`, in that order, or every PENDING request (newest deadline first)
    /// without ids. An id the workspace does not have is refused by name.
    #[tracing::instrument(skip(self, ids))]
    pub async fn assess_sample_requests(&self, ids: Option<&[String]>) -> Result<Vec<SampleAssessment>> {
        let (rows, profiles) = self.sample_history_with_profiles().await?;
        let model = self.active_post_model().await?;
        let history = sales_history_of(&rows, None);
        let economics: HashMap<String, _> = self
            .store
            .list_sample_economics()
            .await?
            .iter()
            .map(|e| (e.product_id.clone(), economics_of(e)))
            .collect();
        let by_id: HashMap<&str, _> = rows.iter().map(|r| (r.application_id.as_str(), r)).collect();
        let chosen: Vec<_> = match ids {
            Some(ids) => ids
                .iter()
                .map(|id| {
                    by_id.get(id.trim()).copied().ok_or_else(|| {
                        AppError::NotFound(format!(
                            "no sample request '{}' in this workspace (sync first?)",
                            id.trim()
                        ))
                    })
                })
                .collect::<Result<_>>()?,
            None => {
                let mut pending: Vec<_> = rows.iter().filter(|r| r.status == "PENDING").collect();
                pending.sort_by(|a, b| {
                    b.approve_by.cmp(&a.approve_by).then_with(|| a.application_id.cmp(&b.application_id))
                });
                pending
            }
        };
        Ok(chosen
            .into_iter()
            .map(|r| {
                let profile = r.creator_id.and_then(|c| profiles.get(&c));
                assess_request(
                    &r.application_id,
                    &r.product_id,
                    &model,
                    &signals_of(r, profile),
                    &history,
                    economics.get(&r.product_id),
                )
            })
            .collect())
    }
}
