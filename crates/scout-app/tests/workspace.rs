//! Workspace use cases end to end on real files: the demo, cancelling mid-import, saved mappings, and
//! (in `workspace/campaigns.rs`) campaigns, matches and models, (in `workspace/ranking.rs`) rankings on
//! the real creator list, and (in `workspace/outreach.rs`) offers,
//! collaborations and follow-ups, (in `workspace/tiktok.rs`) the TikTok Shop channel, (in
//! `workspace/tiktok_orders.rs`) affiliate orders synced from the TikTok Shop API, and (in
//! `workspace/results.rs`) results from order file to report, (in `workspace/backups.rs`) backups, and (in
//! `workspace/samples.rs`) sample requests synced from TikTok Shop.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use scout_app::{
    AppError, CancelToken, ColumnMapping, CreatorQuery, Field, ImportRequest, MappingSource, Workspace,
};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

#[path = "workspace/backups.rs"]
mod backups;
#[path = "workspace/campaigns.rs"]
mod campaigns;
#[path = "workspace/import_lists.rs"]
mod import_lists;
#[path = "workspace/marketplace.rs"]
mod marketplace;
#[path = "workspace/messages.rs"]
mod messages;
#[path = "workspace/outreach.rs"]
mod outreach;
#[path = "workspace/ranking.rs"]
mod ranking;
#[path = "workspace/results.rs"]
mod results;
#[path = "workspace/sample_learning.rs"]
mod sample_learning;
#[path = "workspace/samples.rs"]
mod samples;
#[path = "workspace/tiktok.rs"]
mod tiktok;
#[path = "workspace/tiktok_orders.rs"]
mod tiktok_orders;

pub(crate) async fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("ws.scout")).await.unwrap();
    (dir, ws)
}

#[tokio::test]
async fn the_demo_loads_creators_and_their_history() {
    let (_dir, ws) = workspace().await;
    let reports = ws.load_demo().await.unwrap();
    assert_eq!(reports[0].counts.created, 2000, "the demo brings 2,000 creators");
    assert_eq!(
        (reports[1].counts.updated, reports[1].counts.created),
        (300, 50),
        "the update re-lists 300, adds 50"
    );
    assert_eq!(ws.info().await.unwrap().creator_count, 2050, "2,050 creators in all");
    let relisted = ws.import_batches().await.unwrap()[0].id;
    let page = ws.list_creators(&CreatorQuery { limit: 1000, ..Default::default() }).await.unwrap();
    let mut found_history = false;
    for row in page.rows.iter().take(400) {
        let d = ws.creator(row.id).await.unwrap();
        if d.history.len() == 2 {
            found_history = true;
            assert!(d.history[1].batch_id == relisted, "the second snapshot comes from the update");
            assert!(d.history[0].as_of < d.history[1].as_of, "snapshots are dated in order");
            break;
        }
    }
    assert!(found_history, "some demo creators have two dated snapshots");
}

#[tokio::test]
async fn cancelling_mid_import_changes_nothing() {
    let (dir, ws) = workspace().await;
    let big = dir.path().join("big.csv");
    let cfg = scout_fixtures::GeneratorConfig {
        seed: 3,
        count: 60_000,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    };
    scout_fixtures::write_csv(&cfg, std::fs::File::create(&big).unwrap()).unwrap();
    let cancel = CancelToken::default();
    let seen = Arc::new(Mutex::new(0u64));
    let (c, s) = (cancel.clone(), seen.clone());
    let result = ws
        .import_file(
            ImportRequest::file(big.clone()),
            move |p| {
                *s.lock().unwrap() = p.rows_done;
                c.cancel();
            },
            cancel,
        )
        .await;
    assert!(matches!(result, Err(AppError::Cancelled)), "the import reports it was cancelled: {result:?}");
    let rows_seen = *seen.lock().unwrap();
    assert!(rows_seen > 0 && rows_seen < 60_000, "it was cancelled part-way ({rows_seen} rows in)");
    assert_eq!(ws.info().await.unwrap().creator_count, 0, "no creator of the cancelled import remains");
    assert_eq!(ws.import_batches().await.unwrap().len(), 0, "no batch is recorded");
    let report = ws.import_file(ImportRequest::file(big), |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(report.counts.created, 60_000, "the same file imports in full afterwards");

    // A file this large next to the table defers its sort indexes; lists sort meanwhile, and the
    // import's background work builds them without anyone asking.
    let by_followers = CreatorQuery { limit: 3, ..Default::default() };
    let first = ws.list_creators(&by_followers).await.unwrap();
    assert_eq!(first.total, 60_000);
    let mut waited = 0;
    loop {
        // The window's "building" flag turns false only once no deferred index is left (the list only
        // ever shrinks, so a flag read first that is false means the list read second is empty).
        let building = ws.info().await.unwrap().sort_indexes_building;
        let left = ws.deferred_indexes().await.unwrap();
        if !building {
            assert!(left.is_empty(), "not building while {left:?} wait");
            break;
        }
        assert!(waited < 600, "the deferred sort indexes are built in the background");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
    }
    let after = ws.list_creators(&by_followers).await.unwrap();
    assert_eq!(
        after.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        first.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        "the same page through the index"
    );
    assert!(first.rows[0].followers >= first.rows[1].followers, "sorted, largest first");
}

#[tokio::test]
async fn a_mapping_set_by_hand_is_remembered_for_files_with_the_same_columns() {
    let (dir, ws) = workspace().await;
    let write = |name: &str, body: &str| {
        let p: PathBuf = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    let first = write("week1.csv", "Who,Fans\nalice,100\n");
    let preview = ws.preview_import(first.clone(), None).await.unwrap();
    assert_eq!(
        preview.preview.missing_required,
        vec![Field::Handle],
        "unknown headers leave the handle unmapped"
    );
    let mapping = ColumnMapping { columns: vec![Some(Field::Handle), Some(Field::Followers)] };
    let request = ImportRequest { mapping: Some(mapping.clone()), ..ImportRequest::file(first) };
    ws.import_file(request, |_| {}, CancelToken::default()).await.unwrap();

    let second = write("week2.csv", "who , FANS\nbob,200\n");
    let preview = ws.preview_import(second.clone(), None).await.unwrap();
    assert_eq!(preview.mapping_source, MappingSource::Saved, "the saved mapping is offered");
    assert_eq!(preview.preview.mapping, mapping, "for the same columns, spelled loosely");
    let report = ws.import_file(ImportRequest::file(second), |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(report.counts.created, 1, "and used when importing without a mapping");
}
