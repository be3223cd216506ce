//! One creator added or edited by hand: the seller's words checked field by field (every problem at
//! once, each named), then written as a one-row import "Added by hand" (source kind `hand`), so the
//! figures get their snapshot and provenance like any import's and a blank never erases what is known.

use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_domain::{
    BasisPoints, CountryCode, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, FieldProblem,
    Handle, ImportReport, Money, Platform,
};
use scout_store::SourceKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The source name of hand entries.
pub const HAND_SOURCE: &str = "Added by hand";

/// What the seller typed about one creator. Empty = not given (an edit keeps what Scout has).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HandEntry {
    pub platform: Platform,
    /// "@name", "name" or a profile link.
    pub handle: String,
    pub display_name: Option<String>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_views: Option<u64>,
    /// Percent, 0–100.
    pub engagement_percent: Option<f64>,
    pub gmv: Option<Money>,
    /// Two letters.
    pub country: Option<String>,
    pub categories: Vec<String>,
    pub email: Option<String>,
    pub bio: Option<String>,
}

impl Default for HandEntry {
    fn default() -> Self {
        HandEntry {
            platform: Platform::TikTok,
            handle: String::new(),
            display_name: None,
            followers: None,
            avg_views: None,
            engagement_percent: None,
            gmv: None,
            country: None,
            categories: Vec::new(),
            email: None,
            bio: None,
        }
    }
}

fn text(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// The entry as a record, or every problem with it, each naming its field.
pub fn check_entry(e: &HandEntry) -> std::result::Result<CreatorRecord, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let handle =
        Handle::parse(&e.handle).map_err(|err| problems.push(FieldProblem::new("handle", err.to_string())));
    let engagement = match e.engagement_percent {
        Some(p) if !(0.0..=100.0).contains(&p) || p.is_nan() => {
            problems
                .push(FieldProblem::new("engagement_percent", format!("{p} is not a percent from 0 to 100")));
            None
        }
        Some(p) => Some(BasisPoints((p * 100.0).round() as u32)),
        None => None,
    };
    if e.gmv.as_ref().is_some_and(|m| m.minor < 0) {
        problems.push(FieldProblem::new("gmv", "GMV cannot be negative"));
    }
    let country = match text(&e.country) {
        Some(c) => CountryCode::parse(&c)
            .map_err(|_| {
                problems.push(FieldProblem::new("country", format!("'{c}' is not a two-letter country code")))
            })
            .ok(),
        None => None,
    };
    let email = text(&e.email);
    if email.as_deref().is_some_and(|m| !m.contains('@') || m.contains(char::is_whitespace)) {
        problems.push(FieldProblem::new("email", "this is not an e-mail address"));
    }
    if e.followers.is_some_and(|f| f > 2_000_000_000) {
        problems.push(FieldProblem::new("followers", "more followers than anyone has"));
    }
    let Ok(handle) = handle else { return Err(problems) };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CreatorRecord {
        key: CreatorKey { platform: e.platform, handle },
        profile: CreatorProfile {
            display_name: text(&e.display_name),
            categories: e.categories.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
            country,
            bio: text(&e.bio),
            email,
            ..Default::default()
        },
        figures: CreatorFigures {
            followers: e.followers,
            avg_views: e.avg_views,
            engagement_rate: engagement,
            gmv: e.gmv.clone(),
            ..Default::default()
        },
        audience: None,
        as_of: Some(Utc::now().date_naive()),
    })
}

impl Workspace {
    /// Adds a creator, or updates the one with this platform and handle, from what the seller typed;
    /// refuses with every problem at once, nothing written. Returns the import's report.
    #[tracing::instrument(skip(self, entry))]
    pub async fn save_creator_by_hand(&self, entry: &HandEntry) -> Result<ImportReport> {
        let record = check_entry(entry).map_err(AppError::InvalidFields)?;
        let platform = record.key.platform;
        self.write_records_import(HAND_SOURCE, SourceKind::Hand, platform, vec![Ok((record, Vec::new()))])
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_named_at_once_and_a_good_entry_becomes_a_record() {
        let bad = HandEntry {
            handle: "  ".into(),
            engagement_percent: Some(140.0),
            country: Some("Spain".into()),
            email: Some("mia at example".into()),
            ..Default::default()
        };
        let fields: Vec<String> = check_entry(&bad).unwrap_err().into_iter().map(|p| p.field).collect();
        assert_eq!(fields, ["handle", "engagement_percent", "country", "email"]);
        let good = HandEntry {
            handle: "https://www.tiktok.com/@Mia.Glow".into(),
            engagement_percent: Some(4.25),
            country: Some("gb".into()),
            categories: vec![" Beauty ".into(), "".into()],
            ..Default::default()
        };
        let r = check_entry(&good).unwrap();
        assert_eq!(r.key.handle.as_str(), "mia.glow");
        assert_eq!(r.figures.engagement_rate, Some(BasisPoints(425)));
        assert_eq!(r.profile.country.unwrap().as_str(), "GB");
        assert_eq!(r.profile.categories, ["Beauty"]);
    }
}
