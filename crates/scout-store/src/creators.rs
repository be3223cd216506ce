//! Creator read models besides the list: facets for filter menus, and one creator's detail with where
//! each figure came from and its history.

use crate::codec::{creator_from_row, figures_from_row, CREATOR_COLUMNS};
use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{AudienceMix, CreatorFigures, CreatorKey, CreatorProfile, Handle, Platform};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

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
    /// The seller's tags, most used first.
    pub tags: Vec<Facet>,
    /// How many creators the seller hid.
    #[ts(type = "number")]
    pub hidden: u64,
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
    /// The date that import's data is from (its as-of date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_source_as_of: Option<chrono::NaiveDate>,
    /// The creator's TikTok Shop marketplace profile, when one was fetched.
    pub shop: Option<scout_domain::ShopProfile>,
}

impl Store {
    /// The id of the creator with this platform and handle.
    pub async fn creator_id(&self, platform: Platform, handle: &Handle) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar("SELECT id FROM creators WHERE platform = ? AND handle = ?")
            .bind(platform.as_str())
            .bind(handle.as_str())
            .fetch_optional(&self.pool)
            .await?)
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
            tags: facet("SELECT tag, count(*) n FROM creator_tags GROUP BY tag ORDER BY n DESC, tag").await?,
            hidden: sqlx::query_scalar::<_, i64>("SELECT count(*) FROM creators WHERE hidden_at IS NOT NULL")
                .fetch_one(&self.pool)
                .await?
                .max(0) as u64,
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
        let (last_source_name, last_source_as_of): (String, chrono::NaiveDate) =
            sqlx::query_as("SELECT source_name, as_of FROM import_batches WHERE id = ?")
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
            last_source_as_of: Some(last_source_as_of),
            shop: self.shop_profile(id).await?,
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
