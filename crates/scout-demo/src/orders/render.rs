//! Writing one value the way an export in a given language does: amounts with a decimal point or comma,
//! prices with a currency symbol, percent rates, year-first or day-first times. Everything appends to a
//! reused `String`, so writing a million lines allocates nothing per cell.

use super::language::ExportLanguage;
use super::plan::whole_unit_step;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use scout_domain::Currency;
use std::fmt::Write;

/// How many decimals an amount is written with, and its value in those units: the currency's own
/// decimals, except that Indonesian exports write whole rupiah without any.
pub(crate) fn written_units(minor: i64, currency: &Currency, lang: ExportLanguage) -> (u32, i64) {
    let step = whole_unit_step(currency);
    if lang == ExportLanguage::Indonesian && step > 1 && minor % step == 0 {
        (0, minor / step)
    } else {
        (currency.decimals(), minor)
    }
}

/// A plain amount: `1234.56` in English, `1.234,56` otherwise.
pub(crate) fn amount(out: &mut String, minor: i64, currency: &Currency, lang: ExportLanguage) {
    number(out, minor, currency, lang, lang.continental());
}

/// The Price column: `$1,234.56` / `1.234,56 €` / `Rp 150.000`.
pub(crate) fn price(out: &mut String, minor: i64, currency: &Currency, lang: ExportLanguage) {
    let symbol = symbol(currency, lang);
    match lang {
        ExportLanguage::English => {
            out.push_str(symbol);
            number(out, minor, currency, lang, true);
        }
        ExportLanguage::Spanish => {
            number(out, minor, currency, lang, true);
            out.push(' ');
            out.push_str(symbol);
        }
        ExportLanguage::Indonesian => {
            out.push_str(symbol);
            out.push(' ');
            number(out, minor, currency, lang, true);
        }
    }
}

fn symbol(currency: &Currency, lang: ExportLanguage) -> &str {
    match currency.code() {
        "USD" if lang == ExportLanguage::English => "$",
        "USD" => "US$",
        "GBP" => "£",
        "EUR" => "€",
        "JPY" => "¥",
        "IDR" => "Rp",
        "MXN" => "MX$",
        other => other,
    }
}

fn number(out: &mut String, minor: i64, currency: &Currency, lang: ExportLanguage, grouped: bool) {
    let (decimals, value) = written_units(minor, currency, lang);
    let (point, group) = if lang.continental() { (',', '.') } else { ('.', ',') };
    if value < 0 {
        out.push('-');
    }
    let abs = value.unsigned_abs();
    let unit = 10u64.pow(decimals);
    let whole = abs / unit;
    if grouped {
        grouped_integer(out, whole, group);
    } else {
        let _ = write!(out, "{whole}");
    }
    if decimals > 0 {
        out.push(point);
        let _ = write!(out, "{:0width$}", abs % unit, width = decimals as usize);
    }
}

fn grouped_integer(out: &mut String, n: u64, group: char) {
    if n >= 1_000 {
        grouped_integer(out, n / 1_000, group);
        out.push(group);
        let _ = write!(out, "{:03}", n % 1_000);
    } else {
        let _ = write!(out, "{n}");
    }
}

/// `15%`, `12.5%` (`12,5%` with a decimal comma).
pub(crate) fn rate(out: &mut String, bp: u32, lang: ExportLanguage) {
    let point = if lang.continental() { ',' } else { '.' };
    let (whole, hundredths) = (bp / 100, bp % 100);
    let _ = match hundredths {
        0 => write!(out, "{whole}%"),
        h if h % 10 == 0 => write!(out, "{whole}{point}{}%", h / 10),
        h => write!(out, "{whole}{point}{h:02}%"),
    };
}

/// `2026/10/03 14:05:22` in English, `03/10/2026 14:05:22` otherwise.
pub(crate) fn time(out: &mut String, t: NaiveDateTime, lang: ExportLanguage) {
    date(out, t.date(), lang);
    let _ = write!(out, " {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
}

/// `2026/10/03` in English, `03/10/2026` otherwise.
pub(crate) fn date(out: &mut String, d: NaiveDate, lang: ExportLanguage) {
    let _ = if lang.continental() {
        write!(out, "{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
    } else {
        write!(out, "{:04}/{:02}/{:02}", d.year(), d.month(), d.day())
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use ExportLanguage::{English, Indonesian, Spanish};

    fn with(f: impl FnOnce(&mut String)) -> String {
        let mut s = String::new();
        f(&mut s);
        s
    }

    #[test]
    fn amounts_follow_each_languages_conventions() {
        let usd = Currency::usd();
        let idr = Currency::parse("IDR").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(with(|s| amount(s, 123_456, &usd, English)), "1234.56", "plain English amount");
        assert_eq!(with(|s| amount(s, 123_456, &usd, Spanish)), "1.234,56", "decimal comma");
        assert_eq!(with(|s| amount(s, 15_000_000, &idr, Indonesian)), "150.000", "whole rupiah");
        assert_eq!(with(|s| amount(s, 15_000_050, &idr, Indonesian)), "150.000,50", "a fraction is kept");
        assert_eq!(with(|s| amount(s, 15_000_000, &idr, English)), "150000.00", "ISO's two decimals");
        assert_eq!(with(|s| price(s, 123_456, &usd, English)), "$1,234.56");
        assert_eq!(with(|s| price(s, 1_250, &Currency::parse("GBP").unwrap(), English)), "£12.50");
        assert_eq!(with(|s| price(s, 1_980, &jpy, English)), "¥1,980", "yen has no decimals");
        assert_eq!(with(|s| price(s, 2_999, &Currency::parse("EUR").unwrap(), Spanish)), "29,99 €");
        assert_eq!(with(|s| price(s, 15_000_000, &idr, Indonesian)), "Rp 150.000");
        assert_eq!(with(|s| amount(s, 5, &usd, English)), "0.05");
    }

    #[test]
    fn rates_and_times() {
        assert_eq!(with(|s| rate(s, 1_500, English)), "15%");
        assert_eq!(with(|s| rate(s, 1_250, Spanish)), "12,5%");
        assert_eq!(with(|s| rate(s, 1_255, English)), "12.55%");
        let t = NaiveDate::from_ymd_opt(2026, 10, 3).unwrap().and_hms_opt(14, 5, 22).unwrap();
        assert_eq!(with(|s| time(s, t, English)), "2026/10/03 14:05:22");
        assert_eq!(with(|s| time(s, t, Indonesian)), "03/10/2026 14:05:22");
    }
}
