//! Amounts of money in a cell: which currency a symbol or code means, and how it meets the row's currency
//! (the row's Currency column, or the import's default when the file has none).

use crate::numbers::{minor_units, read, read_decimal, NumberError};
use scout_domain::{Currency, DomainError, Money};
use thiserror::Error;

/// Why a cell is not an amount of money. The message quotes the cell; the caller adds the column.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum MoneyError {
    #[error(transparent)]
    Number(#[from] NumberError),
    #[error(transparent)]
    Currency(#[from] DomainError),
    #[error("'{shown}' is in {named} but the row's currency column says {row}")]
    Conflict { shown: String, named: Currency, row: Currency },
    #[error("'{shown}' is in '{mark}', which may be {options}; the row's currency is {row}")]
    Ambiguous { shown: String, mark: String, options: String, row: Currency },
    #[error("'{shown}' is in {named}, not in the row's currency {row}")]
    Mismatch { shown: String, named: String, row: Currency },
}

/// What a currency mark in a cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// One currency: "US$", "€", "£", "₩", "USD".
    Exactly(&'static str),
    /// One of several: "$" is a dollar of some country, "¥" yen or yuan, "kr" a Nordic krona/krone.
    OneOf(&'static [&'static str]),
    /// A three-letter code as written ("USD", "EUR").
    Code,
}

const DOLLARS: &[&str] = &["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"];
const YEN_OR_YUAN: &[&str] = &["JPY", "CNY"];
const KRONA: &[&str] = &["SEK", "NOK", "DKK", "ISK"];

/// Symbols sellers write, each with what it means.
const SYMBOLS: &[(&str, Marker)] = &[
    ("$", Marker::OneOf(DOLLARS)),
    ("US$", Marker::Exactly("USD")),
    ("U$S", Marker::Exactly("USD")),
    ("C$", Marker::Exactly("CAD")),
    ("CA$", Marker::Exactly("CAD")),
    ("A$", Marker::Exactly("AUD")),
    ("AU$", Marker::Exactly("AUD")),
    ("NZ$", Marker::Exactly("NZD")),
    ("S$", Marker::Exactly("SGD")),
    ("SG$", Marker::Exactly("SGD")),
    ("HK$", Marker::Exactly("HKD")),
    ("NT$", Marker::Exactly("TWD")),
    ("MX$", Marker::Exactly("MXN")),
    ("R$", Marker::Exactly("BRL")),
    ("€", Marker::Exactly("EUR")),
    ("£", Marker::Exactly("GBP")),
    ("¥", Marker::OneOf(YEN_OR_YUAN)),
    ("￥", Marker::OneOf(YEN_OR_YUAN)),
    ("円", Marker::Exactly("JPY")),
    ("元", Marker::Exactly("CNY")),
    ("CN¥", Marker::Exactly("CNY")),
    ("RMB", Marker::Exactly("CNY")),
    ("₩", Marker::Exactly("KRW")),
    ("₹", Marker::Exactly("INR")),
    ("₫", Marker::Exactly("VND")),
    ("฿", Marker::Exactly("THB")),
    ("₱", Marker::Exactly("PHP")),
    ("RM", Marker::Exactly("MYR")),
    ("Rp", Marker::Exactly("IDR")),
    ("₺", Marker::Exactly("TRY")),
    ("₽", Marker::Exactly("RUB")),
    ("₪", Marker::Exactly("ILS")),
    ("zł", Marker::Exactly("PLN")),
    ("kr", Marker::OneOf(KRONA)),
];

/// The currency a mark names, if it is one: a symbol above or a three-letter upper-case code.
pub(crate) fn recognize(mark: &str) -> Option<Marker> {
    let mark = mark.trim();
    if let Some((_, m)) = SYMBOLS.iter().find(|(s, _)| s.eq_ignore_ascii_case(mark)) {
        return Some(*m);
    }
    let is_code = mark.len() == 3 && mark.chars().all(|c| c.is_ascii_uppercase());
    is_code.then_some(Marker::Code)
}

