//! What a file is before it is read: spreadsheet or text, which encoding, which delimiter, and the hash of
//! its bytes (so the same file imported twice is recognised).

use crate::decode::{self, Detected};
use crate::{IngestError, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How the file's rows are stored. Semicolon- and pipe-separated text is `Csv`; tab-separated is `Tsv`.
/// Every spreadsheet calamine reads (XLSX, XLS, XLSB, ODS) is `Xlsx`, with `encoding` telling which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum FileFormat {
    Csv,
    Tsv,
    Xlsx,
}

/// A file as sniffed: enough to open it again the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SourceFile {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub file_name: String,
    pub format: FileFormat,
    /// "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "windows-1252", …; "xlsx", "xls", "ods" or "xlsb"
    /// for a spreadsheet.
    pub encoding: String,
    /// `None` for a spreadsheet.
    pub delimiter: Option<char>,
    /// SHA-256 of the raw file bytes, lower-case hex.
    pub content_hash: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// How much of the file the encoding and delimiter are guessed from.
const HEAD_BYTES: usize = 64 * 1024;
/// How many records the delimiter is judged on.
const SNIFF_RECORDS: usize = 50;
const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// Sniffs a file: format by magic bytes (then extension), encoding, delimiter, hash and size.
pub fn sniff(path: &Path) -> Result<SourceFile> {
    let io_err = |source| IngestError::Io { path: path.to_path_buf(), source };
    let file_name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (head, content_hash, size_bytes) = hash_and_head(path).map_err(io_err)?;
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let source = |format, encoding: &str, delimiter| SourceFile {
        path: path.to_path_buf(),
        file_name: file_name.clone(),
        format,
        encoding: encoding.to_string(),
        delimiter,
        content_hash: content_hash.clone(),
        size_bytes,
    };
    if let Some(kind) = spreadsheet_kind(&head, &extension) {
        return Ok(source(FileFormat::Xlsx, kind, None));
    }
    if matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods") && !head.is_empty() {
        // A text export saved under a spreadsheet name is read as text; anything else is refused here.
        let looks_text = std::str::from_utf8(&head).map_or_else(|e| e.error_len().is_none(), |_| true);
        if !looks_text {
            let why = format!("has the .{extension} extension but is not a spreadsheet Scout can read");
            return Err(IngestError::Unsupported { file: file_name, why });
        }
    }
    let complete = head.len() as u64 == size_bytes;
    let detected = decode::detect(&head, complete);
    if decode::looks_binary(&head, &detected) {
        let why = "is not a text file (it holds zero bytes); expected CSV, TSV or XLSX".to_string();
        return Err(IngestError::Unsupported { file: file_name, why });
    }
    let delimiter = sniff_delimiter(&sample_text(&head, &detected, complete), &extension);
    let format = if delimiter == '\t' { FileFormat::Tsv } else { FileFormat::Csv };
    Ok(source(format, &detected.label, Some(delimiter)))
}

/// Reads the whole file once: the hash of every byte, and the first [`HEAD_BYTES`] kept for sniffing.
fn hash_and_head(path: &Path) -> std::io::Result<(Vec<u8>, String, u64)> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(HEAD_BYTES);
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        hasher.update(chunk);
        size += n as u64;
        let room = HEAD_BYTES.saturating_sub(head.len());
        head.extend_from_slice(&chunk[..room.min(n)]);
    }
    Ok((head, hex::encode(hasher.finalize()), size))
}

/// A spreadsheet by its magic bytes: a zip (XLSX, XLSB, ODS) or an OLE compound file (XLS).
fn spreadsheet_kind(head: &[u8], extension: &str) -> Option<&'static str> {
    if head.starts_with(b"PK\x03\x04") {
        return Some(match extension {
            "ods" => "ods",
            "xlsb" => "xlsb",
            _ => "xlsx",
        });
    }
    head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).then_some("xls")
}

