use crate::{BasisPoints, CountryCode, DomainError, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The follower age bands TikTok Shop reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum AgeBand {
    #[serde(rename = "13-17")]
    Age13To17,
    #[serde(rename = "18-24")]
    Age18To24,
    #[serde(rename = "25-34")]
    Age25To34,
    #[serde(rename = "35-44")]
    Age35To44,
    #[serde(rename = "45-54")]
    Age45To54,
    #[serde(rename = "55+")]
    Age55Plus,
}

impl AgeBand {
    pub const ALL: [AgeBand; 6] = [
        AgeBand::Age13To17,
        AgeBand::Age18To24,
        AgeBand::Age25To34,
        AgeBand::Age35To44,
        AgeBand::Age45To54,
        AgeBand::Age55Plus,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Age13To17 => "13-17",
            AgeBand::Age18To24 => "18-24",
            AgeBand::Age25To34 => "25-34",
            AgeBand::Age35To44 => "35-44",
            AgeBand::Age45To54 => "45-54",
            AgeBand::Age55Plus => "55+",
        }
    }

    /// Reads "18-24", "18 – 24", "18_24", "55+", "55 plus".
    pub fn parse(s: &str) -> Result<AgeBand> {
        let digits: String = s.chars().map(|c| if c.is_ascii_digit() { c } else { ' ' }).collect();
        let mut nums = digits.split_whitespace();
        let band = match (nums.next(), nums.next()) {
            (Some("13"), Some("17")) => AgeBand::Age13To17,
            (Some("18"), Some("24")) => AgeBand::Age18To24,
            (Some("25"), Some("34")) => AgeBand::Age25To34,
            (Some("35"), Some("44")) => AgeBand::Age35To44,
            (Some("45"), Some("54")) => AgeBand::Age45To54,
            (Some("55"), None) => AgeBand::Age55Plus,
            _ => return Err(DomainError::UnknownAgeBand(s.to_string())),
        };
        Ok(band)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgeShare {
    pub band: AgeBand,
    pub share: BasisPoints,
}

/// Follower gender split; the three shares add up to 100 %.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GenderSplit {
    pub female: BasisPoints,
    pub male: BasisPoints,
    pub other: BasisPoints,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CountryShare {
    pub country: CountryCode,
    pub share: BasisPoints,
}

/// Who follows a creator. Every part is optional: sources often give only some of it, and what is missing
/// stays missing (it is never filled with averages).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AudienceMix {
    pub age: Vec<AgeShare>,
    pub gender: Option<GenderSplit>,
    /// The top countries, largest first; they may add up to less than 100 %.
    pub countries: Vec<CountryShare>,
    /// The country most of the audience is in, when a source names it without shares (third-party
    /// lists' "Audience country" column); `countries` is then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub top_country: Option<CountryCode>,
}

/// Rounding in sources leaves shares a little off 100 %; more than this is an error in the data.
const SUM_TOLERANCE_BP: u32 = 100;

impl AudienceMix {
    pub fn is_empty(&self) -> bool {
        self.age.is_empty()
            && self.gender.is_none()
            && self.countries.is_empty()
            && self.top_country.is_none()
    }

    /// Checks every share is at most 100 %, complete distributions (age, gender) add up to 100 % and the
    /// top countries to no more than 100 %, each give or take rounding.
    pub fn validate(&self) -> Result<()> {
        let shares = self
            .age
            .iter()
            .map(|a| ("age", a.share))
            .chain(self.countries.iter().map(|c| ("country", c.share)))
            .chain(
                self.gender
                    .iter()
                    .flat_map(|g| [("gender", g.female), ("gender", g.male), ("gender", g.other)]),
            );
        for (what, share) in shares {
            if share > BasisPoints::HUNDRED_PERCENT {
                return Err(DomainError::ShareAbove100 { what, value_bp: share.0 });
            }
        }
        if !self.age.is_empty() {
            check_sum("age", self.age.iter().map(|a| a.share.0).sum(), true)?;
        }
        if let Some(g) = &self.gender {
            check_sum("gender", g.female.0 + g.male.0 + g.other.0, true)?;
        }
        check_sum("country", self.countries.iter().map(|c| c.share.0).sum(), false)
    }
}

fn check_sum(what: &'static str, total_bp: u32, complete: bool) -> Result<()> {
    let too_high = total_bp > 10_000 + SUM_TOLERANCE_BP;
    let too_low = complete && total_bp + SUM_TOLERANCE_BP < 10_000;
    if too_high || too_low {
        Err(DomainError::SharesDoNotSum { what, total_bp })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bp(n: u32) -> BasisPoints {
        BasisPoints(n)
    }

    #[test]
    fn age_bands_parse_from_loose_spellings() {
        assert_eq!(AgeBand::parse("18-24").unwrap(), AgeBand::Age18To24);
        assert_eq!(AgeBand::parse("age_25_34").unwrap(), AgeBand::Age25To34);
        assert_eq!(AgeBand::parse("55+").unwrap(), AgeBand::Age55Plus);
        assert!(AgeBand::parse("20-30").is_err(), "bands TikTok does not report are refused");
    }

    #[test]
    fn gender_shares_must_add_up_to_100_percent() {
        let mut mix = AudienceMix {
            gender: Some(GenderSplit { female: bp(6100), male: bp(3800), other: bp(100) }),
            ..Default::default()
        };
        assert!(mix.validate().is_ok(), "61 + 38 + 1 = 100 %");
        mix.gender = Some(GenderSplit { female: bp(6100), male: bp(6000), other: bp(0) });
        assert_eq!(
            mix.validate(),
            Err(DomainError::SharesDoNotSum { what: "gender", total_bp: 12_100 }),
            "121 % is refused"
        );
    }

    #[test]
    fn top_countries_may_add_up_to_less_than_100_percent() {
        let us = CountryCode::parse("us").unwrap();
        let mix = AudienceMix {
            countries: vec![CountryShare { country: us, share: bp(4500) }],
            ..Default::default()
        };
        assert!(mix.validate().is_ok(), "45 % in the top country alone is a partial list, not an error");
    }
}
