//! `scout tiktok creators …`: the creator marketplace's command line.

use clap::{Args, Subcommand, ValueEnum};
use scout_app::{CategoryFilter, GmvBand, MarketplaceFilter, PostRate};

#[derive(Debug, Subcommand)]
pub enum MarketplaceCommand {
    /// Search TikTok Shop's creator marketplace (one page, or every creator with --all).
    Search {
        #[command(flatten)]
        filter: MarketplaceArgs,
        /// Every creator the filters match, past one query's ceiling of ~400 (splits the query).
        #[arg(long)]
        all: bool,
        /// Pages to read without --all.
        #[arg(long, default_value_t = 1)]
        pages: u32,
        /// Add the creators found to the workspace (one import, "TikTok Shop marketplace").
        #[arg(long)]
        add: bool,
        #[arg(long)]
        json: bool,
    },
    /// One creator's full performance: follower ages, genders and countries, GMV by video and LIVE,
    /// GPM, post rate, fulfilment, sample score.
    Show {
        open_id: String,
        #[arg(long)]
        json: bool,
    },
    /// Fetch and store creators' full TikTok Shop profiles (audience, exact figures); creators fetched
    /// today are skipped, so a stopped run continues where it left off.
    Enrich {
        /// Open ids; with --all, every TikTok creator in the workspace that has one.
        open_ids: Vec<String>,
        #[arg(long)]
        all: bool,
        /// The top N of this campaign's ranking (with --top).
        #[arg(long, value_name = "NAME")]
        campaign: Option<String>,
        #[arg(long, value_name = "N", requires = "campaign")]
        top: Option<u32>,
        /// The profiles fetched more than 30 days ago, oldest first (at most 200): what the window
        /// refreshes once a day.
        #[arg(long, conflicts_with_all = ["all", "campaign", "open_ids"])]
        stale: bool,
        #[arg(long)]
        json: bool,
    },
    /// Today's budget of marketplace searches (10,000 requests a day).
    Budget {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GmvArg {
    #[value(name = "0-100")]
    Under100,
    #[value(name = "100-1k")]
    From100To1k,
    #[value(name = "1k-10k")]
    From1kTo10k,
    #[value(name = "10k+")]
    Over10k,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PostRateArg {
    Ok,
    Good,
    Better,
}

#[derive(Debug, Args)]
pub struct MarketplaceArgs {
    /// Part of a username or nickname.
    #[arg(long)]
    pub keyword: Option<String>,
    /// A category id, or PARENT:CHILD,CHILD to narrow it to child categories (repeat for several).
    #[arg(long)]
    pub category: Vec<String>,
    #[arg(long)]
    pub min_followers: Option<u64>,
    #[arg(long)]
    pub max_followers: Option<u64>,
    /// 30-day GMV bands (repeat for several).
    #[arg(long, value_enum)]
    pub gmv: Vec<GmvArg>,
    #[arg(long)]
    pub min_avg_views: Option<u64>,
    /// Whole percent, 0–20.
    #[arg(long)]
    pub min_engagement: Option<u8>,
    /// Average commission below 5, 10, 15 or 20 %.
    #[arg(long)]
    pub max_commission: Option<u8>,
    #[arg(long, value_enum)]
    pub post_rate: Option<PostRateArg>,
    #[arg(long)]
    pub fast_growing: bool,
    /// Only creators the shop has not invited in the last 90 days.
    #[arg(long)]
    pub not_invited: bool,
}

impl MarketplaceArgs {
    pub fn filter(&self) -> MarketplaceFilter {
        MarketplaceFilter {
            keyword: self.keyword.clone(),
            categories: self
                .category
                .iter()
                .map(|c| match c.split_once(':') {
                    Some((parent, children)) => CategoryFilter {
                        parent: parent.trim().to_string(),
                        children: children
                            .split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect(),
                    },
                    None => CategoryFilter { parent: c.trim().to_string(), children: Vec::new() },
                })
                .collect(),
            followers_min: self.min_followers,
            followers_max: self.max_followers,
            gmv: self
                .gmv
                .iter()
                .map(|g| match g {
                    GmvArg::Under100 => GmvBand::Under100,
                    GmvArg::From100To1k => GmvBand::From100To1k,
                    GmvArg::From1kTo10k => GmvBand::From1kTo10k,
                    GmvArg::Over10k => GmvBand::Over10k,
                })
                .collect(),
            min_avg_video_views: self.min_avg_views,
            min_engagement_percent: self.min_engagement,
            max_avg_commission_percent: self.max_commission,
            post_rate: self.post_rate.map(|r| match r {
                PostRateArg::Ok => PostRate::Ok,
                PostRateArg::Good => PostRate::Good,
                PostRateArg::Better => PostRate::Better,
            }),
            fast_growing: self.fast_growing,
            not_invited_90_days: self.not_invited,
            ..Default::default()
        }
    }
}
