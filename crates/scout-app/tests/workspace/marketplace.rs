//! Marketplace creators into the workspace: one import keyed by open id, a rename followed, a blank never
//! erasing what is known, a range noted instead of made a number, an unusable row rejected with why.

use super::workspace;
use scout_app::{CreatorQuery, Figure, IssueOutcome, MarketplaceCreator, MARKETPLACE_SOURCE};
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
        gmv: Some(Figure::Exact(Money::new(123_456, Currency::usd()))),
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
async fn marketplace_creators_join_by_open_id_follow_renames_and_keep_ranges_out_of_the_figures() {
    let (_dir, ws) = workspace().await;
    let mut private = creator("mk-2", "bea", Some(20_000));
    private.gmv = Some(Figure::Range(scout_app::Range {
        min: Money::new(100_000, Currency::usd()),
        max: Some(Money::new(1_000_000, Currency::usd())),
    }));
    private.private = true;
    let first = ws
        .add_marketplace_creators(&[
            creator("mk-1", "ann", Some(10_000)),
            private,
            creator("mk-3", "no way!", None),
        ])
        .await
        .unwrap();
    assert_eq!(first.file_name, MARKETPLACE_SOURCE);
    assert_eq!((first.counts.created, first.counts.rejected), (2, 1), "{:?}", first.counts);
    let outcomes: Vec<(u64, IssueOutcome)> = first.issues.iter().map(|i| (i.line, i.outcome)).collect();
    assert_eq!(outcomes, [(2, IssueOutcome::Noted), (3, IssueOutcome::Rejected)]);
    assert!(first.issues[0].message.contains("only as a range"), "{}", first.issues[0].message);

    // The next day's search: ann renamed herself, and the page did not say her followers.
    let second = ws.add_marketplace_creators(&[creator("mk-1", "ann.glow", None)]).await.unwrap();
    assert_eq!((second.counts.created, second.counts.updated), (0, 1), "{:?}", second.counts);
    let page = ws.list_creators(&CreatorQuery::default()).await.unwrap();
    assert_eq!(page.total, 2, "the rename is the same creator");
    let ann = page.rows.iter().find(|r| r.handle.as_str() == "ann.glow").expect("renamed");
    assert_eq!(ann.followers, Some(10_000), "a blank never erases a figure");
    let bea = page.rows.iter().find(|r| r.handle.as_str() == "bea").unwrap();
    assert_eq!(bea.gmv, None, "a range is not stored as a number");
    let batches = ws.import_batches().await.unwrap();
    assert!(batches.iter().all(|b| b.source_name == MARKETPLACE_SOURCE));
}
