//! Scout's domain: the entities and value types every other crate speaks in — creators, their figures and
//! audience mix, money in integer minor units, rates in basis points, provenance — and the pure rules on
//! them (handle normalisation, engagement rate, share validation), campaigns, offer terms and collaboration
//! records (agreed terms, sample shipments, posts) with their validation, the pipeline's state
//! machine and its follow-up rules, results (affiliate order lines, video results) and their money (ledgers and net ROI with
//! their formulas). No database, no HTTP, no window.

mod audience;
mod campaign;
mod collaboration;
mod creator;
mod error;
mod follow_ups;
mod imports;
mod money;
mod offer;
mod pipeline;
mod range;
mod rate;
pub mod results;
mod shop_profile;

pub use audience::{AgeBand, AgeShare, AudienceMix, CountryShare, GenderSplit};
pub use campaign::{
    CampaignSpec, CommissionRange, ProductSpec, TargetAudience, MAX_COMMISSION, MIN_COMMISSION,
};
pub use collaboration::{AgreedTerms, ContentPost, SampleShipment};
pub use creator::{CountryCode, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Handle, Platform};
pub use error::{DomainError, FieldProblem, Result};
pub use follow_ups::{
    follow_ups_due, FollowUpKind, PipelineFacts, POST_WITHIN_DAYS, SHIP_SAMPLE_WITHIN_DAYS,
};
pub use imports::{
    AttributionCounts, ImportCounts, ImportKind, ImportReport, ImportStatus, IssueOutcome, PlatformReading,
    RowIssue, REPORT_ISSUES,
};
pub use money::{Currency, Money};
pub use offer::{ContentType, FreeSample, OfferTerms};
pub use pipeline::Stage;
pub use range::{CountRange, FigureRange, MoneyRange};
pub use rate::BasisPoints;
pub use results::{
    Conversion, CreditOutcome, CreditPreview, CurrencyReport, ExchangeRate, Figure, Funnel, LearningProgress,
    Ledger, NetResult, OrderLine, Period, ReportGroup, ReportRow, ResultsFileKind, ResultsQuery,
    ResultsReport, Settlement, TimePoint, UnattributedCreator, UnattributedOrder, UnattributedPage,
    UnattributedQuery, VideoResult,
};
pub use shop_profile::{CategoryShare, PostRateBucket, ShopProfile, TrendPeriod};
