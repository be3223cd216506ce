//! Marketplace results into the workspace: one import batch, "TikTok Shop marketplace" with today's
//! date, each creator keyed by open id (a rename is followed) with their username kept, figures stored as
//! snapshots like a file's, categories named through the shop's category list, a blank never overwriting what is known. What the marketplace gives only as
//! a range (a private creator's GMV) is not turned into a number: the report notes it per creator.

use super::shop_profile::{category_name, CategoryNames};
use crate::{Result, Workspace};
use chrono::Utc;
use scout_domain::{
    CountryCode, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Handle, ImportReport, Platform,
};
use scout_store::SourceKind;
use scout_tiktok::{ExactOrRange, MarketplaceCreator};

/// The source name of a marketplace import.
pub const MARKETPLACE_SOURCE: &str = "TikTok Shop marketplace";

fn record(c: &MarketplaceCreator, names: &CategoryNames) -> std::result::Result<CreatorRecord, String> {
    let handle = Handle::parse(&c.username).map_err(|e| format!("username '{}': {e}", c.username))?;
    Ok(CreatorRecord {
        key: CreatorKey { platform: Platform::TikTok, handle },
        profile: CreatorProfile {
            open_id: Some(c.open_id.clone()),
            display_name: c.nickname.clone(),
            country: c.region.as_deref().and_then(|r| CountryCode::parse(r).ok()),
            categories: c.category_ids.iter().map(|id| category_name(names, id)).collect(),
            ..Default::default()
        },
        figures: CreatorFigures {
            followers: c.followers,
            avg_views: c.avg_video_views,
            gmv: match &c.gmv {
                Some(ExactOrRange::Exact(m)) => Some(m.clone()),
                _ => None,
            },
            ..Default::default()
        },
        audience: None,
        as_of: Some(Utc::now().date_naive()),
    })
}

fn range_note(c: &MarketplaceCreator) -> Option<String> {
    let Some(ExactOrRange::Range(r)) = &c.gmv else { return None };
    let range = match &r.max {
        Some(max) => format!("{}–{}", r.min, max),
        None => format!("{} or more", r.min),
    };
    Some(format!(
        "@{}: 30-day GMV is shared only as a range ({range}); it is not stored as a figure",
        c.username
    ))
}

impl Workspace {
    /// Adds marketplace creators to the workspace as one import (line N = the N-th creator given).
    pub async fn add_marketplace_creators(&self, creators: &[MarketplaceCreator]) -> Result<ImportReport> {
        let names = match self.tiktok_client().await {
            Ok((_, client)) => self.shop_category_names(&client).await?,
            Err(_) => self.store.shop_category_names().await?.0,
        };
        let entries = creators
            .iter()
            .map(|c| match record(c, &names) {
                Ok(r) => Ok((r, range_note(c).into_iter().collect())),
                Err(why) => Err((why, vec![c.open_id.clone(), c.username.clone()])),
            })
            .collect();
        self.write_records_import(MARKETPLACE_SOURCE, SourceKind::Api, Platform::TikTok, entries).await
    }
}
