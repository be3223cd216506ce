//! What the match engine knows about one creator: the stored figures and profile plus what the workspace
//! remembers of them (snapshots, past collaborations with this seller, last contact). The store reads
//! these; the engine never touches the database.

use chrono::NaiveDate;
use scout_domain::{AudienceMix, CountryCode, CreatorFigures, ShopProfile};

#[derive(Debug, Clone)]
pub struct CreatorFacts {
    pub id: i64,
    pub figures: CreatorFigures,
    pub categories: Vec<String>,
    pub bio: Option<String>,
    /// The creator's home country.
    pub country: Option<CountryCode>,
    /// Whether the workspace holds a way to reach them (an e-mail address).
    pub has_contact: bool,
    pub audience: Option<AudienceMix>,
    /// The date of the newest figures on record.
    pub as_of: NaiveDate,
    /// Follower counts by date, oldest first, one per snapshot that had one.
    pub follower_history: Vec<(NaiveDate, u64)>,
    pub past: PastResults,
    pub last_contacted: Option<NaiveDate>,
    /// The creator's TikTok Shop marketplace profile, when fetched.
    pub shop: Option<ShopProfile>,
}

/// This seller's past collaborations with one creator, summed over campaigns.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PastResults {
    pub invited: u32,
    pub replied: u32,
    pub accepted: u32,
    pub posted: u32,
    pub gmv_usd: f64,
    pub cost_usd: f64,
    /// How many of the invitations were simulated (the evidence says so).
    pub simulated: u32,
}
