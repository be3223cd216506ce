//! Cell readers for the non-numeric fields: free text, category lists and e-mail addresses (dates are in
//! [`crate::dates`]). Errors are reasons without the column name ("is not an e-mail address ..."); the row
//! builder names it.

use crate::numbers::is_null;

/// Free text (display name, bio, language, open id): trimmed, otherwise verbatim — any script, emoji,
/// right-to-left marks — and never truncated. `None` when blank.
pub(crate) fn text(raw: &str) -> Option<String> {
    let t = raw.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Categories split on `,` `;` `|` `/`, trimmed, without repeats (compared case-insensitively), in order.
pub(crate) fn categories(raw: &str, into: &mut Vec<String>) {
    // "n/a" is a null, not the categories "n" and "a": nulls are dropped before splitting on '/'.
    let parts = raw.split([',', ';', '|']).filter(|p| !is_null(p)).flat_map(|p| p.split('/'));
    for part in parts.map(str::trim) {
        if part.is_empty() || is_null(part) || into.iter().any(|c| c.to_lowercase() == part.to_lowercase()) {
            continue;
        }
        into.push(part.to_string());
    }
}

/// An e-mail address, and a remark when the cell was not exactly one valid address.
pub(crate) fn email(raw: &str) -> (Option<String>, Option<String>) {
    let t = raw.trim();
    let t = match t.get(..7) {
        Some(scheme) if t.len() > 7 && scheme.eq_ignore_ascii_case("mailto:") => &t[7..],
        _ => t,
    };
    if t.is_empty() || is_null(t) {
        return (None, None);
    }
    if is_email(t) {
        return (Some(t.to_string()), None);
    }
    let parts: Vec<&str> = t.split([';', ',', '/', ' ', '\n']).filter(|p| !p.is_empty()).collect();
    match parts.first() {
        Some(first) if parts.len() > 1 && parts.iter().all(|p| is_email(p)) => {
            (Some(first.to_string()), Some("holds several e-mail addresses; kept the first".to_string()))
        }
        _ => (None, Some("is not an e-mail address (expected one '@' and a dot in the domain)".to_string())),
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let forbidden = |c: char| c.is_whitespace() || "<>()[],;:\"@".contains(c);
    !local.is_empty()
        && !local.contains(forbidden)
        && !domain.contains(forbidden)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_not_rewritten() {
        assert_eq!(email(" Anna@Example.com "), (Some("Anna@Example.com".into()), None), "trimmed only");
        assert_eq!(email("mailto:a@b.co"), (Some("a@b.co".into()), None), "mailto: dropped");
        assert_eq!(email("n/a"), (None, None), "n/a is no address and no problem");
        let (value, remark) = email("a@b.co; c@d.co");
        assert_eq!(value.as_deref(), Some("a@b.co"), "the first of several is kept");
        assert!(remark.is_some_and(|r| r.contains("several")), "and the others are reported");
        for bad in ["anna", "a@b", "a@@b.com", "a b@c.com", "@b.com", "a@.com", "a@b..com"] {
            assert!(email(bad).0.is_none() && email(bad).1.is_some(), "'{bad}' is not an address");
        }
    }

    #[test]
    fn categories_split_dedupe_and_keep_order() {
        let mut got = Vec::new();
        categories("Beauty, Fashion; beauty | Home/Garden ,, n/a", &mut got);
        assert_eq!(got, vec!["Beauty", "Fashion", "Home", "Garden"], "split on , ; | / without repeats");
        categories("Fashion, Food", &mut got);
        assert_eq!(got.last().map(String::as_str), Some("Food"), "a second column adds what is new");
        assert_eq!(text("  يزن الأسمر 😀  "), Some("يزن الأسمر 😀".to_string()), "any script, trimmed");
        assert_eq!(text("   "), None, "blank text is missing");
    }
}
