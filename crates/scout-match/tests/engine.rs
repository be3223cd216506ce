//! The match engine end to end on hand-made creators: ranking, exact explanations, confidence, warnings,
//! filters.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use scout_domain::*;
use scout_match::*;

#[path = "engine/samples_simulation.rs"]
mod samples_simulation;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn bp(n: u32) -> BasisPoints {
    BasisPoints(n)
}

fn spec() -> CampaignSpec {
    let usd = Currency::usd();
    CampaignSpec {
        name: "Glow serum".into(),
        product: ProductSpec {
            name: "Glow serum".into(),
            category: Some("Beauty & Personal Care".into()),
            price: Money::new(2_400, usd.clone()),
            unit_cost: Money::new(600, usd.clone()),
            tiktok_product_id: None,
        },
        audience: TargetAudience {
            age: vec![
                AgeShare { band: AgeBand::Age18To24, share: bp(5_000) },
                AgeShare { band: AgeBand::Age25To34, share: bp(5_000) },
            ],
            gender: Some(GenderSplit { female: bp(7_000), male: bp(3_000), other: bp(0) }),
            countries: vec![CountryShare { country: CountryCode::parse("US").unwrap(), share: bp(10_000) }],
            keywords: vec!["serum".into(), "skincare".into()],
        },
        commission: CommissionRange { min: bp(1_500), max: bp(2_000) },
        sample_budget: Money::new(50_000, usd.clone()),
        flat_fee_budget: Money::new(0, usd),
        roi_target_percent: None,
    }
}

fn audience(female: u32, young: u32, us: u32) -> AudienceMix {
    AudienceMix {
        age: vec![
            AgeShare { band: AgeBand::Age18To24, share: bp(young / 2) },
            AgeShare { band: AgeBand::Age25To34, share: bp(young - young / 2) },
            AgeShare { band: AgeBand::Age35To44, share: bp(10_000 - young) },
        ],
        gender: Some(GenderSplit { female: bp(female), male: bp(10_000 - female), other: bp(0) }),
        countries: vec![CountryShare { country: CountryCode::parse("US").unwrap(), share: bp(us) }],
        top_country: None,
    }
}

fn creator(
    id: i64,
    followers: u64,
    engagement_bp: u32,
    category: &str,
    mix: Option<AudienceMix>,
) -> CreatorFacts {
    CreatorFacts {
        id,
        figures: CreatorFigures {
            followers: Some(followers),
            following: Some(300),
            avg_views: Some(followers / 5),
            engagement_rate: Some(bp(engagement_bp)),
            gmv: Some(Money::new(500_000, Currency::usd())),
            avg_commission_rate: Some(bp(1_800)),
            ..Default::default()
        },
        categories: vec![category.into()],
        bio: Some("Daily skincare routines and serum reviews".into()),
        country: Some(CountryCode::parse("US").unwrap()),
        has_contact: true,
        audience: mix,
        as_of: day("2026-11-01"),
        follower_history: vec![],
        past: PastResults::default(),
        last_contacted: None,
        shop: None,
    }
}

fn index(creators: &[CreatorFacts]) -> MatchIndex {
    let mut index = MatchIndex::new(day("2026-11-24"));
    for c in creators {
        index.push(c).unwrap();
    }
    index
}

fn top(index: &MatchIndex, query: RankQuery) -> Vec<i64> {
    let target = Target::compile(&spec(), index);
    let model = LinearModel::default_model().unwrap();
    rank(index, &target, &model, &RankQuery { limit: 50, ..query })
        .page
        .iter()
        .map(|r| index.id(r.row as usize))
        .collect()
}

#[test]
fn the_creator_whose_audience_fits_ranks_first() {
    let ix = index(&[
        creator(1, 50_000, 650, "Electronics", Some(audience(2_000, 3_000, 2_000))),
        creator(2, 50_000, 650, "Beauty & Personal Care", Some(audience(8_000, 9_000, 9_000))),
        creator(3, 50_000, 650, "Health & Supplements", Some(audience(6_000, 6_000, 6_000))),
    ]);
    assert_eq!(
        top(&ix, RankQuery::default()),
        [2, 3, 1],
        "beauty + fitting audience first, electronics last"
    );
}

