//! `scout bench match`: rank N generated creators for one campaign with the data already in memory,
//! and, in the same run, the same default model in NumPy over the same columns (the baseline). Also
//! times explanations of the top 100 and training on 10,000 simulated outcomes, and reports peak memory.

use chrono::NaiveDate;
use scout_app::AppError;
use scout_demo::history::{facts_from_record, simulate, HistoryConfig};
use scout_domain::CampaignSpec;
use scout_fixtures::{CreatorGenerator, GeneratorConfig};
use scout_match::{explain, fit, lookalikes, rank, LinearModel, MatchIndex, RankQuery, Target, TrainParams};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const NUMPY_SCRIPT: &str = include_str!("../bench/match_numpy.py");

fn internal(what: &str) -> impl FnOnce(String) -> AppError + '_ {
    move |e| AppError::Internal(format!("{what}: {e}"))
}

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn own_peak_rss_mib() -> f64 {
    crate::bench::peak_rss_kib(std::process::id()).map_or(f64::NAN, |k| k as f64 / 1024.0)
}

pub fn run(rows: u64, dir: &Path, runs: usize) -> Result<u8, AppError> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let started = Instant::now();
    let generator = CreatorGenerator::new(GeneratorConfig { seed: 7, count: rows, as_of: today });
    let mut index = MatchIndex::new(today);
    index.reserve(rows as usize);
    for i in 0..rows {
        let record = generator.creator_at(i).map_err(|e| AppError::Internal(e.to_string()))?;
        index
            .push(&facts_from_record(i as i64 + 1, &record, today))
            .map_err(|e| AppError::Internal(e.to_string()))?;
    }
    println!(
        "match benchmark: {rows} generated creators in memory (built in {:.1} s), {runs} runs",
        started.elapsed().as_secs_f64()
    );
    let spec: CampaignSpec =
        serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN).map_err(|e| internal("example")(e.to_string()))?;
    let model = LinearModel::default_model().map_err(|e| internal("default model")(e.to_string()))?;
    let query = RankQuery { limit: 100, ..Default::default() };

    let mut times = Vec::new();
    let mut top = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let target = Target::compile(&spec, &index);
        let ranking = rank(&index, &target, &model, &query);
        times.push(t.elapsed());
        top = ranking.page;
    }
    let scout_ms = median(times);
    println!(
        "  Scout: rank all, top 100          median {scout_ms:>8.1} ms   (peak memory so far {:.0} MiB)",
        own_peak_rss_mib()
    );

    let target = Target::compile(&spec, &index);
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        for r in &top {
            std::hint::black_box(explain(&index, &target, &model, r.row as usize));
        }
        times.push(t.elapsed());
    }
    println!("  Scout: explain the top 100        median {:>8.2} ms", median(times));

    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        std::hint::black_box(lookalikes(&index, top[0].row as usize, 20));
        times.push(t.elapsed());
    }
    println!("  Scout: 20 lookalikes of one creator median {:>8.1} ms", median(times));

    let history =
        simulate(&index, &HistoryConfig { seed: 3, campaigns: 40, invites_per_campaign: 250, until: today });
    let examples = history.examples(&index);
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        fit(&TrainParams::default(), &examples, "bench", today)
            .map_err(|e| internal("training")(e.to_string()))?;
        times.push(t.elapsed());
    }
    println!("  Scout: train on {} simulated outcomes  median {:>8.1} ms", examples.len(), median(times));
    println!("  peak memory of this process: {:.0} MiB", own_peak_rss_mib());

    let numpy = numpy_baseline(&index, &target, &model, dir, runs)?;
    let numpy_ms = numpy["median_ms"].as_f64().unwrap_or(f64::NAN);
    let numpy_top: Vec<u64> =
        numpy["top"].as_array().map(|a| a.iter().filter_map(|v| v.as_u64()).collect()).unwrap_or_default();
    let same = top.iter().filter(|r| numpy_top.contains(&u64::from(r.row))).count();
    println!(
        "  NumPy {} baseline: rank all, top 100  median {numpy_ms:>8.1} ms   → Scout is {:.1}× faster; top 100 agree on {same}/100",
        numpy["numpy"].as_str().unwrap_or("?"),
        numpy_ms / scout_ms
    );
    Ok(0)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), AppError> {
    let path = dir.join(format!("{name}.bin"));
    std::fs::write(&path, bytes).map_err(|source| AppError::Io { action: "write", path, source })
}

