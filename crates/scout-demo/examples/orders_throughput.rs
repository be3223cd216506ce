//! Throughput of simulating and writing synthetic order lines as CSV (a measurement, not a test), plus
//! the shares the run ended up with.
//! `cargo run --release -p scout-demo --example orders_throughput -- [ROWS] [en|es|id]`

use chrono::NaiveDate;
use scout_demo::orders::{
    simulate_orders, synthetic_collaborations, write_orders_csv, CollaborationsConfig, ExportLanguage,
    OrderConfig,
};
use scout_domain::Settlement;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: u64 = std::env::args().nth(1).map_or(Ok(1_000_000), |s| s.parse())?;
    let lang = ExportLanguage::parse(&std::env::args().nth(2).unwrap_or_else(|| "en".into()))?;
    let until = NaiveDate::from_ymd_opt(2026, 11, 15).ok_or("bad date")?;
    let count = (rows / 50).clamp(4, 100_000) as usize;
    let seeds = synthetic_collaborations(&CollaborationsConfig {
        seed: 42,
        count,
        until,
        span_days: 180,
        currencies: lang.typical_currencies(),
    })?;
    let cfg = OrderConfig { seed: 42, until, organic_share: 0.15, rows: Some(rows) };

    let start = Instant::now();
    let (mut full, mut partial, mut cancelled, mut settled, mut pending) = (0u64, 0u64, 0u64, 0u64, 0u64);
    for l in simulate_orders(&seeds, &cfg)? {
        let is_cancelled = l.status.as_deref() == Some("Cancelled");
        cancelled += u64::from(is_cancelled);
        full += u64::from(!is_cancelled && l.refund == l.payment);
        partial += u64::from(l.refund > 0 && l.refund < l.payment);
        settled += u64::from(l.settlement == Settlement::Settled);
        pending += u64::from(l.settlement == Settlement::Pending);
    }
    let simulate = start.elapsed();
    let pct = |n: u64| 100.0 * n as f64 / rows.max(1) as f64;
    println!(
        "simulate: {rows} lines from {count} collaborations in {:.2} s ({:.0} lines/s)",
        simulate.as_secs_f64(),
        rows as f64 / simulate.as_secs_f64().max(1e-9)
    );
    println!(
        "shares: refunded in full {:.1} %, in part {:.1} %, cancelled {:.1} %, settled {:.1} %, pending {:.1} %",
        pct(full),
        pct(partial),
        pct(cancelled),
        pct(settled),
        pct(pending)
    );

    let mut sink = CountingSink(0);
    let start = Instant::now();
    let written = write_orders_csv(simulate_orders(&seeds, &cfg)?, lang, &mut sink)?;
    let write = start.elapsed();
    println!(
        "simulate + write CSV ({}): {written} lines, {:.1} MB in {:.2} s ({:.0} lines/s)",
        lang.code(),
        sink.0 as f64 / 1e6,
        write.as_secs_f64(),
        written as f64 / write.as_secs_f64().max(1e-9)
    );
    Ok(())
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
