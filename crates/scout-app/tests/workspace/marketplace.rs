//! Marketplace creators into the workspace: one import keyed by open id, a rename followed, a blank never
//! erasing what is known, a range kept as a range (never made a number), an unusable row rejected with why.

use super::workspace;
use scout_app::{CreatorQuery, ExactOrRange, IssueOutcome, MarketplaceCreator, MARKETPLACE_SOURCE};
use scout_domain::{Currency, Money};

fn creator(open_id: &str, username: &str, followers: Option<u64>) -> MarketplaceCreator {
    MarketplaceCreator {
        open_id: open_id.into(),
        username: username.into(),
        nickname: Some(format!("{username} nick")),
        avatar_url: None,
        region: Some("US".into()),
        category_ids: vec!["601450".into()],
        followers,
        avg_video_views: Some(1_500),
        avg_live_viewers: None,
        gmv: Some(ExactOrRange::Exact(Money::new(123_456, Currency::usd()))),
        video_gmv: None,
        live_gmv: None,
        units_sold: None,
        top_follower_ages: vec![],
        major_gender: None,
        pps_score: None,
        creator_level: Some(3),
        fast_growing: false,
        rising_star: false,
        invited_in_90_days: false,
        has_collaborated: false,
        blocked: false,
        private: false,
    }
}

