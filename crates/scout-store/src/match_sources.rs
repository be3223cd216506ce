//! The streamed read the match index is built from: every creator with what matching needs — current
//! figures and profile, the date of the newest figures, follower history, and the seller's outcomes
//! with them — in id order, a chunk at a time, so a million creators never sit in memory twice.

use crate::codec::{creator_from_row, CREATOR_COLUMNS};
use crate::outcomes::Outcome;
use crate::{Result, Store, StoreError};
use chrono::NaiveDate;
use scout_domain::{AudienceMix, CreatorFigures, CreatorProfile};
use sqlx::Row;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct MatchSource {
    pub id: i64,
    pub profile: CreatorProfile,
    pub figures: CreatorFigures,
    pub audience: Option<AudienceMix>,
    /// The newest snapshot's date.
    pub as_of: NaiveDate,
    /// (date, followers) per snapshot that had a follower count, oldest first.
    pub follower_history: Vec<(NaiveDate, u64)>,
    /// This seller's outcomes with the creator.
    pub outcomes: Vec<Outcome>,
}

impl Store {
    pub async fn for_each_match_source<E: From<StoreError>>(
        &self,
        chunk: u32,
        mut each: impl FnMut(Vec<MatchSource>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut after = i64::MIN;
        loop {
            let rows = sqlx::query(&format!(
                "SELECT {CREATOR_COLUMNS} FROM creators WHERE id > ? ORDER BY id LIMIT ?"
            ))
            .bind(after)
            .bind(chunk)
            .fetch_all(&self.pool)
            .await
            .map_err(StoreError::from)?;
            let Some(last) = rows.last() else { return Ok(()) };
            let last: i64 = last.try_get("id").map_err(StoreError::from)?;
            let (mut history, mut as_of) = self.follower_history(after, last).await?;
            let mut outcomes = self.outcomes_between(after, last).await?;
            let mut batch = Vec::with_capacity(rows.len());
            for row in &rows {
                let c = creator_from_row(row)?;
                let newest = as_of.remove(&c.id).unwrap_or_else(|| c.updated_at.date_naive());
                batch.push(MatchSource {
                    id: c.id,
                    profile: c.profile,
                    figures: c.figures,
                    audience: c.audience,
                    as_of: newest,
                    follower_history: history.remove(&c.id).unwrap_or_default(),
                    outcomes: outcomes.remove(&c.id).unwrap_or_default(),
                });
            }
            let full = rows.len() == chunk as usize;
            each(batch)?;
            if !full {
                return Ok(());
            }
            after = last;
        }
    }

    /// Follower history and newest snapshot date of creators with ids in (after, last].
    async fn follower_history(
        &self,
        after: i64,
        last: i64,
    ) -> Result<(HashMap<i64, Vec<(NaiveDate, u64)>>, HashMap<i64, NaiveDate>)> {
        let rows = sqlx::query(
            "SELECT creator_id, as_of, followers FROM creator_snapshots WHERE creator_id > ? AND creator_id <= ? \
             ORDER BY creator_id, as_of",
        )
        .bind(after)
        .bind(last)
        .fetch_all(&self.pool)
        .await?;
        let (mut history, mut newest) = (HashMap::<i64, Vec<(NaiveDate, u64)>>::new(), HashMap::new());
        for r in &rows {
            let id: i64 = r.try_get("creator_id")?;
            let as_of: NaiveDate = r.try_get("as_of")?;
            if let Some(f) = r.try_get::<Option<i64>, _>("followers")? {
                history.entry(id).or_default().push((as_of, f.max(0) as u64));
            }
            newest.insert(id, as_of);
        }
        Ok((history, newest))
    }

    async fn outcomes_between(&self, after: i64, last: i64) -> Result<HashMap<i64, Vec<Outcome>>> {
        let mut by_creator: HashMap<i64, Vec<Outcome>> = HashMap::new();
        for o in self.outcomes_where("creator_id > ? AND creator_id <= ?", &[after, last]).await? {
            by_creator.entry(o.creator_id).or_default().push(o);
        }
        Ok(by_creator)
    }
}
