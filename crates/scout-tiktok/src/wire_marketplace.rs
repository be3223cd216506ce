//! The creator marketplace's JSON, field for field as the generated models of PyPI `tiktok-shop-api`
//! 0.1.0 have it (`SearchCreatorsInCreatorMarketplaceRequest` / `…Response`,
//! `GetCreatorMarketplaceAdvancedSearchFiltersRequest` / `…Response`,
//! `GetMarketplaceCreatorPerformanceResponse`); `fixtures/tiktok/wire_fields.json` lists them and a test
//! compares both ways. Every reply field is optional, as in the models: TikTok leaves out what a creator
//! keeps private.

use serde::{Deserialize, Serialize};

// ---- search: the request body ----

#[derive(Debug, Default, Serialize)]
pub(crate) struct SearchBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follower_demographics: Option<FollowerDemographics>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gmv_ranges: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub units_sold_ranges: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CategoryBody>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_performance: Option<ContentPerformance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliate_data: Option<AffiliateData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advanced_filters: Option<AdvancedFilters>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct FollowerDemographics {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub age_ranges: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_range: Option<CountRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender_distribution: Option<GenderDistribution>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct CountRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_ge: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count_le: Option<u64>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GenderDistribution {
    pub gender: &'static str,
    /// Basis points (6000 = 60 %), as the model scales it.
    pub percentage_ge: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct CategoryBody {
    pub parent_category_id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub child_category_id_list: Vec<String>,
}

/// Numbers as strings, as the model types them.
#[derive(Debug, Default, Serialize)]
pub(crate) struct ContentPerformance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avg_video_views: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avg_engagement_rate: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct AffiliateData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avg_commission_rate: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_rate: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_fast_growing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_invited_l90_days: Option<bool>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct AdvancedFilters {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content_preference_type: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sorter_algorithm_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub option_list: Vec<ChosenOptionList>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ChosenOptionList {
    pub option_type: String,
    pub options: Vec<ChosenOption>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ChosenOption {
    pub id: String,
}

// ---- search: the reply ----

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchData {
    #[serde(default)]
    pub next_page_token: Option<String>,
    #[serde(default)]
    pub search_key: Option<String>,
    #[serde(default)]
    pub creators: Vec<SearchCreator>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Amount {
    pub currency: Option<String>,
    pub amount: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AmountRange {
    pub currency: Option<String>,
    pub minimum_amount: Option<String>,
    pub maximum_amount: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CountRangeReply {
    pub minimum_amount: Option<u64>,
    pub maximum_amount: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Avatar {
    pub url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MajorGender {
    pub gender: Option<String>,
    pub percentage: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct TopFollowers {
    #[serde(default)]
    pub age_ranges: Vec<String>,
    pub major_gender: Option<MajorGender>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchProfile {
    pub is_fast_growing: Option<bool>,
    pub has_collaborated: Option<bool>,
    #[serde(default)]
    pub user_type_tag: Vec<i64>,
    pub has_invited_90d: Option<bool>,
    pub is_creator_blocked: Option<bool>,
    pub pps_score: Option<String>,
    pub is_rising_star: Option<bool>,
    pub creator_level: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchCreator {
    pub creator_open_id: Option<String>,
    pub username: Option<String>,
    pub nickname: Option<String>,
    pub avatar: Option<Avatar>,
    pub selection_region: Option<String>,
    #[serde(default)]
    pub category_ids: Vec<String>,
    pub avg_ec_live_uv: Option<u64>,
    pub avg_ec_video_view_count: Option<u64>,
    pub follower_count: Option<u64>,
    pub gmv: Option<Amount>,
    pub live_gmv: Option<Amount>,
    pub video_gmv: Option<Amount>,
    pub gmv_range: Option<AmountRange>,
    pub units_sold_range: Option<CountRangeReply>,
    pub top_follower_demographics: Option<TopFollowers>,
    pub creator_profile: Option<SearchProfile>,
}

// ---- search/filter ----

#[derive(Debug, Serialize)]
pub(crate) struct FilterOptionsBody {
    pub options: Vec<OptionTypeBody>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OptionTypeBody {
    pub option_type: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct FilterOptionsData {
    #[serde(default)]
    pub data: FilterOptionsInner,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct FilterOptionsInner {
    #[serde(default)]
    pub option_list: Vec<OptionList>,
    #[serde(default)]
    pub sorters: Vec<Sorter>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct OptionList {
    pub option_type: Option<String>,
    #[serde(default)]
    pub options: Vec<OptionItem>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct OptionItem {
    pub id: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub option_children: Vec<OptionChild>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct OptionChild {
    pub id: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Sorter {
    pub algorithm_id: Option<String>,
    pub name: Option<String>,
}

// ---- one creator's performance ----

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PerformanceData {
    pub creator: Option<PerformanceCreator>,
}

/// A share as a decimal string keyed by what it is of (`{"key": "18-24", "value": "0.2500"}`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct KeyShare {
    pub key: Option<String>,
    pub value: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CategoryShare {
    pub category_id: Option<String>,
    pub value: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ContentShare {
    pub content_type: Option<String>,
    pub value: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RateRange {
    pub minimum_amount: Option<u32>,
    pub maximum_amount: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct TrendGmv {
    pub amount: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct Trend {
    pub start_timestamp: Option<i64>,
    pub end_timestamp: Option<i64>,
    pub gmv: Option<TrendGmv>,
    pub units_sold: Option<u64>,
    pub follower: Option<u64>,
    /// Basis points (558 = 5.58 %).
    pub engagement_rate: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PerformanceProfile {
    pub contact_info_available: Option<bool>,
    pub video_play_cnt_30d_med: Option<u64>,
    pub video_publish_cnt_30d_med: Option<u64>,
    pub has_invited_90d: Option<bool>,
    pub is_creator_blocked: Option<bool>,
    pub creator_level: Option<u32>,
    pub is_rising_star: Option<bool>,
    /// A decimal share as a string ("0.8125").
    pub creator_fulfillment_score_90d: Option<String>,
    pub sample_score: Option<u32>,
    #[serde(default)]
    pub creator_trend_profile: Vec<Trend>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PerformanceCreator {
    pub username: Option<String>,
    pub nickname: Option<String>,
    pub selection_region: Option<String>,
    pub bio_description: Option<String>,
    pub follower_count: Option<u64>,
    #[serde(default)]
    pub category_ids: Vec<String>,
    pub units_sold: Option<u64>,
    pub units_sold_range: Option<CountRangeReply>,
    pub gmv: Option<Amount>,
    pub video_gmv: Option<Amount>,
    pub live_gmv: Option<Amount>,
    pub gmv_range: Option<AmountRange>,
    pub gpm: Option<Amount>,
    pub gpm_range: Option<AmountRange>,
    pub avg_ec_video_play_count: Option<u64>,
    /// Basis points.
    pub avg_commission_rate: Option<u32>,
    pub avg_commission_rate_range: Option<RateRange>,
    #[serde(default)]
    pub follower_location: Vec<KeyShare>,
    #[serde(default)]
    pub follower_age: Vec<KeyShare>,
    #[serde(default)]
    pub follower_gender: Vec<KeyShare>,
    #[serde(default)]
    pub category_gmv_distribution: Vec<CategoryShare>,
    #[serde(default)]
    pub content_gmv_distribution: Vec<ContentShare>,
    pub pps: Option<String>,
    /// Basis points, as a string.
    pub ec_video_engagement_rate: Option<String>,
    pub post_rate: Option<String>,
    pub creator_profile: Option<PerformanceProfile>,
}