#[tokio::test]
async fn marketplace_creators_join_by_open_id_follow_renames_and_keep_ranges_as_ranges() {
    let (_dir, ws) = workspace().await;
    let mut private = creator("mk-2", "bea", Some(20_000));
    private.gmv = Some(ExactOrRange::Range(scout_app::Range {
        min: Money::new(100_000, Currency::usd()),
        max: Some(Money::new(1_000_000, Currency::usd())),
    }));
    private.private = true;
    private.units_sold = Some(scout_app::Range { min: 100, max: Some(1_000) });
    let mut public = creator("mk-1", "ann", Some(10_000));
    public.units_sold = Some(scout_app::Range { min: 10, max: Some(100) });
    let first =
        ws.add_marketplace_creators(&[public, private, creator("mk-3", "no way!", None)]).await.unwrap();
    assert_eq!(first.file_name, MARKETPLACE_SOURCE);
    assert_eq!((first.counts.created, first.counts.rejected), (2, 1), "{:?}", first.counts);
    let outcomes: Vec<(u64, IssueOutcome)> = first.issues.iter().map(|i| (i.line, i.outcome)).collect();
    assert_eq!(outcomes, [(3, IssueOutcome::Rejected)], "a range is stored, not a problem");

    // The next day's search: ann renamed herself, and the page did not say her followers.
    let second = ws.add_marketplace_creators(&[creator("mk-1", "ann.glow", None)]).await.unwrap();
    assert_eq!((second.counts.created, second.counts.updated), (0, 1), "{:?}", second.counts);
    let page = ws.list_creators(&CreatorQuery::default()).await.unwrap();
    assert_eq!(page.total, 2, "the rename is the same creator");
    let ann = page.rows.iter().find(|r| r.handle.as_str() == "ann.glow").expect("renamed");
    assert_eq!(ann.followers, Some(10_000), "a blank never erases a figure");
    let bea = page.rows.iter().find(|r| r.handle.as_str() == "bea").unwrap();
    assert_eq!(bea.gmv, None, "a range is not stored as a number");
    let range = bea.gmv_range.clone().expect("the range is kept as a range");
    assert_eq!((range.low.minor, range.high.map(|h| h.minor)), (100_000, Some(1_000_000)));
    let detail = ws.creator(bea.id).await.unwrap();
    assert_eq!(detail.figures.gmv_range, bea.gmv_range, "the drawer reads the same range");
    assert_eq!(detail.figures.units_sold_range.map(|r| (r.low, r.high)), Some((100, Some(1_000))));
    let ann_detail = ws.creator(ann.id).await.unwrap();
    assert_eq!(
        ann_detail.figures.units_sold_range, None,
        "a public creator's search band is left for their profile's exact count"
    );
    assert_eq!(detail.history.last().unwrap().figures.gmv_range, bea.gmv_range, "and the snapshot keeps it");
    // Sorted by GMV, the range sits at its midpoint ($5,500): above ann's exact $1,234.56.
    let by_gmv = ws
        .list_creators(&CreatorQuery {
            sort: scout_app::CreatorSort::Gmv,
            descending: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_gmv.rows[0].handle.as_str(), "bea", "{:?}", by_gmv.rows);
    // A later exact figure replaces the range; a later blank leaves it.
    let mut public = creator("mk-2", "bea", None);
    public.gmv = None;
    ws.add_marketplace_creators(&[public]).await.unwrap();
    let bea = ws.creator(bea.id).await.unwrap();
    assert!(bea.figures.gmv_range.is_some(), "a blank keeps the range");
    let batches = ws.import_batches().await.unwrap();
    assert!(batches.iter().all(|b| b.source_name == MARKETPLACE_SOURCE));
}

/// A workspace connected to the fake TikTok Shop API.
pub(crate) async fn connected(
    test: &str,
) -> (tempfile::TempDir, scout_app::Workspace, scout_testkit::FakeTiktokApi) {
    let (dir, ws) = workspace().await;
    let options = scout_testkit::FakeTiktokOptions {
        app_key: format!("app-{test}-{}", std::process::id()),
        ..scout_testkit::FakeTiktokOptions::scenario("ok")
    };
    let api = scout_testkit::FakeTiktokApi::start_with(&options);
    let connection = scout_app::TiktokConnection {
        api_base: api.base_url(),
        auth_base: api.base_url(),
        interval_ms: 0,
        ..scout_app::TiktokConnection::new(options.app_key.clone(), format!("cipher-{test}"))
    };
    ws.connect_tiktok(
        &connection,
        scout_secrets::Secret::new(scout_testkit::FAKE_TIKTOK_APP_SECRET),
        scout_testkit::FAKE_TIKTOK_AUTH_CODE,
    )
    .await
    .unwrap();
    (dir, ws, api)
}

#[tokio::test]
async fn searched_creators_are_enriched_with_their_audience_and_a_stopped_run_continues() {
    if !scout_testkit::keychain_tests_enabled("searched_creators_are_enriched_with_their_audience") {
        return;
    }
    let (_dir, ws, api) = connected("enrich").await;
    let filter = scout_app::MarketplaceFilter {
        categories: vec![scout_app::CategoryFilter { parent: "601450".into(), children: vec![] }],
        ..Default::default()
    };
    let page = ws.search_marketplace(&filter, None).await.unwrap();
    ws.add_marketplace_creators(&page.creators).await.unwrap();
    let ids: Vec<String> = page.creators.iter().map(|c| c.open_id.clone()).collect();
    let mut asked = ids.clone();
    asked.insert(1, "mk-not-here".into());
    let creator_ids = ws.creator_ids_by_open_id(&asked).await.unwrap();
    assert_eq!(creator_ids.len(), 20, "every one added, the unknown open id left out");
    assert_eq!(ws.open_ids_of(&creator_ids).await.unwrap(), ids, "and in the order asked");
    let spec: scout_domain::CampaignSpec = serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN).unwrap();
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let known = |page: &scout_app::MatchPage, feature| {
        page.coverage.factors.iter().find(|f| f.feature == feature).map_or(0, |f| f.known)
    };
    let query = scout_app::RankQuery::default();
    let before = ws.rank_matches(campaign, &query).await.unwrap();

    // Cancelled after 5 profiles: they are kept, and the next run fetches only the other 15.
    let cancel = scout_app::CancelToken::default();
    let stop = cancel.clone();
    let first = ws
        .enrich_creators(
            &ids,
            |done, _| {
                if done == 5 {
                    stop.cancel()
                }
            },
            &cancel,
        )
        .await
        .unwrap();
    assert_eq!((first.fetched, first.imports.len()), (5, 1), "{first:?}");
    assert!(first.stopped.as_deref().unwrap().contains("cancelled"));
    let second = ws.enrich_creators(&ids, |_, _| {}, &scout_app::CancelToken::default()).await.unwrap();
    assert_eq!((second.skipped_fresh, second.fetched), (5, 15), "{second:?}");
    assert!(second.failed.is_empty() && second.stopped.is_none(), "{second:?}");
    let fetched = api
        .requests()
        .iter()
        .filter(|r| r["method"] == "GET" && r["path"].as_str().unwrap().contains("/marketplace_creators/mk-"))
        .count();
    assert_eq!(fetched, 20, "every profile fetched once");

    // Each creator now has a complete audience from TikTok Shop, which the match can read.
    let rows = ws.list_creators(&CreatorQuery { limit: 50, ..Default::default() }).await.unwrap();
    for row in &rows.rows {
        let detail = ws.creator(row.id).await.unwrap();
        let audience = detail.audience.expect("an audience");
        let ages: u32 = audience.age.iter().map(|a| a.share.0).sum();
        assert!((9_900..=10_100).contains(&ages), "ages add up: {ages}");
        assert!(audience.gender.is_some() && !audience.countries.is_empty());
        // What they sell, named through the shop's category list, and their TikTok Shop profile.
        assert_eq!(detail.profile.categories[0], "Beauty & Personal Care", "{:?}", detail.profile.categories);
        let shop = detail.shop.expect("a TikTok Shop profile");
        assert_eq!(shop.as_of, Some(chrono::Utc::now().date_naive()));
        assert!(shop.fulfilment_90_days.is_some() && shop.sample_score.is_some() && shop.post_rate.is_some());
        assert!(
            !shop.category_gmv.iter().any(|c| c.category.chars().all(|ch| ch.is_ascii_digit())),
            "{shop:?}"
        );
    }
    let category_calls = api.requests().iter().filter(|r| r["path"] == "/product/202309/categories").count();
    assert_eq!(category_calls, 1, "the category list is fetched once and kept");

    // The coverage line of the ranking shows the gain: follower shares and posting records for all 20.
    let after = ws.rank_matches(campaign, &query).await.unwrap();
    let audience = scout_app::Feature::AudienceFit;
    let posting = scout_app::Feature::PostingRecord;
    assert_eq!(
        (known(&before, audience), known(&after, audience)),
        (20, 20),
        "the home country counted before"
    );
    assert_eq!((known(&before, posting), known(&after, posting)), (0, 20), "{:?}", after.coverage);

    // The match reads it: audience fit is known and names TikTok Shop and the day as its evidence.
    let explanation = ws.explain_match(campaign, rows.rows[0].id).await.unwrap();
    let audience = explanation
        .factors
        .iter()
        .find(|f| f.feature == scout_app::Feature::AudienceFit)
        .expect("an audience factor");
    assert_eq!(audience.status, scout_app::FactorStatus::Known, "{audience:?}");
    assert_eq!(audience.source.as_deref(), Some(scout_app::PROFILES_SOURCE));
    assert_eq!(audience.as_of, Some(chrono::Utc::now().date_naive()));
    let factor = |f| explanation.factors.iter().find(|x| x.feature == f).expect("the factor").clone();
    assert_eq!(factor(scout_app::Feature::CategoryFit).status, scout_app::FactorStatus::Known);
    let posting = factor(scout_app::Feature::PostingRecord);
    assert_eq!(posting.status, scout_app::FactorStatus::Known, "{posting:?}");
    assert!(posting.evidence.contains("on TikTok Shop"), "{}", posting.evidence);
    assert_eq!(posting.source.as_deref(), Some(scout_app::PROFILES_SOURCE), "the source and day beside it");
    assert_eq!(posting.as_of, Some(chrono::Utc::now().date_naive()));
}

