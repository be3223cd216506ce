//! A creator's numbers: reach, engagement and sales, drawn so that they hang together the way
//! domain.md's "Typical figures" describe (engagement per view falls with the follower tier, views grow
//! sub-linearly with followers, sales follow views and the category's basket size).

use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use scout_demo::catalog::Category;
use scout_demo::draw::{chance, log_normal, normal, uniform};
use scout_demo::markets::Market;
use scout_domain::{BasisPoints, CreatorFigures, Currency, Money};

pub(crate) const MIN_FOLLOWERS: u64 = 500;
pub(crate) const MAX_FOLLOWERS: u64 = 80_000_000;
/// TikTok's cap on how many accounts one account may follow.
const MAX_FOLLOWING: u64 = 10_000;

/// log10(followers) is normal with this mean and spread (before truncation to 500..80M): about 55 % nano
/// (<10k), 33 % micro, 10 % mid (100k–1M) and 1–2 % with a million or more.
const LOG10_FOLLOWERS_MEAN: f64 = 3.88;
const LOG10_FOLLOWERS_SD: f64 = 0.953;

/// Typical engagement per view (percent) against log10(followers); linear in between. The points sit
/// inside domain.md's tier ranges: nano 8–15 %, micro 5–8 %, mid 3–6 %, 1M+ 1.5–3.5 %.
const ENGAGEMENT_CURVE: [(f64, f64); 9] = [
    (2.7, 13.0),
    (3.5, 11.0),
    (4.0, 8.2),
    (4.4, 6.5),
    (5.0, 5.0),
    (5.3, 4.4),
    (6.0, 3.1),
    (6.3, 2.6),
    (7.9, 1.7),
];

/// What kind of account a row describes; bots are rare and look it (see [`draw_figures`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Account {
    Genuine,
    /// Bought or follow-for-follow followers: following ≥ followers, few views, little engagement.
    BotLike,
}

pub(crate) fn draw_account(rng: &mut ChaCha8Rng) -> Account {
    if chance(rng, 0.025) {
        Account::BotLike
    } else {
        Account::Genuine
    }
}

pub(crate) fn draw_figures(
    rng: &mut ChaCha8Rng,
    account: Account,
    market: &Market,
    categories: &[&Category],
    currency: Option<&Currency>,
) -> CreatorFigures {
    let bot = account == Account::BotLike;
    let followers = if bot { 10f64.powf(uniform(rng, 3.0, 3.9)).round() as u64 } else { draw_followers(rng) };
    let f = followers as f64;
    let following = if bot {
        ((f * uniform(rng, 1.2, 3.0)).round() as u64).clamp(followers.min(MAX_FOLLOWING), MAX_FOLLOWING)
    } else {
        (log_normal(rng, 250.0, 0.9).round() as u64).min(MAX_FOLLOWING)
    };
    let views_factor = if bot { 0.2 } else { 1.0 };
    let views = ((0.9 * f.powf(0.85) * log_normal(rng, 1.0, 0.55) * views_factor).round() as u64).max(30);
    let engagement_factor = if bot { 0.5 } else { 1.0 };
    let engagement =
        (typical_engagement(f) * log_normal(rng, 1.0, 0.22) * engagement_factor).clamp(0.003, 0.35);
    let interactions = (views as f64 * engagement).round() as u64;
    let rest = ((interactions as f64) * (1.0 - uniform(rng, 0.86, 0.95))).round() as u64;
    let comments = ((rest as f64) * uniform(rng, 0.35, 0.65)).round() as u64;
    let (likes, shares) = (interactions - rest, rest - comments);
    let stated_rate = chance(rng, 0.7);

    let mut figures = CreatorFigures {
        followers: Some(followers),
        following: Some(following),
        avg_views: Some(views),
        avg_likes: Some(likes),
        avg_comments: Some(comments),
        avg_shares: Some(shares),
        ..CreatorFigures::default()
    };
    // Written for ~70 % of rows; the rest are left for the importer to derive from the averages.
    if stated_rate {
        figures.engagement_rate = figures.derived_engagement_rate();
    }
    // Only TikTok Shop creators have affiliate sales; `currency` is `None` for other platforms.
    if let Some(currency) = currency {
        draw_sales(rng, &mut figures, bot, market, categories, currency);
    }
    figures
}