#[test]
fn contributions_add_up_to_the_score_exactly() {
    let ix = index(&[
        creator(1, 50_000, 650, "Electronics", Some(audience(2_000, 3_000, 2_000))),
        creator(2, 2_000_000, 900, "Beauty & Personal Care", Some(audience(8_000, 9_000, 9_000))),
        creator(3, 800, 100, "Womenswear", None),
    ]);
    let target = Target::compile(&spec(), &ix);
    let model = LinearModel::default_model().unwrap();
    for row in 0..ix.len() {
        let e = explain(&ix, &target, &model, row);
        let sum: f32 = e.baseline + e.factors.iter().map(|f| f.points).sum::<f32>();
        assert!((sum - e.score).abs() < 1e-3, "row {row}: baseline + Σ points = {sum}, score = {}", e.score);
        assert!((0.0..=100.0).contains(&e.score));
        for f in &e.factors {
            assert!(!f.evidence.is_empty(), "{:?} has evidence", f.feature);
        }
    }
}

#[test]
fn missing_demographics_lower_confidence_but_still_score() {
    let ix = index(&[
        creator(1, 50_000, 650, "Beauty & Personal Care", Some(audience(7_000, 10_000, 10_000))),
        creator(2, 50_000, 650, "Beauty & Personal Care", None),
    ]);
    let target = Target::compile(&spec(), &ix);
    let model = LinearModel::default_model().unwrap();
    let (full, partial) = (explain(&ix, &target, &model, 0), explain(&ix, &target, &model, 1));
    assert!(partial.confidence < full.confidence - 0.1, "{} vs {}", partial.confidence, full.confidence);
    assert!(partial.score > 0.0, "a creator without demographics still gets a score");
    let audience = partial.factors.iter().find(|f| f.feature == Feature::AudienceFit).unwrap();
    assert!(
        audience.evidence.contains("unknown"),
        "the evidence says the mix is unknown: {}",
        audience.evidence
    );
    assert!(
        partial.confidence_notes.iter().any(|n| n.contains("Audience")),
        "{:?}",
        partial.confidence_notes
    );
}

#[test]
fn evidence_reads_in_plain_words() {
    let ix =
        index(&[creator(1, 50_000, 650, "Beauty & Personal Care", Some(audience(6_100, 7_200, 10_000)))]);
    let e = explain(&ix, &Target::compile(&spec(), &ix), &LinearModel::default_model().unwrap(), 0);
    let audience = e.factors.iter().find(|f| f.feature == Feature::AudienceFit).unwrap();
    assert!(
        audience.evidence.contains("61 % of followers are women — your target is 70 %"),
        "got: {}",
        audience.evidence
    );
    assert!(audience.evidence.contains("72 % are 18–34"), "got: {}", audience.evidence);
    let keywords = e.factors.iter().find(|f| f.feature == Feature::KeywordFit).unwrap();
    assert!(keywords.evidence.contains("all your keywords"), "got: {}", keywords.evidence);
    assert_eq!(e.data_age_days, 23);
}

#[test]
fn quality_warnings_say_what_they_saw() {
    let mut spiky = creator(1, 30_000, 650, "Beauty & Personal Care", None);
    spiky.follower_history = vec![(day("2026-09-01"), 10_000), (day("2026-10-01"), 30_000)];
    let mut follow_back = creator(2, 8_000, 1_200, "Beauty & Personal Care", None);
    follow_back.figures.following = Some(6_000);
    let mut stale = creator(3, 50_000, 650, "Beauty & Personal Care", None);
    stale.as_of = day("2025-12-01");
    let inflated = creator(4, 50_000, 4_500, "Beauty & Personal Care", None);
    let ix = index(&[spiky, follow_back, stale, inflated]);
    let kinds: Vec<Vec<WarningKind>> = (0..4).map(|r| ix.warning_kinds(r)).collect();
    assert_eq!(kinds[0], [WarningKind::GrowthSpike]);
    assert_eq!(kinds[1], [WarningKind::BoughtFollowersPattern]);
    assert_eq!(kinds[2], [WarningKind::Inactive]);
    assert_eq!(kinds[3], [WarningKind::EngagementOutOfTier]);
    let e = explain(&ix, &Target::compile(&spec(), &ix), &LinearModel::default_model().unwrap(), 0);
    assert!(
        e.warnings[0].message.contains("200 %") && e.warnings[0].message.contains("10K on 2026-09-01"),
        "{}",
        e.warnings[0].message
    );
}

#[test]
fn warnings_do_not_change_the_score() {
    let clean = creator(1, 30_000, 650, "Beauty & Personal Care", None);
    let mut spiky = creator(2, 30_000, 650, "Beauty & Personal Care", None);
    spiky.follower_history = vec![(day("2026-10-01"), 10_000), (day("2026-10-20"), 30_000)];
    let ix = index(&[clean, spiky]);
    let model = LinearModel::default_model().unwrap();
    let target = Target::compile(&spec(), &ix);
    let (a, b) = (explain(&ix, &target, &model, 0), explain(&ix, &target, &model, 1));
    assert_eq!(a.score, b.score, "a warning is shown beside the score, not folded into it");
    assert!(a.warnings.is_empty() && !b.warnings.is_empty());
}

