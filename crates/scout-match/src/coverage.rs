//! What a ranking could use: for how many creators each of the campaign's factors had data, what the
//! ranking therefore rests on, and the next step that would improve it. Real creator lists rarely carry
//! audiences, categories or sales; a seller must see that, not a column of neutral factors that look like
//! an answer. Counts are kept per index as creators are added, so this costs nothing per ranking.

use crate::features::{Feature, FEATURE_COUNT};
use crate::index::MatchIndex;
use crate::model::LinearModel;
use crate::target::Target;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many creators had the inputs of one factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FactorCoverage {
    pub feature: Feature,
    pub label: String,
    #[ts(type = "number")]
    pub known: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Coverage {
    /// Creators in the workspace.
    #[ts(type = "number")]
    pub creators: u64,
    /// The campaign's factors (those it gives a basis for), heaviest in the model first.
    pub factors: Vec<FactorCoverage>,
    /// Factors known for at least half the creators: what the ranking rests on.
    pub rests_on: Vec<String>,
    /// Factors known for fewer than half (history with you and data age left out: their absence is
    /// normal).
    pub thin: Vec<String>,
    /// What would improve the ranking, in plain words; `None` when nothing is thin.
    pub next_step: Option<String>,
}

/// Per-feature counts of creators whose data has the feature's inputs, kept by the index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct KnownCounts(pub(crate) [u64; FEATURE_COUNT]);

impl Coverage {
    /// "999 creators — audience fit 0 · category 0 · engagement for their size 999 · …": one line for a
    /// terminal (data freshness, known for everyone, left out).
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .factors
            .iter()
            .filter(|f| f.feature != Feature::Freshness)
            .map(|f| format!("{} {}", f.label.to_lowercase(), f.known))
            .collect();
        format!("{} creators — known: {}", self.creators, parts.join(" · "))
    }
}

/// Factors whose absence is normal, not a gap in the data.
fn expected_to_be_missing(f: Feature) -> bool {
    matches!(f, Feature::PastResults | Feature::Freshness | Feature::PostingRecord)
}

pub fn coverage(index: &MatchIndex, target: &Target, model: &LinearModel) -> Coverage {
    let creators = index.len() as u64;
    let mut active: Vec<Feature> =
        Feature::ALL.into_iter().filter(|f| target.active[f.index()] && model.weight(*f) != 0.0).collect();
    active.sort_by(|a, b| model.weight(*b).abs().total_cmp(&model.weight(*a).abs()));
    let factors: Vec<FactorCoverage> = active
        .iter()
        .map(|f| FactorCoverage {
            feature: *f,
            label: f.label().to_string(),
            known: index.known_counts().0[f.index()],
        })
        .collect();
    let half = |f: &FactorCoverage| creators > 0 && f.known * 2 >= creators;
    let rests_on = factors
        .iter()
        .filter(|f| half(f) && !expected_to_be_missing(f.feature))
        .map(|f| f.label.clone())
        .collect();
    let thin: Vec<&FactorCoverage> =
        factors.iter().filter(|f| !half(f) && !expected_to_be_missing(f.feature)).collect();
    let next_step = (!thin.is_empty() && creators > 0).then(|| next_step(&thin));
    Coverage {
        creators,
        factors: factors.clone(),
        rests_on,
        thin: thin.iter().map(|f| f.label.clone()).collect(),
        next_step,
    }
}

fn next_step(thin: &[&FactorCoverage]) -> String {
    let wants: Vec<&str> = thin
        .iter()
        .filter_map(|f| match f.feature {
            Feature::AudienceFit => Some("audience (age, gender or top countries)"),
            Feature::CategoryFit | Feature::KeywordFit => Some("categories"),
            Feature::Gmv | Feature::SalesPerView => Some("sales (GMV)"),
            Feature::PriceFit => Some("usual commission"),
            Feature::EngagementVsTier | Feature::ViewRate | Feature::Reach => {
                Some("followers, average views and likes, comments, shares")
            }
            Feature::PastResults | Feature::Freshness | Feature::PostingRecord => None,
        })
        .fold(Vec::new(), |mut acc, w| {
            if !acc.contains(&w) {
                acc.push(w);
            }
            acc
        });
    let shop = wants.iter().any(|w| !w.starts_with("followers") && *w != "usual commission");
    format!(
        "To rank by fit, add {}: map those columns when importing, or import a richer export for the same \
         creators (rows merge by handle){}.",
        crate::format::list_words(&wants),
        if shop { ", or fetch their TikTok Shop profiles (Find on TikTok Shop → Enrich)" } else { "" }
    )
}
