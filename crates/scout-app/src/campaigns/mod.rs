//! Campaign use cases: create and edit campaigns (validated by the domain, every error naming its
//! field), and keep each campaign's shortlist with notes and tags; ranking and explaining matches
//! (`matching`), training, comparing and adopting the learned match model (`models`), and archiving,
//! duplicating and deleting campaigns (`lifecycle`).

mod lifecycle;
pub(crate) mod matching;
mod models;

pub use matching::{MatchPage, MatchRow};
pub use models::{LearnedModel, ModelCard};

use crate::error::domain_error;
use crate::{AppError, Result, Workspace};
use scout_domain::CampaignSpec;
use scout_match::{audience_overlap, lookalikes, AudienceOverlap};
use scout_store::{Campaign, CreatorRow, ShortlistEntry};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A shortlisted creator with their list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShortlistedCreator {
    pub entry: ShortlistEntry,
    pub creator: CreatorRow,
    /// The creator's current score for the campaign (`None` if they left the workspace's index).
    pub score: Option<f32>,
}

pub(crate) fn check_spec(spec: &CampaignSpec) -> Result<()> {
    spec.validate().map_err(|e| domain_error(e, ""))
}

/// A lookalike with its list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LookalikeCreator {
    pub creator: CreatorRow,
    /// 0–1.
    pub similarity: f32,
    pub reasons: Vec<String>,
}

const MAX_TAGS: usize = 20;
const MAX_NOTE_CHARS: usize = 4_000;

impl Workspace {
    #[tracing::instrument(skip(self, spec), fields(name = %spec.name))]
    pub async fn create_campaign(&self, spec: &CampaignSpec) -> Result<Campaign> {
        check_spec(spec)?;
        Ok(self.store.create_campaign(spec, false).await?)
    }

    #[tracing::instrument(skip(self, spec))]
    pub async fn update_campaign(&self, id: i64, spec: &CampaignSpec) -> Result<Campaign> {
        check_spec(spec)?;
        Ok(self.store.update_campaign(id, spec).await?)
    }

    pub async fn campaign(&self, id: i64) -> Result<Campaign> {
        Ok(self.store.campaign(id).await?)
    }

    pub async fn list_campaigns(&self) -> Result<Vec<Campaign>> {
        Ok(self.store.list_campaigns().await?)
    }

    /// The campaign with this exact name (for the CLI).
    pub async fn find_campaign(&self, name: &str) -> Result<Campaign> {
        let all = self.store.list_campaigns().await?;
        let mut found = all.into_iter().filter(|c| c.spec.name == name);
        match (found.next(), found.next()) {
            (Some(c), None) => Ok(c),
            (Some(_), Some(_)) => {
                Err(AppError::InvalidInput(format!("more than one campaign is named '{name}'; use its id")))
            }
            (None, _) => Err(AppError::NotFound(format!("no campaign named '{name}' in this workspace"))),
        }
    }

    pub async fn shortlist_add(&self, campaign_id: i64, creator_id: i64) -> Result<()> {
        Ok(self.store.shortlist_add(campaign_id, creator_id).await?)
    }

    pub async fn shortlist_remove(&self, campaign_id: i64, creator_id: i64) -> Result<()> {
        Ok(self.store.shortlist_remove(campaign_id, creator_id).await?)
    }

    /// Sets a shortlisted creator's note and tags (tags are trimmed, blanks and repeats dropped).
    pub async fn annotate_shortlisted(
        &self,
        campaign_id: i64,
        creator_id: i64,
        note: &str,
        tags: &[String],
    ) -> Result<()> {
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(AppError::InvalidField {
                field: "note".into(),
                message: format!("the note is longer than {MAX_NOTE_CHARS} characters"),
            });
        }
        let mut clean: Vec<String> = Vec::new();
        for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !clean.iter().any(|c| c.eq_ignore_ascii_case(t)) {
                clean.push(t.to_string());
            }
        }
        if clean.len() > MAX_TAGS {
            return Err(AppError::InvalidField {
                field: "tags".into(),
                message: format!("{} tags; at most {MAX_TAGS}", clean.len()),
            });
        }
        Ok(self.store.shortlist_annotate(campaign_id, creator_id, note, &clean).await?)
    }

    /// How alike the audiences on a campaign's shortlist are (profiles, not follower lists).
    pub async fn shortlist_overlap(&self, campaign_id: i64) -> Result<AudienceOverlap> {
        let ids = self.shortlisted_ids(campaign_id).await?;
        let index = self.match_index().await?;
        let rows: Vec<usize> = ids.iter().filter_map(|id| index.row_of(*id)).collect();
        Ok(audience_overlap(&index, &rows))
    }

    /// The creators most like `creator_id`, with their list rows.
    pub async fn lookalikes(&self, creator_id: i64, limit: u32) -> Result<Vec<LookalikeCreator>> {
        let index = self.match_index().await?;
        let row = index.row_of(creator_id).ok_or_else(|| {
            AppError::NotFound(format!("no creator with id {creator_id} in this workspace"))
        })?;
        let found = tokio::task::spawn_blocking({
            let index = index.clone();
            move || lookalikes(&index, row, limit.clamp(1, 100) as usize)
        })
        .await
        .map_err(|e| AppError::Internal(format!("lookalike search stopped: {e}")))?;
        let ids: Vec<i64> = found.iter().map(|l| l.creator_id).collect();
        let mut rows: std::collections::HashMap<i64, CreatorRow> =
            self.store.creator_rows(&ids).await?.into_iter().map(|r| (r.id, r)).collect();
        Ok(found
            .into_iter()
            .filter_map(|l| {
                Some(LookalikeCreator {
                    creator: rows.remove(&l.creator_id)?,
                    similarity: l.similarity,
                    reasons: l.reasons,
                })
            })
            .collect())
    }

    pub(crate) async fn shortlisted_ids(&self, campaign_id: i64) -> Result<Vec<i64>> {
        Ok(self.store.shortlist(campaign_id).await?.into_iter().map(|e| e.creator_id).collect())
    }

    /// The shortlist with each creator's row and current score, in the order they were added.
    pub async fn shortlist(&self, campaign_id: i64) -> Result<Vec<ShortlistedCreator>> {
        let campaign = self.store.campaign(campaign_id).await?;
        let entries = self.store.shortlist(campaign_id).await?;
        let ids: Vec<i64> = entries.iter().map(|e| e.creator_id).collect();
        let mut rows: std::collections::HashMap<i64, CreatorRow> =
            self.store.creator_rows(&ids).await?.into_iter().map(|r| (r.id, r)).collect();
        let index = self.match_index().await?;
        let model = self.active_model().await?;
        let target = scout_match::Target::compile(&campaign.spec, &index);
        Ok(entries
            .into_iter()
            .filter_map(|entry| Some((rows.remove(&entry.creator_id)?, entry)))
            .map(|(creator, entry)| {
                let score = index.row_of(creator.id).map(|row| {
                    let assessed = target.assess(&index, row);
                    model.score(&assessed.values, target.active())
                });
                ShortlistedCreator { entry, creator, score }
            })
            .collect())
    }
}
