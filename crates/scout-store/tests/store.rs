//! Store integration tests: upsert, snapshots, merges, renames and import atomicity on a real SQLite file.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use scout_domain::{CreatorFigures, Handle, ImportCounts, IssueOutcome, Platform, RowIssue};
use scout_store::{
    CreatorQuery, CreatorSort, IncomingRow, NewBatch, RowOutcome, SourceKind, Store, StoreError,
};

mod common;
use common::{assert_references_hold, begin, import, record, rows, store};

#[path = "store/conversations.rs"]
mod conversations;

#[path = "store/sample_requests.rs"]
mod sample_requests;

#[path = "store/sample_decisions.rs"]
mod sample_decisions;

#[path = "store/sample_history.rs"]
mod sample_history;

async fn detail_of(store: &Store, handle: &str) -> scout_store::CreatorDetail {
    let q = CreatorQuery { search: Some(handle.into()), ..Default::default() };
    let page = store.list_creators(&q).await.unwrap();
    assert_eq!(page.total, 1, "exactly one creator matches {handle}");
    store.creator_detail(page.rows[0].id).await.unwrap()
}

#[tokio::test]
async fn upsert_updates_by_handle_and_blank_never_erases() {
    let (_dir, store) = store().await;
    let first = import(
        &store,
        "a.csv",
        1,
        vec![record("alice", Some(100), Some("Alice")), record("bob", Some(5), None)],
    )
    .await;
    assert_eq!(first, vec![RowOutcome::Created, RowOutcome::Created], "new handles are created");

    let second =
        import(&store, "b.csv", 2, vec![record("@ALICE", Some(150), None), record("bob", Some(5), None)])
            .await;
    assert_eq!(
        second,
        vec![RowOutcome::Updated, RowOutcome::Unchanged],
        "same handle in another case updates"
    );
    assert_eq!(store.creator_count().await.unwrap(), 2, "no duplicate creator for a re-listed handle");

    let alice = detail_of(&store, "alice").await;
    assert_eq!(alice.figures.followers, Some(150), "the newer figure wins");
    assert_eq!(
        alice.profile.display_name.as_deref(),
        Some("Alice"),
        "a blank name does not erase the stored one"
    );
    assert_eq!(alice.history.len(), 2, "each import that changed a figure added a snapshot");
    assert_eq!(alice.history[0].figures.followers, Some(100), "history keeps the old figure");
    assert_eq!(alice.history[1].as_of, NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(), "snapshots are dated");
    let src = alice.provenance.iter().find(|p| p.field == "followers").unwrap();
    assert_eq!(src.source_name, "b.csv", "provenance names the import that supplied the current figure");

    let bob = detail_of(&store, "bob").await;
    assert_eq!(bob.history.len(), 1, "an unchanged re-import adds no snapshot");
}

#[tokio::test]
async fn a_created_creator_gets_its_categories_and_first_snapshot_from_its_own_row() {
    let (_dir, store) = store().await;
    let with = |handle: &str, followers: Option<u64>, cats: &[&str], as_of: Option<u32>| {
        let mut r = record(handle, followers, None);
        r.profile.categories = cats.iter().map(|c| c.to_string()).collect();
        r.as_of = as_of.map(|d| NaiveDate::from_ymd_opt(2026, 10, d).unwrap());
        r
    };
    let in_category = |cat: &'static str| {
        let store = store.clone();
        async move {
            let q = CreatorQuery {
                category: Some(cat.into()),
                sort: CreatorSort::Handle,
                descending: false,
                ..Default::default()
            };
            let page = store.list_creators(&q).await.unwrap();
            page.rows.iter().map(|r| r.handle.as_str().to_string()).collect::<Vec<_>>()
        }
    };
    import(
        &store,
        "a.csv",
        1,
        vec![
            with("ann", Some(10), &["beauty", "home"], None),
            with("ben", None, &["home"], None),
            with("cat", Some(30), &[], Some(15)),
        ],
    )
    .await;
    let ann = detail_of(&store, "ann").await;
    assert_eq!(ann.history.len(), 1);
    assert_eq!(ann.history[0].figures, ann.figures, "the first snapshot holds the row's figures");
    assert_eq!(ann.history[0].as_of, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), "dated by the import");
    assert!(detail_of(&store, "ben").await.history.is_empty(), "a row with no figures adds no snapshot");
    let cat = detail_of(&store, "cat").await;
    assert_eq!(cat.history.len(), 1);
    assert_eq!(cat.history[0].as_of, NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(), "its own date wins");
    assert_eq!(cat.history[0].figures.followers, Some(30));
    assert_eq!(in_category("home").await, ["ann", "ben"], "categories come from each created row");
    assert_eq!(in_category("beauty").await, ["ann"]);

    import(&store, "b.csv", 2, vec![with("ann", Some(11), &["pets"], None)]).await;
    assert_eq!(in_category("home").await, ["ben"], "an update replaces the stored categories");
    assert_eq!(in_category("pets").await, ["ann"]);
    assert_eq!(detail_of(&store, "ann").await.history.len(), 2, "and a changed figure adds a snapshot");
}

