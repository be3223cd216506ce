//! Column mappings remembered per header layout. The store keeps them as opaque JSON; `scout-ingest`
//! owns their shape.

use crate::{Result, Store};
use chrono::Utc;

impl Store {
    /// The mapping saved for this header layout, as JSON.
    pub async fn saved_mapping(&self, header_key: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT mapping FROM saved_mappings WHERE header_key = ?")
            .bind(header_key)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Remembers `mapping_json` for this header layout, replacing any earlier one.
    pub async fn save_mapping(&self, header_key: &str, mapping_json: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO saved_mappings (header_key, mapping, saved_at) VALUES (?, ?, ?) \
             ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
        )
        .bind(header_key)
        .bind(mapping_json)
        .bind(Utc::now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
