use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Scout: find, contact and measure the affiliate creators who fit your product.
///
/// Exit codes: 0 success; 1 failed (nothing was changed); 2 usage error; 3 import finished but some rows
/// were rejected (see the report); 4 not found; 130 cancelled (Ctrl-C; nothing was changed).
#[derive(Debug, Parser)]
#[command(name = "scout", version, propagate_version = true)]
pub struct Cli {
    /// The workspace database to use (created if missing). Default: the per-user workspace.
    #[arg(long, global = true, env = "SCOUT_WORKSPACE", value_name = "PATH")]
    pub workspace: Option<PathBuf>,
    /// No progress bars.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a creator list (CSV, TSV or XLSX).
    Import(ImportArgs),
    /// Show how a file would be read: format, encoding, column mapping, first rows.
    Preview(PreviewArgs),
    /// List, search, show and export creators.
    #[command(subcommand)]
    Creators(CreatorsCommand),
    /// List past imports, newest first.
    Batches {
        #[arg(long)]
        json: bool,
    },
    /// Write an import's rejected rows to a CSV, to fix and import again.
    Rejected {
        batch_id: i64,
        #[arg(value_name = "OUT.csv")]
        out: PathBuf,
    },
    /// Import the synthetic demo creators (and an example campaign with a simulated history).
    Demo,
    /// Create, list and show campaigns.
    #[command(subcommand)]
    Campaign(crate::cli_match::CampaignCommand),
    /// Rank the workspace's creators for a campaign.
    Match(crate::cli_match::MatchArgs),
    /// A campaign's shortlist.
    #[command(subcommand)]
    Shortlist(crate::cli_match::ShortlistCommand),
    /// The match model: show, train, adopt, go back to the default, simulate a history.
    #[command(subcommand)]
    Model(crate::cli_match::ModelCommand),
    /// Your shop's profile and e-mail account.
    #[command(subcommand)]
    Settings(crate::cli_outreach::SettingsCommand),
    /// Preview and queue partnership offers.
    #[command(subcommand)]
    Offers(crate::cli_outreach::OffersCommand),
    /// Where creators stand in a campaign, and their timeline.
    #[command(subcommand)]
    Pipeline(crate::cli_outreach::PipelineCommand),
    /// Deliver queued offers.
    #[command(subcommand)]
    Outbox(crate::cli_outreach::OutboxCommand),
    /// Your TikTok Shop connection: connect, status, sync collaboration answers, disconnect.
    #[command(subcommand)]
    Tiktok(crate::cli_outreach::TiktokCommand),
    /// Free-sample requests from TikTok Shop: sync them, list them by status.
    #[command(subcommand)]
    Samples(crate::cli_samples::SamplesCommand),
    /// Conversations with creators through TikTok Shop: sync, inbox, show, send, invite, follow up, read.
    #[command(subcommand)]
    Messages(crate::cli_messages::MessagesCommand),
    /// Import order and video exports; net results per campaign, creator and product.
    #[command(subcommand)]
    Results(crate::cli_results::ResultsCommand),
    /// Back the workspace up, list and verify backups, restore one.
    #[command(subcommand)]
    Backup(crate::backup::BackupCommand),
    /// Generate synthetic creator and results files (labelled synthetic).
    #[command(subcommand)]
    Fixtures(FixturesCommand),
    /// Benchmarks that print numbers.
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// Map a column to a field, overriding the suggestion: --map "Tiktoker name=handle". Use
    /// "COLUMN=" to ignore a column. Repeatable.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// The date the file's figures are from (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
    /// The creators' platform (tiktok, instagram, youtube) where a row does not say. Default: what the
    /// file's headers or name say, TikTok when they say nothing.
    #[arg(long)]
    pub platform: Option<String>,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    pub file: PathBuf,
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    Handle,
    Name,
    Followers,
    Views,
    Engagement,
    /// Within each currency: the most common currency first, then the others, each by amount.
    Gmv,
    Country,
    /// The date the creator's newest figures are from.
    #[value(name = "as-of", alias = "updated")]
    AsOf,
}

