//! The campaign-history simulator: made-up campaigns, invitations and outcomes drawn from documented,
//! known effects, so tests can check that training recovers them. Everything it makes is labelled
//! simulated — campaign names start with "Simulated:", outcomes are stored with source "simulated", and
//! the model card says so.
//!
//! How an outcome is drawn: the creator's features for the campaign are standardized with the synthetic
//! population's own means and standard deviations ([`population_scale`], independent of the default
//! model, which is calibrated on real data); the chance of a post is σ(TRUE_INTERCEPT + Σ TRUE_EFFECTS·z);
//! a post sells GMV ≈ exp(4 + 0.2·z_reach + 0.5·z_sales_per_view + 0.4·z_audience + N(0, 0.8)) US$
//! (0.2 per standard deviation of log followers is domain.md's impression elasticity of about 0.1).
//! The simulated seller is a small shop and its truth differs from the generic default model on purpose
//! (reach lowers the chance of a post, −0.8: big creators seldom post for a small seller; commission fit
//! matters more), so a model learned from its history should beat the default (decision 0011).

use crate::catalog::CATEGORIES;
use crate::draw::{chance, normal, pick, pick_weighted, row_rng, uniform};
use crate::markets::MARKETS;
use chrono::{Days, NaiveDate};
use rand::RngExt;
use scout_domain::{
    AgeBand, AgeShare, BasisPoints, CampaignSpec, CommissionRange, CountryCode, CountryShare, CreatorRecord,
    Currency, GenderSplit, Money, ProductSpec, TargetAudience,
};
use scout_match::{
    CreatorFacts, Example, Feature, LinearModel, MatchIndex, PastResults, Target, FEATURE_COUNT,
};

/// The true effect of each standardized feature on the log-odds of a post.
pub const TRUE_EFFECTS: [(Feature, f64); FEATURE_COUNT] = [
    (Feature::AudienceFit, 1.0),
    (Feature::CategoryFit, 0.8),
    (Feature::KeywordFit, 0.2),
    (Feature::EngagementVsTier, 0.6),
    (Feature::Reach, -0.8),
    (Feature::Gmv, 0.3),
    (Feature::SalesPerView, 0.2),
    (Feature::PastResults, 0.0),
    (Feature::PriceFit, 0.7),
    (Feature::Freshness, 0.0),
    (Feature::ViewRate, 0.3),
    // Demo creators have no TikTok Shop profile: the feature is missing for all of them.
    (Feature::PostingRecord, 0.0),
];
/// About a third of invitations lead to a post at average features (domain.md: 30–40 % of samples).
pub const TRUE_INTERCEPT: f64 = -0.7;

pub const SIMULATED_PREFIX: &str = "Simulated: ";

/// Means and standard deviations of the generated population (`scout-fixtures`' creators, measured on
/// 20,000 of them; the campaign-dependent ones on the example campaign): the scale the true effects are
/// stated on. Taken from the default model's file for the shape, with these moments put in.
const POPULATION_MOMENTS: [(Feature, f64, f64); FEATURE_COUNT] = [
    (Feature::AudienceFit, 0.55, 0.2),
    (Feature::CategoryFit, 0.45, 0.4),
    (Feature::KeywordFit, 0.05, 0.15),
    (Feature::EngagementVsTier, -0.431, 0.438),
    (Feature::Reach, 4.07, 0.79),
    (Feature::Gmv, 2.2, 1.7),
    (Feature::SalesPerView, 1.8, 1.35),
    (Feature::PastResults, 0.35, 0.2),
    (Feature::PriceFit, 0.9, 0.2),
    (Feature::Freshness, 0.7, 0.2),
    (Feature::ViewRate, -0.672, 0.281),
    (Feature::PostingRecord, 0.4, 0.15),
];

/// The population's own standardization, as a model (its weights are unused).
pub fn population_scale() -> Option<LinearModel> {
    let mut file = LinearModel::default_model().ok()?.file().clone();
    for f in &mut file.features {
        if let Some((_, mean, std)) = POPULATION_MOMENTS.iter().find(|(g, _, _)| *g == f.feature) {
            (f.mean, f.std) = (*mean, *std);
        }
    }
    LinearModel::from_file(file).ok()
}

