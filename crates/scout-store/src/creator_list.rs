//! The creator list: filters, sort and paging, done in SQLite so the UI can show a window of a million
//! creators. A page is found in two steps — the ids through the sort column's index, then those rows —
//! so deep pages walk an index, not the table. Totals are cached per filter until the next import.

use crate::codec::{
    categories_from_json, count, country, creator_from_row, rate, StoredSales, CREATOR_COLUMNS,
};
use crate::creator_filters::{filter_key, ids_json, push_filters};
use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{BasisPoints, CountryCode, CreatorRecord, Handle, Money, MoneyRange, Platform};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite};
use std::collections::HashMap;
use std::sync::Mutex;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CreatorSort {
    Handle,
    DisplayName,
    Followers,
    AvgViews,
    EngagementRate,
    /// Within each currency, never across them: the currency most creators' GMV is in first, then the
    /// others by how many have GMV in them (ties A→Z), each sorted by amount; unknown GMV last (decision
    /// 0018).
    Gmv,
    Country,
    /// The date the creator's newest figures are from (the source's as-of date, not the import time).
    #[serde(alias = "updated_at")]
    DataAsOf,
}

impl CreatorSort {
    /// Whether the column can be unknown (NULL).
    fn nullable(self) -> bool {
        !matches!(self, CreatorSort::Handle)
    }

    fn column(self) -> &'static str {
        match self {
            CreatorSort::Handle => "handle",
            CreatorSort::DisplayName => "display_name",
            CreatorSort::Followers => "followers",
            CreatorSort::AvgViews => "avg_views",
            CreatorSort::EngagementRate => "engagement_eff_bp",
            CreatorSort::Gmv => "gmv_minor",
            CreatorSort::Country => "country",
            CreatorSort::DataAsOf => "data_as_of",
        }
    }
}

/// A page of the creator list: filters, sort and the window wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorQuery {
    /// Part of a handle or display name, any case.
    pub search: Option<String>,
    pub platform: Option<Platform>,
    pub country: Option<String>,
    pub category: Option<String>,
    #[ts(type = "number | null")]
    pub min_followers: Option<u64>,
    #[ts(type = "number | null")]
    pub max_followers: Option<u64>,
    pub min_engagement_bp: Option<u32>,
    /// Only creators with this tag of the seller's.
    #[serde(default)]
    pub tag: Option<String>,
    /// Hidden creators too (they are left out otherwise).
    #[serde(default)]
    pub include_hidden: bool,
    /// Only these creators (a selection picked by hand); `None` = every creator the filters match.
    #[serde(default)]
    #[ts(type = "number[] | null")]
    pub ids: Option<Vec<i64>>,
    /// Not these creators (a "select all matching" with some unticked).
    #[serde(default)]
    #[ts(type = "number[]")]
    pub except: Vec<i64>,
    pub sort: CreatorSort,
    pub descending: bool,
    #[ts(type = "number")]
    pub offset: u64,
    pub limit: u32,
}

impl Default for CreatorQuery {
    fn default() -> Self {
        CreatorQuery {
            search: None,
            platform: None,
            country: None,
            category: None,
            min_followers: None,
            max_followers: None,
            min_engagement_bp: None,
            tag: None,
            include_hidden: false,
            ids: None,
            except: Vec::new(),
            sort: CreatorSort::Followers,
            descending: true,
            offset: 0,
            limit: 100,
        }
    }
}

/// One line of the creator list. A `None` figure is unknown (shown as "—"), never zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorRow {
    #[ts(type = "number")]
    pub id: i64,
    pub platform: Platform,
    pub handle: Handle,
    pub display_name: Option<String>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_views: Option<u64>,
    /// Stated by a source, or derived from the averages.
    pub engagement_rate: Option<BasisPoints>,
    pub gmv: Option<Money>,
    /// GMV known only as a range (then `gmv` is `None`): shown as the range, sorted at its midpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub gmv_range: Option<MoneyRange>,
    pub categories: Vec<String>,
    pub country: Option<CountryCode>,
    /// When Scout last wrote the row (an import changed it).
    pub updated_at: DateTime<Utc>,
    /// The date the creator's newest figures are from, as their source said (the file's or the row's
    /// as-of date); `None` when no source gave a figure.
    pub as_of: Option<NaiveDate>,
    /// The seller's tags, in alphabetical order.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Hidden by the seller (shown only when the list asks for hidden creators too).
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorPage {
    /// How many creators match the filters (all pages).
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub offset: u64,
    pub rows: Vec<CreatorRow>,
}