fn f32s(v: impl IntoIterator<Item = f32>) -> Vec<u8> {
    v.into_iter().flat_map(f32::to_le_bytes).collect()
}

fn u16s(v: impl IntoIterator<Item = u16>) -> Vec<u8> {
    v.into_iter().flat_map(u16::to_le_bytes).collect()
}

fn u32s(v: impl IntoIterator<Item = u32>) -> Vec<u8> {
    v.into_iter().flat_map(u32::to_le_bytes).collect()
}

/// Writes the columns and runs the NumPy script on them.
fn numpy_baseline(
    index: &MatchIndex,
    target: &Target,
    model: &LinearModel,
    dir: &Path,
    runs: usize,
) -> Result<serde_json::Value, AppError> {
    let dir = dir.join("numpy");
    std::fs::create_dir_all(&dir).map_err(|source| AppError::Io {
        action: "create",
        path: dir.clone(),
        source,
    })?;
    let c = index.columns();
    write(&dir, "fixed", &f32s(c.fixed.iter().flatten().copied()))?;
    write(&dir, "age", &f32s(c.age.iter().flatten().copied()))?;
    write(&dir, "gender", &f32s(c.gender.iter().flatten().copied()))?;
    write(&dir, "countries", &u16s(c.audience_countries.iter().flatten().copied()))?;
    write(&dir, "country_shares", &f32s(c.audience_country_shares.iter().flatten().copied()))?;
    write(&dir, "home", &u16s(c.home_country.iter().copied()))?;
    write(&dir, "top", &u16s(c.top_country.iter().copied()))?;
    write(&dir, "commission", &f32s(c.commission_bp.iter().copied()))?;
    write(&dir, "cat_ids", &u16s(c.category_ids.iter().copied()))?;
    write(&dir, "cat_offsets", &u32s(c.category_offsets.iter().copied()))?;
    write(&dir, "tokens", &u32s(c.tokens.iter().copied()))?;
    write(&dir, "tok_offsets", &u32s(c.token_offsets.iter().copied()))?;
    let t = target.columns();
    let (means, stds, weights, intercept) = model.parameters();
    let manifest = serde_json::json!({
        "n": index.len(),
        "features": scout_match::FEATURE_COUNT,
        "target": {
            "age": t.age, "gender": t.gender, "country_weights": t.country_weights, "keywords": t.keywords,
            "category_fit": t.category_fit, "commission_max_bp": t.commission_max_bp, "active": t.active,
        },
        "model": { "means": means, "stds": stds, "weights": weights, "intercept": intercept },
    });
    let path = dir.join("manifest.json");
    std::fs::write(&path, manifest.to_string()).map_err(|source| AppError::Io {
        action: "write",
        path,
        source,
    })?;
    let script = dir.join("match_numpy.py");
    std::fs::write(&script, NUMPY_SCRIPT).map_err(|source| AppError::Io {
        action: "write",
        path: script.clone(),
        source,
    })?;
    let python = ["python3", "/usr/bin/python3"]
        .into_iter()
        .find(|p| Command::new(p).args(["-c", "import numpy"]).output().is_ok_and(|o| o.status.success()))
        .ok_or_else(|| {
            AppError::Internal("no python3 with NumPy found (scripts/setup.sh installs python3-numpy)".into())
        })?;
    let out = Command::new(python)
        .arg(&script)
        .arg(&dir)
        .arg(runs.max(1).to_string())
        .output()
        .map_err(|source| AppError::Io { action: "run python3 for", path: script.clone(), source })?;
    if !out.status.success() {
        return Err(AppError::Internal(format!(
            "the NumPy baseline failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| internal("NumPy output")(e.to_string()))
}
