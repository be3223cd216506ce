//! What the seller does to many creators at once, each chosen by a [`CreatorQuery`] (its filters, a
//! hand-picked `ids` list, minus `except`): tag and untag, hide and show again, shortlist for a campaign.
//! Each is one statement over the matching set, so "all 40,000 matching" costs what 40 does.

use crate::creator_filters::push_filters;
use crate::{CreatorQuery, Result, Store, StoreError};
use chrono::Utc;
use sqlx::{QueryBuilder, Sqlite};

/// `SELECT id FROM creators WHERE <the query's filters>`, to be used as a subquery.
fn matching<'a>(q: &mut QueryBuilder<'a, Sqlite>, query: &'a CreatorQuery) {
    q.push("SELECT id FROM creators WHERE 1 = 1");
    push_filters(q, query);
}

impl Store {
    /// Adds `tag` to every matching creator (`add`), or takes it off; returns the creators that changed
    /// (so the window can take it back exactly).
    pub async fn tag_creators(&self, query: &CreatorQuery, tag: &str, add: bool) -> Result<Vec<i64>> {
        let mut q = QueryBuilder::<Sqlite>::new("");
        if add {
            q.push("INSERT OR IGNORE INTO creator_tags (creator_id, tag) SELECT id, ")
                .push_bind(tag.to_string())
                .push(" FROM (");
        } else {
            q.push("DELETE FROM creator_tags WHERE tag = ")
                .push_bind(tag.to_string())
                .push(" AND creator_id IN (");
        }
        matching(&mut q, query);
        q.push(") RETURNING creator_id");
        let changed = q.build_query_scalar().fetch_all(&self.pool).await?;
        self.counts.clear();
        Ok(changed)
    }

    /// Hides every matching creator (`hidden`), or shows hidden ones again; returns the creators that
    /// changed.
    /// Hidden creators leave the list and the rankings; nothing of theirs is deleted.
    pub async fn hide_creators(&self, query: &CreatorQuery, hidden: bool) -> Result<Vec<i64>> {
        let mut q = QueryBuilder::<Sqlite>::new("UPDATE creators SET hidden_at = ");
        if hidden {
            q.push_bind(Utc::now()).push(" WHERE hidden_at IS NULL AND id IN (");
        } else {
            q.push("NULL WHERE hidden_at IS NOT NULL AND id IN (");
        }
        // Showing again reads the hidden ones, whatever the query says about them.
        let query = CreatorQuery { include_hidden: true, ..query.clone() };
        matching(&mut q, &query);
        q.push(") RETURNING id");
        let changed = q.build_query_scalar().fetch_all(&self.pool).await?;
        self.counts.clear();
        self.note_change();
        Ok(changed)
    }

    /// The ids of every matching creator, in the query's sort order (offset and limit ignored), at most
    /// `cap`; an error names the count when more match.
    pub async fn matching_ids(&self, query: &CreatorQuery, cap: u64) -> Result<Vec<i64>> {
        let total = self.list_creators(&CreatorQuery { limit: 0, offset: 0, ..query.clone() }).await?.total;
        if total > cap {
            return Err(StoreError::TooMany { what: "creators", found: total, limit: cap });
        }
        self.page_ids(&CreatorQuery { offset: 0, limit: total as u32, ..query.clone() }).await
    }
}
