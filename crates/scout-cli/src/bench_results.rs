//! `scout bench results`: import an N-line synthetic affiliate order export into a workspace whose
//! campaigns hold the collaborations that sold them, then recompute every report; the time of sqlite3's
//! `.import` of the same file into a plain table is the floor. Prints times, peak memory and ratios.

use crate::bench::{bench_dir, remove_db, timed, Timed};
use scout_app::{AppError, ImportRequest, Workspace};
use scout_demo::orders::{
    simulate_orders, synthetic_collaborations, write_orders_csv, CollaborationSeed, CollaborationsConfig,
    ExportLanguage, OrderConfig,
};
use scout_domain::{CampaignSpec, Money, Stage};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SEED: u64 = 7;
const COLLABORATIONS: usize = 1_000;

fn internal(what: &str) -> impl Fn(scout_demo::DemoError) -> AppError + '_ {
    move |e| AppError::Internal(format!("{what}: {e}"))
}

fn seeds() -> Result<Vec<CollaborationSeed>, AppError> {
    let until = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
    let cfg = CollaborationsConfig {
        seed: SEED,
        count: COLLABORATIONS,
        until,
        span_days: 180,
        currencies: ExportLanguage::English.typical_currencies(),
    };
    synthetic_collaborations(&cfg).map_err(internal("collaborations"))
}

