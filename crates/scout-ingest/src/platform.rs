//! Which platform a creator list is from, read from its headers and its file name: third-party lists
//! say it in a column's name ("Instagram name", "Youtuber", "Subscribers") or in the file's name
//! ("top_instagram_2022.csv"), rarely in a column of their own. TikTok is Scout's default, but a list
//! that says Instagram is never stored as TikTok creators because of that default; a list whose signals
//! disagree is not guessed at all — the seller chooses.

use crate::fields::normalize_header;
use scout_domain::Platform;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the file says about its platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlatformHint {
    /// The platform every signal agrees on; `None` when there is no signal or they disagree.
    pub platform: Option<Platform>,
    /// What said so, in plain words: "the header 'Instagram name'", "the file name 'yt.csv'".
    pub evidence: Vec<String>,
    /// The signals name different platforms: the seller must choose.
    pub conflict: bool,
}

/// The platform a normalized header names, if any.
fn in_header(norm: &str) -> Option<Platform> {
    if norm.contains("tiktok") {
        Some(Platform::TikTok)
    } else if norm.contains("instagram") || norm.starts_with("insta") || is_ig(norm) {
        Some(Platform::Instagram)
    } else if norm.contains("youtube") || norm == "subscribers" || norm.starts_with("subscriber") {
        Some(Platform::YouTube)
    } else {
        None
    }
}

/// "igname", "ighandle", "igusername", "igfollowers": the "ig" prefix as Instagram's short name.
fn is_ig(norm: &str) -> bool {
    ["name", "handle", "username", "user", "followers", "account"]
        .iter()
        .any(|rest| norm == format!("ig{rest}"))
}

/// The platform a file name names, if any (words of the name, case-insensitive).
fn in_file_name(name: &str) -> Option<Platform> {
    let lower = name.to_lowercase();
    if lower.contains("tiktok") {
        Some(Platform::TikTok)
    } else if lower.contains("instagram") {
        Some(Platform::Instagram)
    } else if lower.contains("youtube") {
        Some(Platform::YouTube)
    } else {
        None
    }
}

/// Reads the platform from the headers and the file name.
pub fn platform_hint(headers: &[String], file_name: &str) -> PlatformHint {
    let mut found: Vec<(Platform, String)> = headers
        .iter()
        .filter_map(|h| in_header(&normalize_header(h)).map(|p| (p, format!("the header '{}'", h.trim()))))
        .collect();
    if let Some(p) = in_file_name(file_name) {
        found.push((p, format!("the file name '{file_name}'")));
    }
    let first = found.first().map(|(p, _)| *p);
    let conflict = found.iter().any(|(p, _)| Some(*p) != first);
    PlatformHint {
        platform: if conflict { None } else { first },
        evidence: found.into_iter().map(|(p, what)| format!("{what} ({})", p.as_str())).collect(),
        conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(headers: &[&str], file: &str) -> PlatformHint {
        platform_hint(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>(), file)
    }

    #[test]
    fn headers_and_file_names_name_the_platform() {
        let tiktok = hint(&["Rank", "Tiktoker name", "Tiktok name", "followers"], "top1000.csv");
        assert_eq!(tiktok.platform, Some(Platform::TikTok));
        let ig = hint(&["Rank", "Instagram name", "Name", "Followers"], "list.csv");
        assert_eq!(ig.platform, Some(Platform::Instagram));
        assert_eq!(ig.evidence, ["the header 'Instagram name' (instagram)"]);
        let yt = hint(&["Youtuber", "Subscribers", "Views avg."], "list.csv");
        assert_eq!(yt.platform, Some(Platform::YouTube), "{yt:?}");
        let by_name = hint(&["handle", "followers"], "Top_YouTube_Channels_2022.xlsx");
        assert_eq!(by_name.platform, Some(Platform::YouTube));
        let none = hint(&["handle", "followers", "ig_rate"], "creators.csv");
        assert_eq!((none.platform, none.conflict), (None, false), "no signal: {none:?}");
    }

    #[test]
    fn disagreeing_signals_are_not_guessed() {
        let mixed = hint(&["Instagram name", "followers"], "tiktok_list.csv");
        assert!(mixed.conflict && mixed.platform.is_none(), "{mixed:?}");
        assert_eq!(mixed.evidence.len(), 2, "both signals are named");
    }
}
