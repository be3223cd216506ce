//! The P(post within 14 days) models and their factor-by-factor explanations.
//!
//! - **Default** (`tiktok-signals-1`): TikTok's signals read the way TikTok presents them — the creator's
//!   own 90-day fulfilment share *is* the chance they post, pulled towards the typical 35 % as if by two
//!   more samples (the match's "Posts after samples" reading, `posting_record`). The sample
//!   score, GMV and views are shown but not used: TikTok publishes no way to turn them into a chance.
//!   Without a fulfilment share the chance is the typical 35 %.
//! - **Learned**: a logistic regression (linfa-logistic, L2) on the four standardized signals, fitted on
//!   the seller's own outcomes (`train.rs`); a missing signal sits at its training mean.
//!
//! Explanations are exact like the match's: the chance moves from the baseline (every signal neutral) to
//! the prediction, and each factor gets the share tᵢ / Σt of that move, tᵢ its term in the logit, so the
//! points (percentage points of the chance) add up to the prediction.

use super::signals::{PostFeature, PostSignals, POST_FEATURES};
use crate::explain::FactorStatus;
use crate::format::percent;
use crate::{MatchError, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a learned P(post) model file says it is.
pub const POST_MODEL_FORMAT: &str = "scout-post-model";
const POST_MODEL_FORMAT_VERSION: u32 = 1;
/// The default model's version.
pub const DEFAULT_POST_MODEL_VERSION: &str = "tiktok-signals-1";
/// The share of unconditional samples that lead to a post, as sellers report it (30–40 %).
pub const TYPICAL_POST_SHARE: f64 = 0.35;

/// One signal's place in a learned model: z = (x − mean) / std, term = weight · z.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostModelFeature {
    pub feature: PostFeature,
    pub mean: f64,
    pub std: f64,
    /// Change of the log-odds of a post per standard deviation.
    pub weight: f64,
}

/// A P(post) model learned from the seller's outcomes; serialized with its format and version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LearnedPostModel {
    pub format: String,
    pub format_version: u32,
    pub version: String,
    pub created_on: NaiveDate,
    pub description: String,
    pub intercept: f64,
    /// One per [`PostFeature`], in its order.
    pub features: Vec<PostModelFeature>,
}

impl LearnedPostModel {
    /// Checks a model read back from storage.
    pub fn check(&self) -> Result<()> {
        let bad = |m: String| Err(MatchError::ModelFile(format!("post model {}: {m}", self.version)));
        if self.format != POST_MODEL_FORMAT || self.format_version != POST_MODEL_FORMAT_VERSION {
            return bad(format!(
                "format {} v{} is not {POST_MODEL_FORMAT} v1",
                self.format, self.format_version
            ));
        }
        if self.features.len() != POST_FEATURES
            || self.features.iter().zip(PostFeature::ALL).any(|(f, want)| f.feature != want)
        {
            return bad("features are not the four signals in order".into());
        }
        if !self.intercept.is_finite()
            || self.features.iter().any(|f| !(f.mean.is_finite() && f.std > 0.0 && f.weight.is_finite()))
        {
            return bad("a coefficient is not a finite number (or a std is not positive)".into());
        }
        Ok(())
    }

    pub(crate) fn new(
        version: &str,
        created_on: NaiveDate,
        description: String,
        intercept: f64,
        features: Vec<PostModelFeature>,
    ) -> Result<LearnedPostModel> {
        let m = LearnedPostModel {
            format: POST_MODEL_FORMAT.into(),
            format_version: POST_MODEL_FORMAT_VERSION,
            version: version.into(),
            created_on,
            description,
            intercept,
            features,
        };
        m.check()?;
        Ok(m)
    }

    fn terms(&self, s: &PostSignals) -> [Option<f64>; POST_FEATURES] {
        let mut t = [None; POST_FEATURES];
        for f in &self.features {
            t[f.feature.index()] =
                f.feature.value(s).map(|x| f.weight * ((x - f.mean) / f.std).clamp(-4.0, 4.0));
        }
        t
    }
}

/// The model in use for P(post).
#[derive(Debug, Clone, PartialEq)]
pub enum PostModel {
    Default,
    Learned(LearnedPostModel),
}

/// One factor of a P(post).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostFactor {
    pub feature: PostFeature,
    pub label: String,
    /// Signed percentage points of the chance.
    pub points: f64,
    pub status: FactorStatus,
    /// One sentence of evidence in plain words.
    pub evidence: String,
}

/// A chance of a post within 14 days, explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostChance {
    /// 0–1.
    pub p_post: f64,
    /// The chance with every signal neutral.
    pub baseline: f64,
    pub model_version: String,
    /// Largest effect first; baseline + Σ points / 100 = p_post.
    pub factors: Vec<PostFactor>,
}

fn sigmoid(t: f64) -> f64 {
    1.0 / (1.0 + (-t).exp())
}

impl PostModel {
    pub fn version(&self) -> &str {
        match self {
            PostModel::Default => DEFAULT_POST_MODEL_VERSION,
            PostModel::Learned(m) => &m.version,
        }
    }

    /// The chance of a post within 14 days of delivery.
    pub fn predict(&self, s: &PostSignals) -> f64 {
        match self {
            PostModel::Default => default_chance(s),
            PostModel::Learned(m) => sigmoid(m.intercept + m.terms(s).iter().flatten().sum::<f64>()),
        }
    }