/// Followers from the truncated log-normal: out-of-range draws are redrawn (a few times, then clamped) so
/// no spike of creators piles up at the bounds.
fn draw_followers(rng: &mut ChaCha8Rng) -> u64 {
    let (low, high) = ((MIN_FOLLOWERS as f64).log10(), (MAX_FOLLOWERS as f64).log10());
    let mut x = LOG10_FOLLOWERS_MEAN;
    for _ in 0..16 {
        x = LOG10_FOLLOWERS_MEAN + LOG10_FOLLOWERS_SD * normal(rng);
        if (low..=high).contains(&x) {
            break;
        }
    }
    (10f64.powf(x.clamp(low, high)).round() as u64).clamp(MIN_FOLLOWERS, MAX_FOLLOWERS)
}

/// Engagement per view as a fraction, from [`ENGAGEMENT_CURVE`].
pub(crate) fn typical_engagement(followers: f64) -> f64 {
    let x = followers.max(1.0).log10();
    let mut prev = ENGAGEMENT_CURVE[0];
    if x <= prev.0 {
        return prev.1 / 100.0;
    }
    for &(px, py) in &ENGAGEMENT_CURVE[1..] {
        if x <= px {
            let t = (x - prev.0) / (px - prev.0);
            return (prev.1 + t * (py - prev.1)) / 100.0;
        }
        prev = (px, py);
    }
    prev.1 / 100.0
}

/// The share of creators with any affiliate sales in the period, by follower tier.
fn sales_share(followers: u64) -> f64 {
    match followers {
        0..10_000 => 0.40,
        10_000..100_000 => 0.62,
        100_000..1_000_000 => 0.78,
        _ => 0.85,
    }
}

/// GMV, units and average commission over the source's period (like Affiliate Center's 30 days):
/// units = average views × videos in the period × a buy rate; GMV = units × the category's basket size,
/// in the market's currency. Creators without sales get GMV 0 or a blank, about half each.
fn draw_sales(
    rng: &mut ChaCha8Rng,
    figures: &mut CreatorFigures,
    bot: bool,
    market: &Market,
    cats: &[&Category],
    currency: &Currency,
) {
    let followers = figures.followers.unwrap_or(MIN_FOLLOWERS);
    let p_sales = if bot { 0.1 } else { sales_share(followers) };
    if !chance(rng, p_sales) {
        if chance(rng, 0.55) {
            figures.gmv = Some(Money::new(0, currency.clone()));
            figures.units_sold = Some(0);
        }
        return;
    }
    let views = figures.avg_views.unwrap_or(0) as f64;
    let videos = f64::from(rng.random_range(8..=40u32));
    let units = ((views * videos * log_normal(rng, 0.0012, 0.8)).round() as u64).max(1);
    let price_usd = cats.first().map_or(20.0, |c| c.price_usd) * log_normal(rng, 1.0, 0.3);
    let mut amount = units as f64 * price_usd * market.per_usd;
    amount = if market.whole_units { amount.round() } else { (amount * 100.0).round() / 100.0 };
    figures.gmv = Money::from_major(amount, currency.clone());
    figures.units_sold = Some(units);
    let rates: Vec<f64> = cats
        .iter()
        .map(|c| uniform(rng, f64::from(c.commission_bp.0), f64::from(c.commission_bp.1)))
        .collect();
    let mean = rates.iter().sum::<f64>() / rates.len().max(1) as f64;
    // Commission rates are set in whole tenths of a percent.
    figures.avg_commission_rate = Some(BasisPoints(((mean / 10.0).round() as u32) * 10));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engagement_curve_stays_inside_the_tier_ranges() {
        let cases =
            [(5_000.0, 8.0, 15.0), (30_000.0, 5.0, 8.0), (300_000.0, 3.0, 6.0), (3_000_000.0, 1.5, 3.5)];
        for (followers, low, high) in cases {
            let pct = typical_engagement(followers) * 100.0;
            assert!(
                (low..=high).contains(&pct),
                "{followers} followers: {pct:.2} % should be in {low}–{high} %"
            );
        }
        assert!(typical_engagement(100.0) > typical_engagement(1e8), "engagement per view falls with reach");
    }
}