#[tokio::test]
async fn a_write_that_fails_after_its_chunk_was_accepted_fails_the_import_and_stores_nothing() {
    let (dir, store) = store().await;
    import(&store, "a.csv", 1, vec![record("alice", Some(1), None)]).await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.path().join("ws.scout").display()))
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON creators WHEN NEW.handle = 'boom' \
         BEGIN SELECT RAISE(ABORT, 'boom is refused'); END",
    )
    .execute(&db)
    .await
    .unwrap();
    db.close().await;

    // Writes are queued, so the chunk holding the bad row may be accepted before SQLite refuses it;
    // the refusal then surfaces at the next call, at the latest at commit.
    let mut s = begin(&store, "b.csv", 2).await;
    let first = s.apply(rows(vec![record("bob", Some(2), None), record("boom", Some(3), None)])).await;
    let err = match first {
        Err(e) => e,
        Ok(_) => match s.apply(rows(vec![record("carl", Some(4), None)])).await {
            Err(e) => e,
            Ok(_) => s.commit(ImportCounts::default()).await.unwrap_err(),
        },
    };
    assert!(err.to_string().contains("boom is refused"), "the database's reason is kept: {err}");
    let q = CreatorQuery::default();
    let handles: Vec<String> =
        store.list_creators(&q).await.unwrap().rows.iter().map(|r| r.handle.as_str().to_string()).collect();
    assert_eq!(handles, ["alice"], "nothing of the failed import is stored");
    assert_eq!(store.list_batches().await.unwrap().len(), 1, "nor its batch");
    import(&store, "c.csv", 3, vec![record("dora", Some(5), None)]).await;
    assert_eq!(store.creator_count().await.unwrap(), 2, "the next import works");
}

#[tokio::test]
async fn duplicates_within_one_import_merge_and_say_which_line() {
    let (_dir, store) = store().await;
    let mut s = begin(&store, "dup.csv", 1).await;
    let out1 = s
        .apply(rows(vec![record("zach", Some(8), Some("Zach")), record("zach", None, Some("Zach C"))]))
        .await
        .unwrap();
    assert_eq!(out1[1].1, RowOutcome::Merged { first_line: Some(2) }, "a repeat in the same chunk merges");
    let out2 = s.apply(vec![IncomingRow { line: 90, record: record("zach", Some(9), None) }]).await.unwrap();
    assert_eq!(out2[0].1, RowOutcome::Merged { first_line: Some(2) }, "a repeat in a later chunk merges too");
    s.commit(ImportCounts::default()).await.unwrap();
    assert_references_hold(&store).await;
    let zach = detail_of(&store, "zach").await;
    assert_eq!(zach.figures.followers, Some(9), "the later row's figure wins");
    assert_eq!(zach.profile.display_name.as_deref(), Some("Zach C"), "the later row's name wins");
    assert_eq!(zach.history.len(), 1, "one import gives one snapshot per creator");
    assert_eq!(zach.history[0].figures.followers, Some(9), "the snapshot holds the merged figures");
}

#[tokio::test]
async fn a_renamed_handle_with_the_same_open_id_is_the_same_creator() {
    let (_dir, store) = store().await;
    let mut old = record("oldname", Some(10), None);
    old.profile.open_id = Some("OID-1".into());
    import(&store, "a.csv", 1, vec![old]).await;
    let mut new = record("newname", Some(12), None);
    new.profile.open_id = Some("OID-1".into());
    let out = import(&store, "b.csv", 2, vec![new]).await;
    assert_eq!(out, vec![RowOutcome::Updated], "a rename updates the creator");
    assert_eq!(store.creator_count().await.unwrap(), 1, "the rename did not create a second creator");
    assert_eq!(
        detail_of(&store, "newname").await.figures.followers,
        Some(12),
        "the creator now has the new handle"
    );
}

