//! Countries as sellers write them — "US", "USA", "United States", "UK", "Türkiye" — into ISO 3166-1
//! alpha-2 codes (the `celes` tables), and audience country lists such as "US:45%; GB:12%" or
//! "United States 45%, UK 12%".

use crate::numbers::parse_rate;
use scout_domain::{CountryCode, CountryShare};
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// Everyday names the ISO tables lack (their alpha-2 code on the right).
const EXTRA_NAMES: &[(&str, &str)] = &[
    ("uk", "GB"),
    ("britain", "GB"),
    ("korea", "KR"),
    ("uae", "AE"),
    ("emirates", "AE"),
    ("ksa", "SA"),
    ("czechrep", "CZ"),
    ("drc", "CD"),
    ("drcongo", "CD"),
    ("hongkongsar", "HK"),
    ("macaosar", "MO"),
    ("mainlandchina", "CN"),
    ("prc", "CN"),
    ("brasil", "BR"),
    ("espana", "ES"),
    ("deutschland", "DE"),
    ("turkiye", "TR"),
];

/// The alpha-2 code of a country written as a code (alpha-2, alpha-3) or an English name.
pub(crate) fn country_code(raw: &str) -> Option<CountryCode> {
    let key: String = raw
        .trim()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    if key.is_empty() || key.chars().all(|c| c.is_ascii_digit()) {
        return None; // numeric codes are not how sellers write countries; "45" is a share
    }
    let key = key.strip_prefix("the").filter(|k| k.len() > 3).unwrap_or(&key);
    let alpha2 = match EXTRA_NAMES.iter().find(|(name, _)| *name == key) {
        Some((_, code)) => (*code).to_string(),
        None => celes::Country::from_str(key)
            .or_else(|_| celes::Country::from_alias(key))
            .ok()?
            .alpha2
            .to_string(),
    };
    CountryCode::parse(&alpha2).ok()
}

/// Reads an audience country list into shares, largest first. Errors are reasons, without the column.
pub(crate) fn parse_country_shares(raw: &str) -> Result<Vec<CountryShare>, String> {
    let mut shares = Vec::new();
    for entry in split_entries(raw) {
        let (name, share) = split_share(entry);
        let country = country_code(name).ok_or_else(|| format!("'{name}' is not a country I know"))?;
        let share = match share.map(parse_rate) {
            Some(Ok(Some(bp))) => bp,
            Some(Err(e)) => return Err(format!("share of {} {e}", country.as_str())),
            None | Some(Ok(None)) => {
                return Err(format!("'{entry}' gives no share (expected e.g. 'US:45%')"))
            }
        };
        shares.push(CountryShare { country, share });
    }
    shares.sort_by_key(|s| std::cmp::Reverse(s.share));
    Ok(shares)
}

/// A country column without shares ("India", "US, GB"): the first country named, as the top audience
/// country, and whether more were named (their order says nothing about their size, so they are
/// dropped). `None` when any entry has a share or is not a country.
pub(crate) fn parse_top_country(raw: &str) -> Option<(CountryCode, bool)> {
    let entries = split_entries(raw);
    let mut countries = Vec::new();
    for entry in &entries {
        let (name, share) = split_share(entry);
        if share.is_some() {
            return None;
        }
        countries.push(country_code(name)?);
    }
    let more = countries.len() > 1;
    countries.into_iter().next().map(|c| (c, more))
}

/// Splits on ';', '|', line breaks, and on ',' where a new name follows (a ',' between digits is a
/// decimal comma: "US 45,5%").
fn split_entries(raw: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        let next_is_digit = raw[i + c.len_utf8()..].trim_start().starts_with(|n: char| n.is_ascii_digit());
        if matches!(c, ';' | '|' | '\n' | '\r') || (c == ',' && !next_is_digit) {
            entries.push(&raw[start..i]);
            start = i + c.len_utf8();
        }
    }
    entries.push(&raw[start..]);
    entries.into_iter().map(str::trim).filter(|e| !e.is_empty()).collect()
}

/// "US:45%" → ("US", Some("45%")); "United States (45 %)" → ("United States", Some("45 %")).
fn split_share(entry: &str) -> (&str, Option<&str>) {
    let body = entry.trim_end_matches(')').trim_end();
    let number_start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' '))
        .last()
        .map(|(i, _)| i);
    match number_start {
        Some(i) if body[i..].trim().starts_with(|c: char| c.is_ascii_digit() || c == '.') => {
            let name = body[..i].trim_end_matches([':', '=', '(', '-', ' ', '\t']);
            (name.trim(), Some(body[i..].trim()))
        }
        _ => (entry.trim(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Option<String> {
        country_code(s).map(|c| c.as_str().to_string())
    }

    #[test]
    fn reads_codes_and_english_names() {
        let cases = [
            ("US", "US"),
            ("us", "US"),
            ("USA", "US"),
            ("United States", "US"),
            ("United States of America", "US"),
            ("UK", "GB"),
            ("GB", "GB"),
            ("United Kingdom", "GB"),
            ("England", "GB"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Vietnam", "VN"),
            ("South Korea", "KR"),
            ("Korea", "KR"),
            ("Czechia", "CZ"),
            ("Hong Kong", "HK"),
            ("Indonesia", "ID"),
            ("IDN", "ID"),
            ("Philippines", "PH"),
            ("the Netherlands", "NL"),
            ("Mexico", "MX"),
            ("México", "MX"),
            ("Brasil", "BR"),
            ("Bolivia", "BO"),
            ("UAE", "AE"),
            ("Russia", "RU"),
            ("Saudi Arabia", "SA"),
            ("Côte d'Ivoire", "CI"),
            ("Ivory Coast", "CI"),
            ("Taiwan", "TW"),
        ];
        for (raw, want) in cases {
            assert_eq!(code(raw).as_deref(), Some(want), "'{raw}' should be {want}");
        }
        for raw in ["Atlantis", "EU", "Global", "", "840", "XX"] {
            assert_eq!(code(raw), None, "'{raw}' is not a country");
        }
    }

    #[test]
    fn reads_audience_country_lists() {
        let got = parse_country_shares("US:45%; GB:12%").unwrap();
        let want: Vec<(String, u32)> = vec![("US".into(), 4500), ("GB".into(), 1200)];
        let pairs = |v: &[CountryShare]| {
            v.iter().map(|s| (s.country.as_str().to_string(), s.share.0)).collect::<Vec<_>>()
        };
        assert_eq!(pairs(&got), want, "code:percent pairs");
        let got = parse_country_shares("UK 12%, United States 45%").unwrap();
        assert_eq!(pairs(&got), want, "names with spaces, sorted largest first");
        let got = parse_country_shares("US 45,5% | MX (0.2)").unwrap();
        assert_eq!(pairs(&got), vec![("US".into(), 4550), ("MX".into(), 2000)], "decimal comma, fraction");
        assert!(parse_country_shares("US, GB").unwrap_err().contains("no share"), "shares are needed");
        assert!(
            parse_country_shares("Atlantis 40%").unwrap_err().contains("Atlantis"),
            "unknown country named"
        );
    }
}
