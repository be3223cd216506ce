//! Who will post after a free sample (issue 19, decision 0025): the chance a requester posts within 14
//! days of delivery — read from TikTok's signals the way TikTok presents them (the default model) or
//! learned from the seller's own outcomes (linfa-logistic) — what a post would sell, the expected net
//! value of approving, each explained factor by factor, and the approval rule with its backtest. Pure:
//! the app feeds it the stored requests, profiles, outcomes and product economics.

mod label;
mod model;
mod rule;
mod signals;
mod simulation;
mod train;
mod value;

pub use label::{posted_within_14_days, DELIVERY_AFTER_SHIP_BY_DAYS, POST_WINDOW_DAYS};
pub use model::{
    LearnedPostModel, PostChance, PostFactor, PostModel, PostModelFeature, DEFAULT_POST_MODEL_VERSION,
    POST_MODEL_FORMAT, TYPICAL_POST_SHARE,
};
pub use rule::{backtest, decide, Backtest, PastRequest, RuleDecision, RuleVerdict, SampleRule};
pub use signals::{PostFeature, PostSignals};
pub use simulation::{read_dump, simulate, SimRequest, SimulationReport, StrategyResult};
pub use train::{
    fit_post_model, post_metrics, split_posts_by_time, train_and_evaluate_posts, PostEvaluation, PostExample,
    PostMetrics, PostTrainParams, SELECTION_NOTE,
};
pub use value::{
    assess_request, expected_gmv, net_value, ExpectedGmv, GmvBasis, ProductEconomics, SalesHistory,
    SampleAssessment, MIN_POSTS_FOR_OWN_RATE,
};