#[test]
fn filters_narrow_the_ranking() {
    let mut no_contact = creator(3, 500_000, 650, "Beauty & Personal Care", None);
    no_contact.has_contact = false;
    let ix = index(&[
        creator(1, 5_000, 650, "Beauty & Personal Care", Some(audience(9_000, 9_000, 9_000))),
        creator(2, 50_000, 650, "Electronics", None),
        no_contact,
    ]);
    let q = |filters: MatchFilters| RankQuery { filters, ..Default::default() };
    assert_eq!(top(&ix, q(MatchFilters { followers_min: Some(10_000), ..Default::default() })), [3, 2]);
    assert_eq!(
        top(&ix, q(MatchFilters { categories: vec!["electronics".into()], ..Default::default() })),
        [2]
    );
    assert_eq!(
        top(&ix, q(MatchFilters { has_contact: true, followers_min: Some(10_000), ..Default::default() })),
        [2]
    );
    assert_eq!(
        top(&ix, q(MatchFilters { audience_female_min_bp: Some(8_000), ..Default::default() })),
        [1],
        "creators without gender data are not shown as meeting a gender filter"
    );
    let sorted = top(&ix, RankQuery { sort: MatchSort::Followers, ..Default::default() });
    assert_eq!(sorted, [3, 2, 1], "sorted by followers, largest first");
}

#[test]
fn paging_gives_each_creator_once() {
    let creators: Vec<CreatorFacts> = (0..200)
        .map(|i| {
            creator(
                i,
                1_000 + i as u64 * 997 % 90_000,
                300 + (i as u32 * 37) % 900,
                "Beauty & Personal Care",
                None,
            )
        })
        .collect();
    let ix = index(&creators);
    let target = Target::compile(&spec(), &ix);
    let model = LinearModel::default_model().unwrap();
    let mut seen = Vec::new();
    for page in 0..4 {
        let r = rank(&ix, &target, &model, &RankQuery { offset: page * 50, limit: 50, ..Default::default() });
        assert_eq!(r.total, 200);
        seen.extend(r.page.iter().map(|x| x.row));
    }
    let mut unique = seen.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 200, "four pages of 50 cover all 200 creators with no repeats");
}

#[test]
fn gmv_sorts_within_each_currency_most_common_first_unknown_last() {
    let with_gmv = |id: i64, gmv: Option<(i64, &str)>| {
        let mut c = creator(id, 5_000 + id as u64, 600, "Beauty & Personal Care", None);
        c.figures.gmv = gmv.map(|(minor, code)| Money::new(minor, Currency::parse(code).unwrap()));
        c
    };
    // At reference rates Rp 90,000,000 (≈ $5,580) would sit between $20,000 and $1,000, and £50,000 would
    // top the list.
    let ix = index(&[
        with_gmv(1, Some((5_000, "USD"))),
        with_gmv(2, Some((9_000_000_000, "IDR"))),
        with_gmv(3, Some((90_000, "GBP"))),
        with_gmv(4, Some((2_000_000, "USD"))),
        with_gmv(5, None),
        with_gmv(6, Some((1_000_000, "IDR"))),
        with_gmv(7, Some((100_000, "USD"))),
        with_gmv(8, Some((5_000_000, "GBP"))),
        with_gmv(9, Some((50_000_000, "IDR"))),
        with_gmv(10, Some((100, "USD"))),
        with_gmv(11, None),
    ]);
    let by_gmv = RankQuery { sort: MatchSort::Gmv, ..Default::default() };
    assert_eq!(
        top(&ix, by_gmv.clone()),
        [4, 7, 1, 10, 2, 9, 6, 8, 3, 5, 11],
        "4 in USD, then 3 in IDR, then 2 in GBP, each largest first; unknown last"
    );
    assert_eq!(
        top(&ix, RankQuery { ascending: true, ..by_gmv.clone() }),
        [10, 1, 7, 4, 6, 9, 2, 3, 8, 5, 11],
        "ascending: the same currencies in the same order, each smallest first; unknown still last"
    );
    let target = Target::compile(&spec(), &ix);
    let model = LinearModel::default_model().unwrap();
    let mut paged = Vec::new();
    for offset in (0..11).step_by(3) {
        let r = rank(&ix, &target, &model, &RankQuery { offset, limit: 3, ..by_gmv.clone() });
        paged.extend(r.page.iter().map(|x| ix.id(x.row as usize)));
    }
    assert_eq!(paged, [4, 7, 1, 10, 2, 9, 6, 8, 3, 5, 11], "pages of 3 across the currencies");
    // The most common currency is counted among the creators the filters keep.
    let few =
        RankQuery { filters: MatchFilters { followers_min: Some(5_006), ..Default::default() }, ..by_gmv };
    assert_eq!(top(&ix, few), [9, 6, 7, 10, 8, 11], "two in IDR, two in USD: a tie goes A→Z");
}

