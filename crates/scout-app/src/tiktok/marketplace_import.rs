//! Marketplace results into the workspace: one import batch, "TikTok Shop marketplace" with today's
//! date, each creator keyed by open id (a rename is followed) with their username kept, figures stored as
//! snapshots like a file's, categories named through the shop's category list, a blank never overwriting what is known. What the marketplace gives only as
//! a range (a private creator's GMV and units) is stored as the range, never turned into a number.

use super::shop_profile::{category_name, CategoryNames};
use crate::{Result, Workspace};
use chrono::Utc;
use scout_domain::{
    CountRange, CountryCode, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Handle, ImportReport,
    Money, MoneyRange, Platform,
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
            gmv: exact(&c.gmv),
            gmv_range: range(&c.gmv),
            // Search lists units sold only as a band for everyone; a creator who shares figures gets
            // the exact count from their profile, which a later search's band must not replace.
            units_sold_range: c
                .units_sold
                .as_ref()
                .filter(|_| c.private)
                .map(|r| CountRange { low: r.min, high: r.max }),
            ..Default::default()
        },
        audience: None,
        as_of: Some(Utc::now().date_naive()),
    })
}

/// The exact amount, when the creator shares it.
pub(crate) fn exact<T: Clone>(f: &Option<ExactOrRange<T>>) -> Option<T> {
    match f {
        Some(ExactOrRange::Exact(v)) => Some(v.clone()),
        _ => None,
    }
}

/// The range, when the creator shares only one (kept as a range, never made a number).
pub(crate) fn range(f: &Option<ExactOrRange<Money>>) -> Option<MoneyRange> {
    match f {
        Some(ExactOrRange::Range(r)) => MoneyRange::new(r.min.clone(), r.max.clone()),
        _ => None,
    }
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
                Ok(r) => Ok((r, Vec::new())),
                Err(why) => Err((why, vec![c.open_id.clone(), c.username.clone()])),
            })
            .collect();
        self.write_records_import(MARKETPLACE_SOURCE, SourceKind::Api, Platform::TikTok, entries).await
    }
}
