//! The fields a column can be mapped to, and the header spellings that suggest each one: our own template
//! (the snake_case field names), Seller Center / Affiliate Center exports, third-party creator lists and
//! a few localized headers. Headers are compared after [`normalize_header`], so case, spaces,
//! punctuation and accents do not matter.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Handle,
    Platform,
    OpenId,
    DisplayName,
    Followers,
    Following,
    AvgViews,
    AvgLikes,
    AvgComments,
    AvgShares,
    EngagementRate,
    Gmv,
    Currency,
    UnitsSold,
    AvgCommissionRate,
    Categories,
    Country,
    Language,
    Bio,
    Email,
    AudienceFemale,
    AudienceMale,
    AudienceOther,
    #[serde(rename = "age_13_to_17")]
    Age13To17,
    #[serde(rename = "age_18_to_24")]
    Age18To24,
    #[serde(rename = "age_25_to_34")]
    Age25To34,
    #[serde(rename = "age_35_to_44")]
    Age35To44,
    #[serde(rename = "age_45_to_54")]
    Age45To54,
    #[serde(rename = "age_55_plus")]
    Age55Plus,
    AudienceCountries,
    AsOf,
}

use Field::*;

impl Field {
    #[rustfmt::skip]
    pub const ALL: [Field; 31] = [
        Handle, Platform, OpenId, DisplayName, Followers, Following, AvgViews, AvgLikes, AvgComments,
        AvgShares, EngagementRate, Gmv, Currency, UnitsSold, AvgCommissionRate, Categories, Country,
        Language, Bio, Email, AudienceFemale, AudienceMale, AudienceOther, Age13To17, Age18To24, Age25To34,
        Age35To44, Age45To54, Age55Plus, AudienceCountries, AsOf,
    ];

