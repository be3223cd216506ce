//! "Collect all": every creator a marketplace filter matches, although one query stops yielding new
//! creators after about [`QUERY_CEILING`] rows. A query that reaches the ceiling is split into parts
//! that together cover it — first by GMV band, then by halving its follower range — until each part is
//! under the ceiling (follower counts are halved on a log scale); creators are de-duplicated by open id. A stop (the day's budget, a refusal, the
//! seller's cancel) returns everything fetched so far with the reason, never nothing.

use serde::Serialize;
use std::collections::HashMap;
use std::time::Duration;
use ts_rs::TS;

use super::client::TiktokClient;
use super::error::TiktokError;
use super::marketplace::{GmvBand, MarketplaceCreator, MarketplaceCursor, MarketplaceFilter, QUERY_CEILING};

/// Where a collection stands, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct CollectProgress {
    pub requests: u32,
    /// Queries run or waiting (a split adds its parts).
    pub queries_done: u32,
    pub queries_waiting: u32,
    #[ts(type = "number")]
    pub creators: usize,
}

/// What a collection found, and why it stopped early if it did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Collected {
    /// De-duplicated by open id, in the order first seen.
    pub creators: Vec<MarketplaceCreator>,
    pub requests: u32,
    /// Queries split because they reached the ceiling.
    pub splits: u32,
    /// Rows the API sent that could not be read, with why.
    pub unreadable: Vec<String>,
    /// Parts that still reach the ceiling and cannot be split further (all creators of one follower
    /// count): their creators past the ceiling were not seen.
    pub incomplete: Vec<MarketplaceFilter>,
    /// Why the collection stopped before the end.
    #[serde(serialize_with = "stop_text")]
    #[ts(type = "string | null")]
    pub stopped: Option<CollectStop>,
}

fn stop_text<S: serde::Serializer>(stop: &Option<CollectStop>, s: S) -> Result<S::Ok, S::Error> {
    match stop {
        Some(stop) => s.serialize_some(&stop.to_string()),
        None => s.serialize_none(),
    }
}

/// Why a collection stopped before it had run every query.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CollectStop {
    #[error("cancelled; the creators found so far are kept")]
    Cancelled,
    #[error("stopped at the limit of {0} requests; the creators found so far are kept")]
    RequestLimit(u32),
    /// The day's budget, a refusal, or trouble the client's retries did not get past.
    #[error("{0}")]
    Api(#[from] TiktokError),
}

/// What limits a collection.
#[derive(Debug, Clone, Copy)]
pub struct CollectLimits {
    /// At most this many requests (the rest of the day's budget).
    pub max_requests: u32,
    /// Between two requests (50 a second at most: 20 ms).
    pub interval: Duration,
    /// The largest follower count splitting considers (the marketplace's biggest creators are below).
    pub followers_cap: u64,
}

impl Default for CollectLimits {
    fn default() -> Self {
        CollectLimits {
            max_requests: 10_000,
            interval: Duration::from_millis(20),
            followers_cap: 1_000_000_000,
        }
    }
}

/// The parts of a filter that reached the ceiling, or `None` when it cannot be split any further.
pub fn split(filter: &MarketplaceFilter, followers_cap: u64) -> Option<Vec<MarketplaceFilter>> {
    if filter.gmv.is_empty() {
        return Some(
            GmvBand::ALL.iter().map(|b| MarketplaceFilter { gmv: vec![*b], ..filter.clone() }).collect(),
        );
    }
    if filter.gmv.len() > 1 {
        return Some(
            filter.gmv.iter().map(|b| MarketplaceFilter { gmv: vec![*b], ..filter.clone() }).collect(),
        );
    }
    let lo = filter.followers_min.unwrap_or(0);
    let hi = filter.followers_max.unwrap_or(followers_cap);
    if hi <= lo {
        return None;
    }
    // Follower counts spread over orders of magnitude: halve the range on a log scale, so a part holds
    // about as many creators as the other.
    let geometric = ((lo.max(1) as f64) * (hi as f64)).sqrt() as u64;
    let mid = geometric.clamp(lo, hi - 1);
    Some(vec![
        MarketplaceFilter { followers_min: Some(lo), followers_max: Some(mid), ..filter.clone() },
        MarketplaceFilter { followers_min: Some(mid + 1), followers_max: Some(hi), ..filter.clone() },
    ])
}

