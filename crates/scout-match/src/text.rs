//! Words for content relevance: creators' categories and bios and a campaign's keywords are cut into the
//! same normalised tokens, so "Serums", "serum" and "#serum" meet. Tokens are kept as 32-bit hashes
//! (FNV-1a): a million creators' vocabularies fit in memory and a keyword test is an integer compare.

/// Lower-cased, split on anything that is not a letter or digit, tokens of one character dropped, and a
/// plural 's' stripped from words longer than three letters. Applied the same way on both sides, so it
/// only has to be consistent, not linguistically right.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 1).map(|w| {
        let mut w = w.to_lowercase();
        if w.chars().count() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            w.pop();
        }
        w
    })
}

pub fn hash(token: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in token.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The sorted, de-duplicated token hashes of several texts.
pub fn token_set<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<u32> {
    let mut set: Vec<u32> = texts.into_iter().flat_map(|t| tokens(t).map(|w| hash(&w))).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// One bit per token hash, for a cheap "certainly not present" test before the binary search.
pub fn signature(set: &[u32]) -> u64 {
    set.iter().fold(0u64, |sig, h| sig | bit(*h))
}

pub fn bit(hash: u32) -> u64 {
    1u64 << (hash % 64)
}

/// A campaign keyword: present when all of its tokens are ("vitamin c serum" needs all three).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyword {
    pub text: String,
    pub hashes: Vec<u32>,
    signature: u64,
}

impl Keyword {
    /// `None` when the keyword has no usable token (only punctuation or single letters).
    pub fn new(text: &str) -> Option<Keyword> {
        let hashes = token_set([text]);
        (!hashes.is_empty()).then(|| Keyword {
            text: text.trim().to_string(),
            signature: signature(&hashes),
            hashes,
        })
    }

    pub fn found_in(&self, set: &[u32], set_signature: u64) -> bool {
        set_signature & self.signature == self.signature
            && self.hashes.iter().all(|h| set.binary_search(h).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_ignore_case_punctuation_and_plurals() {
        let t: Vec<String> = tokens("Serums & #SkinCare tips — glass skin!").collect();
        assert_eq!(
            t,
            ["serum", "skincare", "tip", "glass", "skin"],
            "lower case, no '#', plural 's' stripped"
        );
    }

    #[test]
    fn keywords_match_whole_phrases_only() {
        let set = token_set(["Vitamin C serum reviews", "Beauty & Personal Care"]);
        let sig = signature(&set);
        assert!(Keyword::new("serum").unwrap().found_in(&set, sig), "a single word");
        assert!(Keyword::new("Serums").unwrap().found_in(&set, sig), "plural and case do not matter");
        assert!(Keyword::new("vitamin serum").unwrap().found_in(&set, sig), "every word of a phrase present");
        assert!(
            Keyword::new("vitamin e serum").unwrap().found_in(&set, sig),
            "single letters are dropped, so this reads as 'vitamin serum'"
        );
        assert!(!Keyword::new("protein powder").unwrap().found_in(&set, sig), "absent words do not match");
        assert!(Keyword::new("& !").is_none(), "a keyword without words is refused");
    }

    #[test]
    fn non_latin_scripts_tokenise() {
        let t: Vec<String> = tokens("Review thật, dùng thật ✨ スキンケア").collect();
        assert!(t.contains(&"dùng".to_string()) && t.contains(&"スキンケア".to_string()), "got {t:?}");
    }
}
