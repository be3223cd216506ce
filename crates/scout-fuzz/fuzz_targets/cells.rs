//! Every cell reader (counts, rates, decimals, amounts in two currencies, dates, date-times in each
//! day/month order, countries and shares) on arbitrary text: none may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    std::hint::black_box(scout_ingest::fuzzing::read_cell(&text));
});
