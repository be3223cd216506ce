//! A generated 200,000-row CSV streams through the reader without being collected. Not a timed test:
//! it prints rows per second (run with --release --nocapture to see a meaningful figure).

use scout_ingest::{preview, sniff, ImportDefaults, ParsedRow, RowReader};
use std::io::{BufWriter, Write};
use std::time::Instant;

const ROWS: u64 = 200_000;

#[test]
fn a_large_csv_streams_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.csv");
    let mut out = BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(out, "handle,name,followers,views(avg),engagement rate,country,category,bio").unwrap();
    for i in 0..ROWS {
        let bio = if i % 1000 == 0 { "\"two\nlines, quoted\"" } else { "plain bio" };
        // Fixed-width numbers keep rows the same length, as in real exports, so the estimate can be checked.
        let (followers, tenths, views, rate) = (i % 900 + 100, i % 10, i * 7 + 1_000_000, i % 20 + 10);
        writeln!(
            out,
            "user_{i:06},Name {i:06} ✨,{followers}.{tenths}K,{views},{rate}.5%,US,\"Beauty, Home\",{bio}"
        )
        .unwrap();
    }
    out.flush().unwrap();
    drop(out);

    let source = sniff(&path).unwrap();
    let p = preview(&path, None).unwrap();
    let estimate = p.row_estimate as f64;
    assert!(
        (ROWS as f64 * 0.8..=ROWS as f64 * 1.2).contains(&estimate),
        "the estimate {estimate} is near {ROWS}"
    );

    let started = Instant::now();
    let mut reader = RowReader::open(&source, &p.mapping, ImportDefaults::default()).unwrap();
    let (mut accepted, mut issues, mut last_bytes, mut last_line) = (0u64, 0usize, 0u64, 0u64);
    while let Some(row) = reader.next() {
        match row.expect("no fatal error") {
            ParsedRow::Accepted { line, issues: i, .. } => {
                accepted += 1;
                issues += i.len();
                assert!(line > last_line, "lines only grow");
                last_line = line;
            }
            ParsedRow::Rejected { line, reason, .. } => panic!("line {line} rejected: {reason}"),
        }
        let bytes = reader.bytes_read();
        assert!(bytes >= last_bytes, "progress never goes back");
        last_bytes = bytes;
    }
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(accepted, ROWS, "every generated row is accepted");
    assert_eq!(issues, 0, "and clean");
    assert_eq!(last_line, ROWS + 1 + ROWS / 1000, "multi-line cells push the lines down");
    assert_eq!(reader.bytes_read(), source.size_bytes, "progress ends at the file size");
    println!("streamed {ROWS} rows in {seconds:.2} s: {:.0} rows/s", ROWS as f64 / seconds);
}
