//! Campaigns, matches, explanations, shortlists and the model life cycle, on the demo workspace.

use super::workspace;
use scout_app::{AppError, ErrorCode, RankQuery, EXAMPLE_CAMPAIGN};
use scout_domain::{BasisPoints, CampaignSpec};

fn example() -> CampaignSpec {
    serde_json::from_str(EXAMPLE_CAMPAIGN).unwrap()
}

#[tokio::test]
async fn impossible_campaigns_are_refused_naming_the_field_and_nothing_is_stored() {
    let (_dir, ws) = workspace().await;
    let mut spec = example();
    spec.audience.age[0].share = BasisPoints(4_000);
    let err = ws.create_campaign(&spec).await.unwrap_err();
    let payload = err.payload();
    assert_eq!(payload.code, ErrorCode::InvalidInput);
    assert_eq!(payload.field.as_deref(), Some("audience.age"), "the error names the field");
    assert!(payload.message.contains("90.00 %"), "and what it found: {}", payload.message);
    assert!(ws.list_campaigns().await.unwrap().is_empty(), "nothing was stored");

    let good = ws.create_campaign(&example()).await.unwrap();
    let mut bad = example();
    bad.commission.max = BasisPoints(9_000);
    assert!(matches!(ws.update_campaign(good.id, &bad).await, Err(AppError::InvalidField { .. })));
    assert_eq!(
        ws.campaign(good.id).await.unwrap().spec,
        example(),
        "a refused edit leaves the stored campaign as it was"
    );
}

#[tokio::test]
async fn a_campaign_ranks_explains_and_shortlists_the_demo() {
    let (_dir, ws) = workspace().await;
    ws.load_demo().await.unwrap();
    let campaigns = ws.list_campaigns().await.unwrap();
    let simulated = campaigns.iter().filter(|c| c.simulated).count();
    assert_eq!(simulated, 12, "the demo adds a simulated history of 12 campaigns");
    assert!(campaigns.iter().filter(|c| c.simulated).all(|c| c.spec.name.starts_with("Simulated: ")));
    ws.load_demo().await.unwrap();
    assert_eq!(
        ws.list_campaigns().await.unwrap().len(),
        campaigns.len(),
        "loading the demo again adds no campaigns"
    );

    let id = ws.find_campaign("Example: Glow serum launch").await.unwrap().id;
    let page = ws.rank_matches(id, &RankQuery { limit: 50, ..Default::default() }).await.unwrap();
    assert_eq!((page.total, page.scored), (2050, 2050), "every demo creator is scored");
    assert!(page.rows.windows(2).all(|w| w[0].score >= w[1].score), "best first");
    let best = &page.rows[0];
    let e = ws.explain_match(id, best.creator.id).await.unwrap();
    assert!((e.score - best.score).abs() < 1e-4, "the explanation is of the same score");
    let sum = e.baseline + e.factors.iter().map(|f| f.points).sum::<f32>();
    assert!((sum - e.score).abs() < 1e-3, "factors add up to the score: {sum} vs {}", e.score);
    let reach = e.factors.iter().find(|f| f.feature == scout_app::Feature::Reach).unwrap();
    assert!(
        reach.source.as_deref().is_some_and(|s| s.ends_with("(synthetic)")) && reach.as_of.is_some(),
        "each figure says where it came from and how old it is: {reach:?}"
    );

    let (a, b) = (page.rows[0].creator.id, page.rows[1].creator.id);
    ws.shortlist_add(id, a).await.unwrap();
    ws.shortlist_add(id, b).await.unwrap();
    ws.shortlist_add(id, a).await.unwrap();
    ws.annotate_shortlisted(id, a, "Loves serums", &["priority".into(), " Priority ".into(), "US".into()])
        .await
        .unwrap();
    let list = ws.shortlist(id).await.unwrap();
    assert_eq!(list.len(), 2, "shortlisting twice keeps one entry");
    assert_eq!(list[0].entry.tags, ["priority", "US"], "tags are trimmed and de-duplicated");
    assert!((list[0].score.unwrap() - best.score).abs() < 1e-4, "the shortlist shows the current score");
    let page = ws.rank_matches(id, &RankQuery { limit: 2, ..Default::default() }).await.unwrap();
    assert!(page.rows.iter().all(|r| r.shortlisted), "matches mark shortlisted creators");

    // "Shortlist the top 10": the two already there stay (with their notes), eight join; then the top 5
    // of the ranking as filtered.
    assert_eq!(ws.shortlist_top(id, &RankQuery::default(), 10).await.unwrap(), 8);
    let top = ws.rank_matches(id, &RankQuery { limit: 10, ..Default::default() }).await.unwrap();
    assert!(top.rows.iter().all(|r| r.shortlisted), "the top 10 are all on the shortlist");
    let list = ws.shortlist(id).await.unwrap();
    assert_eq!(list.len(), 10);
    assert!(list.iter().any(|s| s.entry.note == "Loves serums"), "notes are kept");
    let filtered = RankQuery {
        filters: scout_app::MatchFilters { followers_min: Some(1_000_000), ..Default::default() },
        ..Default::default()
    };
    ws.shortlist_top(id, &filtered, 5).await.unwrap();
    let top = ws.rank_matches(id, &RankQuery { limit: 5, ..filtered.clone() }).await.unwrap();
    assert!(top.rows.iter().all(|r| r.shortlisted && r.creator.followers >= Some(1_000_000)), "{top:?}");
    let refused = ws.shortlist_top(id, &filtered, 0).await.unwrap_err().payload();
    assert_eq!(refused.field.as_deref(), Some("top"), "{refused:?}");

    let mut edited = ws.campaign(id).await.unwrap().spec;
    edited.audience.gender = None;
    edited.audience.keywords.clear();
    ws.update_campaign(id, &edited).await.unwrap();
    let after = ws.explain_match(id, a).await.unwrap();
    assert_ne!(after.score, e.score, "editing the campaign changes the score at once");
}

