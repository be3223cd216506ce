//! Arguments of the settings, offers and outbox commands.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SecurityArg {
    ImplicitTls,
    Starttls,
    PlainLocal,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Your shop's name (`seller.name` in templates).
    Seller {
        #[arg(long)]
        name: String,
    },
    /// The e-mail account offers are sent from. With --password-stdin its password is saved in the
    /// operating system's keychain (never in the workspace).
    Email {
        #[arg(long)]
        host: String,
        #[arg(long)]
        port: u16,
        #[arg(long, value_enum)]
        security: SecurityArg,
        #[arg(long, default_value = "")]
        username: String,
        #[arg(long)]
        from_name: String,
        #[arg(long)]
        from_address: String,
        /// Your postal address, added to every message.
        #[arg(long)]
        postal_address: String,
        /// Where opt-outs go, e.g. mailto:optout@yourshop.com
        #[arg(long)]
        unsubscribe_mailto: String,
        #[arg(long)]
        unsubscribe_url: Option<String>,
        /// Milliseconds between two messages.
        #[arg(long, default_value_t = 2000)]
        interval_ms: u64,
        /// Messages per 24 hours.
        #[arg(long, default_value_t = 400)]
        daily_cap: u64,
        /// Read the account's password from standard input and save it in the OS keychain.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ChannelArg {
    Email,
    /// A TikTok Shop target collaboration (needs the creator's open id and the product's TikTok id).
    Tiktok,
    Manual,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutboxChannelArg {
    Email,
    Tiktok,
}

#[derive(Debug, Args)]
pub struct OfferArgs {
    /// The campaign, by id or exact name.
    pub campaign: String,
    /// Creators (@handle or id); default: the campaign's shortlist.
    #[arg(long, num_args = 1..)]
    pub creators: Vec<String>,
    #[arg(long, value_enum, default_value = "email")]
    pub channel: ChannelArg,
    /// Commission in percent, e.g. 18.
    #[arg(long)]
    pub commission: f64,
    #[arg(long)]
    pub free_sample: bool,
    /// When the offer expires (YYYY-MM-DD, end of day UTC).
    #[arg(long)]
    pub valid_until: chrono::NaiveDate,
    /// A JSON file {"subject": …, "body": …}; default: Scout's template.
    #[arg(long)]
    pub template: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum OffersCommand {
    /// Show every creator's message as it would be sent, or why it cannot be.
    Preview(OfferArgs),
    /// Queue the offers in the outbox (all or none).
    Queue(OfferArgs),
    /// A campaign's offers and their delivery states.
    List {
        campaign: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// Deliver due offers: e-mail (the SMTP password comes from the OS keychain) and TikTok Shop
    /// (target collaborations of up to 50 creators; connect first with `scout tiktok connect`). When
    /// another Scout is delivering from this workspace, nothing is sent and the run says so.
    Run {
        /// Only this channel (default: every channel with offers due).
        #[arg(long, value_enum)]
        channel: Option<OutboxChannelArg>,
        /// E-mail only: read the SMTP password from standard input for this run only, instead of the
        /// keychain.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Mark offers left mid-delivery by a stop as "check whether it arrived" (done by itself whenever a
    /// workspace opens; refused while another Scout is delivering).
    Recover,
}

#[derive(Debug, Subcommand)]
pub enum TiktokCommand {
    /// Connect your TikTok Shop: exchanges the authorization code from the consent redirect for tokens
    /// and keeps the app secret (read from standard input) and the tokens in the OS keychain.
    Connect {
        #[arg(long)]
        app_key: String,
        #[arg(long)]
        shop_cipher: String,
        /// Default: the production Open API host.
        #[arg(long)]
        api_base: Option<String>,
        /// Default: the production OAuth host.
        #[arg(long)]
        auth_base: Option<String>,
        /// The `code` from the authorization redirect.
        #[arg(long)]
        auth_code: String,
        /// Read the app secret from standard input (required: it never goes on the command line).
        #[arg(long)]
        app_secret_stdin: bool,
        #[arg(long)]
        shop_name: Option<String>,
        /// Milliseconds at least between two calls to TikTok Shop.
        #[arg(long, default_value_t = 1000)]
        interval_ms: u64,
    },
    /// Whether the shop is connected, until when, and its creator outreach quota.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Read every sent collaboration's answers and move the creators on the pipeline.
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// Remove the app secret and tokens from the keychain.
    Disconnect,
    /// The creator marketplace: search, collect all, one creator's performance, today's budget.
    Creators {
        #[command(subcommand)]
        cmd: crate::cli_marketplace::MarketplaceCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum PipelineCommand {
    /// Each shortlisted creator's stage in a campaign.
    List {
        campaign: String,
        #[arg(long)]
        json: bool,
    },
    /// Move a creator to a stage (shortlisted, invited, replied, negotiating, agreed, sample_shipped,
    /// content_posted, completed, declined, no_response, withdrawn); refused moves name both stages.
    Move {
        campaign: String,
        creator: String,
        stage: String,
        #[arg(long, default_value = "moved from the command line")]
        cause: String,
    },
    /// Everything that happened to a creator, oldest first.
    Timeline {
        creator: String,
        #[arg(long)]
        json: bool,
    },
}
