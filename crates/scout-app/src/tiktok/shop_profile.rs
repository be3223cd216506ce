//! A creator's TikTok Shop profile in Scout's terms (`ShopProfile`), and the shop's category names it
//! needs: the marketplace names categories by id only, so Scout keeps the region's category list
//! (Get Categories) in the workspace, fetched when missing or a week old, and reads ids through it. An
//! id the list does not name stays an id — shown, never guessed.

use crate::{Result, Workspace};
use chrono::{Duration, Utc};
use scout_domain::{BasisPoints, CategoryShare, MoneyRange, PostRateBucket, ShopProfile, TrendPeriod};
use scout_store::StoredCategory;
use scout_tiktok::{CreatorPerformance, ExactOrRange, TiktokClient};
use std::collections::HashMap;

/// A category's share of GMV from which the creator counts as selling in it (their categories).
pub const SELLING_SHARE: BasisPoints = BasisPoints(1_000);
/// How long the shop's category list is used before it is fetched again.
const CATEGORIES_FRESH_DAYS: i64 = 7;

/// Category id → name.
pub(crate) type CategoryNames = HashMap<String, String>;

pub(crate) fn category_name(names: &CategoryNames, id: &str) -> String {
    names.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// The creator's categories as names: those they sell in (by the GMV shares of their `profile`), else
/// those TikTok lists.
pub(crate) fn categories(
    p: &CreatorPerformance,
    profile: &ShopProfile,
    names: &CategoryNames,
) -> Vec<String> {
    let selling: Vec<String> = profile.selling_categories(SELLING_SHARE).map(str::to_string).collect();
    if !selling.is_empty() {
        return selling;
    }
    p.category_ids.iter().map(|id| category_name(names, id)).collect()
}

pub(crate) fn shop_profile(p: &CreatorPerformance, names: &CategoryNames) -> ShopProfile {
    let mut category_gmv: Vec<CategoryShare> = p
        .category_gmv
        .iter()
        .filter(|s| s.key != "-1")
        .map(|s| CategoryShare { category: category_name(names, &s.key), share: s.share })
        .collect();
    category_gmv.sort_by_key(|c| std::cmp::Reverse(c.share));
    let (gpm, gpm_range) = match &p.gpm {
        Some(ExactOrRange::Exact(m)) => (Some(m.clone()), None),
        Some(ExactOrRange::Range(r)) => (None, MoneyRange::new(r.min.clone(), r.max.clone())),
        None => (None, None),
    };
    ShopProfile {
        as_of: Some(Utc::now().date_naive()),
        category_gmv,
        video_gmv: p.video_gmv.clone(),
        live_gmv: p.live_gmv.clone(),
        gpm,
        gpm_range,
        median_video_views: p.median_video_views,
        videos_per_30_days: p.videos_per_30_days,
        pps: p.pps.clone(),
        post_rate: p.post_rate.as_deref().and_then(PostRateBucket::parse),
        sample_score: p.sample_score,
        fulfilment_90_days: p.fulfilment_90_days,
        creator_level: p.creator_level,
        invited_in_90_days: p.invited_in_90_days,
        blocked: p.blocked,
        contact_info_available: p.contact_info_available,
        rising_star: p.rising_star,
        trend: p
            .trend
            .iter()
            .map(|t| TrendPeriod {
                start: t.start.date_naive(),
                end: t.end.date_naive(),
                followers: t.followers,
                units_sold: t.units_sold,
                engagement_rate: t.engagement,
            })
            .collect(),
    }
}

impl Workspace {
    /// The shop's category names, fetched through `client` when the workspace has none or they are a
    /// week old. A failed fetch keeps the names already stored (ids then stay ids where none are).
    pub(crate) async fn shop_category_names(&self, client: &TiktokClient) -> Result<CategoryNames> {
        let (names, fetched) = self.store.shop_category_names().await?;
        let today = Utc::now().date_naive();
        if fetched.is_some_and(|d| today - d < Duration::days(CATEGORIES_FRESH_DAYS)) {
            return Ok(names);
        }
        match client.product_categories().await {
            Ok(list) => {
                let stored: Vec<StoredCategory> = list
                    .into_iter()
                    .map(|c| StoredCategory {
                        id: c.id,
                        parent_id: c.parent_id,
                        name: c.name,
                        is_leaf: c.is_leaf,
                    })
                    .collect();
                self.store.replace_shop_categories(&stored, today).await?;
                Ok(stored.into_iter().map(|c| (c.id, c.name)).collect())
            }
            Err(e) => {
                tracing::warn!(error = %e, "the shop's category list could not be fetched; ids stay ids");
                Ok(names)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_tiktok::Share;

    #[test]
    fn categories_read_as_names_largest_share_first_and_small_ones_left_out() {
        let mut p: CreatorPerformance = serde_json::from_value(serde_json::json!({
            "open_id": "mk-1", "username": "mia", "nickname": null, "region": "US", "bio": null,
            "followers": 1000, "category_ids": ["601450", "601451"], "follower_ages": [],
            "follower_genders": [], "follower_countries": [], "gmv": null, "video_gmv": null,
            "live_gmv": null, "gpm": null, "units_sold": null, "category_gmv": [], "content_gmv": [],
            "avg_video_views": null, "median_video_views": null, "videos_per_30_days": null,
            "engagement": null, "avg_commission": null, "pps": "4.2", "post_rate": "GOOD",
            "sample_score": 90, "fulfilment_90_days": 8000, "creator_level": 3,
            "invited_in_90_days": false, "blocked": false, "contact_info_available": true,
            "rising_star": false, "trend": []
        }))
        .unwrap();
        let names: CategoryNames = [("601450", "Beauty & Personal Care"), ("700645", "Health")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let listed = categories(&p, &shop_profile(&p, &names), &names);
        assert_eq!(listed, ["Beauty & Personal Care", "601451"], "no GMV split: TikTok's list");
        p.category_gmv = vec![
            Share { key: "700645".into(), share: BasisPoints(2_000) },
            Share { key: "601450".into(), share: BasisPoints(7_000) },
            Share { key: "600001".into(), share: BasisPoints(500) },
            Share { key: "-1".into(), share: BasisPoints(500) },
        ];
        let profile = shop_profile(&p, &names);
        assert_eq!(categories(&p, &profile, &names), ["Beauty & Personal Care", "Health"]);
        assert_eq!(profile.category_gmv.len(), 3, "every named share kept, 'other' left out");
        assert_eq!(profile.category_gmv[2].category, "600001", "an unnamed id stays an id");
        assert_eq!(profile.post_rate, Some(PostRateBucket::Good));
    }
}
