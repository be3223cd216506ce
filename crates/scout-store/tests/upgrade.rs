//! Upgrades never lose data: each workspace an earlier Scout made (`fixtures/workspaces/`) opens with the
//! current code — every migration since runs — and still holds every creator, campaign, offer,
//! agreement, order line and import issue it held, with its references intact. A workspace from a
//! newer Scout is refused before anything in it changes.
#![allow(clippy::unwrap_used)]

use scout_store::{Store, StoreError};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/workspaces");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "scout") {
            let expected = std::fs::read_to_string(path.with_extension("json")).unwrap();
            out.push((path, serde_json::from_str(&expected).unwrap()));
        }
    }
    assert!(!out.is_empty(), "fixtures/workspaces holds at least one workspace");
    out
}

async fn count(db: &sqlx::SqlitePool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(db).await.unwrap()
}

#[tokio::test]
async fn every_earlier_workspace_opens_migrated_with_everything_it_held() {
    for (fixture, expected) in fixtures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ws.scout");
        std::fs::copy(&fixture, &path).unwrap();
        let store = Store::open(&path).await.unwrap();
        assert!(store.list_campaigns().await.unwrap().iter().all(|c| c.archived_at.is_none()));
        store.close().await;

        // Before the migrations ran, the workspace as it was went into a backup beside it.
        let backups = scout_store::backup::list(&dir.path().join("backups")).await.unwrap();
        assert_eq!(backups.len(), 1, "{}: one pre-migration backup", fixture.display());
        let before = backups[0].summary.clone().unwrap();
        assert_eq!(before.kind, scout_store::BackupKind::PreMigration);
        assert_eq!(
            before.schema_version,
            expected["schema_version"].as_i64().unwrap(),
            "taken before migrating"
        );
        assert_eq!(before.creators as i64, expected["counts"]["creators"].as_i64().unwrap());
        assert_eq!(before.order_lines as i64, expected["counts"]["order_lines"].as_i64().unwrap());
        scout_store::backup::verify(&backups[0].path).await.unwrap();

        let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
        for (table, want) in expected["counts"].as_object().unwrap() {
            assert_eq!(count(&db, table).await, want.as_i64().unwrap(), "{}: {table}", fixture.display());
        }
        let newest: i64 =
            sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations").fetch_one(&db).await.unwrap();
        assert!(newest > expected["schema_version"].as_i64().unwrap(), "the migrations since ran");
        let broken: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&db).await.unwrap();
        assert!(broken.is_empty(), "{}: references broken in {broken:?}", fixture.display());
        let ok: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&db).await.unwrap();
        assert_eq!(ok, "ok");
        // The one-time rebuild of import_batches (source kind 'hand') ran, keeping every batch.
        let table: String = sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = 'import_batches'")
            .fetch_one(&db)
            .await
            .unwrap();
        assert!(table.contains("'hand'"), "{table}");
        db.close().await;
        let again = Store::open(&path).await.unwrap();
        assert_eq!(
            again.list_batches().await.unwrap().len() as i64,
            expected["counts"]["import_batches"].as_i64().unwrap()
        );
        again.close().await;
        let backups = scout_store::backup::list(&dir.path().join("backups")).await.unwrap();
        assert_eq!(backups.len(), 1, "an up-to-date workspace opens without another backup");
    }
}

#[tokio::test]
async fn a_workspace_from_a_newer_scout_is_refused_and_left_as_it_was() {
    let (fixture, _) = fixtures().remove(0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.scout");
    std::fs::copy(&fixture, &path).unwrap();
    {
        let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (99991231000000, 'from the future', 1, x'00', 0)",
        )
        .execute(&db)
        .await
        .unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&db).await.unwrap();
        db.close().await;
    }
    let before = std::fs::read(&path).unwrap();
    let refused = Store::open(&path).await.unwrap_err();
    assert!(matches!(refused, StoreError::NewerWorkspace { version: 99991231000000, .. }), "{refused}");
    assert!(refused.to_string().contains("made by a newer version of Scout"), "{refused}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing in it was changed");
}
