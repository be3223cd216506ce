//! The small demo files committed under `fixtures/demo/`, and the one place that says how they are made,
//! so a test can check the committed files never drift from the generator.

use crate::generator::GeneratorConfig;
use crate::snapshot::{write_update_csv, UpdateConfig};
use crate::template::write_csv;
use chrono::NaiveDate;
use scout_demo::{DemoError, Result};
use std::path::Path;

pub const DEMO_FILE: &str = "creators-demo.csv";
pub const UPDATE_FILE: &str = "creators-update.csv";

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// 2,000 creators from seed 42, dated 1 October 2026.
pub const DEMO: GeneratorConfig = GeneratorConfig { seed: 42, count: 2_000, as_of: date(2026, 10, 1) };

/// A month later: 300 of the demo creators with grown figures and 50 new ones.
pub const DEMO_UPDATE: UpdateConfig =
    UpdateConfig { base: DEMO, relisted: 300, added: 50, as_of: date(2026, 11, 1) };

/// The bytes of `creators-demo.csv`.
pub fn demo_csv() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_csv(&DEMO, &mut out)?;
    Ok(out)
}

/// The bytes of `creators-update.csv`.
pub fn update_csv() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_update_csv(&DEMO_UPDATE, &mut out)?;
    Ok(out)
}

/// (Re)writes both demo files into `dir` (the repository's `fixtures/demo`).
pub fn write_demo_files(dir: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DemoError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    for (name, bytes) in [(DEMO_FILE, demo_csv()?), (UPDATE_FILE, update_csv()?)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    Ok(())
}
