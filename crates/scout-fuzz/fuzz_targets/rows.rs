//! Both row readers on arbitrary bytes: the creator list's (sniff, preview with the suggested mapping,
//! every row to the end) and the results exports' (orders or videos, as the header says). Each step
//! answers or errs; nothing panics, and no row comes back without its line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scout_ingest::{ImportDefaults, ParsedRow, RowReader};

#[path = "file.rs"]
mod file;

fuzz_target!(|data: &[u8]| {
    let Some(path) = file::write(data) else { return };
    if let Ok(preview) = scout_ingest::preview(&path, None) {
        if let Ok(reader) = RowReader::open(&preview.source, &preview.mapping, ImportDefaults::default()) {
            for row in reader.take(100_000) {
                match row {
                    Ok(row @ ParsedRow::Accepted { .. }) => assert!(row.line() >= 1),
                    Ok(ParsedRow::Rejected { line, reason, .. }) => assert!(line >= 1 && !reason.is_empty()),
                    Err(_) => break,
                }
            }
        }
    }
    if let Ok(source) = scout_ingest::sniff(&path) {
        let usd = scout_domain::Currency::usd();
        match scout_ingest::open_results(&source, &usd) {
            Ok(scout_ingest::ResultsFile::Orders(rows)) => rows.take(100_000).for_each(drop),
            Ok(scout_ingest::ResultsFile::Videos(rows)) => rows.take(100_000).for_each(drop),
            Err(_) => {}
        }
    }
    let _ = std::fs::remove_file(path);
});
