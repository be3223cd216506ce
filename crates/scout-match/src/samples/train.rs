//! Learning P(post) from the seller's own outcomes, the match model's discipline: parameters checked,
//! a time-ordered split (older requests train, the newest [`PostTrainParams::holdout`] test), the
//! learned model and the default scored on the same test set (AUC, Brier), adoption left to the seller.

use super::model::{LearnedPostModel, PostModel, PostModelFeature};
use super::signals::{PostFeature, PostSignals, POST_FEATURES};
use crate::evaluate::{auc, brier};
use crate::{MatchError, Result};
use chrono::NaiveDate;
use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What every P(post) model card says about where its outcomes come from.
pub const SELECTION_NOTE: &str = "Only requests the seller approved have an outcome, so the history is \
    selected by the seller's own past decisions: the model learns who posts among those the seller chose, \
    and may be wrong about the kind of requester the seller always rejected.";

/// One approved request whose outcome is settled.
#[derive(Debug, Clone, PartialEq)]
pub struct PostExample {
    pub application_id: String,
    /// When the request was made (estimated: the deadline to decide less 7 days).
    pub requested_on: NaiveDate,
    /// The signals when Scout first saw the request.
    pub signals: PostSignals,
    /// Posted within 14 days of delivery.
    pub posted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostTrainParams {
    /// L2 penalty on the coefficients.
    pub l2: f64,
    pub max_iterations: u64,
    /// The newest share of outcomes held out for evaluation.
    pub holdout: f64,
    /// Fewer outcomes than this give no model.
    pub min_examples: usize,
}

impl Default for PostTrainParams {
    fn default() -> PostTrainParams {
        PostTrainParams { l2: 1.0, max_iterations: 300, holdout: 0.3, min_examples: 50 }
    }
}

impl PostTrainParams {
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

/// How well a model's chances matched what happened.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostMetrics {
    /// `None` when the outcomes are all of one kind.
    pub auc: Option<f64>,
    /// Mean squared error of the chance; lower is better.
    pub brier: f64,
    pub examples: u32,
    pub posted: u32,
}

/// The learned model next to the default on the same held-out (newest) outcomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostEvaluation {
    pub train_examples: u32,
    pub test_examples: u32,
    pub train_from: NaiveDate,
    /// Requests made on or after this day were held out.
    pub test_from: NaiveDate,
    pub test_to: NaiveDate,
    /// Share of the training outcomes that posted.
    pub base_rate: f64,
    pub learned: PostMetrics,
    pub default: PostMetrics,
    /// Whether any outcome was simulated (the fake API's synthetic history counts).
    pub simulated: bool,
    pub note: String,
}

/// AUC and Brier of `model` on `examples`.
pub fn post_metrics(model: &PostModel, examples: &[PostExample]) -> PostMetrics {
    let p: Vec<f64> = examples.iter().map(|e| model.predict(&e.signals)).collect();
    let y: Vec<bool> = examples.iter().map(|e| e.posted).collect();
    PostMetrics {
        auc: auc(&p, &y),
        brier: brier(&p, &y),
        examples: examples.len() as u32,
        posted: y.iter().filter(|v| **v).count() as u32,
    }
}

/// Oldest `1 − holdout` to train on, the newest to test (ties by application id, so the split is stable).
pub fn split_posts_by_time(
    mut examples: Vec<PostExample>,
    holdout: f64,
) -> (Vec<PostExample>, Vec<PostExample>) {
    examples.sort_by(|a, b| {
        a.requested_on.cmp(&b.requested_on).then_with(|| a.application_id.cmp(&b.application_id))
    });
    let cut = ((examples.len() as f64) * (1.0 - holdout)).round() as usize;
    let test = examples.split_off(cut.min(examples.len()));
    (examples, test)
}

