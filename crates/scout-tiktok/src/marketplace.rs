//! The creator marketplace (`/affiliate_seller/202608/marketplace_creators/…`): search with the
//! platform's filters, page by page with the search key; the region's advanced filter options and
//! sorters; one creator's full performance. Figures cover the last 30 days; what a creator keeps
//! private comes as a range and stays one ([`Figure::Range`]). Collecting beyond one query's ceiling is
//! `marketplace_collect`.

use scout_domain::{BasisPoints, Currency, Money};
use serde::{Deserialize, Serialize};

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::wire::parse_data;
use super::wire_marketplace as w;

pub(crate) const SEARCH_PATH: &str = "/affiliate_seller/202608/marketplace_creators/search";
const FILTER_PATH: &str = "/affiliate_seller/202608/marketplace_creators/search/filter";
const CREATOR_PATH: &str = "/affiliate_seller/202608/marketplace_creators";

/// A marketplace query stops yielding new creators after about this many rows.
pub const QUERY_CEILING: usize = 400;
/// Rows a search page asks for: the model allows 12 or 20.
pub const SEARCH_PAGE_SIZE: u32 = 20;

/// An age band of a creator's followers, as the search filters them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeRange {
    A18To24,
    A25To34,
    A35To44,
    A45To54,
    A55Plus,
}

impl AgeRange {
    fn wire(self) -> &'static str {
        match self {
            AgeRange::A18To24 => "AGE_RANGE_18_24",
            AgeRange::A25To34 => "AGE_RANGE_25_34",
            AgeRange::A35To44 => "AGE_RANGE_35_44",
            AgeRange::A45To54 => "AGE_RANGE_45_54",
            AgeRange::A55Plus => "AGE_RANGE_55_AND_ABOVE",
        }
    }
}

/// A band of 30-day GMV (in the region's currency), as the search filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GmvBand {
    Under100,
    From100To1k,
    From1kTo10k,
    Over10k,
}

impl GmvBand {
    pub const ALL: [GmvBand; 4] =
        [GmvBand::Under100, GmvBand::From100To1k, GmvBand::From1kTo10k, GmvBand::Over10k];

    fn wire(self) -> &'static str {
        match self {
            GmvBand::Under100 => "GMV_RANGE_0_100",
            GmvBand::From100To1k => "GMV_RANGE_100_1000",
            GmvBand::From1kTo10k => "GMV_RANGE_1000_10000",
            GmvBand::Over10k => "GMV_RANGE_10000_AND_ABOVE",
        }
    }
}

/// A band of 30-day units sold, as the search filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitsBand {
    Under10,
    From10To100,
    From100To1k,
    Over1k,
}

impl UnitsBand {
    fn wire(self) -> &'static str {
        match self {
            UnitsBand::Under10 => "UNITS_SOLD_RANGE_0_10",
            UnitsBand::From10To100 => "UNITS_SOLD_RANGE_10_100",
            UnitsBand::From100To1k => "UNITS_SOLD_RANGE_100_1000",
            UnitsBand::Over1k => "UNITS_SOLD_RANGE_1000_AND_ABOVE",
        }
    }
}

/// How often a creator posts after receiving a sample, by the region's benchmark (at least this good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostRate {
    Ok,
    Good,
    Better,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentPreference {
    Video,
    Live,
}

/// One category filter: a parent category, narrowed to some of its children when any are given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryFilter {
    pub parent: String,
    #[serde(default)]
    pub children: Vec<String>,
}

/// A marketplace search: every filter the platform offers that Scout uses. Empty = not filtered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarketplaceFilter {
    /// Part of a username or nickname.
    pub keyword: Option<String>,
    pub categories: Vec<CategoryFilter>,
    pub followers_min: Option<u64>,
    pub followers_max: Option<u64>,
    /// One of the creator's top three follower age bands is among these.
    pub follower_ages: Vec<AgeRange>,
    /// At least this share of followers of one gender.
    pub follower_gender: Option<(Gender, BasisPoints)>,
    pub gmv: Vec<GmvBand>,
    pub units_sold: Vec<UnitsBand>,
    pub min_avg_video_views: Option<u64>,
    /// Whole percent, 0–20 (the platform's steps).
    pub min_engagement_percent: Option<u8>,
    /// Average commission below 5, 10, 15 or 20 %.
    pub max_avg_commission_percent: Option<u8>,
    pub post_rate: Option<PostRate>,
    pub fast_growing: bool,
    pub not_invited_90_days: bool,
    pub content: Vec<ContentPreference>,
    /// A sorter's `algorithm_id` from [`TiktokClient::marketplace_filter_options`].
    pub sorter: Option<String>,
}