/// The decoded head cut at its last line break, so no record is judged on a truncated last line.
fn sample_text(head: &[u8], detected: &Detected, complete: bool) -> String {
    let text = decode::decode_head(head, detected.encoding);
    if complete {
        return text;
    }
    match text.rfind('\n') {
        Some(at) => text[..=at].to_string(),
        None => text,
    }
}

/// The delimiter whose field counts are most consistent over the first records (quotes respected), then
/// the one giving more fields. An Excel `sep=;` first line decides by itself. A one-column file gets tab
/// for a .tsv/.tab/.txt name and comma otherwise.
pub(crate) fn sniff_delimiter(text: &str, extension: &str) -> char {
    if let Some(d) = excel_sep_line(text) {
        return d;
    }
    let mut best: Option<(f64, usize, char)> = None;
    for d in DELIMITERS {
        let Some((consistency, fields)) = field_count_consistency(text, d) else { continue };
        let better = match best {
            None => true,
            Some((c, f, _)) => consistency > c + 0.05 || ((consistency - c).abs() <= 0.05 && fields > f),
        };
        if better {
            best = Some((consistency, fields, d));
        }
    }
    match best {
        Some((_, _, d)) => d,
        None if matches!(extension, "tsv" | "tab" | "txt") => '\t',
        None => ',',
    }
}

/// The delimiter of an Excel `sep=X` hint line, which Excel writes and reads as the first line.
pub(crate) fn excel_sep_line(text: &str) -> Option<char> {
    let first = text.lines().next()?.trim_end_matches('\r');
    let rest = first.strip_prefix("sep=")?;
    let mut chars = rest.chars();
    let d = chars.next()?;
    chars.next().is_none().then_some(d)
}

/// (share of records with the most common field count, that count), or `None` when no record splits.
fn field_count_consistency(text: &str, delimiter: char) -> Option<(f64, usize)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(delimiter).ok()?)
        .from_reader(text.as_bytes());
    let counts: Vec<usize> =
        reader.byte_records().take(SNIFF_RECORDS).map_while(|r| r.ok()).map(|r| r.len()).collect();
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for c in &counts {
        match tally.iter_mut().find(|(n, _)| n == c) {
            Some((_, k)) => *k += 1,
            None => tally.push((*c, 1)),
        }
    }
    let (fields, hits) = tally.into_iter().max_by_key(|&(n, k)| (k, n))?;
    (fields >= 2).then(|| (hits as f64 / counts.len() as f64, fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_delimiter_with_consistent_field_counts() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n4,5,6\n", "csv"), ',', "comma");
        assert_eq!(
            sniff_delimiter("a;b;c\n1,5;2,5;3\n4;5;6,25\n", "csv"),
            ';',
            "semicolon with decimal commas"
        );
        assert_eq!(sniff_delimiter("a\tb\n\"x, y\"\t2\n", "txt"), '\t', "tab, commas inside text");
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n", "csv"), '|', "pipe");
        let quoted = "handle,bio\nanna,\"loves; semicolons; a lot\"\nbob,\"line one\nline; two\"\n";
        assert_eq!(sniff_delimiter(quoted, "csv"), ',', "quotes are respected, multi-line cells too");
        assert_eq!(sniff_delimiter("sep=;\na;b\n", "csv"), ';', "Excel's sep= line decides");
        assert_eq!(sniff_delimiter("handle\nanna\nbob\n", "csv"), ',', "one column: comma for .csv");
        assert_eq!(sniff_delimiter("handle\nanna\n", "tsv"), '\t', "one column: tab for .tsv");
    }

    #[test]
    fn recognises_spreadsheets_by_magic_bytes() {
        assert_eq!(
            spreadsheet_kind(b"PK\x03\x04rest", "csv"),
            Some("xlsx"),
            "a zip is a workbook, whatever its name"
        );
        assert_eq!(spreadsheet_kind(b"PK\x03\x04rest", "ods"), Some("ods"), "an .ods zip");
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
        assert_eq!(spreadsheet_kind(&ole, "xls"), Some("xls"), "an OLE file is a legacy workbook");
        assert_eq!(spreadsheet_kind(b"a,b\n", "xlsx"), None, "text is not a workbook");
    }
}
