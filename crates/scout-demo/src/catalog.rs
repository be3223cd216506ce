//! The product-category taxonomy creators are tagged with, modelled on TikTok Shop's top-level categories,
//! and what each category implies for commission, basket size and audience.

/// Typical follower age-band weights (13-17, 18-24, 25-34, 35-44, 45-54, 55+), before per-creator noise.
pub type AgeProfile = [f64; 6];

/// Fashion, beauty, jewellery: skewed young.
const YOUNG: AgeProfile = [10.0, 42.0, 30.0, 11.0, 5.0, 2.0];
/// Gadgets, sport, food: broad, centred on 18-34.
const BROAD: AgeProfile = [6.0, 34.0, 32.0, 16.0, 8.0, 4.0];
/// Home, health, pets: households, older.
const HOUSEHOLD: AgeProfile = [2.0, 20.0, 36.0, 24.0, 12.0, 6.0];
/// Baby and maternity: parents of young children.
const PARENTS: AgeProfile = [1.0, 16.0, 45.0, 26.0, 9.0, 3.0];
/// Toys and hobbies: parents plus a teenage tail.
const FAMILIES: AgeProfile = [9.0, 24.0, 34.0, 22.0, 8.0, 3.0];

#[derive(Debug)]
pub struct Category {
    pub name: &'static str,
    /// How common the category is among affiliate creators (weights add up to 100).
    pub weight: u32,
    /// The range of product commission rates in basis points (domain.md where it gives one).
    pub commission_bp: (u32, u32),
    /// A typical unit price in US dollars; the basket size behind GMV.
    pub price_usd: f64,
    /// The typical female share of the audience.
    pub female: f64,
    pub ages: AgeProfile,
    pub emoji: &'static str,
    /// English bio lines.
    pub hooks: [&'static str; 2],
}

pub const CATEGORIES: [Category; 12] = [
    Category {
        name: "Beauty & Personal Care",
        weight: 20,
        commission_bp: (1500, 2000),
        price_usd: 18.0,
        female: 0.82,
        ages: YOUNG,
        emoji: "💄",
        hooks: ["Skincare that actually works", "Makeup looks & honest swatches"],
    },
    Category {
        name: "Womenswear",
        weight: 13,
        commission_bp: (1200, 1800),
        price_usd: 24.0,
        female: 0.86,
        ages: YOUNG,
        emoji: "👗",
        hooks: ["Outfit ideas for every budget", "Try-on hauls every week"],
    },
    Category {
        name: "Menswear",
        weight: 6,
        commission_bp: (1200, 1800),
        price_usd: 30.0,
        female: 0.28,
        ages: YOUNG,
        emoji: "👔",
        hooks: ["Everyday fits for guys", "Menswear basics, styled"],
    },
    Category {
        name: "Health & Supplements",
        weight: 8,
        commission_bp: (1800, 2200),
        price_usd: 28.0,
        female: 0.58,
        ages: HOUSEHOLD,
        emoji: "🌿",
        hooks: ["Wellness routines that stick", "Supplements, no hype"],
    },
    Category {
        name: "Home & Kitchen",
        weight: 12,
        commission_bp: (1200, 1500),
        price_usd: 22.0,
        female: 0.68,
        ages: HOUSEHOLD,
        emoji: "🏡",
        hooks: ["Kitchen gadgets & home finds", "Cleaning and organising hacks"],
    },
    Category {
        name: "Electronics",
        weight: 8,
        commission_bp: (800, 1200),
        price_usd: 35.0,
        female: 0.25,
        ages: BROAD,
        emoji: "🎧",
        hooks: ["Tech reviews in 60 seconds", "Desk setups & gadgets"],
    },
    Category {
        name: "Sports & Outdoors",
        weight: 6,
        commission_bp: (1000, 1500),
        price_usd: 28.0,
        female: 0.40,
        ages: BROAD,
        emoji: "🏃",
        hooks: ["Training gear I use daily", "Outdoor gear, tested"],
    },
    Category {
        name: "Food & Beverage",
        weight: 7,
        commission_bp: (1000, 1500),
        price_usd: 14.0,
        female: 0.60,
        ages: BROAD,
        emoji: "🍜",
        hooks: ["Snack reviews & easy recipes", "Trying every viral snack"],
    },
    Category {
        name: "Pet Supplies",
        weight: 5,
        commission_bp: (1200, 1600),
        price_usd: 20.0,
        female: 0.66,
        ages: HOUSEHOLD,
        emoji: "🐾",
        hooks: ["Pet parent, honest reviews", "What my pets actually love"],
    },
    Category {
        name: "Baby & Maternity",
        weight: 4,
        commission_bp: (1000, 1500),
        price_usd: 22.0,
        female: 0.88,
        ages: PARENTS,
        emoji: "👶",
        hooks: ["Mom life & baby must-haves", "Parenting finds that help"],
    },
    Category {
        name: "Toys & Hobbies",
        weight: 4,
        commission_bp: (1000, 1500),
        price_usd: 20.0,
        female: 0.50,
        ages: FAMILIES,
        emoji: "🧸",
        hooks: ["Toys, games & crafts", "Unboxing the fun stuff"],
    },
    Category {
        name: "Jewelry & Accessories",
        weight: 7,
        commission_bp: (1500, 2000),
        price_usd: 16.0,
        female: 0.80,
        ages: YOUNG,
        emoji: "💎",
        hooks: ["Dainty jewelry & accessories", "Accessorise every outfit"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_taxonomy_is_consistent() {
        assert_eq!(CATEGORIES.iter().map(|c| c.weight).sum::<u32>(), 100, "category weights are percentages");
        for c in &CATEGORIES {
            assert!(c.commission_bp.0 <= c.commission_bp.1, "{}: commission range is ordered", c.name);
            assert!(!c.name.contains(';'), "{}: names must not contain the CSV list separator", c.name);
            assert!((0.0..=1.0).contains(&c.female), "{}: the female share is a fraction", c.name);
        }
    }
}
