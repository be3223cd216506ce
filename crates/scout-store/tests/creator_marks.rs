//! Acting on many creators at once: a selection (picked ids, or a filter minus some) tagged, hidden,
//! shown again — each one statement over the set, the list and its totals following at once.
#![allow(clippy::unwrap_used)]

mod common;
use common::{import, record, store};
use scout_store::{CreatorQuery, CreatorSort, Store, StoreError};

async fn five(store: &Store) -> Vec<i64> {
    let records = ["ann", "bob", "cy", "dee", "eve"]
        .iter()
        .enumerate()
        .map(|(i, h)| record(h, Some(1_000 * (i as u64 + 1)), None))
        .collect();
    import(store, "five.csv", 1, records).await;
    let all = CreatorQuery { sort: CreatorSort::Handle, descending: false, ..Default::default() };
    store.list_creators(&all).await.unwrap().rows.iter().map(|r| r.id).collect()
}

fn handles(page: &scout_store::CreatorPage) -> Vec<&str> {
    page.rows.iter().map(|r| r.handle.as_str()).collect()
}

fn by_handle() -> CreatorQuery {
    CreatorQuery { sort: CreatorSort::Handle, descending: false, ..Default::default() }
}

#[tokio::test]
async fn a_selection_is_tagged_untagged_and_found_by_its_tag() {
    let (_dir, store) = store().await;
    let ids = five(&store).await;
    let picked = CreatorQuery { ids: Some(vec![ids[0], ids[2]]), ..Default::default() };
    let mut tagged = store.tag_creators(&picked, "summer", true).await.unwrap();
    tagged.sort_unstable();
    assert_eq!(tagged, vec![ids[0], ids[2]], "the creators that changed");
    assert!(store.tag_creators(&picked, "summer", true).await.unwrap().is_empty(), "tagging twice: none");
    // Every creator matching a filter, but one: followers ≥ 2,000 is bob…eve, minus dee.
    let filtered = CreatorQuery { min_followers: Some(2_000), except: vec![ids[3]], ..Default::default() };
    assert_eq!(store.tag_creators(&filtered, "vip", true).await.unwrap().len(), 3);

    let tagged = store.list_creators(&CreatorQuery { tag: Some("vip".into()), ..by_handle() }).await.unwrap();
    assert_eq!(handles(&tagged), vec!["bob", "cy", "eve"]);
    assert_eq!(tagged.total, 3);
    let cy = tagged.rows.iter().find(|r| r.handle.as_str() == "cy").unwrap();
    assert_eq!(cy.tags, vec!["summer".to_string(), "vip".to_string()], "the row carries its tags, sorted");
    let facets = store.creator_facets().await.unwrap();
    let tags: Vec<(&str, u64)> = facets.tags.iter().map(|f| (f.value.as_str(), f.count)).collect();
    assert_eq!(tags, vec![("vip", 3), ("summer", 2)]);

    assert_eq!(store.tag_creators(&picked, "vip", false).await.unwrap(), vec![ids[2]], "only cy had both");
    let left = store.list_creators(&CreatorQuery { tag: Some("vip".into()), ..by_handle() }).await.unwrap();
    assert_eq!(handles(&left), vec!["bob", "eve"], "the cached total follows: {}", left.total);
    assert_eq!(left.total, 2);
}

#[tokio::test]
async fn hidden_creators_leave_the_list_and_the_rankings_until_shown_again() {
    let (_dir, store) = store().await;
    let ids = five(&store).await;
    assert_eq!(store.list_creators(&by_handle()).await.unwrap().total, 5);
    let picked = CreatorQuery { ids: Some(vec![ids[1], ids[3]]), ..Default::default() };
    assert_eq!(store.hide_creators(&picked, true).await.unwrap().len(), 2);

    let shown = store.list_creators(&by_handle()).await.unwrap();
    assert_eq!((handles(&shown), shown.total), (vec!["ann", "cy", "eve"], 3));
    let every = store.list_creators(&CreatorQuery { include_hidden: true, ..by_handle() }).await.unwrap();
    assert_eq!(every.total, 5);
    assert!(every.rows.iter().filter(|r| r.hidden).map(|r| r.id).eq([ids[1], ids[3]]));
    assert_eq!(store.creator_facets().await.unwrap().hidden, 2);
    let mut ranked = Vec::new();
    store
        .for_each_match_source(100, |sources| -> Result<(), StoreError> {
            ranked.extend(sources.iter().map(|s| s.id));
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(ranked, vec![ids[0], ids[2], ids[4]], "hidden creators are not ranked");

    // Showing again: the query reads hidden creators whatever it says.
    let bob = CreatorQuery { ids: Some(vec![ids[1]]), ..Default::default() };
    assert_eq!(store.hide_creators(&bob, false).await.unwrap(), vec![ids[1]]);
    assert_eq!(store.list_creators(&by_handle()).await.unwrap().total, 4);
    assert_eq!(store.creator_facets().await.unwrap().hidden, 1);
}

#[tokio::test]
async fn matching_ids_come_in_the_sort_order_and_refuse_past_their_cap() {
    let (_dir, store) = store().await;
    let ids = five(&store).await;
    let most_followed = CreatorQuery { except: vec![ids[4]], ..Default::default() };
    let got = store.matching_ids(&most_followed, 10).await.unwrap();
    assert_eq!(got, vec![ids[3], ids[2], ids[1], ids[0]], "followers, most first, minus eve");
    let refused = store.matching_ids(&CreatorQuery::default(), 3).await.unwrap_err();
    assert!(matches!(refused, StoreError::TooMany { found: 5, limit: 3, .. }), "{refused}");
}