/// Totals of recent filters, and how many of the matching creators have GMV in each currency (the GMV
/// sort's groups). Cleared whenever creators change (an import commits, creators are hidden or tagged).
/// The generation makes sure a count that started before a change is not stored after it.
#[derive(Debug, Default)]
pub(crate) struct CountCache(Mutex<Counts>);

#[derive(Debug, Default)]
struct Counts {
    generation: u64,
    totals: HashMap<String, u64>,
    currencies: HashMap<String, Vec<CurrencyGroup>>,
}

/// The creators matching a filter whose GMV is in one currency (`None`: GMV unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CurrencyGroup {
    currency: Option<String>,
    count: u64,
}

impl CountCache {
    /// The cached value, or the generation to hand back to `put` with a freshly counted one.
    fn get<T: Clone>(
        &self,
        key: &str,
        map: fn(&Counts) -> &HashMap<String, T>,
    ) -> std::result::Result<T, u64> {
        match self.0.lock() {
            Ok(guard) => map(&guard).get(key).cloned().ok_or(guard.generation),
            Err(_) => Err(u64::MAX),
        }
    }

    fn put<T>(
        &self,
        key: String,
        value: T,
        generation: u64,
        map: fn(&mut Counts) -> &mut HashMap<String, T>,
    ) {
        if let Ok(mut guard) = self.0.lock() {
            if guard.generation != generation {
                return;
            }
            let map = map(&mut guard);
            if map.len() > 256 {
                map.clear();
            }
            map.insert(key, value);
        }
    }

    pub(crate) fn clear(&self) {
        if let Ok(mut guard) = self.0.lock() {
            guard.generation += 1;
            guard.totals.clear();
            guard.currencies.clear();
        }
    }
}

/// A condition a page adds to the query's filters.
#[derive(Debug, Clone, Copy)]
enum Also<'a> {
    Nothing,
    /// ` AND …`, written by this module (no values from outside).
    Sql(&'a str),
    /// GMV in this currency (`None`: GMV unknown).
    GmvIn(Option<&'a str>),
}

impl Also<'_> {
    fn push(self, q: &mut QueryBuilder<'_, Sqlite>) {
        match self {
            Also::Nothing => {}
            Also::Sql(sql) => {
                q.push(sql);
            }
            Also::GmvIn(Some(code)) => {
                q.push(" AND gmv_currency = ").push_bind(code.to_string());
            }
            Also::GmvIn(None) => {
                q.push(" AND gmv_currency IS NULL");
            }
        }
    }
}

const ROW_COLUMNS: &str = "id, platform, handle, display_name, followers, avg_views, engagement_eff_bp, \
     gmv_minor, gmv_currency, gmv_low_minor, gmv_high_minor, categories, country, updated_at, data_as_of, \
     hidden_at IS NOT NULL AS hidden, \
     (SELECT json_group_array(tag) FROM (SELECT tag FROM creator_tags t WHERE t.creator_id = creators.id \
      ORDER BY tag)) AS tags";

fn row_from(row: &sqlx::sqlite::SqliteRow) -> Result<CreatorRow> {
    let id: i64 = row.try_get("id")?;
    let key = crate::codec::key_from_row(row, id)?;
    let (gmv, gmv_range, ..) = StoredSales {
        gmv_minor: row.try_get("gmv_minor")?,
        currency: row.try_get("gmv_currency")?,
        gmv_low: row.try_get("gmv_low_minor")?,
        gmv_high: row.try_get("gmv_high_minor")?,
        units: None,
        units_low: None,
        units_high: None,
    }
    .read();
    Ok(CreatorRow {
        id,
        platform: key.platform,
        handle: key.handle,
        display_name: row.try_get("display_name")?,
        followers: count(row, "followers")?,
        avg_views: count(row, "avg_views")?,
        engagement_rate: rate(row, "engagement_eff_bp")?,
        gmv,
        gmv_range,
        categories: categories_from_json(row.try_get("categories")?, id)?,
        country: country(row)?,
        updated_at: row.try_get("updated_at")?,
        as_of: row.try_get("data_as_of")?,
        tags: serde_json::from_str(row.try_get("tags")?).map_err(|e| StoreError::Corrupt {
            table: "creator_tags",
            column: "tag",
            id,
            message: e.to_string(),
        })?,
        hidden: row.try_get("hidden")?,
    })
}

