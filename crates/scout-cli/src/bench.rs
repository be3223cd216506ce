//! `scout bench`: benchmarks that print numbers (medians, ratios against a floor measured in the same
//! run), not timed tests.

use crate::cli::BenchCommand;
use scout_app::{AppError, CreatorQuery, CreatorSort, ImportRequest, Workspace};
use scout_fixtures::GeneratorConfig;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub async fn run(cmd: &BenchCommand) -> Result<u8, AppError> {
    match cmd {
        BenchCommand::Import { rows, dir } => import(*rows, dir.as_deref()).await,
        BenchCommand::List { rows, dir, runs } => list(*rows, dir.as_deref(), *runs).await,
        BenchCommand::Backup { rows, dir, runs } => {
            crate::bench_backup::run(*rows, dir.as_deref(), *runs).await
        }
        BenchCommand::Results { rows, dir } => crate::bench_results::run(*rows, dir.as_deref()).await,
        BenchCommand::Match { rows, dir, runs } => {
            crate::bench_match::run(*rows, &bench_dir(dir.as_deref())?, *runs)
        }
    }
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> AppError + 'a {
    move |source| AppError::Io { action, path: path.to_path_buf(), source }
}

/// The benchmark folder: the one given, or one under the system temp folder kept between runs so the
/// generated file is reused.
pub(crate) fn bench_dir(dir: Option<&Path>) -> Result<PathBuf, AppError> {
    let dir = dir.map_or_else(|| std::env::temp_dir().join("scout-bench"), Path::to_path_buf);
    std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
    Ok(dir)
}

/// A generated CSV of `rows` synthetic creators (made once, then reused).
fn creators_csv(dir: &Path, rows: u64) -> Result<PathBuf, AppError> {
    let path = dir.join(format!("creators-{rows}.csv"));
    if !path.exists() {
        let started = Instant::now();
        let tmp = path.with_extension("csv.part");
        let file = std::fs::File::create(&tmp).map_err(io("create", &tmp))?;
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        scout_fixtures::write_csv(
            &GeneratorConfig { seed: 7, count: rows, as_of },
            std::io::BufWriter::new(file),
        )
        .map_err(|e| AppError::Internal(format!("generator: {e}")))?;
        std::fs::rename(&tmp, &path).map_err(io("rename", &tmp))?;
        println!("generated {} ({rows} rows) in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    }
    Ok(path)
}

pub(crate) fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Peak resident memory (VmHWM) of a running process, in KiB, from /proc (Linux).
pub(crate) fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// How a command run by `timed` went.
pub(crate) struct Timed {
    /// Start to exit.
    pub took: Duration,
    /// Start to the last byte it wrote to standard output (a report printed before work it finishes
    /// after it, like an import's deferred sort indexes).
    pub output_done: Duration,
    pub peak_kib: Option<u64>,
    pub stdout: String,
}

/// Runs a command to completion; returns its wall time, peak memory and standard output (read as it
/// comes, so a large output cannot fill the pipe and stall the command).
pub(crate) fn timed(mut cmd: Command) -> Result<Timed, AppError> {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| AppError::Internal(format!("cannot run {cmd:?}: {e}")))?;
    let pid = child.id();
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let mut done = started.elapsed();
        let mut buf = [0u8; 64 * 1024];
        if let Some(out) = stdout.as_mut() {
            loop {
                match std::io::Read::read(out, &mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        text.extend_from_slice(&buf[..n]);
                        done = started.elapsed();
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
        }
        (String::from_utf8_lossy(&text).into_owned(), done)
    });
    let mut peak_kib = None;
    let status = loop {
        if let Some(kib) = peak_rss_kib(pid) {
            peak_kib = Some(peak_kib.map_or(kib, |p: u64| p.max(kib)));
        }
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(AppError::Internal(format!("waiting for {cmd:?}: {e}"))),
        }
    };
    let took = started.elapsed();
    let (stdout, output_done) =
        reader.join().map_err(|_| AppError::Internal(format!("{cmd:?}: output reader stopped")))?;
    if !status.success() {
        return Err(AppError::Internal(format!("{cmd:?} failed with {status}")));
    }
    Ok(Timed { took, output_done, peak_kib, stdout })
}

