//! The measure, on the fake API's labelled-synthetic history (`fixtures/tiktok/fake_samples.py
//! --dump --history N`, the one source of truth for the generating rule): learn P(post) from the
//! settled outcomes of the older requests as a seller would see them on the wire, then on the newest
//! requests compare it with TikTok's signals alone (AUC, Brier) and compare approval strategies by the
//! net profit per sample, each given the same number of samples.
//!
//! A held-out request's real value uses the dump's hidden truth: posted within 14 days (drawn for every
//! request, approved or not) × the paid orders its post would bring × the product's price × margin,
//! less sample cost and shipping. A late post's sales are not counted (the model predicts 14 days).

use super::label::posted_within_14_days;
use super::model::PostModel;
use super::signals::PostSignals;
use super::train::{
    fit_post_model, post_metrics, split_posts_by_time, PostExample, PostMetrics, PostTrainParams,
};
use super::value::{assess_request, ProductEconomics, SalesHistory};
use crate::{MatchError, Result};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{BasisPoints, Currency, Money};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// One request of the dump: what the wire showed, and the hidden truth.
#[derive(Debug, Clone, PartialEq)]
pub struct SimRequest {
    pub id: String,
    pub product_id: String,
    pub requested_on: NaiveDate,
    pub signals: PostSignals,
    /// The label Scout derives from the wire (status, ship-by, the post's time) at the anchor.
    pub label: Option<bool>,
    /// The fulfilment's views and paid orders, when the wire has a post.
    pub post: Option<(u64, u64)>,
    pub price: Money,
    pub truth_posted_14: bool,
    pub truth_orders_if_posted: u64,
    pub pending: bool,
}

fn field<'a>(v: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(v, |v, k| &v[*k])
}

fn secs(v: &Value) -> Option<DateTime<Utc>> {
    v.as_i64().filter(|s| *s > 0).and_then(|s| DateTime::from_timestamp(s, 0))
}

/// Reads `fake_samples.py --dump` output.
pub fn read_dump(json: &str) -> Result<(Vec<SimRequest>, DateTime<Utc>)> {
    let bad = |m: String| MatchError::ModelFile(format!("sample dump: {m}"));
    let dump: Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    if dump["synthetic"] != Value::Bool(true) {
        return Err(bad("not labelled synthetic".into()));
    }
    let anchor = secs(&dump["anchor"]).ok_or_else(|| bad("no anchor".into()))?;
    let usd = Currency::usd();
    let mut out = Vec::new();
    for r in dump["requests"].as_array().ok_or_else(|| bad("no requests".into()))? {
        let id = r["id"].as_str().unwrap_or_default().to_string();
        let approve_by =
            secs(&r["approve_expiration_time"]).ok_or_else(|| bad(format!("{id}: no approve-by")))?;
        let c = &r["creator"];
        let f90 = c["fulfillment_percentage"].as_str().and_then(|s| s.parse::<f64>().ok());
        let gmv = field(c, &["gmv", "amount"]).as_str().and_then(|s| s.parse::<f64>().ok());
        let t = &r["truth"];
        let first_post = r["fulfillments"].as_array().and_then(|f| f.first()).map(|f| &f["content"]);
        out.push(SimRequest {
            product_id: field(r, &["product", "id"]).as_str().unwrap_or_default().into(),
            requested_on: (approve_by - chrono::Duration::days(7)).date_naive(),
            signals: PostSignals {
                fulfilment_90d: f90.map(|p| BasisPoints((p * 100.0).round() as u32)),
                sample_score: t["sample_score"].as_u64().map(|s| s as u32),
                gmv_30d: gmv.and_then(|g| Money::from_major(g, usd.clone())),
                median_views: c["ec_video_view"].as_u64(),
                ..Default::default()
            },
            label: posted_within_14_days(
                r["status"].as_str().unwrap_or_default(),
                r["fulfillment_status"].as_str(),
                secs(&r["shipment_expiration_time"]),
                first_post.and_then(|p| secs(&p["create_time"])),
                anchor,
            ),
            post: first_post.map(|p| {
                (p["view_count"].as_u64().unwrap_or(0), p["paid_order_count"].as_u64().unwrap_or(0))
            }),
            price: t["price"]
                .as_f64()
                .and_then(|p| Money::from_major(p, usd.clone()))
                .ok_or_else(|| bad(format!("{id}: no price")))?,
            truth_posted_14: t["posted_within_14_days"].as_bool().unwrap_or(false),
            truth_orders_if_posted: t["paid_orders_if_posted"].as_u64().unwrap_or(0),
            pending: r["status"] == "PENDING",
            id,
        });
    }
    Ok((out, anchor))
}

/// One approval strategy's result on the held-out requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrategyResult {
    pub name: String,
    pub samples: u32,
    pub posted: u32,
    /// Σ real net value, US dollars.
    pub net_profit_usd: f64,
    pub net_profit_per_sample_usd: f64,
}