/// Fits the logistic regression on `train`: standardized signals, a missing one at the mean (0), L2.
pub fn fit_post_model(
    params: &PostTrainParams,
    train: &[PostExample],
    version: &str,
    created_on: NaiveDate,
) -> Result<LearnedPostModel> {
    params.check()?;
    if train.len() < params.min_examples {
        return Err(MatchError::TooFewOutcomes { needed: params.min_examples, found: train.len() });
    }
    let posted = train.iter().filter(|e| e.posted).count();
    if posted == 0 || posted == train.len() {
        return Err(MatchError::OneClass(train.len()));
    }
    let mut scale = [(0.0, 1.0); POST_FEATURES];
    for f in PostFeature::ALL {
        let known: Vec<f64> = train.iter().filter_map(|e| f.value(&e.signals)).collect();
        if known.len() >= 2 {
            let mean = known.iter().sum::<f64>() / known.len() as f64;
            let var = known.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (known.len() - 1) as f64;
            if var > 1e-12 {
                scale[f.index()] = (mean, var.sqrt());
            }
        }
    }
    let mut x = Array2::<f64>::zeros((train.len(), POST_FEATURES));
    for (r, e) in train.iter().enumerate() {
        for f in PostFeature::ALL {
            let (mean, std) = scale[f.index()];
            if let Some(v) = f.value(&e.signals) {
                x[[r, f.index()]] = ((v - mean) / std).clamp(-4.0, 4.0);
            }
        }
    }
    let y: Array1<bool> = train.iter().map(|e| e.posted).collect();
    let fitted = LogisticRegression::default()
        .alpha(params.l2)
        .max_iterations(params.max_iterations)
        .fit(&Dataset::new(x, y))
        .map_err(|e| MatchError::Fit(format!("chance of a post: {e}")))?;
    // linfa makes the more frequent class its "positive" one: turn the coefficients round when that is
    // "did not post", so they speak of the odds of a post.
    let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
    let features = PostFeature::ALL
        .iter()
        .map(|f| {
            let (mean, std) = scale[f.index()];
            PostModelFeature { feature: *f, mean, std, weight: fitted.params()[f.index()] * sign }
        })
        .collect();
    LearnedPostModel::new(
        version,
        created_on,
        format!(
            "P(post within 14 days) learned from {} of your approved requests ({} posted): logistic regression \
             (linfa-logistic, L2 {}) on the standardized 90-day fulfilment, sample score, 30-day GMV and \
             median views.",
            train.len(),
            posted,
            params.l2
        ),
        fitted.intercept() * sign,
        features,
    )
}

/// Trains on the older outcomes and scores both models on the newer ones.
pub fn train_and_evaluate_posts(
    params: &PostTrainParams,
    examples: Vec<PostExample>,
    version: &str,
    created_on: NaiveDate,
    simulated: bool,
) -> Result<(LearnedPostModel, PostEvaluation)> {
    params.check()?;
    let total = examples.len();
    let (train, test) = split_posts_by_time(examples, params.holdout);
    let (Some(first), Some(test_first), Some(last)) = (train.first(), test.first(), test.last()) else {
        return Err(MatchError::TooFewOutcomes { needed: params.min_examples, found: total });
    };
    let (train_from, test_from, test_to) = (first.requested_on, test_first.requested_on, last.requested_on);
    let model = fit_post_model(params, &train, version, created_on)?;
    let learned = PostModel::Learned(model.clone());
    let evaluation = PostEvaluation {
        train_examples: train.len() as u32,
        test_examples: test.len() as u32,
        train_from,
        test_from,
        test_to,
        base_rate: train.iter().filter(|e| e.posted).count() as f64 / train.len() as f64,
        learned: post_metrics(&learned, &test),
        default: post_metrics(&PostModel::Default, &test),
        simulated,
        note: SELECTION_NOTE.into(),
    };
    Ok((model, evaluation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::BasisPoints;

    /// Posting decided by the fulfilment share alone, deterministically: a model must find it.
    fn examples(n: usize) -> Vec<PostExample> {
        (0..n)
            .map(|i| {
                let f = (i * 37 % 100) as u32;
                PostExample {
                    application_id: format!("{i:04}"),
                    requested_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                        + chrono::Days::new(i as u64 / 3),
                    signals: PostSignals {
                        fulfilment_90d: Some(BasisPoints(f * 100)),
                        sample_score: Some(((i * 13) % 60 + 40) as u32),
                        ..Default::default()
                    },
                    posted: f >= 55 || i % 11 == 0,
                }
            })
            .collect()
    }

    #[test]
    fn parameters_are_checked_by_name() {
        let e = PostTrainParams { holdout: 1.0, ..Default::default() }.check().unwrap_err();
        assert!(e.to_string().contains("holdout"), "{e}");
        let e = PostTrainParams { l2: f64::NAN, ..Default::default() }.check().unwrap_err();
        assert!(e.to_string().contains("l2"), "{e}");
    }

    #[test]
    fn the_split_is_by_time_and_the_learned_model_finds_the_signal() {
        let (train, test) = split_posts_by_time(examples(200), 0.3);
        assert_eq!((train.len(), test.len()), (140, 60));
        assert!(train.last().unwrap().requested_on <= test[0].requested_on, "older train, newer test");
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let (m, ev) =
            train_and_evaluate_posts(&PostTrainParams::default(), examples(200), "p-1", day, true).unwrap();
        assert!(m.features[0].weight > 0.5, "fulfilment raises the odds: {:?}", m.features[0]);
        assert!(ev.learned.auc.unwrap() > 0.85, "{ev:?}");
        assert!(ev.learned.brier < ev.default.brier, "{ev:?}");
        assert_eq!(ev.note, SELECTION_NOTE);
    }

    #[test]
    fn too_few_or_one_kind_of_outcome_gives_no_model() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let e = fit_post_model(&PostTrainParams::default(), &examples(20), "x", day).unwrap_err();
        assert!(matches!(e, MatchError::TooFewOutcomes { needed: 50, found: 20 }), "{e}");
        let all: Vec<_> = examples(80).into_iter().map(|e| PostExample { posted: true, ..e }).collect();
        assert!(matches!(
            fit_post_model(&PostTrainParams::default(), &all, "x", day),
            Err(MatchError::OneClass(80))
        ));
    }
}
