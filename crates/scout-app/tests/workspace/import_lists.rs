//! Third-party creator lists as sellers have them: numbered category columns are categories, and the
//! platform is read from the headers or the file name — never TikTok just because TikTok is the default.

use super::workspace;
use scout_app::{AppError, CancelToken, CreatorQuery, ImportRequest, Workspace};
use scout_domain::Platform;

async fn import(ws: &Workspace, dir: &std::path::Path, name: &str, text: &str) -> scout_app::ImportReport {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    ws.import_file(ImportRequest::file(file), |_| {}, CancelToken::default()).await.unwrap()
}

async fn rows(ws: &Workspace) -> Vec<scout_app::CreatorRow> {
    ws.list_creators(&CreatorQuery { limit: 100, ..Default::default() }).await.unwrap().rows
}

#[tokio::test]
async fn numbered_category_columns_are_all_categories() {
    let (dir, ws) = workspace().await;
    let report = import(
        &ws,
        dir.path(),
        "list.csv",
        "handle,followers,Category_1,Category_2\nglow_a,1200,Beauty,Fashion\nglow_b,900,Fitness,\n",
    )
    .await;
    assert_eq!(report.counts.created, 2, "{report:?}");
    let found = rows(&ws).await;
    let a = found.iter().find(|r| r.handle.as_str() == "glow_a").unwrap();
    assert_eq!(a.categories.len(), 2, "both numbered columns feed the categories: {:?}", a.categories);
    let b = found.iter().find(|r| r.handle.as_str() == "glow_b").unwrap();
    assert_eq!(b.categories.len(), 1, "a blank second category adds nothing: {:?}", b.categories);
}

#[tokio::test]
async fn an_instagram_list_is_imported_as_instagram_creators() {
    let (dir, ws) = workspace().await;
    let report = import(
        &ws,
        dir.path(),
        "creators.csv",
        "Rank,Instagram name,Name,Category_1,Followers\n1,cristiano,Cristiano Ronaldo,Sports,519.9M\n2,kyliejenner,Kylie 🤍,Fashion,378.7M\n",
    )
    .await;
    let platform = report.platform.as_ref().expect("a creator list says its platform");
    assert_eq!((report.counts.created, platform.platform), (2, Platform::Instagram), "{report:?}");
    assert_eq!(platform.evidence, ["the header 'Instagram name' (instagram)"]);
    let found = rows(&ws).await;
    assert!(found.iter().all(|r| r.platform == Platform::Instagram), "no Instagram creator stored as TikTok");
    let kylie = found.iter().find(|r| r.handle.as_str() == "kyliejenner").unwrap();
    assert_eq!(
        kylie.display_name.as_deref(),
        Some("Kylie 🤍"),
        "'Name' beside the handle is the display name"
    );

    // The same handle from a TikTok list is another creator, not a merge.
    import(&ws, dir.path(), "tiktok.csv", "Tiktoker name,Tiktok name,followers\nkyliejenner,Kylie,50M\n")
        .await;
    assert_eq!(rows(&ws).await.len(), 3, "kyliejenner on TikTok is a creator of her own");
}

#[tokio::test]
async fn a_youtube_list_by_its_headers_and_a_conflicting_file_needs_a_choice() {
    let (dir, ws) = workspace().await;
    let report = import(&ws, dir.path(), "channels.csv", "Youtuber,Subscribers\nMrBeast,200M\n").await;
    assert_eq!(report.platform.as_ref().map(|p| p.platform), Some(Platform::YouTube), "{report:?}");

    let file = dir.path().join("tiktok_export.csv");
    std::fs::write(&file, "Instagram name,Followers\nsomeone,1200\n").unwrap();
    let err =
        ws.import_file(ImportRequest::file(file.clone()), |_| {}, CancelToken::default()).await.unwrap_err();
    assert!(
        matches!(&err, AppError::InvalidField { field, message } if field == "platform" && message.contains("more than one platform")),
        "{err:?}"
    );
    assert_eq!(rows(&ws).await.len(), 1, "nothing of the refused file is stored");
    let chosen = ImportRequest { platform: Some(Platform::Instagram), ..ImportRequest::file(file) };
    let report = ws.import_file(chosen, |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(
        (report.platform.as_ref().map(|p| p.platform), report.counts.created),
        (Some(Platform::Instagram), 1),
        "the seller's choice wins"
    );
}

#[tokio::test]
async fn a_top_audience_country_without_shares_is_kept_and_counts_in_audience_fit() {
    let (dir, ws) = workspace().await;
    let report = import(
        &ws,
        dir.path(),
        "list.csv",
        "handle,followers,avg_views,Audience country\nin_us,50000,20000,United States\nin_india,50000,20000,India\nmany,50000,20000,\"US, GB\"\n",
    )
    .await;
    assert_eq!((report.counts.created, report.counts.rejected), (3, 0), "{report:?}");
    assert_eq!(report.issues.len(), 1, "only the list of two countries is remarked: {:?}", report.issues);
    assert!(
        report.issues[0].message.contains("kept the first as the top audience country"),
        "{:?}",
        report.issues
    );
    let found = rows(&ws).await;
    let id = |h: &str| found.iter().find(|r| r.handle.as_str() == h).unwrap().id;
    let detail = ws.creator(id("in_india")).await.unwrap();
    let audience = detail.audience.expect("the country is kept, not dropped as 'no share'");
    assert_eq!(audience.top_country.map(|c| c.as_str().to_string()).as_deref(), Some("IN"));

    let spec: scout_domain::CampaignSpec = serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN).unwrap();
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let page =
        ws.rank_matches(campaign, &scout_app::RankQuery { limit: 10, ..Default::default() }).await.unwrap();
    let score = |h: &str| page.rows.iter().find(|r| r.creator.handle.as_str() == h).unwrap().score;
    assert!(score("in_us") > score("in_india"), "a US audience fits the US campaign better");
    let e = ws.explain_match(campaign, id("in_us")).await.unwrap();
    let fit = e.factors.iter().find(|f| f.feature == scout_app::Feature::AudienceFit).unwrap();
    assert!(
        fit.evidence.contains("most followers are in US") && fit.evidence.contains("two thirds"),
        "{}",
        fit.evidence
    );
    assert_eq!(
        page.coverage.factors.iter().find(|f| f.feature == scout_app::Feature::AudienceFit).unwrap().known,
        3
    );
}
