//! A campaign compiled for ranking: its audience as flat arrays, its keywords as token hashes, and its
//! category's fit against every category the index has seen. Also where the campaign-dependent features
//! are computed for one creator.

use crate::features::{self, Feature, FeatureRow};
use crate::index::{country_id, MatchIndex, NO_COUNTRY, RANGED_GMV, RANGED_SALES_PER_VIEW, RANGE_CREDIT};
use crate::taxonomy;
use crate::text::Keyword;
use scout_domain::{AgeBand, CampaignSpec};

/// How much each part of the audience weighs in the audience fit, when the campaign targets it.
pub const AGE_WEIGHT: f32 = 0.4;
pub const GENDER_WEIGHT: f32 = 0.3;
pub const COUNTRY_WEIGHT: f32 = 0.3;
/// A top audience country named without shares stands in for the audience countries at two thirds:
/// better evidence than where the creator lives, less than a share breakdown.
pub(crate) const TOP_COUNTRY_PROXY_CREDIT: f32 = 2.0 / 3.0;
/// A creator's home country standing in for unknown audience countries counts half.
const HOME_COUNTRY_PROXY_CREDIT: f32 = 0.5;
/// What an unknown part of the audience counts as: the typical overlap (the default model's mean).
pub const AUDIENCE_NEUTRAL: f32 = 0.55;

#[derive(Debug, Clone)]
pub struct Target {
    pub(crate) spec: CampaignSpec,
    pub(crate) age: Option<[f32; 6]>,
    /// Female, male, other.
    pub(crate) gender: Option<[f32; 3]>,
    pub(crate) country_weights: Option<Vec<f32>>,
    pub(crate) keywords: Vec<Keyword>,
    /// The fit of each of the index's categories with the product's category.
    pub(crate) category_fit: Option<Vec<f32>>,
    pub(crate) commission_max_bp: f32,
    /// Features the campaign gives no basis for (no category, no keywords, no audience) stay out of the
    /// score and the confidence.
    pub(crate) active: [bool; features::FEATURE_COUNT],
}

/// One creator's raw features for a campaign, and how much of each feature's input was known (1 = all,
/// 0 = none) for the confidence.
#[derive(Debug, Clone, Copy)]
pub struct Assessed {
    pub values: FeatureRow,
    pub known: FeatureRow,
}

fn fraction(bp: u32) -> f32 {
    bp as f32 / 10_000.0
}

impl Target {
    pub fn compile(spec: &CampaignSpec, index: &MatchIndex) -> Target {
        let a = &spec.audience;
        let age = (!a.age.is_empty()).then(|| AgeBand::ALL.map(|b| fraction(a.age_share(b).0)));
        let gender =
            a.gender.as_ref().map(|g| [fraction(g.female.0), fraction(g.male.0), fraction(g.other.0)]);
        let country_weights = (!a.countries.is_empty()).then(|| {
            let mut w = vec![0.0; 676];
            for c in &a.countries {
                w[country_id(&c.country) as usize] = fraction(c.share.0);
            }
            w
        });
        let keywords: Vec<Keyword> = a.keywords.iter().filter_map(|k| Keyword::new(k)).collect();
        let category_fit = spec
            .product
            .category
            .as_deref()
            .map(|wanted| index.category_names.iter().map(|c| taxonomy::fit(wanted, c)).collect());
        let mut active = [true; features::FEATURE_COUNT];
        active[Feature::AudienceFit.index()] = age.is_some() || gender.is_some() || country_weights.is_some();
        active[Feature::CategoryFit.index()] = category_fit.is_some();
        active[Feature::KeywordFit.index()] = !keywords.is_empty();
        Target {
            spec: spec.clone(),
            age,
            gender,
            country_weights,
            keywords,
            category_fit,
            commission_max_bp: spec.commission.max.0 as f32,
            active,
        }
    }

    pub fn spec(&self) -> &CampaignSpec {
        &self.spec
    }

    pub fn active(&self) -> &[bool; features::FEATURE_COUNT] {
        &self.active
    }

    pub fn is_active(&self, feature: Feature) -> bool {
        self.active[feature.index()]
    }

    /// The campaign's features for the creator in `row`.
    pub fn assess(&self, index: &MatchIndex, row: usize) -> Assessed {
        let mut values = index.fixed[row];
        let (audience, audience_known) = self.audience_fit(index, row);
        values[Feature::AudienceFit.index()] = audience;
        values[Feature::CategoryFit.index()] = self.category_fit(index, row);
        values[Feature::KeywordFit.index()] = self.keyword_fit(index, row);
        values[Feature::PriceFit.index()] =
            features::price_fit(index.commission_bp[row], self.commission_max_bp);
        let mut known = values.map(|v| if v.is_nan() { 0.0 } else { 1.0 });
        known[Feature::AudienceFit.index()] = audience_known;
        let ranged = index.ranged[row];
        if ranged & RANGED_GMV != 0 {
            known[Feature::Gmv.index()] *= RANGE_CREDIT;
        }
        if ranged & RANGED_SALES_PER_VIEW != 0 {
            known[Feature::SalesPerView.index()] *= RANGE_CREDIT;
        }
        Assessed { values, known }
    }

