//! Learning a model from the seller's outcomes: it ranks by **expected sales** and reads as the chance of
//! a post (decision 0011). Two linfa fits on the same standardized features as the default model:
//!
//! 1. The chance of a post: logistic regression (linfa-logistic), logit = a + w·z.
//! 2. What a post sells: linear regression (linfa-linear) of log GMV over the posts, c + v·z.
//! 3. Expected sales, log(P(post)·E[GMV | post]) = log σ(a + w·z) + c + v·z, to first order around the
//!    average creator: (1 − p̄)·w·z + v·z. A feature that helps one part and hurts the other (reach: big
//!    creators post less but sell more) is weighed by what the seller earns.
//! 4. Calibration: a logistic regression of "posted" on that expectation (Platt scaling), so score / 100
//!    is an honest probability of a post and the Brier score can check it.
//!
//! The composition is still one linear logit, b + Σ wᵢ·zᵢ, so scores and exact explanations keep one
//! code path. Like linfa: [`TrainParams::check`] validates, [`fit`] returns a separate fitted
//! [`LinearModel`].

use crate::evaluate::{evaluate, Example, Metrics};
use crate::features::{Feature, FEATURE_COUNT};
use crate::model::{soft_limit, LinearModel, ModelFeature, ModelFile, ModelKind, FORMAT, FORMAT_VERSION};
use crate::{MatchError, Result};
use chrono::NaiveDate;
use linfa::prelude::*;
use linfa_linear::LinearRegression;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2, Axis};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainParams {
    /// L2 penalty on the coefficients.
    pub l2: f64,
    pub max_iterations: u64,
    /// The newest share of outcomes held out for evaluation.
    pub holdout: f64,
    /// Fewer outcomes than this give no model.
    pub min_examples: usize,
}

impl Default for TrainParams {
    fn default() -> TrainParams {
        TrainParams { l2: 1.0, max_iterations: 200, holdout: 0.3, min_examples: 200 }
    }
}

impl TrainParams {
    pub fn check(&self) -> Result<()> {
        let bad = |name, problem: &str| Err(MatchError::Param { name, problem: problem.to_string() });
        if !(self.l2.is_finite() && self.l2 >= 0.0) {
            return bad("l2", "must be a finite number ≥ 0");
        }
        if self.max_iterations == 0 {
            return bad("max_iterations", "must be at least 1");
        }
        if !(self.holdout > 0.0 && self.holdout < 1.0) {
            return bad("holdout", "must be between 0 and 1");
        }
        if self.min_examples < 10 {
            return bad("min_examples", "must be at least 10");
        }
        Ok(())
    }
}

/// The learned model next to the default on the same held-out outcomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ModelEvaluation {
    pub train_examples: u32,
    pub test_examples: u32,
    /// Outcomes invited on or after this date were held out.
    pub test_from: NaiveDate,
    pub train_from: NaiveDate,
    pub test_to: NaiveDate,
    pub learned: Metrics,
    pub default: Metrics,
    /// Whether any outcome used was simulated.
    pub simulated: bool,
}

/// Splits time-ordered examples: the oldest `1 − holdout` to train on, the newest to test.
pub fn split_by_time(mut examples: Vec<Example>, holdout: f64) -> (Vec<Example>, Vec<Example>) {
    examples.sort_by_key(|e| e.invited_on);
    let cut = ((examples.len() as f64) * (1.0 - holdout)).round() as usize;
    let test = examples.split_off(cut.min(examples.len()));
    (examples, test)
}

