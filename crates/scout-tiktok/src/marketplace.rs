//! The creator marketplace (`/affiliate_seller/202608/marketplace_creators/…`): search with the
//! platform's filters, page by page with the search key; the region's advanced filter options and
//! sorters; one creator's full performance. Figures cover the last 30 days; what a creator keeps
//! private comes as a range and stays one ([`ExactOrRange::Range`]). Collecting beyond one query's ceiling is
//! `marketplace_collect`.

use scout_domain::{BasisPoints, Currency, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::wire::parse_data;
use super::wire_marketplace as w;

pub use super::marketplace_filter::{
    AgeRange, CategoryFilter, ChosenOptions, ContentPreference, Gender, GmvBand, MarketplaceFilter, PostRate,
    UnitsBand,
};

pub(crate) const SEARCH_PATH: &str = "/affiliate_seller/202608/marketplace_creators/search";
const FILTER_PATH: &str = "/affiliate_seller/202608/marketplace_creators/search/filter";
const CREATOR_PATH: &str = "/affiliate_seller/202608/marketplace_creators";

/// A marketplace query stops yielding new creators after about this many rows.
pub const QUERY_CEILING: usize = 400;
/// Rows a search page asks for: the model allows 12 or 20.
pub const SEARCH_PAGE_SIZE: u32 = 20;

/// A range as the marketplace gives it: `max` `None` = "and above".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Range<T> {
    pub min: T,
    pub max: Option<T>,
}

/// A figure the creator shares exactly, or only as a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ExactOrRange<T> {
    Exact(T),
    Range(Range<T>),
}

/// One creator as a marketplace search lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarketplaceCreator {
    /// Per developer app: stable for Scout across sellers.
    pub open_id: String,
    pub username: String,
    pub nickname: Option<String>,
    pub avatar_url: Option<String>,
    pub region: Option<String>,
    pub category_ids: Vec<String>,
    #[ts(type = "number | null")]
    pub followers: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_video_views: Option<u64>,
    #[ts(type = "number | null")]
    pub avg_live_viewers: Option<u64>,
    /// 30 days.
    pub gmv: Option<ExactOrRange<Money>>,
    pub video_gmv: Option<Money>,
    pub live_gmv: Option<Money>,
    #[ts(type = "{ min: number, max: number | null } | null")]
    pub units_sold: Option<Range<u64>>,
    /// The top follower age bands ("AGE_RANGE_18_24").
    pub top_follower_ages: Vec<String>,
    /// The larger gender and its share.
    pub major_gender: Option<(String, BasisPoints)>,
    pub pps_score: Option<String>,
    pub creator_level: Option<u32>,
    pub fast_growing: bool,
    pub rising_star: bool,
    pub invited_in_90_days: bool,
    pub has_collaborated: bool,
    pub blocked: bool,
    /// Keeps precise figures private: GMV and units come as ranges.
    pub private: bool,
}

/// One page of a marketplace search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MarketplacePage {
    pub creators: Vec<MarketplaceCreator>,
    /// Rows that could not be read (no open id, no username), with why — never silently dropped.
    pub unreadable: Vec<String>,
    /// Where the next page starts; `None` on the last.
    pub next: Option<MarketplaceCursor>,
}

/// Where a search continues: the search key (stable results) and the page token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarketplaceCursor {
    pub search_key: String,
    pub page_token: String,
}

/// The region's advanced filter options and sorters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarketplaceFilterOptions {
    /// Option type → its options (id, name, children as (id, name)).
    pub options: Vec<(String, Vec<FilterOption>)>,
    /// (algorithm id, name).
    pub sorters: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FilterOption {
    pub id: String,
    pub name: String,
    pub children: Vec<(String, String)>,
}

/// Money from an amount string: marketplace figures are statistics, so they are read to the currency's
/// minor unit, rounding (an IDR amount may carry cents the currency does not have).
fn money(currency: Option<&str>, amount: Option<&str>) -> Option<Money> {
    let currency = Currency::parse(currency?.trim()).ok()?;
    let value: f64 = amount?.trim().parse().ok()?;
    (value >= 0.0).then(|| Money::from_major(value, currency)).flatten()
}

