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
    Manual,
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
    /// Deliver due e-mail offers (the SMTP password comes from the OS keychain).
    Run {
        /// Read the SMTP password from standard input for this run only, instead of the keychain.
        #[arg(long)]
        password_stdin: bool,
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