async fn import(rows: u64, dir: Option<&Path>) -> Result<u8, AppError> {
    let dir = bench_dir(dir)?;
    let csv = creators_csv(&dir, rows)?;
    let size = std::fs::metadata(&csv).map_err(io("read", &csv))?.len();
    println!("import benchmark: {rows} rows, {:.1} MB CSV, {} cores", size as f64 / 1e6, num_cores());

    let floor_db = dir.join("floor.db");
    remove_db(&floor_db);
    let mut sqlite = Command::new("sqlite3");
    sqlite.arg(&floor_db).arg(".mode csv").arg(format!(".import '{}' creators", csv.display()));
    let floor = timed(sqlite)?.took;
    remove_db(&floor_db);

    let ws = dir.join("bench.scout");
    remove_db(&ws);
    let exe =
        std::env::current_exe().map_err(|e| AppError::Internal(format!("cannot find scout itself: {e}")))?;
    let mut scout = Command::new(exe);
    scout.arg("--workspace").arg(&ws).arg("--quiet").arg("import").arg(&csv).arg("--json");
    let run = timed(scout)?;
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout).map_err(|e| AppError::Internal(format!("import report: {e}")))?;
    remove_db(&ws);

    let (imported, total) = (run.output_done.as_secs_f64(), run.took.as_secs_f64());
    let floor = floor.as_secs_f64();
    println!("  sqlite3 .import (floor, plain table):  {floor:>7.2} s");
    println!(
        "  scout import, report out (validate, normalize, upsert, snapshots; rows stored and listed): \
         {imported:>7.2} s = {:.2}× floor, {:.0} rows/s",
        imported / floor,
        rows as f64 / imported
    );
    println!(
        "  then the deferred sort indexes and WAL checkpoint: {:>7.2} s (command ends at {total:.2} s = {:.2}× floor)",
        total - imported,
        total / floor
    );
    println!(
        "  scout peak memory (VmHWM): {}",
        run.peak_kib.map_or("unknown".into(), |k| format!("{:.0} MB", k as f64 / 1024.0))
    );
    println!(
        "  rows: {} created, {} merged, {} rejected",
        report["created"], report["merged"], report["rejected"]
    );
    Ok(0)
}

fn num_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A workspace holding `rows` generated creators (imported once, then reused).
pub(crate) async fn list_workspace(dir: &Path, rows: u64) -> Result<Workspace, AppError> {
    let path = dir.join(format!("list-{rows}.scout"));
    let ws = Workspace::open(&path).await?;
    if ws.info().await?.creator_count != rows {
        ws.close().await;
        remove_db(&path);
        let ws = Workspace::open(&path).await?;
        let csv = creators_csv(dir, rows)?;
        let started = Instant::now();
        ws.import_file(ImportRequest::file(csv), |_| {}, Default::default()).await?;
        ws.finish_deferred().await?;
        println!("imported {rows} creators in {:.1} s (sort indexes built)", started.elapsed().as_secs_f64());
        return Ok(ws);
    }
    Ok(ws)
}

async fn list(rows: u64, dir: Option<&Path>, runs: usize) -> Result<u8, AppError> {
    let dir = bench_dir(dir)?;
    let ws = list_workspace(&dir, rows).await?;
    let base = CreatorQuery { limit: 100, ..Default::default() };
    let shapes: Vec<(&str, CreatorQuery)> = vec![
        ("all, by followers desc, first page", base.clone()),
        (
            "country US, ≥10K followers, by engagement desc",
            CreatorQuery {
                country: Some("US".into()),
                min_followers: Some(10_000),
                sort: CreatorSort::EngagementRate,
                ..base.clone()
            },
        ),
        (
            "category Beauty, by GMV desc",
            CreatorQuery {
                category: Some("Beauty & Personal Care".into()),
                sort: CreatorSort::Gmv,
                ..base.clone()
            },
        ),
        ("search 'lu', by followers desc", CreatorQuery { search: Some("lu".into()), ..base.clone() }),
        (
            "≥3 % engagement, by avg views asc",
            CreatorQuery {
                min_engagement_bp: Some(300),
                sort: CreatorSort::AvgViews,
                descending: false,
                ..base.clone()
            },
        ),
        ("all, by followers desc, page at row 500,000", CreatorQuery { offset: rows / 2, ..base.clone() }),
    ];
    println!(
        "list benchmark: {rows} creators, {runs} runs per query: a page of 100 and the total; the first run \
         counts the total, later ones reuse it (as scrolling does) until the next import"
    );
    for (name, query) in shapes {
        let mut times = Vec::with_capacity(runs);
        let mut total = 0;
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            total = ws.list_creators(&query).await?.total;
            times.push(started.elapsed());
        }
        let first = times[0];
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "  {name:<48} first {:>7.1} ms  median {:>6.1} ms  p90 {:>6.1} ms  ({total} matches)",
            ms(first),
            ms(times[times.len() / 2]),
            ms(times[times.len() * 9 / 10])
        );
    }
    Ok(0)
}