impl Store {
    /// One page of creators matching the query, and how many match in all.
    pub async fn list_creators(&self, query: &CreatorQuery) -> Result<CreatorPage> {
        // The ids first: a GMV page counts its currency groups, and the total with them.
        let ids = self.page_ids(query).await?;
        let total = self.count_matching(query).await?;
        Ok(CreatorPage { total, offset: query.offset, rows: self.creator_rows(&ids).await? })
    }

    /// The list rows of these creators, in the order given; ids not in the workspace are left out.
    pub async fn creator_rows(&self, ids: &[i64]) -> Result<Vec<CreatorRow>> {
        let sql = format!("SELECT {ROW_COLUMNS} FROM creators WHERE id IN (SELECT value FROM json_each(?))");
        let rows = sqlx::query(&sql).bind(ids_json(ids)).fetch_all(&self.pool).await?;
        let mut by_id: HashMap<i64, CreatorRow> = HashMap::with_capacity(rows.len());
        for row in &rows {
            let r = row_from(row)?;
            by_id.insert(r.id, r);
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// How many creators match the query's filters (cached until creators change).
    async fn count_matching(&self, query: &CreatorQuery) -> Result<u64> {
        let key = filter_key(query);
        let generation = match self.counts.get(&key, |c| &c.totals) {
            Ok(total) => return Ok(total),
            Err(generation) => generation,
        };
        let total = self.count_where(query, Also::Nothing).await?;
        self.counts.put(key, total, generation, |c| &mut c.totals);
        Ok(total)
    }

    /// The ids of the page, in order. Unknown figures sort last in both directions: NULL is the lowest
    /// value in an index, so a descending walk ends with them; an ascending page reads the known values'
    /// range first, then the unknowns. The id breaks ties, so pages never overlap.
    pub(crate) async fn page_ids(&self, query: &CreatorQuery) -> Result<Vec<i64>> {
        let limit = u64::from(query.limit.min(10_000));
        if query.sort == CreatorSort::Gmv {
            return self.gmv_page_ids(query, limit).await;
        }
        let col = query.sort.column();
        if query.descending || !query.sort.nullable() {
            let dir = if query.descending { "DESC" } else { "ASC" };
            return self
                .ids_where(query, Also::Nothing, &format!("{col} {dir}, id {dir}"), limit, query.offset)
                .await;
        }
        let known_filter = format!(" AND {col} IS NOT NULL");
        let known = Also::Sql(&known_filter);
        let mut ids =
            self.ids_where(query, known, &format!("{col} ASC, id ASC"), limit, query.offset).await?;
        if ids.len() as u64 == limit {
            return Ok(ids);
        }
        let known_total = if ids.is_empty() {
            self.count_where(query, known).await?
        } else {
            query.offset + ids.len() as u64
        };
        let rest = limit - ids.len() as u64;
        let unknown_offset = query.offset.saturating_sub(known_total);
        let unknown_filter = format!(" AND {col} IS NULL");
        ids.extend(self.ids_where(query, Also::Sql(&unknown_filter), "id ASC", rest, unknown_offset).await?);
        Ok(ids)
    }

    /// A page sorted by GMV: amounts are compared only within a currency (decision 0018). The currencies
    /// come one after another, the one most matching creators have GMV in first, each walked in the
    /// `(gmv_currency, gmv_minor)` index from where the page starts; unknown GMV last.
    async fn gmv_page_ids(&self, query: &CreatorQuery, limit: u64) -> Result<Vec<i64>> {
        let dir = if query.descending { "DESC" } else { "ASC" };
        // The unknown group is ordered the same way: its gmv_minor is all NULL, so it reads in id order,
        // and the index still gives that order without a sort.
        let order = format!("gmv_minor {dir}, id {dir}");
        let mut ids = Vec::with_capacity(limit as usize);
        let mut skip = query.offset;
        for group in self.gmv_groups(query).await? {
            let wanted = limit - ids.len() as u64;
            if wanted == 0 {
                break;
            }
            if skip >= group.count {
                skip -= group.count;
                continue;
            }
            let also = Also::GmvIn(group.currency.as_deref());
            ids.extend(self.ids_where(query, also, &order, wanted, skip).await?);
            skip = 0;
        }
        Ok(ids)
    }

    /// How many matching creators have GMV in each currency, in the GMV sort's order: most first (ties
    /// A→Z), unknown last. Counted in one pass over the GMV index, cached until creators change; the
    /// total for the filter comes with it.
    async fn gmv_groups(&self, query: &CreatorQuery) -> Result<Vec<CurrencyGroup>> {
        let key = filter_key(query);
        let generation = match self.counts.get(&key, |c| &c.currencies) {
            Ok(groups) => return Ok(groups),
            Err(generation) => generation,
        };
        let mut q = QueryBuilder::<Sqlite>::new("SELECT gmv_currency, count(*) FROM creators WHERE 1 = 1");
        push_filters(&mut q, query);
        q.push(" GROUP BY gmv_currency");
        let rows: Vec<(Option<String>, i64)> = q.build_query_as().fetch_all(&self.pool).await?;
        let mut groups: Vec<CurrencyGroup> = rows
            .into_iter()
            .map(|(currency, n)| CurrencyGroup { currency, count: n.max(0) as u64 })
            .collect();
        groups.sort_by(|a, b| {
            (a.currency.is_none(), std::cmp::Reverse(a.count), &a.currency).cmp(&(
                b.currency.is_none(),
                std::cmp::Reverse(b.count),
                &b.currency,
            ))
        });
        let total = groups.iter().map(|g| g.count).sum();
        self.counts.put(key.clone(), total, generation, |c| &mut c.totals);
        self.counts.put(key, groups.clone(), generation, |c| &mut c.currencies);
        Ok(groups)
    }

    /// How many creators match the query's filters and `also`, counted now.
    async fn count_where(&self, query: &CreatorQuery, also: Also<'_>) -> Result<u64> {
        let mut q = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM creators WHERE 1 = 1");
        push_filters(&mut q, query);
        also.push(&mut q);
        Ok(q.build_query_scalar::<i64>().fetch_one(&self.pool).await?.max(0) as u64)
    }

    async fn ids_where(
        &self,
        query: &CreatorQuery,
        also: Also<'_>,
        order: &str,
        limit: u64,
        offset: u64,
    ) -> Result<Vec<i64>> {
        let mut q = QueryBuilder::<Sqlite>::new("SELECT id FROM creators WHERE 1 = 1");
        push_filters(&mut q, query);
        also.push(&mut q);
        q.push(format!(" ORDER BY {order} LIMIT "))
            .push_bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .push(" OFFSET ")
            .push_bind(i64::try_from(offset).unwrap_or(i64::MAX));
        Ok(q.build_query_scalar().fetch_all(&self.pool).await?)
    }

    /// Every creator matching the query's filters, in its sort order (offset and limit ignored), as full
    /// records, `chunk` at a time: for exports.
    pub async fn for_each_record<E: From<StoreError>>(
        &self,
        query: &CreatorQuery,
        chunk: u32,
        mut each: impl FnMut(Vec<CreatorRecord>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut offset = 0u64;
        loop {
            let page = CreatorQuery { offset, limit: chunk, ..query.clone() };
            let ids = self.page_ids(&page).await?;
            let sql = format!(
                "SELECT {CREATOR_COLUMNS} FROM creators WHERE id IN (SELECT value FROM json_each(?))"
            );
            let rows = sqlx::query(&sql)
                .bind(ids_json(&ids))
                .fetch_all(&self.pool)
                .await
                .map_err(StoreError::from)?;
            let mut by_id: HashMap<i64, CreatorRecord> = HashMap::with_capacity(rows.len());
            for row in &rows {
                let c = creator_from_row(row)?;
                by_id.insert(
                    c.id,
                    CreatorRecord {
                        key: c.key,
                        profile: c.profile,
                        figures: c.figures,
                        audience: c.audience,
                        as_of: None,
                    },
                );
            }
            each(ids.iter().filter_map(|id| by_id.remove(id)).collect())?;
            if ids.len() < chunk as usize {
                return Ok(());
            }
            offset += ids.len() as u64;
        }
    }
}
