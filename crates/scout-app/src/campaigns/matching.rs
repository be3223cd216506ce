//! Matching use cases: the workspace's creators held in a [`MatchIndex`] (rebuilt when an import or new
//! outcomes change them), ranked for a campaign — saved or being edited — under the model in use, and
//! explained creator by creator.

use crate::{AppError, Result, Workspace};
use chrono::{NaiveDate, Utc};
use scout_domain::{CampaignSpec, Money};
use scout_match::{
    coverage, explain, fx, rank, ConfidenceBand, Coverage, CreatorFacts, Explanation, FactorStatus, Feature,
    LinearModel, MatchIndex, PastResults, RankQuery, Target, WarningKind,
};
use scout_store::{CreatorRow, MatchSource, Outcome};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Instant;
use ts_rs::TS;

const MAX_PAGE: u32 = 500;
const LOAD_CHUNK: u32 = 20_000;

/// One creator in the ranked matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MatchRow {
    pub creator: CreatorRow,
    pub score: f32,
    /// 0–1.
    pub confidence: f32,
    pub confidence_band: ConfidenceBand,
    pub warnings: Vec<WarningKind>,
    pub shortlisted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MatchPage {
    /// Creators that pass the filters.
    #[ts(type = "number")]
    pub total: u64,
    /// Creators scored (the whole workspace).
    #[ts(type = "number")]
    pub scored: u64,
    #[ts(type = "number")]
    pub offset: u64,
    pub rows: Vec<MatchRow>,
    pub model_version: String,
    /// How long ranking took, in milliseconds.
    pub took_ms: f64,
    /// For how many creators each of the campaign's factors had data, and what would improve the ranking.
    pub coverage: Coverage,
}

/// The match index and the data version it was built from.
#[derive(Debug, Default)]
pub(crate) struct IndexCache {
    built: Option<(u64, NaiveDate, Arc<MatchIndex>)>,
}

/// The most creators "shortlist the top N" adds at once.
pub const MAX_SHORTLIST_TOP: u32 = 200;

pub(crate) type SharedIndexCache = Arc<tokio::sync::Mutex<IndexCache>>;

pub(crate) fn money_usd(minor: i64, currency: &str) -> f64 {
    scout_domain::Currency::parse(currency)
        .ok()
        .and_then(|c| fx::to_usd(&Money::new(minor, c)))
        .unwrap_or(0.0)
}

fn past_results(outcomes: &[Outcome]) -> PastResults {
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count() as u32;
    PastResults {
        invited: outcomes.len() as u32,
        replied: count(|o| o.replied),
        accepted: count(|o| o.accepted),
        posted: count(|o| o.posted),
        gmv_usd: outcomes.iter().map(|o| money_usd(o.gmv_minor, &o.currency)).sum(),
        cost_usd: outcomes.iter().map(|o| money_usd(o.cost_minor, &o.currency)).sum(),
        simulated: count(|o| o.source == scout_store::OutcomeSource::Simulated),
    }
}

pub(crate) fn facts_of(source: MatchSource) -> CreatorFacts {
    CreatorFacts {
        id: source.id,
        past: past_results(&source.outcomes),
        last_contacted: source.outcomes.iter().map(|o| o.invited_on).max(),
        has_contact: source.has_contact,
        figures: source.figures,
        categories: source.categories,
        bio: source.bio,
        country: source.country,
        audience: source.audience,
        as_of: source.as_of,
        follower_history: source.follower_history,
        shop: source.shop,
    }
}

impl Workspace {
    /// The match index of the workspace as it is now, built on first use and after every change.
    pub async fn match_index(&self) -> Result<Arc<MatchIndex>> {
        let mut cache = self.match_cache.lock().await;
        let version = self.store.data_version();
        let today = Utc::now().date_naive();
        if let Some((v, day, index)) = &cache.built {
            if *v == version && *day == today {
                return Ok(index.clone());
            }
        }
        let started = Instant::now();
        let mut index = MatchIndex::new(today);
        self.store
            .for_each_match_source(LOAD_CHUNK, |sources| -> Result<()> {
                index.reserve(sources.len());
                for s in sources {
                    index.push(&facts_of(s)).map_err(|e| AppError::Internal(e.to_string()))?;
                }
                Ok(())
            })
            .await?;
        tracing::info!(
            creators = index.len(),
            ms = started.elapsed().as_millis() as u64,
            "match index built"
        );
        let index = Arc::new(index);
        cache.built = Some((version, today, index.clone()));
        Ok(index)
    }

    /// Builds the match index in the background (after opening a workspace or an import), so the first
    /// ranking does not wait for it. A ranking asked for meanwhile waits for this build, not a second one.
    pub fn prepare_matching(&self) {
        let ws = self.clone();
        tokio::spawn(async move {
            if let Err(e) = ws.match_index().await {
                tracing::warn!(error = %e, "could not prepare the match index");
            }
        });
    }

    /// The model in use: the most recently adopted learned model, or the default.
    pub async fn active_model(&self) -> Result<LinearModel> {
        match self.store.adoptions().await?.first() {
            Some((Some(id), _)) => {
                let stored = self.store.model(*id).await?;
                LinearModel::from_json(&stored.model_json).map_err(|e| AppError::Internal(e.to_string()))
            }
            _ => default_model(),
        }
    }

