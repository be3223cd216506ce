//! Enriching creators with their TikTok Shop profiles: who follows them (age, gender and country shares,
//! which the match's audience fit reads), their exact figures where they share them, fetched creator by
//! creator and written every [`ENRICH_CHUNK`] as an import "TikTok Shop creator profiles", so a cancel or
//! a crash keeps what was fetched; a new run skips creators whose profile was fetched today (`profile_fetches`) (it continues where
//! the last one stopped). A share the model cannot read is noted and that part of the audience left out.

use super::marketplace_import::{exact, range};
use super::shop_profile::{categories, shop_profile, CategoryNames};
use crate::creators::Entry;
use crate::{CancelToken, Result, Workspace};
use chrono::Utc;
use scout_domain::{
    AgeBand, AgeShare, AudienceMix, BasisPoints, CountRange, CountryCode, CountryShare, CreatorFigures,
    CreatorKey, CreatorProfile, CreatorRecord, GenderSplit, Handle, ImportCounts, Platform, ShopProfile,
};
use scout_store::SourceKind;
use scout_tiktok::{CreatorPerformance, ExactOrRange, Share, TiktokError};
use serde::Serialize;
use std::time::Duration;
use ts_rs::TS;

/// The source name of profile imports.
pub const PROFILES_SOURCE: &str = "TikTok Shop creator profiles";
/// Profiles written per import (a crash loses at most this many fetches).
pub const ENRICH_CHUNK: usize = 50;
const ENRICH_INTERVAL: Duration = Duration::from_millis(20);

/// One fetched profile: the creator's open id, their import row and their TikTok Shop profile.
type Fetched = (String, Entry, ShopProfile);

/// What an enrichment did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EnrichReport {
    /// Creators asked for.
    #[ts(type = "number")]
    pub asked: u64,
    /// Already enriched today, not fetched again.
    #[ts(type = "number")]
    pub skipped_fresh: u64,
    #[ts(type = "number")]
    pub fetched: u64,
    /// The imports written, with their counts.
    pub counts: ImportCounts,
    #[ts(type = "number[]")]
    pub imports: Vec<i64>,
    /// (open id, why) for each profile that could not be fetched or read.
    pub failed: Vec<(String, String)>,
    /// Why it stopped before the end (cancelled, the connection refused), everything fetched kept.
    pub stopped: Option<String>,
}

fn audience(p: &CreatorPerformance, notes: &mut Vec<String>) -> Option<AudienceMix> {
    let mut mix = AudienceMix::default();
    match p
        .follower_ages
        .iter()
        .map(|s| AgeBand::parse(&s.key).map(|band| AgeShare { band, share: s.share }))
        .collect()
    {
        Ok(age) => mix.age = age,
        Err(e) => notes.push(format!("follower ages left out: {e}")),
    }
    let gender =
        |name: &str| p.follower_genders.iter().find(|s| s.key.eq_ignore_ascii_case(name)).map(|s| s.share.0);
    if let (Some(female), Some(male)) = (gender("female"), gender("male")) {
        let other = gender("other").unwrap_or_else(|| 10_000u32.saturating_sub(female + male));
        mix.gender = Some(GenderSplit {
            female: BasisPoints(female),
            male: BasisPoints(male),
            other: BasisPoints(other),
        });
    }
    let mut countries: Vec<CountryShare> = Vec::new();
    for Share { key, share } in &p.follower_countries {
        match CountryCode::parse(key) {
            Ok(country) => countries.push(CountryShare { country, share: *share }),
            Err(_) => notes.push(format!("follower country '{key}' is not a country code; left out")),
        }
    }
    countries.sort_by_key(|c| std::cmp::Reverse(c.share));
    mix.countries = countries;
    if let Err(e) = mix.validate() {
        notes.push(format!("the follower shares do not add up ({e}); the audience is left out"));
        return None;
    }
    (!mix.is_empty()).then_some(mix)
}

pub(crate) fn profile_entry(p: &CreatorPerformance, profile: &ShopProfile, names: &CategoryNames) -> Entry {
    let handle = Handle::parse(&p.username).map_err(|e| {
        (format!("username '{}': {e}", p.username), vec![p.open_id.clone(), p.username.clone()])
    })?;
    let mut notes = Vec::new();
    let audience = audience(p, &mut notes);
    Ok((
        CreatorRecord {
            key: CreatorKey { platform: Platform::TikTok, handle },
            profile: CreatorProfile {
                open_id: Some(p.open_id.clone()),
                display_name: p.nickname.clone(),
                country: p.region.as_deref().and_then(|r| CountryCode::parse(r).ok()),
                bio: p.bio.clone(),
                categories: categories(p, profile, names),
                ..Default::default()
            },
            figures: CreatorFigures {
                followers: p.followers,
                avg_views: p.avg_video_views,
                engagement_rate: p.engagement,
                gmv: exact(&p.gmv),
                gmv_range: range(&p.gmv),
                units_sold: exact(&p.units_sold),
                units_sold_range: match &p.units_sold {
                    Some(ExactOrRange::Range(r)) => Some(CountRange { low: r.min, high: r.max }),
                    _ => None,
                },
                avg_commission_rate: exact(&p.avg_commission),
                ..Default::default()
            },
            audience,
            as_of: Some(Utc::now().date_naive()),
        },
        notes,
    ))
}

