//! How well a model would have ranked the seller's own past collaborations: AUC (does it put creators
//! who posted above those who did not), NDCG@20 on GMV (are the top 20 of each campaign the ones who
//! sold), and the Brier score (are score / 100 honest probabilities of a post; lower is better).

use crate::features::{FeatureRow, FEATURE_COUNT};
use crate::model::LinearModel;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// One past collaboration, with the features the creator had for that campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub campaign_id: i64,
    pub values: FeatureRow,
    pub active: [bool; FEATURE_COUNT],
    /// The outcome the model predicts: the creator posted content.
    pub posted: bool,
    pub gmv_usd: f64,
    pub invited_on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Metrics {
    /// `None` when the examples are all of one kind.
    pub auc: Option<f64>,
    /// Mean over campaigns with any sales; `None` when none had any.
    pub ndcg_at_20: Option<f64>,
    pub brier: f64,
    pub examples: u32,
    pub positives: u32,
}

pub fn evaluate(model: &LinearModel, examples: &[Example]) -> Metrics {
    let scores: Vec<f64> =
        examples.iter().map(|e| f64::from(model.score(&e.values, &e.active)) / 100.0).collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.posted).collect();
    let brier = brier(&scores, &labels);
    let mut by_campaign: HashMap<i64, Vec<(f64, f64)>> = HashMap::new();
    for (e, s) in examples.iter().zip(&scores) {
        by_campaign.entry(e.campaign_id).or_default().push((*s, e.gmv_usd));
    }
    let ndcgs: Vec<f64> = by_campaign.values().filter_map(|c| ndcg_at(c, 20)).collect();
    Metrics {
        auc: auc(&scores, &labels),
        ndcg_at_20: (!ndcgs.is_empty()).then(|| ndcgs.iter().sum::<f64>() / ndcgs.len() as f64),
        brier,
        examples: examples.len() as u32,
        positives: labels.iter().filter(|y| **y).count() as u32,
    }
}

/// The Brier score: the mean squared distance between each chance and what happened (0 without examples).
pub fn brier(chances: &[f64], labels: &[bool]) -> f64 {
    if chances.is_empty() {
        return 0.0;
    }
    chances.iter().zip(labels).map(|(p, y)| (p - f64::from(u8::from(*y))).powi(2)).sum::<f64>()
        / chances.len() as f64
}

/// Area under the ROC curve by the rank-sum (Mann–Whitney) formula; ties count half.
pub fn auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*a].total_cmp(&scores[*b]));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        let mid_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += (i..=j).filter(|k| labels[order[*k]]).count() as f64 * mid_rank;
        i = j + 1;
    }
    let pos = labels.iter().filter(|y| **y).count() as f64;
    let neg = labels.len() as f64 - pos;
    (pos > 0.0 && neg > 0.0).then(|| (rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg))
}

/// NDCG@k with GMV as the gain: `None` when nobody sold.
pub fn ndcg_at(scored: &[(f64, f64)], k: usize) -> Option<f64> {
    let dcg = |gains: &mut dyn Iterator<Item = f64>| -> f64 {
        gains.take(k).enumerate().map(|(i, g)| g / (i as f64 + 2.0).log2()).sum()
    };
    let mut by_score = scored.to_vec();
    by_score.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut ideal: Vec<f64> = scored.iter().map(|s| s.1).collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let best = dcg(&mut ideal.into_iter());
    (best > 0.0).then(|| dcg(&mut by_score.into_iter().map(|s| s.1)) / best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_of_perfect_random_and_inverted_rankings() {
        let labels = [false, false, true, true];
        assert_eq!(auc(&[0.1, 0.2, 0.8, 0.9], &labels), Some(1.0), "every positive above every negative");
        assert_eq!(auc(&[0.9, 0.8, 0.2, 0.1], &labels), Some(0.0), "inverted");
        assert_eq!(auc(&[0.5, 0.5, 0.5, 0.5], &labels), Some(0.5), "all tied is a coin flip");
        assert_eq!(auc(&[0.1, 0.2], &[true, true]), None, "one class has no AUC");
    }

    #[test]
    fn ndcg_rewards_putting_the_big_sellers_first() {
        let perfect = [(0.9, 100.0), (0.5, 10.0), (0.1, 0.0)];
        assert!((ndcg_at(&perfect, 20).unwrap() - 1.0).abs() < 1e-12);
        let worst = [(0.1, 100.0), (0.5, 10.0), (0.9, 0.0)];
        assert!(ndcg_at(&worst, 20).unwrap() < 0.7);
        assert_eq!(ndcg_at(&[(0.3, 0.0)], 20), None, "no sales, no NDCG");
    }
}