    /// The name a person reads in the mapping screen.
    pub fn label(self) -> &'static str {
        self.spellings().0
    }

    /// The snake_case name, as in our import template and in JSON.
    pub fn key(self) -> &'static str {
        self.spellings().1
    }

    /// Only the handle is required: it is the creator's identity. Everything else may be missing.
    pub fn is_required(self) -> bool {
        self == Handle
    }

    /// The field a header suggests, if any.
    pub fn from_header(header: &str) -> Option<Field> {
        let norm = normalize_header(header);
        let find = |n: &str| Field::ALL.into_iter().find(|f| f.matches(n));
        find(&norm)
            .or_else(|| {
                // "GMV (USD)", "Engagement rate [%]": the bracketed part is a unit, not the name.
                let bare: String = strip_brackets(header);
                let bare = normalize_header(&bare);
                (bare != norm && !bare.is_empty()).then(|| find(&bare)).flatten()
            })
            .or_else(|| {
                // "Category_1", "Category 2", "Niche3": numbered columns of one multi-valued field.
                let base = norm.trim_end_matches(|c: char| c.is_ascii_digit());
                (base.len() < norm.len() && find(base) == Some(Categories)).then_some(Categories)
            })
    }

    /// Whether a header is a "<platform> name" kind of column: the display name beside a handle column,
    /// the handle when the file has none ("Instagram name", "Channel name", "Influencer insta name").
    pub(crate) fn is_platform_name(header: &str) -> bool {
        let norm = normalize_header(header);
        let platform = ["tiktok", "instagram", "insta", "ig", "youtube", "yt", "channel"];
        platform.iter().any(|p| norm == format!("{p}name") || norm == *p && *p == "channel")
            || (norm.starts_with("influencer") && norm.ends_with("name"))
    }

    fn matches(self, normalized: &str) -> bool {
        !normalized.is_empty()
            && (normalize_header(self.key()) == normalized || self.spellings().2.contains(&normalized))
    }

    /// (label, key, aliases already normalized: lower case, letters and digits only).
    #[rustfmt::skip] // one line per field reads better than one line per alias
    fn spellings(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            Handle => ("Handle", "handle", &[
                "username", "creatorusername", "creatorhandle", "tiktokhandle", "tiktokusername", "tiktokername",
                "tiktoker", "creator", "influencer", "influencerhandle", "account", "uniqueid", "userhandle",
                "instagramhandle", "instagramusername", "instagrammer", "ighandle", "igusername", "youtuber",
                "youtubehandle", "channelhandle",
                "profileurl", "profilelink", "tiktokurl", "tiktoklink", "@", "usuario", "nombredeusuario",
                "namapengguna", "nomdutilisateur", "benutzername",
            ]),
            Platform => ("Platform", "platform", &["network", "socialnetwork", "plataforma"]),
            OpenId => ("Open ID", "open_id", &["creatorid", "creatoropenid", "userid", "tiktokid", "authorid"]),
            // "<platform> name", "channel name", "influencer … name" are the display name beside a handle
            // column, and the handle when there is none (`suggest_mapping`).
            DisplayName => ("Display name", "display_name", &[
                "name", "nickname", "creatorname", "creatornickname", "tiktokname", "fullname", "nombre", "nama",
                "nom", "instagramname", "igname", "youtubename", "channelname", "channel", "influencername",
                "influencerinstaname", "influencerinstagramname", "influencertiktokname", "influenceryoutubename",
            ]),
            Followers => ("Followers", "followers", &[
                "follower", "followercount", "followerscount", "fans", "subscribers", "totalfollowers",
                "seguidores", "pengikut", "abonnes",
            ]),
            Following => ("Following", "following", &["followingcount", "follows"]),
            AvgViews => ("Avg. views", "avg_views", &[
                "views", "viewsavg", "averageviews", "avgvideoviews", "averagevideoviews", "videoviewsavg",
                "avgviewspervideo", "viewspervideo",
            ]),
            AvgLikes => ("Avg. likes", "avg_likes", &["likes", "likesavg", "averagelikes", "avgvideolikes"]),
            AvgComments => ("Avg. comments", "avg_comments", &[
                "comments", "commentsavg", "averagecomments", "avgvideocomments",
            ]),
            AvgShares => ("Avg. shares", "avg_shares", &["shares", "sharesavg", "averageshares", "avgvideoshares"]),
            EngagementRate => ("Engagement rate", "engagement_rate", &[
                "engagement", "er", "engrate", "avgengagementrate", "averageengagementrate", "engagementratio",
            ]),
            Gmv => ("GMV", "gmv", &[
                "totalgmv", "creatorgmv", "affiliategmv", "grossmerchandisevalue", "sales", "revenue",
                "salesamount",
            ]),
            Currency => ("Currency", "currency", &["currencycode", "moneda", "matauang", "devise", "wahrung"]),
            UnitsSold => ("Units sold", "units_sold", &[
                "itemssold", "affiliateitemssold", "unitssold", "sold", "units", "productssold",
            ]),
            AvgCommissionRate => ("Avg. commission rate", "avg_commission_rate", &[
                "commissionrate", "commission", "averagecommissionrate", "standardcommissionrate",
            ]),
            // Numbered columns ("Category_1", "Niche 2") feed it too (`Field::from_header`).
            Categories => ("Categories", "categories", &[
                "category", "niche", "niches", "topcategories", "maincategory", "contentcategory", "kategori",
                "categoria", "categorie", "topic", "topics", "genre", "genres", "contenttopic", "contentgenre",
                "topcategory", "contentniche",
            ]),
            Country => ("Country", "country", &[
                "countryregion", "region", "location", "market", "pais", "negara", "pays", "land",
            ]),
            Language => ("Language", "language", &["lang", "idioma", "bahasa", "langue", "sprache"]),
            Bio => ("Bio", "bio", &["description", "biodescription", "about", "signature", "profilebio"]),
            Email => ("E-mail", "email", &[
                "emailaddress", "mail", "contactemail", "businessemail", "correo", "correoelectronico",
            ]),
            AudienceFemale => ("Audience female %", "audience_female", &[
                "female", "femaleaudience", "femaleshare", "femalefollowers", "women",
            ]),
            AudienceMale => ("Audience male %", "audience_male", &[
                "male", "maleaudience", "maleshare", "malefollowers", "men",
            ]),
            AudienceOther => ("Audience other gender %", "audience_other", &[
                "othergender", "otheraudience", "othershare", "audienceothergender",
            ]),
            Age13To17 => ("Age 13–17 %", "age_13_to_17", &["age1317", "1317", "audienceage1317"]),
            Age18To24 => ("Age 18–24 %", "age_18_to_24", &["age1824", "1824", "audienceage1824"]),
            Age25To34 => ("Age 25–34 %", "age_25_to_34", &["age2534", "2534", "audienceage2534"]),
            Age35To44 => ("Age 35–44 %", "age_35_to_44", &["age3544", "3544", "audienceage3544"]),
            Age45To54 => ("Age 45–54 %", "age_45_to_54", &["age4554", "4554", "audienceage4554"]),
            Age55Plus => ("Age 55+ %", "age_55_plus", &["age55", "55", "age55plus", "55plus", "audienceage55"]),
            // A column naming countries without shares ("Audience country: India") is read as the top
            // audience country (`record.rs`).
            AudienceCountries => ("Audience countries", "audience_countries", &[
                "topcountries", "audiencecountry", "followercountries", "topaudiencecountries",
                "audiencelocations", "audiencegeo", "topcountry", "topaudiencecountry", "mainaudiencecountry",
                "audiencetopcountry",
            ]),
            AsOf => ("As of", "as_of", &[
                "asofdate", "date", "snapshotdate", "updated", "lastupdated", "updatedat", "datadate",
                "reportdate",
            ]),
        }
    }
}

