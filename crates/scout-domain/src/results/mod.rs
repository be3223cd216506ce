//! Results, Scout's last step: what sellers' exports (or the API) say was sold and posted (`orders`),
//! which collaboration each order line belongs to (`attribution`), what each collaboration brought and
//! cost with its formulas (`ledger`), and the report's shapes (`report`).

pub mod attribution;
mod ledger;
mod orders;
mod period;
mod report;
mod unattributed;

pub use ledger::{Figure, Ledger, NetResult};
pub use orders::{OrderLine, Settlement, VideoResult};
pub use period::Period;
pub use report::{
    Conversion, CurrencyReport, ExchangeRate, Funnel, LearningProgress, ReportGroup, ReportRow,
    ResultsFileKind, ResultsQuery, ResultsReport, TimePoint, UnattributedOrder,
};
pub use unattributed::{
    credit_path, CreditOutcome, CreditPreview, UnattributedCreator, UnattributedPage, UnattributedQuery,
};
