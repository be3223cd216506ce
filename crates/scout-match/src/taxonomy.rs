//! The category taxonomy behind content relevance: TikTok Shop's top-level categories grouped into
//! families of related ones. A creator in the campaign's own category fits fully, one in a related
//! category half; creators' own category strings are compared case- and spacing-insensitively, so an
//! import's "beauty & personal care" is the taxonomy's "Beauty & Personal Care".

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

pub const SAME: f32 = 1.0;
pub const RELATED: f32 = 0.5;
pub const UNRELATED: f32 = 0.0;

fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// How well a creator's `category` fits a campaign's `wanted` category: [`SAME`], [`RELATED`] or
/// [`UNRELATED`].
pub fn fit(wanted: &str, category: &str) -> f32 {
    let (w, c) = (key(wanted), key(category));
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

/// The taxonomy's spelling of a category, when it is one of [`CATEGORIES`].
pub fn canonical(name: &str) -> Option<&'static str> {
    let k = key(name);
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
    fn every_family_member_is_a_known_category() {
        for family in FAMILIES {
            for name in family {
                assert!(canonical(name).is_some(), "{name} is in CATEGORIES");
            }
        }
    }
}
