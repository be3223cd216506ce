//! Backups: an online copy taken while a 200,000-row import writes is one side of it or the other and
//! whole; a backup's summary is read from the file; a workspace whose file was damaged is restored from a
//! backup, its damaged files kept aside; a backup that is not whole is refused before anything changes.
#![allow(clippy::unwrap_used)]

mod common;

use common::{import, record, rows};
use scout_domain::ImportCounts;
use scout_store::backup::{self, BACKUP_EXTENSION};
use scout_store::{BackupKind, Store, StoreError};
use std::path::Path;

async fn integrity(path: &Path) -> String {
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", path.display())).await.unwrap();
    // A page too damaged to read fails the pragma itself.
    let ok = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&db)
        .await
        .unwrap_or_else(|e: sqlx::Error| e.to_string());
    db.close().await;
    ok
}

#[tokio::test]
async fn a_backup_is_listed_with_what_it_holds_and_verifies() {
    let (dir, store) = common::store().await;
    import(&store, "a.csv", 1, (0..25).map(|i| record(&format!("c{i}"), Some(100), None)).collect()).await;
    let folder = dir.path().join("backups");
    let made = store.back_up(&folder, BackupKind::Manual).await.unwrap();
    let summary = made.summary.clone().unwrap();
    assert_eq!((summary.creators, summary.campaigns, summary.kind), (25, 0, BackupKind::Manual));
    assert_eq!(summary.workspace, "ws.scout");
    assert!(summary.schema_version >= 20261124000100, "{}", summary.schema_version);
    assert!(made.path.extension().is_some_and(|e| e == BACKUP_EXTENSION) && made.size_bytes > 0);

    let listed = backup::list(&folder).await.unwrap();
    assert_eq!(listed, vec![made.clone()], "the one backup, and nothing else in the folder is listed");
    assert_eq!(backup::describe(&made.path).await.unwrap(), summary);
    assert_eq!(backup::verify(&made.path).await.unwrap(), summary);
    let names: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    // Describing it changed nothing in it (read-only, no journal left beside it).
    assert_eq!(integrity(&made.path).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_during_a_200k_row_import_holds_either_side_of_it() {
    let (dir, store) = common::store().await;
    import(&store, "before.csv", 1, (0..1_000).map(|i| record(&format!("old{i}"), Some(5), None)).collect())
        .await;
    let folder = dir.path().join("backups");
    let writer = store.clone();
    let running = tokio::spawn(async move {
        let mut session = common::begin(&writer, "big.csv", 2).await;
        for chunk in 0..100u64 {
            let records = (0..2_000).map(|i| record(&format!("new{chunk}x{i}"), Some(i), None)).collect();
            session.apply(rows(records)).await.unwrap();
        }
        session.commit(ImportCounts::default()).await.unwrap();
    });
    let mut during = 0;
    while !running.is_finished() {
        let b = store.back_up(&folder, BackupKind::Manual).await.unwrap();
        let s = b.summary.unwrap();
        assert!(s.creators == 1_000 || s.creators == 201_000, "a backup holds {} creators", s.creators);
        assert_eq!(integrity(&b.path).await, "ok");
        during += 1;
    }
    running.await.unwrap();
    assert!(during >= 2, "backups ran while the import wrote ({during})");
    let after = store.back_up(&folder, BackupKind::Manual).await.unwrap();
    assert_eq!(after.summary.unwrap().creators, 201_000, "after the commit, the import is in the backup");
    for b in backup::list(&folder).await.unwrap() {
        let s = backup::verify(&b.path).await.unwrap();
        assert!(s.creators == 1_000 || s.creators == 201_000, "{}: {}", b.path.display(), s.creators);
    }
}

#[tokio::test]
async fn a_damaged_workspace_is_restored_and_its_files_kept_aside() {
    let (dir, store) = common::store().await;
    import(
        &store,
        "a.csv",
        1,
        (0..3_000).map(|i| record(&format!("c{i}"), Some(100), Some("Name"))).collect(),
    )
    .await;
    let folder = dir.path().join("backups");
    let good = store.back_up(&folder, BackupKind::Manual).await.unwrap();
    import(&store, "b.csv", 2, (0..10).map(|i| record(&format!("later{i}"), Some(1), None)).collect()).await;
    let path = store.path().to_path_buf();
    store.close().await;

    // Damage: zeroes over pages in the middle of the file (the creators table's b-tree).
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 40 * 4096, "the workspace has pages to damage ({} bytes)", bytes.len());
    bytes[8 * 4096..30 * 4096].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap();
    assert_ne!(integrity(&path).await, "ok", "the damage shows");

    let report = backup::restore(&path, &good.path, &folder, Store::newest_schema()).await.unwrap();
    assert_eq!(report.restored.creators, 3_000);
    assert!(report.pre_restore.is_none(), "a damaged workspace cannot be backed up whole");
    let kept = report.damaged_copy.unwrap();
    assert_eq!(std::fs::read(&kept).unwrap(), bytes, "the damaged file is kept as it was");
    assert!(
        backup::list(&folder).await.unwrap().iter().all(|b| b.path != kept),
        "and not listed as a backup"
    );

    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.creator_count().await.unwrap(), 3_000, "the backup's creators are back");
    store.close().await;
    assert_eq!(integrity(&path).await, "ok");
    let has_summary: bool =
        sqlx::query_scalar("SELECT count(*) > 0 FROM sqlite_master WHERE name = 'scout_backup'")
            .fetch_one(&sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap())
            .await
            .unwrap();
    assert!(!has_summary, "the restored workspace does not carry the backup's summary table");
}

