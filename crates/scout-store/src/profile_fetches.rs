//! When each creator's TikTok Shop profile was last fetched (by open id), so an enrichment continues
//! where a stopped one left off and stale profiles can be found.

use crate::{Result, Store};
use chrono::NaiveDate;
use std::collections::HashSet;

impl Store {
    /// The open ids whose profile was fetched on `day` or later.
    pub async fn profiles_fetched_since(&self, day: NaiveDate) -> Result<HashSet<String>> {
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT open_id FROM profile_fetches WHERE fetched_on >= ?")
                .bind(day)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }

    /// The open ids of every TikTok creator in the workspace who has one (not hidden), oldest profile
    /// fetch first (never fetched first of all).
    pub async fn creator_open_ids(&self) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT c.open_id FROM creators c LEFT JOIN profile_fetches f ON f.open_id = c.open_id \
             WHERE c.platform = 'tiktok' AND c.open_id IS NOT NULL AND c.hidden_at IS NULL \
             ORDER BY coalesce(f.fetched_on, '') , c.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Up to `limit` open ids of creators in the workspace (not hidden) whose profile was last fetched
    /// before `day`, the oldest fetch first.
    pub async fn profiles_fetched_before(&self, day: NaiveDate, limit: u32) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT f.open_id FROM profile_fetches f JOIN creators c ON c.platform = 'tiktok' AND c.open_id = f.open_id \
             WHERE f.fetched_on < ? AND c.hidden_at IS NULL ORDER BY f.fetched_on, c.id LIMIT ?",
        )
        .bind(day)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The ids of the TikTok creators with these open ids, in the order given; open ids not in the
    /// workspace are left out.
    pub async fn creator_ids_by_open_id(&self, open_ids: &[String]) -> Result<Vec<i64>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT open_id, id FROM creators WHERE platform = 'tiktok' \
             AND open_id IN (SELECT value FROM json_each(?))",
        )
        .bind(serde_json::to_string(open_ids).unwrap_or_else(|_| "[]".into()))
        .fetch_all(&self.pool)
        .await?;
        let by_open_id: std::collections::HashMap<String, i64> = rows.into_iter().collect();
        Ok(open_ids.iter().filter_map(|o| by_open_id.get(o).copied()).collect())
    }

    /// The open ids of these creators, in the order given; creators without one are left out.
    pub async fn open_ids_of(&self, creator_ids: &[i64]) -> Result<Vec<String>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, open_id FROM creators WHERE id IN (SELECT value FROM json_each(?)) AND open_id IS NOT NULL",
        )
        .bind(serde_json::to_string(creator_ids).unwrap_or_else(|_| "[]".into()))
        .fetch_all(&self.pool)
        .await?;
        let by_id: std::collections::HashMap<i64, String> = rows.into_iter().collect();
        Ok(creator_ids.iter().filter_map(|id| by_id.get(id).cloned()).collect())
    }

    /// Records that these profiles were fetched on `day`.
    pub async fn note_profiles_fetched(&self, open_ids: &[String], day: NaiveDate) -> Result<()> {
        let mut tx = self.write_tx().await?;
        for id in open_ids {
            sqlx::query(
                "INSERT INTO profile_fetches (open_id, fetched_on) VALUES (?, ?) \
                 ON CONFLICT (open_id) DO UPDATE SET fetched_on = excluded.fetched_on",
            )
            .bind(id)
            .bind(day)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
