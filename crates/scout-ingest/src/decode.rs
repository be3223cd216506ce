//! Which text encoding a file is in, and a streaming reader that turns it into UTF-8.
//!
//! Order of evidence: a byte-order mark; the zero bytes of BOM-less UTF-16; valid UTF-8; otherwise
//! chardetng's guess among the legacy 8-bit encodings (Excel's "CSV" on Windows is windows-1252).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The label [`crate::SourceFile::encoding`] carries for UTF-8 with a byte-order mark.
pub(crate) const UTF8_BOM_LABEL: &str = "UTF-8 (BOM)";

/// A detected text encoding and the label shown to the seller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Detected {
    pub encoding: &'static Encoding,
    pub label: String,
}

/// Detects the encoding from the first bytes of a file; `complete` when `head` is the whole file.
pub(crate) fn detect(head: &[u8], complete: bool) -> Detected {
    let found = |encoding: &'static Encoding, label: &str| Detected { encoding, label: label.to_string() };
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return found(UTF_8, UTF8_BOM_LABEL);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return found(UTF_16LE, "UTF-16LE");
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return found(UTF_16BE, "UTF-16BE");
    }
    if let Some(utf16) = bomless_utf16(head) {
        return found(utf16, utf16.name());
    }
    if is_utf8(head, complete) {
        return found(UTF_8, "UTF-8");
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(head, complete);
    let guess = detector.guess(None, Utf8Detection::Deny);
    found(guess, guess.name())
}

/// The encoding a [`crate::SourceFile::encoding`] label stands for.
pub(crate) fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    if label == UTF8_BOM_LABEL {
        Some(UTF_8)
    } else {
        Encoding::for_label(label.as_bytes())
    }
}

/// UTF-16 without a BOM shows as ASCII text with every other byte zero.
fn bomless_utf16(head: &[u8]) -> Option<&'static Encoding> {
    let sample = &head[..head.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Valid UTF-8, allowing a sequence cut off at the end of a partial head.
fn is_utf8(head: &[u8], complete: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => !complete && e.error_len().is_none(),
    }
}

/// Whether a head that is not UTF-16 holds zero bytes, as binary files do and text files never do.
pub(crate) fn looks_binary(head: &[u8], detected: &Detected) -> bool {
    detected.encoding != UTF_16LE && detected.encoding != UTF_16BE && head.contains(&0)
}

/// Decodes the first bytes of a file for sniffing, dropping a BOM and a sequence cut off at the end.
pub(crate) fn decode_head(head: &[u8], encoding: &'static Encoding) -> String {
    let (text, _) = encoding.decode_with_bom_removal(head);
    let text = text.into_owned();
    text.trim_end_matches('\u{FFFD}').to_string()
}

/// Counts the raw bytes read from the file, for progress, while the decoder and the CSV parser buffer.
#[derive(Debug)]
pub(crate) struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> CountingReader<R> {
    pub fn new(inner: R) -> (CountingReader<R>, Arc<AtomicU64>) {
        let count = Arc::new(AtomicU64::new(0));
        (CountingReader { inner, count: Arc::clone(&count) }, count)
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Opens a text file as a UTF-8 stream without its BOM, and the counter of raw bytes read. UTF-8 passes
/// through unchanged, invalid bytes included, so the row builder can say which cell holds them; other
/// encodings are transcoded chunk by chunk.
pub(crate) fn open_text(path: &Path, label: &str) -> io::Result<(Box<dyn Read + Send>, Arc<AtomicU64>)> {
    let encoding = encoding_for_label(label).ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, format!("encoding '{label}' is unknown"))
    })?;
    let mut file = File::open(path)?;
    let mut skipped = 0;
    if encoding == UTF_8 && label == UTF8_BOM_LABEL {
        skipped = file.seek(SeekFrom::Start(3))?;
    }
    let (counting, count) = CountingReader::new(file);
    count.fetch_add(skipped, Ordering::Relaxed);
    if encoding == UTF_8 {
        return Ok((Box::new(counting), count));
    }
    Ok((decoded(counting, encoding), count))
}

/// `raw` in `encoding` as a UTF-8 stream without the BOM (invalid sequences become U+FFFD).
fn decoded<R: Read + Send + 'static>(raw: R, encoding: &'static Encoding) -> Box<dyn Read + Send> {
    Box::new(DecodeReaderBytesBuilder::new().encoding(Some(encoding)).strip_bom(true).build(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn detects_boms_utf16_utf8_and_legacy() {
        assert_eq!(detect(b"\xEF\xBB\xBFa,b\n", true).label, "UTF-8 (BOM)", "UTF-8 BOM");
        assert_eq!(detect(&utf16le("a\tb\r\n", true), true).label, "UTF-16LE", "Excel's Unicode text");
        assert_eq!(detect(b"\xFE\xFF\0a", true).label, "UTF-16BE", "UTF-16BE BOM");
        assert_eq!(
            detect(&utf16le("handle\tname\r\nmrbeast\tMrBeast\r\n", false), true).label,
            "UTF-16LE",
            "UTF-16LE without BOM from its zero bytes"
        );
        assert_eq!(detect("name\nJosé 😀\n".as_bytes(), true).label, "UTF-8", "valid UTF-8");
        let cut = &"name\nJosé".as_bytes()[..10];
        assert_eq!(detect(cut, false).label, "UTF-8", "a character cut at the end of a partial head is fine");
        let cp1252 = b"handle,bio\nanna,\x93Caf\xE9 lover\x94 \x96 it\x92s true\n";
        assert_eq!(detect(cp1252, true).label, "windows-1252", "curly quotes and é in windows-1252");
    }

    #[test]
    fn streams_and_counts_transcoded_text() {
        let bytes = utf16le("handle\tname\r\nanna\tAnna 😀\r\n", true);
        let total = bytes.len() as u64;
        let (counting, count) = CountingReader::new(io::Cursor::new(bytes));
        let mut text = String::new();
        decoded(counting, UTF_16LE).read_to_string(&mut text).unwrap();
        assert_eq!(text, "handle\tname\r\nanna\tAnna 😀\r\n", "UTF-16LE transcodes to UTF-8 without the BOM");
        assert_eq!(count.load(Ordering::Relaxed), total, "every raw byte is counted");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.csv");
        std::fs::write(&path, b"\xEF\xBB\xBFa,\xE9").unwrap();
        let (mut stream, count) = open_text(&path, UTF8_BOM_LABEL).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        assert_eq!(
            bytes, b"a,\xE9",
            "the UTF-8 BOM is dropped and invalid bytes pass through for the row builder"
        );
        assert_eq!(count.load(Ordering::Relaxed), 6, "the skipped BOM counts as read");
        assert_eq!(encoding_for_label("UTF-8 (BOM)"), Some(UTF_8), "our BOM label maps back to UTF-8");
        assert_eq!(encoding_for_label("windows-1252"), Some(encoding_rs::WINDOWS_1252), "names map back");
    }
}
