//! `scout bench backup`: the time and size of a backup of an N-creator workspace (the online copy, its
//! summary and its integrity check, up to the rename), and the time of `verify` on it; medians of runs.

use crate::bench::{bench_dir, list_workspace};
use scout_app::{verify_backup, AppError};
use std::path::Path;
use std::time::{Duration, Instant};

pub async fn run(rows: u64, dir: Option<&Path>, runs: usize) -> Result<u8, AppError> {
    let dir = bench_dir(dir)?;
    let ws = list_workspace(&dir, rows).await?;
    ws.close().await; // checkpointed: the workspace is one file, as after a day's work
    let ws = scout_app::Workspace::open(&dir.join(format!("list-{rows}.scout"))).await?;
    let folder = std::fs::canonicalize(&dir)
        .map_err(|e| AppError::Internal(format!("{}: {e}", dir.display())))?
        .join("backups-bench");
    ws.set_backup_folder(Some(folder.clone())).await?; // a scratch workspace's own setting
    let workspace_bytes = std::fs::metadata(ws.path()).map(|m| m.len()).unwrap_or(0);
    let (mut backups, mut verifies, mut size) = (Vec::new(), Vec::new(), 0);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let made = ws.back_up_now().await?;
        backups.push(started.elapsed());
        size = made.size_bytes;
        let started = Instant::now();
        verify_backup(&made.path).await?;
        verifies.push(started.elapsed());
        let _ = std::fs::remove_file(&made.path);
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64()
    };
    let mib = |b: u64| b as f64 / 1_048_576.0;
    println!(
        "backup benchmark: {rows} creators, workspace {:.1} MiB, {} runs\n  backup (copy, summary, integrity \
         check, rename): median {:.2} s\n  backup size: {:.1} MiB\n  verify (integrity check): median {:.2} s",
        mib(workspace_bytes),
        backups.len(),
        median(backups),
        mib(size),
        median(verifies),
    );
    ws.close().await;
    Ok(0)
}