impl MarketplaceFilter {
    /// Refuses what the platform would refuse, naming the filter.
    pub fn validate(&self) -> Result<(), TiktokError> {
        if let (Some(min), Some(max)) = (self.followers_min, self.followers_max) {
            if min > max {
                return Err(TiktokError::invalid(
                    "followers_max",
                    format!("{max} is below the minimum {min}"),
                ));
            }
        }
        if self.min_engagement_percent.is_some_and(|p| p > 20) {
            return Err(TiktokError::invalid("min_engagement_percent", "the marketplace filters 0–20 %"));
        }
        if let Some(p) = self.max_avg_commission_percent.filter(|p| ![5, 10, 15, 20].contains(p)) {
            return Err(TiktokError::invalid(
                "max_avg_commission_percent",
                format!("{p} %: the marketplace offers below 5, 10, 15 or 20 %"),
            ));
        }
        if let Some((_, share)) = self.follower_gender.filter(|(_, s)| s.0 > 10_000) {
            return Err(TiktokError::invalid("follower_gender", format!("{share} is over 100 %")));
        }
        if self.categories.iter().any(|c| c.parent.trim().is_empty()) {
            return Err(TiktokError::invalid("categories", "a category filter needs its parent category id"));
        }
        Ok(())
    }

    pub(crate) fn body(&self, search_key: Option<String>) -> w::SearchBody {
        let demographics = w::FollowerDemographics {
            age_ranges: self.follower_ages.iter().map(|a| a.wire()).collect(),
            count_range: (self.followers_min.is_some() || self.followers_max.is_some())
                .then_some(w::CountRange { count_ge: self.followers_min, count_le: self.followers_max }),
            gender_distribution: self.follower_gender.map(|(gender, share)| w::GenderDistribution {
                gender: match gender {
                    Gender::Female => "FEMALE",
                    Gender::Male => "MALE",
                },
                percentage_ge: share.0,
            }),
        };
        let has_demographics = !demographics.age_ranges.is_empty()
            || demographics.count_range.is_some()
            || demographics.gender_distribution.is_some();
        let content = w::ContentPerformance {
            avg_video_views: self.min_avg_video_views.map(|v| v.to_string()),
            avg_engagement_rate: self.min_engagement_percent.map(|p| p.to_string()),
        };
        let affiliate = w::AffiliateData {
            avg_commission_rate: self.max_avg_commission_percent.map(|p| match p {
                5 => "LESS_THAN_5%",
                10 => "LESS_THAN_10%",
                15 => "LESS_THAN_15%",
                _ => "LESS_THAN_20%",
            }),
            post_rate: self.post_rate.map(|r| match r {
                PostRate::Ok => "OK",
                PostRate::Good => "GOOD",
                PostRate::Better => "BETTER",
            }),
            is_fast_growing: self.fast_growing.then_some(true),
            not_invited_l90_days: self.not_invited_90_days.then_some(true),
        };
        let advanced = w::AdvancedFilters {
            content_preference_type: self
                .content
                .iter()
                .map(|c| match c {
                    ContentPreference::Video => "VIDEO",
                    ContentPreference::Live => "LIVE",
                })
                .collect(),
            sorter_algorithm_id: self.sorter.clone(),
        };
        w::SearchBody {
            search_key,
            keyword: self.keyword.as_deref().map(str::trim).filter(|k| !k.is_empty()).map(str::to_string),
            follower_demographics: has_demographics.then_some(demographics),
            gmv_ranges: self.gmv.iter().map(|b| b.wire()).collect(),
            units_sold_ranges: self.units_sold.iter().map(|b| b.wire()).collect(),
            category: self
                .categories
                .iter()
                .map(|c| w::CategoryBody {
                    parent_category_id: c.parent.clone(),
                    child_category_id_list: c.children.clone(),
                })
                .collect(),
            content_performance: (content.avg_video_views.is_some() || content.avg_engagement_rate.is_some())
                .then_some(content),
            affiliate_data: (affiliate.avg_commission_rate.is_some()
                || affiliate.post_rate.is_some()
                || affiliate.is_fast_growing.is_some()
                || affiliate.not_invited_l90_days.is_some())
            .then_some(affiliate),
            advanced_filters: (!advanced.content_preference_type.is_empty()
                || advanced.sorter_algorithm_id.is_some())
            .then_some(advanced),
        }
    }
}

/// A range as the marketplace gives it: `max` `None` = "and above".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range<T> {
    pub min: T,
    pub max: Option<T>,
}

