//! Reference exchange rates, so GMV recorded in different currencies can be compared on one scale.
//! These are fixed, dated reference rates (approximate mid-market, 2026-11-01), not live quotes: they
//! only need to tell a $50 creator from a $50,000 one. Evidence that uses them says "≈ US$" and names
//! the date; GMV in a currency not listed here is treated as unknown rather than guessed.

use scout_domain::Money;

pub const REFERENCE_DATE: &str = "2026-11-01";

/// US dollars per one major unit of each currency.
const USD_PER_UNIT: [(&str, f64); 16] = [
    ("USD", 1.0),
    ("GBP", 1.27),
    ("EUR", 1.08),
    ("CAD", 0.72),
    ("AUD", 0.65),
    ("SGD", 0.74),
    ("MYR", 0.22),
    ("THB", 0.029),
    ("PHP", 0.017),
    ("IDR", 0.000_062),
    ("VND", 0.000_039),
    ("MXN", 0.052),
    ("BRL", 0.18),
    ("JPY", 0.0066),
    ("SAR", 0.27),
    ("AED", 0.27),
];

/// The currencies with a reference rate, in the order shown to sellers.
pub fn currencies() -> impl Iterator<Item = &'static str> {
    USD_PER_UNIT.iter().map(|(code, _)| *code)
}

/// The amount in US dollars at the reference rate; `None` for a currency without one.
pub fn to_usd(money: &Money) -> Option<f64> {
    let rate = USD_PER_UNIT.iter().find(|(code, _)| *code == money.currency.code())?.1;
    let major = money.minor as f64 / 10f64.powi(money.currency.decimals() as i32);
    Some(major * rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::Currency;

    #[test]
    fn converts_minor_units_with_each_currencys_decimals() {
        let usd = to_usd(&Money::new(123_456, Currency::usd())).unwrap();
        assert!((usd - 1234.56).abs() < 1e-9, "USD cents: {usd}");
        let vnd = to_usd(&Money::new(25_641_026, Currency::parse("VND").unwrap())).unwrap();
        assert!((vnd - 1000.0).abs() < 1.0, "VND has no minor unit: {vnd}");
        assert_eq!(
            to_usd(&Money::new(1, Currency::parse("XYZ").unwrap())),
            None,
            "unknown currency stays unknown"
        );
    }
}