/// The simulation's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulationReport {
    pub synthetic: bool,
    pub history: u32,
    /// Settled outcomes the seller's history gives (approved requests), and how many trained.
    pub outcomes: u32,
    pub train_outcomes: u32,
    /// Requests made on or after this day are held out.
    pub test_from: NaiveDate,
    /// Labels Scout derived from the wire that agree with the hidden truth, of those it could derive.
    pub labels_agreeing: u32,
    pub labels_derived: u32,
    /// On the held-out settled outcomes (what a seller could measure).
    pub learned_on_outcomes: PostMetrics,
    pub default_on_outcomes: PostMetrics,
    /// On every held-out request, approved or not, against the hidden truth.
    pub learned_on_all: PostMetrics,
    pub default_on_all: PostMetrics,
    /// Approve all, TikTok-style thresholds, and the top by expected net value (default and learned
    /// P(post)) with as many samples as the thresholds approve.
    pub strategies: Vec<StrategyResult>,
}

/// Runs the simulation on a dump's requests with `economics`' margin and costs (the price is each
/// product's own).
pub fn simulate(
    requests: &[SimRequest],
    params: &PostTrainParams,
    margin: BasisPoints,
    sample_cost: &Money,
    shipping: &Money,
) -> Result<SimulationReport> {
    let past: Vec<&SimRequest> = requests.iter().filter(|r| !r.pending).collect();
    let derived: Vec<&&SimRequest> = past.iter().filter(|r| r.label.is_some()).collect();
    let agreeing = derived.iter().filter(|r| r.label == Some(r.truth_posted_14)).count();
    let examples: Vec<PostExample> = derived
        .iter()
        .map(|r| PostExample {
            application_id: r.id.clone(),
            requested_on: r.requested_on,
            signals: r.signals.clone(),
            posted: r.label == Some(true),
        })
        .collect();
    let (train, test) = split_posts_by_time(examples, params.holdout);
    let test_from = test
        .first()
        .map(|e| e.requested_on)
        .ok_or(MatchError::TooFewOutcomes { needed: params.min_examples, found: train.len() })?;
    let created = test_from;
    let learned = PostModel::Learned(fit_post_model(params, &train, "simulated", created)?);
    // The seller's own posts before the held-out period value a post.
    let trained: HashSet<&str> = train.iter().map(|e| e.application_id.as_str()).collect();
    let mut history = SalesHistory::default();
    for r in past.iter().filter(|r| trained.contains(r.id.as_str())) {
        if let Some((views, orders)) = r.post.filter(|p| p.0 > 0) {
            history.posts += 1;
            history.views += views;
            history.paid_orders += orders;
        }
    }
    let held_out: Vec<&SimRequest> = past.iter().copied().filter(|r| r.requested_on >= test_from).collect();
    let truth: Vec<PostExample> = held_out
        .iter()
        .map(|r| PostExample {
            application_id: r.id.clone(),
            requested_on: r.requested_on,
            signals: r.signals.clone(),
            posted: r.truth_posted_14,
        })
        .collect();
    let economics = |r: &SimRequest| ProductEconomics {
        product_id: r.product_id.clone(),
        price: Some(r.price.clone()),
        margin,
        sample_cost: sample_cost.clone(),
        shipping: shipping.clone(),
    };
    let cost = (sample_cost.minor + shipping.minor) as f64 / 100.0;
    let real_value = |r: &SimRequest| {
        let gmv = if r.truth_posted_14 {
            r.truth_orders_if_posted as f64 * r.price.minor as f64 / 100.0
        } else {
            0.0
        };
        gmv * f64::from(margin.0) / 10_000.0 - cost
    };
    let result = |name: &str, chosen: &[&SimRequest]| {
        let profit: f64 = chosen.iter().map(|r| real_value(r)).sum();
        StrategyResult {
            name: name.into(),
            samples: chosen.len() as u32,
            posted: chosen.iter().filter(|r| r.truth_posted_14).count() as u32,
            net_profit_usd: profit,
            net_profit_per_sample_usd: if chosen.is_empty() { 0.0 } else { profit / chosen.len() as f64 },
        }
    };
    let thresholds: Vec<&SimRequest> = held_out
        .iter()
        .copied()
        .filter(|r| {
            r.signals.fulfilment_90d.is_some_and(|b| b.0 >= 6_000)
                && r.signals.sample_score.is_some_and(|s| s >= 70)
        })
        .collect();
    let k = thresholds.len();
    let top_by_net = |model: &PostModel| -> Vec<&SimRequest> {
        let mut scored: Vec<(f64, &SimRequest)> = held_out
            .iter()
            .map(|r| {
                let a =
                    assess_request(&r.id, &r.product_id, model, &r.signals, &history, Some(&economics(r)));
                (a.net_value.map_or(f64::MIN, |v| v.minor as f64), *r)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        scored.into_iter().take(k).map(|s| s.1).collect()
    };
    Ok(SimulationReport {
        synthetic: true,
        history: past.len() as u32,
        outcomes: (train.len() + test.len()) as u32,
        train_outcomes: train.len() as u32,
        test_from,
        labels_agreeing: agreeing as u32,
        labels_derived: derived.len() as u32,
        learned_on_outcomes: post_metrics(&learned, &test),
        default_on_outcomes: post_metrics(&PostModel::Default, &test),
        learned_on_all: post_metrics(&learned, &truth),
        default_on_all: post_metrics(&PostModel::Default, &truth),
        strategies: vec![
            result("approve all", &held_out),
            result("TikTok-style thresholds (fulfilment ≥ 60 %, sample score ≥ 70)", &thresholds),
            result("top by net value, TikTok's signals alone", &top_by_net(&PostModel::Default)),
            result("top by net value, learned P(post)", &top_by_net(&learned)),
        ],
    })
}