#[tokio::test]
async fn a_healthy_workspace_is_backed_up_before_a_restore_and_a_damaged_backup_is_refused() {
    let (dir, store) = common::store().await;
    import(&store, "a.csv", 1, (0..50).map(|i| record(&format!("c{i}"), Some(100), None)).collect()).await;
    let folder = dir.path().join("backups");
    let first = store.back_up(&folder, BackupKind::Manual).await.unwrap();
    import(&store, "b.csv", 2, (0..7).map(|i| record(&format!("n{i}"), Some(1), None)).collect()).await;
    let path = store.path().to_path_buf();
    store.close().await;

    let mut broken = std::fs::read(&first.path).unwrap();
    let half = broken.len() / 2;
    broken[half..].fill(0);
    let bad = dir.path().join("bad.scout-backup");
    std::fs::write(&bad, &broken).unwrap();
    let before = std::fs::read(&path).unwrap();
    let refused = backup::restore(&path, &bad, &folder, Store::newest_schema()).await.unwrap_err();
    assert!(matches!(refused, StoreError::BackupDamaged { .. } | StoreError::NotABackup { .. }), "{refused}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "a refused restore changes nothing");

    let report = backup::restore(&path, &first.path, &folder, Store::newest_schema()).await.unwrap();
    let pre = report.pre_restore.unwrap();
    assert_eq!(pre.summary.as_ref().unwrap().creators, 57, "the workspace as it was is kept");
    assert_eq!(pre.summary.unwrap().kind, BackupKind::PreRestore);
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.creator_count().await.unwrap(), 50);
}

#[tokio::test]
async fn a_workspace_still_open_is_not_replaced() {
    let (dir, store) = common::store().await;
    import(&store, "a.csv", 1, (0..5).map(|i| record(&format!("c{i}"), Some(100), None)).collect()).await;
    let folder = dir.path().join("backups");
    let made = store.back_up(&folder, BackupKind::Manual).await.unwrap();
    // The store stays open (as the window keeps it while a `scout backup restore` runs).
    let refused =
        backup::restore(store.path(), &made.path, &folder, Store::newest_schema()).await.unwrap_err();
    assert!(matches!(refused, StoreError::WorkspaceInUse { .. }), "{refused}");
    assert_eq!(store.creator_count().await.unwrap(), 5, "the open workspace still works");
    assert_eq!(backup::list(&folder).await.unwrap(), vec![made], "and no pre-restore backup is left");
}