impl Workspace {
    /// The open ids of these creators (those without one are left out: only TikTok Shop knows them).
    pub async fn open_ids_of(&self, creator_ids: &[i64]) -> Result<Vec<String>> {
        Ok(self.store.open_ids_of(creator_ids).await?)
    }

    /// The workspace ids of the TikTok creators with these open ids (those not in the workspace left
    /// out), e.g. marketplace results just added.
    pub async fn creator_ids_by_open_id(&self, open_ids: &[String]) -> Result<Vec<i64>> {
        Ok(self.store.creator_ids_by_open_id(open_ids).await?)
    }

    /// Every TikTok creator's open id in the workspace, the longest without a profile fetch first.
    pub async fn creator_open_ids(&self) -> Result<Vec<String>> {
        Ok(self.store.creator_open_ids().await?)
    }

    /// Fetches and stores the TikTok Shop profiles of these creators (by open id), skipping those
    /// enriched today; `progress(done, total)` after each fetch.
    pub async fn enrich_creators(
        &self,
        open_ids: &[String],
        mut progress: impl FnMut(u64, u64),
        cancel: &CancelToken,
    ) -> Result<EnrichReport> {
        let mut report = EnrichReport { asked: open_ids.len() as u64, ..Default::default() };
        let today = Utc::now().date_naive();
        let fresh = self.store.profiles_fetched_since(today).await?;
        let todo: Vec<&String> = open_ids.iter().filter(|id| !fresh.contains(*id)).collect();
        report.skipped_fresh = report.asked - todo.len() as u64;
        let (connection, client) = self.tiktok_client().await?;
        let names =
            if todo.is_empty() { CategoryNames::new() } else { self.shop_category_names(&client).await? };
        let mut entries: Vec<Fetched> = Vec::new();
        for (i, id) in todo.iter().enumerate() {
            if cancel.is_cancelled() {
                report.stopped = Some("cancelled; the profiles fetched so far are kept".into());
                break;
            }
            if i > 0 {
                tokio::time::sleep(ENRICH_INTERVAL).await;
            }
            match client.marketplace_creator(id).await {
                Ok(p) => {
                    report.fetched += 1;
                    let profile = shop_profile(&p, &names);
                    entries.push((p.open_id.clone(), profile_entry(&p, &profile, &names), profile));
                }
                Err(
                    e @ (TiktokError::Unauthorized { .. }
                    | TiktokError::TokenExpired { .. }
                    | TiktokError::Transport(_)),
                ) => {
                    report.stopped = Some(e.to_string());
                    break;
                }
                Err(e) => report.failed.push(((*id).clone(), e.to_string())),
            }
            progress(i as u64 + 1, todo.len() as u64);
            if entries.len() == ENRICH_CHUNK {
                self.write_profiles(&mut report, std::mem::take(&mut entries)).await?;
            }
        }
        if !entries.is_empty() {
            self.write_profiles(&mut report, entries).await?;
        }
        self.save_refreshed_tokens(&connection, &client).await?;
        Ok(report)
    }

    /// Writes fetched profiles as one import, then their TikTok Shop profiles (by open id, once the
    /// import has created or followed the creator), then notes them fetched today.
    async fn write_profiles(&self, report: &mut EnrichReport, fetched: Vec<Fetched>) -> Result<()> {
        let mut ids = Vec::with_capacity(fetched.len());
        let mut entries = Vec::with_capacity(fetched.len());
        let mut profiles = Vec::with_capacity(fetched.len());
        for (id, entry, profile) in fetched {
            ids.push(id.clone());
            entries.push(entry);
            profiles.push((id, profile));
        }
        let r =
            self.write_records_import(PROFILES_SOURCE, SourceKind::Api, Platform::TikTok, entries).await?;
        if let Some(batch) = r.import_id {
            self.store.save_shop_profiles(batch, &profiles).await?;
        }
        self.store.note_profiles_fetched(&ids, Utc::now().date_naive()).await?;
        let (c, n) = (&mut report.counts, r.counts);
        c.rows_total += n.rows_total;
        c.created += n.created;
        c.updated += n.updated;
        c.unchanged += n.unchanged;
        c.merged += n.merged;
        c.rejected += n.rejected;
        report.imports.extend(r.import_id);
        Ok(())
    }
}
