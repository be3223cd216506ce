//! Writing generated creators as CSV in Scout's import template (the template itself lives in
//! `scout_ingest::template`).

use crate::generator::{CreatorGenerator, GeneratorConfig};
use scout_demo::Result;
pub use scout_ingest::template::write_records;

/// Generates `cfg.count` creators straight into `out` as CSV; returns the number of rows written.
pub fn write_csv<W: std::io::Write>(cfg: &GeneratorConfig, out: W) -> Result<u64> {
    let mut generator = CreatorGenerator::new(*cfg);
    let written = write_records(&mut generator, out)?;
    match generator.take_failure() {
        Some(failure) => Err(failure),
        None => Ok(written),
    }
}