#[tokio::test]
async fn a_learned_model_is_used_only_once_adopted_and_can_be_rolled_back() {
    let (_dir, ws) = workspace().await;
    ws.load_demo().await.unwrap();
    let card = ws.model_card().await.unwrap();
    assert_eq!(card.outcomes.total, card.outcomes.simulated, "the demo's outcomes are all simulated");
    assert_eq!(card.in_use, None, "the default model is in use");

    let (examples, _) = ws.training_examples().await.unwrap();
    let past = |e: &scout_match::Example| e.values[scout_app::Feature::PastResults.index()];
    assert!(
        past(&examples[0]).is_nan(),
        "the oldest invitation has no past results: its own outcome does not leak in"
    );
    assert!(
        examples.iter().any(|e| !past(e).is_nan()),
        "later invitations of the same creator see the earlier ones"
    );
    let learned = ws.train_model().await.unwrap();
    assert!(learned.evaluation.simulated, "a model trained on simulated outcomes says so");
    assert!(!learned.in_use, "training does not switch models");
    let id = ws.find_campaign("Example: Glow serum launch").await.unwrap().id;
    let q = RankQuery { limit: 5, ..Default::default() };
    assert_eq!(ws.rank_matches(id, &q).await.unwrap().model_version, "default-3");

    ws.adopt_model(learned.id).await.unwrap();
    assert_eq!(ws.rank_matches(id, &q).await.unwrap().model_version, learned.model.version);
    assert_eq!(ws.model_card().await.unwrap().in_use, Some(learned.id));

    ws.use_default_model().await.unwrap();
    assert_eq!(ws.rank_matches(id, &q).await.unwrap().model_version, "default-3", "rolled back");
}

