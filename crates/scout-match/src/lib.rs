//! Scout's match engine: for a campaign, score every creator 0–100 and say why. It owns the features
//! (audience, content, engagement for the tier, reach, sales, past results, price and freshness fit, and — from TikTok Shop profiles — GPM and the posting record),
//! the in-memory index a million creators are ranked from, the linear scoring model (the shipped
//! default and ones learned from the seller's outcomes with linfa), exact additive explanations,
//! confidence, quality warnings, evaluation metrics, lookalikes and audience overlap. No database: the
//! app feeds it [`CreatorFacts`] and campaign specs.

mod columns;
mod confidence;
mod coverage;
mod error;
mod evaluate;
mod explain;
mod facts;
mod features;
pub mod format;
pub mod fx;
mod index;
mod model;
mod rank;
pub mod samples;
mod shop_signals;
mod similar;
mod target;
pub mod taxonomy;
pub mod text;
mod train;
pub mod ui_lists;
mod warnings;

pub use columns::{IndexColumns, TargetColumns};
pub use confidence::{age_factor, ConfidenceBand};
pub use coverage::{coverage, Coverage, FactorCoverage};
pub use error::{MatchError, Result};
pub use evaluate::{auc, brier, evaluate, ndcg_at, Example, Metrics};
pub use explain::{contributions, explain, Explanation, FactorContribution, FactorStatus};
pub use facts::{CreatorFacts, PastResults};
pub use features::{past_results, Feature, FeatureRow, Tier, FEATURE_COUNT};
pub use index::MatchIndex;
pub use model::{LinearModel, ModelFeature, ModelFile, ModelKind};
pub use rank::{rank, MatchFilters, MatchSort, RankQuery, Ranked, Ranking};
pub use similar::{
    audience_overlap, audience_similarity, lookalikes, AudienceOverlap, Lookalike, PairOverlap,
};
pub use target::{Assessed, Target};
pub use train::{fit, split_by_time, train_and_evaluate, ModelEvaluation, TrainParams};
pub use warnings::{QualityWarning, WarningKind};
