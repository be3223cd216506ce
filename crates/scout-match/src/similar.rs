//! Creators like each other: "more like this" lookalikes of any creator, and how much the audiences on
//! a shortlist resemble each other. Exports carry no follower lists, so overlap is measured between
//! audience *profiles* (age, gender and country mixes) — an upper bound on shared reach, said so wherever
//! it is shown, never a count of shared followers.

use crate::features::Feature;
use crate::format::count;
use crate::index::{MatchIndex, NO_COUNTRY};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Profiles at least this alike are "closely alike" in the overlap summary.
pub const ALIKE: f32 = 0.8;

/// How alike two creators' audiences are, 0–1, over the parts both have data for; `None` when they have
/// no part in common.
pub fn audience_similarity(index: &MatchIndex, a: usize, b: usize) -> Option<f32> {
    let (mut sum, mut weight) = (0.0, 0.0);
    let (age_a, age_b) = (&index.age[a], &index.age[b]);
    if !age_a[0].is_nan() && !age_b[0].is_nan() {
        sum += 0.4 * age_a.iter().zip(age_b).map(|(x, y)| x.min(*y)).sum::<f32>();
        weight += 0.4;
    }
    let ([fa, ma], [fb, mb]) = (index.gender[a], index.gender[b]);
    if !fa.is_nan() && !fb.is_nan() {
        let (oa, ob) = ((1.0 - fa - ma).max(0.0), (1.0 - fb - mb).max(0.0));
        sum += 0.3 * (fa.min(fb) + ma.min(mb) + oa.min(ob));
        weight += 0.3;
    }
    let (ca, cb) = (&index.audience_countries[a], &index.audience_countries[b]);
    if ca[0] != NO_COUNTRY && cb[0] != NO_COUNTRY {
        let (sa, sb) = (&index.audience_country_shares[a], &index.audience_country_shares[b]);
        let mut overlap = 0.0;
        for (i, id) in ca.iter().enumerate().filter(|(_, id)| **id != NO_COUNTRY) {
            if let Some(j) = cb.iter().position(|x| x == id) {
                overlap += sa[i].min(sb[j]);
            }
        }
        sum += 0.3 * overlap;
        weight += 0.3;
    }
    (weight > 0.0).then(|| sum / weight)
}

fn category_overlap(index: &MatchIndex, a: usize, b: usize) -> f32 {
    let (ca, cb) = (index.categories(a), index.categories(b));
    if ca.is_empty() || cb.is_empty() {
        return 0.0;
    }
    let shared = ca.iter().filter(|c| cb.contains(c)).count() as f32;
    shared / (ca.len() + cb.len()) as f32 * 2.0
}

fn closeness(x: f32, y: f32, scale: f32) -> f32 {
    if x.is_nan() || y.is_nan() {
        0.0
    } else {
        (1.0 - (x - y).abs() / scale).max(0.0)
    }
}

fn same_home(index: &MatchIndex, a: usize, b: usize) -> bool {
    index.home_country[a] != NO_COUNTRY && index.home_country[a] == index.home_country[b]
}

