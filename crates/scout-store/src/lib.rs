//! Scout's database. Only this crate speaks SQL: a SQLite workspace file opened in WAL mode with foreign
//! keys on and a busy timeout, timestamped migrations embedded with `sqlx::migrate!`, and one module per
//! aggregate — creators (queries and read models), import batches, saved column mappings, the import session that writes a
//! whole file in one transaction (so a cancelled or crashed import leaves the database as it was),
//! campaigns and shortlists, collaboration outcomes, learned match models, the streamed read the match
//! index is built from, the outbox of offers (queued atomically, never re-sent blindly after a crash), the
//! pipeline with its timeline, collaboration records (agreed terms, shipments, posts) and follow-ups, and results (order lines
//! attributed to collaborations, video results, the report's sums), and backups (`backup/`: online copies,
//! their summaries, retention and restore).

mod backdate;
pub mod backup;
mod batches;
mod campaign_lifecycle;
mod campaigns;
mod codec;
mod collaborations;
mod conversations;
mod creator_filters;
mod creator_list;
mod creator_marks;
mod creators;
mod deferred;
mod delivery_lease;
mod error;
mod follow_ups;
mod import;
mod import_writer;
mod mappings;
mod match_models;
mod match_sources;
mod message_actions;
mod outbox;
mod outbox_batch;
mod outcomes;
mod pipeline;
mod post_models;
mod profile_fetches;
mod results;
mod sample_decisions;
mod sample_economics;
mod sample_follow;
mod sample_history;
mod sample_requests;
mod sample_rule;
mod schema_fixups;
mod settings;
mod shop_profiles;
mod stored_audience;
mod tiktok_actions;
mod undo;

