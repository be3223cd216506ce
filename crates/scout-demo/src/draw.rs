//! The random primitives every other module draws through.
//!
//! Reproducibility rests on two choices made here: every row gets its own ChaCha8 stream (seeded from the
//! run's seed, stream number = row index), so row `i` is the same whatever the run's length; and every
//! sampler below uses only integer arithmetic or IEEE basic operations plus `exp`/`ln`, whose results are
//! rounded to whole units or basis points before anything is written.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

/// The random stream of row `index` of a run seeded with `seed`; independent of the run's length.
pub fn row_rng(seed: u64, index: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    rng
}

/// SplitMix64's finaliser: a fixed, portable bijection on u64 used to derive keys from seeds.
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub fn normal(rng: &mut ChaCha8Rng) -> f64 {
    rng.sample(StandardNormal)
}

/// A log-normal draw given its median and the standard deviation of its natural logarithm.
pub fn log_normal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

pub fn uniform(rng: &mut ChaCha8Rng, low: f64, high: f64) -> f64 {
    low + (high - low) * rng.random::<f64>()
}

pub fn chance(rng: &mut ChaCha8Rng, p: f64) -> bool {
    rng.random::<f64>() < p
}

/// One element, uniformly. The tables passed in are non-empty constants.
pub fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// One element with probability proportional to its integer weight.
pub fn pick_weighted<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    let total: u32 = items.iter().map(&weight).sum();
    let mut ticket = rng.random_range(0..total.max(1));
    for item in items {
        let w = weight(item);
        if ticket < w {
            return item;
        }
        ticket -= w;
    }
    &items[items.len() - 1]
}

/// Up to `n` distinct indices into `items`, drawn by weight without replacement, first drawn first.
pub fn pick_distinct_weighted<T>(
    rng: &mut ChaCha8Rng,
    items: &[T],
    n: usize,
    weight: impl Fn(&T) -> u32,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    while chosen.len() < n.min(items.len()) {
        let total: u32 =
            items.iter().enumerate().filter(|(i, _)| !chosen.contains(i)).map(|(_, t)| weight(t)).sum();
        let mut ticket = rng.random_range(0..total.max(1));
        let next = items.iter().enumerate().filter(|(i, _)| !chosen.contains(i)).find(|(_, t)| {
            let w = weight(t);
            let hit = ticket < w;
            ticket = ticket.saturating_sub(w);
            hit
        });
        match next {
            Some((i, _)) => chosen.push(i),
            None => break,
        }
    }
    chosen
}

/// Splits 10,000 basis points in proportion to `weights` so the parts add up to exactly 10,000
/// (largest remainder; ties go to the earlier part). Non-positive weights get nothing.
pub fn split_basis_points(weights: &[f64], total_bp: u32) -> Vec<u32> {
    let sum: f64 = weights.iter().map(|w| w.max(0.0)).sum();
    if sum <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| w.max(0.0) / sum * f64::from(total_bp)).collect();
    let mut parts: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
    let mut left = total_bp.saturating_sub(parts.iter().sum());
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b))
    });
    for i in order.into_iter().cycle() {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn a_row_stream_does_not_depend_on_other_rows() {
        let a = row_rng(7, 12).next_u64();
        let _ = row_rng(7, 11).next_u64();
        assert_eq!(a, row_rng(7, 12).next_u64(), "row 12's stream is a pure function of seed and index");
        assert_ne!(a, row_rng(7, 13).next_u64(), "neighbouring rows get different streams");
        assert_ne!(a, row_rng(8, 12).next_u64(), "another seed gives another stream");
    }

    #[test]
    fn basis_point_splits_add_up_exactly() {
        let parts = split_basis_points(&[1.0, 1.0, 1.0], 10_000);
        assert_eq!(parts, vec![3334, 3333, 3333], "thirds: the remainder goes to the first part");
        let parts = split_basis_points(&[0.1234, 3.0, 0.0, 7.77, 2.5, 0.01], 10_000);
        assert_eq!(parts.iter().sum::<u32>(), 10_000, "any weights split into exactly 100 %");
        assert_eq!(parts[2], 0, "a zero weight gets nothing");
    }

    #[test]
    fn distinct_weighted_picks_never_repeat() {
        let mut rng = row_rng(1, 1);
        for _ in 0..200 {
            let picks = pick_distinct_weighted(&mut rng, &[5u32, 1, 1, 50], 3, |w| *w);
            let mut sorted = picks.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), 3, "three distinct indices from four items, got {picks:?}");
        }
    }
}
