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