#[tokio::test]
async fn a_first_import_finds_its_own_earlier_chunks_and_later_imports_keep_ids() {
    // Into an empty table only rows of the import itself can be found again: a rename by open id in a
    // later chunk of the very first import still finds the creator its first chunk wrote.
    let (_dir, store) = store().await;
    let mut s = begin(&store, "first.csv", 1).await;
    let mut old = record("before", Some(10), None);
    old.profile.open_id = Some("OID-7".into());
    s.apply(vec![
        IncomingRow { line: 2, record: old },
        IncomingRow { line: 3, record: record("other", Some(1), None) },
    ])
    .await
    .unwrap();
    let mut renamed = record("after", Some(11), None);
    renamed.profile.open_id = Some("OID-7".into());
    let out = s.apply(vec![IncomingRow { line: 4, record: renamed }]).await.unwrap();
    assert_eq!(
        out[0].1,
        RowOutcome::Merged { first_line: None },
        "the same creator, renamed within the file"
    );
    s.commit(ImportCounts::default()).await.unwrap();
    assert_references_hold(&store).await;
    assert_eq!(store.creator_count().await.unwrap(), 2);
    let after = detail_of(&store, "after").await;
    assert_eq!(after.figures.followers, Some(11));

    // A later import updates in place (same id) and numbers new creators after the stored ones.
    import(&store, "second.csv", 2, vec![record("after", Some(12), None), record("third", Some(3), None)])
        .await;
    assert_eq!(detail_of(&store, "after").await.id, after.id, "an update keeps the creator's id");
    let other = detail_of(&store, "other").await.id;
    let third = detail_of(&store, "third").await.id;
    assert!(
        third > other.max(after.id),
        "a new creator gets a fresh id: {third} after {other}, {}",
        after.id
    );
    assert_eq!(store.creator_count().await.unwrap(), 3);
}

#[tokio::test]
async fn a_rolled_back_import_leaves_no_trace() {
    let (_dir, store) = store().await;
    import(&store, "a.csv", 1, vec![record("alice", Some(100), None)]).await;
    let mut s = begin(&store, "cancelled.csv", 2).await;
    s.apply(rows(vec![record("alice", Some(999), None), record("carol", Some(1), None)])).await.unwrap();
    s.add_issues(&[RowIssue {
        line: 4,
        column: None,
        raw_value: None,
        message: "x".into(),
        outcome: IssueOutcome::Rejected,
        cells: Some(vec!["a".into()]),
    }])
    .await
    .unwrap();
    s.rollback().await.unwrap();
    assert_eq!(store.creator_count().await.unwrap(), 1, "the cancelled import created nobody");
    assert_eq!(
        detail_of(&store, "alice").await.figures.followers,
        Some(100),
        "the cancelled import changed nothing"
    );
    assert_eq!(store.list_batches().await.unwrap().len(), 1, "the cancelled batch is not recorded");

    // An import that is simply dropped (as when the task is aborted) rolls back too.
    let mut s = begin(&store, "dropped.csv", 3).await;
    s.apply(rows(vec![record("dave", Some(1), None)])).await.unwrap();
    drop(s);
    assert_eq!(store.creator_count().await.unwrap(), 1, "a dropped import created nobody");
}

#[tokio::test]
async fn unknown_stored_import_values_are_errors_never_defaults() {
    let (dir, store) = store().await;
    import(&store, "a.csv", 1, vec![record("alice", Some(100), None)]).await;
    let batch = store.list_batches().await.unwrap()[0].id;
    let url = format!("sqlite://{}", dir.path().join("ws.scout").display());
    let mut db = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url).await.unwrap();
    // What a newer Scout might write, read after a downgrade.
    sqlx::query("PRAGMA ignore_check_constraints = ON").execute(&mut db).await.unwrap();
    sqlx::query("INSERT INTO import_issues (batch_id, line, message, outcome) VALUES (?, 2, 'x', 'lost')")
        .bind(batch)
        .execute(&mut db)
        .await
        .unwrap();
    let err = store.batch_issues(batch, 10).await.unwrap_err();
    assert!(matches!(&err, StoreError::Corrupt { table: "import_issues", column: "outcome", .. }), "{err}");
    assert!(err.to_string().contains("'lost'"), "{err}");

    sqlx::query("UPDATE import_batches SET source_kind = 'ftp' WHERE id = ?")
        .bind(batch)
        .execute(&mut db)
        .await
        .unwrap();
    let err = store.list_batches().await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Corrupt { table: "import_batches", column: "source_kind", id, .. } if *id == batch),
        "{err}"
    );
}

#[tokio::test]
async fn list_sorts_filters_and_pages_with_unknowns_last() {
    let (_dir, store) = store().await;
    let records = (0..250u64)
        .map(|i| record(&format!("c{i:03}"), if i % 10 == 0 { None } else { Some(i * 10) }, None))
        .collect();
    import(&store, "a.csv", 1, records).await;
    let q =
        CreatorQuery { sort: CreatorSort::Followers, descending: false, limit: 100, ..Default::default() };
    let p1 = store.list_creators(&q).await.unwrap();
    assert_eq!(p1.total, 250, "total counts every match");
    assert_eq!(p1.rows[0].followers, Some(10), "ascending starts at the smallest known figure");
    let p3 = store.list_creators(&CreatorQuery { offset: 200, ..q.clone() }).await.unwrap();
    assert_eq!(p3.rows.len(), 50, "the last page holds the rest");
    assert!(p3.rows.iter().rev().take(25).all(|r| r.followers.is_none()), "unknown figures sort last");
    let filtered = store
        .list_creators(&CreatorQuery { min_followers: Some(1000), max_followers: Some(1500), ..q.clone() })
        .await
        .unwrap();
    assert_eq!(
        filtered.total, 45,
        "51 creators have 1000..=1500 followers in steps of 10; the 6 with i % 10 == 0 are unknown"
    );
    let searched = store.list_creators(&CreatorQuery { search: Some("C24".into()), ..q }).await.unwrap();
    assert_eq!(searched.total, 10, "search is case-insensitive and matches part of the handle");
}