/// A figure the creator shares exactly, or only as a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure<T> {
    Exact(T),
    Range(Range<T>),
}

/// One creator as a marketplace search lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketplaceCreator {
    /// Per developer app: stable for Scout across sellers.
    pub open_id: String,
    pub username: String,
    pub nickname: Option<String>,
    pub avatar_url: Option<String>,
    pub region: Option<String>,
    pub category_ids: Vec<String>,
    pub followers: Option<u64>,
    pub avg_video_views: Option<u64>,
    pub avg_live_viewers: Option<u64>,
    /// 30 days.
    pub gmv: Option<Figure<Money>>,
    pub video_gmv: Option<Money>,
    pub live_gmv: Option<Money>,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarketplacePage {
    pub creators: Vec<MarketplaceCreator>,
    /// Rows that could not be read (no open id, no username), with why — never silently dropped.
    pub unreadable: Vec<String>,
    /// Where the next page starts; `None` on the last.
    pub next: Option<MarketplaceCursor>,
}

/// Where a search continues: the search key (stable results) and the page token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketplaceCursor {
    pub search_key: String,
    pub page_token: String,
}

/// The region's advanced filter options and sorters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MarketplaceFilterOptions {
    /// Option type → its options (id, name, children as (id, name)).
    pub options: Vec<(String, Vec<FilterOption>)>,
    /// (algorithm id, name).
    pub sorters: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    let gmv = exact.map(Figure::Exact).or_else(|| money_range(row.gmv_range.as_ref()).map(Figure::Range));
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
    fn a_filter_becomes_the_models_body_and_nothing_unset_is_sent() {
        assert_eq!(serde_json::to_string(&MarketplaceFilter::default().body(None)).unwrap(), "{}");
        let filter = MarketplaceFilter {
            keyword: Some(" glow ".into()),
            categories: vec![CategoryFilter { parent: "601450".into(), children: vec!["601451".into()] }],
            followers_min: Some(10_000),
            follower_ages: vec![AgeRange::A18To24],
            follower_gender: Some((Gender::Female, BasisPoints(6000))),
            gmv: vec![GmvBand::From1kTo10k],
            min_engagement_percent: Some(3),
            max_avg_commission_percent: Some(15),
            post_rate: Some(PostRate::Good),
            not_invited_90_days: true,
            content: vec![ContentPreference::Video],
            ..Default::default()
        };
        let body = serde_json::to_string(&filter.body(Some("sk-1".into()))).unwrap();
        assert_eq!(
            body,
            r#"{"search_key":"sk-1","keyword":"glow","follower_demographics":{"age_ranges":["AGE_RANGE_18_24"],"count_range":{"count_ge":10000},"gender_distribution":{"gender":"FEMALE","percentage_ge":6000}},"gmv_ranges":["GMV_RANGE_1000_10000"],"category":[{"parent_category_id":"601450","child_category_id_list":["601451"]}],"content_performance":{"avg_engagement_rate":"3"},"affiliate_data":{"avg_commission_rate":"LESS_THAN_15%","post_rate":"GOOD","not_invited_l90_days":true},"advanced_filters":{"content_preference_type":["VIDEO"]}}"#
        );
    }

    #[test]
    fn impossible_filters_are_refused_naming_the_filter() {
        let bad = [
            MarketplaceFilter { followers_min: Some(10), followers_max: Some(5), ..Default::default() },
            MarketplaceFilter { min_engagement_percent: Some(25), ..Default::default() },
            MarketplaceFilter { max_avg_commission_percent: Some(12), ..Default::default() },
            MarketplaceFilter {
                follower_gender: Some((Gender::Male, BasisPoints(12_000))),
                ..Default::default()
            },
        ];
        let fields: Vec<String> = bad
            .iter()
            .map(|f| match f.validate() {
                Err(TiktokError::Invalid { field, .. }) => field,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            fields,
            ["followers_max", "min_engagement_percent", "max_avg_commission_percent", "follower_gender"]
        );
    }

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
        assert_eq!(c.gmv, Some(Figure::Range(Range { min: usd(100_000), max: Some(usd(1_000_000)) })));
        assert_eq!(c.units_sold, Some(Range { min: 100, max: Some(1000) }));
        assert_eq!(c.major_gender, Some(("FEMALE".into(), BasisPoints(6524))));
        assert!(c.private && !c.blocked);
        let nameless: w::SearchCreator =
            serde_json::from_value(serde_json::json!({"username": "x"})).unwrap();
        assert_eq!(creator(nameless).unwrap_err(), "a creator without creator_open_id");
    }
}
