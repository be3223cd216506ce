//! The videos of posted collaborations, as Affiliate Center lists them. Sales figures are summed from the
//! same run's order lines (so the two files agree: GMV, items sold and orders of every line that came
//! through the video and was not cancelled); impressions follow from orders at a drawn conversion rate,
//! likes and comments from impressions at domain.md's engagement rates.

use super::simulate::simulate_orders;
use super::{CollaborationSeed, OrderConfig};
use crate::draw::{log_normal, row_rng, uniform};
use crate::error::Result;
use chrono::NaiveDate;
use scout_domain::{Currency, Handle, VideoResult};
use std::collections::HashMap;

const VIDEO_TAG: u64 = 0x7669_6465_6F73;

#[derive(Debug)]
struct Tally {
    creator: Handle,
    video_id: String,
    posted_on: NaiveDate,
    currency: Currency,
    gmv: i64,
    items: u64,
    orders: u64,
    commission: i64,
    last_order: String,
}

/// The videos the posted collaborations among `seeds` have up by `cfg.until`, oldest first, with the
/// sales the same [`OrderConfig`] gives them in [`simulate_orders`].
pub fn simulate_videos(
    seeds: &[CollaborationSeed],
    cfg: &OrderConfig,
) -> Result<impl Iterator<Item = VideoResult>> {
    let orders = simulate_orders(seeds, cfg)?;
    let key = orders.plan().key;
    let mut tallies: Vec<Tally> = Vec::new();
    let mut by_video: HashMap<String, usize> = HashMap::new();
    for c in orders.plan().collabs.iter().filter(|c| c.posted && c.posted_on <= cfg.until) {
        if by_video.contains_key(&c.video_id) {
            continue;
        }
        by_video.insert(c.video_id.clone(), tallies.len());
        tallies.push(Tally {
            creator: c.handle.clone(),
            video_id: c.video_id.clone(),
            posted_on: c.posted_on,
            currency: c.currency.clone(),
            gmv: 0,
            items: 0,
            orders: 0,
            commission: 0,
            last_order: String::new(),
        });
    }
    for line in orders {
        let Some(&at) = line.content_id.as_ref().and_then(|id| by_video.get(id)) else { continue };
        let tally = &mut tallies[at];
        if line.status.as_deref() == Some("Cancelled") || line.creator.as_ref() != Some(&tally.creator) {
            continue;
        }
        tally.gmv += line.payment;
        tally.items += u64::from(line.quantity);
        tally.commission += line.commission_estimated;
        if tally.last_order != line.order_id {
            tally.orders += 1;
            tally.last_order = line.order_id;
        }
    }
    let mut videos: Vec<VideoResult> =
        tallies.into_iter().enumerate().map(|(i, t)| video(key, i as u64, t)).collect();
    videos.sort_by(|a, b| a.posted_on.cmp(&b.posted_on).then_with(|| a.creator.cmp(&b.creator)));
    Ok(videos.into_iter())
}

fn video(key: u64, index: u64, t: Tally) -> VideoResult {
    let mut rng = row_rng(key ^ VIDEO_TAG, index);
    // Viewers who order: around 0.3 % of impressions, widely spread.
    let conversion = log_normal(&mut rng, 0.003, 0.5).clamp(0.000_5, 0.02);
    let impressions = ((t.orders as f64 + 0.5) / conversion).round().max(100.0) as u64;
    let engagement = uniform(&mut rng, 0.03, 0.08);
    let likes = (impressions as f64 * engagement * 0.9).round() as u64;
    let comments = (likes as f64 * uniform(&mut rng, 0.01, 0.04)).round() as u64;
    VideoResult {
        link: Some(format!("https://www.tiktok.com/@{}/video/{}", t.creator.as_str(), t.video_id)),
        video_id: t.video_id,
        creator: t.creator,
        posted_on: Some(t.posted_on),
        currency: t.currency,
        gmv: Some(t.gmv),
        items_sold: Some(t.items),
        orders: Some(t.orders),
        impressions: Some(impressions),
        likes: Some(likes),
        comments: Some(comments),
        commission_estimated: Some(t.commission),
    }
}
