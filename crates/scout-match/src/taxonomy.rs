//! The category taxonomy behind content relevance: TikTok Shop's top-level categories grouped into
//! families of related ones. A creator in the campaign's own category fits fully, one in a related
//! category half; creators' own category strings are compared case- and spacing-insensitively, so an
//! import's "beauty & personal care" is the taxonomy's "Beauty & Personal Care", and TikTok Shop's own
//! names ("Womenswear & Underwear", "Home Supplies") read as the taxonomy's.

/// The categories Scout knows, as shown to sellers.
pub const CATEGORIES: [&str; 12] = [
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
];

/// Families of related categories; a category may belong to more than one.
const FAMILIES: [&[&str]; 5] = [
    &["Womenswear", "Menswear", "Jewelry & Accessories", "Beauty & Personal Care"],
    &["Beauty & Personal Care", "Health & Supplements"],
    &["Health & Supplements", "Sports & Outdoors", "Food & Beverage"],
    &["Home & Kitchen", "Food & Beverage", "Pet Supplies", "Baby & Maternity"],
    &["Baby & Maternity", "Toys & Hobbies"],
];

/// TikTok Shop's own top-level category names (Get Categories, the creator marketplace) that Scout's
/// taxonomy spells differently, and the taxonomy's name for each.
const TIKTOK_NAMES: [(&str, &str); 14] = [
    ("Womenswear & Underwear", "Womenswear"),
    ("Menswear & Underwear", "Menswear"),
    ("Health", "Health & Supplements"),
    ("Home Supplies", "Home & Kitchen"),
    ("Kitchenware", "Home & Kitchen"),
    ("Household Appliances", "Home & Kitchen"),
    ("Phones & Electronics", "Electronics"),
    ("Computers & Office Equipment", "Electronics"),
    ("Sports & Outdoor", "Sports & Outdoors"),
    ("Food & Beverages", "Food & Beverage"),
    ("Fashion Accessories", "Jewelry & Accessories"),
    ("Jewelry Accessories & Derivatives", "Jewelry & Accessories"),
    ("Baby & Maternity", "Baby & Maternity"),
    ("Toys & Hobbies", "Toys & Hobbies"),
];

pub const SAME: f32 = 1.0;
pub const RELATED: f32 = 0.5;
pub const UNRELATED: f32 = 0.0;

fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The comparison key of a category: the taxonomy's name for TikTok Shop's spelling, case and
/// punctuation left out.
fn category_key(name: &str) -> String {
    let k = key(name);
    TIKTOK_NAMES.iter().find(|(tiktok, _)| key(tiktok) == k).map_or(k, |(_, ours)| key(ours))
}

/// How well a creator's `category` fits a campaign's `wanted` category: [`SAME`], [`RELATED`] or
/// [`UNRELATED`].
pub fn fit(wanted: &str, category: &str) -> f32 {
    let (w, c) = (category_key(wanted), category_key(category));
    if w == c {
        return SAME;
    }
    let in_family = |family: &[&str], k: &str| family.iter().any(|f| key(f) == k);
    if FAMILIES.iter().any(|f| in_family(f, &w) && in_family(f, &c)) {
        RELATED
    } else {
        UNRELATED
    }
}

/// The taxonomy's spelling of a category, when it is one of [`CATEGORIES`] or TikTok Shop's name of one.
pub fn canonical(name: &str) -> Option<&'static str> {
    let k = category_key(name);
    CATEGORIES.iter().copied().find(|c| key(c) == k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_related_and_unrelated_categories() {
        assert_eq!(
            fit("Beauty & Personal Care", "beauty & personal care"),
            SAME,
            "case and spacing do not matter"
        );
        assert_eq!(
            fit("Beauty & Personal Care", "Health & Supplements"),
            RELATED,
            "beauty and wellness are family"
        );
        assert_eq!(fit("Beauty & Personal Care", "Electronics"), UNRELATED);
        assert_eq!(fit("Toys & Hobbies", "Baby & Maternity"), RELATED, "relation is symmetric");
        assert_eq!(fit("Baby & Maternity", "Toys & Hobbies"), RELATED);
    }

    #[test]
    fn tiktok_shops_names_read_as_the_taxonomys() {
        assert_eq!(canonical("Womenswear & Underwear"), Some("Womenswear"));
        assert_eq!(fit("Home & Kitchen", "Home Supplies"), SAME);
        assert_eq!(fit("Beauty & Personal Care", "Health"), RELATED, "Health is Health & Supplements");
        for (_, ours) in TIKTOK_NAMES {
            assert!(canonical(ours).is_some(), "{ours} is in CATEGORIES");
        }
    }

    #[test]
    fn every_family_member_is_a_known_category() {
        for family in FAMILIES {
            for name in family {
                assert!(canonical(name).is_some(), "{name} is in CATEGORIES");
            }
        }
    }
}
