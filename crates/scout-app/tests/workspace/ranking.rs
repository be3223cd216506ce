//! Rankings on a real creator list (`../shared/data/real/`, not in the repository): with only followers,
//! views and engagement to go on, the default model must still separate creators, warn only on
//! anomalies, stay exact, and say what it could not use. Plus the value of a category, on a small file.

use super::workspace;
use scout_app::{CancelToken, FactorStatus, Feature, ImportRequest, RankQuery, Workspace, EXAMPLE_CAMPAIGN};
use scout_domain::CampaignSpec;

/// Every creator's score for the campaign, best first (pages of at most 500).
async fn all_scores(ws: &Workspace, campaign: i64) -> Vec<scout_app::MatchRow> {
    let mut rows = Vec::new();
    loop {
        let q = RankQuery { offset: rows.len() as u32, limit: 500, ..Default::default() };
        let page = ws.rank_matches(campaign, &q).await.unwrap();
        let done = page.rows.is_empty() || rows.len() + page.rows.len() >= page.total as usize;
        rows.extend(page.rows);
        if done {
            return rows;
        }
    }
}

fn quantile(sorted: &[f32], p: f64) -> f32 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::test]
async fn the_real_list_is_ranked_with_spread_without_ties_and_warns_only_on_anomalies() {
    let Some(real) = scout_testkit::real_creator_list("the_real_list_is_ranked") else { return };
    let (_dir, ws) = workspace().await;
    ws.import_file(ImportRequest::file(real), |_| {}, CancelToken::default()).await.unwrap();
    let spec: CampaignSpec = serde_json::from_str(EXAMPLE_CAMPAIGN).unwrap();
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let rows = all_scores(&ws, campaign).await;
    assert_eq!(rows.len(), 999);

    let top: Vec<f32> = rows.iter().take(100).map(|r| r.score).collect();
    let mut distinct = top.clone();
    distinct.dedup();
    assert!(distinct.len() >= 95, "at least 95 distinct scores in the top 100, got {}", distinct.len());
    let mut sorted: Vec<f32> = rows.iter().map(|r| r.score).collect();
    sorted.sort_by(f32::total_cmp);
    let (p10, p90) = (quantile(&sorted, 0.1), quantile(&sorted, 0.9));
    let shown: std::collections::BTreeSet<i32> = top.iter().map(|s| (s * 10.0).round() as i32).collect();
    eprintln!(
        "real list: {} distinct scores in the top 100 ({} at one decimal), p10 {p10:.1}, p90 {p90:.1}",
        distinct.len(),
        shown.len()
    );
    assert!(p90 - p10 >= 20.0, "scores spread over at least 20 points from p10 to p90: {p10:.1}–{p90:.1}");

    let warned: Vec<&scout_app::MatchRow> =
        rows.iter().filter(|r| r.warnings.contains(&scout_app::WarningKind::EngagementOutOfTier)).collect();
    eprintln!("real list: {} of {} warned for engagement", warned.len(), rows.len());
    assert!(warned.len() * 20 <= rows.len(), "at most 5 % warned for engagement: {}", warned.len());
    for r in rows.iter().filter(|r| !r.warnings.is_empty()) {
        let e = ws.explain_match(campaign, r.creator.id).await.unwrap();
        for w in &e.warnings {
            assert!(w.message.contains("expected"), "every warning names the expected range: {}", w.message);
        }
    }

    for r in rows.iter().take(100) {
        let e = ws.explain_match(campaign, r.creator.id).await.unwrap();
        let sum = e.baseline + e.factors.iter().map(|f| f.points).sum::<f32>();
        assert!((sum - e.score).abs() < 1e-3, "baseline + Σ points = score for @{}", r.creator.handle);
        let audience = e.factors.iter().find(|f| f.feature == Feature::AudienceFit).unwrap();
        assert_eq!((audience.status, audience.points), (FactorStatus::Missing, 0.0), "shown as no data");
    }

    let page = ws.rank_matches(campaign, &RankQuery { limit: 1, ..Default::default() }).await.unwrap();
    let c = &page.coverage;
    let known = |f: Feature| c.factors.iter().find(|x| x.feature == f).map(|x| x.known);
    assert_eq!(c.creators, 999);
    assert_eq!(
        (known(Feature::AudienceFit), known(Feature::CategoryFit), known(Feature::Gmv)),
        (Some(0), Some(0), Some(0))
    );
    assert_eq!((known(Feature::EngagementVsTier), known(Feature::ViewRate)), (Some(999), Some(999)));
    assert_eq!(c.rests_on, ["Engagement for their size", "Views per follower", "Reach"], "{c:?}");
    assert!(c.thin.contains(&"Audience fit".to_string()) && c.thin.contains(&"Category".to_string()));
    assert!(c.next_step.as_deref().is_some_and(|s| s.contains("when importing")), "{c:?}");
}

#[tokio::test]
async fn a_beauty_creator_outranks_an_identical_one_without_the_category() {
    let (dir, ws) = workspace().await;
    let file = dir.path().join("two.csv");
    std::fs::write(
        &file,
        "handle,followers,avg_views,avg_likes,avg_comments,avg_shares,category\n\
         glow_a,120000,50000,5000,200,100,Beauty & Personal Care\n\
         glow_b,120000,50000,5000,200,100,\n",
    )
    .unwrap();
    ws.import_file(ImportRequest::file(file), |_| {}, CancelToken::default()).await.unwrap();
    let spec: CampaignSpec = serde_json::from_str(EXAMPLE_CAMPAIGN).unwrap();
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let rows = all_scores(&ws, campaign).await;
    let handles: Vec<&str> = rows.iter().map(|r| r.creator.handle.as_str()).collect();
    assert_eq!(handles, ["glow_a", "glow_b"], "the category is the only difference and it counts");
    assert!(rows[0].score > rows[1].score + 1.0, "{} vs {}", rows[0].score, rows[1].score);
}
