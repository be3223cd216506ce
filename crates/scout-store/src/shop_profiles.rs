//! TikTok Shop's side of a creator: the shop region's category names (so the marketplace's category ids
//! read as names) and each creator's newest marketplace profile (`ShopProfile`), keyed by creator and
//! written by open id right after the profile import that brought the creator's figures.

use crate::{Result, Store, StoreError};
use chrono::NaiveDate;
use scout_domain::ShopProfile;
use std::collections::HashMap;

/// A category of the shop's region, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCategory {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub is_leaf: bool,
}

fn corrupt(id: i64, e: serde_json::Error) -> StoreError {
    StoreError::Corrupt { table: "creator_shop_profiles", column: "profile", id, message: e.to_string() }
}

impl Store {
    /// Replaces the shop's category list with `categories`, fetched on `day`.
    pub async fn replace_shop_categories(&self, categories: &[StoredCategory], day: NaiveDate) -> Result<()> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM shop_categories").execute(&mut *tx).await?;
        for c in categories {
            sqlx::query(
                "INSERT OR REPLACE INTO shop_categories (id, parent_id, name, is_leaf, fetched_on) \
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(&c.id)
            .bind(&c.parent_id)
            .bind(&c.name)
            .bind(c.is_leaf)
            .bind(day)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The shop's categories, top-level ones first, each level by name.
    pub async fn shop_categories(&self) -> Result<Vec<StoredCategory>> {
        let rows: Vec<(String, Option<String>, String, bool)> = sqlx::query_as(
            "SELECT id, parent_id, name, is_leaf FROM shop_categories ORDER BY parent_id IS NOT NULL, name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, parent_id, name, is_leaf)| StoredCategory { id, parent_id, name, is_leaf })
            .collect())
    }

    /// Category id → name, and the day the list was fetched (`None`: never).
    pub async fn shop_category_names(&self) -> Result<(HashMap<String, String>, Option<NaiveDate>)> {
        let rows: Vec<(String, String, NaiveDate)> =
            sqlx::query_as("SELECT id, name, fetched_on FROM shop_categories").fetch_all(&self.pool).await?;
        let fetched = rows.iter().map(|r| r.2).max();
        Ok((rows.into_iter().map(|(id, name, _)| (id, name)).collect(), fetched))
    }

    /// Stores each (open id, profile) as its TikTok creator's newest profile, from import `batch_id`;
    /// a profile whose creator is not in the workspace (its import row was rejected) is skipped.
    pub async fn save_shop_profiles(&self, batch_id: i64, profiles: &[(String, ShopProfile)]) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let mut saved = 0;
        for (open_id, p) in profiles {
            let json = serde_json::to_string(p).map_err(|e| corrupt(0, e))?;
            let as_of = p.as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            saved += sqlx::query(
                "INSERT INTO creator_shop_profiles (creator_id, batch_id, as_of, profile) \
                 SELECT id, ?, ?, ? FROM creators WHERE platform = 'tiktok' AND open_id = ? \
                 ON CONFLICT (creator_id) DO UPDATE SET batch_id = excluded.batch_id, \
                 as_of = excluded.as_of, profile = excluded.profile",
            )
            .bind(batch_id)
            .bind(as_of)
            .bind(json)
            .bind(open_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(saved)
    }

    /// One creator's stored profile.
    pub async fn shop_profile(&self, creator_id: i64) -> Result<Option<ShopProfile>> {
        let json: Option<String> =
            sqlx::query_scalar("SELECT profile FROM creator_shop_profiles WHERE creator_id = ?")
                .bind(creator_id)
                .fetch_optional(&self.pool)
                .await?;
        json.map(|j| serde_json::from_str(&j).map_err(|e| corrupt(creator_id, e))).transpose()
    }

    /// The profiles of creators with ids in (after, upto], for the match read.
    pub(crate) async fn shop_profiles_between(
        &self,
        after: i64,
        upto: i64,
    ) -> Result<HashMap<i64, ShopProfile>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT creator_id, profile FROM creator_shop_profiles WHERE creator_id > ? AND creator_id <= ?",
        )
        .bind(after)
        .bind(upto)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, json)| Ok((id, serde_json::from_str(&json).map_err(|e| corrupt(id, e))?)))
            .collect()
    }
}