#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedOutcome {
    /// Index into [`SimulatedHistory::campaigns`].
    pub campaign: usize,
    pub creator_id: i64,
    pub invited_on: NaiveDate,
    pub replied: bool,
    pub accepted: bool,
    pub posted: bool,
    pub gmv_usd: f64,
    pub cost_usd: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedHistory {
    pub campaigns: Vec<CampaignSpec>,
    pub outcomes: Vec<SimulatedOutcome>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HistoryConfig {
    pub seed: u64,
    pub campaigns: usize,
    pub invites_per_campaign: usize,
    /// The last campaign starts shortly before this date; the first about a year earlier.
    pub until: NaiveDate,
}

/// The match engine's view of a generated creator.
pub fn facts_from_record(id: i64, record: &CreatorRecord, as_of: NaiveDate) -> CreatorFacts {
    CreatorFacts {
        id,
        figures: record.figures.clone(),
        categories: record.profile.categories.clone(),
        bio: record.profile.bio.clone(),
        country: record.profile.country.clone(),
        has_contact: record.profile.email.is_some(),
        audience: record.audience.clone(),
        as_of: record.as_of.unwrap_or(as_of),
        follower_history: record
            .figures
            .followers
            .map(|f| vec![(record.as_of.unwrap_or(as_of), f)])
            .unwrap_or_default(),
        past: PastResults::default(),
        last_contacted: None,
        shop: None,
    }
}

fn bp(fraction: f64) -> BasisPoints {
    BasisPoints((fraction * 10_000.0).round() as u32)
}

fn campaign(seed: u64, n: usize, start: NaiveDate) -> CampaignSpec {
    let mut rng = row_rng(seed ^ 0x5eed_ca4a, n as u64);
    let cat = pick_weighted(&mut rng, &CATEGORIES, |c| c.weight);
    // The two or three adjacent age bands holding most of the category's audience.
    let best = (0..5)
        .max_by(|a, b| (cat.ages[*a] + cat.ages[*a + 1]).total_cmp(&(cat.ages[*b] + cat.ages[*b + 1])))
        .unwrap_or(1);
    let first_share = (cat.ages[best] / (cat.ages[best] + cat.ages[best + 1]) * 100.0).round() / 100.0;
    let age = vec![
        AgeShare { band: AgeBand::ALL[best], share: bp(first_share) },
        AgeShare { band: AgeBand::ALL[best + 1], share: bp(1.0 - first_share) },
    ];
    let female = (cat.female * 10.0).round() / 10.0;
    let market = pick_weighted(&mut rng, &MARKETS, |m| m.weight);
    let countries = CountryCode::parse(market.code)
        .map(|c| vec![CountryShare { country: c, share: bp(1.0) }])
        .unwrap_or_default();
    let keywords: Vec<String> = pick(&mut rng, &cat.hooks)
        .split_whitespace()
        .filter(|w| w.len() > 4 && w.chars().all(char::is_alphabetic))
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let price = (cat.price_usd * uniform(&mut rng, 0.7, 1.4) * 100.0).round() as i64;
    let (lo, hi) = cat.commission_bp;
    let usd = Currency::usd();
    CampaignSpec {
        name: format!("{SIMULATED_PREFIX}{} #{} ({start})", cat.name, n + 1),
        product: ProductSpec {
            name: format!("Simulated {} product", cat.name.to_lowercase()),
            category: Some(cat.name.to_string()),
            price: Money::new(price, usd.clone()),
            unit_cost: Money::new(price * 3 / 10, usd.clone()),
            tiktok_product_id: None,
        },
        audience: TargetAudience {
            age,
            gender: Some(GenderSplit { female: bp(female), male: bp(1.0 - female), other: BasisPoints(0) }),
            countries,
            keywords,
        },
        commission: CommissionRange { min: BasisPoints(lo), max: BasisPoints(hi) },
        sample_budget: Money::new(rng.random_range(20..200) * 10_000, usd.clone()),
        flat_fee_budget: Money::new(0, usd),
        roi_target_percent: Some(100),
    }
}

impl SimulatedHistory {
    /// The outcomes as training examples: each creator's features for the campaign that invited them.
    pub fn examples(&self, index: &MatchIndex) -> Vec<Example> {
        let targets: Vec<Target> = self.campaigns.iter().map(|spec| Target::compile(spec, index)).collect();
        self.outcomes
            .iter()
            .filter_map(|o| {
                let row = index.row_of(o.creator_id)?;
                let target = &targets[o.campaign];
                Some(Example {
                    campaign_id: o.campaign as i64,
                    values: target.assess(index, row).values,
                    active: *target.active(),
                    posted: o.posted,
                    gmv_usd: o.gmv_usd,
                    invited_on: o.invited_on,
                })
            })
            .collect()
    }
}

/// Simulates `cfg.campaigns` campaigns over the creators in `index`, each inviting
/// `cfg.invites_per_campaign` distinct creators (two thirds from the product's category family).
pub fn simulate(index: &MatchIndex, cfg: &HistoryConfig) -> SimulatedHistory {
    let Some(reference) = population_scale() else {
        return SimulatedHistory { campaigns: Vec::new(), outcomes: Vec::new() };
    };
    let mut campaigns = Vec::new();
    let mut outcomes = Vec::new();
    for n in 0..cfg.campaigns {
        let days_before = 365 - (n * 330 / cfg.campaigns.max(1)) as u64;
        let start = cfg.until.checked_sub_days(Days::new(days_before)).unwrap_or(cfg.until);
        let spec = campaign(cfg.seed, n, start);
        let target = Target::compile(&spec, index);
        let mut rng = row_rng(cfg.seed ^ 0x0ca7_c0de, n as u64);
        let mut invited = std::collections::HashSet::new();
        let mut attempts = 0;
        while invited.len() < cfg.invites_per_campaign.min(index.len())
            && attempts < cfg.invites_per_campaign * 50
        {
            attempts += 1;
            let row = rng.random_range(0..index.len());
            let in_family = target.assess(index, row).values[Feature::CategoryFit.index()] > 0.0;
            if (!in_family && chance(&mut rng, 0.67)) || !invited.insert(row) {
                continue;
            }
            let assessed = target.assess(index, row);
            let z = reference.standardize(&assessed.values, target.active());
            let logit =
                TRUE_INTERCEPT + TRUE_EFFECTS.iter().map(|(f, b)| b * f64::from(z[f.index()])).sum::<f64>();
            let posted = chance(&mut rng, 1.0 / (1.0 + (-logit).exp()));
            let accepted = posted || chance(&mut rng, 0.15);
            let replied = accepted || chance(&mut rng, 0.1);
            let zf = |f: Feature| f64::from(z[f.index()]);
            let gmv_usd = if posted {
                let log_gmv = 4.0
                    + 0.2 * zf(Feature::Reach)
                    + 0.5 * zf(Feature::SalesPerView)
                    + 0.4 * zf(Feature::AudienceFit)
                    + 0.8 * normal(&mut rng);
                (log_gmv.exp() * 100.0).round() / 100.0
            } else {
                0.0
            };
            let sample_cost = spec.product.unit_cost.minor as f64 / 100.0;
            let commission = gmv_usd * f64::from(spec.commission.max.0) / 10_000.0;
            outcomes.push(SimulatedOutcome {
                campaign: n,
                creator_id: index.id(row),
                invited_on: start.checked_add_days(Days::new(rng.random_range(0..21))).unwrap_or(start),
                replied,
                accepted,
                posted,
                gmv_usd,
                cost_usd: if accepted { sample_cost + commission } else { 0.0 },
            });
        }
        campaigns.push(spec);
    }
    SimulatedHistory { campaigns, outcomes }
}
