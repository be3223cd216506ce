// Written by `cargo test` from crates/scout-match (taxonomy.rs, fx.rs). Do not edit by hand.

/** The taxonomy's top-level categories, as sellers see them. */
export const CATEGORIES = [
  "Beauty & Personal Care",
  "Womenswear",
  "Menswear",
  "Health & Supplements",
  "Home & Kitchen",
  "Electronics",
  "Sports & Outdoors",
  "Food & Beverage",
  "Pet Supplies",
  "Baby & Maternity",
  "Toys & Hobbies",
  "Jewelry & Accessories",
] as const;

/** Currencies with a reference rate (fx.rs). */
export const CURRENCIES = [
  "USD",
  "GBP",
  "EUR",
  "CAD",
  "AUD",
  "SGD",
  "MYR",
  "THB",
  "PHP",
  "IDR",
  "VND",
  "MXN",
  "BRL",
  "JPY",
  "SAR",
  "AED",
] as const;
