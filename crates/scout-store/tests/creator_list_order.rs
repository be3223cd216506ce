//! What the list's figures mean when sorted: GMV compared only within a currency (decision 0018), and
//! "Data as of" — the date a creator's newest figures are from, as their source said — stored on the row
//! so its sort walks an index, and backfilled for workspaces made before the column.
#![allow(clippy::unwrap_used)]

mod common;
use chrono::NaiveDate;
use common::{import, record, store};
use scout_domain::{CreatorRecord, Currency, Money};
use scout_store::{CreatorPage, CreatorQuery, CreatorSort, Store};
use sqlx::Connection;

fn with_gmv(handle: &str, followers: u64, gmv: Option<(i64, &str)>) -> CreatorRecord {
    let mut r = record(handle, Some(followers), None);
    r.figures.gmv = gmv.map(|(minor, code)| Money::new(minor, Currency::parse(code).unwrap()));
    r
}

/// Four creators with GMV in US dollars, three in rupiah, two in pounds, two without GMV. As one
/// currency, Rp 90,000,000 would top the list and £900 would sit among the dollars.
fn mixed() -> Vec<CreatorRecord> {
    vec![
        with_gmv("usd_small", 10, Some((5_000, "USD"))),
        with_gmv("idr_big", 20, Some((9_000_000_000, "IDR"))),
        with_gmv("gbp_mid", 30, Some((90_000, "GBP"))),
        with_gmv("usd_big", 40, Some((2_000_000, "USD"))),
        with_gmv("none_a", 50, None),
        with_gmv("idr_small", 60, Some((1_000_000, "IDR"))),
        with_gmv("usd_mid", 70, Some((100_000, "USD"))),
        with_gmv("gbp_big", 80, Some((5_000_000, "GBP"))),
        with_gmv("idr_mid", 90, Some((50_000_000, "IDR"))),
        with_gmv("usd_tiny", 100, Some((100, "USD"))),
        with_gmv("none_b", 110, None),
    ]
}

fn handles(page: &CreatorPage) -> Vec<String> {
    page.rows.iter().map(|r| r.handle.as_str().to_string()).collect()
}

/// Every row of the query, read `size` at a time.
async fn in_pages(store: &Store, query: &CreatorQuery, size: u32) -> Vec<String> {
    let mut all = Vec::new();
    loop {
        let page = store
            .list_creators(&CreatorQuery { offset: all.len() as u64, limit: size, ..query.clone() })
            .await
            .unwrap();
        assert_eq!(page.total, 11, "the total holds on every page");
        if page.rows.is_empty() {
            return all;
        }
        all.extend(handles(&page));
    }
}

#[tokio::test]
async fn gmv_sorts_within_each_currency_most_common_first_unknown_last() {
    let (_dir, store) = store().await;
    import(&store, "mixed.csv", 1, mixed()).await;
    let by_gmv = CreatorQuery { sort: CreatorSort::Gmv, descending: true, ..Default::default() };
    let expected = [
        "usd_big",
        "usd_mid",
        "usd_small",
        "usd_tiny", // 4 in USD, the most common
        "idr_big",
        "idr_mid",
        "idr_small", // then 3 in IDR
        "gbp_big",
        "gbp_mid", // then 2 in GBP
        "none_b",
        "none_a", // unknown last
    ];
    let page = store.list_creators(&by_gmv).await.unwrap();
    assert_eq!(handles(&page), expected);
    assert_eq!(page.total, 11);
    for size in [1, 2, 3, 4, 5] {
        assert_eq!(in_pages(&store, &by_gmv, size).await, expected, "pages of {size} across the currencies");
    }

    let ascending = CreatorQuery { descending: false, ..by_gmv.clone() };
    assert_eq!(
        in_pages(&store, &ascending, 3).await,
        [
            "usd_tiny",
            "usd_small",
            "usd_mid",
            "usd_big",
            "idr_small",
            "idr_mid",
            "idr_big",
            "gbp_mid",
            "gbp_big",
            "none_a",
            "none_b"
        ],
        "ascending: the same currencies in the same order, each smallest first, unknown still last"
    );

    // Which currency is most common is counted among the creators the filter keeps.
    let filtered = CreatorQuery { min_followers: Some(55), ..by_gmv.clone() };
    let page = store.list_creators(&filtered).await.unwrap();
    assert_eq!(
        handles(&page),
        ["idr_mid", "idr_small", "usd_mid", "usd_tiny", "gbp_big", "none_b"],
        "two in IDR and two in USD: a tie goes A→Z"
    );
    assert_eq!(page.total, 6);

    // A new import changes the counts: the cached groups go with the totals.
    import(
        &store,
        "pounds.csv",
        2,
        (0..3).map(|i| with_gmv(&format!("gbp_new{i}"), 1, Some((100 + i, "GBP")))).collect(),
    )
    .await;
    let page = store.list_creators(&CreatorQuery { limit: 3, ..by_gmv }).await.unwrap();
    assert_eq!(handles(&page), ["gbp_big", "gbp_mid", "gbp_new2"], "now five in GBP: pounds first");
    assert_eq!(page.total, 14);
}

