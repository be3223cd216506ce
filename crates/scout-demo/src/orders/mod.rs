//! Synthetic results exports: affiliate order lines and creator video results simulated from
//! collaborations, written the way Seller Center and Affiliate Center export them (CSV or XLSX, headers
//! and number, date and yes/no formats in English, Spanish or Indonesian).
//!
//! Everything here is synthetic. Creator handles made here start with `synth_` (collaborations) or
//! `synth.` (organic sales), product names end with ` [synthetic]`, and ids are drawn numbers that belong
//! to nothing. No marker row is added to the files: an importer would reject it, and the files must
//! import like real exports.
//!
//! How a run is drawn (figures from domain.md where it has them, assumptions otherwise):
//! - A collaboration's creator posts 2–9 days after it starts. Its orders then decay over about six
//!   weeks (an exponential with an 8–12 day time constant, nothing after eight weeks). One that never
//!   posts sells a tenth as much, from the creator's showcase.
//! - `organic_share` of the orders come from other synthetic creators on the open collaboration rate:
//!   no collaboration claims them.
//! - The volume follows each collaboration's `strength` (its expected orders), or, with
//!   [`OrderConfig::rows`], is scaled so the run has exactly that many lines. Either way each day gets a
//!   fixed number of lines and draws from its own ChaCha8 stream, so a run streams day by day in time
//!   order and the same seed gives the same lines.
//! - Orders hold 1 SKU (2 or 3 variants of the product in about one order in seven) of 1–3 units.
//!   About 8 % of lines are returned or refunded in full, 4 % in part and 2 % of orders are cancelled.
//!   Delivered orders settle 14–24 days after delivery (6 % much later); settled lines carry the actual
//!   commission, within 5 % of the estimate. Returned, refunded and cancelled lines earn none.

mod cells;
mod collaborations;
mod draft;
mod ids;
mod language;
mod line;
mod plan;
mod products;
mod render;
pub mod samples;
mod simulate;
mod videos;
mod write;

pub use collaborations::{synthetic_collaborations, CollaborationsConfig, SYNTHETIC_HANDLE_PREFIX};
pub use language::{ExportLanguage, ORDER_HEADERS_EN, ORDER_HEADERS_ES, ORDER_HEADERS_ID};
pub use language::{VIDEO_HEADERS_EN, VIDEO_HEADERS_ES, VIDEO_HEADERS_ID};
pub use simulate::{simulate_orders, OrderSimulator};
pub use videos::simulate_videos;
pub use write::{write_orders_csv, write_orders_xlsx, write_videos_csv, write_videos_xlsx, XLSX_MAX_ROWS};

use chrono::NaiveDate;
use scout_domain::Money;
use serde::{Deserialize, Serialize};

/// One collaboration to simulate: who sells which product at what price and commission, from when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollaborationSeed {
    /// The creator's username, without `@`.
    pub handle: String,
    pub product_id: String,
    pub product_name: String,
    /// The product's price; its currency is the currency of every line the collaboration sells.
    pub unit_price: Money,
    /// The commission rate in basis points (1500 = 15 %), at most 8000.
    pub commission_bp: u32,
    pub starts_on: NaiveDate,
    /// The TikTok Shop target collaboration the deal went through, if any.
    pub target_collaboration_id: Option<String>,
    /// Whether the creator posted the video; one who did not sells a tenth as much, from the showcase.
    pub posted: bool,
    /// How well it sells: the orders the collaboration brings over its whole life (a relative weight
    /// when [`OrderConfig::rows`] fixes the volume).
    pub strength: f64,
}

/// How to simulate orders from a set of collaborations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OrderConfig {
    pub seed: u64,
    /// The export's date: it holds orders up to the end of this day, and settlement is judged then.
    pub until: NaiveDate,
    /// The share of orders (0 up to 0.95) by synthetic creators outside every collaboration: unattributed.
    pub organic_share: f64,
    /// Exactly this many lines, the volume scaled to fit; `None` lets the strengths set the volume.
    pub rows: Option<u64>,
}
