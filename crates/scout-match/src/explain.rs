//! Explanations, exact for the model in use. The score is 100·σ(b + Σ tᵢ) with tᵢ = wᵢ·zᵢ the model's
//! terms on standardized features. Each factor gets the share tᵢ / Σ t of the distance between the
//! baseline 100·σ(b) and the score, so the contributions are signed, proportional to the model's own
//! terms, and add up to the score exactly (baseline + Σ contributions = score).

use crate::confidence::{age_factor, confidence, ConfidenceBand};
use crate::features::{Feature, Tier, FEATURE_COUNT};
use crate::format::{count, percent, usd};
use crate::index::{country_code, MatchIndex, NO_COUNTRY};
use crate::model::LinearModel;
use crate::target::Target;
use crate::warnings::{describe, QualityWarning};
use crate::{fx, taxonomy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FactorStatus {
    /// The feature was computed from the creator's data.
    Known,
    /// The creator's data lacks what the feature needs: it sits at neutral and lowers confidence.
    Missing,
    /// The campaign gives no basis for it (no category, no keywords, no audience target).
    NotTargeted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FactorContribution {
    pub feature: Feature,
    pub label: String,
    /// Signed points on the 0–100 scale.
    pub points: f32,
    pub status: FactorStatus,
    /// The feature's raw value (see models/README.md for its unit); `None` when missing.
    pub value: Option<f32>,
    /// One sentence of evidence in plain words.
    pub evidence: String,
    /// The date of the data behind the factor, when it rests on the creator's figures.
    pub as_of: Option<NaiveDate>,
    /// Where that data came from (the import's file name), when known.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Explanation {
    #[ts(type = "number")]
    pub creator_id: i64,
    pub score: f32,
    /// Where every creator starts: the score with every feature at its mean.
    pub baseline: f32,
    /// 0–1.
    pub confidence: f32,
    pub confidence_band: ConfidenceBand,
    /// What lowered the confidence, in plain words.
    pub confidence_notes: Vec<String>,
    pub model_version: String,
    /// Largest effect first.
    pub factors: Vec<FactorContribution>,
    pub warnings: Vec<QualityWarning>,
    pub data_as_of: NaiveDate,
    #[ts(type = "number")]
    pub data_age_days: i64,
}

impl Feature {
    /// The stored figures a feature rests on (names as in `CreatorFigures`), for provenance.
    pub fn figures(self) -> &'static [&'static str] {
        match self {
            Feature::EngagementVsTier => &["engagement_rate", "avg_views", "followers"],
            Feature::ViewRate => &["avg_views", "followers"],
            Feature::Reach => &["followers"],
            Feature::Gmv => &["gmv"],
            Feature::SalesPerView => &["gmv", "avg_views"],
            Feature::PriceFit => &["avg_commission_rate"],
            _ => &[],
        }
    }
}

/// Splits `score − baseline` over the terms in proportion to each term.
pub fn contributions(model: &LinearModel, terms: &[f32; FEATURE_COUNT]) -> [f32; FEATURE_COUNT] {
    let logit: f32 = terms.iter().sum();
    let score = LinearModel::score_of_logit(model.intercept + logit);
    let baseline = model.baseline();
    if logit.abs() < 1e-6 {
        // The secant slope tends to the derivative of 100·σ at b.
        let slope = baseline * (1.0 - baseline / 100.0);
        return terms.map(|t| t * slope);
    }
    let per_unit = (score - baseline) / logit;
    terms.map(|t| t * per_unit)
}

pub fn explain(index: &MatchIndex, target: &Target, model: &LinearModel, row: usize) -> Explanation {
    let assessed = target.assess(index, row);
    let terms = model.terms(&assessed.values, &target.active);
    let points = contributions(model, &terms);
    let as_of = index.as_of[row];
    let age_days = (index.today - as_of).num_days();
    let mut factors: Vec<FactorContribution> = Feature::ALL
        .into_iter()
        .map(|f| {
            let i = f.index();
            let v = assessed.values[i];
            let status = if !target.active[i] {
                FactorStatus::NotTargeted
            } else if v.is_nan() {
                FactorStatus::Missing
            } else {
                FactorStatus::Known
            };
            FactorContribution {
                feature: f,
                label: f.label().to_string(),
                points: points[i],
                status,
                value: (!v.is_nan()).then_some(v),
                evidence: evidence(f, status, index, target, row),
                as_of: (status == FactorStatus::Known && f != Feature::PastResults).then_some(as_of),
                source: None,
            }
        })
        .collect();
    factors.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
    let conf = confidence(model, target, &assessed, age_days);
    let mut notes: Vec<String> = factors
        .iter()
        .filter(|f| f.status == FactorStatus::Missing && f.feature.counts_toward_confidence())
        .map(|f| format!("{}: no data", f.label))
        .collect();
    if assessed.known[Feature::AudienceFit.index()] < 1.0 && assessed.values[0].is_finite() {
        notes.push("Audience fit: only part of the targeted audience data is known".into());
    }
    if index.ranged[row] != 0 && target.active[Feature::Gmv.index()] {
        notes.push("Sales: TikTok Shop shows only a range, read at its midpoint and counted half".into());
    }
    if age_factor(age_days) < 1.0 {
        notes.push(format!("Figures are {age_days} days old"));
    }
    Explanation {
        creator_id: index.id(row),
        score: model.score(&assessed.values, &target.active),
        baseline: model.baseline(),
        confidence: conf,
        confidence_band: ConfidenceBand::of(conf),
        confidence_notes: notes,
        model_version: model.version().to_string(),
        factors,
        warnings: describe(index, row),
        data_as_of: as_of,
        data_age_days: age_days,
    }
}

fn evidence(f: Feature, status: FactorStatus, index: &MatchIndex, target: &Target, row: usize) -> String {
    if status == FactorStatus::NotTargeted {
        return match f {
            Feature::AudienceFit => "The campaign sets no audience target.".into(),
            Feature::CategoryFit => "The campaign names no product category.".into(),
            _ => "The campaign lists no keywords.".into(),
        };
    }
    match f {
        Feature::AudienceFit => audience_evidence(index, target, row),
        Feature::CategoryFit => category_evidence(index, target, row),
        Feature::KeywordFit => {
            if status == FactorStatus::Missing {
                return "No categories or bio on record to search.".into();
            }
            let (hit, miss) = target.keyword_hits(index, row);
            let total = hit.len() + miss.len();
            match (hit.is_empty(), miss.is_empty()) {
                (true, _) => format!("Categories and bio mention none of your {total} keywords."),
                (false, true) => format!("Categories and bio mention all your keywords: {}.", hit.join(", ")),
                (false, false) => format!(
                    "Categories and bio mention {} of {total} keywords: {} (not: {}).",
                    hit.len(),
                    hit.join(", "),
                    miss.join(", ")
                ),
            }
        }
        Feature::EngagementVsTier => {
            let (e, followers) = (index.engagement[row], index.followers[row]);
            if e.is_nan() {
                return "No engagement figures on record.".into();
            }
            if followers.is_nan() {
                return format!(
                    "{} engagement per view, but no follower count to place it in a tier.",
                    percent(e)
                );
            }
            let t = Tier::of(followers);
            format!(
                "{} engagement per view; creators with {} typically get {:.1}–{:.1} % (median {:.1} %, on \
                 1,000 real TikTok creators).",
                percent(e),
                t.followers,
                t.p10,
                t.p90,
                t.median
            )
        }
        Feature::ViewRate => {
            let (v, n) = (index.avg_views[row], index.followers[row]);
            if v.is_nan() || n.is_nan() || n <= 0.0 {
                return "Needs both average views and followers.".into();
            }
            format!(
                "An average video's views are {} the follower count ({} views, {} followers); the middle 80 % \
                 of 1,000 real TikTok creators get 14 %–3.4×.",
                if v < n { format!("{} of", percent(v / n)) } else { crate::format::ratio(v / n) },
                count(v),
                count(n)
            )
        }
        Feature::Reach => match index.followers[row] {
            n if n.is_nan() => "No follower count on record.".into(),
            n => format!(
                "{} followers; each tenfold adds the same, so size has diminishing returns.",
                count(n)
            ),
        },
        Feature::Gmv => match index.gmv_usd[row] {
            g if g.is_nan() => {
                "No sales figures on record (or GMV in a currency without a reference rate).".into()
            }
            g if g <= 0.0 => "No sales on record (GMV 0).".into(),
            g => match index.gmv_ranges.get(&(row as u32)) {
                Some(range) => format!(
                    "GMV {} — shared only as a range, read at its middle ({} at {} reference rates), \
                     with lower confidence.",
                    crate::format::money_range(range),
                    usd(g),
                    fx::REFERENCE_DATE
                ),
                None => {
                    format!("{} GMV on record (converted at {} reference rates).", usd(g), fx::REFERENCE_DATE)
                }
            },
        },
        Feature::SalesPerView => {
            if let Some(line) = index.shop.get(&(row as u32)).and_then(|s| s.gpm_evidence()) {
                return line;
            }
            let (g, v) = (index.gmv_usd[row], index.avg_views[row]);
            if g.is_nan() || v.is_nan() || v <= 0.0 {
                "Needs both GMV and average views.".into()
            } else {
                format!(
                    "{} GMV per 1,000 views of an average video ({} views).",
                    usd(g * 1000.0 / v),
                    count(v)
                )
            }
        }
        Feature::PastResults => match index.past_results(row) {
            None => "No past collaborations with you; counted as neutral.".into(),
            Some(p) => {
                let roi = if p.cost_usd > 0.0 {
                    format!(", ROI {:.1}×", (p.gmv_usd - p.cost_usd) / p.cost_usd)
                } else {
                    String::new()
                };
                let simulated = match p.simulated {
                    0 => "",
                    n if n == p.invited => " (simulated history)",
                    _ => " (partly simulated history)",
                };
                format!(
                    "Invited {} time(s) before: {} replied, {} accepted, {} posted{roi}{simulated}.",
                    p.invited, p.replied, p.accepted, p.posted
                )
            }
        },
        Feature::PriceFit => match index.commission_bp[row] {
            c if c.is_nan() => "Usual commission unknown.".into(),
            c => format!(
                "Usually earns {} commission; your maximum is {}.",
                percent(c / 10_000.0),
                percent(target.commission_max_bp / 10_000.0)
            ),
        },
        Feature::PostingRecord => match index.shop.get(&(row as u32)) {
            Some(shop) => shop.posting_evidence(),
            None => {
                "No TikTok Shop profile fetched (Find on TikTok Shop → Enrich); counted as neutral.".into()
            }
        },
        Feature::Freshness => {
            let as_of = index.as_of[row];
            format!("Figures as of {as_of} ({} days old).", (index.today - as_of).num_days())
        }
    }
}

fn audience_evidence(index: &MatchIndex, target: &Target, row: usize) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &target.gender {
        let female = index.gender[row][0];
        if female.is_nan() {
            parts.push("gender mix unknown".to_string());
        } else {
            parts.push(format!(
                "{} of followers are women — your target is {}",
                percent(female),
                percent(t[0])
            ));
        }
    }
    if let Some(t) = &target.age {
        let a = &index.age[row];
        let bands: Vec<usize> = (0..6).filter(|i| t[*i] > 0.0).collect();
        let label = age_label(&bands);
        if a[0].is_nan() {
            parts.push("age mix unknown".to_string());
        } else {
            let share: f32 = bands.iter().map(|i| a[*i]).sum();
            parts.push(format!(
                "{} are {label} — your target is {}",
                percent(share),
                percent(bands.iter().map(|i| t[*i]).sum())
            ));
        }
    }
    if target.country_weights.is_some() {
        let ids = &index.audience_countries[row];
        if ids[0] != NO_COUNTRY {
            let shares = &index.audience_country_shares[row];
            let in_target: f32 = ids
                .iter()
                .zip(shares)
                .filter(|(id, _)| target.country_weight(**id) > 0.0)
                .map(|(_, s)| s)
                .sum();
            let top: Vec<String> = ids
                .iter()
                .zip(shares)
                .filter_map(|(id, s)| country_code(*id).map(|c| format!("{c} {}", percent(*s))))
                .take(3)
                .collect();
            parts.push(format!(
                "{} of followers are in your countries ({})",
                percent(in_target),
                top.join(", ")
            ));
        } else if let Some(top) = country_code(index.top_country[row]) {
            let fit =
                if target.country_weight(index.top_country[row]) > 0.0 { "one of" } else { "not one of" };
            parts.push(format!(
                "most followers are in {top}, {fit} your countries (no shares given; counted at two thirds)"
            ));
        } else if let Some(home) = country_code(index.home_country[row]) {
            let fit =
                if target.country_weight(index.home_country[row]) > 0.0 { "one of" } else { "not one of" };
            parts.push(format!("based in {home}, {fit} your countries (audience countries unknown)"));
        } else {
            parts.push("country unknown".to_string());
        }
    }
    let mut sentence = parts.join("; ");
    if let Some(first) = sentence.get(0..1) {
        sentence = first.to_uppercase() + &sentence[1..];
    }
    sentence + "."
}

