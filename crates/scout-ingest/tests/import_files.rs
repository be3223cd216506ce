//! Files written to a temporary folder (every format, encoding and delimiter sellers send us, plus the
//! real third-party list in shared/data/real) read back through sniff → preview → RowReader.

#[path = "import_files/real.rs"]
mod real;
#[path = "import_files/rows.rs"]
mod rows;
#[path = "import_files/streaming.rs"]
mod streaming;
#[path = "import_files/text.rs"]
mod text;
#[path = "import_files/xlsx.rs"]
mod xlsx;

use scout_domain::CreatorRecord;
use scout_ingest::{preview, sniff, CellIssue, ImportDefaults, ParsedRow, Preview, RowReader, SourceFile};
use std::path::{Path, PathBuf};

/// Writes `bytes` as `name` in `dir`.
pub fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the temp file can be written");
    path
}

/// Sniffs, previews with the suggested mapping and reads every row with the default platform/currency.
pub fn import(path: &Path) -> (SourceFile, Preview, Vec<ParsedRow>) {
    let source = sniff(path).unwrap_or_else(|e| panic!("{} should sniff: {e}", path.display()));
    let preview = preview(path, None).unwrap_or_else(|e| panic!("{} should preview: {e}", path.display()));
    let reader = RowReader::open(&source, &preview.mapping, ImportDefaults::default())
        .unwrap_or_else(|e| panic!("{} should open: {e}", path.display()));
    let rows = reader.map(|r| r.unwrap_or_else(|e| panic!("no fatal error expected: {e}"))).collect();
    (source, preview, rows)
}

/// The accepted rows as (line, record, issues); panics on a rejected row, naming its reason.
pub fn accepted(rows: &[ParsedRow]) -> Vec<(u64, &CreatorRecord, &[CellIssue])> {
    rows.iter()
        .map(|r| match r {
            ParsedRow::Accepted { line, record, issues } => (*line, record, issues.as_slice()),
            ParsedRow::Rejected { line, reason, .. } => {
                panic!("line {line} should be accepted, was rejected: {reason}")
            }
        })
        .collect()
}

/// The handles of the accepted records, in order.
pub fn handles(rows: &[ParsedRow]) -> Vec<String> {
    accepted(rows).iter().map(|(_, r, _)| r.key.handle.as_str().to_string()).collect()
}

/// UTF-16LE bytes with a BOM, as Excel's "Unicode text" writes them.
pub fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}
