use crate::{DomainError, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// An ISO 4217 currency code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(export, type = "string")]
pub struct Currency(String);

/// Currencies whose minor unit is the major unit (no cents), per ISO 4217.
pub const ZERO_DECIMAL: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
    "XPF",
];
/// Currencies with three decimals (1 dinar = 1000 fils), per ISO 4217. Every other code has two.
pub const THREE_DECIMAL: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

impl Currency {
    pub fn parse(code: &str) -> Result<Currency> {
        let code = code.trim();
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(Currency(code.to_ascii_uppercase()))
        } else {
            Err(DomainError::InvalidCurrency(code.to_string()))
        }
    }

    pub fn usd() -> Currency {
        Currency("USD".to_string())
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// How many decimal places the minor unit has (ISO 4217: 2 for USD, 0 for JPY, 3 for KWD). The UI
    /// reads the same table (`currency-decimals.json`, written next to the TypeScript bindings).
    pub fn decimals(&self) -> u32 {
        if ZERO_DECIMAL.contains(&self.0.as_str()) {
            0
        } else if THREE_DECIMAL.contains(&self.0.as_str()) {
            3
        } else {
            2
        }
    }
}

impl TryFrom<String> for Currency {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Currency> {
        Currency::parse(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An amount of money in integer minor units of one currency. Amounts of different currencies are never
/// added together: there is deliberately no `Add` across currencies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Money {
    #[ts(type = "number")]
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Converts a decimal major-unit amount (as read from a file) into minor units, rounding half away
    /// from zero. `None` when the amount does not fit in an i64 of minor units.
    pub fn from_major(major: f64, currency: Currency) -> Option<Money> {
        let scaled = (major * 10f64.powi(currency.decimals() as i32)).round();
        if !scaled.is_finite() || scaled.abs() >= 9.0e18 {
            return None;
        }
        Some(Money { minor: scaled as i64, currency })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decimals = self.currency.decimals();
        if decimals == 0 {
            return write!(f, "{} {}", self.minor, self.currency);
        }
        let unit = 10i64.pow(decimals);
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:0width$} {}",
            abs / unit as u64,
            abs % unit as u64,
            self.currency,
            width = decimals as usize
        )
    }
}

#[cfg(test)]
mod tests {
    /// Writes the decimals table for the UI beside the ts-rs bindings (CI fails if it drifts), so money
    /// is shown with the same minor units it is stored in.
    #[test]
    fn exports_the_decimals_table_for_the_ui() {
        let Some(dir) = option_env!("TS_RS_EXPORT_DIR") else { return };
        let json = serde_json::json!({ "zero": ZERO_DECIMAL, "three": THREE_DECIMAL });
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
            .join("currency-decimals.json");
        std::fs::write(&path, format!("{}\n", serde_json::to_string_pretty(&json).unwrap())).unwrap();
        assert_eq!(Currency::parse("KWD").unwrap().decimals(), 3, "dinars have three decimals");
        assert_eq!(Currency::parse("IDR").unwrap().decimals(), 2, "ISO 4217 gives the rupiah two");
    }

    use super::*;

    #[test]
    fn parses_and_normalises_currency_codes() {
        assert_eq!(Currency::parse(" usd ").unwrap().code(), "USD");
        assert!(Currency::parse("US$").is_err(), "a symbol is not a code");
        assert!(Currency::parse("DOLLAR").is_err(), "codes are three letters");
    }

    #[test]
    fn converts_major_units_by_the_currency_exponent() {
        assert_eq!(
            Money::from_major(12.345, Currency::usd()).unwrap().minor,
            1235,
            "half rounds away from zero"
        );
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(Money::from_major(1500.0, jpy).unwrap().minor, 1500, "yen has no minor unit");
        assert!(Money::from_major(1e30, Currency::usd()).is_none(), "overflow is refused, not wrapped");
    }

    #[test]
    fn displays_minor_units_as_decimal() {
        assert_eq!(Money::new(123456, Currency::usd()).to_string(), "1234.56 USD");
        assert_eq!(Money::new(-5, Currency::usd()).to_string(), "-0.05 USD");
    }
}
