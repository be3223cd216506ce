//! Scout's use cases — the project's real API, shared by the desktop app and the `scout` CLI. A
//! [`Workspace`] wraps one open database; its methods import files (streaming, with progress and
//! cancellation, all-or-nothing), list and show creators, load the demo data and export, run campaigns
//! (ranked, explained matches and shortlists), train, compare and adopt match models, send offers
//! through the outbox and follow each collaboration through the pipeline. Everything the
//! UI can do is here, so the CLI can do it too and tests need no window.

mod backups;
mod campaigns;
mod creators;
mod demo;
mod error;
mod logging;
mod messages;
mod outreach;
mod paths;
mod pipeline;
mod results;
mod samples;
mod streaming;
mod tiktok;
mod tiktok_actions;
mod updates;
mod workspace;

pub use backups::{
    backups_of, describe_backup, restore_workspace_file, verify_backup, BackupOverview, DAILY_CHECK_EVERY,
};
pub use campaigns::{LearnedModel, LookalikeCreator, MatchPage, MatchRow, ModelCard, ShortlistedCreator};
pub use creators::{
    check_entry, write_import_template, FieldOption, HandEntry, ImportPreview, ImportRequest, MappingSource,
    HAND_SOURCE, MAX_SHORTLIST_SELECTION, MAX_TAG_CHARS,
};
pub use demo::{SimulationReport, EXAMPLE_CAMPAIGN};
pub use error::{AppError, ErrorCode, ErrorPayload, Result};
pub use logging::{init_logging, LogGuard};
pub use messages::{
    ConversationView, FollowUpPlan, MessagePayload, MessagePurpose, MessageSettings, MessageSyncReport,
    OutgoingView, PlannedFollowUp, QueuedMessages, DEFAULT_FOLLOW_UP_DAYS, DEFAULT_FOLLOW_UP_TEMPLATE,
    INBOX_ROWS, MAX_MESSAGES_BEFORE_REPLY,
};
pub use outreach::{
    EmailSettings, OfferDraft, OfferPreview, OutboxProblem, OutboxReport, OutboxRun, PreviewedMessage,
    SellerProfile,
};
pub use paths::{default_log_dir, default_workspace_path};
pub use pipeline::{FollowUpSettings, FollowUps};
pub use results::RETRAIN_AFTER_NEW_OUTCOMES;
pub use samples::{
    parse_sample_status, reject_words, DecisionSeen, RequestedProduct, RuleRun, SampleBoard, SampleBoardRow,
    SampleChoice, SampleFollowReport, SampleGroup, SampleGroupCount, SampleStatusCount, SampleSyncReport,
    SamplesSynced, MAX_DECISIONS_AT_ONCE, REMIND_AFTER_DAYS, SAMPLE_GROUPS, SAMPLE_PAGE_ROWS,
    SYNCED_SAMPLE_STATUSES,
};
pub use samples::{
    EconomicsInput, EndedRequest, PostModelCard, PostModelEntry, PostOutcomeSummary, SampleHistoryReport,
    SampleRuleState, BACKTEST_DAYS, ENDED_SAMPLE_STATUSES,
};
pub use scout_outreach::email::{SmtpAccount, SmtpSecurity};
pub use scout_outreach::template::{default_template, OfferTemplate, RenderedMessage};
/// The creator marketplace's types, as the TikTok Shop client reads them.
pub use scout_tiktok::{
    CategoryFilter, ChosenOptions, CollectProgress, CollectStop, Collected, CreatorPerformance, ExactOrRange,
    GmvBand, MarketplaceCreator, MarketplaceCursor, MarketplaceFilter, MarketplacePage, PostRate, Range,
    Share,
};
pub use streaming::{CancelToken, ImportProgress};
pub use tiktok::{
    AdvancedFilter, EnrichReport, MarketplaceBudget, MarketplaceOptions, MarketplaceSorter, TiktokConnection,
    TiktokQuota, TiktokQuotaPart, TiktokStatus, TiktokSyncReport, DEFAULT_TIKTOK_INTERVAL_MS,
    MARKETPLACE_DAILY_REQUESTS, MARKETPLACE_SOURCE, PROFILES_SOURCE, PROFILE_MAX_AGE_DAYS, REFRESH_PER_DAY,
};
pub use tiktok_actions::{review_payload, ActionsReport};
pub use updates::{CheckDecision, UpdateSchedule, UPDATE_CHECK_INTERVAL};
pub use workspace::{Workspace, WorkspaceInfo};

pub use scout_domain::{
    AttributionCounts, ImportCounts, ImportKind, ImportReport, ImportStatus, IssueOutcome, PlatformReading,
    RowIssue,
};
pub use scout_ingest::{ColumnMapping, Field};
/// Who will post after a sample, as the engine says it.
pub use scout_match::samples::{Backtest, ProductEconomics, SampleAssessment, SampleRule};
pub use scout_match::{
    AudienceOverlap, ConfidenceBand, Coverage, Explanation, FactorContribution, FactorCoverage, FactorStatus,
    Feature, MatchFilters, MatchSort, Metrics, ModelEvaluation, ModelFile, ModelKind, PairOverlap,
    QualityWarning, RankQuery, WarningKind,
};
pub use scout_store::{
    Action, ActionKind, ActionState, Backup, BackupKind, BackupSummary, Campaign, CampaignFootprint,
    Collaboration, CreatorDetail, CreatorFacets, CreatorPage, CreatorQuery, CreatorRow, CreatorSort,
    DecidedBy, FollowUp, FollowUpKind, ImportBatch, InboxConversation, Offer, OfferChannel, OfferState,
    OutboxItem, OutcomeCounts, PipelineCard, PipelineEvent, RestoreReport, SampleDecision, SamplePost,
    SampleRequest, SampleRequestPage, SampleVerdict, ShortlistEntry, SourceKind,
};
/// Sample requests' statuses, as the TikTok Shop client reads them.
pub use scout_tiktok::{FulfilmentStatus, RejectReason, ReviewDecision, SampleStatus};