/// The currency a Currency cell names: a code, a symbol that names one currency, or a symbol that may
/// name several ("$") when `default` is one of them. `None` when it names none.
pub(crate) fn currency_in_cell(raw: &str, default: &Currency) -> Option<Currency> {
    if let Ok(c) = Currency::parse(raw) {
        return Some(c);
    }
    match recognize(raw) {
        Some(Marker::Exactly(code)) => Currency::parse(code).ok(),
        Some(Marker::OneOf(options)) if options.contains(&default.code()) => Some(default.clone()),
        _ => None,
    }
}

/// The currency an amount's own mark names, when it names exactly one ("£12", "12 EUR", "Rp 150.000").
pub(crate) fn marked_currency(raw: &str) -> Option<Currency> {
    let mark = read(raw).ok()??.currency?;
    match recognize(&mark)? {
        Marker::Exactly(code) => Currency::parse(code).ok(),
        Marker::Code => Currency::parse(&mark).ok(),
        Marker::OneOf(_) => None,
    }
}

/// An amount in integer minor units of `currency`, from the exact digits written (see
/// [`crate::numbers::minor_units`]); `Ok(None)` for a blank cell. A mark that cannot mean `currency` is
/// an error, whichever way the currency was decided.
pub(crate) fn parse_minor(raw: &str, currency: &Currency) -> Result<Option<i64>, MoneyError> {
    let Some(w) = read(raw)? else { return Ok(None) };
    let shown = raw.trim();
    if w.percent {
        return Err(NumberError::Percent(shown.to_string()).into());
    }
    if let Some(mark) = w.currency.as_deref() {
        let named = match recognize(mark) {
            Some(Marker::Exactly(code)) => (code != currency.code()).then(|| code.to_string()),
            Some(Marker::Code) => (mark != currency.code()).then(|| mark.to_string()),
            Some(Marker::OneOf(options)) => {
                (!options.contains(&currency.code())).then(|| format!("'{mark}' ({})", options.join(" or ")))
            }
            None => Some(format!("'{mark}'")),
        };
        if let Some(named) = named {
            return Err(MoneyError::Mismatch { shown: shown.to_string(), named, row: currency.clone() });
        }
    }
    minor_units(&w, currency.decimals())
        .map(Some)
        .ok_or_else(|| NumberError::TooLarge(shown.to_string()).into())
}

/// Where the row's currency came from: a Currency column in the file is a fact about the row; the
/// import's default is only an assumption, so a mark in the cell overrides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CurrencySource {
    Column,
    Default,
}

/// Reads an amount in major units; `Ok(None)` for a blank cell. The error is the reason, without the
/// column name.
pub(crate) fn parse_money(
    raw: &str,
    row: &Currency,
    source: CurrencySource,
) -> Result<Option<Money>, MoneyError> {
    let Some((value, mark)) = read_decimal(raw)? else { return Ok(None) };
    let shown = raw.trim();
    let currency = match mark.as_deref().map(|m| (m, recognize(m))) {
        None => row.clone(),
        Some((code, Some(Marker::Code))) | Some((_, Some(Marker::Exactly(code)))) => {
            resolve_exact(shown, Currency::parse(code)?, row, source)?
        }
        Some((m, Some(Marker::OneOf(options)))) => {
            if options.contains(&row.code()) {
                row.clone()
            } else {
                return Err(MoneyError::Ambiguous {
                    shown: shown.to_string(),
                    mark: m.to_string(),
                    options: options.join(" or "),
                    row: row.clone(),
                });
            }
        }
        Some((_, None)) => return Err(NumberError::NotANumber(shown.to_string()).into()),
    };
    Money::from_major(value, currency)
        .map(Some)
        .ok_or_else(|| NumberError::TooLarge(shown.to_string()).into())
}