#[tokio::test]
async fn search_treats_wildcards_literally() {
    let (_dir, store) = store().await;
    import(
        &store,
        "a.csv",
        1,
        vec![record("a_b", Some(1), Some("100% real")), record("axb", Some(1), Some("100 x"))],
    )
    .await;
    let found = |s: &str| {
        let store = store.clone();
        let s = s.to_string();
        async move {
            store.list_creators(&CreatorQuery { search: Some(s), ..Default::default() }).await.unwrap().total
        }
    };
    assert_eq!(found("a_b").await, 1, "'_' is not a wildcard");
    assert_eq!(found("100%").await, 1, "'%' is not a wildcard");
}

/// The indexes on `creators`, read through a connection of the test's own.
async fn creator_indexes(path: &std::path::Path) -> Vec<String> {
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let names =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'creators'")
            .fetch_all(&db)
            .await
            .unwrap();
    db.close().await;
    names
}

/// A million-row file's batch: large enough next to the table to defer the sort indexes.
fn big_batch() -> NewBatch {
    NewBatch {
        source_name: "big.csv".into(),
        source_kind: SourceKind::File,
        content_hash: None,
        format: None,
        headers: vec![],
        mapping: None,
        as_of: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
    }
}

#[tokio::test]
async fn a_bulk_load_defers_the_sort_indexes_until_finished_and_a_rollback_keeps_them() {
    let (dir, store) = store().await;
    let path = dir.path().join("ws.scout");
    let before = creator_indexes(&path).await.len();
    let mut s = store.begin_import(big_batch(), 1_000_000).await.unwrap();
    s.apply(rows(vec![record("alice", Some(1), None)])).await.unwrap();
    s.rollback().await.unwrap();
    assert_eq!(
        creator_indexes(&path).await.len(),
        before,
        "a rolled-back bulk load leaves every index in place"
    );
    assert!(store.deferred_indexes().await.unwrap().is_empty(), "and lists none as deferred");

    let mut s = store.begin_import(big_batch(), 1_000_000).await.unwrap();
    s.apply(rows(vec![record("alice", Some(1), None), record("bob", Some(2), None)])).await.unwrap();
    s.commit(ImportCounts::default()).await.unwrap();
    assert_references_hold(&store).await;
    let deferred = store.deferred_indexes().await.unwrap();
    assert!(deferred.contains(&"creators_followers".to_string()), "the sort indexes wait: {deferred:?}");
    assert_eq!(creator_indexes(&path).await.len(), before - deferred.len(), "each deferred index is missing");
    let q = CreatorQuery { sort: CreatorSort::Followers, descending: true, ..Default::default() };
    assert_eq!(
        store.list_creators(&q).await.unwrap().rows[0].handle.as_str(),
        "bob",
        "sorting works meanwhile"
    );

    assert_eq!(store.finish_deferred().await.unwrap(), deferred.len(), "finishing builds each one");
    assert_eq!(creator_indexes(&path).await.len(), before, "every index is back");
    assert!(store.deferred_indexes().await.unwrap().is_empty());
    assert_eq!(store.finish_deferred().await.unwrap(), 0, "a second call finds nothing left");
    assert_eq!(store.list_creators(&q).await.unwrap().rows[0].handle.as_str(), "bob");
}

#[tokio::test]
async fn sort_indexes_a_stop_left_unbuilt_are_built_when_the_workspace_opens() {
    let (dir, store) = store().await;
    let path = dir.path().join("ws.scout");
    let mut s = store.begin_import(big_batch(), 1_000_000).await.unwrap();
    s.apply(rows(vec![record("alice", Some(1), None)])).await.unwrap();
    s.commit(ImportCounts::default()).await.unwrap();
    assert_references_hold(&store).await;
    assert!(!store.deferred_indexes().await.unwrap().is_empty());
    assert!(!creator_indexes(&path).await.contains(&"creators_followers".to_string()));
    store.close().await; // the app stops before finishing
    drop(store);

    let store = Store::open(&path).await.unwrap();
    assert!(store.deferred_indexes().await.unwrap().is_empty(), "opening built what was left");
    assert!(creator_indexes(&path).await.contains(&"creators_followers".to_string()));
    assert_eq!(store.creator_count().await.unwrap(), 1, "and kept the import");
}