#[tokio::test]
async fn stale_profiles_are_fetched_again_once_a_day_oldest_first() {
    if !scout_testkit::keychain_tests_enabled("stale_profiles_are_fetched_again_once_a_day") {
        return;
    }
    let (dir, ws, api) = connected("refresh").await;
    let page = ws.search_marketplace(&scout_app::MarketplaceFilter::default(), None).await.unwrap();
    let ids: Vec<String> = page.creators.iter().take(3).map(|c| c.open_id.clone()).collect();
    ws.add_marketplace_creators(&page.creators[..3]).await.unwrap();
    ws.enrich_creators(&ids, |_, _| {}, &scout_app::CancelToken::default()).await.unwrap();
    let cancel = scout_app::CancelToken::default();
    assert!(ws.refresh_stale_profiles(&cancel).await.unwrap().is_none(), "profiles of today are fresh");

    // Two of them were fetched 40 days ago (a second handle on the same workspace file, as a second
    // Scout process would have).
    let store = scout_store::Store::open(&dir.path().join("ws.scout")).await.unwrap();
    let old = chrono::Utc::now().date_naive() - chrono::Duration::days(40);
    store.note_profiles_fetched(&ids[..2], old).await.unwrap();
    let fetches = |api: &scout_testkit::FakeTiktokApi| {
        api.requests()
            .iter()
            .filter(|r| r["path"].as_str().unwrap().contains("/marketplace_creators/mk-"))
            .count()
    };
    let before = fetches(&api);
    let report = ws.refresh_stale_profiles_if_due(&cancel).await.unwrap().expect("two were stale");
    assert_eq!((report.asked, report.fetched), (2, 2), "{report:?}");
    assert_eq!(fetches(&api) - before, 2, "only the stale ones are fetched");
    assert!(store.profiles_fetched_before(old + chrono::Duration::days(1), 10).await.unwrap().is_empty());
    store.note_profiles_fetched(&ids[..1], old).await.unwrap();
    assert!(ws.refresh_stale_profiles_if_due(&cancel).await.unwrap().is_none(), "once a day");
}