#[test]
fn adding_a_creator_twice_is_refused() {
    let mut ix = MatchIndex::new(day("2026-11-24"));
    let c = creator(7, 1_000, 500, "Beauty & Personal Care", None);
    ix.push(&c).unwrap();
    assert!(matches!(ix.push(&c), Err(MatchError::DuplicateCreator(7))));
    assert_eq!(ix.len(), 1);
}

#[test]
fn a_tiktok_shop_profile_adds_the_posting_record_and_gpm_without_touching_others() {
    let plain = creator(1, 50_000, 650, "Beauty & Personal Care", Some(audience(7_000, 9_000, 9_000)));
    let profile = |fulfilment: u32| ShopProfile {
        as_of: Some(day("2026-11-20")),
        gpm: Some(Money::new(4_250, Currency::usd())),
        fulfilment_90_days: Some(bp(fulfilment)),
        post_rate: Some(PostRateBucket::Good),
        sample_score: Some(88),
        ..Default::default()
    };
    let reliable = CreatorFacts { id: 2, shop: Some(profile(9_000)), ..plain.clone() };
    let flaky = CreatorFacts { id: 3, shop: Some(profile(1_000)), ..plain.clone() };
    let ix = index(&[plain, reliable, flaky]);
    let target = Target::compile(&spec(), &ix);
    let model = LinearModel::default_model().unwrap();
    let [p, r, f] = [0, 1, 2].map(|row| explain(&ix, &target, &model, row));
    assert!(
        r.score > p.score && p.score > f.score,
        "posting record moves the score: {} {} {}",
        r.score,
        p.score,
        f.score
    );
    assert_eq!(r.confidence, p.confidence, "a missing profile does not lower confidence");
    let factor =
        |e: &Explanation, feature| e.factors.iter().find(|x| x.feature == feature).unwrap().evidence.clone();
    let posting = factor(&r, Feature::PostingRecord);
    assert!(posting.contains("90 % of their samples in the last 90 days on TikTok Shop"), "{posting}");
    assert!(posting.contains("sample score 88/100"), "{posting}");
    assert!(
        factor(&p, Feature::PostingRecord).contains("No TikTok Shop profile"),
        "the plain creator says why"
    );
    let gpm = factor(&r, Feature::SalesPerView);
    assert!(gpm.contains("$42.50 GMV per 1,000 views") && gpm.contains("TikTok Shop"), "{gpm}");
}

#[test]
fn gmv_known_only_as_a_range_is_read_at_its_midpoint_with_lower_confidence() {
    let usd = |major: i64| Money::new(major * 100, Currency::usd());
    let exact = creator(1, 50_000, 650, "Beauty & Personal Care", Some(audience(7_000, 9_000, 9_000)));
    let mut ranged = CreatorFacts { id: 2, ..exact.clone() };
    ranged.figures.gmv = None;
    ranged.figures.gmv_range = MoneyRange::new(usd(1_000), Some(usd(10_000)));
    let mut midpoint = CreatorFacts { id: 3, ..exact.clone() };
    midpoint.figures.gmv = Some(usd(5_500));
    let ix = index(&[exact, ranged, midpoint]);
    let target = Target::compile(&spec(), &ix);
    let model = LinearModel::default_model().unwrap();
    let [_, r, m] = [0, 1, 2].map(|row| explain(&ix, &target, &model, row));
    assert!((r.score - m.score).abs() < 1e-4, "the range scores as its midpoint: {} vs {}", r.score, m.score);
    assert!(r.confidence < m.confidence, "but with less confidence: {} vs {}", r.confidence, m.confidence);
    let gmv = r.factors.iter().find(|f| f.feature == Feature::Gmv).unwrap();
    assert_eq!(gmv.status, FactorStatus::Known);
    assert!(gmv.evidence.contains("GMV 1,000–10K USD") && gmv.evidence.contains("range"), "{}", gmv.evidence);
    assert!(r.confidence_notes.iter().any(|n| n.contains("only a range")), "{:?}", r.confidence_notes);
}