#[tokio::test]
async fn a_finished_campaign_is_duplicated_archived_and_deleted_with_its_orders_kept_unattributed() {
    let (_dir, ws) = workspace().await;
    ws.load_demo().await.unwrap();
    let finished = ws.find_campaign("Example: Lip oil launch (finished)").await.unwrap();

    // Its settings, under a new name; none of its shortlist or history.
    let copy = ws.duplicate_campaign(finished.id).await.unwrap();
    assert_eq!(copy.spec.name, "Example: Lip oil launch (finished) (copy)");
    assert_eq!(copy.spec.product, finished.spec.product);
    assert_eq!((copy.shortlisted, copy.outcomes, copy.simulated), (0, 0, false));
    let again = ws.duplicate_campaign(finished.id).await.unwrap();
    assert_eq!(again.spec.name, "Example: Lip oil launch (finished) (copy 2)");

    // Archived: out of the follow-ups, everything kept.
    assert!(ws.follow_ups().await.unwrap().due.iter().any(|f| f.campaign_id == finished.id));
    let archived = ws.archive_campaign(finished.id, true).await.unwrap();
    assert!(archived.archived_at.is_some());
    assert!(!ws.follow_ups().await.unwrap().due.iter().any(|f| f.campaign_id == finished.id));

    // Deleted: what goes is counted first; its orders stay, unattributed.
    let footprint = ws.campaign_footprint(finished.id).await.unwrap();
    assert_eq!((footprint.shortlisted, footprint.offers), (30, 0), "{footprint:?}");
    assert!(footprint.attributed_order_lines > 100 && footprint.records > 0, "{footprint:?}");
    let before = ws.results_report(&scout_domain::ResultsQuery::default()).await.unwrap();
    ws.delete_campaign(finished.id).await.unwrap();
    let after = ws.results_report(&scout_domain::ResultsQuery::default()).await.unwrap();
    assert_eq!(
        after.unattributed_lines,
        before.unattributed_lines + footprint.attributed_order_lines,
        "every credited order line is kept, unattributed"
    );
    let gone = ws.campaign(finished.id).await.unwrap_err();
    assert_eq!(gone.code(), ErrorCode::NotFound);
}

#[tokio::test]
async fn a_selection_of_creators_joins_a_shortlist_once_and_a_whole_list_is_refused() {
    let (_dir, ws) = workspace().await;
    ws.load_demo().await.unwrap();
    let campaign = ws.find_campaign("Example: Glow serum launch").await.unwrap().id;
    let page = ws.list_creators(&scout_app::CreatorQuery { limit: 3, ..Default::default() }).await.unwrap();
    let picked =
        scout_app::CreatorQuery { ids: Some(page.rows.iter().map(|r| r.id).collect()), ..Default::default() };
    assert_eq!(ws.shortlist_creators(campaign, &picked).await.unwrap(), 3);
    assert_eq!(ws.shortlist_creators(campaign, &picked).await.unwrap(), 0, "already there");
    let everyone = ws.shortlist_creators(campaign, &scout_app::CreatorQuery::default()).await.unwrap_err();
    assert_eq!(everyone.code(), ErrorCode::InvalidInput);
    assert!(everyone.to_string().contains("2050 creators match; at most 1000"), "{everyone}");
    assert_eq!(ws.shortlist(campaign).await.unwrap().len(), 3, "nothing more joined");
}

#[tokio::test]
async fn a_creator_is_added_and_edited_by_hand_and_a_blank_keeps_what_is_known() {
    let (_dir, ws) = workspace().await;
    let entry = scout_app::HandEntry {
        handle: "@mia.glow".into(),
        display_name: Some("Mia".into()),
        followers: Some(12_000),
        email: Some("mia@example.com".into()),
        ..Default::default()
    };
    let added = ws.save_creator_by_hand(&entry).await.unwrap();
    assert_eq!((added.counts.created, added.file_name.as_str()), (1, scout_app::HAND_SOURCE));
    let edit =
        scout_app::HandEntry { handle: "mia.glow".into(), avg_views: Some(3_000), ..Default::default() };
    let edited = ws.save_creator_by_hand(&edit).await.unwrap();
    assert_eq!(edited.counts.updated, 1);
    let row = ws.list_creators(&scout_app::CreatorQuery::default()).await.unwrap().rows.remove(0);
    assert_eq!((row.followers, row.avg_views), (Some(12_000), Some(3_000)), "a blank kept the followers");
    let detail = ws.creator(row.id).await.unwrap();
    assert_eq!(detail.profile.email.as_deref(), Some("mia@example.com"));
    assert_eq!(detail.last_source_name, scout_app::HAND_SOURCE);

    let bad = scout_app::HandEntry { handle: "".into(), country: Some("Spain".into()), ..Default::default() };
    let refused = ws.save_creator_by_hand(&bad).await.unwrap_err();
    let fields: Vec<String> = refused.payload().problems.into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["handle", "country"]);
    assert_eq!(ws.import_batches().await.unwrap().len(), 2, "nothing written for a refusal");
}
