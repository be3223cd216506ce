//! Throughput of generating a million creators as CSV into a sink (not a test: a measurement).
//! `cargo run --release -p scout-fixtures --example throughput -- [COUNT]`

use chrono::NaiveDate;
use scout_fixtures::{write_csv, CreatorGenerator, GeneratorConfig};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: u64 = std::env::args().nth(1).map_or(Ok(1_000_000), |s| s.parse())?;
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 1).ok_or("bad date")?;
    let cfg = GeneratorConfig { seed: 42, count, as_of };

    let start = Instant::now();
    let records = CreatorGenerator::new(cfg).count();
    let generate = start.elapsed();
    println!(
        "generate: {records} records in {:.2} s ({:.0} rows/s)",
        generate.as_secs_f64(),
        rate(records, generate)
    );

    let mut sink = CountingSink(0);
    let start = Instant::now();
    let rows = write_csv(&cfg, &mut sink)?;
    let write = start.elapsed();
    println!(
        "write_csv: {rows} rows, {:.1} MB in {:.2} s ({:.0} rows/s)",
        sink.0 as f64 / 1e6,
        write.as_secs_f64(),
        rate(rows as usize, write)
    );
    Ok(())
}

fn rate(rows: usize, elapsed: std::time::Duration) -> f64 {
    rows as f64 / elapsed.as_secs_f64().max(1e-9)
}

/// A sink that counts the bytes it swallows.
struct CountingSink(u64);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