    /// The chance and why, factor by factor.
    pub fn assess(&self, s: &PostSignals) -> PostChance {
        let p_post = self.predict(s);
        let (baseline, mut factors) = match self {
            PostModel::Default => (TYPICAL_POST_SHARE, default_factors(s, p_post)),
            PostModel::Learned(m) => {
                let baseline = sigmoid(m.intercept);
                let terms = m.terms(s);
                let total: f64 = terms.iter().flatten().sum();
                let factors = PostFeature::ALL
                    .iter()
                    .map(|f| {
                        let t = terms[f.index()];
                        let points = match t {
                            Some(t) if total.abs() > 1e-12 => (p_post - baseline) * 100.0 * t / total,
                            _ => 0.0,
                        };
                        let evidence = match t {
                            Some(_) => format!(
                                "{} {}: {} the chance by {:.1} points (learned from your outcomes).",
                                f.label(),
                                f.shown(s),
                                if points >= 0.0 { "raises" } else { "lowers" },
                                points.abs()
                            ),
                            None => format!(
                                "{}: {} — counted as your requesters' average.",
                                f.label(),
                                f.shown(s)
                            ),
                        };
                        factor(*f, points, t.is_some(), evidence)
                    })
                    .collect();
                (baseline, factors)
            }
        };
        factors.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
        PostChance { p_post, baseline, model_version: self.version().into(), factors }
    }
}

fn factor(feature: PostFeature, points: f64, known: bool, evidence: String) -> PostFactor {
    PostFactor {
        feature,
        label: feature.label().into(),
        points,
        status: if known { FactorStatus::Known } else { FactorStatus::Missing },
        evidence,
    }
}

/// TikTok's own reading: the 90-day fulfilment share, pulled towards 35 % as if by two more samples.
fn default_chance(s: &PostSignals) -> f64 {
    match PostFeature::Fulfilment90d.value(s) {
        Some(f) => f64::from(crate::features::posting_record(Some(f as f32), None)),
        None => TYPICAL_POST_SHARE,
    }
}

fn default_factors(s: &PostSignals, p_post: f64) -> Vec<PostFactor> {
    PostFeature::ALL
        .iter()
        .map(|f| match f {
            PostFeature::Fulfilment90d => match PostFeature::Fulfilment90d.value(s) {
                Some(_) => factor(
                    *f,
                    (p_post - TYPICAL_POST_SHARE) * 100.0,
                    true,
                    format!(
                        "Posted for {} of their samples over 90 days (TikTok): read as a {} chance, pulled \
                         towards the typical 35 % as if by two more samples.",
                        f.shown(s),
                        percent(p_post as f32)
                    ),
                ),
                None => factor(
                    *f,
                    0.0,
                    false,
                    "90-day fulfilment not given by TikTok: the typical 35 % is assumed.".into(),
                ),
            },
            _ => factor(
                *f,
                0.0,
                f.value(s).is_some(),
                format!(
                    "{}: {} — shown, not scored: the default reading rests on the 90-day fulfilment alone.",
                    f.label(),
                    f.shown(s)
                ),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::BasisPoints;

    fn signals(f90: Option<u32>) -> PostSignals {
        PostSignals { fulfilment_90d: f90.map(BasisPoints), sample_score: Some(80), ..Default::default() }
    }

    #[test]
    fn the_default_reads_the_fulfilment_share_smoothed_and_explains_it() {
        let c = PostModel::Default.assess(&signals(Some(9_000)));
        assert!((c.p_post - (0.9 * 5.0 + 0.7) / 7.0).abs() < 1e-6, "{}", c.p_post);
        let sum: f64 = c.baseline + c.factors.iter().map(|f| f.points).sum::<f64>() / 100.0;
        assert!((sum - c.p_post).abs() < 1e-9, "factors add up to the chance");
        assert_eq!(c.factors[0].feature, PostFeature::Fulfilment90d);
        let none = PostModel::Default.assess(&signals(None));
        assert_eq!(none.p_post, TYPICAL_POST_SHARE);
        assert!(none
            .factors
            .iter()
            .any(|f| f.status == FactorStatus::Missing && f.evidence.contains("typical 35 %")));
    }

    #[test]
    fn a_learned_model_explains_exactly_and_a_missing_signal_is_neutral() {
        let features = PostFeature::ALL
            .iter()
            .map(|f| PostModelFeature { feature: *f, mean: 0.5, std: 0.1, weight: 0.8 })
            .collect();
        let m = LearnedPostModel::new(
            "t",
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            "test".into(),
            -0.6,
            features,
        )
        .unwrap();
        let model = PostModel::Learned(m);
        let c = model.assess(&signals(Some(7_000)));
        let sum: f64 = c.baseline + c.factors.iter().map(|f| f.points).sum::<f64>() / 100.0;
        assert!((sum - c.p_post).abs() < 1e-9, "factors add up: {sum} vs {}", c.p_post);
        assert!(c.p_post > c.baseline, "a 70 % fulfilment above the 50 % mean raises the chance");
        let views = c.factors.iter().find(|f| f.feature == PostFeature::MedianViews).unwrap();
        assert_eq!(views.status, FactorStatus::Missing);
        assert_eq!(views.points, 0.0);
        let json = serde_json::to_string(&match &model {
            PostModel::Learned(m) => m.clone(),
            _ => unreachable!(),
        })
        .unwrap();
        let back: LearnedPostModel = serde_json::from_str(&json).unwrap();
        back.check().unwrap();
        assert_eq!(PostModel::Learned(back), model, "round-trips");
    }
}
