//! The countries creators come from: TikTok Shop markets with how common each is, the language and
//! currency that go with it, where its creators' audiences also live, and how its people write names.

use crate::names::{self, NameStyle};

#[derive(Debug)]
pub struct Market {
    pub code: &'static str,
    /// How common the market is among creators (weights add up to 100).
    pub weight: u32,
    /// BCP 47 language tag.
    pub language: &'static str,
    pub currency: &'static str,
    /// Units of `currency` per US dollar (rounded, fixed: the generator needs no exchange rates).
    pub per_usd: f64,
    /// GMV is written in whole units (no one quotes rupiah or dong in cents).
    pub whole_units: bool,
    /// Countries where the rest of a creator's audience lives, most likely first.
    pub neighbours: &'static [&'static str],
    /// The range of the home country's share of the audience.
    pub home_share: (f64, f64),
    pub names: NameStyle,
    /// The share of bios written in the local language rather than English.
    pub native_bio_share: f64,
}

const fn latin(pool: &'static names::NamePool) -> NameStyle {
    NameStyle { native: pool, romanised: None, native_share: 1.0 }
}

pub const MARKETS: [Market; 16] = [
    Market {
        code: "US",
        weight: 28,
        language: "en",
        currency: "USD",
        per_usd: 1.0,
        whole_units: false,
        neighbours: &["CA", "GB", "MX", "PH", "AU"],
        home_share: (0.60, 0.90),
        names: latin(&names::ENGLISH),
        native_bio_share: 1.0,
    },
    Market {
        code: "ID",
        weight: 14,
        language: "id",
        currency: "IDR",
        per_usd: 15_800.0,
        whole_units: true,
        neighbours: &["MY", "SG", "US"],
        home_share: (0.75, 0.95),
        names: latin(&names::INDONESIAN),
        native_bio_share: 0.75,
    },
    Market {
        code: "TH",
        weight: 8,
        language: "th",
        currency: "THB",
        per_usd: 35.5,
        whole_units: false,
        neighbours: &["LA", "MY", "US"],
        home_share: (0.75, 0.95),
        names: NameStyle { native: &names::THAI, romanised: Some(&names::THAI_LATIN), native_share: 0.55 },
        native_bio_share: 0.75,
    },
    Market {
        code: "VN",
        weight: 8,
        language: "vi",
        currency: "VND",
        per_usd: 25_000.0,
        whole_units: true,
        neighbours: &["US", "KH", "AU"],
        home_share: (0.75, 0.95),
        names: latin(&names::VIETNAMESE),
        native_bio_share: 0.8,
    },
    Market {
        code: "GB",
        weight: 7,
        language: "en",
        currency: "GBP",
        per_usd: 0.79,
        whole_units: false,
        neighbours: &["US", "IE", "AU", "CA"],
        home_share: (0.50, 0.85),
        names: latin(&names::ENGLISH),
        native_bio_share: 1.0,
    },
    Market {
        code: "PH",
        weight: 7,
        language: "fil",
        currency: "PHP",
        per_usd: 57.0,
        whole_units: false,
        neighbours: &["US", "AE", "SA", "CA"],
        home_share: (0.60, 0.90),
        names: latin(&names::FILIPINO),
        native_bio_share: 0.45,
    },
    Market {
        code: "MY",
        weight: 6,
        language: "ms",
        currency: "MYR",
        per_usd: 4.6,
        whole_units: false,
        neighbours: &["SG", "ID", "BN"],
        home_share: (0.55, 0.85),
        names: latin(&names::MALAYSIAN),
        native_bio_share: 0.6,
    },
    Market {
        code: "MX",
        weight: 5,
        language: "es",
        currency: "MXN",
        per_usd: 18.5,
        whole_units: false,
        neighbours: &["US", "CO", "ES"],
        home_share: (0.55, 0.85),
        names: latin(&names::SPANISH),
        native_bio_share: 0.8,
    },
    Market {
        code: "BR",
        weight: 3,
        language: "pt",
        currency: "BRL",
        per_usd: 5.4,
        whole_units: false,
        neighbours: &["PT", "US", "AR"],
        home_share: (0.70, 0.92),
        names: latin(&names::PORTUGUESE),
        native_bio_share: 0.85,
    },
    Market {
        code: "ES",
        weight: 3,
        language: "es",
        currency: "EUR",
        per_usd: 0.92,
        whole_units: false,
        neighbours: &["MX", "AR", "CO"],
        home_share: (0.50, 0.80),
        names: latin(&names::SPANISH),
        native_bio_share: 0.8,
    },
    Market {
        code: "SG",
        weight: 2,
        language: "en",
        currency: "SGD",
        per_usd: 1.34,
        whole_units: false,
        neighbours: &["MY", "ID", "PH"],
        home_share: (0.42, 0.70),
        names: latin(&names::SINGAPOREAN),
        native_bio_share: 1.0,
    },
    Market {
        code: "DE",
        weight: 2,
        language: "de",
        currency: "EUR",
        per_usd: 0.92,
        whole_units: false,
        neighbours: &["AT", "CH", "NL"],
        home_share: (0.55, 0.85),
        names: latin(&names::GERMAN),
        native_bio_share: 0.7,
    },
    Market {
        code: "FR",
        weight: 2,
        language: "fr",
        currency: "EUR",
        per_usd: 0.92,
        whole_units: false,
        neighbours: &["BE", "CH", "CA"],
        home_share: (0.55, 0.85),
        names: latin(&names::FRENCH),
        native_bio_share: 0.75,
    },
    Market {
        code: "IT",
        weight: 2,
        language: "it",
        currency: "EUR",
        per_usd: 0.92,
        whole_units: false,
        neighbours: &["CH", "ES", "FR"],
        home_share: (0.60, 0.88),
        names: latin(&names::ITALIAN),
        native_bio_share: 0.75,
    },
    Market {
        code: "JP",
        weight: 2,
        language: "ja",
        currency: "JPY",
        per_usd: 150.0,
        whole_units: true,
        neighbours: &["US", "TW", "KR"],
        home_share: (0.75, 0.95),
        names: NameStyle {
            native: &names::JAPANESE,
            romanised: Some(&names::JAPANESE_LATIN),
            native_share: 0.7,
        },
        native_bio_share: 0.85,
    },
    Market {
        code: "SA",
        weight: 1,
        language: "ar",
        currency: "SAR",
        per_usd: 3.75,
        whole_units: false,
        neighbours: &["AE", "EG", "KW"],
        home_share: (0.50, 0.80),
        names: NameStyle {
            native: &names::ARABIC,
            romanised: Some(&names::ARABIC_LATIN),
            native_share: 0.65,
        },
        native_bio_share: 0.7,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::{CountryCode, Currency};

    #[test]
    fn every_market_is_well_formed() {
        assert_eq!(MARKETS.iter().map(|m| m.weight).sum::<u32>(), 100, "market weights are percentages");
        for m in &MARKETS {
            assert!(CountryCode::parse(m.code).is_ok(), "{} is an ISO country code", m.code);
            assert!(
                Currency::parse(m.currency).is_ok(),
                "{}: {} is an ISO currency code",
                m.code,
                m.currency
            );
            assert!(m.neighbours.len() >= 2, "{}: two other audience countries are needed", m.code);
            assert!(!m.neighbours.contains(&m.code), "{}: a neighbour is another country", m.code);
            assert!(m.home_share.0 < m.home_share.1 && m.home_share.1 < 1.0, "{}: home share range", m.code);
            assert!(m.home_share.0 >= 0.4, "{}: home stays the largest audience country", m.code);
        }
    }
}