impl TiktokClient {
    /// Every creator `filter` matches (see the module doc). `progress` is called after every request;
    /// `cancelled` is asked before each one.
    pub async fn collect_marketplace(
        &self,
        filter: &MarketplaceFilter,
        limits: CollectLimits,
        mut progress: impl FnMut(CollectProgress),
        cancelled: impl Fn() -> bool,
    ) -> Collected {
        let mut found: Vec<MarketplaceCreator> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut out = Collected {
            creators: Vec::new(),
            requests: 0,
            splits: 0,
            unreadable: Vec::new(),
            incomplete: Vec::new(),
            stopped: None,
        };
        if let Err(e) = filter.validate() {
            out.stopped = Some(e.into());
            return out;
        }
        let mut waiting = vec![filter.clone()];
        let mut done = 0u32;
        'queries: while let Some(query) = waiting.pop() {
            let mut cursor: Option<MarketplaceCursor> = None;
            let mut rows = 0usize;
            loop {
                if cancelled() {
                    out.stopped = Some(CollectStop::Cancelled);
                    break 'queries;
                }
                if out.requests >= limits.max_requests {
                    out.stopped = Some(CollectStop::RequestLimit(limits.max_requests));
                    break 'queries;
                }
                if out.requests > 0 && !limits.interval.is_zero() {
                    tokio::time::sleep(limits.interval).await;
                }
                let page = match self.search_marketplace(&query, cursor.as_ref()).await {
                    Ok(page) => page,
                    Err(e) => {
                        out.stopped = Some(e.into());
                        break 'queries;
                    }
                };
                out.requests += 1;
                rows += page.creators.len() + page.unreadable.len();
                out.unreadable.extend(page.unreadable);
                for c in page.creators {
                    match index.get(&c.open_id) {
                        Some(&at) => found[at] = c,
                        None => {
                            index.insert(c.open_id.clone(), found.len());
                            found.push(c);
                        }
                    }
                }
                cursor = page.next;
                progress(CollectProgress {
                    requests: out.requests,
                    queries_done: done,
                    queries_waiting: waiting.len() as u32 + 1,
                    creators: found.len(),
                });
                if cursor.is_none() {
                    break;
                }
            }
            done += 1;
            if rows >= QUERY_CEILING {
                match split(&query, limits.followers_cap) {
                    Some(parts) => {
                        out.splits += 1;
                        waiting.extend(parts.into_iter().rev());
                    }
                    None => out.incomplete.push(query),
                }
            }
        }
        out.creators = found;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_splits_by_gmv_band_then_halves_its_follower_range_until_it_cannot() {
        let base = MarketplaceFilter { keyword: Some("glow".into()), ..Default::default() };
        let by_gmv = split(&base, 1000).unwrap();
        assert_eq!(by_gmv.len(), 4);
        assert!(by_gmv.iter().all(|f| f.gmv.len() == 1 && f.keyword.as_deref() == Some("glow")));
        let halves = split(&by_gmv[0], 1000).unwrap();
        let ranges: Vec<(Option<u64>, Option<u64>)> =
            halves.iter().map(|f| (f.followers_min, f.followers_max)).collect();
        assert_eq!(
            ranges,
            [(Some(0), Some(31)), (Some(32), Some(1000))],
            "halved on a log scale, covering it"
        );
        let wide = MarketplaceFilter {
            followers_min: Some(1_000),
            followers_max: Some(1_000_000),
            ..by_gmv[0].clone()
        };
        let parts: Vec<_> =
            split(&wide, 0).unwrap().iter().map(|f| (f.followers_min, f.followers_max)).collect();
        assert_eq!(parts, [(Some(1_000), Some(31_622)), (Some(31_623), Some(1_000_000))]);
        let one = MarketplaceFilter { followers_min: Some(7), followers_max: Some(7), ..by_gmv[0].clone() };
        assert_eq!(split(&one, 1000), None, "one follower count cannot be split");
    }
}
