//! Acting on many creators at once — a selection picked by hand or everything a filter matches, both
//! a [`CreatorQuery`]: tag, hide, add to a campaign's shortlist.

use crate::{AppError, Result, Workspace};
use scout_store::CreatorQuery;

/// A tag's longest length, in characters.
pub const MAX_TAG_CHARS: usize = 40;
/// The most creators one "add to shortlist" takes: a shortlist is for people the seller will contact.
pub const MAX_SHORTLIST_SELECTION: u64 = 1_000;

/// The tag as stored: trimmed, inner spaces kept; refused when empty or too long.
fn clean_tag(tag: &str) -> Result<String> {
    let tag = tag.trim();
    let problem = if tag.is_empty() {
        "type a tag".to_string()
    } else if tag.chars().count() > MAX_TAG_CHARS {
        format!("a tag is at most {MAX_TAG_CHARS} characters")
    } else {
        return Ok(tag.to_string());
    };
    Err(AppError::InvalidField { field: "tag".into(), message: problem })
}

impl Workspace {
    /// Tags (`add`) or untags every creator the query matches; returns those that changed.
    #[tracing::instrument(skip(self, query))]
    pub async fn tag_creators(&self, query: &CreatorQuery, tag: &str, add: bool) -> Result<Vec<i64>> {
        let tag = clean_tag(tag)?;
        Ok(self.store.tag_creators(query, &tag, add).await?)
    }

    /// Hides every creator the query matches (`hidden`), or shows them again; hidden creators leave the
    /// list and the rankings, nothing of theirs is deleted. Returns those that changed.
    #[tracing::instrument(skip(self, query))]
    pub async fn hide_creators(&self, query: &CreatorQuery, hidden: bool) -> Result<Vec<i64>> {
        Ok(self.store.hide_creators(query, hidden).await?)
    }

    /// Adds every creator the query matches to the campaign's shortlist (at most
    /// [`MAX_SHORTLIST_SELECTION`]); those already on it stay as they are. Returns how many joined.
    #[tracing::instrument(skip(self, query))]
    pub async fn shortlist_creators(&self, campaign_id: i64, query: &CreatorQuery) -> Result<u64> {
        self.store.campaign(campaign_id).await?;
        let ids = self.store.matching_ids(query, MAX_SHORTLIST_SELECTION).await?;
        let mut added = 0;
        for id in ids {
            if self.store.stage(campaign_id, id).await?.is_none() {
                self.store.shortlist_add(campaign_id, id).await?;
                added += 1;
            }
        }
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_trimmed_and_refused_empty_or_too_long() {
        assert_eq!(clean_tag("  summer push ").unwrap(), "summer push");
        for bad in ["", "   ", &"x".repeat(MAX_TAG_CHARS + 1)] {
            let e = clean_tag(bad).unwrap_err();
            assert!(matches!(&e, AppError::InvalidField { field, .. } if field == "tag"), "{e}");
        }
    }
}