/// The order export (made once, then reused).
fn orders_csv(dir: &Path, rows: u64, seeds: &[CollaborationSeed]) -> Result<PathBuf, AppError> {
    let path = dir.join(format!("orders-{rows}.csv"));
    if !path.exists() {
        let started = Instant::now();
        let until = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        let cfg = OrderConfig { seed: SEED, until, organic_share: 0.15, rows: Some(rows) };
        let lines = simulate_orders(seeds, &cfg).map_err(internal("orders"))?;
        let tmp = path.with_extension("csv.part");
        let file = std::fs::File::create(&tmp).map_err(|source| AppError::Io {
            action: "create",
            path: tmp.clone(),
            source,
        })?;
        write_orders_csv(lines, ExportLanguage::English, std::io::BufWriter::new(file))
            .map_err(internal("orders"))?;
        std::fs::rename(&tmp, &path).map_err(|source| AppError::Io {
            action: "rename",
            path: tmp.clone(),
            source,
        })?;
        println!("generated {} ({rows} lines) in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    }
    Ok(path)
}

/// A workspace with the seeds' creators, one campaign per product and currency, and every seed a
/// collaboration invited on its start day.
async fn workspace(path: &Path, dir: &Path, seeds: &[CollaborationSeed]) -> Result<(), AppError> {
    remove_db(path);
    let ws = Workspace::open(path).await?;
    let creators = dir.join("bench-results-creators.csv");
    let mut csv = String::from("handle\n");
    for s in seeds {
        csv.push_str(&s.handle);
        csv.push('\n');
    }
    std::fs::write(&creators, csv).map_err(|source| AppError::Io {
        action: "write",
        path: creators.clone(),
        source,
    })?;
    ws.import_file(ImportRequest::file(creators), |_| {}, Default::default()).await?;
    let base: CampaignSpec = serde_json::from_str(scout_app::EXAMPLE_CAMPAIGN)
        .map_err(|e| AppError::Internal(format!("the example campaign: {e}")))?;
    let page = ws.list_creators(&scout_app::CreatorQuery { limit: 10_000, ..Default::default() }).await?;
    let ids: std::collections::HashMap<String, i64> =
        page.rows.iter().map(|r| (r.handle.as_str().to_string(), r.id)).collect();
    let mut campaigns: BTreeMap<String, i64> = BTreeMap::new();
    let today = chrono::Utc::now().date_naive();
    for s in seeds {
        let key = format!("{}\u{1f}{}", s.product_id, s.unit_price.currency);
        let campaign = match campaigns.get(&key) {
            Some(id) => *id,
            None => {
                let mut spec = base.clone();
                spec.name = format!("{} ({})", s.product_name, s.unit_price.currency);
                spec.product.name = s.product_name.clone();
                spec.product.price = s.unit_price.clone();
                spec.product.unit_cost =
                    Money::new(s.unit_price.minor * 3 / 10, s.unit_price.currency.clone());
                spec.product.tiktok_product_id = Some(s.product_id.clone());
                let id = ws.create_campaign(&spec).await?.id;
                campaigns.insert(key, id);
                id
            }
        };
        let creator = *ids
            .get(&s.handle)
            .ok_or_else(|| AppError::Internal(format!("{} was not imported", s.handle)))?;
        ws.shortlist_add(campaign, creator).await?;
        ws.move_stage(campaign, creator, Stage::Invited, "benchmark").await?;
        let days = (today - s.starts_on).num_days().max(0) as u32;
        ws.backdate_collaboration(campaign, creator, days).await?;
    }
    println!("workspace: {} collaborations in {} campaigns", seeds.len(), campaigns.len());
    ws.close().await;
    Ok(())
}

pub async fn run(rows: u64, dir: Option<&Path>) -> Result<u8, AppError> {
    let dir = bench_dir(dir)?;
    let seeds = seeds()?;
    let csv = orders_csv(&dir, rows, &seeds)?;
    let size = std::fs::metadata(&csv)
        .map_err(|source| AppError::Io { action: "read", path: csv.clone(), source })?
        .len();
    println!("results benchmark: {rows} order lines, {:.1} MB CSV", size as f64 / 1e6);

    let floor_db = dir.join("floor-orders.db");
    remove_db(&floor_db);
    let mut sqlite = Command::new("sqlite3");
    sqlite.arg(&floor_db).arg(".mode csv").arg(format!(".import '{}' orders", csv.display()));
    let floor = timed(sqlite)?.took;
    remove_db(&floor_db);

    let ws = dir.join("bench-results.scout");
    workspace(&ws, &dir, &seeds).await?;
    let exe =
        std::env::current_exe().map_err(|e| AppError::Internal(format!("cannot find scout itself: {e}")))?;
    let scout = |args: &[&str]| {
        let mut c = Command::new(&exe);
        c.arg("--workspace").arg(&ws).arg("--quiet").args(args);
        c
    };
    let file = csv.to_string_lossy().into_owned();
    let Timed { took: import, peak_kib: import_peak, stdout: out, .. } =
        timed(scout(&["results", "import", &file, "--json"]))?;
    let report: serde_json::Value =
        serde_json::from_str(&out).map_err(|e| AppError::Internal(format!("import report: {e}")))?;
    let Timed { took: again, stdout: out_again, .. } = timed(scout(&["results", "import", &file, "--json"]))?;
    let again_report: serde_json::Value =
        serde_json::from_str(&out_again).map_err(|e| AppError::Internal(format!("import report: {e}")))?;
    let mut reports = Vec::new();
    let mut report_peak = None;
    for _ in 0..5 {
        let Timed { took, peak_kib: peak, .. } = timed(scout(&["results", "report", "--json"]))?;
        reports.push(took);
        report_peak = peak.max(report_peak);
    }
    reports.sort();
    let by_campaign =
        timed(scout(&["results", "export", &dir.join("bench-report.csv").to_string_lossy()]))?.took;
    println!("(the workspace is kept for inspection: {})", ws.display());

    let mb = |k: Option<u64>| k.map_or("unknown".into(), |k| format!("{:.0} MB", k as f64 / 1024.0));
    println!("  sqlite3 .import (floor, plain table):   {:>7.2} s", floor.as_secs_f64());
    println!(
        "  scout results import (parse, validate, attribute, upsert): {:>7.2} s = {:.2}× floor, {:.0} lines/s, peak {}",
        import.as_secs_f64(),
        import.as_secs_f64() / floor.as_secs_f64(),
        rows as f64 / import.as_secs_f64(),
        mb(import_peak)
    );
    println!(
        "    {} created, {} rejected; {} attributed, {} unattributed",
        report["created"], report["rejected"], report["attributed"], report["unattributed"]
    );
    println!(
        "  the same file again: {:>7.2} s ({} unchanged, {} created, {} updated)",
        again.as_secs_f64(),
        again_report["unchanged"],
        again_report["created"],
        again_report["updated"]
    );
    println!(
        "  every report (all campaigns, creators, products, weeks; whole process): median {:.2} s of 5, peak {}",
        reports[2].as_secs_f64(),
        mb(report_peak)
    );
    println!("  report exported to CSV (whole process): {:.2} s", by_campaign.as_secs_f64());
    Ok(0)
}