#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Part of a handle or display name.
    #[arg(long, short)]
    pub search: Option<String>,
    /// Two-letter country code.
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub min_followers: Option<u64>,
    #[arg(long)]
    pub max_followers: Option<u64>,
    /// Minimum engagement rate in percent, e.g. 3.5.
    #[arg(long, value_name = "PERCENT")]
    pub min_engagement: Option<f64>,
    /// Only creators with this tag of yours.
    #[arg(long)]
    pub tag: Option<String>,
    /// Hidden creators too.
    #[arg(long)]
    pub include_hidden: bool,
    #[arg(long, value_enum, default_value = "followers")]
    pub sort: SortArg,
    /// Ascending order (default: descending).
    #[arg(long)]
    pub asc: bool,
}

#[derive(Debug, Subcommand)]
pub enum CreatorsCommand {
    /// List creators matching filters.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u64,
        #[arg(long)]
        json: bool,
    },
    /// Show one creator with provenance and history, by @handle or id.
    Show {
        creator: String,
        /// Platform of the handle.
        #[arg(long, default_value = "tiktok")]
        platform: String,
        #[arg(long)]
        json: bool,
    },
    /// The creators most like one creator (audience profile, categories, size, engagement).
    Lookalikes {
        creator: String,
        #[arg(long, default_value = "tiktok")]
        platform: String,
        #[arg(long, default_value_t = 10)]
        top: u32,
        #[arg(long)]
        json: bool,
    },
    /// Export creators matching filters to CSV or XLSX (by the file's extension), in Scout's import template.
    Export {
        #[arg(value_name = "OUT.csv|OUT.xlsx")]
        out: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Tag every creator matching filters (or take the tag off with --remove).
    Tag {
        #[arg(value_name = "TAG")]
        label: String,
        #[arg(long)]
        remove: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Hide every creator matching filters from the list and the rankings (or show them again with --show).
    Hide {
        #[arg(long)]
        show: bool,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum FixturesCommand {
    /// Write N synthetic creators as CSV in Scout's import template.
    Creators {
        #[arg(long, default_value_t = 1000)]
        count: u64,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Output file (default: stdout).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write N synthetic affiliate order lines as a Seller Center export (standalone synthetic
    /// collaborations; streams, so it makes the million-row benchmark input too).
    Orders {
        #[arg(long)]
        rows: u64,
        #[command(flatten)]
        export: ResultsExportArgs,
        /// How many synthetic collaborations sell (default: one per 50 lines, 4 to 100,000).
        #[arg(long)]
        collaborations: Option<usize>,
        /// The share of orders by creators outside every collaboration (unattributed), 0 to 0.95.
        #[arg(long, default_value_t = 0.15)]
        organic_share: f64,
    },
    /// Write the videos of N synthetic collaborations (those that posted) as an Affiliate Center export.
    Videos {
        #[arg(long, default_value_t = 100)]
        collaborations: usize,
        #[command(flatten)]
        export: ResultsExportArgs,
    },
}

/// What every synthetic results export takes.
#[derive(Debug, Args)]
pub struct ResultsExportArgs {
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// The export's language: headers, dates, numbers, yes/no.
    #[arg(long, value_enum, default_value = "en")]
    pub language: ExportLanguageArg,
    /// Default: by the extension of --out (.xlsx), else csv.
    #[arg(long, value_enum)]
    pub format: Option<ExportFormatArg>,
    /// The day the export is taken (YYYY-MM-DD); collaborations start in the 180 days before. Default: today.
    #[arg(long, value_name = "DATE")]
    pub until: Option<chrono::NaiveDate>,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportLanguageArg {
    En,
    Es,
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Import an N-row generated CSV into a fresh workspace; compare with sqlite3's `.import` of the same
    /// file into a plain table (the floor); print time and peak memory.
    Import {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        /// Where to keep the generated file and databases (default: a temporary folder).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Rank N generated creators for one campaign in memory; compare with a NumPy implementation of the
    /// same default model over the same data; time explanations and training.
    Match {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Runs to take the median of.
        #[arg(long, default_value_t = 21)]
        runs: usize,
    },
    /// Import an N-line generated affiliate order export into a workspace whose campaigns hold the
    /// collaborations that sold them, import it again, and recompute every report; sqlite3's `.import`
    /// of the same file is the floor. Prints times and peak memory.
    Results {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Back up a workspace of N generated creators (the list benchmark's, reused) and verify the backup;
    /// print the medians and the backup's size.
    Backup {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Time creator list queries (filter + sort + page of 100) over a workspace of N creators.
    List {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Runs per query shape.
        #[arg(long, default_value_t = 21)]
        runs: usize,
    },
}