#[tokio::test]
async fn totals_follow_imports_and_descending_pages_end_with_unknowns() {
    let (_dir, store) = store().await;
    import(&store, "a.csv", 1, vec![record("a1", Some(5), None), record("a2", None, None)]).await;
    let q = CreatorQuery { sort: CreatorSort::Followers, descending: true, limit: 10, ..Default::default() };
    assert_eq!(store.list_creators(&q).await.unwrap().total, 2, "two creators at first");
    import(&store, "b.csv", 2, vec![record("b1", Some(9), None)]).await;
    let page = store.list_creators(&q).await.unwrap();
    assert_eq!(page.total, 3, "the cached total is dropped when an import commits");
    let followers: Vec<Option<u64>> = page.rows.iter().map(|r| r.followers).collect();
    assert_eq!(followers, vec![Some(9), Some(5), None], "descending: largest first, unknown last");
    let deep = store.list_creators(&CreatorQuery { offset: 2, ..q }).await.unwrap();
    assert_eq!(deep.rows.len(), 1, "a page past the known values holds the unknown one");
}

/// Every creator as the match engine reads them, `chunk` creators at a time.
async fn match_sources(store: &Store, chunk: u32) -> Vec<scout_store::MatchSource> {
    let mut sources = Vec::new();
    store
        .for_each_match_source::<scout_store::StoreError>(chunk, |part| {
            sources.extend(part);
            Ok(())
        })
        .await
        .unwrap();
    sources
}

#[tokio::test]
async fn the_match_read_decodes_creators_as_the_detail_does() {
    use scout_domain::{AgeBand, AgeShare, AudienceMix, BasisPoints, CountryCode, Currency, Money};
    let (_dir, store) = store().await;
    let mut rich = record("rich", Some(120_000), Some("Rich"));
    rich.figures = CreatorFigures {
        followers: Some(120_000),
        following: Some(340),
        avg_views: Some(20_000),
        avg_likes: Some(1_500),
        avg_comments: Some(40),
        avg_shares: Some(12),
        engagement_rate: Some(BasisPoints(776)),
        gmv: Some(Money::new(1_234_567, Currency::parse("IDR").unwrap())),
        units_sold: Some(89),
        avg_commission_rate: Some(BasisPoints(1_500)),
        gmv_range: None,
        units_sold_range: None,
    };
    rich.profile.categories = vec!["Beauty & Personal Care".into(), "Womenswear".into()];
    rich.profile.country = CountryCode::parse("ID").ok();
    rich.profile.bio = Some("Skincare ✨ \"quoted\" \\ back".into());
    rich.profile.email = Some("a@b.c".into());
    rich.audience = Some(AudienceMix {
        age: vec![AgeShare { band: AgeBand::Age18To24, share: BasisPoints(10_000) }],
        ..Default::default()
    });
    let plain = record("plain", None, None);
    import(&store, "one.csv", 1, vec![rich, plain]).await;
    let mut grown = record("rich", Some(150_000), None);
    grown.as_of = NaiveDate::from_ymd_opt(2026, 11, 20);
    import(&store, "two.csv", 2, vec![grown]).await;

    let sources = match_sources(&store, 1).await;
    assert_eq!(sources.len(), 2, "every creator once, chunk by chunk");
    for s in &sources {
        let d = store.creator_detail(s.id).await.unwrap();
        let mut stated = d.figures.clone();
        if d.engagement_derived {
            stated.engagement_rate = None;
        }
        assert_eq!(s.figures, stated, "figures decode alike for {}", d.key.handle);
        assert_eq!(s.categories, d.profile.categories);
        assert_eq!(s.bio, d.profile.bio, "text with quotes and backslashes survives JSON");
        assert_eq!(s.country, d.profile.country);
        assert_eq!(s.audience, d.audience);
        assert_eq!(s.has_contact, d.profile.email.is_some());
    }
    let rich = sources.iter().find(|s| s.figures.followers == Some(150_000)).unwrap();
    assert_eq!(rich.follower_history.iter().map(|h| h.1).collect::<Vec<_>>(), [120_000, 150_000]);
    assert_eq!(rich.as_of, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), "the newest snapshot's date");
}

#[tokio::test]
#[should_panic(expected = "rows referencing nothing")]
async fn the_reference_check_the_tests_rely_on_catches_a_row_referencing_nothing() {
    let (_dir, store) = store().await;
    import(&store, "a.csv", 1, vec![record("ann", Some(1), Some("Ann"))]).await;
    // As an import writes: without SQLite enforcing the reference.
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(store.path()).foreign_keys(false);
    let mut db = sqlx::ConnectOptions::connect(&options).await.unwrap();
    sqlx::query("INSERT INTO creator_categories (creator_id, category) VALUES (999, 'Beauty')")
        .execute(&mut db)
        .await
        .unwrap();
    sqlx::Connection::close(db).await.unwrap();
    assert_references_hold(&store).await;
}