pub use backup::{Backup, BackupKind, BackupSummary, RestoreReport};
pub use batches::{ImportBatch, NewBatch, SourceKind};
pub use campaign_lifecycle::CampaignFootprint;
pub use campaigns::{Campaign, ShortlistEntry};
pub use collaborations::{describe_terms, Collaboration};
pub use conversations::{
    ConversationSaved, InboxConversation, IncomingConversation, IncomingMessage, StoredMessage,
};
pub use creator_list::{CreatorPage, CreatorQuery, CreatorRow, CreatorSort};
pub use creators::{CreatorDetail, CreatorFacets, CreatorSnapshot, Facet, FieldSource};
pub use delivery_lease::DeliveryLease;
pub use error::{Result, StoreError};
pub use follow_ups::FollowUp;
pub use import::{ImportSession, IncomingRow, RowOutcome};
pub use match_models::StoredModel;
pub use match_sources::MatchSource;
pub use message_actions::SentInvitation;
pub use outbox::{NewOffer, Offer, OfferChannel, OfferState, OutboxItem};
pub use outbox_batch::ClaimedBatch;
pub use outcomes::{Outcome, OutcomeCounts, OutcomeSource};
pub use pipeline::{PipelineCard, PipelineEvent};
pub use post_models::StoredPostModel;
pub use results::{
    AttributionCounts, CostEntry, CostKind, OrderCounts, OrderSums, ReportInputs, ResultsImportSession,
    ResultsOutcome, SalesGroup, CREDITED_BY_HAND,
};
pub use sample_decisions::{DecidedBy, NewSampleDecision, SampleDecision, SampleVerdict};
pub use sample_economics::StoredEconomics;
pub use sample_follow::{SamplePost, SampleToFollow};
pub use sample_history::{IncomingFulfilment, SampleHistoryRow};
pub use sample_requests::{
    IncomingSampleRequest, SampleRequest, SampleRequestPage, SampleUpsert, SAMPLE_LIST_LIMIT,
};
pub use sample_rule::StoredSampleRule;
pub use scout_domain::{FollowUpKind, SHIP_SAMPLE_WITHIN_DAYS};
pub use shop_profiles::StoredCategory;
pub use tiktok_actions::{Action, ActionKind, ActionState, NewAction};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, SqliteConnection, SqlitePool};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An open workspace database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    /// How the pool's connections are opened, for the bulk connections imports write through.
    options: SqliteConnectOptions,
    path: PathBuf,
    /// Held by whoever is building deferred indexes (`finish_deferred`).
    deferred: std::sync::Arc<tokio::sync::Mutex<()>>,
    counts: std::sync::Arc<creator_list::CountCache>,
    /// Bumped by every write that changes what matching sees (imports, outcomes).
    changes: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Store {
    /// Opens (creating if missing) the workspace database at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("cache_size", "-65536") // 64 MiB page cache
            .pragma("temp_store", "memory")
            .pragma("journal_size_limit", "67108864"); // the WAL shrinks back to 64 MiB after a large import

        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.clone())
            .await
            .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let store = Store {
            pool,
            options,
            path: path.to_path_buf(),
            deferred: Default::default(),
            counts: Default::default(),
            changes: Default::default(),
        };
        let migrator = sqlx::migrate!("./migrations");
        if let Some(version) = store.newer_schema(&migrator).await? {
            store.pool.close().await;
            return Err(StoreError::NewerWorkspace { path: path.to_path_buf(), version });
        }
        store.recover_deferred_indexes().await?;
        store.back_up_before_migrating(&migrator).await?;
        migrator
            .run(&store.pool)
            .await
            .map_err(|source| StoreError::Migrate { path: path.to_path_buf(), source })?;
        // What a migration's transaction cannot do, on a connection of its own (it turns foreign keys
        // off while it works).
        let mut conn = store.options.clone().connect().await?;
        schema_fixups::run(&mut conn).await?;
        conn.close().await?;
        tracing::info!(path = %path.display(), "workspace opened");
        Ok(store)
    }

    /// The workspace's schema version when a newer Scout made it (a migration this build does not know
    /// was applied): it is then refused before anything is changed.
    async fn newer_schema(&self, migrator: &sqlx::migrate::Migrator) -> Result<Option<i64>> {
        let known: bool = sqlx::query_scalar(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_one(&self.pool)
        .await?;
        if !known {
            return Ok(None);
        }
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations").fetch_one(&self.pool).await?;
        let ours = migrator.iter().map(|m| m.version).max().unwrap_or(0);
        Ok(applied.filter(|v| *v > ours))
    }

    /// The newest migration this build knows: a backup with a newer schema cannot be restored.
    pub fn newest_schema() -> i64 {
        sqlx::migrate!("./migrations").iter().map(|m| m.version).max().unwrap_or(0)
    }

    /// Indexes an import deferred and a crash (or a closed app) left unbuilt are built before anything
    /// else, so no migration meets a workspace with an index missing. A failure (a full disk) is logged,
    /// not fatal: the workspace still opens, its lists sort without those indexes, and the next open or
    /// import tries again.
    async fn recover_deferred_indexes(&self) -> Result<()> {
        let listed: bool = sqlx::query_scalar(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'",
        )
        .fetch_one(&self.pool)
        .await?;
        if listed && !self.deferred_indexes().await?.is_empty() {
            tracing::warn!(path = %self.path.display(), "building the sort indexes an earlier import left");
            if let Err(e) = self.finish_deferred().await {
                tracing::error!(error = %e, "could not build the sort indexes an earlier import left");
            }
        }
        Ok(())
    }

    /// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), waiting for it up to
    /// the busy timeout. A deferred one that reads first cannot wait: promoting it to a writer while
    /// another connection writes fails at once with "database is locked".
    pub(crate) async fn write_tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A connection of its own for bulk writes, outside the pool. It never checkpoints by itself, so a
    /// large commit returns as soon as its WAL frames are written; `finish_deferred` checkpoints after.
    ///
    /// It does not enforce foreign keys. Every reference an import writes is to a row it holds by
    /// construction (its own batch, creators it just wrote or read), and enforcing them costs ~1 s of a
    /// 10 s million-row import: SQLite gives every multi-row insert into a table with an immediate
    /// foreign key a statement journal, whatever `defer_foreign_keys` says. The store's tests run
    /// `PRAGMA foreign_key_check` after every import they make.
    pub(crate) async fn bulk_connection(&self) -> Result<SqliteConnection> {
        Ok(self.options.clone().pragma("wal_autocheckpoint", "0").foreign_keys(false).connect().await?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A number that changes whenever creators or outcomes change through this store, so caches built
    /// from them (the match index) know when to rebuild.
    pub fn data_version(&self) -> u64 {
        self.changes.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub(crate) fn note_change(&self) {
        self.changes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    /// Closes every connection, checkpointing the WAL into the main file.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