/// Lookalike similarity: audience profile 40 %, same home country 5 %, categories 30 %, size 15 %,
/// engagement for the tier 10 %. A part either creator lacks data for counts zero.
pub fn similarity(index: &MatchIndex, a: usize, b: usize) -> f32 {
    let (fa, fb) = (&index.fixed[a], &index.fixed[b]);
    let reach = Feature::Reach.index();
    let engagement = Feature::EngagementVsTier.index();
    0.40 * audience_similarity(index, a, b).unwrap_or(0.0)
        + 0.05 * f32::from(u8::from(same_home(index, a, b)))
        + 0.30 * category_overlap(index, a, b)
        + 0.15 * closeness(fa[reach], fb[reach], 2.0)
        + 0.10 * closeness(fa[engagement], fb[engagement], 1.5)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Lookalike {
    #[ts(type = "number")]
    pub creator_id: i64,
    /// 0–1.
    pub similarity: f32,
    /// Why they are alike, in plain words.
    pub reasons: Vec<String>,
}

/// The `k` creators most like the one in `row`, most alike first.
pub fn lookalikes(index: &MatchIndex, row: usize, k: usize) -> Vec<Lookalike> {
    let mut scored: Vec<(usize, f32)> = (0..index.len())
        .into_par_iter()
        .filter(|r| *r != row)
        .map(|r| (r, similarity(index, row, r)))
        .collect();
    let k = k.min(scored.len());
    if k == 0 {
        return Vec::new();
    }
    let order = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    scored.select_nth_unstable_by(k - 1, order);
    scored.truncate(k);
    scored.sort_by(order);
    scored
        .into_iter()
        .map(|(r, s)| Lookalike { creator_id: index.id(r), similarity: s, reasons: reasons(index, row, r) })
        .collect()
}

fn reasons(index: &MatchIndex, a: usize, b: usize) -> Vec<String> {
    let mut out = Vec::new();
    let shared: Vec<&str> =
        index.category_names_of(a).into_iter().filter(|c| index.category_names_of(b).contains(c)).collect();
    if !shared.is_empty() {
        out.push(format!("Both post in {}", shared.join(", ")));
    }
    if let Some(s) = audience_similarity(index, a, b) {
        out.push(format!("Audience profiles {:.0} % alike", s * 100.0));
    }
    if let Some(home) = crate::index::country_code(index.home_country[a]).filter(|_| same_home(index, a, b)) {
        out.push(format!("Both based in {home}"));
    }
    let (fa, fb) = (index.followers[a], index.followers[b]);
    if !fa.is_nan()
        && !fb.is_nan()
        && closeness(index.fixed[a][Feature::Reach.index()], index.fixed[b][Feature::Reach.index()], 2.0)
            > 0.75
    {
        out.push(format!("Similar size ({} vs {} followers)", count(fa), count(fb)));
    }
    out
}

/// Two shortlisted creators' audience-profile similarity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PairOverlap {
    #[ts(type = "number")]
    pub a: i64,
    #[ts(type = "number")]
    pub b: i64,
    /// 0–1; `None` when the two have no audience data in common.
    pub similarity: Option<f32>,
    /// At least [`ALIKE`]: counted in `followers_possibly_duplicated`.
    pub alike: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceOverlap {
    /// Every pair, most alike first.
    pub pairs: Vec<PairOverlap>,
    #[ts(type = "number")]
    pub followers_total: u64,
    /// Followers of the creators whose audience is closely alike (≥ [`ALIKE`]) to a larger shortlisted
    /// creator's: the most reach that may be duplicated.
    #[ts(type = "number")]
    pub followers_possibly_duplicated: u64,
    /// Creators with no audience data to compare.
    #[ts(type = "number")]
    pub without_audience_data: u64,
    /// The similarity from which two profiles count as closely alike ([`ALIKE`]).
    pub alike_from: f32,
    pub note: String,
}

pub fn audience_overlap(index: &MatchIndex, rows: &[usize]) -> AudienceOverlap {
    let mut pairs = Vec::new();
    let mut duplicated = vec![false; rows.len()];
    for (i, &a) in rows.iter().enumerate() {
        for (j, &b) in rows.iter().enumerate().skip(i + 1) {
            let similarity = audience_similarity(index, a, b);
            if similarity.is_some_and(|s| s >= ALIKE) {
                // The smaller audience is the one that may be reached twice.
                let smaller = if index.followers[a] <= index.followers[b] { i } else { j };
                duplicated[smaller] = true;
            }
            let alike = similarity.is_some_and(|s| s >= ALIKE);
            pairs.push(PairOverlap { a: index.id(a), b: index.id(b), similarity, alike });
        }
    }
    pairs.sort_by(|x, y| y.similarity.unwrap_or(-1.0).total_cmp(&x.similarity.unwrap_or(-1.0)));
    let followers = |r: usize| index.followers[r].max(0.0) as u64;
    let no_data = |r: usize| {
        index.age[r][0].is_nan()
            && index.gender[r][0].is_nan()
            && index.audience_countries[r][0] == NO_COUNTRY
    };
    AudienceOverlap {
        pairs,
        followers_total: rows.iter().map(|r| followers(*r)).sum(),
        followers_possibly_duplicated: rows.iter().zip(&duplicated).filter(|(_, d)| **d).map(|(r, _)| followers(*r)).sum(),
        without_audience_data: rows.iter().filter(|r| no_data(**r)).count() as u64,
        alike_from: ALIKE,
        note: format!(
            "Measured between audience profiles (age, gender, countries), not follower lists, which exports do not \
             carry: \"possibly duplicated\" counts the followers of each creator whose profile is at least {:.0} % \
             like a larger shortlisted creator's — an upper bound, not a count of shared followers.",
            ALIKE * 100.0
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{CreatorFacts, PastResults};
    use scout_domain::*;

    fn creator(id: i64, followers: u64, female: u32, category: &str) -> CreatorFacts {
        let bp = BasisPoints;
        CreatorFacts {
            id,
            figures: CreatorFigures {
                followers: Some(followers),
                engagement_rate: Some(bp(600)),
                ..Default::default()
            },
            categories: vec![category.into()],
            bio: None,
            country: CountryCode::parse("US").ok(),
            has_contact: false,
            audience: Some(AudienceMix {
                gender: Some(GenderSplit { female: bp(female), male: bp(10_000 - female), other: bp(0) }),
                ..Default::default()
            }),
            as_of: "2026-11-01".parse().unwrap(),
            follower_history: vec![],
            past: PastResults::default(),
            last_contacted: None,
            shop: None,
        }
    }

    fn index() -> MatchIndex {
        let mut ix = MatchIndex::new("2026-11-24".parse().unwrap());
        for c in [
            creator(1, 50_000, 8_000, "Beauty & Personal Care"),
            creator(2, 60_000, 7_900, "Beauty & Personal Care"),
            creator(3, 2_000_000, 1_000, "Electronics"),
            creator(4, 40_000, 8_200, "Womenswear"),
        ] {
            ix.push(&c).unwrap();
        }
        ix
    }

    #[test]
    fn lookalikes_share_audience_category_and_size() {
        let ix = index();
        let found = lookalikes(&ix, 0, 3);
        assert_eq!(found.iter().map(|l| l.creator_id).collect::<Vec<_>>(), [2, 4, 3], "most alike first");
        assert!(found[0].reasons.iter().any(|r| r.contains("Beauty")), "{:?}", found[0].reasons);
        assert!(found.iter().all(|l| l.creator_id != 1), "never itself");
    }

    #[test]
    fn overlap_flags_the_smaller_of_two_alike_audiences() {
        let ix = index();
        let o = audience_overlap(&ix, &[0, 1, 2]);
        assert_eq!(o.pairs.len(), 3, "every pair");
        assert_eq!((o.pairs[0].a, o.pairs[0].b), (1, 2), "the two beauty creators are most alike");
        assert_eq!(o.followers_total, 2_110_000);
        assert_eq!(o.followers_possibly_duplicated, 50_000, "the smaller of the alike pair");
        assert!(o.pairs[0].alike && !o.pairs[2].alike, "pairs say whether they count as closely alike");
    }
}