fn resolve_exact(
    shown: &str,
    named: Currency,
    row: &Currency,
    source: CurrencySource,
) -> Result<Currency, MoneyError> {
    if named != *row && source == CurrencySource::Column {
        return Err(MoneyError::Conflict { shown: shown.to_string(), named, row: row.clone() });
    }
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::usd()
    }

    fn money(raw: &str, row: &Currency, source: CurrencySource) -> Money {
        parse_money(raw, row, source)
            .unwrap_or_else(|e| panic!("'{raw}' should be money: {e}"))
            .unwrap_or_else(|| panic!("'{raw}' should not be blank"))
    }

    #[test]
    fn plain_amounts_take_the_row_currency() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(money("1,234.56", &usd(), CurrencySource::Default), Money::new(123_456, usd()), "dollars");
        assert_eq!(
            money("12,50", &eur, CurrencySource::Column),
            Money::new(1250, eur),
            "euro, decimal comma"
        );
        assert_eq!(parse_money("", &usd(), CurrencySource::Default), Ok(None), "blank is no amount");
    }

    #[test]
    fn symbols_name_their_currency_when_unambiguous() {
        let gbp = Currency::parse("GBP").unwrap();
        assert_eq!(
            money("£12", &usd(), CurrencySource::Default),
            Money::new(1200, gbp),
            "£ overrides a default"
        );
        assert_eq!(
            money("$5", &usd(), CurrencySource::Default).currency,
            usd(),
            "$ with a dollar row is fine"
        );
        assert_eq!(money("US$ 12", &usd(), CurrencySource::Column).minor, 1200, "US$ is USD");
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(
            money("¥1500", &jpy, CurrencySource::Column),
            Money::new(1500, jpy),
            "¥ in a yen row is yen"
        );
        assert_eq!(
            money("1.2M USD", &usd(), CurrencySource::Default).minor,
            120_000_000,
            "a code after K/M/B"
        );
    }

    #[test]
    fn exact_minor_units_for_the_results_import() {
        let jpy = Currency::parse("JPY").unwrap();
        let idr = Currency::parse("IDR").unwrap();
        let minor = |raw: &str, c: &Currency| parse_minor(raw, c).unwrap_or_else(|e| panic!("'{raw}': {e}"));
        assert_eq!(minor("$1,234.56", &usd()), Some(123_456), "dollars and cents");
        assert_eq!(minor("1.234,56", &usd()), Some(123_456), "decimal comma");
        assert_eq!(minor("2.6750", &usd()), Some(268), "exact digits: half rounds away from zero");
        assert_eq!(minor("-2.6750", &usd()), Some(-268), "away from zero below zero too");
        assert_eq!(minor("1.234", &usd()), Some(123_400), "a lone dot before three digits groups thousands");
        assert_eq!(minor("Rp 150.000", &idr), Some(15_000_000), "rupiah: 150 000 with two ISO decimals");
        assert_eq!(minor("Rp 1.500.000", &idr), Some(150_000_000), "rupiah millions");
        assert_eq!(minor("¥1,500", &jpy), Some(1_500), "yen have no minor unit");
        assert_eq!(minor("1500.5", &jpy), Some(1_501), "half a yen rounds up");
        assert_eq!(minor("12 USD", &usd()), Some(1_200), "a code that agrees");
        assert_eq!(minor("", &usd()), None, "blank");
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(minor("1.234", &kwd), Some(1_234), "three-decimal currencies keep the decimal");
        let err = parse_minor("€12", &usd()).unwrap_err().to_string();
        assert!(err.contains("EUR") && err.contains("USD"), "a mark of another currency is refused: {err}");
        let err = parse_minor("$12", &idr).unwrap_err().to_string();
        assert!(err.contains("IDR") && err.contains("'$'"), "a dollar cannot be a rupiah: {err}");
        assert!(parse_minor("15%", &usd()).is_err(), "a percentage is no amount");
        assert_eq!(marked_currency("Rp 150.000"), Some(idr.clone()), "Rp names the rupiah");
        assert_eq!(marked_currency("$12"), None, "$ names several currencies");
        assert_eq!(currency_in_cell("Rp", &usd()), Some(idr), "a symbol in a Currency cell");
        assert_eq!(currency_in_cell("$", &usd()), Some(usd()), "$ when the default is a dollar");
        assert_eq!(currency_in_cell("dollars", &usd()), None, "not a currency");
    }

    #[test]
    fn contradictions_and_ambiguity_are_reported() {
        let eur = Currency::parse("EUR").unwrap();
        let err = parse_money("£12", &eur, CurrencySource::Column).unwrap_err().to_string();
        assert!(err.contains("GBP") && err.contains("EUR"), "a clash names both currencies: {err}");
        let err = parse_money("¥12", &usd(), CurrencySource::Default).unwrap_err().to_string();
        assert!(err.contains("JPY or CNY"), "¥ outside a yen/yuan row is ambiguous: {err}");
        assert!(parse_money("12 bananas", &usd(), CurrencySource::Default).is_err(), "not money");
    }
}
