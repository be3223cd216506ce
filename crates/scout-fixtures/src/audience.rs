//! Who follows a creator: gender split and age bands shaped by the creator's categories, and the top
//! three countries with the creator's own country first. Some rows have no audience data at all, as in
//! real exports, and a few only a gender split and countries.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use scout_demo::catalog::Category;
use scout_demo::draw::{chance, log_normal, normal, pick, split_basis_points, uniform};
use scout_demo::markets::Market;
use scout_domain::{
    AgeBand, AgeShare, AudienceMix, BasisPoints, CountryCode, CountryShare, GenderSplit, Result,
};

const NO_AUDIENCE_SHARE: f64 = 0.15;
/// Of the rows that have audience data, this share has no age bands.
const NO_AGE_SHARE: f64 = 0.06;

/// The audience of a creator whose categories are `cats` (primary first), or `None` when the source
/// would have none.
pub(crate) fn draw_audience(
    rng: &mut ChaCha8Rng,
    market: &Market,
    cats: &[&Category],
) -> Result<Option<AudienceMix>> {
    if chance(rng, NO_AUDIENCE_SHARE) {
        return Ok(None);
    }
    let gender = draw_gender(rng, cats);
    let age = if chance(rng, NO_AGE_SHARE) { Vec::new() } else { draw_ages(rng, cats) };
    let countries = draw_countries(rng, market)?;
    Ok(Some(AudienceMix { age, gender: Some(gender), countries, top_country: None }))
}

/// The primary category weighs 70 %, the others share the rest.
fn blend(cats: &[&Category], value: impl Fn(&Category) -> f64) -> f64 {
    match cats {
        [] => 0.5,
        [only] => value(only),
        [primary, rest @ ..] => {
            0.7 * value(primary) + 0.3 * rest.iter().map(|c| value(c)).sum::<f64>() / rest.len() as f64
        }
    }
}

/// Beauty and fashion audiences are mostly female, electronics and menswear mostly male; each creator
/// varies around the category's typical split. A small "other" share is reported for most creators.
fn draw_gender(rng: &mut ChaCha8Rng, cats: &[&Category]) -> GenderSplit {
    let female = (blend(cats, |c| c.female) + 0.08 * normal(rng)).clamp(0.03, 0.97);
    let other = if chance(rng, 0.8) { rng.random_range(0..=300u32) } else { 0 };
    let female_bp = ((female * f64::from(10_000 - other)).round() as u32).min(10_000 - other);
    GenderSplit {
        female: BasisPoints(female_bp),
        male: BasisPoints(10_000 - other - female_bp),
        other: BasisPoints(other),
    }
}

/// The category's age profile with independent noise per band, split into basis points that add up to
/// exactly 10,000.
fn draw_ages(rng: &mut ChaCha8Rng, cats: &[&Category]) -> Vec<AgeShare> {
    let weights: Vec<f64> =
        (0..AgeBand::ALL.len()).map(|i| blend(cats, |c| c.ages[i]) * log_normal(rng, 1.0, 0.35)).collect();
    AgeBand::ALL
        .iter()
        .zip(split_basis_points(&weights, 10_000))
        .map(|(&band, bp)| AgeShare { band, share: BasisPoints(bp) })
        .collect()
}

/// Home country first with most of the audience, then two neighbours with shrinking shares; together
/// they stay under 100 % because the long tail of other countries is not listed.
fn draw_countries(rng: &mut ChaCha8Rng, market: &Market) -> Result<Vec<CountryShare>> {
    let home = uniform(rng, market.home_share.0, market.home_share.1);
    let a = (1.0 - home) * uniform(rng, 0.3, 0.6);
    let b = (1.0 - home - a) * uniform(rng, 0.2, 0.5);
    // Largest first: the home country's share is at least 0.4 and a neighbour's at most 0.36.
    let (second, third) = (a.max(b).min(home), a.min(b));
    let first_neighbour = if chance(rng, 0.6) { market.neighbours[0] } else { *pick(rng, market.neighbours) };
    let others: Vec<&str> = market.neighbours.iter().copied().filter(|c| *c != first_neighbour).collect();
    let second_neighbour = *pick(rng, &others);
    [(market.code, home), (first_neighbour, second), (second_neighbour, third)]
        .into_iter()
        .map(|(code, share)| {
            Ok(CountryShare {
                country: CountryCode::parse(code)?,
                share: BasisPoints((share * 10_000.0).round() as u32),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_demo::catalog::CATEGORIES;
    use scout_demo::draw::row_rng;
    use scout_demo::markets::MARKETS;

    #[test]
    fn every_audience_passes_the_domain_rules() {
        for i in 0..2_000u64 {
            let mut rng = row_rng(9, i);
            let market = &MARKETS[(i % 16) as usize];
            let cats = [&CATEGORIES[(i % 12) as usize], &CATEGORIES[((i / 12) % 12) as usize]];
            let Some(mix) = draw_audience(&mut rng, market, &cats).unwrap() else { continue };
            assert!(mix.validate().is_ok(), "row {i}: {mix:?} breaks a share rule");
            if !mix.age.is_empty() {
                assert_eq!(
                    mix.age.iter().map(|a| a.share.0).sum::<u32>(),
                    10_000,
                    "row {i}: ages add up exactly"
                );
            }
            assert_eq!(
                mix.countries[0].country.as_str(),
                market.code,
                "row {i}: the home country comes first"
            );
            let shares: Vec<u32> = mix.countries.iter().map(|c| c.share.0).collect();
            assert!(
                shares.windows(2).all(|w| w[0] >= w[1]),
                "row {i}: countries largest first, got {shares:?}"
            );
        }
    }

    #[test]
    fn beauty_audiences_are_more_female_than_electronics_audiences() {
        let mean_female = |cat: &Category| {
            let total: u32 = (0..500).map(|i| draw_gender(&mut row_rng(5, i), &[cat]).female.0).sum();
            f64::from(total) / 500.0 / 100.0
        };
        let (beauty, electronics) = (mean_female(&CATEGORIES[0]), mean_female(&CATEGORIES[5]));
        assert!(beauty > 70.0, "beauty audiences are mostly female, got {beauty:.1} %");
        assert!(electronics < 35.0, "electronics audiences are mostly male, got {electronics:.1} % female");
    }
}
