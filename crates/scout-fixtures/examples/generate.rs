//! Writes synthetic creators as CSV to stdout:
//! `cargo run --release -p scout-fixtures --example generate -- [COUNT] [SEED] [AS_OF] > creators.csv`
//! (defaults: 10000, 42, today).

use chrono::NaiveDate;
use scout_fixtures::{write_csv, GeneratorConfig};
use std::io::{BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = args.first().map_or(Ok(10_000), |s| s.parse())?;
    let seed = args.get(1).map_or(Ok(42), |s| s.parse())?;
    let as_of = match args.get(2) {
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")?,
        None => chrono::Utc::now().date_naive(),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let rows = write_csv(&GeneratorConfig { seed, count, as_of }, &mut out)?;
    out.flush()?;
    eprintln!("{rows} creators written");
    Ok(())
}
