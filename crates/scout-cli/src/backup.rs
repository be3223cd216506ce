//! `scout backup create|list|verify|restore|folder`: the workspace's backups from the command line.
//! `list`, `verify` and `restore` never open the workspace as a workspace, so they work on one that no
//! longer opens (a damaged file); `restore` says what the backup holds and asks before replacing it.

use crate::output::print_json;
use clap::Subcommand;
use scout_app::{AppError, Backup, BackupSummary, Workspace};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Back the workspace up now (a consistent copy, checked, in the backup folder).
    Create {
        #[arg(long)]
        json: bool,
    },
    /// The backups in the workspace's backup folder, newest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Check every page of a backup and say what it holds.
    Verify {
        #[arg(value_name = "BACKUP")]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Replace the workspace with a backup (the workspace as it is is backed up first). Close Scout's
    /// window on this workspace first.
    Restore {
        #[arg(value_name = "BACKUP")]
        file: PathBuf,
        /// Do not ask before replacing the workspace.
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show the backup folder, or set it (a full path), or go back to the default with --default.
    Folder {
        #[arg(value_name = "PATH", conflicts_with = "default")]
        path: Option<PathBuf>,
        #[arg(long)]
        default: bool,
    },
}

pub async fn run(workspace: &Path, cmd: &BackupCommand) -> Result<u8, AppError> {
    match cmd {
        BackupCommand::Create { json } => {
            let ws = Workspace::open(workspace).await?;
            let started = std::time::Instant::now();
            let made = ws.back_up_now().await;
            ws.close().await;
            let made = made?;
            if *json {
                print_json(&made)?;
            } else {
                println!("backed up in {:.1} s to {}", started.elapsed().as_secs_f64(), made.path.display());
                print_backup(&made);
            }
        }
        BackupCommand::List { json } => {
            let (folder, backups) = scout_app::backups_of(workspace).await?;
            if *json {
                print_json(&backups)?;
            } else if backups.is_empty() {
                println!("no backups yet in {}", folder.display());
            } else {
                println!("{} backup(s) in {}", backups.len(), folder.display());
                backups.iter().for_each(print_backup);
            }
        }
        BackupCommand::Verify { file, json } => {
            let summary = scout_app::verify_backup(file).await?;
            if *json {
                print_json(&summary)?;
            } else {
                println!("{}: whole (integrity check ok)", file.display());
                println!("  {}", describe(&summary));
            }
        }
        BackupCommand::Restore { file, yes, json } => {
            let summary = scout_app::verify_backup(file).await?;
            eprintln!("{} holds: {}", file.display(), describe(&summary));
            if !yes && !confirm(workspace)? {
                eprintln!("nothing was changed");
                return Ok(1);
            }
            let report = scout_app::restore_workspace_file(workspace, file).await?;
            if *json {
                print_json(&report)?;
            } else {
                println!("restored {} from {}", workspace.display(), file.display());
                if let Some(pre) = &report.pre_restore {
                    println!("  the workspace as it was: {}", pre.path.display());
                }
                if let Some(copy) = &report.damaged_copy {
                    println!(
                        "  the workspace could not be read whole; its files as they were: {}",
                        copy.display()
                    );
                }
            }
        }
        BackupCommand::Folder { path, default } => {
            let ws = Workspace::open(workspace).await?;
            let folder = if path.is_some() || *default {
                ws.set_backup_folder(path.clone()).await
            } else {
                ws.backup_folder().await
            };
            ws.close().await;
            println!("{}", folder?.display());
        }
    }
    Ok(0)
}

/// Asks on the terminal; without one (a script) the answer must be given with --yes.
fn confirm(workspace: &Path) -> Result<bool, AppError> {
    if !std::io::stdin().is_terminal() {
        return Err(AppError::InvalidInput(
            "restoring replaces the workspace: add --yes to do it without a question".into(),
        ));
    }
    eprint!("Replace {} with this backup? [y/N] ", workspace.display());
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| AppError::Internal(format!("cannot read the answer: {e}")))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

fn print_backup(b: &Backup) {
    let name = b.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match (&b.summary, &b.problem) {
        (Some(s), _) => println!("  {name}  {}  {}", size(b.size_bytes), describe(s)),
        (None, problem) => println!("  {name}  unreadable: {}", problem.as_deref().unwrap_or("no summary")),
    }
}

/// "2026-12-07 03:10 UTC · manual · 2052 creators, 14 campaigns, 3 offers, 1382 order lines · schema N"
fn describe(s: &BackupSummary) -> String {
    format!(
        "{} · {} · {} creators, {} campaigns, {} offers, {} order lines · schema {}",
        s.taken_at.format("%Y-%m-%d %H:%M UTC"),
        s.kind.as_str(),
        s.creators,
        s.campaigns,
        s.offers,
        s.order_lines,
        s.schema_version
    )
}

fn size(bytes: u64) -> String {
    match bytes {
        0..=1_048_575 => format!("{:.0} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}
