//! Property tests of the file readers on generated files: whatever the bytes, the sniffer answers or
//! errs; whatever a written CSV or workbook holds, every data row comes back once, in order, with its
//! line — accepted or rejected with a reason — and nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use scout_ingest::{preview, sniff, ImportDefaults, ParsedRow, RowReader};
use std::path::Path;

/// Every row of the file at `path` as the import reads it with the suggested mapping.
fn read_all(path: &Path) -> scout_ingest::Result<Vec<ParsedRow>> {
    let preview = preview(path, None)?;
    RowReader::open(&preview.source, &preview.mapping, ImportDefaults::default())?.collect()
}

/// Inputs the `rows` fuzz target once crashed on (its first byte picks the extension, as there), kept
/// so they never do again.
#[test]
fn the_fuzzers_old_crashes_read_without_panicking() {
    const EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "xlsx", "xls", "ods"];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scout-fuzz/regressions/rows");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Some((first, rest)) = bytes.split_first() else { continue };
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(format!("file.{}", EXTENSIONS[usize::from(*first) % EXTENSIONS.len()]));
        std::fs::write(&path, rest).unwrap();
        let _ = read_all(&path);
        if let Ok(source) = sniff(&path) {
            let _ = scout_ingest::open_results(&source, &scout_domain::Currency::usd()).map(|f| match f {
                scout_ingest::ResultsFile::Orders(rows) => rows.count(),
                scout_ingest::ResultsFile::Videos(rows) => rows.count(),
            });
        }
        seen += 1;
    }
    assert!(seen > 0, "the regressions are there");
}

/// Cell text a seller's file may hold: figures in many spellings, quotes, separators, line breaks,
/// other scripts and blanks.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,9}",
        "[0-9]{1,3}(,[0-9]{3}){0,3}",
        "[0-9]{1,3}[.,][0-9]{1,2}[KkMm%]?",
        "\\PC{0,12}",
        "[a-z ,;\"\t\n]{0,10}",
        Just(String::new()),
    ]
}

fn handle() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{1,14}"
}

fn table() -> impl Strategy<Value = Vec<(String, Vec<String>)>> {
    prop::collection::vec((handle(), prop::collection::vec(cell(), 3)), 1..40)
}

const HEADER: [&str; 4] = ["Creator handle", "Followers", "Engagement rate", "Bio"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_are_sniffed_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2_000), ext in "(csv|tsv|txt|xlsx|xls|ods)") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("file.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        if let Ok(source) = sniff(&path) {
            prop_assert_eq!(source.size_bytes, bytes.len() as u64);
        }
        let _ = read_all(&path);
    }

    #[test]
    fn every_written_csv_row_comes_back_once_in_order(rows in table(), delimiter in prop::sample::select(vec![b',', b';', b'\t'])) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.csv");
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_path(&path).unwrap();
        w.write_record(HEADER).unwrap();
        for (handle, cells) in &rows {
            let mut record = vec![handle.clone()];
            record.extend(cells.iter().cloned());
            w.write_record(&record).unwrap();
        }
        w.flush().unwrap();
        let read = read_all(&path).unwrap();
        prop_assert_eq!(read.len(), rows.len(), "no row dropped or added");
        let lines: Vec<u64> = read.iter().map(ParsedRow::line).collect();
        prop_assert!(lines.windows(2).all(|w| w[0] < w[1]), "in file order: {:?}", lines);
        for (row, (handle, _)) in read.iter().zip(&rows) {
            match row {
                ParsedRow::Accepted { record, .. } => prop_assert_eq!(record.key.handle.as_str(), handle.as_str()),
                ParsedRow::Rejected { reason, .. } => prop_assert!(!reason.is_empty()),
            }
        }
    }

    #[test]
    fn every_written_workbook_row_comes_back_once_in_order(rows in table()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("creators.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, (handle, cells)) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            sheet.write_string(r, 0, handle).unwrap();
            for (c, text) in cells.iter().enumerate() {
                sheet.write_string(r, c as u16 + 1, text).unwrap();
            }
        }
        book.save(&path).unwrap();
        let read = read_all(&path).unwrap();
        prop_assert_eq!(read.len(), rows.len(), "no row dropped or added");
        for (row, (i, (handle, _))) in read.iter().zip(rows.iter().enumerate()) {
            prop_assert_eq!(row.line(), i as u64 + 2, "the sheet's row");
            if let ParsedRow::Accepted { record, .. } = row {
                prop_assert_eq!(record.key.handle.as_str(), handle.as_str());
            }
        }
    }
}
