//! The streamed read the match index is built from: every creator the seller has not hidden, with what matching needs — current
//! figures, categories, bio, country, whether they can be contacted, audience, the date of the newest
//! figures, follower history, the TikTok Shop profile, and the seller's outcomes with them — in id order, a chunk at a time, so
//! a million creators never sit in memory twice.
//!
//! Each chunk comes back from SQLite as one JSON array (built by SQLite's own JSON functions) rather than
//! as rows: sqlx hands a SQLite row from its worker thread to the caller one message at a time, which at
//! a million rows cost ~13 s in allocation and thread wake-ups; one value per chunk costs ~3 s. Chunks
//! are read and parsed on their own tasks, a few at a time.

use crate::codec::StoredSales;
use crate::outcomes::Outcome;
use crate::stored_audience::StoredAudience;
use crate::{Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::{stream, StreamExt};
use scout_domain::{AudienceMix, BasisPoints, CountryCode, CreatorFigures, ShopProfile};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct MatchSource {
    pub id: i64,
    pub figures: CreatorFigures,
    pub categories: Vec<String>,
    pub bio: Option<String>,
    pub country: Option<CountryCode>,
    /// An e-mail address is on record.
    pub has_contact: bool,
    pub audience: Option<AudienceMix>,
    /// The newest snapshot's date.
    pub as_of: NaiveDate,
    /// (date, followers) per snapshot that had a follower count, oldest first.
    pub follower_history: Vec<(NaiveDate, u64)>,
    /// This seller's outcomes with the creator.
    pub outcomes: Vec<Outcome>,
    /// The creator's TikTok Shop marketplace profile, when fetched.
    pub shop: Option<ShopProfile>,
}

/// Chunks read at once, each on its own task and pooled connection.
const PARALLEL_CHUNKS: usize = 2;

/// One creator as the chunk query's `json_array(...)` lists it (see `CREATORS_JSON`).
#[derive(Deserialize)]
struct CreatorJson(
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Vec<String>,
    Option<String>,
    Option<String>,
    u8,
    Option<StoredAudience>,
    DateTime<Utc>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

const CREATORS_JSON: &str =
    "SELECT json_group_array(json_array(id, followers, following, avg_views, avg_likes, \
     avg_comments, avg_shares, engagement_bp, gmv_minor, gmv_currency, units_sold, avg_commission_bp, \
     json(categories), country, bio, email IS NOT NULL AND trim(email) <> '', json(audience), updated_at, \
     gmv_low_minor, gmv_high_minor, units_low, units_high)) \
     FROM (SELECT * FROM creators WHERE id > ? AND id <= ? AND hidden_at IS NULL ORDER BY id)";

const SNAPSHOTS_JSON: &str = "SELECT json_group_array(json_array(creator_id, as_of, followers)) \
     FROM (SELECT creator_id, as_of, followers FROM creator_snapshots WHERE creator_id > ? AND creator_id <= ? \
     ORDER BY creator_id, as_of)";

fn count(v: Option<i64>) -> Option<u64> {
    v.map(|n| n.max(0) as u64)
}

fn rate(v: Option<i64>) -> Option<BasisPoints> {
    v.map(|n| BasisPoints(n.clamp(0, i64::from(u32::MAX)) as u32))
}

impl CreatorJson {
    /// The same decoding as `codec::figures_from_row` (a test holds them equal).
    fn figures(&self) -> CreatorFigures {
        let (gmv, gmv_range, units_sold, units_sold_range) = StoredSales {
            gmv_minor: self.8,
            currency: self.9.clone(),
            gmv_low: self.18,
            gmv_high: self.19,
            units: self.10,
            units_low: self.20,
            units_high: self.21,
        }
        .read();
        CreatorFigures {
            followers: count(self.1),
            following: count(self.2),
            avg_views: count(self.3),
            avg_likes: count(self.4),
            avg_comments: count(self.5),
            avg_shares: count(self.6),
            engagement_rate: rate(self.7),
            gmv,
            gmv_range,
            units_sold,
            units_sold_range,
            avg_commission_rate: rate(self.11),
        }
    }
}

fn corrupt(table: &'static str, id: i64, e: serde_json::Error) -> StoreError {
    StoreError::Corrupt { table, column: "(match read)", id, message: e.to_string() }
}

impl Store {
    /// Every creator as a [`MatchSource`], in id order, `chunk` ids at a time.
    pub async fn for_each_match_source<E: From<StoreError>>(
        &self,
        chunk: u32,
        mut each: impl FnMut(Vec<MatchSource>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let (first, last): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT min(id), max(id) FROM creators")
                .fetch_one(&self.pool)
                .await
                .map_err(StoreError::from)?;
        let (Some(first), Some(last)) = (first, last) else { return Ok(()) };
        let width = i64::from(chunk.max(1));
        let ranges = (0..=(last - first) / width)
            .map(move |i| (first - 1 + i * width, (first - 1 + (i + 1) * width).min(last)));
        let mut chunks = stream::iter(ranges)
            .map(|(after, upto)| {
                let store = self.clone();
                tokio::spawn(async move { store.match_sources(after, upto).await })
            })
            .buffered(PARALLEL_CHUNKS);
        while let Some(joined) = chunks.next().await {
            let batch = joined.map_err(|e| StoreError::Task(e.to_string()))?;
            each(batch?)?;
        }
        Ok(())
    }

    /// The creators with ids in (after, upto].
    async fn match_sources(&self, after: i64, upto: i64) -> Result<Vec<MatchSource>> {
        let creators: String =
            sqlx::query_scalar(CREATORS_JSON).bind(after).bind(upto).fetch_one(&self.pool).await?;
        let snapshots: String =
            sqlx::query_scalar(SNAPSHOTS_JSON).bind(after).bind(upto).fetch_one(&self.pool).await?;
        let mut outcomes = self.outcomes_between(after, upto).await?;
        let mut shops = self.shop_profiles_between(after, upto).await?;
        let creators: Vec<CreatorJson> =
            serde_json::from_str(&creators).map_err(|e| corrupt("creators", after, e))?;
        let snapshots: Vec<(i64, NaiveDate, Option<i64>)> =
            serde_json::from_str(&snapshots).map_err(|e| corrupt("creator_snapshots", after, e))?;
        let (mut history, mut newest) = (HashMap::<i64, Vec<(NaiveDate, u64)>>::new(), HashMap::new());
        for (id, as_of, followers) in snapshots {
            if let Some(f) = followers {
                history.entry(id).or_default().push((as_of, f.max(0) as u64));
            }
            newest.insert(id, as_of);
        }
        Ok(creators
            .into_iter()
            .map(|c| {
                let id = c.0;
                MatchSource {
                    id,
                    figures: c.figures(),
                    as_of: newest.remove(&id).unwrap_or_else(|| c.17.date_naive()),
                    follower_history: history.remove(&id).unwrap_or_default(),
                    outcomes: outcomes.remove(&id).unwrap_or_default(),
                    shop: shops.remove(&id),
                    country: c.13.as_deref().and_then(|code| CountryCode::parse(code).ok()),
                    has_contact: c.15 == 1,
                    categories: c.12,
                    bio: c.14,
                    audience: c.16.map(|a| a.0),
                }
            })
            .collect())
    }

    async fn outcomes_between(&self, after: i64, last: i64) -> Result<HashMap<i64, Vec<Outcome>>> {
        let mut by_creator: HashMap<i64, Vec<Outcome>> = HashMap::new();
        for o in self.outcomes_where("creator_id > ? AND creator_id <= ?", &[after, last]).await? {
            by_creator.entry(o.creator_id).or_default().push(o);
        }
        Ok(by_creator)
    }
}