/// Fits the expected-sales model on `train` and calibrates it to the chance of a post. Features missing
/// in an example sit at the training mean.
pub fn fit(
    params: &TrainParams,
    train: &[Example],
    version: &str,
    created_on: NaiveDate,
) -> Result<LinearModel> {
    params.check()?;
    if train.len() < params.min_examples {
        return Err(MatchError::TooFewOutcomes { needed: params.min_examples, found: train.len() });
    }
    let positives = train.iter().filter(|e| e.posted).count();
    if positives == 0 || positives == train.len() {
        return Err(MatchError::OneClass(train.len()));
    }
    let (means, stds) = standardization(train);
    let mut x = Array2::<f64>::zeros((train.len(), FEATURE_COUNT));
    for (r, e) in train.iter().enumerate() {
        for i in 0..FEATURE_COUNT {
            let v = e.values[i];
            if e.active[i] && !v.is_nan() {
                x[[r, i]] = f64::from(soft_limit(((f64::from(v) - means[i]) / stds[i]) as f32));
            }
        }
    }
    // Columns that never vary (a feature no example had, or the same for all) carry no information and
    // would make the least-squares problem singular (a constant column duplicates the intercept): they
    // get weight 0.
    let used: Vec<usize> = (0..FEATURE_COUNT).filter(|i| x.column(*i).std(0.0) > 1e-6).collect();
    let xs = x.select(Axis(1), &used);

    let posted: Array1<bool> = train.iter().map(|e| e.posted).collect();
    // 1. The chance of a post: logistic regression, logit = a + w·z.
    let post_model = LogisticRegression::default()
        .alpha(params.l2)
        .max_iterations(params.max_iterations)
        .fit(&Dataset::new(xs.clone(), posted.clone()))
        .map_err(|e| MatchError::Fit(format!("chance of a post: {e}")))?;
    // linfa makes the more frequent class its "positive" one; turn the coefficients round when that is
    // "did not post", so they always speak of the odds of a post.
    let sign = if post_model.labels().pos.class { 1.0 } else { -1.0 };
    let w = post_model.params().mapv(|c| c * sign);
    // 2. What a post sells: linear regression of log GMV over the posts, log GMV = c + v·z.
    let sold: Vec<usize> = (0..train.len()).filter(|r| train[*r].posted && train[*r].gmv_usd > 0.0).collect();
    let v = if sold.len() >= used.len() + 10 {
        let log_gmv: Array1<f64> = sold.iter().map(|r| train[*r].gmv_usd.ln()).collect();
        let sales = LinearRegression::new()
            .fit(&Dataset::new(xs.select(Axis(0), &sold), log_gmv))
            .map_err(|e| MatchError::Fit(format!("sales per post: {e}")))?;
        sales.params().clone()
    } else {
        // Too few sales to learn from: rank by the chance of a post alone.
        Array1::zeros(used.len())
    };
    // 3. Expected sales, log(P(post) · E[GMV | post]) = log σ(a + w·z) + c + v·z, to first order around
    //    the average creator (d log σ / dt = 1 − p̄): (1 − p̄)·w·z + v·z, linear again.
    let share_posted = positives as f64 / train.len() as f64;
    let u = &w * (1.0 - share_posted) + &v;
    let expected = xs.dot(&u);
    let (m, sd) = (expected.mean().unwrap_or(0.0), expected.std(1.0));
    if !(sd.is_finite() && sd > 1e-9) {
        return Err(MatchError::Fit("the outcomes give the features nothing to predict sales with".into()));
    }
    // 4. Calibration (Platt scaling): logistic regression of "posted" on the standardized expectation.
    let calibrate_x = ((&expected - m) / sd).insert_axis(Axis(1));
    let calibration = LogisticRegression::default()
        .alpha(params.l2)
        .max_iterations(params.max_iterations)
        .fit(&Dataset::new(calibrate_x, posted))
        .map_err(|e| MatchError::Fit(format!("calibration: {e}")))?;
    let sign = if calibration.labels().pos.class { 1.0 } else { -1.0 };
    let (alpha, beta) = (calibration.intercept() * sign, calibration.params()[0] * sign);
    if beta <= 0.0 {
        return Err(MatchError::Fit(
            "in these outcomes, creators expected to sell more posted less often: no consistent model".into(),
        ));
    }
    // logit = α + β·(ŷ − m)/sd with ŷ = Σ uᵢ·zᵢ: one linear logit again.
    let mut coefficients = [0.0; FEATURE_COUNT];
    for (k, i) in used.iter().enumerate() {
        coefficients[*i] = u[k];
    }
    let intercept = alpha - beta * m / sd;
    let features = Feature::ALL
        .iter()
        .map(|f| {
            let i = f.index();
            let u = coefficients[i];
            ModelFeature {
                feature: *f,
                mean: means[i],
                std: stds[i],
                weight: beta * u / sd,
                why: format!(
                    "Learned from {} outcomes: each standard deviation of {} {} expected sales by {:.0} % \
                     (and the chance of a post with them).",
                    train.len(),
                    f.name(),
                    if u >= 0.0 { "raises" } else { "lowers" },
                    (u.abs().exp() - 1.0) * 100.0
                ),
            }
        })
        .collect();
    LinearModel::from_file(ModelFile {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        version: version.into(),
        kind: ModelKind::Learned,
        created_on,
        description: format!(
            "Ranks by expected sales (chance of a post × GMV per post, linfa-logistic and linfa-linear) on {} \
             of this workspace's outcomes, calibrated to the chance of a post.",
            train.len()
        ),
        intercept,
        features,
    })
}

/// Mean and standard deviation of each feature over the examples where it is known; a feature never
/// known (or constant) gets mean 0, std 1 — its standardized value is then 0 and it cannot move the score.
fn standardization(examples: &[Example]) -> ([f64; FEATURE_COUNT], [f64; FEATURE_COUNT]) {
    let (mut means, mut stds) = ([0.0; FEATURE_COUNT], [1.0; FEATURE_COUNT]);
    for i in 0..FEATURE_COUNT {
        let known: Vec<f64> = examples
            .iter()
            .filter(|e| e.active[i] && !e.values[i].is_nan())
            .map(|e| f64::from(e.values[i]))
            .collect();
        if known.len() < 2 {
            continue;
        }
        let mean = known.iter().sum::<f64>() / known.len() as f64;
        let var = known.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (known.len() - 1) as f64;
        if var > 1e-12 {
            means[i] = mean;
            stds[i] = var.sqrt();
        }
    }
    (means, stds)
}

/// Trains on the older outcomes and evaluates both models on the newer ones.
pub fn train_and_evaluate(
    params: &TrainParams,
    examples: Vec<Example>,
    default: &LinearModel,
    version: &str,
    created_on: NaiveDate,
    simulated: bool,
) -> Result<(LinearModel, ModelEvaluation)> {
    params.check()?;
    let (train, test) = split_by_time(examples, params.holdout);
    let (Some(first), Some(test_first), Some(last)) = (train.first(), test.first(), test.last()) else {
        return Err(MatchError::TooFewOutcomes {
            needed: params.min_examples,
            found: train.len() + test.len(),
        });
    };
    let (train_from, test_from, test_to) = (first.invited_on, test_first.invited_on, last.invited_on);
    let learned = fit(params, &train, version, created_on)?;
    let evaluation = ModelEvaluation {
        train_examples: train.len() as u32,
        test_examples: test.len() as u32,
        train_from,
        test_from,
        test_to,
        learned: evaluate(&learned, &test),
        default: evaluate(default, &test),
        simulated,
    };
    Ok((learned, evaluation))
}
