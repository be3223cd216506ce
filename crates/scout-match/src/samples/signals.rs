//! The signals a seller sees with a sample request, as the P(post) model reads them: TikTok's 90-day
//! fulfilment share and 30-day GMV and median shoppable views (on the request), and the sample score
//! (in the creator's marketplace profile). A signal TikTok did not give is missing: it sits at neutral
//! (the training mean for a learned model, the typical 35 % for the default) and the explanation says so.

use crate::format::{count, percent};
use scout_domain::{BasisPoints, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What TikTok showed about the requester when the request was first seen (its signals at request time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PostSignals {
    /// Share of samples they posted for over 90 days.
    pub fulfilment_90d: Option<BasisPoints>,
    /// TikTok's sample score, out of 100 (from the stored marketplace profile).
    pub sample_score: Option<u32>,
    /// 30-day GMV, in the currency TikTok gave.
    pub gmv_30d: Option<Money>,
    /// Median shoppable video views over 30 days.
    #[ts(type = "number | null")]
    pub median_views: Option<u64>,
    /// GMV per 1,000 views (the profile's GPM): what a post sells when the seller has no history.
    pub gpm: Option<Money>,
    /// Videos in 30 days (the profile): with the 30-day GMV, what one video sells.
    #[ts(type = "number | null")]
    pub videos_30d: Option<u64>,
}

/// One input of the P(post) model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PostFeature {
    /// 90-day fulfilment as a fraction (0–1).
    Fulfilment90d,
    /// Sample score, 0–100.
    SampleScore,
    /// log10(1 + 30-day GMV in major units).
    Gmv30d,
    /// log10(1 + median views).
    MedianViews,
}

pub(crate) const POST_FEATURES: usize = 4;

fn major(m: &Money) -> f64 {
    m.minor as f64 / 10f64.powi(m.currency.decimals() as i32)
}

impl PostFeature {
    pub const ALL: [PostFeature; POST_FEATURES] =
        [PostFeature::Fulfilment90d, PostFeature::SampleScore, PostFeature::Gmv30d, PostFeature::MedianViews];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The factor's name in an explanation.
    pub fn label(self) -> &'static str {
        match self {
            PostFeature::Fulfilment90d => "90-day fulfilment",
            PostFeature::SampleScore => "Sample score",
            PostFeature::Gmv30d => "30-day GMV",
            PostFeature::MedianViews => "Median views",
        }
    }

    /// The model's input for this feature; `None` when TikTok did not give the signal.
    pub fn value(self, s: &PostSignals) -> Option<f64> {
        let v = match self {
            PostFeature::Fulfilment90d => s.fulfilment_90d.map(|b| f64::from(b.0.min(10_000)) / 10_000.0),
            PostFeature::SampleScore => s.sample_score.map(|v| f64::from(v.min(100))),
            PostFeature::Gmv30d => s.gmv_30d.as_ref().map(|m| (1.0 + major(m).max(0.0)).log10()),
            PostFeature::MedianViews => s.median_views.map(|v| (1.0 + v as f64).log10()),
        };
        v.filter(|v| v.is_finite())
    }

    /// The signal as the seller reads it ("61 %", "72/100", "1,234.00 USD", "45.3K"), or why it is missing.
    pub fn shown(self, s: &PostSignals) -> String {
        let missing = "not given by TikTok";
        match self {
            PostFeature::Fulfilment90d => {
                s.fulfilment_90d.map_or(missing.into(), |b| percent(b.0 as f32 / 10_000.0))
            }
            PostFeature::SampleScore => {
                s.sample_score.map_or("not in a stored TikTok Shop profile".into(), |v| format!("{v}/100"))
            }
            PostFeature::Gmv30d => s.gmv_30d.as_ref().map_or(missing.into(), ToString::to_string),
            PostFeature::MedianViews => s.median_views.map_or(missing.into(), |v| count(v as f32)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::Currency;

    #[test]
    fn signals_become_inputs_and_a_missing_one_says_so() {
        let s = PostSignals {
            fulfilment_90d: Some(BasisPoints(6_085)),
            sample_score: Some(72),
            gmv_30d: Some(Money::new(99_900, Currency::usd())),
            median_views: Some(9_999),
            ..Default::default()
        };
        assert!((PostFeature::Fulfilment90d.value(&s).unwrap() - 0.6085).abs() < 1e-9);
        assert_eq!(PostFeature::SampleScore.value(&s), Some(72.0));
        assert!((PostFeature::Gmv30d.value(&s).unwrap() - 3.0).abs() < 1e-9, "log10(1 + 999)");
        assert!((PostFeature::MedianViews.value(&s).unwrap() - 4.0).abs() < 1e-9, "log10(1 + 9,999)");
        let none = PostSignals::default();
        for f in PostFeature::ALL {
            assert_eq!(f.value(&none), None, "{f:?} missing");
        }
        assert_eq!(PostFeature::Fulfilment90d.shown(&none), "not given by TikTok");
        assert_eq!(PostFeature::Fulfilment90d.shown(&s), "61 %");
    }
}
