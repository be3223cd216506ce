//! The format and encoding sniffer on arbitrary bytes: an answer or an error, never a panic; the hash
//! and size always describe the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "file.rs"]
mod file;

fuzz_target!(|data: &[u8]| {
    let Some(path) = file::write(data) else { return };
    if let Ok(source) = scout_ingest::sniff(&path) {
        assert_eq!(source.size_bytes, (data.len() - 1) as u64, "the size is the file's");
    }
    let _ = std::fs::remove_file(path);
});
