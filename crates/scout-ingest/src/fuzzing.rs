//! The cell readers as the fuzz targets (`crates/scout-fuzz`) and property tests call them: every
//! reader of a number, rate, amount, date, country, share, text, e-mail address or category list, on one
//! cell's text. Built only with the
//! `fuzzing` feature (or in tests); nothing here is part of the import's API.

use crate::dates::{self, DayMonthOrder};
use crate::money::{self, CurrencySource};
use crate::numbers;
use scout_domain::Currency;

/// Runs every cell reader on `raw`; none may panic, whatever the text. Returns how many read a value
/// (so the work cannot be optimised away).
pub fn read_cell(raw: &str) -> usize {
    let usd = Currency::parse("USD").expect("a known currency");
    let idr = Currency::parse("IDR").expect("a known currency");
    let mut read = 0;
    read += usize::from(matches!(numbers::parse_count(raw), Ok(Some(_))));
    read += usize::from(matches!(numbers::parse_rate(raw), Ok(Some(_))));
    read += usize::from(matches!(numbers::parse_decimal(raw), Ok(Some(_))));
    read += usize::from(matches!(numbers::read_count(raw), Ok(Some(_))));
    for currency in [&usd, &idr] {
        read += usize::from(matches!(money::parse_minor(raw, currency), Ok(Some(_))));
        for source in [CurrencySource::Column, CurrencySource::Default] {
            read += usize::from(matches!(money::parse_money(raw, currency, source), Ok(Some(_))));
        }
        read += usize::from(money::currency_in_cell(raw, currency).is_some());
    }
    read += usize::from(matches!(dates::date(raw), Ok(Some(_))));
    for order in [None, Some(DayMonthOrder::DayFirst), Some(DayMonthOrder::MonthFirst)] {
        read += usize::from(matches!(dates::date_time(raw, order), Ok(Some(_))));
    }
    read += usize::from(dates::order_evidence(raw).is_some());
    read += usize::from(dates::needs_order(raw));
    read += usize::from(crate::country::country_code(raw).is_some());
    read += usize::from(crate::country::parse_country_shares(raw).is_ok());
    read += usize::from(crate::country::parse_top_country(raw).is_some());
    read += usize::from(crate::values::text(raw).is_some());
    read += usize::from(crate::values::email(raw).0.is_some());
    let mut categories = Vec::new();
    crate::values::categories(raw, &mut categories);
    read + categories.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// Inputs the fuzzer once crashed on, kept so they never do again.
    #[test]
    fn the_fuzzers_old_crashes_read_without_panicking() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../scout-fuzz/regressions/cells");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("the regressions folder") {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("a regression input");
            read_cell(&String::from_utf8_lossy(&bytes));
            seen += 1;
        }
        assert!(seen > 0, "the regressions are there");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn any_text_reads_without_panicking(raw in "\\PC{0,40}") {
            read_cell(&raw);
        }

        #[test]
        fn number_like_text_reads_without_panicking(raw in "[-+$€Rp ]{0,2}[0-9.,' ]{0,24}[%KkMmBb]?[ :/APMapm0-9]{0,10}") {
            read_cell(&raw);
        }

        #[test]
        fn a_count_written_plainly_or_grouped_reads_back_exactly(n in any::<u64>()) {
            let plain = n.to_string();
            let grouped = plain.as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap_or_default())
                .collect::<Vec<_>>().join(",");
            prop_assert_eq!(numbers::parse_count(&plain), Ok(Some(n)));
            prop_assert_eq!(numbers::parse_count(&grouped), Ok(Some(n)), "{}", grouped);
        }

        #[test]
        fn a_percentage_reads_as_basis_points(bp in 0u32..=10_000) {
            let written = format!("{}.{:02}%", bp / 100, bp % 100);
            prop_assert_eq!(numbers::parse_rate(&written).map(|r| r.map(|b| b.0)), Ok(Some(bp)), "{}", written);
        }

        #[test]
        fn an_iso_date_and_time_reads_back(days in 0i64..80_000, seconds in 0u32..86_400) {
            let day = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assert_eq!(dates::date(&day.format("%Y-%m-%d").to_string()), Ok(Some(day)));
            let at = day.and_time(chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap());
            let written = at.format("%Y-%m-%d %H:%M:%S").to_string();
            prop_assert_eq!(dates::date_time(&written, None), Ok(Some(at)), "{}", written);
        }
    }
}
