//! Results: importing order and video exports, attributing orders to collaborations, the net-ROI
//! report in each currency or converted at the seller's rates, and exporting it; affiliate orders
//! synced from the TikTok Shop API land in the same order lines as an imported export.

mod ledgers;
mod report;

pub use report::RETRAIN_AFTER_NEW_OUTCOMES;
mod export;
mod import;
mod sync;
