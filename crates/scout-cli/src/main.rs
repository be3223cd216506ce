//! The `scout` command line: everything the desktop app does with creator data — import with a report,
//! list/search/sort/filter, show with history, export, demo data, synthetic fixtures and benchmarks — on
//! top of `scout-app`, with progress bars on long work and documented exit codes (see `scout --help`).

mod backup;
mod bench;
mod bench_backup;
mod bench_match;
mod bench_results;
mod campaigns;
mod cli;
mod cli_marketplace;
mod cli_match;
mod cli_messages;
mod cli_outreach;
mod cli_results;
mod cli_samples;
mod cli_samples_model;
mod creators;
mod fixtures;
mod import;
mod marketplace;
mod messages;
mod models;
mod output;
mod outreach;
mod results;
mod samples;
mod samples_decide;
mod tiktok;

use clap::Parser;
use cli::{Cli, Command};
use scout_app::{AppError, ErrorCode, Workspace};
use std::process::ExitCode;

pub const EXIT_REJECTED_ROWS: u8 = 3;
const EXIT_FAILED: u8 = 1;
const EXIT_NOT_FOUND: u8 = 4;
const EXIT_CANCELLED: u8 = 130;

fn main() -> ExitCode {
    // `scout creators list | head` ends quietly when the reader stops, like any Unix tool, instead of
    // panicking on the closed pipe.
    sigpipe::reset();
    let cli = Cli::parse();
    let _log = scout_app::init_logging(&scout_app::default_log_dir(), false);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("scout: cannot start the async runtime: {e}");
            return ExitCode::from(EXIT_FAILED);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("scout: {e}");
            ExitCode::from(match e.code() {
                ErrorCode::Cancelled => EXIT_CANCELLED,
                ErrorCode::NotFound => EXIT_NOT_FOUND,
                _ => EXIT_FAILED,
            })
        }
    }
}

async fn open(cli: &Cli) -> Result<Workspace, AppError> {
    let path = cli.workspace.clone().unwrap_or_else(scout_app::default_workspace_path);
    Workspace::open(&path).await
}

async fn run(cli: Cli) -> Result<u8, AppError> {
    match &cli.command {
        Command::Import(args) => {
            let ws = open(&cli).await?;
            let code = import::import(&ws, args, cli.quiet).await;
            ws.close().await; // checkpoints the rest of the WAL and removes it
            code
        }
        Command::Preview(args) => import::preview(&open(&cli).await?, args).await,
        Command::Creators(cmd) => creators::run(&open(&cli).await?, cmd, cli.quiet).await,
        Command::Batches { json } => import::batches(&open(&cli).await?, *json).await,
        Command::Rejected { batch_id, out } => {
            let n = open(&cli).await?.export_rejected_rows(*batch_id, out.clone()).await?;
            eprintln!("wrote {n} rejected rows to {}", out.display());
            Ok(0)
        }
        Command::Demo => {
            let reports = open(&cli).await?.load_demo().await?;
            for r in &reports {
                output::print_report(r, "line");
            }
            Ok(0)
        }
        Command::Campaign(cmd) => campaigns::run(&open(&cli).await?, cmd).await,
        Command::Match(args) => campaigns::rank(&open(&cli).await?, args).await,
        Command::Shortlist(cmd) => campaigns::shortlist(&open(&cli).await?, cmd).await,
        Command::Model(cmd) => models::run(&open(&cli).await?, cmd).await,
        Command::Settings(cmd) => outreach::settings(&open(&cli).await?, cmd).await,
        Command::Offers(cmd) => outreach::offers(&open(&cli).await?, cmd).await,
        Command::Outbox(cmd) => outreach::outbox(&open(&cli).await?, cmd).await,
        Command::Tiktok(cmd) => tiktok::run(&open(&cli).await?, cmd).await,
        Command::Messages(cmd) => messages::run(&open(&cli).await?, cmd).await,
        Command::Samples(cmd) => samples::run(&open(&cli).await?, cmd).await,
        Command::Results(cmd) => results::run(&open(&cli).await?, cmd, cli.quiet).await,
        Command::Pipeline(cmd) => outreach::pipeline(&open(&cli).await?, cmd).await,
        Command::Backup(cmd) => {
            let path = cli.workspace.clone().unwrap_or_else(scout_app::default_workspace_path);
            backup::run(&path, cmd).await
        }
        Command::Fixtures(cmd) => fixtures::run(cmd),
        Command::Bench(cmd) => bench::run(cmd).await,
    }
}