#[tokio::test]
async fn the_find_views_categories_and_sorters_come_from_the_shops_region() {
    if !scout_testkit::keychain_tests_enabled(
        "the_find_views_categories_and_sorters_come_from_the_shops_region",
    ) {
        return;
    }
    let (_dir, ws, api) = connected("options").await;
    let options = ws.marketplace_options().await.unwrap();
    let beauty = options.categories.iter().find(|c| c.id == "601450").expect("a top-level category");
    assert_eq!((beauty.name.as_str(), beauty.parent_id.as_deref()), ("Beauty & Personal Care", None));
    assert!(options
        .categories
        .iter()
        .any(|c| c.parent_id.as_deref() == Some("601450") && c.name == "Skincare"));
    let first_child = options.categories.iter().position(|c| c.parent_id.is_some()).unwrap();
    assert!(options.categories[first_child..].iter().all(|c| c.parent_id.is_some()), "top level first");
    assert!(options.sorters.iter().any(|s| s.id == "GMV_DESC" && s.name == "GMV"), "{:?}", options.sorters);
    let tags = options.advanced.iter().find(|a| a.option_type == "OPTION_CREATOR_TAG").expect("creator tags");
    assert_eq!((tags.label.as_str(), tags.options[0].name.as_str()), ("Creator tag", "Rising star"));
    // Chosen, an option narrows the search: every creator found is a rising star.
    let filter = scout_app::MarketplaceFilter {
        options: vec![scout_app::ChosenOptions {
            option_type: tags.option_type.clone(),
            ids: vec![tags.options[0].id.clone()],
        }],
        ..Default::default()
    };
    let page = ws.search_marketplace(&filter, None).await.unwrap();
    assert!(
        !page.creators.is_empty() && page.creators.iter().all(|c| c.rising_star),
        "{:?}",
        page.creators.len()
    );
    ws.marketplace_options().await.unwrap();
    let fetched = api.requests().iter().filter(|r| r["path"] == "/product/202309/categories").count();
    assert_eq!(fetched, 1, "the category list is kept a week, not fetched each time");
}
