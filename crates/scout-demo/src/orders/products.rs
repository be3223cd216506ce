//! The synthetic shop catalog: invented brands and products, three per category, each with a price
//! relative to its category's basket size. Every name ends with [`SYNTHETIC_LABEL`].

use crate::catalog::CATEGORIES;
use crate::markets::MARKETS;
use crate::SYNTHETIC_LABEL;

/// A product stem: its category (index into `CATEGORIES`), name and price as a multiple of the
/// category's basket size.
#[derive(Debug)]
pub(crate) struct Product {
    pub category: usize,
    pub name: &'static str,
    pub price_factor: f64,
}

const fn p(category: usize, name: &'static str, price_factor: f64) -> Product {
    Product { category, name, price_factor }
}

/// Indices follow `CATEGORIES`: 0 beauty, 1 womenswear, 2 menswear, 3 supplements, 4 home, 5 electronics,
/// 6 sports, 7 food, 8 pets, 9 baby, 10 toys, 11 jewellery (checked by a test below).
pub(crate) const PRODUCTS: [Product; 36] = [
    p(0, "Glowlab Vitamin C Serum 30 ml", 1.3),
    p(0, "Dewdrop Hydrating Lip Oil", 0.7),
    p(0, "Velvetine Matte Cushion Foundation", 1.1),
    p(1, "Lunette Ribbed Knit Midi Dress", 1.4),
    p(1, "Lunette High-Rise Wide-Leg Jeans", 1.2),
    p(1, "Softloom Oversized Linen Shirt", 0.9),
    p(2, "Northpine Heavyweight Cotton Tee 3-Pack", 0.9),
    p(2, "Northpine Stretch Chino Shorts", 1.0),
    p(2, "Gridwell Quilted Overshirt", 1.5),
    p(3, "Vitabloom Collagen Peptide Powder", 1.2),
    p(3, "Vitabloom Magnesium Sleep Gummies", 0.8),
    p(3, "Greenroot Daily Greens Blend", 1.3),
    p(4, "Hearthly Glass Meal-Prep Set", 1.3),
    p(4, "Hearthly Silicone Stretch Lids", 0.6),
    p(4, "Tidynest Under-Sink Organizer", 1.0),
    p(5, "Pixelpod Wireless Earbuds", 1.2),
    p(5, "Pixelpod Magnetic Power Bank 10000 mAh", 0.9),
    p(5, "Brightcast LED Ring Light 10 in", 0.8),
    p(6, "Trailmark Insulated Bottle 1 L", 0.7),
    p(6, "Trailmark Resistance Band Set", 0.8),
    p(6, "Corefit Non-Slip Yoga Mat", 1.2),
    p(7, "Crunchwell Spicy Chili Crisp", 0.8),
    p(7, "Crunchwell Sea Salt Seaweed Snacks 12-Pack", 1.1),
    p(7, "Brewbird Cold Brew Coffee Bags", 1.0),
    p(8, "Pawsome Lick Mat for Dogs", 0.6),
    p(8, "Pawsome Salmon Cat Treats", 0.7),
    p(8, "Furbright Self-Cleaning Slicker Brush", 0.9),
    p(9, "Cuddlebee Muslin Swaddle 3-Pack", 1.2),
    p(9, "Cuddlebee Silicone Bib Set", 0.6),
    p(9, "Nestling Portable Bottle Warmer", 1.6),
    p(10, "Brickbloom Mini Flower Building Set", 1.0),
    p(10, "Wigglewood Magnetic Tiles 60 pcs", 1.8),
    p(10, "Popcraft Squishy Surprise Box", 0.6),
    p(11, "Aurelle Gold-Tone Huggie Hoops", 1.0),
    p(11, "Aurelle Layered Pearl Necklace", 1.3),
    p(11, "Charmery Custom Initial Bracelet", 0.9),
];

/// The product's name as it appears in the exports, labelled synthetic.
pub(crate) fn product_name(product: &Product) -> String {
    format!("{}{SYNTHETIC_LABEL}", product.name)
}

/// The product's price in minor units of `currency`, rounded the way shops price: `…​.99` in
/// two-decimal currencies, two significant digits less a tenth of a step in yen or rupiah (¥2,990,
/// Rp 289.000), whole units where the currency is written without decimals.
pub(crate) fn price_minor(product: &Product, currency: &str, decimals: u32) -> i64 {
    let market = MARKETS.iter().find(|m| m.currency == currency);
    let per_usd = market.map_or(1.0, |m| m.per_usd);
    let whole = market.is_some_and(|m| m.whole_units) || decimals == 0;
    let major = CATEGORIES[product.category].price_usd * product.price_factor * per_usd;
    let scale = 10i64.pow(decimals);
    if whole || per_usd >= 100.0 {
        let step = 10f64.powi((major.log10().floor() as i32 - 1).max(1));
        let price = (major / step).ceil() * step - step / 10.0;
        price.round() as i64 * scale
    } else {
        major.ceil() as i64 * scale - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_three_products_in_order() {
        for (i, c) in CATEGORIES.iter().enumerate() {
            let n = PRODUCTS.iter().filter(|p| p.category == i).count();
            assert_eq!(n, 3, "{} has three synthetic products", c.name);
        }
    }

    #[test]
    fn prices_look_like_shop_prices() {
        let serum = &PRODUCTS[0];
        assert_eq!(price_minor(serum, "USD", 2), 2_399, "18 × 1.3 = 23.40 → $23.99");
        assert_eq!(price_minor(serum, "JPY", 0), 3_590, "23.40 × 150 = 3510 → ¥3,590");
        assert_eq!(price_minor(serum, "IDR", 2), 36_900_000, "23.40 × 15,800 = 369,720 → Rp 369.000");
        assert_eq!(price_minor(serum, "GBP", 2), 1_899, "23.40 × 0.79 = 18.49 → £18.99");
    }
}