    /// Overlap of the creator's audience with the target, 0–1, and the share of the targeted parts that
    /// were known. A part the creator's data lacks counts as [`AUDIENCE_NEUTRAL`] (shrinking the known
    /// parts' say, never presented as their value: the evidence names it unknown and confidence drops);
    /// a top audience country named without shares stands in for the countries at two thirds, the home
    /// country at half.
    pub(crate) fn audience_fit(&self, index: &MatchIndex, row: usize) -> (f32, f32) {
        let (mut sum, mut known, mut targeted) = (0.0, 0.0, 0.0);
        if let Some(t) = &self.age {
            targeted += AGE_WEIGHT;
            let a = &index.age[row];
            if !a[0].is_nan() {
                sum += AGE_WEIGHT * a.iter().zip(t).map(|(x, y)| x.min(*y)).sum::<f32>();
                known += AGE_WEIGHT;
            }
        }
        if let Some(t) = &self.gender {
            targeted += GENDER_WEIGHT;
            let [f, m] = index.gender[row];
            if !f.is_nan() {
                let other = (1.0 - f - m).max(0.0);
                sum += GENDER_WEIGHT * (f.min(t[0]) + m.min(t[1]) + other.min(t[2]));
                known += GENDER_WEIGHT;
            }
        }
        if let Some(w) = &self.country_weights {
            targeted += COUNTRY_WEIGHT;
            let ids = &index.audience_countries[row];
            if ids[0] != NO_COUNTRY {
                let shares = &index.audience_country_shares[row];
                let overlap: f32 = ids
                    .iter()
                    .zip(shares)
                    .filter(|(id, _)| **id != NO_COUNTRY)
                    .map(|(id, s)| s.min(w[*id as usize]))
                    .sum();
                sum += COUNTRY_WEIGHT * overlap;
                known += COUNTRY_WEIGHT;
            } else if index.top_country[row] != NO_COUNTRY {
                let credit = COUNTRY_WEIGHT * TOP_COUNTRY_PROXY_CREDIT;
                sum += credit * w[index.top_country[row] as usize];
                known += credit;
            } else if index.home_country[row] != NO_COUNTRY {
                let credit = COUNTRY_WEIGHT * HOME_COUNTRY_PROXY_CREDIT;
                sum += credit * w[index.home_country[row] as usize];
                known += credit;
            }
        }
        if targeted == 0.0 {
            return (f32::NAN, 1.0);
        }
        let value =
            if known > 0.0 { (sum + AUDIENCE_NEUTRAL * (targeted - known)) / targeted } else { f32::NAN };
        (value, known / targeted)
    }

    fn category_fit(&self, index: &MatchIndex, row: usize) -> f32 {
        let Some(fit) = &self.category_fit else { return f32::NAN };
        let cats = index.categories(row);
        if cats.is_empty() {
            return f32::NAN;
        }
        cats.iter().map(|c| fit[*c as usize]).fold(0.0, f32::max)
    }

    fn keyword_fit(&self, index: &MatchIndex, row: usize) -> f32 {
        if self.keywords.is_empty() {
            return f32::NAN;
        }
        let set = index.token_set(row);
        if set.is_empty() {
            return f32::NAN;
        }
        let sig = index.token_signature[row];
        let hits = self.keywords.iter().filter(|k| k.found_in(set, sig)).count();
        hits as f32 / self.keywords.len() as f32
    }

    /// Which keywords the creator's categories and bio contain, and which they do not.
    pub(crate) fn keyword_hits(&self, index: &MatchIndex, row: usize) -> (Vec<&str>, Vec<&str>) {
        let (set, sig) = (index.token_set(row), index.token_signature[row]);
        let (hit, miss): (Vec<&Keyword>, Vec<&Keyword>) =
            self.keywords.iter().partition(|k| k.found_in(set, sig));
        (hit.iter().map(|k| k.text.as_str()).collect(), miss.iter().map(|k| k.text.as_str()).collect())
    }

    pub(crate) fn country_weight(&self, id: u16) -> f32 {
        match &self.country_weights {
            Some(w) if id != NO_COUNTRY => w[id as usize],
            _ => 0.0,
        }
    }
}
