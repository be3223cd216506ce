//! Finding creators on TikTok Shop's creator marketplace: one page of a search, "collect all" past a
//! query's ceiling, one creator's full performance, the region's categories and sorters — each through the connected shop's client, with the
//! day's budget of marketplace searches (10,000 requests a day) counted in the workspace so a large run
//! says beforehand what it needs and what is left, and stops at the budget with what it found kept.

use crate::{Result, Workspace};
use chrono::{NaiveDate, Utc};
use scout_tiktok::{
    CollectLimits, CollectProgress, Collected, CreatorPerformance, FilterOption, MarketplaceCursor,
    MarketplaceFilter, MarketplacePage, ShopCategory,
};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use ts_rs::TS;

const BUDGET_KEY: &str = "tiktok.marketplace_budget";
/// Marketplace searches TikTok Shop allows a shop per day.
pub const MARKETPLACE_DAILY_REQUESTS: u32 = 10_000;
/// The marketplace's own limit is 50 requests a second per API.
const MARKETPLACE_INTERVAL: Duration = Duration::from_millis(20);

/// How much of today's marketplace search budget is used (days are UTC days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarketplaceBudget {
    pub day: NaiveDate,
    pub used: u32,
    pub left: u32,
}

/// The Find view's choices for the shop's region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MarketplaceOptions {
    /// Top-level categories first, each level by name.
    pub categories: Vec<ShopCategory>,
    pub sorters: Vec<MarketplaceSorter>,
    /// The region's advanced filters ("creator tag", "vertical pro" …), each with its options.
    pub advanced: Vec<AdvancedFilter>,
}

/// One of the region's advanced filters: its type (sent back as is), a name to show, its options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AdvancedFilter {
    pub option_type: String,
    /// "OPTION_CREATOR_TAG" → "Creator tag" (TikTok Shop gives no name for the type).
    pub label: String,
    pub options: Vec<FilterOption>,
}

fn type_label(option_type: &str) -> String {
    let words = option_type.trim_start_matches("OPTION_").replace('_', " ").to_lowercase();
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// One way the marketplace can order its results (`algorithm_id`, and its name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MarketplaceSorter {
    pub id: String,
    pub name: String,
}

impl Workspace {
    /// Today's marketplace search budget: used and left.
    pub async fn marketplace_budget(&self) -> Result<MarketplaceBudget> {
        let today = Utc::now().date_naive();
        let used = match self.json_setting::<(NaiveDate, u32)>(BUDGET_KEY).await? {
            Some((day, used)) if day == today => used,
            _ => 0,
        };
        Ok(MarketplaceBudget { day: today, used, left: MARKETPLACE_DAILY_REQUESTS.saturating_sub(used) })
    }

    async fn spend_marketplace_requests(&self, requests: u32) -> Result<()> {
        let budget = self.marketplace_budget().await?;
        self.set_json_setting(BUDGET_KEY, &(budget.day, budget.used.saturating_add(requests))).await
    }

    /// One page of a marketplace search (one request of the day's budget).
    pub async fn search_marketplace(
        &self,
        filter: &MarketplaceFilter,
        cursor: Option<&MarketplaceCursor>,
    ) -> Result<MarketplacePage> {
        let (connection, client) = self.tiktok_client().await?;
        let page = client.search_marketplace(filter, cursor).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        self.spend_marketplace_requests(1).await?;
        page.map_err(crate::tiktok::tiktok_error)
    }

    /// Every creator `filter` matches, past the ceiling of one query, within what is left of today's
    /// budget; a stop (budget, refusal, cancel) keeps what was found and says why in `stopped`.
    pub async fn collect_marketplace(
        &self,
        filter: &MarketplaceFilter,
        progress: impl FnMut(CollectProgress),
        cancelled: impl Fn() -> bool,
    ) -> Result<Collected> {
        let left = self.marketplace_budget().await?.left;
        let (connection, client) = self.tiktok_client().await?;
        let limits =
            CollectLimits { max_requests: left, interval: MARKETPLACE_INTERVAL, ..Default::default() };
        let collected = client.collect_marketplace(filter, limits, progress, cancelled).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        self.spend_marketplace_requests(collected.requests).await?;
        Ok(collected)
    }

    /// What the Find view offers for the shop's region: its product categories (named, each with its
    /// parent) and the marketplace's sorters, from TikTok Shop rather than a list in Scout.
    pub async fn marketplace_options(&self) -> Result<MarketplaceOptions> {
        let (connection, client) = self.tiktok_client().await?;
        self.shop_category_names(&client).await?;
        let categories = self
            .store
            .shop_categories()
            .await?
            .into_iter()
            .map(|c| ShopCategory { id: c.id, parent_id: c.parent_id, name: c.name, is_leaf: c.is_leaf })
            .collect();
        let filters = client.marketplace_filter_options(&[]).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        let filters = filters.map_err(crate::tiktok::tiktok_error)?;
        Ok(MarketplaceOptions {
            categories,
            sorters: filters.sorters.into_iter().map(|(id, name)| MarketplaceSorter { id, name }).collect(),
            advanced: filters
                .options
                .into_iter()
                .filter(|(_, options)| !options.is_empty())
                .map(|(option_type, options)| AdvancedFilter {
                    label: type_label(&option_type),
                    option_type,
                    options,
                })
                .collect(),
        })
    }

    /// One creator's full marketplace performance.
    pub async fn marketplace_creator(&self, open_id: &str) -> Result<CreatorPerformance> {
        let (connection, client) = self.tiktok_client().await?;
        let performance = client.marketplace_creator(open_id).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        performance.map_err(crate::tiktok::tiktok_error)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_option_type_reads_as_words() {
        assert_eq!(super::type_label("OPTION_CREATOR_TAG"), "Creator tag");
        assert_eq!(super::type_label("OPTION_VERTICAL_PRO"), "Vertical pro");
    }
}
