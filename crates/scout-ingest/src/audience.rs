//! Assembles the audience part of a record from its share columns. Each part (gender, age, countries) is
//! checked on its own with [`AudienceMix::validate`], so a bad age split drops only the age split.

use scout_domain::{AgeShare, AudienceMix, BasisPoints, CountryShare, GenderSplit};

/// The audience columns of one row, as read.
#[derive(Debug, Default)]
pub(crate) struct AudienceParts {
    pub female: Option<BasisPoints>,
    pub male: Option<BasisPoints>,
    pub other: Option<BasisPoints>,
    pub ages: Vec<AgeShare>,
    pub countries: Vec<CountryShare>,
    /// A country column that names countries without shares: the first one.
    pub top_country: Option<scout_domain::CountryCode>,
}

/// Which part of the audience a remark is about, so the row builder can name a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Gender,
    Age,
    Countries,
}

impl AudienceParts {
    /// The audience mix, `None` when no audience column had a value, and a remark per part dropped.
    pub fn assemble(self) -> (Option<AudienceMix>, Vec<(Part, String)>) {
        let mut remarks = Vec::new();
        let mut mix = AudienceMix::default();
        match gender(self.female, self.male, self.other) {
            Ok(g) => mix.gender = g,
            Err(why) => remarks.push((Part::Gender, why)),
        }
        mix.gender = mix.gender.filter(|g| {
            let alone = AudienceMix { gender: Some(g.clone()), ..Default::default() };
            keep(&alone, Part::Gender, &mut remarks)
        });
        let ages = AudienceMix { age: self.ages, ..Default::default() };
        if !ages.age.is_empty() && keep(&ages, Part::Age, &mut remarks) {
            mix.age = ages.age;
        }
        let countries = AudienceMix { countries: self.countries, ..Default::default() };
        if !countries.countries.is_empty() && keep(&countries, Part::Countries, &mut remarks) {
            mix.countries = countries.countries;
        }
        if mix.countries.is_empty() {
            mix.top_country = self.top_country;
        }
        ((!mix.is_empty()).then_some(mix), remarks)
    }
}

fn keep(part: &AudienceMix, which: Part, remarks: &mut Vec<(Part, String)>) -> bool {
    match part.validate() {
        Ok(()) => true,
        Err(e) => {
            remarks.push((which, format!("{e}; the {} split was left out", name(which))));
            false
        }
    }
}

fn name(part: Part) -> &'static str {
    match part {
        Part::Gender => "gender",
        Part::Age => "age",
        Part::Countries => "country",
    }
}

/// The gender split from its shares: all three, or two with the third the remainder to 100 %.
fn gender(
    female: Option<BasisPoints>,
    male: Option<BasisPoints>,
    other: Option<BasisPoints>,
) -> Result<Option<GenderSplit>, String> {
    let rest = |a: BasisPoints, b: BasisPoints| BasisPoints(10_000u32.saturating_sub(a.0 + b.0));
    let split = |female, male, other| Ok(Some(GenderSplit { female, male, other }));
    match (female, male, other) {
        (None, None, None) => Ok(None),
        (Some(f), Some(m), Some(o)) => split(f, m, o),
        (Some(f), Some(m), None) => split(f, m, rest(f, m)),
        (Some(f), None, Some(o)) => split(f, rest(f, o), o),
        (None, Some(m), Some(o)) => split(rest(m, o), m, o),
        _ => {
            Err("only one gender share is given; the gender split needs two of female, male and other".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::{AgeBand, CountryCode};

    fn bp(n: u32) -> Option<BasisPoints> {
        Some(BasisPoints(n))
    }

    #[test]
    fn derives_the_third_gender_share() {
        let parts = AudienceParts { female: bp(6100), male: bp(3800), ..Default::default() };
        let (mix, remarks) = parts.assemble();
        let g = mix.and_then(|m| m.gender).expect("a gender split");
        assert_eq!(g.other, BasisPoints(100), "other is what female and male leave");
        assert!(remarks.is_empty(), "nothing to remark");
    }

    #[test]
    fn drops_only_the_invalid_part() {
        let us = CountryCode::parse("US").unwrap();
        let parts = AudienceParts {
            female: bp(7000),
            male: bp(6000),
            ages: vec![AgeShare { band: AgeBand::Age18To24, share: BasisPoints(10_000) }],
            countries: vec![CountryShare { country: us, share: BasisPoints(4500) }],
            ..Default::default()
        };
        let (mix, remarks) = parts.assemble();
        let mix = mix.expect("age and countries survive");
        assert!(mix.gender.is_none(), "a 130 % gender split is dropped");
        assert_eq!(mix.age.len(), 1, "the age split is kept");
        assert_eq!(remarks.len(), 1, "one remark, for gender");
        assert_eq!(remarks[0].0, Part::Gender, "the remark is about gender");
        let (none, remarks) = AudienceParts::default().assemble();
        assert!(none.is_none() && remarks.is_empty(), "no audience columns, no audience");
    }

    #[test]
    fn one_gender_share_is_not_a_split() {
        let (mix, remarks) = AudienceParts { female: bp(6000), ..Default::default() }.assemble();
        assert!(mix.is_none(), "no split from one share");
        assert_eq!(remarks.len(), 1, "and the share is reported, not dropped silently");
    }
}