/// Lower case, accents dropped, only letters and digits kept: "Avg. Video Views" → "avgvideoviews",
/// "País" → "pais". A header made only of punctuation ("@") keeps its trimmed self.
pub fn normalize_header(header: &str) -> String {
    let folded: String = header
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    if folded.is_empty() {
        header.trim().to_string()
    } else {
        folded
    }
}

/// The header without any "(…)" or "[…]" part.
pub(crate) fn strip_brackets(header: &str) -> String {
    let mut depth = 0u32;
    header
        .chars()
        .filter(|&c| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_is_normalized_and_belongs_to_one_field() {
        let mut seen = std::collections::HashMap::new();
        for f in Field::ALL {
            let own = normalize_header(f.key());
            for alias in f.spellings().2.iter().copied().chain([own.as_str()]) {
                assert_eq!(
                    normalize_header(alias),
                    alias,
                    "alias '{alias}' of {f:?} should be stored normalized"
                );
                if let Some(other) = seen.insert(alias.to_string(), f) {
                    assert_eq!(other, f, "alias '{alias}' should belong to one field only");
                }
            }
        }
    }

    #[test]
    fn headers_match_across_case_space_punctuation_and_accents() {
        let cases: &[(&str, Field)] = &[
            ("Tiktoker name", Handle),
            ("Tiktok name", DisplayName),
            ("followers", Followers),
            ("views(avg)", AvgViews),
            ("likes(avg.)", AvgLikes),
            ("comments(avg.)", AvgComments),
            ("shares(avg.)", AvgShares),
            ("Creator username", Handle),
            ("Creator name", DisplayName),
            ("Avg. video views", AvgViews),
            ("GMV", Gmv),
            ("GMV (USD)", Gmv),
            ("Affiliate items sold ", UnitsSold),
            ("Items sold", UnitsSold),
            ("Commission rate", AvgCommissionRate),
            ("Country/Region", Country),
            ("E-mail", Email),
            ("Category", Categories),
            ("@", Handle),
            ("TikTok Handle", Handle),
            ("ER", EngagementRate),
            ("Engagement Rate (%)", EngagementRate),
            ("Female %", AudienceFemale),
            ("Age 18-24", Age18To24),
            ("age_55_plus", Age55Plus),
            ("55+", Age55Plus),
            ("Top countries", AudienceCountries),
            ("open id", OpenId),
            ("Creator ID", OpenId),
            ("País", Country),
            ("CATÉGORIE", Categories),
            ("as_of", AsOf),
            ("avg_commission_rate", AvgCommissionRate),
            ("Category_1", Categories),
            ("Category 2", Categories),
            ("Niche3", Categories),
            ("Genre", Categories),
            ("Topic", Categories),
            ("Youtuber", Handle),
            ("Subscribers", Followers),
            ("Instagram name", DisplayName),
            ("Channel name", DisplayName),
        ];
        for (header, want) in cases {
            assert_eq!(Field::from_header(header), Some(*want), "header '{header}' should map to {want:?}");
        }
        for header in ["Rank", "#", "", "Video ID", "Notes", "Followers 2"] {
            assert_eq!(Field::from_header(header), None, "header '{header}' should stay unmapped");
        }
    }

    #[test]
    fn json_names_are_the_template_keys() {
        for f in Field::ALL {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.key()), "{f:?} serializes as its template key");
        }
    }

    #[test]
    fn only_the_handle_is_required_and_labels_are_distinct() {
        let required: Vec<Field> = Field::ALL.into_iter().filter(|f| f.is_required()).collect();
        assert_eq!(required, vec![Handle], "only the handle is required");
        let labels: std::collections::HashSet<&str> = Field::ALL.iter().map(|f| f.label()).collect();
        assert_eq!(labels.len(), Field::ALL.len(), "every field has its own label");
    }
}
