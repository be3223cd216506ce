//! The scoring model: a linear model on standardized features, turned into a 0–100 score by the logistic
//! function. The same type holds the shipped default model (hand-set weights, `models/default-v3.json`)
//! and a model learned from the seller's outcomes, so scoring and explanations are one code path.
//!
//! Like linfa: a [`ModelFile`] is the serialized parameters, checked by [`LinearModel::from_file`]; only
//! the checked [`LinearModel`] scores.

use crate::features::{Feature, FeatureRow, FEATURE_COUNT};
use crate::{MatchError, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const FORMAT: &str = "scout-linear-model";
pub const FORMAT_VERSION: u32 = 1;
/// Standardized values never reach ± this many standard deviations (see [`soft_limit`]).
pub const Z_LIMIT: f32 = 3.0;
/// Standardized values within ± this pass unchanged.
pub const Z_KNEE: f32 = 2.0;
const DEFAULT_MODEL_JSON: &str = include_str!("../../../models/default-v3.json");

/// Bends a standardized value past ±[`Z_KNEE`] smoothly towards ±[`Z_LIMIT`]: unchanged inside the knee,
/// `knee + over / (1 + over / (limit − knee))` beyond it. Continuous with its slope, strictly
/// increasing and bounded, so one extreme figure cannot decide a score, yet two different values never
/// become the same (a hard clip made every creator past it tie).
#[inline]
pub fn soft_limit(z: f32) -> f32 {
    let a = z.abs();
    if a <= Z_KNEE {
        return z;
    }
    let over = a - Z_KNEE;
    (Z_KNEE + over / (1.0 + over / (Z_LIMIT - Z_KNEE))).copysign(z)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ModelKind {
    /// Shipped with Scout; weights set by hand from domain knowledge.
    Default,
    /// Trained on this workspace's outcomes.
    Learned,
}

/// One feature's standardization and weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ModelFeature {
    pub feature: Feature,
    pub mean: f64,
    pub std: f64,
    /// Change in the logit per standard deviation of the feature.
    pub weight: f64,
    /// Why the weight is what it is.
    pub why: String,
}

/// A model as stored: in `models/` for the default, in the workspace for learned ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ModelFile {
    pub format: String,
    pub format_version: u32,
    /// "default-1", "learned-2026-11-24-1", …
    pub version: String,
    pub kind: ModelKind,
    pub created_on: NaiveDate,
    pub description: String,
    pub intercept: f64,
    pub features: Vec<ModelFeature>,
}

/// A checked model, ready to score.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    file: ModelFile,
    pub(crate) intercept: f32,
    pub(crate) means: FeatureRow,
    pub(crate) inv_stds: FeatureRow,
    pub(crate) weights: FeatureRow,
}

impl LinearModel {
    /// The default model shipped in `models/default-v3.json`.
    pub fn default_model() -> Result<LinearModel> {
        LinearModel::from_json(DEFAULT_MODEL_JSON)
    }

    pub fn from_json(json: &str) -> Result<LinearModel> {
        let file: ModelFile = serde_json::from_str(json).map_err(|e| MatchError::ModelFile(e.to_string()))?;
        LinearModel::from_file(file)
    }

    /// Checks the parameters: the right format, every feature exactly once, finite numbers, positive
    /// standard deviations.
    pub fn from_file(file: ModelFile) -> Result<LinearModel> {
        let bad = |why: String| Err(MatchError::ModelFile(why));
        if file.format != FORMAT || file.format_version != FORMAT_VERSION {
            return bad(format!(
                "expected format {FORMAT} version {FORMAT_VERSION}, found {} version {}",
                file.format, file.format_version
            ));
        }
        if !file.intercept.is_finite() {
            return bad("the intercept is not a finite number".into());
        }
        let mut seen = [false; FEATURE_COUNT];
        let (mut means, mut inv_stds, mut weights) =
            ([0.0; FEATURE_COUNT], [0.0; FEATURE_COUNT], [0.0; FEATURE_COUNT]);
        for f in &file.features {
            let i = f.feature.index();
            if std::mem::replace(&mut seen[i], true) {
                return bad(format!("feature {} is listed twice", f.feature.name()));
            }
            if !(f.mean.is_finite() && f.weight.is_finite() && f.std.is_finite() && f.std > 0.0) {
                return bad(format!(
                    "feature {}: mean, weight and a positive std must be finite numbers",
                    f.feature.name()
                ));
            }
            means[i] = f.mean as f32;
            inv_stds[i] = (1.0 / f.std) as f32;
            weights[i] = f.weight as f32;
        }
        // Models made before a feature existed (learned models stored in workspaces) score without it.
        if let Some(missing) = Feature::ALL.iter().find(|f| !seen[f.index()] && !f.added_later()) {
            return bad(format!("feature {} is missing", missing.name()));
        }
        for f in Feature::ALL.iter().filter(|f| !seen[f.index()]) {
            (means[f.index()], inv_stds[f.index()], weights[f.index()]) = (0.0, 1.0, 0.0);
        }
        Ok(LinearModel { intercept: file.intercept as f32, means, inv_stds, weights, file })
    }

