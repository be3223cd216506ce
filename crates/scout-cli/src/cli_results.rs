//! `scout results …` arguments.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ResultsCommand {
    /// Import an affiliate order export or a video export (CSV, TSV or XLSX; the header says which).
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Fetch the shop's affiliate orders through the TikTok Shop API (connect it first with
    /// `scout tiktok connect`) and write them like an imported order export.
    Sync {
        /// Orders created in the last N days (1 to 365).
        #[arg(long, default_value_t = 30)]
        days: u32,
        #[arg(long)]
        json: bool,
    },
    /// Orders, GMV, refunds, commission, fees, samples, net profit and ROI.
    Report {
        #[command(flatten)]
        selection: Selection,
        /// Rows per campaign, creator or product (default: the totals only).
        #[arg(long, value_enum)]
        by: Option<GroupBy>,
        #[arg(long)]
        json: bool,
    },
    /// Orders no collaboration claims, newest first, with the reason.
    Unattributed {
        #[arg(long, default_value_t = 50)]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Assign orders to a collaboration by hand (kept by later imports).
    Assign {
        /// Order line ids (from `scout results unattributed`), comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        lines: Vec<i64>,
        #[arg(long)]
        campaign: i64,
        #[arg(long)]
        creator: i64,
    },
    /// Write the report to a .csv or .xlsx file.
    Export {
        #[arg(value_name = "OUT.csv|OUT.xlsx")]
        out: PathBuf,
        #[command(flatten)]
        selection: Selection,
    },
    /// Your exchange rates for reports in one currency.
    #[command(subcommand)]
    Rates(RatesCommand),
}

#[derive(Debug, Args)]
pub struct Selection {
    /// One campaign's results (default: all).
    #[arg(long)]
    pub campaign: Option<i64>,
    /// Convert every amount into this currency with your saved rates (default: each currency apart).
    #[arg(long)]
    pub currency: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Campaign,
    Creator,
    Product,
}

#[derive(Debug, Subcommand)]
pub enum RatesCommand {
    Show,
    /// Save rates into one currency: `scout results rates set --to USD GBP=1.27 EUR=1.08`.
    Set {
        #[arg(long)]
        to: String,
        /// CODE=RATE: one unit of CODE is worth RATE units of the target currency.
        #[arg(required = true, value_name = "CODE=RATE")]
        rates: Vec<String>,
    },
    /// Forget the saved rates.
    Clear,
}