#[tokio::test]
async fn audiences_are_stored_compactly_and_rows_in_the_older_form_still_read() {
    use scout_domain::{AgeBand, AgeShare, AudienceMix, BasisPoints, CountryCode, CountryShare, GenderSplit};
    let (dir, store) = store().await;
    let audience = AudienceMix {
        age: vec![AgeShare { band: AgeBand::Age25To34, share: BasisPoints(6_000) }],
        gender: Some(GenderSplit {
            female: BasisPoints(7_000),
            male: BasisPoints(2_900),
            other: BasisPoints(100),
        }),
        countries: vec![CountryShare {
            country: CountryCode::parse("PH").unwrap(),
            share: BasisPoints(8_000),
        }],
        top_country: None,
    };
    let mut new = record("new", Some(1), None);
    new.audience = Some(audience.clone());
    let mut old = record("old", Some(2), None);
    old.audience = Some(audience.clone());
    import(&store, "a.csv", 1, vec![new, old]).await;

    // As the import writes it; and "old" as a workspace from before the compact form holds it.
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.path().join("ws.scout").display()))
        .await
        .unwrap();
    let stored: String = sqlx::query_scalar("SELECT audience FROM creators WHERE handle = 'new'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(stored, r#"{"a":[["25-34",6000]],"g":[7000,2900,100],"c":[["PH",8000]]}"#);
    sqlx::query("UPDATE creators SET audience = ? WHERE handle = 'old'")
        .bind(serde_json::to_string(&audience).unwrap())
        .execute(&db)
        .await
        .unwrap();
    db.close().await;

    let sources = match_sources(&store, 10).await;
    assert_eq!(sources.len(), 2);
    for s in sources {
        assert_eq!(s.audience.as_ref(), Some(&audience), "the match read decodes both forms");
        assert_eq!(
            store.creator_detail(s.id).await.unwrap().audience,
            Some(audience.clone()),
            "so does the detail"
        );
    }
    let outcomes = import(&store, "b.csv", 2, vec![record("old", Some(2), None)]).await;
    assert_eq!(outcomes, vec![RowOutcome::Unchanged], "the older form is the same audience, not a change");
}

mod outbox {
    use super::*;
    use scout_store::{NewOffer, OfferChannel, OfferState, StoreError};

    async fn campaign_with_creators(store: &Store) -> (i64, Vec<i64>) {
        import(
            store,
            "c.csv",
            1,
            vec![record("ann", Some(1), None), record("bob", Some(2), None), record("cy", Some(3), None)],
        )
        .await;
        let spec: scout_domain::CampaignSpec =
            serde_json::from_str(include_str!("../../../fixtures/campaigns/example.json")).unwrap();
        let campaign = store.create_campaign(&spec, false).await.unwrap().id;
        let mut ids = Vec::new();
        for h in ["ann", "bob", "cy"] {
            ids.push(store.creator_id(Platform::TikTok, &Handle::parse(h).unwrap()).await.unwrap().unwrap());
        }
        (campaign, ids)
    }

    /// The oldest due offer, claimed alone (as the e-mail channel claims).
    async fn claim_one(
        store: &Store,
        channel: OfferChannel,
        now: chrono::DateTime<chrono::Utc>,
    ) -> scout_store::Result<Option<scout_store::Offer>> {
        Ok(store.claim_offer_batch(channel, now, 1).await?.and_then(|b| b.offers.into_iter().next()))
    }

    async fn recover(store: &Store) -> scout_store::Result<u64> {
        let lease = store.try_delivery_lease()?.expect("no one else delivers");
        store.recover_interrupted_offers(&lease).await
    }

    fn offer(campaign: i64, creator: i64, resend_of: Option<i64>) -> NewOffer {
        NewOffer {
            idempotency_key: format!("{campaign}-{creator}-{}", resend_of.unwrap_or(0)),
            campaign_id: campaign,
            creator_id: creator,
            channel: OfferChannel::Email,
            terms_json: "{}".into(),
            recipient: Some(format!("c{creator}@example.com")),
            subject: "Offer".into(),
            body: "Hello".into(),
            resend_of,
        }
    }

    #[tokio::test]
    async fn an_offer_caught_sending_by_a_crash_is_never_resent_blindly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ws.scout");
        let store = Store::open(&path).await.unwrap();
        let (campaign, c) = campaign_with_creators(&store).await;
        store.queue_offers(&[offer(campaign, c[0], None), offer(campaign, c[1], None)]).await.unwrap();
        let now = chrono::Utc::now();
        let first = claim_one(&store, OfferChannel::Email, now).await.unwrap().unwrap();
        assert_eq!((first.creator_id, first.state, first.attempts), (c[0], OfferState::Sending, 1));
        store.close().await; // the app dies here, mid-delivery

