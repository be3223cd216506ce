//! Read-only views of the index's columns and a compiled campaign, for tools outside the engine — the
//! benchmark hands them to a NumPy implementation of the same model to compare speed and results.

use crate::features::{FeatureRow, FEATURE_COUNT};
use crate::index::{CountryId, MatchIndex, MAX_AUDIENCE_COUNTRIES};
use crate::target::Target;

#[derive(Debug, Clone, Copy)]
pub struct IndexColumns<'a> {
    pub fixed: &'a [FeatureRow],
    pub age: &'a [[f32; 6]],
    pub gender: &'a [[f32; 2]],
    pub audience_countries: &'a [[CountryId; MAX_AUDIENCE_COUNTRIES]],
    pub audience_country_shares: &'a [[f32; MAX_AUDIENCE_COUNTRIES]],
    pub top_country: &'a [CountryId],
    pub home_country: &'a [CountryId],
    pub commission_bp: &'a [f32],
    pub category_offsets: &'a [u32],
    pub category_ids: &'a [u16],
    pub token_offsets: &'a [u32],
    pub tokens: &'a [u32],
}

/// A compiled campaign as plain numbers; `None` parts are not targeted.
#[derive(Debug, Clone)]
pub struct TargetColumns {
    pub age: Option<[f32; 6]>,
    pub gender: Option<[f32; 3]>,
    pub country_weights: Option<Vec<f32>>,
    /// Each keyword's token hashes.
    pub keywords: Vec<Vec<u32>>,
    pub category_fit: Option<Vec<f32>>,
    pub commission_max_bp: f32,
    pub active: [bool; FEATURE_COUNT],
}

impl MatchIndex {
    pub fn columns(&self) -> IndexColumns<'_> {
        IndexColumns {
            fixed: &self.fixed,
            age: &self.age,
            gender: &self.gender,
            audience_countries: &self.audience_countries,
            audience_country_shares: &self.audience_country_shares,
            top_country: &self.top_country,
            home_country: &self.home_country,
            commission_bp: &self.commission_bp,
            category_offsets: &self.category_offsets,
            category_ids: &self.category_ids,
            token_offsets: &self.token_offsets,
            tokens: &self.tokens,
        }
    }
}

impl Target {
    pub fn columns(&self) -> TargetColumns {
        TargetColumns {
            age: self.age,
            gender: self.gender,
            country_weights: self.country_weights.clone(),
            keywords: self.keywords.iter().map(|k| k.hashes.clone()).collect(),
            category_fit: self.category_fit.clone(),
            commission_max_bp: self.commission_max_bp,
            active: self.active,
        }
    }
}

impl crate::model::LinearModel {
    /// (means, standard deviations, weights, intercept) as the model scores with them.
    pub fn parameters(&self) -> (FeatureRow, FeatureRow, FeatureRow, f32) {
        (self.means, self.inv_stds.map(|s| 1.0 / s), self.weights, self.intercept)
    }
}