/// The plan SQLite picks for a statement, one line per step.
async fn plan(store: &Store, sql: &str) -> String {
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", store.path().display())).await.unwrap();
    let rows: Vec<(i64, i64, i64, String)> =
        sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}")).fetch_all(&db).await.unwrap();
    db.close().await;
    rows.into_iter().map(|r| r.3).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn the_gmv_and_as_of_pages_walk_an_index_without_sorting() {
    let (_dir, store) = store().await;
    import(&store, "mixed.csv", 1, mixed()).await;
    // The statements `list_creators` runs for a page (filters: hidden creators left out).
    let hidden = "id NOT IN (SELECT id FROM creators h WHERE h.hidden_at IS NOT NULL)";
    for (also, order, index) in [
        ("AND gmv_currency = 'USD'", "gmv_minor DESC, id DESC", "creators_gmv"),
        ("AND gmv_currency = 'GBP'", "gmv_minor ASC, id ASC", "creators_gmv"),
        ("AND gmv_currency IS NULL", "gmv_minor DESC, id DESC", "creators_gmv"),
        ("", "data_as_of DESC, id DESC", "creators_as_of"),
    ] {
        let sql = format!(
            "SELECT id FROM creators WHERE 1 = 1 AND {hidden} {also} ORDER BY {order} LIMIT 100 OFFSET 200"
        );
        let plan = plan(&store, &sql).await;
        assert!(plan.contains(&format!("INDEX {index}")), "{sql}\n{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "no sort: {sql}\n{plan}");
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

async fn as_of(store: &Store, handle: &str) -> Option<NaiveDate> {
    let q = CreatorQuery { search: Some(handle.into()), ..Default::default() };
    store
        .list_creators(&q)
        .await
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.handle.as_str() == handle)
        .unwrap()
        .as_of
}

#[tokio::test]
async fn data_as_of_is_the_date_the_newest_figures_are_from_not_the_import_time() {
    let (_dir, store) = store().await;
    let mut dated = record("dated", Some(7), None);
    dated.as_of = Some(day(3));
    import(
        &store,
        "first.csv",
        10,
        vec![record("ann", Some(100), None), record("bare", None, Some("Bare")), dated],
    )
    .await;
    assert_eq!(as_of(&store, "ann").await, Some(day(10)), "the file's as-of date");
    assert_eq!(as_of(&store, "bare").await, None, "no figure from any source: no date");
    assert_eq!(as_of(&store, "dated").await, Some(day(3)), "a row's own date wins over the file's");

    import(&store, "newer.csv", 20, vec![record("ann", Some(200), None), record("bare", Some(5), None)])
        .await;
    assert_eq!(as_of(&store, "ann").await, Some(day(20)), "new figures, newer date");
    assert_eq!(as_of(&store, "bare").await, Some(day(20)), "its first figures");

    import(&store, "same.csv", 25, vec![record("ann", Some(200), Some("Ann"))]).await;
    assert_eq!(as_of(&store, "ann").await, Some(day(20)), "a name changed, the figures did not: same date");
    import(&store, "older.csv", 15, vec![record("ann", Some(150), None)]).await;
    assert_eq!(as_of(&store, "ann").await, Some(day(20)), "an older file keeps the newest date on record");

    // The drawer's figures say the same date.
    let id = store
        .creator_id(scout_domain::Platform::TikTok, &scout_domain::Handle::parse("bare").unwrap())
        .await
        .unwrap()
        .unwrap();
    let detail = store.creator_detail(id).await.unwrap();
    assert_eq!(detail.provenance.iter().map(|p| p.as_of).max(), Some(day(20)));

    let newest_first = CreatorQuery { sort: CreatorSort::DataAsOf, descending: true, ..Default::default() };
    let page = store.list_creators(&newest_first).await.unwrap();
    assert_eq!(handles(&page), ["bare", "ann", "dated"], "newest first, ties by id, unknown last");
    let oldest_first = CreatorQuery { descending: false, ..newest_first };
    assert_eq!(handles(&store.list_creators(&oldest_first).await.unwrap()), ["dated", "ann", "bare"]);
    // The sort a window remembered from before keeps working.
    let old: CreatorSort = serde_json::from_str("\"updated_at\"").unwrap();
    assert_eq!(old, CreatorSort::DataAsOf);
}

#[tokio::test]
async fn a_workspace_from_before_the_column_is_backfilled_from_its_snapshots() {
    let (dir, store) = store().await;
    let path = dir.path().join("ws.scout");
    import(&store, "first.csv", 10, vec![record("ann", Some(100), None), record("bare", None, None)]).await;
    import(&store, "newer.csv", 20, vec![record("ann", Some(200), None)]).await;
    store.close().await;
    drop(store);

    // Put the workspace back as the previous version left it: no column, the old indexes, the migration
    // not applied.
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    sqlx::raw_sql(
        "DROP INDEX creators_as_of; ALTER TABLE creators DROP COLUMN data_as_of; DROP INDEX creators_gmv; \
         CREATE INDEX creators_gmv ON creators (gmv_minor); \
         CREATE INDEX creators_updated ON creators (updated_at); \
         DELETE FROM _sqlx_migrations WHERE version = 20261208000100;",
    )
    .execute(&mut db)
    .await
    .unwrap();
    db.close().await.unwrap();

    let store = Store::open(&path).await.unwrap();
    assert_eq!(as_of(&store, "ann").await, Some(day(20)), "the newest snapshot's date");
    assert_eq!(as_of(&store, "bare").await, None);
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let gmv_index: String = sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = 'creators_gmv'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(gmv_index.contains("gmv_currency, gmv_minor"), "{gmv_index}");
    let updated: Option<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE name = 'creators_updated'")
            .fetch_optional(&db)
            .await
            .unwrap();
    assert_eq!(updated, None, "nothing sorts on the import time any more");
    db.close().await;
}
