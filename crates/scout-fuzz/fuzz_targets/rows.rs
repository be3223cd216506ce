//! The whole row reader on arbitrary bytes: sniff, preview with the suggested mapping, then every row
//! to the end. Each step answers or errs; nothing panics, and no row comes back without its line.
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
    let _ = std::fs::remove_file(path);
});