pub(crate) fn amount(a: Option<&w::Amount>) -> Option<Money> {
    a.and_then(|a| money(a.currency.as_deref(), a.amount.as_deref()))
}

pub(crate) fn money_range(r: Option<&w::AmountRange>) -> Option<Range<Money>> {
    let r = r?;
    let min = money(r.currency.as_deref(), r.minimum_amount.as_deref())?;
    let max = money(r.currency.as_deref(), r.maximum_amount.as_deref()).filter(|m| m.minor > min.minor);
    Some(Range { min, max })
}

pub(crate) fn count_range(r: Option<&w::CountRangeReply>) -> Option<Range<u64>> {
    let r = r?;
    let min = r.minimum_amount?;
    Some(Range { min, max: r.maximum_amount.filter(|m| *m > min) })
}

fn creator(row: w::SearchCreator) -> Result<MarketplaceCreator, String> {
    let open_id =
        row.creator_open_id.filter(|s| !s.trim().is_empty()).ok_or("a creator without creator_open_id")?;
    let username = row
        .username
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("creator {open_id} without a username"))?;
    let profile = row.creator_profile.unwrap_or_default();
    let exact = amount(row.gmv.as_ref());
    let gmv = exact
        .map(ExactOrRange::Exact)
        .or_else(|| money_range(row.gmv_range.as_ref()).map(ExactOrRange::Range));
    let demographics = row.top_follower_demographics.unwrap_or_default();
    Ok(MarketplaceCreator {
        open_id,
        username,
        nickname: row.nickname.filter(|s| !s.is_empty()),
        avatar_url: row.avatar.and_then(|a| a.url).filter(|s| !s.is_empty()),
        region: row.selection_region.filter(|s| !s.is_empty()),
        category_ids: row.category_ids,
        followers: row.follower_count,
        avg_video_views: row.avg_ec_video_view_count,
        avg_live_viewers: row.avg_ec_live_uv,
        gmv,
        video_gmv: amount(row.video_gmv.as_ref()),
        live_gmv: amount(row.live_gmv.as_ref()),
        units_sold: count_range(row.units_sold_range.as_ref()),
        top_follower_ages: demographics.age_ranges,
        major_gender: demographics
            .major_gender
            .and_then(|g| Some((g.gender?, BasisPoints(g.percentage?.min(10_000))))),
        pps_score: profile.pps_score.filter(|s| !s.is_empty()),
        creator_level: profile.creator_level,
        fast_growing: profile.is_fast_growing.unwrap_or(false),
        rising_star: profile.is_rising_star.unwrap_or(false),
        invited_in_90_days: profile.has_invited_90d.unwrap_or(false),
        has_collaborated: profile.has_collaborated.unwrap_or(false),
        blocked: profile.is_creator_blocked.unwrap_or(false),
        private: profile.user_type_tag.contains(&1),
    })
}

impl TiktokClient {
    /// One page of a marketplace search: the first page without a cursor, the next ones with the cursor
    /// the previous page gave (the search key keeps the results stable).
    pub async fn search_marketplace(
        &self,
        filter: &MarketplaceFilter,
        cursor: Option<&MarketplaceCursor>,
    ) -> Result<MarketplacePage, TiktokError> {
        filter.validate()?;
        let body = filter.body(cursor.map(|c| c.search_key.clone()));
        let body = serde_json::to_vec(&body)
            .map_err(|e| TiktokError::Unexpected(format!("cannot encode the body: {e}")))?;
        let mut query = vec![("page_size", SEARCH_PAGE_SIZE.to_string())];
        if let Some(c) = cursor {
            query.push(("page_token", c.page_token.clone()));
        }
        let data = self.call(Method::Post, SEARCH_PATH, &query, Some(&body)).await?;
        let data: w::SearchData = parse_data(data, "creator marketplace search reply")?;
        let (mut creators, mut unreadable) = (Vec::new(), Vec::new());
        for row in data.creators {
            match creator(row) {
                Ok(c) => creators.push(c),
                Err(why) => unreadable.push(why),
            }
        }
        let next = match (data.next_page_token.filter(|t| !t.is_empty()), data.search_key) {
            (Some(page_token), Some(search_key)) => Some(MarketplaceCursor { search_key, page_token }),
            (Some(page_token), None) => Some(MarketplaceCursor {
                search_key: cursor.map(|c| c.search_key.clone()).unwrap_or_default(),
                page_token,
            }),
            (None, _) => None,
        };
        Ok(MarketplacePage { creators, unreadable, next })
    }

