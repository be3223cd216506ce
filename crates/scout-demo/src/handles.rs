//! Handles that look like creators' own (`cozy.kitchen`, `minty_glow42`, `lunarfinds1317`) and are unique
//! within a run without remembering the ones already given out.
//!
//! Row `i` is split into a block `i / 16384` and a slot `i % 16384`. A keyed 4-round Feistel network
//! permutes the slot within the 128 × 128 grid of (first word, second word) pairs, with a fresh key per
//! block, so every pair is used once per block. The block number is encoded in the trailing number
//! (none or 1–99 in block 0, `block * 100 + 0..99` after), which makes the text unique: no word contains
//! a digit, '_' or '.', and no two word pairs concatenate to the same letters (tested below).

use crate::draw::{chance, mix64, pick};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

const HALF_BITS: u32 = 7;
const HALF_MASK: u64 = (1 << HALF_BITS) - 1;
const SLOTS: u64 = 1 << (2 * HALF_BITS);

#[derive(Debug, Clone)]
pub struct HandleMaker {
    key: u64,
}

impl HandleMaker {
    pub fn new(seed: u64) -> HandleMaker {
        HandleMaker { key: mix64(seed ^ 0x0068_616E_646C_6573) }
    }

    /// The handle of row `index`; `rng` only picks the separators and the number's low digits.
    pub fn handle(&self, index: u64, rng: &mut ChaCha8Rng) -> String {
        let block = index / SLOTS;
        let pair = permute(index % SLOTS, mix64(self.key ^ block));
        let first = FIRST[(pair >> HALF_BITS) as usize];
        let second = SECOND[(pair & HALF_MASK) as usize];
        let sep = *pick(rng, &["", "", "_", "."]);
        let number = match block {
            0 if chance(rng, 0.5) => None,
            0 => Some(rng.random_range(1..100)),
            _ => Some(block.saturating_mul(100).saturating_add(rng.random_range(0..100))),
        };
        match number {
            None => format!("{first}{sep}{second}"),
            Some(n) if sep != "." && chance(rng, 0.15) => format!("{first}{sep}{second}_{n}"),
            Some(n) => format!("{first}{sep}{second}{n}"),
        }
    }
}

/// A keyed bijection on `0..SLOTS` (balanced Feistel network on two 7-bit halves).
fn permute(slot: u64, key: u64) -> u64 {
    let (mut left, mut right) = (slot >> HALF_BITS, slot & HALF_MASK);
    for round in 0..4u64 {
        let f = mix64(key ^ (round << 32) ^ right) & HALF_MASK;
        (left, right) = (right, left ^ f);
    }
    (left << HALF_BITS) | right
}

const FIRST: [&str; 128] = [
    "sunny", "glowy", "cozy", "daily", "tiny", "happy", "lucky", "bold", "bright", "calm", "chill", "comfy",
    "crispy", "cute", "dreamy", "fancy", "fresh", "gentle", "golden", "honest", "humble", "jolly", "juicy",
    "kind", "lively", "lovely", "mellow", "merry", "mighty", "minty", "misty", "modern", "neat", "nifty",
    "noble", "peachy", "perky", "polished", "pretty", "quiet", "rosy", "rustic", "savvy", "shiny", "silky",
    "simple", "sleek", "smart", "snappy", "snug", "soft", "sparkly", "spicy", "steady", "sugary", "sweet",
    "swift", "tasty", "tidy", "trendy", "urban", "velvet", "vivid", "warm", "wild", "witty", "zesty",
    "breezy", "bubbly", "cheery", "classy", "clever", "dapper", "earthy", "frosty", "fuzzy", "glossy",
    "groovy", "hearty", "jazzy", "lush", "magic", "plush", "pastel", "lunar", "solar", "coral", "amber",
    "olive", "ivory", "maya", "lina", "nora", "kai", "zara", "mika", "rina", "tomo", "dewi", "ploy", "sofia",
    "jana", "gio", "noor", "aya", "leo", "max", "eli", "ivy", "jade", "luca", "mei", "nico", "pia", "remi",
    "tara", "yuki", "zoe", "bea", "fah", "mint", "putri", "ayu", "minh", "linh", "chloe", "lena", "marco",
];

const SECOND: [&str; 128] = [
    "finds", "picks", "haul", "deals", "shelf", "corner", "closet", "kitchen", "pantry", "studio", "garden",
    "nest", "home", "room", "desk", "lab", "cart", "basket", "bag", "box", "edit", "diary", "notes",
    "journal", "vibes", "mood", "style", "looks", "glow", "skin", "beauty", "makeup", "lashes", "nails",
    "brows", "curls", "hair", "scent", "fits", "outfits", "threads", "wardrobe", "denim", "sneakers",
    "kicks", "gear", "tech", "gadgets", "setup", "pixels", "gaming", "bytes", "fitness", "gym", "reps",
    "trail", "hikes", "yoga", "eats", "bites", "snacks", "bakes", "brew", "coffee", "matcha", "boba",
    "noodles", "spice", "sauce", "cooks", "chef", "recipes", "treats", "paws", "pups", "kitty", "woof",
    "mama", "momlife", "tots", "kiddos", "toys", "blocks", "puzzles", "crafts", "hobby", "charms", "gems",
    "pearls", "rings", "jewels", "sparkle", "bling", "life", "world", "days", "club", "crew", "squad",
    "zone", "spot", "place", "planet", "journey", "stories", "talks", "tips", "hacks", "reviews", "unboxing",
    "trends", "market", "shop", "store", "mart", "house", "land", "nook", "loft", "bloom", "cafe", "palette",
    "wellness", "goods", "lane", "hub", "aisle", "haven",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::row_rng;
    use std::collections::HashSet;

    #[test]
    fn word_pairs_concatenate_uniquely() {
        let all: Vec<&str> = FIRST.iter().chain(SECOND.iter()).copied().collect();
        assert!(all.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())), "words are plain a-z");
        let pairs: HashSet<String> =
            FIRST.iter().flat_map(|a| SECOND.iter().map(move |b| format!("{a}{b}"))).collect();
        assert_eq!(pairs.len(), FIRST.len() * SECOND.len(), "no two word pairs spell the same handle");
    }

    #[test]
    fn the_slot_permutation_is_a_bijection() {
        let images: HashSet<u64> = (0..SLOTS).map(|s| permute(s, 0xDEAD_BEEF)).collect();
        assert_eq!(images.len() as u64, SLOTS, "every slot maps to a distinct word pair");
        assert!(images.iter().all(|&p| p < SLOTS), "images stay inside the grid");
    }

    #[test]
    fn handles_are_unique_across_several_blocks() {
        let maker = HandleMaker::new(42);
        let n = 5 * SLOTS + 123;
        let handles: HashSet<String> = (0..n).map(|i| maker.handle(i, &mut row_rng(42, i))).collect();
        assert_eq!(handles.len() as u64, n, "{n} rows give {n} distinct handles");
        assert!(
            handles.iter().all(|h| scout_domain::Handle::parse(h).map(|p| p.as_str() == h).unwrap_or(false)),
            "every handle is already in the domain's normal form"
        );
    }
}
