//! The long numeric ids exports carry (orders, products, SKUs, videos, collaborations): 18-digit
//! decimal strings, drawn from keys so they look random, never starting with 0.
//!
//! Order ids are unique within a run by construction: the high digits are the second the order was
//! created (modulo about 15.8 years), the low nine digits a bijection (keyed by run and day) of the
//! order's number within its day, and no two orders of one second share a day number.

use crate::draw::mix64;
use chrono::{Datelike, NaiveDateTime};

/// The smallest 18-digit number.
const EIGHTEEN_DIGITS: u64 = 100_000_000_000_000_000;
const LOW: u64 = 1_000_000_000;
/// Seconds kept of the creation time: 5·10⁸ s, so the id stays below 10¹⁸.
const SECONDS_WRAP: i64 = 500_000_000;
/// 3¹⁸: coprime with 10⁹, so `seq · A + key (mod 10⁹)` is a bijection on order numbers.
const SEQ_MULTIPLIER: u64 = 387_420_489;
/// 2020-01-01T00:00:00Z.
const EPOCH_2020: i64 = 1_577_836_800;

/// The id of the `seq`-th order of its day, created at `created`, in a run keyed by `key`.
pub(crate) fn order_id(key: u64, created: NaiveDateTime, seq: u32) -> String {
    let seconds = (created.and_utc().timestamp() - EPOCH_2020).rem_euclid(SECONDS_WRAP) as u64;
    // A fresh offset every day, so the first orders of two days do not end alike.
    let offset = mix64(key ^ created.date().num_days_from_ce() as u64) % LOW;
    let low = (u64::from(seq) * SEQ_MULTIPLIER + offset) % LOW;
    (5 * EIGHTEEN_DIGITS + seconds * LOW + low).to_string()
}

/// An 18-digit id whose first two digits are `prefix` (10–99), the rest drawn from `key`.
pub(crate) fn prefixed_id(prefix: u64, key: u64) -> String {
    const REST: u64 = EIGHTEEN_DIGITS / 10;
    (prefix * REST + mix64(key) % REST).to_string()
}

/// A stable 64-bit key of a text (FNV-1a), for ids derived from ids the caller chose.
pub(crate) fn text_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

pub(crate) const PRODUCT_PREFIX: u64 = 17;
pub(crate) const SKU_PREFIX: u64 = 18;
pub(crate) const TARGET_PREFIX: u64 = 69;
pub(crate) const VIDEO_PREFIX: u64 = 73;
pub(crate) const LIVE_PREFIX: u64 = 75;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::collections::HashSet;

    #[test]
    fn order_ids_are_eighteen_digits_and_unique_within_a_second() {
        let at = NaiveDate::from_ymd_opt(2026, 10, 3).unwrap().and_hms_opt(14, 5, 22).unwrap();
        let ids: HashSet<String> = (0..50_000).map(|seq| order_id(42, at, seq)).collect();
        assert_eq!(ids.len(), 50_000, "50,000 orders in one second get 50,000 ids");
        assert!(ids.iter().all(|id| id.len() == 18 && id.bytes().all(|b| b.is_ascii_digit())));
        let old = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
        assert_eq!(order_id(1, old, 7).len(), 18, "dates before 2020 still give 18 digits");
    }

    #[test]
    fn prefixed_ids_keep_their_prefix_and_length() {
        for key in [0, 1, u64::MAX] {
            let id = prefixed_id(VIDEO_PREFIX, key);
            assert_eq!(id.len(), 18, "{id} has 18 digits");
            assert!(id.starts_with("73"), "{id} starts with its prefix");
        }
    }
}