    /// The region's advanced filter options and sorters (`option_types` empty = all of them).
    pub async fn marketplace_filter_options(
        &self,
        option_types: &[String],
    ) -> Result<MarketplaceFilterOptions, TiktokError> {
        let body = w::FilterOptionsBody {
            options: option_types.iter().map(|t| w::OptionTypeBody { option_type: t.clone() }).collect(),
        };
        let body = serde_json::to_vec(&body)
            .map_err(|e| TiktokError::Unexpected(format!("cannot encode the body: {e}")))?;
        let data = self.call(Method::Post, FILTER_PATH, &[], Some(&body)).await?;
        let data: w::FilterOptionsData = parse_data(data, "marketplace filter options reply")?;
        let text = |s: Option<String>| s.unwrap_or_default();
        Ok(MarketplaceFilterOptions {
            options: data
                .data
                .option_list
                .into_iter()
                .map(|list| {
                    let options = list
                        .options
                        .into_iter()
                        .map(|o| FilterOption {
                            id: text(o.id),
                            name: text(o.name),
                            children: o
                                .option_children
                                .into_iter()
                                .map(|c| (text(c.id), text(c.name)))
                                .collect(),
                        })
                        .collect();
                    (text(list.option_type), options)
                })
                .collect(),
            sorters: data.data.sorters.into_iter().map(|s| (text(s.algorithm_id), text(s.name))).collect(),
        })
    }

    /// One creator's full performance (`GET …/marketplace_creators/{creator_open_id}`).
    pub async fn marketplace_creator(&self, open_id: &str) -> Result<crate::CreatorPerformance, TiktokError> {
        let id = open_id.trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) {
            return Err(TiktokError::invalid("creator_open_id", format!("'{open_id}' is not an open id")));
        }
        let data = self.call(Method::Get, &format!("{CREATOR_PATH}/{id}"), &[], None).await?;
        let data: w::PerformanceData = parse_data(data, "creator performance reply")?;
        let creator = data
            .creator
            .ok_or_else(|| TiktokError::Unexpected(format!("no creator in the performance of {id}")))?;
        crate::performance::read(id, creator).map_err(TiktokError::Unexpected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_creator_keeps_gmv_as_a_range_and_a_row_without_open_id_is_said() {
        let row: w::SearchCreator = serde_json::from_value(serde_json::json!({
            "creator_open_id": "mk-1", "username": "mia", "follower_count": 1200,
            "gmv_range": {"currency": "USD", "minimum_amount": "1000.00", "maximum_amount": "10000.00"},
            "units_sold_range": {"minimum_amount": 100, "maximum_amount": 1000},
            "top_follower_demographics": {"age_ranges": ["AGE_RANGE_18_24"], "major_gender": {"gender": "FEMALE", "percentage": 6524}},
            "creator_profile": {"user_type_tag": [1], "creator_level": 3}
        }))
        .unwrap();
        let c = creator(row).unwrap();
        let usd = |minor| Money::new(minor, Currency::usd());
        assert_eq!(c.gmv, Some(ExactOrRange::Range(Range { min: usd(100_000), max: Some(usd(1_000_000)) })));
        assert_eq!(c.units_sold, Some(Range { min: 100, max: Some(1000) }));
        assert_eq!(c.major_gender, Some(("FEMALE".into(), BasisPoints(6524))));
        assert!(c.private && !c.blocked);
        let nameless: w::SearchCreator =
            serde_json::from_value(serde_json::json!({"username": "x"})).unwrap();
        assert_eq!(creator(nameless).unwrap_err(), "a creator without creator_open_id");
    }
}
