//! `scout samples …`: free-sample requests synced from TikTok Shop.

use clap::{Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum SamplesCommand {
    /// Read the shop's sample requests from TikTok Shop (pending, awaiting shipment, shipped, content
    /// pending, completed) into the workspace.
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// The stored sample requests, newest first.
    List {
        /// Only this status: pending, awaiting_shipment, shipped, content_pending, completed, … (all
        /// without it).
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Requests to show (at most 500).
        #[arg(long, default_value_t = scout_app::SAMPLE_PAGE_ROWS)]
        limit: u32,
        /// Requests to skip first (the next page: --offset 50).
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long)]
        json: bool,
    },
    /// Approve pending requests: each decision is recorded and its review queued; `scout outbox run` (or
    /// the window) sends it to TikTok Shop.
    Approve {
        /// Application ids.
        #[arg(required = true)]
        ids: Vec<String>,
        /// Your reason, kept with the decision.
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Reject pending requests with one of TikTok Shop's reasons.
    Reject {
        #[arg(required = true)]
        ids: Vec<String>,
        #[arg(long, value_enum)]
        reason: CliRejectReason,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every decision on a request, with its reason, the numbers it saw and where its review stands.
    Decisions {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Who will post: `model`, `assess`, `rule`, `economics` (cli_samples_model.rs).
    #[command(flatten)]
    Learning(crate::cli_samples_model::LearningCommand),
}

/// TikTok Shop's reasons for rejecting a sample request.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CliRejectReason {
    NotMatch,
    Offline,
    OutOfStock,
    Other,
}

impl From<CliRejectReason> for scout_app::RejectReason {
    fn from(r: CliRejectReason) -> scout_app::RejectReason {
        match r {
            CliRejectReason::NotMatch => scout_app::RejectReason::NotMatch,
            CliRejectReason::Offline => scout_app::RejectReason::Offline,
            CliRejectReason::OutOfStock => scout_app::RejectReason::OutOfStock,
            CliRejectReason::Other => scout_app::RejectReason::Other,
        }
    }
}
