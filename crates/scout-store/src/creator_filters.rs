//! The creator list's filters as SQL (`push_filters`: each ` AND …` on the `creators` table, shared by
//! the list, its counts and the acts on a selection) and as a cache key for the filter's totals.

use crate::CreatorQuery;
use sqlx::{QueryBuilder, Sqlite};

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

pub(crate) fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// The query's filters as a cache key (sort and window do not change a total).
pub(crate) fn filter_key(q: &CreatorQuery) -> String {
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}|{:?}",
        q.search,
        q.platform,
        q.country,
        q.category,
        q.min_followers,
        q.max_followers,
        q.min_engagement_bp,
        q.tag,
        q.include_hidden,
        q.ids,
        q.except
    )
}

/// Appends ` AND …` for each filter, on the `creators` table.
pub(crate) fn push_filters<'a>(q: &mut QueryBuilder<'a, Sqlite>, query: &'a CreatorQuery) {
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
        // A probe of the (category, creator_id) key per row, so an index-ordered walk stays a walk.
        q.push(" AND EXISTS (SELECT 1 FROM creator_categories cc WHERE cc.category = ")
            .push_bind(category.to_string())
            .push(" AND cc.creator_id = creators.id)");
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
    if let Some(tag) = query.tag.as_deref().filter(|t| !t.is_empty()) {
        q.push(" AND EXISTS (SELECT 1 FROM creator_tags t WHERE t.tag = ")
            .push_bind(tag.to_string())
            .push(" AND t.creator_id = creators.id)");
    }
    if !query.include_hidden {
        q.push(" AND id NOT IN (SELECT id FROM creators h WHERE h.hidden_at IS NOT NULL)");
    }
    if let Some(ids) = &query.ids {
        q.push(" AND id IN (SELECT value FROM json_each(").push_bind(ids_json(ids)).push("))");
    }
    if !query.except.is_empty() {
        q.push(" AND id NOT IN (SELECT value FROM json_each(").push_bind(ids_json(&query.except)).push("))");
    }
}