        let store = Store::open(&path).await.unwrap();
        assert_eq!(recover(&store).await.unwrap(), 1, "the interrupted offer is found");
        let next = claim_one(&store, OfferChannel::Email, now).await.unwrap().unwrap();
        assert_eq!(next.creator_id, c[1], "the interrupted offer is not claimed again; the next one is");
        store.mark_offer_sent(next.id, Some("msg-1")).await.unwrap();
        assert!(claim_one(&store, OfferChannel::Email, now).await.unwrap().is_none(), "nothing else is due");
        let states: Vec<OfferState> = store.offers(campaign).await.unwrap().iter().map(|o| o.state).collect();
        assert_eq!(states, [OfferState::NeedsCheck, OfferState::Sent]);
    }

    #[tokio::test]
    async fn the_same_creator_is_not_offered_twice_by_accident_and_suppressions_hold() {
        let (_dir, store) = store().await;
        let (campaign, c) = campaign_with_creators(&store).await;
        let ids = store.queue_offers(&[offer(campaign, c[0], None)]).await.unwrap();
        let again = store.queue_offers(&[offer(campaign, c[1], None), offer(campaign, c[0], None)]).await;
        assert!(matches!(again, Err(StoreError::AlreadyOffered { creator_id, .. }) if creator_id == c[0]));
        assert_eq!(store.offers(campaign).await.unwrap().len(), 1, "the batch was all or nothing");
        store.queue_offers(&[offer(campaign, c[0], Some(ids[0]))]).await.unwrap();
        assert_eq!(store.offers(campaign).await.unwrap().len(), 2, "an explicit re-send is allowed");

        store.suppress(None, Some("C3@Example.com"), "opted out").await.unwrap();
        let suppressed = store.queue_offers(&[offer(campaign, c[2], None)]).await.unwrap_err();
        assert!(suppressed.to_string().contains("opted out"), "{suppressed}");
    }

    #[tokio::test]
    async fn failures_retry_later_or_stop_for_good() {
        let (_dir, store) = store().await;
        let (campaign, c) = campaign_with_creators(&store).await;
        store.queue_offers(&[offer(campaign, c[0], None), offer(campaign, c[1], None)]).await.unwrap();
        let now = chrono::Utc::now();
        let a = claim_one(&store, OfferChannel::Email, now).await.unwrap().unwrap();
        store
            .mark_offer_failed(a.id, "429 too many requests", Some(now + chrono::Duration::seconds(30)))
            .await
            .unwrap();
        let b = claim_one(&store, OfferChannel::Email, now).await.unwrap().unwrap();
        store.mark_offer_failed(b.id, "mailbox does not exist", None).await.unwrap();
        assert!(
            claim_one(&store, OfferChannel::Email, now).await.unwrap().is_none(),
            "the retry is not due yet"
        );
        let later = claim_one(&store, OfferChannel::Email, now + chrono::Duration::seconds(31))
            .await
            .unwrap()
            .unwrap();
        assert_eq!((later.id, later.attempts), (a.id, 2), "the retryable one comes back, counted");
        assert!(store.mark_offer_sent(b.id, None).await.is_err(), "a settled offer cannot be settled again");
    }

    #[tokio::test]
    async fn the_seller_settles_by_hand_cancels_and_sees_the_queue() {
        let (_dir, store) = store().await;
        let (campaign, c) = campaign_with_creators(&store).await;
        let manual =
            NewOffer { channel: OfferChannel::Manual, recipient: None, ..offer(campaign, c[0], None) };
        let ids = store
            .queue_offers(&[manual, offer(campaign, c[1], None), offer(campaign, c[2], None)])
            .await
            .unwrap();
        // The e-mail offer to bob is interrupted; the one to cy is cancelled before it goes.
        let bob = claim_one(&store, OfferChannel::Email, chrono::Utc::now()).await.unwrap().unwrap();
        recover(&store).await.unwrap();
        assert_eq!(
            store.cancel_offers(&[ids[2], bob.id]).await.unwrap(),
            1,
            "only the unsent one is cancelled"
        );

        let manual_offer = store.confirm_sent_by_hand(ids[0]).await.unwrap();
        assert_eq!(manual_offer.state, OfferState::Sent, "the seller sent it themselves");
        let err = store.confirm_sent_by_hand(ids[2]).await.unwrap_err();
        assert!(matches!(err, StoreError::OfferNotSettleable(_)), "a cancelled offer was not sent: {err}");
        store.requeue_unsent(bob.id).await.unwrap();
        assert!(store.requeue_unsent(bob.id).await.is_err(), "only a needs-check offer is requeued");
        let again = claim_one(&store, OfferChannel::Email, chrono::Utc::now()).await.unwrap().unwrap();
        assert_eq!(again.id, bob.id);
        recover(&store).await.unwrap();
        let confirmed = store.confirm_sent_by_hand(bob.id).await.unwrap();
        assert_eq!(confirmed.state, OfferState::Sent);
        assert_eq!(store.stage(campaign, c[1]).await.unwrap(), Some(scout_domain::Stage::Invited));

        let queue = store.outbox(10).await.unwrap();
        let seen: Vec<(&str, OfferState)> =
            queue.iter().map(|i| (i.handle.as_str(), i.offer.state)).collect();
        assert_eq!(
            seen,
            [("cy", OfferState::Cancelled), ("bob", OfferState::Sent), ("ann", OfferState::Sent)],
            "newest first"
        );
        assert_eq!(queue[0].campaign_name, "Example: Glow serum launch");
        let board = store.pipeline_board(Some(campaign)).await.unwrap();
        let cards: Vec<(&str, scout_domain::Stage, Option<OfferState>)> =
            board.iter().map(|b| (b.handle.as_str(), b.stage, b.offer_state)).collect();
        let invited = scout_domain::Stage::Invited;
        assert_eq!(
            cards,
            [("bob", invited, Some(OfferState::Sent)), ("ann", invited, Some(OfferState::Sent))],
            "cy's offer was cancelled, so cy never entered the pipeline"
        );
    }

    #[tokio::test]
    async fn do_not_contact_cancels_what_has_not_gone_and_resends_are_explicit() {
        let (_dir, store) = store().await;
        let (campaign, c) = campaign_with_creators(&store).await;
        let ids =
            store.queue_offers(&[offer(campaign, c[0], None), offer(campaign, c[1], None)]).await.unwrap();
        let first = claim_one(&store, OfferChannel::Email, chrono::Utc::now()).await.unwrap().unwrap();
        store.mark_offer_sent(first.id, None).await.unwrap();
        assert!(store.resend_offer(ids[1], "k-queued").await.is_err(), "a queued offer is not re-sent");
        let again = store.resend_offer(ids[0], "k-again").await.unwrap();

        assert_eq!(store.suppress(Some(c[1]), None, "asked not to be contacted").await.unwrap(), 1);
        let states: Vec<(i64, OfferState)> =
            store.offers(campaign).await.unwrap().iter().map(|o| (o.id, o.state)).collect();
        assert_eq!(
            states,
            [(ids[0], OfferState::Sent), (ids[1], OfferState::Cancelled), (again, OfferState::Queued)],
            "bob's waiting offer is cancelled; ann's explicit re-send waits"
        );
        let refused = store.resend_offer(ids[1], "k-bob").await.unwrap_err();
        assert!(matches!(refused, StoreError::Suppressed { .. }), "{refused}");
        let resent = store.offers(campaign).await.unwrap().pop().unwrap();
        assert_eq!((resent.subject, resent.recipient), (first.subject, first.recipient), "the same message");
    }

    #[tokio::test]
    async fn an_unknown_stored_offer_state_is_an_error_never_a_default() {
        let (dir, store) = store().await;
        let (campaign, c) = campaign_with_creators(&store).await;
        let id = store.queue_offers(&[offer(campaign, c[0], None)]).await.unwrap()[0];
        let path = dir.path().join("ws.scout");
        let url = format!("sqlite://{}", path.display());
        let mut db = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url).await.unwrap();
        // The table's CHECK refuses it; a newer Scout's state (read after a downgrade) gets past it like this.
        sqlx::query("PRAGMA ignore_check_constraints = ON").execute(&mut db).await.unwrap();
        sqlx::query("UPDATE offers SET state = 'lost' WHERE id = ?").bind(id).execute(&mut db).await.unwrap();
        let err = store.offers(campaign).await.unwrap_err();
        assert!(
            matches!(&err, StoreError::Corrupt { table: "offers", column: "state", id: i, .. } if *i == id),
            "{err}"
        );
        assert!(err.to_string().contains("'lost' is not a known state"), "{err}");
    }

    #[tokio::test]
    async fn one_delivery_lease_at_a_time_and_it_goes_with_its_holder() {
        let (_dir, store) = store().await;
        let held = store.try_delivery_lease().unwrap().expect("free at first");
        assert!(store.try_delivery_lease().unwrap().is_none(), "a second holder is refused");
        let other = Store::open(store.path()).await.unwrap();
        assert!(other.try_delivery_lease().unwrap().is_none(), "another connection is refused too");
        drop(held);
        assert!(other.try_delivery_lease().unwrap().is_some(), "free again once let go");
    }

    #[tokio::test]
    async fn a_released_offer_is_due_again_without_losing_an_attempt() {
        let (_dir, store) = store().await;
        let (campaign, c) = campaign_with_creators(&store).await;
        store.queue_offers(&[offer(campaign, c[0], None)]).await.unwrap();
        let now = chrono::Utc::now();
        let claimed = claim_one(&store, OfferChannel::Email, now).await.unwrap().unwrap();
        assert_eq!(claimed.attempts, 1);
        let later = now + chrono::Duration::seconds(60);
        store.release_offer(claimed.id, "could not reach the mail server", later).await.unwrap();
        assert!(claim_one(&store, OfferChannel::Email, now).await.unwrap().is_none(), "not before its time");
        let again = claim_one(&store, OfferChannel::Email, later).await.unwrap().unwrap();
        assert_eq!((again.id, again.attempts), (claimed.id, 1), "the release did not count as an attempt");
        let err = store.release_offer(claimed.id + 100, "x", later).await.unwrap_err();
        assert!(matches!(err, StoreError::OfferNotSending(_)), "{err}");
    }
}
