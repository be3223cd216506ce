//! What the match reads from a creator's TikTok Shop profile: GMV per 1,000 views as TikTok measures it
//! (GPM; a private creator's range at its midpoint), and the posting signals behind "Posts after samples"
//! (90-day fulfilment, the post-rate bucket, the sample score). Kept per row only for creators who have
//! a profile, which on most lists is a few.

use crate::format::{percent, usd};
use crate::fx;
use scout_domain::{PostRateBucket, ShopProfile};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ShopSignals {
    /// GMV per 1,000 views in US dollars; `None` when TikTok gave none (or in a currency without a rate).
    pub gpm_usd: Option<f32>,
    /// The GPM is a range's midpoint.
    pub gpm_is_range: bool,
    /// 90-day fulfilment as a fraction.
    pub fulfilment: Option<f32>,
    pub post_rate: Option<PostRateBucket>,
    pub sample_score: Option<u32>,
}

impl ShopSignals {
    pub fn of(p: &ShopProfile) -> ShopSignals {
        let (gpm, gpm_is_range) = match (&p.gpm, &p.gpm_range) {
            (Some(exact), _) => (fx::to_usd(exact), false),
            (None, Some(range)) => (fx::to_usd(&range.midpoint()), true),
            (None, None) => (None, false),
        };
        ShopSignals {
            gpm_usd: gpm.map(|v| v as f32).filter(|v| v.is_finite()),
            gpm_is_range,
            fulfilment: p.fulfilment_90_days.map(|bp| bp.0 as f32 / 10_000.0),
            post_rate: p.post_rate,
            sample_score: p.sample_score,
        }
    }

    /// The evidence line of "Posts after samples".
    pub fn posting_evidence(&self) -> String {
        let score = self.sample_score.map(|s| format!("; sample score {s}/100")).unwrap_or_default();
        match (self.fulfilment, self.post_rate) {
            (Some(f), _) => format!(
                "Posted for {} of their samples in the last 90 days on TikTok Shop{score}; a short record is \
                 pulled towards the typical 35 %.",
                percent(f)
            ),
            (None, Some(b)) => format!(
                "TikTok Shop rates their post rate after samples \"{}\"{score}; read as about {}.",
                b.label(),
                percent(crate::features::posting_record(None, Some(b)))
            ),
            (None, None) => format!("Their TikTok Shop profile has no post rate{score}."),
        }
    }

    /// The evidence line of "Sales per view" when TikTok's GPM decided it.
    pub fn gpm_evidence(&self) -> Option<String> {
        let gpm = self.gpm_usd?;
        let how = if self.gpm_is_range { ", the middle of the range TikTok shows" } else { "" };
        Some(format!("{} GMV per 1,000 views on TikTok Shop{how}.", usd(gpm)))
    }
}
