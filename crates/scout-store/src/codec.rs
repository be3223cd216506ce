//! Mapping between creator rows and domain types. The column lists here are the one place that knows the
//! `creators` table's shape on the Rust side.

use crate::stored_audience::StoredAudience;
use crate::{Result, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use scout_domain::{
    AudienceMix, BasisPoints, CountRange, CountryCode, CreatorFigures, CreatorKey, CreatorProfile, Currency,
    Handle, Money, MoneyRange, Platform,
};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

/// A creator as stored: current merged values plus bookkeeping.
#[derive(Debug, Clone)]
pub(crate) struct StoredCreator {
    pub id: i64,
    pub key: CreatorKey,
    pub profile: CreatorProfile,
    pub figures: CreatorFigures,
    pub audience: Option<AudienceMix>,
    pub first_batch_id: i64,
    pub last_batch_id: i64,
    pub first_seen_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The date the newest figures are from (the newest snapshot's `as_of`); `None` without figures.
    pub data_as_of: Option<NaiveDate>,
}

pub(crate) const CREATOR_COLUMNS: &str =
    "id, platform, handle, open_id, display_name, followers, following, \
     avg_views, avg_likes, avg_comments, avg_shares, engagement_bp, gmv_minor, gmv_currency, units_sold, \
     avg_commission_bp, categories, country, language, bio, email, audience, first_batch_id, last_batch_id, \
     first_seen_at, updated_at, data_as_of, gmv_low_minor, gmv_high_minor, units_low, units_high";

fn corrupt(column: &'static str, id: i64, message: impl ToString) -> StoreError {
    StoreError::Corrupt { table: "creators", column, id, message: message.to_string() }
}

pub(crate) fn count(row: &SqliteRow, column: &str) -> Result<Option<u64>> {
    Ok(row.try_get::<Option<i64>, _>(column)?.map(|v| v.max(0) as u64))
}

pub(crate) fn rate(row: &SqliteRow, column: &str) -> Result<Option<BasisPoints>> {
    Ok(row.try_get::<Option<i64>, _>(column)?.map(|v| BasisPoints(v.clamp(0, i64::from(u32::MAX)) as u32)))
}

pub(crate) fn money(row: &SqliteRow, minor: &str, currency: &str) -> Result<Option<Money>> {
    let minor: Option<i64> = row.try_get(minor)?;
    let currency: Option<String> = row.try_get(currency)?;
    Ok(match (minor, currency) {
        (Some(m), Some(c)) => Currency::parse(&c).ok().map(|c| Money::new(m, c)),
        _ => None,
    })
}

/// GMV and units as stored: `gmv_minor` / `units_sold` are exact, or (when a low end is set) the midpoint of
/// the range the low and high columns hold; a range comes back as a range.
pub(crate) struct StoredSales {
    pub gmv_minor: Option<i64>,
    pub currency: Option<String>,
    pub gmv_low: Option<i64>,
    pub gmv_high: Option<i64>,
    pub units: Option<i64>,
    pub units_low: Option<i64>,
    pub units_high: Option<i64>,
}

impl StoredSales {
    /// (gmv, gmv_range, units_sold, units_sold_range).
    pub fn read(self) -> (Option<Money>, Option<MoneyRange>, Option<u64>, Option<CountRange>) {
        let currency = self.currency.and_then(|c| Currency::parse(&c).ok());
        let at = |minor: i64| currency.clone().map(|c| Money::new(minor, c));
        let (gmv, gmv_range) = match self.gmv_low {
            Some(low) => (None, at(low).and_then(|l| MoneyRange::new(l, self.gmv_high.and_then(at)))),
            None => (self.gmv_minor.and_then(at), None),
        };
        let non_negative = |v: i64| v.max(0) as u64;
        let (units, units_range) = match self.units_low {
            Some(low) => {
                (None, Some(CountRange { low: non_negative(low), high: self.units_high.map(non_negative) }))
            }
            None => (self.units.map(non_negative), None),
        };
        (gmv, gmv_range, units, units_range)
    }
}

/// The figure columns shared by `creators` and `creator_snapshots`.
pub(crate) fn figures_from_row(row: &SqliteRow) -> Result<CreatorFigures> {
    let (gmv, gmv_range, units_sold, units_sold_range) = StoredSales {
        gmv_minor: row.try_get("gmv_minor")?,
        currency: row.try_get("gmv_currency")?,
        gmv_low: row.try_get("gmv_low_minor")?,
        gmv_high: row.try_get("gmv_high_minor")?,
        units: row.try_get("units_sold")?,
        units_low: row.try_get("units_low")?,
        units_high: row.try_get("units_high")?,
    }
    .read();
    Ok(CreatorFigures {
        followers: count(row, "followers")?,
        following: count(row, "following")?,
        avg_views: count(row, "avg_views")?,
        avg_likes: count(row, "avg_likes")?,
        avg_comments: count(row, "avg_comments")?,
        avg_shares: count(row, "avg_shares")?,
        engagement_rate: rate(row, "engagement_bp")?,
        gmv,
        gmv_range,
        units_sold,
        units_sold_range,
        avg_commission_rate: rate(row, "avg_commission_bp")?,
    })
}

pub(crate) fn key_from_row(row: &SqliteRow, id: i64) -> Result<CreatorKey> {
    let platform: &str = row.try_get("platform")?;
    let handle: &str = row.try_get("handle")?;
    Ok(CreatorKey {
        platform: Platform::parse(platform).map_err(|e| corrupt("platform", id, e))?,
        handle: Handle::parse(handle).map_err(|e| corrupt("handle", id, e))?,
    })
}

pub(crate) fn categories_from_json(json: &str, id: i64) -> Result<Vec<String>> {
    serde_json::from_str(json).map_err(|e| corrupt("categories", id, e))
}

pub(crate) fn country(row: &SqliteRow) -> Result<Option<CountryCode>> {
    let code: Option<String> = row.try_get("country")?;
    Ok(code.and_then(|c| CountryCode::parse(&c).ok()))
}

pub(crate) fn creator_from_row(row: &SqliteRow) -> Result<StoredCreator> {
    let id: i64 = row.try_get("id")?;
    let audience: Option<String> = row.try_get("audience")?;
    let audience = match audience {
        Some(json) => {
            Some(serde_json::from_str::<StoredAudience>(&json).map_err(|e| corrupt("audience", id, e))?.0)
        }
        None => None,
    };
    Ok(StoredCreator {
        id,
        key: key_from_row(row, id)?,
        profile: CreatorProfile {
            open_id: row.try_get("open_id")?,
            display_name: row.try_get("display_name")?,
            categories: categories_from_json(row.try_get("categories")?, id)?,
            country: country(row)?,
            language: row.try_get("language")?,
            bio: row.try_get("bio")?,
            email: row.try_get("email")?,
        },
        figures: figures_from_row(row)?,
        audience,
        first_batch_id: row.try_get("first_batch_id")?,
        last_batch_id: row.try_get("last_batch_id")?,
        first_seen_at: row.try_get("first_seen_at")?,
        updated_at: row.try_get("updated_at")?,
        data_as_of: row.try_get("data_as_of")?,
    })
}

/// What lists search in: the handle and the display name, lower case.
pub(crate) fn search_text(key: &CreatorKey, profile: &CreatorProfile) -> String {
    match &profile.display_name {
        Some(name) => format!("{} {}", key.handle.as_str(), name.to_lowercase()),
        None => key.handle.as_str().to_string(),
    }
}

pub(crate) fn to_i64(v: Option<u64>) -> Option<i64> {
    v.map(|v| i64::try_from(v).unwrap_or(i64::MAX))
}
