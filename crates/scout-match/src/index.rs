//! The whole workspace's creators laid out for scoring: one column per input, so ranking a million
//! creators is a tight loop over flat arrays (no allocation, no database). Campaign-independent
//! features are computed once when a creator is added; the campaign-dependent ones (audience, category,
//! keyword and commission fit) are computed per ranking from the stored inputs.

use crate::coverage::KnownCounts;
use crate::facts::{CreatorFacts, PastResults};
use crate::features::{self, Feature, FeatureRow, FEATURE_COUNT};
use crate::fx;
use crate::shop_signals::ShopSignals;
use crate::text;
use crate::warnings::{self, WarningSet};
use crate::{MatchError, Result};
use chrono::NaiveDate;
use scout_domain::{AgeBand, CountryCode};
use std::collections::HashMap;

/// `ranged` bits: GMV is a range's midpoint; sales per view rests on one.
pub(crate) const RANGED_GMV: u8 = 1;
pub(crate) const RANGED_SALES_PER_VIEW: u8 = 2;
/// How much a figure known only as a range counts towards confidence.
pub(crate) const RANGE_CREDIT: f32 = 0.5;

/// A country code packed into 0..676; [`NO_COUNTRY`] when unknown.
pub type CountryId = u16;
pub const NO_COUNTRY: CountryId = u16::MAX;
pub const MAX_AUDIENCE_COUNTRIES: usize = 5;

pub fn country_id(code: &CountryCode) -> CountryId {
    let b = code.as_str().as_bytes();
    (u16::from(b[0] - b'A')) * 26 + u16::from(b[1] - b'A')
}

pub fn country_code(id: CountryId) -> Option<String> {
    (id < 676).then(|| {
        let (a, b) = ((id / 26) as u8 + b'A', (id % 26) as u8 + b'A');
        String::from_utf8_lossy(&[a, b]).into_owned()
    })
}

/// A currency code packed into 0..17576, in alphabetical order; [`NO_CURRENCY`] when GMV is unknown.
pub type CurrencyId = u16;
pub const NO_CURRENCY: CurrencyId = u16::MAX;

pub fn currency_id(code: &str) -> CurrencyId {
    let b = code.as_bytes();
    if b.len() != 3 || !b.iter().all(u8::is_ascii_uppercase) {
        return NO_CURRENCY;
    }
    b.iter().fold(0, |id, c| id * 26 + u16::from(c - b'A'))
}

#[derive(Debug, Clone)]
pub struct MatchIndex {
    pub(crate) today: NaiveDate,
    pub(crate) ids: Vec<i64>,
    position: HashMap<i64, u32>,
    /// Campaign-independent features; the campaign-dependent slots are NaN here.
    pub(crate) fixed: Vec<FeatureRow>,
    /// Audience age shares as fractions in `AgeBand::ALL` order; `[0]` is NaN when unknown.
    pub(crate) age: Vec<[f32; 6]>,
    /// Female and male audience shares; NaN when unknown.
    pub(crate) gender: Vec<[f32; 2]>,
    pub(crate) audience_countries: Vec<[CountryId; MAX_AUDIENCE_COUNTRIES]>,
    pub(crate) audience_country_shares: Vec<[f32; MAX_AUDIENCE_COUNTRIES]>,
    /// The top audience country a source named without shares; [`NO_COUNTRY`] when none.
    pub(crate) top_country: Vec<CountryId>,
    pub(crate) home_country: Vec<CountryId>,
    /// The creator's usual commission in basis points; NaN when unknown.
    pub(crate) commission_bp: Vec<f32>,
    pub(crate) category_offsets: Vec<u32>,
    pub(crate) category_ids: Vec<u16>,
    pub(crate) category_names: Vec<String>,
    category_lookup: HashMap<String, u16>,
    pub(crate) token_offsets: Vec<u32>,
    pub(crate) tokens: Vec<u32>,
    pub(crate) token_signature: Vec<u64>,
    pub(crate) followers: Vec<f32>,
    pub(crate) following: Vec<f32>,
    pub(crate) avg_views: Vec<f32>,
    /// Engagement per view as a fraction; NaN when unknown.
    pub(crate) engagement: Vec<f32>,
    pub(crate) gmv_usd: Vec<f32>,
    /// GMV exactly as recorded, in its currency's minor units (0 when unknown): sorting compares amounts
    /// only within one currency (decision 0018).
    pub(crate) gmv_minor: Vec<i64>,
    pub(crate) gmv_currency: Vec<CurrencyId>,
    /// Which sales features rest on a range's midpoint ([`RANGED_GMV`], [`RANGED_SALES_PER_VIEW`]): known,
    /// but counted at [`RANGE_CREDIT`] in the confidence.
    pub(crate) ranged: Vec<u8>,
    /// The ranges themselves, for the rows whose GMV is one (the explanation shows them).
    pub(crate) gmv_ranges: HashMap<u32, scout_domain::MoneyRange>,
    pub(crate) has_contact: Vec<bool>,
    /// Days since 1970-01-01; `i32::MIN` when never contacted.
    pub(crate) last_contacted: Vec<i32>,
    pub(crate) as_of: Vec<NaiveDate>,
    pub(crate) warnings: Vec<WarningSet>,
    /// Growth spikes and past results are rare; kept by row.
    pub(crate) growth_spikes: HashMap<u32, warnings::GrowthSpike>,
    pub(crate) past: HashMap<u32, PastResults>,
    /// What TikTok Shop's profile says, for the rows that have one.
    pub(crate) shop: HashMap<u32, ShopSignals>,
    /// How many creators have each feature's inputs (see `coverage`).
    known: KnownCounts,
}

