//! Creator queries and read models: the filtered, sorted, paged list; facets for filter menus; one
//! creator's detail with where each figure came from and its history.

use crate::codec::{
    categories_from_json, count, country, creator_from_row, figures_from_row, money, rate, CREATOR_COLUMNS,
};
use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{
    AudienceMix, BasisPoints, CountryCode, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Handle,
    Money, Platform,
};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Row, Sqlite};
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
    Gmv,
    Country,
    UpdatedAt,
}

impl CreatorSort {
    fn column(self) -> &'static str {
        match self {
            CreatorSort::Handle => "handle",
            CreatorSort::DisplayName => "display_name",
            CreatorSort::Followers => "followers",
            CreatorSort::AvgViews => "avg_views",
            CreatorSort::EngagementRate => "engagement_eff_bp",
            CreatorSort::Gmv => "gmv_minor",
            CreatorSort::Country => "country",
            CreatorSort::UpdatedAt => "updated_at",
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
    pub categories: Vec<String>,
    pub country: Option<CountryCode>,
    pub updated_at: DateTime<Utc>,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Facet {
    pub value: String,
    #[ts(type = "number")]
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorFacets {
    pub platforms: Vec<Facet>,
    pub countries: Vec<Facet>,
    pub categories: Vec<Facet>,
}

/// Where one current figure came from: the latest import that supplied it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldSource {
    /// The figure's name as in `CreatorFigures` ("followers", "gmv", …).
    pub field: String,
    #[ts(type = "number")]
    pub batch_id: i64,
    pub source_name: String,
    pub as_of: NaiveDate,
    pub imported_at: DateTime<Utc>,
}

/// The figures one import supplied (`None` = not supplied), dated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorSnapshot {
    #[ts(type = "number")]
    pub batch_id: i64,
    pub source_name: String,
    pub as_of: NaiveDate,
    pub imported_at: DateTime<Utc>,
    pub figures: CreatorFigures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorDetail {
    #[ts(type = "number")]
    pub id: i64,
    pub key: CreatorKey,
    pub profile: CreatorProfile,
    /// Current figures. `engagement_rate` is the stated one or, when `engagement_derived`, computed
    /// from the averages.
    pub figures: CreatorFigures,
    pub engagement_derived: bool,
    pub audience: Option<AudienceMix>,
    pub provenance: Vec<FieldSource>,
    /// Oldest first.
    pub history: Vec<CreatorSnapshot>,
    pub first_seen_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The import that last changed this creator.
    pub last_source_name: String,
}

const ROW_COLUMNS: &str = "id, platform, handle, display_name, followers, avg_views, engagement_eff_bp, \
     gmv_minor, gmv_currency, categories, country, updated_at";

/// Escapes LIKE wildcards so a search for "50%" finds "50%".
fn like_pattern(search: &str) -> String {
    let mut p = String::with_capacity(search.len() + 2);
    p.push('%');
    for ch in search.trim().to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

fn push_filters(q: &mut QueryBuilder<'_, Sqlite>, query: &CreatorQuery) {
    q.push(" WHERE 1 = 1");
    if let Some(search) = query.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        q.push(" AND search_text LIKE ").push_bind(like_pattern(search)).push(" ESCAPE '\\'");
    }
    if let Some(platform) = query.platform {
        q.push(" AND platform = ").push_bind(platform.as_str());
    }
    if let Some(country) = query.country.as_deref().filter(|c| !c.is_empty()) {
        q.push(" AND country = ").push_bind(country.to_ascii_uppercase());
    }
    if let Some(category) = query.category.as_deref().filter(|c| !c.is_empty()) {
        q.push(" AND id IN (SELECT creator_id FROM creator_categories WHERE category = ")
            .push_bind(category.to_string())
            .push(")");
    }
    if let Some(min) = query.min_followers {
        q.push(" AND followers >= ").push_bind(i64::try_from(min).unwrap_or(i64::MAX));
    }
    if let Some(max) = query.max_followers {
        q.push(" AND followers <= ").push_bind(i64::try_from(max).unwrap_or(i64::MAX));
    }
    if let Some(min) = query.min_engagement_bp {
        q.push(" AND engagement_eff_bp >= ").push_bind(i64::from(min));
    }
}

/// Unknown figures sort last in both directions; id breaks ties so pages never overlap.
fn push_order(q: &mut QueryBuilder<'_, Sqlite>, query: &CreatorQuery) {
    let dir = if query.descending { "DESC" } else { "ASC" };
    let col = query.sort.column();
    q.push(format!(" ORDER BY {col} IS NULL, {col} {dir}, id {dir}"));
}

fn row_from(row: &sqlx::sqlite::SqliteRow) -> Result<CreatorRow> {
    let id: i64 = row.try_get("id")?;
    let key = crate::codec::key_from_row(row, id)?;
    Ok(CreatorRow {
        id,
        platform: key.platform,
        handle: key.handle,
        display_name: row.try_get("display_name")?,
        followers: count(row, "followers")?,
        avg_views: count(row, "avg_views")?,
        engagement_rate: rate(row, "engagement_eff_bp")?,
        gmv: money(row, "gmv_minor", "gmv_currency")?,
        categories: categories_from_json(row.try_get("categories")?, id)?,
        country: country(row)?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    /// One page of creators matching the query, and how many match in all.
    pub async fn list_creators(&self, query: &CreatorQuery) -> Result<CreatorPage> {
        let mut count_q = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM creators");
        push_filters(&mut count_q, query);
        let total: i64 = count_q.build_query_scalar().fetch_one(&self.pool).await?;

        let mut q = QueryBuilder::<Sqlite>::new(format!("SELECT {ROW_COLUMNS} FROM creators"));
        push_filters(&mut q, query);
        push_order(&mut q, query);
        q.push(" LIMIT ")
            .push_bind(i64::from(query.limit.min(1000)))
            .push(" OFFSET ")
            .push_bind(i64::try_from(query.offset).unwrap_or(i64::MAX));
        let rows = q.build().fetch_all(&self.pool).await?;
        Ok(CreatorPage {
            total: total.max(0) as u64,
            offset: query.offset,
            rows: rows.iter().map(row_from).collect::<Result<_>>()?,
        })
    }

    /// The id of the creator with this platform and handle.
    pub async fn creator_id(&self, platform: Platform, handle: &Handle) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT id FROM creators WHERE platform = ? AND handle = ?")
            .bind(platform.as_str())
            .bind(handle.as_str())
            .fetch_optional(&self.pool)
            .await?)
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
            let mut q = QueryBuilder::<Sqlite>::new(format!("SELECT {CREATOR_COLUMNS} FROM creators"));
            push_filters(&mut q, query);
            push_order(&mut q, query);
            q.push(" LIMIT ").push_bind(i64::from(chunk)).push(" OFFSET ").push_bind(offset as i64);
            let rows = q.build().fetch_all(&self.pool).await.map_err(StoreError::from)?;
            let n = rows.len();
            let records = rows
                .iter()
                .map(|r| {
                    let c = creator_from_row(r)?;
                    Ok(CreatorRecord {
                        key: c.key,
                        profile: c.profile,
                        figures: c.figures,
                        audience: c.audience,
                        as_of: None,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            each(records)?;
            if n < chunk as usize {
                return Ok(());
            }
            offset += n as u64;
        }
    }

    pub async fn creator_count(&self) -> Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM creators").fetch_one(&self.pool).await?;
        Ok(n.max(0) as u64)
    }

    /// Values to offer in filter menus, most common first.
    pub async fn creator_facets(&self) -> Result<CreatorFacets> {
        let facet = |sql: &'static str| async move {
            let rows: Vec<(String, i64)> = sqlx::query_as(sql).fetch_all(&self.pool).await?;
            Ok::<_, StoreError>(
                rows.into_iter().map(|(value, n)| Facet { value, count: n.max(0) as u64 }).collect(),
            )
        };
        Ok(CreatorFacets {
            platforms: facet("SELECT platform, count(*) n FROM creators GROUP BY platform ORDER BY n DESC").await?,
            countries: facet(
                "SELECT country, count(*) n FROM creators WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC",
            )
            .await?,
            categories: facet(
                "SELECT category, count(*) n FROM creator_categories GROUP BY category ORDER BY n DESC",
            )
            .await?,
        })
    }

    /// One creator with provenance and history.
    pub async fn creator_detail(&self, id: i64) -> Result<CreatorDetail> {
        let sql = format!("SELECT {CREATOR_COLUMNS} FROM creators WHERE id = ?");
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?;
        let stored = creator_from_row(&row.ok_or(StoreError::CreatorNotFound(id))?)?;
        let snaps = sqlx::query(
            "SELECT s.*, b.source_name, b.started_at AS imported_at FROM creator_snapshots s \
             JOIN import_batches b ON b.id = s.batch_id WHERE s.creator_id = ? ORDER BY s.batch_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let history = snaps
            .iter()
            .map(|r| {
                Ok(CreatorSnapshot {
                    batch_id: r.try_get("batch_id")?,
                    source_name: r.try_get("source_name")?,
                    as_of: r.try_get("as_of")?,
                    imported_at: r.try_get("imported_at")?,
                    figures: figures_from_row(r)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let last_source_name: String =
            sqlx::query_scalar("SELECT source_name FROM import_batches WHERE id = ?")
                .bind(stored.last_batch_id)
                .fetch_one(&self.pool)
                .await?;
        let mut figures = stored.figures.clone();
        let engagement_derived =
            figures.engagement_rate.is_none() && figures.derived_engagement_rate().is_some();
        figures.engagement_rate = figures.engagement_rate_or_derived();
        Ok(CreatorDetail {
            id,
            provenance: provenance(&history),
            key: stored.key,
            profile: stored.profile,
            figures,
            engagement_derived,
            audience: stored.audience,
            history,
            first_seen_at: stored.first_seen_at,
            updated_at: stored.updated_at,
            last_source_name,
        })
    }
}

/// For each figure, the newest snapshot that supplied it.
fn provenance(history: &[CreatorSnapshot]) -> Vec<FieldSource> {
    CreatorFigures::FIELD_NAMES
        .iter()
        .filter_map(|field| {
            history.iter().rev().find(|s| s.figures.is_supplied(field)).map(|s| FieldSource {
                field: (*field).to_string(),
                batch_id: s.batch_id,
                source_name: s.source_name.clone(),
                as_of: s.as_of,
                imported_at: s.imported_at,
            })
        })
        .collect()
}
