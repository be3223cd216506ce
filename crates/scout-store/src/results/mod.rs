//! Results: affiliate order lines and creator video results from sellers' exports. An import writes a
//! whole file in one transaction (a cancelled or failed import leaves the workspace as it was); a row
//! whose values did not change since the last import is skipped, so importing a file again changes
//! nothing. Each order line is attributed to a collaboration as it is written, by
//! [`scout_domain::results::attribution`]; when collaborations change later, [`Store::reattribute_orders`] brings
//! every line the seller did not assign by hand up to date. The report's raw sums live in [`report`].

mod attribution;
mod credit;
mod imports;
mod learning;
mod report;
mod sums;

pub use attribution::AttributionCounts;
pub use credit::CREDITED_BY_HAND;
pub use imports::{ResultsImportSession, ResultsOutcome};
pub use report::{CostEntry, CostKind, OrderCounts, OrderSums, ReportInputs, SalesGroup};
