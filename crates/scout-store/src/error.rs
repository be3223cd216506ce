use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the workspace database {}: {source}", path.display())]
    Open { path: PathBuf, source: sqlx::Error },
    #[error("cannot bring the workspace database {} up to date: {source}", path.display())]
    Migrate { path: PathBuf, source: sqlx::migrate::MigrateError },
    #[error("the workspace {} was made by a newer version of Scout (schema {version}); update Scout to open it — nothing in it was changed", path.display())]
    NewerWorkspace { path: PathBuf, version: i64 },
    #[error("cannot create folder {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot back up the workspace to {}: {message}; no backup was kept", path.display())]
    Backup { path: PathBuf, message: String },
    #[error("{} failed its integrity check ({problems}); it is not used", path.display())]
    BackupDamaged { path: PathBuf, problems: String },
    #[error("{} is not a Scout backup: {message}", path.display())]
    NotABackup { path: PathBuf, message: String },
    #[error("the workspace {} is in use (Scout's window, a `scout` command, or an import still running): close it or let it finish, then try again; nothing was changed", path.display())]
    WorkspaceInUse { path: PathBuf },
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("no creator with id {0}")]
    CreatorNotFound(i64),
    #[error("creator {creator_id} is on the do-not-contact list ({reason}); nothing was queued")]
    Suppressed { creator_id: i64, reason: String },
    #[error("creator {creator_id} already has an offer for campaign {campaign_id}; re-send it explicitly to offer again; nothing was queued")]
    AlreadyOffered { campaign_id: i64, creator_id: i64 },
    #[error("offer {0} is not being sent, so it cannot be settled")]
    OfferNotSending(i64),
    #[error("offer {0} cannot be marked that way: only a manual offer not yet sent, or one waiting for a check, can")]
    OfferNotSettleable(i64),
    #[error(transparent)]
    Domain(#[from] scout_domain::DomainError),
    #[error("a database read stopped: {0}")]
    Task(String),
    #[error("no campaign with id {0}")]
    CampaignNotFound(i64),
    #[error("creator {creator_id} is not on campaign {campaign_id}'s shortlist")]
    NotShortlisted { campaign_id: i64, creator_id: i64 },
    #[error("campaign {campaign_id} has {offers} offer(s) in the send queue or sent: archive it instead, so the record of who was contacted stays")]
    CampaignHasOffers { campaign_id: i64, offers: u64 },
    #[error("{found} {what} match; at most {limit} at once — narrow the filter")]
    TooMany { what: &'static str, found: u64, limit: u64 },
    #[error("cannot undo: {0}")]
    CannotUndo(String),
    #[error("{0} is already recorded")]
    AlreadyRecorded(String),
    #[error("no learned model with id {0}")]
    ModelNotFound(i64),
    #[error("no order line with id {0}")]
    OrderLineNotFound(i64),
    #[error("no import batch with id {0}")]
    BatchNotFound(i64),
    #[error("stored value in {table}.{column} (row {id}) is unreadable: {message}")]
    Corrupt { table: &'static str, column: &'static str, id: i64, message: String },
    #[error("no TikTok Shop action with id {0}")]
    ActionNotFound(i64),
    #[error("TikTok Shop action {id} is not {state}, so it cannot be settled that way")]
    ActionNotInState { id: i64, state: String },
    #[error("sample request '{application_id}': {message}; nothing was saved")]
    InvalidSampleRequest { application_id: String, message: String },
    #[error("conversation '{conversation_id}': {message}; nothing was saved")]
    InvalidConversation { conversation_id: String, message: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;
