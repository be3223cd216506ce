//! `scout samples …`: free-sample requests synced from TikTok Shop.

use clap::Subcommand;

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
}