/// "18–34" for adjacent bands, "18-24, 45-54" otherwise.
fn age_label(bands: &[usize]) -> String {
    let all = scout_domain::AgeBand::ALL;
    let adjacent = bands.windows(2).all(|w| w[1] == w[0] + 1);
    match (bands.first(), bands.last()) {
        (Some(&a), Some(&b)) if adjacent && a != b => {
            let low = all[a].label().split('-').next().unwrap_or_default();
            match all[b].label().split_once('-') {
                Some((_, high)) => format!("{low}–{high}"),
                None => format!("{low}+"),
            }
        }
        _ => bands.iter().map(|i| all[*i].label()).collect::<Vec<_>>().join(", "),
    }
}

fn category_evidence(index: &MatchIndex, target: &Target, row: usize) -> String {
    let names = index.category_names_of(row);
    let wanted = target.spec.product.category.as_deref().unwrap_or_default();
    if names.is_empty() {
        return "No categories on record.".into();
    }
    let best = names.iter().max_by(|a, b| taxonomy::fit(wanted, a).total_cmp(&taxonomy::fit(wanted, b)));
    match best {
        Some(c) if taxonomy::fit(wanted, c) >= taxonomy::SAME => {
            format!("Posts in {c} — your product's category.")
        }
        Some(c) if taxonomy::fit(wanted, c) > taxonomy::UNRELATED => {
            format!("Posts in {c}, related to {wanted}.")
        }
        _ => format!("Posts in {}; none related to {wanted}.", names.join(", ")),
    }
}