/// Engagement per view as a fraction: the stated rate, else derived from the averages at full precision
/// (the stored basis points would round creators with different figures to the same value).
fn engagement_of(f: &scout_domain::CreatorFigures) -> f32 {
    if let Some(bp) = f.engagement_rate {
        return bp.0 as f32 / 10_000.0;
    }
    let parts = [f.avg_likes, f.avg_comments, f.avg_shares];
    match f.avg_views.filter(|v| *v > 0) {
        Some(views) if parts.iter().any(Option::is_some) => {
            (parts.iter().flatten().sum::<u64>() as f64 / views as f64) as f32
        }
        _ => f32::NAN,
    }
}

pub(crate) fn day_number(date: NaiveDate) -> i32 {
    (date - NaiveDate::default()).num_days() as i32
}

impl MatchIndex {
    /// An empty index whose freshness and staleness are measured against `today`.
    pub fn new(today: NaiveDate) -> MatchIndex {
        MatchIndex {
            today,
            ids: Vec::new(),
            position: HashMap::new(),
            fixed: Vec::new(),
            age: Vec::new(),
            gender: Vec::new(),
            audience_countries: Vec::new(),
            audience_country_shares: Vec::new(),
            top_country: Vec::new(),
            home_country: Vec::new(),
            commission_bp: Vec::new(),
            category_offsets: vec![0],
            category_ids: Vec::new(),
            category_names: Vec::new(),
            category_lookup: HashMap::new(),
            token_offsets: vec![0],
            tokens: Vec::new(),
            token_signature: Vec::new(),
            followers: Vec::new(),
            following: Vec::new(),
            avg_views: Vec::new(),
            engagement: Vec::new(),
            gmv_usd: Vec::new(),
            gmv_minor: Vec::new(),
            gmv_currency: Vec::new(),
            ranged: Vec::new(),
            gmv_ranges: HashMap::new(),
            has_contact: Vec::new(),
            last_contacted: Vec::new(),
            as_of: Vec::new(),
            warnings: Vec::new(),
            growth_spikes: HashMap::new(),
            past: HashMap::new(),
            shop: HashMap::new(),
            known: KnownCounts::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn id(&self, row: usize) -> i64 {
        self.ids[row]
    }

    /// The row holding creator `id`.
    pub fn row_of(&self, id: i64) -> Option<usize> {
        self.position.get(&id).map(|r| *r as usize)
    }

    /// Adds one creator. Each creator appears once: adding an id twice is refused, not duplicated.
    pub fn push(&mut self, facts: &CreatorFacts) -> Result<()> {
        if self.position.contains_key(&facts.id) {
            return Err(MatchError::DuplicateCreator(facts.id));
        }
        let row = self.ids.len() as u32;
        self.position.insert(facts.id, row);
        self.ids.push(facts.id);
        let f = &facts.figures;
        let num = |v: Option<u64>| v.map_or(f32::NAN, |n| n as f32);
        let followers = num(f.followers);
        let avg_views = num(f.avg_views);
        let engagement = engagement_of(f);
        // A range (a private TikTok Shop creator's "$1K–10K") is read at its midpoint.
        let gmv = f.gmv_estimate();
        let gmv_usd = gmv.as_ref().and_then(fx::to_usd).map_or(f32::NAN, |v| v as f32);
        let mut ranged =
            if f.gmv.is_none() && f.gmv_range.is_some() { RANGED_GMV | RANGED_SALES_PER_VIEW } else { 0 };

        let mut fixed = [f32::NAN; FEATURE_COUNT];
        fixed[Feature::EngagementVsTier.index()] = features::engagement_vs_tier(engagement, followers);
        fixed[Feature::Reach.index()] = features::reach(followers);
        fixed[Feature::Gmv.index()] = features::gmv(gmv_usd);
        fixed[Feature::SalesPerView.index()] = features::sales_per_view(gmv_usd, avg_views);
        fixed[Feature::PastResults.index()] = features::past_results(facts.past.invited, facts.past.posted);
        fixed[Feature::Freshness.index()] = features::freshness((self.today - facts.as_of).num_days());
        fixed[Feature::ViewRate.index()] = features::view_rate(avg_views, followers);
        if let Some(shop) = facts.shop.as_ref().map(ShopSignals::of) {
            fixed[Feature::PostingRecord.index()] = features::posting_record(shop.fulfilment, shop.post_rate);
            // TikTok's GPM is GMV per 1,000 views measured over the creator's videos: better evidence
            // than GMV over an average video's views.
            if let Some(gpm) = shop.gpm_usd {
                fixed[Feature::SalesPerView.index()] = features::gmv(gpm);
                ranged &= !RANGED_SALES_PER_VIEW;
                if shop.gpm_is_range {
                    ranged |= RANGED_SALES_PER_VIEW;
                }
            }
            self.shop.insert(row, shop);
        }
        self.fixed.push(fixed);

        self.push_audience(facts);
        self.home_country.push(facts.country.as_ref().map_or(NO_COUNTRY, country_id));
        self.commission_bp.push(f.avg_commission_rate.map_or(f32::NAN, |bp| bp.0 as f32));
        for name in &facts.categories {
            let id = self.intern_category(name);
            self.category_ids.push(id);
        }
        self.category_offsets.push(self.category_ids.len() as u32);
        let set = text::token_set(facts.categories.iter().map(String::as_str).chain(facts.bio.as_deref()));
        self.token_signature.push(text::signature(&set));
        self.tokens.extend(set);
        self.token_offsets.push(self.tokens.len() as u32);

        self.followers.push(followers);
        self.following.push(num(f.following));
        self.avg_views.push(avg_views);
        self.engagement.push(engagement);
        self.gmv_usd.push(gmv_usd);
        self.gmv_minor.push(gmv.as_ref().map_or(0, |m| m.minor));
        self.gmv_currency.push(gmv.as_ref().map_or(NO_CURRENCY, |m| currency_id(m.currency.code())));
        self.ranged.push(ranged);
        if let (None, Some(range)) = (&f.gmv, &f.gmv_range) {
            self.gmv_ranges.insert(row, range.clone());
        }
        self.has_contact.push(facts.has_contact);
        self.last_contacted.push(facts.last_contacted.map_or(i32::MIN, day_number));
        self.as_of.push(facts.as_of);
        if facts.past.invited > 0 {
            self.past.insert(row, facts.past);
        }
        let spike = warnings::growth_spike(&facts.follower_history);
        let set = warnings::assess(self, row as usize, spike.is_some());
        if let Some(spike) = spike {
            self.growth_spikes.insert(row, spike);
        }
        self.warnings.push(set);
        self.count_known(row as usize);
        Ok(())
    }

    /// Adds the row's known inputs to the per-feature counts: the campaign-independent features when
    /// their value is known, and the inputs of the campaign-dependent ones.
    fn count_known(&mut self, row: usize) {
        let mut known = self.fixed[row].map(|v| u64::from(!v.is_nan()));
        let audience = !self.age[row][0].is_nan()
            || !self.gender[row][0].is_nan()
            || self.audience_countries[row][0] != NO_COUNTRY
            || self.top_country[row] != NO_COUNTRY
            || self.home_country[row] != NO_COUNTRY;
        known[Feature::AudienceFit.index()] = u64::from(audience);
        known[Feature::CategoryFit.index()] = u64::from(!self.categories(row).is_empty());
        known[Feature::KeywordFit.index()] = u64::from(!self.token_set(row).is_empty());
        known[Feature::PriceFit.index()] = u64::from(!self.commission_bp[row].is_nan());
        for (count, k) in self.known.0.iter_mut().zip(known) {
            *count += k;
        }
    }

    /// How many creators have each feature's inputs.
    pub(crate) fn known_counts(&self) -> KnownCounts {
        self.known
    }

    fn push_audience(&mut self, facts: &CreatorFacts) {
        let share = |bp: u32| bp as f32 / 10_000.0;
        let mut age = [f32::NAN; 6];
        let mut gender = [f32::NAN; 2];
        let mut countries = [NO_COUNTRY; MAX_AUDIENCE_COUNTRIES];
        let mut shares = [0.0; MAX_AUDIENCE_COUNTRIES];
        let mut top = NO_COUNTRY;
        if let Some(mix) = &facts.audience {
            top = mix.top_country.as_ref().map_or(NO_COUNTRY, country_id);
            if !mix.age.is_empty() {
                age = [0.0; 6];
                for a in &mix.age {
                    let i = AgeBand::ALL.iter().position(|b| *b == a.band).unwrap_or(0);
                    age[i] = share(a.share.0);
                }
            }
            if let Some(g) = &mix.gender {
                gender = [share(g.female.0), share(g.male.0)];
            }
            // Sources give the top few countries, largest first; beyond five the tail is too small to
            // change a fit, and the detail drawer still shows every stored country.
            for (i, c) in mix.countries.iter().take(MAX_AUDIENCE_COUNTRIES).enumerate() {
                countries[i] = country_id(&c.country);
                shares[i] = share(c.share.0);
            }
        }
        self.age.push(age);
        self.gender.push(gender);
        self.audience_countries.push(countries);
        self.audience_country_shares.push(shares);
        self.top_country.push(top);
    }

    fn intern_category(&mut self, name: &str) -> u16 {
        let key = crate::taxonomy::canonical(name).map_or_else(|| name.trim().to_string(), str::to_string);
        if let Some(id) = self.category_lookup.get(&key) {
            return *id;
        }
        let id = self.category_names.len() as u16;
        self.category_names.push(key.clone());
        self.category_lookup.insert(key, id);
        id
    }

    pub fn reserve(&mut self, additional: usize) {
        self.ids.reserve(additional);
        self.fixed.reserve(additional);
        self.age.reserve(additional);
        self.gender.reserve(additional);
        self.audience_countries.reserve(additional);
        self.audience_country_shares.reserve(additional);
        self.top_country.reserve(additional);
        self.home_country.reserve(additional);
        self.commission_bp.reserve(additional);
        self.followers.reserve(additional);
        self.following.reserve(additional);
        self.avg_views.reserve(additional);
        self.engagement.reserve(additional);
        self.gmv_usd.reserve(additional);
        self.gmv_minor.reserve(additional);
        self.gmv_currency.reserve(additional);
        self.ranged.reserve(additional);
        self.has_contact.reserve(additional);
        self.last_contacted.reserve(additional);
        self.as_of.reserve(additional);
        self.warnings.reserve(additional);
    }

    pub(crate) fn categories(&self, row: usize) -> &[u16] {
        &self.category_ids[self.category_offsets[row] as usize..self.category_offsets[row + 1] as usize]
    }

    pub(crate) fn token_set(&self, row: usize) -> &[u32] {
        &self.tokens[self.token_offsets[row] as usize..self.token_offsets[row + 1] as usize]
    }

    /// The category names of a row, as interned.
    pub fn category_names_of(&self, row: usize) -> Vec<&str> {
        self.categories(row).iter().map(|id| self.category_names[*id as usize].as_str()).collect()
    }

    pub fn warning_kinds(&self, row: usize) -> Vec<warnings::WarningKind> {
        self.warnings[row].kinds()
    }

    pub fn past_results(&self, row: usize) -> Option<PastResults> {
        self.past.get(&(row as u32)).copied()
    }
}
