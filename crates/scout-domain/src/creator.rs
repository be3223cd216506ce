use crate::{AudienceMix, BasisPoints, CountRange, DomainError, Money, MoneyRange, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The platform a creator publishes on. TikTok first; the others share the same handle rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Platform {
    TikTok,
    Instagram,
    YouTube,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::TikTok => "tiktok",
            Platform::Instagram => "instagram",
            Platform::YouTube => "youtube",
        }
    }

    pub fn parse(s: &str) -> Result<Platform> {
        match s.trim().to_ascii_lowercase().replace([' ', '-', '_'], "").as_str() {
            "tiktok" | "tt" | "tiktokshop" => Ok(Platform::TikTok),
            "instagram" | "ig" => Ok(Platform::Instagram),
            "youtube" | "yt" => Ok(Platform::YouTube),
            _ => Err(DomainError::UnknownPlatform(s.to_string())),
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A creator's handle, normalised: no leading '@', no profile-URL prefix, lower case (TikTok and
/// Instagram handles are case-insensitive), only letters, digits, '_', '.' and '-'.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(export, type = "string")]
pub struct Handle(String);

const MAX_HANDLE_CHARS: usize = 64;

impl Handle {
    pub fn parse(raw: &str) -> Result<Handle> {
        let mut s = raw.trim();
        // A pasted profile link: https://www.tiktok.com/@name?lang=en → name
        if let Some(at) = s.find("/@") {
            s = &s[at + 2..];
            s = s.split(['/', '?', '#']).next().unwrap_or(s);
        }
        let s = s.trim_start_matches('@').trim();
        let valid = !s.is_empty()
            && s.chars().count() <= MAX_HANDLE_CHARS
            && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if valid {
            Ok(Handle(s.to_lowercase()))
        } else {
            Err(DomainError::InvalidHandle(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Handle {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Handle> {
        Handle::parse(&s)
    }
}

impl From<Handle> for String {
    fn from(h: Handle) -> String {
        h.0
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}", self.0)
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(export, type = "string")]
pub struct CountryCode(String);

impl CountryCode {
    /// Accepts a two-letter code in any case. Names and three-letter codes are the importer's job.
    pub fn parse(code: &str) -> Result<CountryCode> {
        let c = code.trim();
        if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) {
            Ok(CountryCode(c.to_ascii_uppercase()))
        } else {
            Err(DomainError::InvalidCountry(code.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CountryCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<CountryCode> {
        CountryCode::parse(&s)
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.0
    }
}

/// What identifies a creator across imports: platform + handle. (The creator open id, when known, is a
/// second key: usernames can change, open ids do not.)
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorKey {
    pub platform: Platform,
    pub handle: Handle,
}

/// The numbers an import can supply about a creator. `None` means "not supplied", never zero: a blank cell
/// must not erase a figure that an earlier import stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorFigures {
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    #[ts(type = "number | null")]
    pub following: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_views: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_likes: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_comments: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_shares: Option<u64>,
    /// Engagement per view: (likes + comments + shares) / views of an average video.
    pub engagement_rate: Option<BasisPoints>,
    pub gmv: Option<Money>,
    /// GMV a source gives only as a range (a private TikTok Shop creator's "$1K–10K"); at most one of
    /// `gmv` and `gmv_range` is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub gmv_range: Option<MoneyRange>,
    #[ts(type = "number | null")]
    pub units_sold: Option<u64>,
    /// Units sold known only as a range; at most one of `units_sold` and `units_sold_range` is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "{ low: number, high: number | null }")]
    pub units_sold_range: Option<CountRange>,
    pub avg_commission_rate: Option<BasisPoints>,
}

impl CreatorFigures {
    /// The figures' names, as serialized.
    pub const FIELD_NAMES: [&'static str; 10] = [
        "followers",
        "following",
        "avg_views",
        "avg_likes",
        "avg_comments",
        "avg_shares",
        "engagement_rate",
        "gmv",
        "units_sold",
        "avg_commission_rate",
    ];

    /// Whether the figure named `field` (one of [`Self::FIELD_NAMES`]) has a value.
    pub fn is_supplied(&self, field: &str) -> bool {
        match field {
            "followers" => self.followers.is_some(),
            "following" => self.following.is_some(),
            "avg_views" => self.avg_views.is_some(),
            "avg_likes" => self.avg_likes.is_some(),
            "avg_comments" => self.avg_comments.is_some(),
            "avg_shares" => self.avg_shares.is_some(),
            "engagement_rate" => self.engagement_rate.is_some(),
            "gmv" => self.gmv.is_some() || self.gmv_range.is_some(),
            "units_sold" => self.units_sold.is_some() || self.units_sold_range.is_some(),
            "avg_commission_rate" => self.avg_commission_rate.is_some(),
            _ => false,
        }
    }

    /// Engagement per view from the averages, when views and at least one interaction are known.
    pub fn derived_engagement_rate(&self) -> Option<BasisPoints> {
        let views = self.avg_views?;
        let parts = [self.avg_likes, self.avg_comments, self.avg_shares];
        if parts.iter().all(Option::is_none) {
            return None;
        }
        let interactions: u64 = parts.iter().flatten().sum();
        BasisPoints::ratio(interactions, views)
    }

    /// The stated engagement rate, or the one derived from the averages.
    pub fn engagement_rate_or_derived(&self) -> Option<BasisPoints> {
        self.engagement_rate.or_else(|| self.derived_engagement_rate())
    }

    /// Overlays `newer` on `self`: every figure `newer` supplies replaces the stored one; figures it leaves
    /// out stay as they were.
    pub fn overlay(&self, newer: &CreatorFigures) -> CreatorFigures {
        // An exact figure and a range are one figure: whichever the newer source gives replaces both.
        let gmv = if newer.gmv.is_some() || newer.gmv_range.is_some() {
            (newer.gmv.clone(), newer.gmv_range.clone())
        } else {
            (self.gmv.clone(), self.gmv_range.clone())
        };
        let units = if newer.units_sold.is_some() || newer.units_sold_range.is_some() {
            (newer.units_sold, newer.units_sold_range.clone())
        } else {
            (self.units_sold, self.units_sold_range.clone())
        };
        CreatorFigures {
            followers: newer.followers.or(self.followers),
            following: newer.following.or(self.following),
            avg_views: newer.avg_views.or(self.avg_views),
            avg_likes: newer.avg_likes.or(self.avg_likes),
            avg_comments: newer.avg_comments.or(self.avg_comments),
            avg_shares: newer.avg_shares.or(self.avg_shares),
            engagement_rate: newer.engagement_rate.or(self.engagement_rate),
            gmv: gmv.0,
            gmv_range: gmv.1,
            units_sold: units.0,
            units_sold_range: units.1,
            avg_commission_rate: newer.avg_commission_rate.or(self.avg_commission_rate),
        }
    }

    /// GMV as the model and sorting use it: the exact amount, or a range's midpoint.
    pub fn gmv_estimate(&self) -> Option<Money> {
        self.gmv.clone().or_else(|| self.gmv_range.as_ref().map(MoneyRange::midpoint))
    }

    /// Units sold as the model uses them: the exact count, or a range's midpoint.
    pub fn units_sold_estimate(&self) -> Option<u64> {
        self.units_sold.or_else(|| self.units_sold_range.as_ref().map(CountRange::midpoint))
    }

    pub fn is_empty(&self) -> bool {
        *self == CreatorFigures::default()
    }
}

/// Descriptive facts about a creator; `None` / empty means "not supplied".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorProfile {
    pub open_id: Option<String>,
    pub display_name: Option<String>,
    pub categories: Vec<String>,
    pub country: Option<CountryCode>,
    pub language: Option<String>,
    pub bio: Option<String>,
    pub email: Option<String>,
}

impl CreatorProfile {
    /// Overlays `newer` on `self` field by field, like [`CreatorFigures::overlay`].
    pub fn overlay(&self, newer: &CreatorProfile) -> CreatorProfile {
        CreatorProfile {
            open_id: newer.open_id.clone().or_else(|| self.open_id.clone()),
            display_name: newer.display_name.clone().or_else(|| self.display_name.clone()),
            categories: if newer.categories.is_empty() {
                self.categories.clone()
            } else {
                newer.categories.clone()
            },
            country: newer.country.clone().or_else(|| self.country.clone()),
            language: newer.language.clone().or_else(|| self.language.clone()),
            bio: newer.bio.clone().or_else(|| self.bio.clone()),
            email: newer.email.clone().or_else(|| self.email.clone()),
        }
    }
}

/// One creator as a source (an import row, an API page) describes it at a point in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorRecord {
    pub key: CreatorKey,
    pub profile: CreatorProfile,
    pub figures: CreatorFigures,
    pub audience: Option<AudienceMix>,
    /// The date the source says its figures are from, when it says; otherwise the import's date is used.
    pub as_of: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_normalised() {
        assert_eq!(Handle::parse("  @MrBeast ").unwrap().as_str(), "mrbeast", "trim, strip @, lower case");
        assert_eq!(
            Handle::parse("https://www.tiktok.com/@khaby.lame?lang=en").unwrap().as_str(),
            "khaby.lame",
            "a profile link gives its handle"
        );
        assert!(Handle::parse("two words").is_err(), "spaces are not allowed");
        assert!(Handle::parse("@").is_err(), "an empty handle is refused");
    }

    #[test]
    fn engagement_rate_is_interactions_per_view() {
        let f = CreatorFigures {
            avg_views: Some(29_200_000),
            avg_likes: Some(3_500_000),
            avg_comments: Some(30_800),
            avg_shares: Some(7_200),
            ..Default::default()
        };
        assert_eq!(f.derived_engagement_rate(), Some(BasisPoints(1212)), "3,538,000 / 29,200,000 = 12.12 %");
        assert_eq!(CreatorFigures::default().derived_engagement_rate(), None, "no views, no rate");
    }

    #[test]
    fn overlay_keeps_figures_the_newer_source_leaves_out() {
        let old = CreatorFigures { followers: Some(100), avg_views: Some(50), ..Default::default() };
        let new = CreatorFigures { followers: Some(120), ..Default::default() };
        let merged = old.overlay(&new);
        assert_eq!(merged.followers, Some(120), "a supplied figure replaces the old one");
        assert_eq!(merged.avg_views, Some(50), "a blank in the newer source does not erase");
    }

    #[test]
    fn a_range_and_an_exact_figure_replace_each_other_and_a_blank_erases_neither() {
        let usd = |major: i64| Money::new(major * 100, crate::Currency::usd());
        let range = MoneyRange::new(usd(1_000), Some(usd(10_000))).unwrap();
        let ranged = CreatorFigures { gmv_range: Some(range.clone()), ..Default::default() };
        let exact = CreatorFigures { gmv: Some(usd(42)), ..Default::default() };
        let merged = exact.overlay(&ranged);
        assert_eq!(
            (merged.gmv.clone(), merged.gmv_range.clone()),
            (None, Some(range)),
            "the newer range wins"
        );
        assert_eq!(merged.gmv_estimate(), Some(usd(5_500)), "used at its midpoint");
        assert!(merged.is_supplied("gmv"));
        let kept = merged.overlay(&CreatorFigures { followers: Some(5), ..Default::default() });
        assert_eq!(kept.gmv_range, merged.gmv_range, "a blank keeps the range");
        assert_eq!(merged.overlay(&exact).gmv_range, None, "an exact figure replaces the range");
    }

    #[test]
    fn field_names_match_the_serialized_names() {
        let all = CreatorFigures {
            followers: Some(1),
            following: Some(1),
            avg_views: Some(1),
            avg_likes: Some(1),
            avg_comments: Some(1),
            avg_shares: Some(1),
            engagement_rate: Some(BasisPoints(1)),
            gmv: Some(Money::new(1, crate::Currency::usd())),
            units_sold: Some(1),
            avg_commission_rate: Some(BasisPoints(1)),
            gmv_range: None,
            units_sold_range: None,
        };
        let json = serde_json::to_value(&all).unwrap();
        let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        for name in CreatorFigures::FIELD_NAMES {
            assert!(keys.contains(&name), "{name} is a serialized field");
            assert!(all.is_supplied(name), "{name} reads as supplied when set");
            assert!(!CreatorFigures::default().is_supplied(name), "{name} reads as missing when unset");
        }
        assert_eq!(keys.len(), CreatorFigures::FIELD_NAMES.len(), "FIELD_NAMES lists every figure");
    }

    #[test]
    fn platforms_parse_from_common_spellings() {
        assert_eq!(Platform::parse("TikTok Shop").unwrap(), Platform::TikTok);
        assert_eq!(Platform::parse("IG").unwrap(), Platform::Instagram);
        assert!(Platform::parse("myspace").is_err());
    }
}
