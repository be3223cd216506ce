//! Arguments of the campaign, match, shortlist and model commands.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum CampaignCommand {
    /// Create a campaign from a JSON spec (see `scout campaign example`).
    Create {
        #[arg(value_name = "SPEC.json")]
        spec: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Replace a campaign's spec (by id or exact name) with a JSON spec.
    Update {
        campaign: String,
        #[arg(value_name = "SPEC.json")]
        spec: PathBuf,
    },
    /// List campaigns, most recently edited first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Print a campaign's spec as JSON (by id or exact name).
    Show { campaign: String },
    /// Print an example spec to start from.
    Example,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MatchSortArg {
    Score,
    Confidence,
    Followers,
    Engagement,
    Gmv,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The campaign, by id or exact name.
    pub campaign: String,
    /// How many to show.
    #[arg(long, default_value_t = 20)]
    pub top: u32,
    /// Explain each shown creator factor by factor.
    #[arg(long)]
    pub explain: bool,
    #[arg(long, value_enum, default_value = "score")]
    pub sort: MatchSortArg,
    #[arg(long)]
    pub category: Vec<String>,
    /// Two-letter country code of the creator; repeatable.
    #[arg(long)]
    pub country: Vec<String>,
    #[arg(long)]
    pub min_followers: Option<u64>,
    #[arg(long)]
    pub max_followers: Option<u64>,
    /// Minimum engagement rate in percent, e.g. 3.5.
    #[arg(long, value_name = "PERCENT")]
    pub min_engagement: Option<f64>,
    /// Minimum GMV in US dollars (reference rates).
    #[arg(long, value_name = "USD")]
    pub min_gmv: Option<f64>,
    /// Only creators with contact details.
    #[arg(long)]
    pub has_contact: bool,
    /// Leave out creators contacted within this many days.
    #[arg(long, value_name = "DAYS")]
    pub not_contacted_in: Option<u32>,
    /// Leave out creators with quality warnings.
    #[arg(long)]
    pub without_warnings: bool,
    /// Print JSON (the page, with explanations when --explain).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ShortlistCommand {
    /// Add creators (@handle or id) to a campaign's shortlist.
    Add { campaign: String, creators: Vec<String> },
    /// Remove creators from a campaign's shortlist.
    Remove { campaign: String, creators: Vec<String> },
    /// How alike the shortlisted creators' audiences are (audience profiles, not follower lists).
    Overlap {
        campaign: String,
        #[arg(long)]
        json: bool,
    },
    /// List a campaign's shortlist.
    List {
        campaign: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// The model card: the model in use, the default model, learned models and their evaluations.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Train a model on the workspace's outcomes and evaluate it against the default on the newest
    /// outcomes (time-ordered split). It is stored, not used, until adopted.
    Train {
        #[arg(long)]
        json: bool,
    },
    /// Use a learned model (by id) for scoring.
    Adopt { id: i64 },
    /// Go back to the default model.
    UseDefault,
    /// Add simulated campaigns and outcomes (labelled simulated) drawn from known effects.
    Simulate {
        #[arg(long, default_value_t = 20)]
        campaigns: usize,
        #[arg(long, default_value_t = 200)]
        invites: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
}
