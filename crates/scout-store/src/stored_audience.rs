//! How a creator's audience mix is stored in `creators.audience`: compact JSON, under half the size of the
//! domain type's JSON (which spells out every field name), because it is the largest part of a creator
//! row and every byte is written on a million-row import. Rows written before this form existed hold the
//! domain type's JSON; both read back to the same `AudienceMix`.
//!
//! `{"a":[["18-24",3692],…],"g":[female,male,other],"c":[["US",7629],…],"t":"US"}`, shares in basis
//! points, order kept, an absent part left out (`t`, the top audience country named without shares).

use scout_domain::{AgeBand, AgeShare, AudienceMix, BasisPoints, CountryCode, CountryShare, GenderSplit};
use serde::{Deserialize, Deserializer, Serialize};

/// An `AudienceMix` that serializes to (and reads from) the stored form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredAudience(pub AudienceMix);

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Compact {
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    age: Vec<(AgeBand, BasisPoints)>,
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    gender: Option<(BasisPoints, BasisPoints, BasisPoints)>,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    countries: Vec<(CountryCode, BasisPoints)>,
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    top_country: Option<CountryCode>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum AnyForm {
    Compact(Compact),
    Domain(AudienceMix),
}

impl StoredAudience {
    pub(crate) fn to_json(mix: &AudienceMix) -> String {
        let compact = Compact {
            age: mix.age.iter().map(|a| (a.band, a.share)).collect(),
            gender: mix.gender.as_ref().map(|g| (g.female, g.male, g.other)),
            countries: mix.countries.iter().map(|c| (c.country.clone(), c.share)).collect(),
            top_country: mix.top_country.clone(),
        };
        serde_json::to_string(&compact).unwrap_or_default()
    }
}

impl<'de> Deserialize<'de> for StoredAudience {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(StoredAudience(match AnyForm::deserialize(deserializer)? {
            AnyForm::Domain(mix) => mix,
            AnyForm::Compact(c) => AudienceMix {
                age: c.age.into_iter().map(|(band, share)| AgeShare { band, share }).collect(),
                gender: c.gender.map(|(female, male, other)| GenderSplit { female, male, other }),
                countries: c
                    .countries
                    .into_iter()
                    .map(|(country, share)| CountryShare { country, share })
                    .collect(),
                top_country: c.top_country,
            },
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mix() -> AudienceMix {
        AudienceMix {
            age: vec![
                AgeShare { band: AgeBand::Age25To34, share: BasisPoints(3_237) },
                AgeShare { band: AgeBand::Age18To24, share: BasisPoints(3_692) },
            ],
            gender: Some(GenderSplit {
                female: BasisPoints(9_125),
                male: BasisPoints(875),
                other: BasisPoints(0),
            }),
            countries: vec![CountryShare {
                country: CountryCode::parse("US").unwrap(),
                share: BasisPoints(7_629),
            }],
            top_country: None,
        }
    }

    fn read(json: &str) -> AudienceMix {
        serde_json::from_str::<StoredAudience>(json).unwrap().0
    }

    #[test]
    fn the_stored_form_is_compact_and_reads_back_the_same_in_the_same_order() {
        let json = StoredAudience::to_json(&mix());
        assert_eq!(json, r#"{"a":[["25-34",3237],["18-24",3692]],"g":[9125,875,0],"c":[["US",7629]]}"#);
        assert_eq!(read(&json), mix());
        assert!(json.len() * 2 < serde_json::to_string(&mix()).unwrap().len(), "under half the domain JSON");
    }

    #[test]
    fn absent_parts_are_left_out_and_stay_absent() {
        let only_gender = AudienceMix { age: vec![], countries: vec![], ..mix() };
        let top =
            AudienceMix { top_country: Some(CountryCode::parse("GB").unwrap()), ..AudienceMix::default() };
        assert_eq!(StoredAudience::to_json(&top), r#"{"t":"GB"}"#, "a top country alone");
        assert_eq!(read(&StoredAudience::to_json(&top)), top, "and it reads back");
        let json = StoredAudience::to_json(&only_gender);
        assert_eq!(json, r#"{"g":[9125,875,0]}"#);
        assert_eq!(read(&json), only_gender);
        assert_eq!(read(&StoredAudience::to_json(&AudienceMix::default())), AudienceMix::default());
    }

    #[test]
    fn rows_written_in_the_domain_form_still_read() {
        assert_eq!(read(&serde_json::to_string(&mix()).unwrap()), mix());
    }

    #[test]
    fn a_damaged_value_is_an_error_not_an_empty_audience() {
        for bad in [r#"{"a":[["12-14",5]]}"#, r#"{"g":[1,2]}"#, r#"{"x":1}"#, r#"[1,2]"#] {
            assert!(serde_json::from_str::<StoredAudience>(bad).is_err(), "{bad} is rejected");
        }
    }
}
