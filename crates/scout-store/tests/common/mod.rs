//! Helpers shared by the store's integration tests: creators imported through a real import session.
#![allow(dead_code, clippy::unwrap_used)]

use chrono::NaiveDate;
use scout_domain::{
    CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Handle, ImportCounts, Platform,
};
use scout_store::{ImportSession, IncomingRow, NewBatch, RowOutcome, SourceKind, Store};

pub fn record(handle: &str, followers: Option<u64>, name: Option<&str>) -> CreatorRecord {
    CreatorRecord {
        key: CreatorKey { platform: Platform::TikTok, handle: Handle::parse(handle).unwrap() },
        profile: CreatorProfile { display_name: name.map(String::from), ..Default::default() },
        figures: CreatorFigures { followers, ..Default::default() },
        audience: None,
        as_of: None,
    }
}

pub fn rows(records: Vec<CreatorRecord>) -> Vec<IncomingRow> {
    records.into_iter().enumerate().map(|(i, record)| IncomingRow { line: i as u64 + 2, record }).collect()
}

pub async fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("ws.scout")).await.unwrap();
    (dir, store)
}

pub async fn begin(store: &Store, name: &str, day: u32) -> ImportSession {
    store
        .begin_import(
            NewBatch {
                source_name: name.into(),
                source_kind: SourceKind::File,
                content_hash: Some(format!("hash-{name}")),
                format: Some("csv".into()),
                headers: vec!["handle".into()],
                mapping: None,
                as_of: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            },
            0,
        )
        .await
        .unwrap()
}

pub async fn import(store: &Store, name: &str, day: u32, records: Vec<CreatorRecord>) -> Vec<RowOutcome> {
    let mut s = begin(store, name, day).await;
    let out = s.apply(rows(records)).await.unwrap();
    s.commit(ImportCounts::default()).await.unwrap();
    assert_references_hold(store).await;
    out.into_iter().map(|(_, o)| o).collect()
}

/// Imports write without SQLite enforcing foreign keys (see `Store::bulk_connection`): every reference
/// they leave must hold all the same.
pub async fn assert_references_hold(store: &Store) {
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", store.path().display())).await.unwrap();
    let broken: Vec<(String, Option<i64>, String, i64)> =
        sqlx::query_as("PRAGMA foreign_key_check").fetch_all(&db).await.unwrap();
    db.close().await;
    assert!(broken.is_empty(), "rows referencing nothing (table, rowid, parent, fk): {broken:?}");
}

/// A campaign (the example spec) with these creators, imported with 1,000 followers each, on its
/// shortlist; returns the campaign id and the creators' ids in the order given.
pub async fn campaign_with(store: &Store, handles: &[&str]) -> (i64, Vec<i64>) {
    let records = handles.iter().map(|h| record(h, Some(1_000), None)).collect();
    import(store, "c.csv", 1, records).await;
    let mut ids = Vec::new();
    for h in handles {
        ids.push(store.creator_id(Platform::TikTok, &Handle::parse(h).unwrap()).await.unwrap().unwrap());
    }
    let spec: scout_domain::CampaignSpec =
        serde_json::from_str(include_str!("../../../../fixtures/campaigns/example.json")).unwrap();
    let campaign = store.create_campaign(&spec, false).await.unwrap().id;
    for id in &ids {
        store.shortlist_add(campaign, *id).await.unwrap();
    }
    (campaign, ids)
}