    pub fn file(&self) -> &ModelFile {
        &self.file
    }

    pub fn version(&self) -> &str {
        &self.file.version
    }

    pub fn kind(&self) -> ModelKind {
        self.file.kind
    }

    pub fn to_json(&self) -> String {
        // A ModelFile is plain data; serializing it cannot fail.
        serde_json::to_string_pretty(&self.file).unwrap_or_default()
    }

    pub fn weight(&self, feature: Feature) -> f32 {
        self.weights[feature.index()]
    }

    /// The standardized features: (value − mean) / std through [`soft_limit`], 0 when missing or
    /// inactive. The limit keeps one extreme figure (a viral video, a data-entry slip) from deciding a
    /// score without making different values equal.
    pub fn standardize(&self, values: &FeatureRow, active: &[bool; FEATURE_COUNT]) -> FeatureRow {
        let mut z = [0.0; FEATURE_COUNT];
        for i in 0..FEATURE_COUNT {
            if active[i] && !values[i].is_nan() {
                z[i] = soft_limit((values[i] - self.means[i]) * self.inv_stds[i]);
            }
        }
        z
    }

    /// Each active feature's term of the logit: weight × standardized value; 0 when the value is
    /// missing (it sits at the mean) or the feature is inactive for the campaign.
    #[inline]
    pub fn terms(&self, values: &FeatureRow, active: &[bool; FEATURE_COUNT]) -> FeatureRow {
        let mut t = self.standardize(values, active);
        for (term, weight) in t.iter_mut().zip(&self.weights) {
            *term *= weight;
        }
        t
    }

    /// The 0–100 score of a logit.
    #[inline]
    pub fn score_of_logit(logit: f32) -> f32 {
        100.0 / (1.0 + (-logit).exp())
    }

    #[inline]
    pub fn score(&self, values: &FeatureRow, active: &[bool; FEATURE_COUNT]) -> f32 {
        LinearModel::score_of_logit(self.intercept + self.terms(values, active).iter().sum::<f32>())
    }

    /// The score of a creator whose every feature sits at the mean.
    pub fn baseline(&self) -> f32 {
        LinearModel::score_of_logit(self.intercept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_model_loads_and_round_trips() {
        let model = LinearModel::default_model().expect("models/default-v3.json is a valid model");
        assert_eq!(model.kind(), ModelKind::Default);
        let again = LinearModel::from_json(&model.to_json()).expect("the serialized model reads back");
        assert_eq!(again, model, "serialize → parse gives the same model");
    }

    #[test]
    fn bad_parameters_are_refused_with_a_reason() {
        let mut file = LinearModel::default_model().unwrap().file().clone();
        file.features[0].std = 0.0;
        let err = LinearModel::from_file(file).unwrap_err().to_string();
        assert!(err.contains("audience_fit") && err.contains("std"), "names the feature: {err}");

        let mut file = LinearModel::default_model().unwrap().file().clone();
        file.features.retain(|f| f.feature != Feature::Reach);
        let err = LinearModel::from_file(file).unwrap_err().to_string();
        assert!(err.contains("reach is missing"), "a model without every feature is refused: {err}");
    }

    #[test]
    fn a_model_from_before_view_rate_still_loads_and_ignores_it() {
        let mut file = LinearModel::default_model().unwrap().file().clone();
        file.features.retain(|f| f.feature != Feature::ViewRate);
        let model =
            LinearModel::from_file(file).expect("a learned model stored before default-2 keeps working");
        assert_eq!(model.weight(Feature::ViewRate), 0.0);
    }

    #[test]
    fn the_soft_limit_bends_but_never_ties() {
        assert_eq!(soft_limit(1.5), 1.5, "unchanged inside the knee");
        assert_eq!(soft_limit(-2.0), -2.0);
        let (a, b, c) = (soft_limit(3.0), soft_limit(6.0), soft_limit(60.0));
        assert!(a < b && b < c && c < Z_LIMIT, "increasing and bounded: {a} {b} {c}");
        assert!((a - 2.5).abs() < 1e-6, "one past the knee is half way to the limit: {a}");
        assert_eq!(soft_limit(-6.0), -b, "symmetric");
        let slope = (soft_limit(2.001) - soft_limit(2.0)) / 0.001;
        assert!((slope - 1.0).abs() < 0.01, "no kink at the knee: {slope}");
    }

    #[test]
    fn an_average_creator_scores_the_baseline() {
        let model = LinearModel::default_model().unwrap();
        let values = model.means;
        let score = model.score(&values, &[true; FEATURE_COUNT]);
        assert!((score - model.baseline()).abs() < 1e-4, "features at their means give the baseline");
    }
}
