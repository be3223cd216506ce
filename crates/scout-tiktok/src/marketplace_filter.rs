//! A marketplace search's filters — every one the platform offers that Scout uses — checked as the
//! platform would check them and written as the model's request body (`wire_marketplace::SearchBody`).

use scout_domain::BasisPoints;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::TiktokError;
use super::wire_marketplace as w;

/// An age band of a creator's followers, as the search filters them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum PostRate {
    Ok,
    Good,
    Better,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ContentPreference {
    Video,
    Live,
}

/// One category filter: a parent category, narrowed to some of its children when any are given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryFilter {
    pub parent: String,
    #[serde(default)]
    pub children: Vec<String>,
}

/// Options of one of the region's advanced filters (`option_type` and option ids, as the search/filter
/// endpoint lists them), e.g. the creator tag "Rising star".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChosenOptions {
    pub option_type: String,
    pub ids: Vec<String>,
}

/// A marketplace search: every filter the platform offers that Scout uses. Empty = not filtered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct MarketplaceFilter {
    /// Part of a username or nickname.
    pub keyword: Option<String>,
    pub categories: Vec<CategoryFilter>,
    #[ts(type = "number | null")]
    pub followers_min: Option<u64>,
    #[ts(type = "number | null")]
    pub followers_max: Option<u64>,
    /// One of the creator's top three follower age bands is among these.
    pub follower_ages: Vec<AgeRange>,
    /// At least this share of followers of one gender.
    pub follower_gender: Option<(Gender, BasisPoints)>,
    pub gmv: Vec<GmvBand>,
    pub units_sold: Vec<UnitsBand>,
    #[ts(type = "number | null")]
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
    /// The region's advanced filters chosen (from the same endpoint); a type without ids is left out.
    pub options: Vec<ChosenOptions>,
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
            option_list: self
                .options
                .iter()
                .filter(|o| !o.ids.is_empty())
                .map(|o| w::ChosenOptionList {
                    option_type: o.option_type.clone(),
                    options: o.ids.iter().map(|id| w::ChosenOption { id: id.clone() }).collect(),
                })
                .collect(),
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
                || advanced.sorter_algorithm_id.is_some()
                || !advanced.option_list.is_empty())
            .then_some(advanced),
        }
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
    fn the_regions_advanced_options_go_in_the_option_list_and_an_empty_type_is_left_out() {
        let filter = MarketplaceFilter {
            options: vec![
                ChosenOptions { option_type: "OPTION_CREATOR_TAG".into(), ids: vec!["tag-1".into()] },
                ChosenOptions { option_type: "OPTION_VERTICAL_PRO".into(), ids: vec![] },
            ],
            sorter: Some("GMV_DESC".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&filter.body(None)).unwrap(),
            r#"{"advanced_filters":{"sorter_algorithm_id":"GMV_DESC","option_list":[{"option_type":"OPTION_CREATOR_TAG","options":[{"id":"tag-1"}]}]}}"#
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
}
