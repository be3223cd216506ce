//! Short bios in the creator's language or in English, always ending with the synthetic label.

use crate::catalog::Category;
use crate::draw::{chance, pick};
use crate::markets::Market;
use rand_chacha::ChaCha8Rng;

/// Every generated bio ends with this, so a synthetic creator is never mistaken for a real one.
pub const SYNTHETIC_LABEL: &str = " [synthetic]";

/// TikTok's limit on a bio's length; the synthetic label comes on top.
const TIKTOK_BIO_CHARS: usize = 80;

/// Lines in each market language other than English.
const LOCAL_LINES: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "Review jujur & racun belanja 🛒",
            "Kolaborasi? DM aja ya",
            "Barang favorit aku ada di keranjang kuning 💛",
        ],
    ),
    ("th", &["รีวิวของดีใช้จริง ✨", "ติดต่องาน ทักแชทได้เลย", "ป้ายยาทุกวัน 🛒"]),
    ("vi", &["Review thật, dùng thật ✨", "Hợp tác vui lòng nhắn tin", "Săn sale mỗi ngày 🛒"]),
    ("fil", &["Honest review lang po ✨", "Para sa collab, DM lang po", "Sulit finds araw-araw 🛒"]),
    ("ms", &["Review jujur, barang best je ✨", "Nak collab? DM je", "Kongsi barang kegemaran saya 🛒"]),
    ("es", &["Reseñas honestas y hallazgos diarios ✨", "Colaboraciones por DM", "Lo que uso de verdad 🛒"]),
    (
        "pt",
        &["Reviews sinceros e achadinhos todo dia ✨", "Parcerias no direct", "O que eu uso de verdade 🛒"],
    ),
    (
        "de",
        &["Ehrliche Reviews & tägliche Fundstücke ✨", "Kooperationen per DM", "Was ich wirklich benutze 🛒"],
    ),
    ("fr", &["Avis honnêtes et trouvailles du jour ✨", "Collabs en DM", "Ce que j'utilise vraiment 🛒"]),
    (
        "it",
        &["Recensioni oneste e scoperte quotidiane ✨", "Collaborazioni in DM", "Quello che uso davvero 🛒"],
    ),
    ("ja", &["正直レビューと毎日のおすすめ ✨", "お仕事の依頼はDMへ", "本当に使っているものだけ紹介 🛒"]),
    ("ar", &["مراجعات صادقة واكتشافات يومية ✨", "للتعاون تواصل عبر الرسائل", "أشارككم ما أستخدمه فعلاً 🛒"]),
];

/// English lines that fit any category.
const ENGLISH_TAILS: &[&str] =
    &["Collabs: DM or email", "Links to everything I use 👇", "New video every day", "Honest reviews only"];

/// A one- or two-part bio: a category line in English or a line in the local language, sometimes a
/// second English line, then [`SYNTHETIC_LABEL`].
pub fn bio(rng: &mut ChaCha8Rng, market: &Market, category: &Category) -> String {
    let local = LOCAL_LINES.iter().find(|(lang, _)| *lang == market.language).map(|(_, lines)| *lines);
    let first = match local {
        Some(lines) if chance(rng, market.native_bio_share) => *pick(rng, lines),
        _ => *pick(rng, &category.hooks),
    };
    let mut text = first.to_string();
    if chance(rng, 0.35) {
        let tail = *pick(rng, ENGLISH_TAILS);
        if text.chars().count() + 3 + tail.chars().count() <= TIKTOK_BIO_CHARS {
            text.push_str(" | ");
            text.push_str(tail);
        }
    }
    text.push_str(SYNTHETIC_LABEL);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CATEGORIES;
    use crate::draw::row_rng;
    use crate::markets::MARKETS;

    #[test]
    fn every_non_english_market_has_local_lines() {
        for m in MARKETS.iter().filter(|m| m.language != "en") {
            assert!(
                LOCAL_LINES.iter().any(|(lang, _)| *lang == m.language),
                "{}: no bio lines in '{}'",
                m.code,
                m.language
            );
        }
    }

    #[test]
    fn bios_are_short_and_labelled() {
        let mut rng = row_rng(3, 3);
        for m in &MARKETS {
            for c in &CATEGORIES {
                let b = bio(&mut rng, m, c);
                assert!(b.ends_with(SYNTHETIC_LABEL), "bio '{b}' ends with the synthetic label");
                let own = b.trim_end_matches(SYNTHETIC_LABEL).chars().count();
                assert!(own <= TIKTOK_BIO_CHARS, "bio '{b}' fits TikTok's 80 characters before the label");
            }
        }
    }
}