    /// Ranks the workspace for a saved campaign.
    #[tracing::instrument(skip(self, query))]
    pub async fn rank_matches(&self, campaign_id: i64, query: &RankQuery) -> Result<MatchPage> {
        let campaign = self.store.campaign(campaign_id).await?;
        let shortlisted = self.shortlisted_ids(campaign_id).await?;
        self.rank_spec(&campaign.spec, query, &shortlisted).await
    }

    /// Shortlists the first `n` creators of the campaign's ranking as `query` filters and sorts it (its
    /// offset and limit are ignored); those already on the shortlist stay as they are. Returns how many
    /// were added.
    pub async fn shortlist_top(&self, campaign_id: i64, query: &RankQuery, n: u32) -> Result<u32> {
        if !(1..=MAX_SHORTLIST_TOP).contains(&n) {
            return Err(AppError::InvalidField {
                field: "top".into(),
                message: format!(
                    "{n} is outside 1–{MAX_SHORTLIST_TOP}: shortlist at most {MAX_SHORTLIST_TOP} at once"
                ),
            });
        }
        let top = RankQuery { offset: 0, limit: n, ..query.clone() };
        let page = self.rank_matches(campaign_id, &top).await?;
        let mut added = 0;
        for row in page.rows.iter().filter(|r| !r.shortlisted) {
            self.store.shortlist_add(campaign_id, row.creator.id).await?;
            added += 1;
        }
        Ok(added)
    }

    /// Ranks the workspace for a campaign being edited (not saved), so the list follows the editor.
    pub async fn preview_matches(&self, spec: &CampaignSpec, query: &RankQuery) -> Result<MatchPage> {
        crate::campaigns::check_spec(spec)?;
        self.rank_spec(spec, query, &[]).await
    }

    async fn rank_spec(
        &self,
        spec: &CampaignSpec,
        query: &RankQuery,
        shortlisted: &[i64],
    ) -> Result<MatchPage> {
        let index = self.match_index().await?;
        let model = self.active_model().await?;
        let query = RankQuery { limit: query.limit.clamp(1, MAX_PAGE), ..query.clone() };
        let (ranking, took, coverage) = tokio::task::spawn_blocking({
            let (index, model, spec, query) = (index.clone(), model.clone(), spec.clone(), query.clone());
            move || {
                let started = Instant::now();
                let target = Target::compile(&spec, &index);
                let ranking = rank(&index, &target, &model, &query);
                let took = started.elapsed();
                (ranking, took, coverage(&index, &target, &model))
            }
        })
        .await
        .map_err(|e| AppError::Internal(format!("ranking stopped: {e}")))?;
        let ids: Vec<i64> = ranking.page.iter().map(|r| index.id(r.row as usize)).collect();
        let mut creators = self.store.creator_rows(&ids).await?.into_iter();
        let rows = ranking
            .page
            .iter()
            .filter_map(|r| {
                let creator = creators.next()?;
                Some(MatchRow {
                    shortlisted: shortlisted.contains(&creator.id),
                    creator,
                    score: r.score,
                    confidence: r.confidence,
                    confidence_band: ConfidenceBand::of(r.confidence),
                    warnings: index.warning_kinds(r.row as usize),
                })
            })
            .collect();
        Ok(MatchPage {
            total: ranking.total as u64,
            scored: index.len() as u64,
            offset: u64::from(query.offset),
            rows,
            model_version: model.version().to_string(),
            took_ms: took.as_secs_f64() * 1000.0,
            coverage,
        })
    }

    /// Why creator `creator_id` scores what they do for a saved campaign.
    pub async fn explain_match(&self, campaign_id: i64, creator_id: i64) -> Result<Explanation> {
        let campaign = self.store.campaign(campaign_id).await?;
        self.explain_spec(&campaign.spec, creator_id).await
    }

    /// The same for a campaign being edited.
    pub async fn explain_preview(&self, spec: &CampaignSpec, creator_id: i64) -> Result<Explanation> {
        crate::campaigns::check_spec(spec)?;
        self.explain_spec(spec, creator_id).await
    }

    async fn explain_spec(&self, spec: &CampaignSpec, creator_id: i64) -> Result<Explanation> {
        let index = self.match_index().await?;
        let model = self.active_model().await?;
        let row = index.row_of(creator_id).ok_or_else(|| {
            AppError::NotFound(format!("no creator with id {creator_id} in this workspace"))
        })?;
        let target = Target::compile(spec, &index);
        let mut explanation = explain(&index, &target, &model, row);
        let detail = self.store.creator_detail(creator_id).await?;
        for factor in explanation.factors.iter_mut().filter(|f| f.status == FactorStatus::Known) {
            let figures = factor.feature.figures();
            if let Some(p) = detail.provenance.iter().find(|p| figures.contains(&p.field.as_str())) {
                factor.source = Some(p.source_name.clone());
                factor.as_of = Some(p.as_of);
            } else if figures.is_empty() && factor.feature != Feature::PastResults {
                // Profile data (audience, categories, bio) is not snapshotted: the last import that
                // changed the creator brought it ("TikTok Shop creator profiles", as of its day).
                factor.source = Some(detail.last_source_name.clone());
                factor.as_of = detail.last_source_as_of;
            }
        }
        Ok(explanation)
    }
}

pub(crate) fn default_model() -> Result<LinearModel> {
    LinearModel::default_model().map_err(|e| AppError::Internal(format!("the shipped default model: {e}")))
}
