//! What approving a request is worth: the GMV a post would bring and the expected net value
//! P(post) × expected GMV × margin − sample cost − shipping, in the shop's currency (integer minor
//! units; the arithmetic in between is f64 and rounded once). A product without economics gives P(post)
//! and the expected GMV, and says the net value is unknown — never a made-up margin.
//!
//! Expected GMV if they post, the first that applies:
//! 1. **The seller's own posts** (at least [`MIN_POSTS_FOR_OWN_RATE`] with views): paid orders per view
//!    over those posts × the requester's median views × the product's price.
//! 2. **The creator's GPM** (GMV per 1,000 views, from their stored profile) × their median views.
//! 3. **The creator's 30-day GMV / their posts in 30 days** (one post's share; the count from their
//!    profile, else the one TikTok showed with the request).

use super::model::{PostChance, PostModel};
use super::signals::PostSignals;
use crate::format::count;
use scout_domain::{BasisPoints, Currency, Money};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The fewest of the seller's own posts whose paid orders per view Scout trusts.
pub const MIN_POSTS_FOR_OWN_RATE: u32 = 10;

/// The seller's own sample posts (fulfilments with views), summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SalesHistory {
    pub posts: u32,
    #[ts(type = "number")]
    pub views: u64,
    #[ts(type = "number")]
    pub paid_orders: u64,
}

/// A product's money, set by the seller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductEconomics {
    /// TikTok's product id.
    pub product_id: String,
    /// The price a paid order brings (GMV per order); without it the seller's own posts cannot be valued.
    pub price: Option<Money>,
    /// The share of GMV the seller keeps after the product's cost and the commission.
    pub margin: BasisPoints,
    pub sample_cost: Money,
    pub shipping: Money,
}

/// Where an expected GMV came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GmvBasis {
    SellerPosts,
    CreatorGpm,
    CreatorGmvPerVideo,
}

/// The GMV a post would bring, and how it was reckoned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExpectedGmv {
    pub amount: Money,
    pub basis: GmvBasis,
    pub evidence: String,
}

/// Scout's numbers for one request, each explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleAssessment {
    pub application_id: String,
    pub product_id: String,
    pub signals: PostSignals,
    /// P(post within 14 days of delivery), factor by factor.
    pub chance: PostChance,
    pub expected_gmv: Option<ExpectedGmv>,
    pub expected_gmv_unknown_because: Option<String>,
    /// P(post) × expected GMV × margin − sample cost − shipping.
    pub net_value: Option<Money>,
    /// How the net value was reckoned, or why it is unknown.
    pub net_value_evidence: String,
}

fn major(m: &Money) -> f64 {
    m.minor as f64 / 10f64.powi(m.currency.decimals() as i32)
}

fn minor_of(amount_minor: f64, currency: &Currency) -> Option<Money> {
    let m = amount_minor.round();
    (m.is_finite() && m.abs() < 9.0e18).then(|| Money::new(m as i64, currency.clone()))
}

/// The GMV a post by this requester would bring, or why it cannot be told.
pub fn expected_gmv(
    signals: &PostSignals,
    history: &SalesHistory,
    price: Option<&Money>,
) -> Result<ExpectedGmv, String> {
    let views = signals.median_views;
    if let (true, Some(price), Some(v)) =
        (history.posts >= MIN_POSTS_FOR_OWN_RATE && history.views > 0, price, views)
    {
        let per_view = history.paid_orders as f64 / history.views as f64;
        let orders = per_view * v as f64;
        if let Some(amount) = minor_of(orders * price.minor as f64, &price.currency) {
            return Ok(ExpectedGmv {
                evidence: format!(
                    "Your {} sample posts sold {:.2} paid orders per 1,000 views; at their median {} views and \
                     your price {price}: {:.1} orders, {amount}.",
                    history.posts,
                    per_view * 1000.0,
                    count(v as f32),
                    orders
                ),
                amount,
                basis: GmvBasis::SellerPosts,
            });
        }
    }
    if let (Some(gpm), Some(v)) = (&signals.gpm, views) {
        if let Some(amount) = minor_of(gpm.minor as f64 * v as f64 / 1000.0, &gpm.currency) {
            return Ok(ExpectedGmv {
                evidence: format!(
                    "Their GMV per 1,000 views is {gpm} (TikTok); at their median {} views a post sells {amount}.",
                    count(v as f32)
                ),
                amount,
                basis: GmvBasis::CreatorGpm,
            });
        }
    }
    if let (Some(gmv), Some(n)) = (&signals.gmv_30d, signals.videos_30d.filter(|n| *n > 0)) {
        if let Some(amount) = minor_of(gmv.minor as f64 / n as f64, &gmv.currency) {
            return Ok(ExpectedGmv {
                evidence: format!("Their 30-day GMV {gmv} over {n} videos: {amount} a video."),
                amount,
                basis: GmvBasis::CreatorGmvPerVideo,
            });
        }
    }
    let own = if history.posts < MIN_POSTS_FOR_OWN_RATE {
        format!("you have {} sample posts with views (Scout needs {MIN_POSTS_FOR_OWN_RATE})", history.posts)
    } else if price.is_none() {
        "the product has no price set (scout samples economics set … --price)".into()
    } else {
        "TikTok gave no median views".into()
    };
    Err(format!("Expected GMV unknown: {own}, and their profile gives no GPM or GMV per video."))
}

/// P(post) × GMV × margin − sample cost − shipping; an error (in words) when the currencies differ.
pub fn net_value(p_post: f64, gmv: &Money, economics: &ProductEconomics) -> Result<Money, String> {
    let c = &gmv.currency;
    if economics.sample_cost.currency != *c || economics.shipping.currency != *c {
        return Err(format!(
            "Net value unknown: the expected GMV is in {c} but the sample cost is in {} and shipping in {}.",
            economics.sample_cost.currency, economics.shipping.currency
        ));
    }
    let margin = f64::from(economics.margin.0) / 10_000.0;
    let value = p_post * gmv.minor as f64 * margin
        - economics.sample_cost.minor as f64
        - economics.shipping.minor as f64;
    minor_of(value, c).ok_or_else(|| "Net value unknown: the amount does not fit.".into())
}

/// Scout's numbers for one request: P(post) by `model`, the expected GMV and, with the product's
/// economics, the net value of approving.
pub fn assess_request(
    application_id: &str,
    product_id: &str,
    model: &PostModel,
    signals: &PostSignals,
    history: &SalesHistory,
    economics: Option<&ProductEconomics>,
) -> SampleAssessment {
    let chance = model.assess(signals);
    let gmv = expected_gmv(signals, history, economics.and_then(|e| e.price.as_ref()));
    let (net_value, net_value_evidence) = match (&gmv, economics) {
        (_, None) => (
            None,
            format!(
                "Net value unknown: product {product_id} has no margin, sample cost and shipping set \
                 (scout samples economics set {product_id} --margin … --sample-cost … --shipping …)."
            ),
        ),
        (Err(why), Some(_)) => {
            (None, format!("Net value unknown: {}", why.trim_start_matches("Expected GMV unknown: ")))
        }
        (Ok(g), Some(e)) => match net_value(chance.p_post, &g.amount, e) {
            Ok(v) => (
                Some(v.clone()),
                format!(
                    "{:.0} % chance × {} × {:.0} % margin − sample {} − shipping {} = {v}.",
                    chance.p_post * 100.0,
                    g.amount,
                    f64::from(e.margin.0) / 100.0,
                    e.sample_cost,
                    e.shipping
                ),
            ),
            Err(why) => (None, why),
        },
    };
    let (expected_gmv, expected_gmv_unknown_because) = match gmv {
        Ok(g) => (Some(g), None),
        Err(why) => (None, Some(why)),
    };
    SampleAssessment {
        application_id: application_id.into(),
        product_id: product_id.into(),
        signals: signals.clone(),
        chance,
        expected_gmv,
        expected_gmv_unknown_because,
        net_value,
        net_value_evidence,
    }
}

/// The net value in major units, for sorting (only within one currency).
pub(crate) fn major_value(m: &Money) -> f64 {
    major(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::usd())
    }

    fn economics() -> ProductEconomics {
        ProductEconomics {
            product_id: "p1".into(),
            price: Some(usd(2_999)),
            margin: BasisPoints(4_000),
            sample_cost: usd(850),
            shipping: usd(400),
        }
    }

    #[test]
    fn the_sellers_own_posts_value_a_post_and_the_net_value_follows() {
        let s = PostSignals { median_views: Some(10_000), ..Default::default() };
        let h = SalesHistory { posts: 20, views: 1_000_000, paid_orders: 2_000 };
        let g = expected_gmv(&s, &h, Some(&usd(2_999))).unwrap();
        assert_eq!(g.basis, GmvBasis::SellerPosts);
        assert_eq!(g.amount, usd(59_980), "20 orders × 29.99");
        let v = net_value(0.5, &g.amount, &economics()).unwrap();
        assert_eq!(v, usd(11_996 - 1_250), "0.5 × 599.80 × 40 % − 8.50 − 4.00");
    }

    #[test]
    fn without_history_the_creators_own_sales_are_used_or_the_reason_is_given() {
        let s = PostSignals { median_views: Some(2_000), gpm: Some(usd(1_500)), ..Default::default() };
        let g = expected_gmv(&s, &SalesHistory::default(), None).unwrap();
        assert_eq!((g.basis, g.amount), (GmvBasis::CreatorGpm, usd(3_000)), "15.00 per 1,000 views × 2,000");
        let s = PostSignals { gmv_30d: Some(usd(100_000)), videos_30d: Some(4), ..Default::default() };
        assert_eq!(expected_gmv(&s, &SalesHistory::default(), None).unwrap().amount, usd(25_000));
        let e = expected_gmv(&PostSignals::default(), &SalesHistory { posts: 3, ..Default::default() }, None)
            .unwrap_err();
        assert!(e.contains("3 sample posts"), "{e}");
    }

    #[test]
    fn a_product_without_economics_has_no_net_value_and_says_why() {
        let s = PostSignals { median_views: Some(10_000), ..Default::default() };
        let h = SalesHistory { posts: 20, views: 1_000_000, paid_orders: 2_000 };
        let a = assess_request("a1", "p9", &PostModel::Default, &s, &h, None);
        assert_eq!(a.net_value, None);
        assert!(a.net_value_evidence.contains("p9 has no margin"), "{}", a.net_value_evidence);
        let a = assess_request("a1", "p1", &PostModel::Default, &s, &h, Some(&economics()));
        assert!(
            a.net_value.is_some() && a.net_value_evidence.contains("40 % margin"),
            "{}",
            a.net_value_evidence
        );
        let mut other = economics();
        other.shipping = Money::new(400, Currency::parse("EUR").unwrap());
        assert!(net_value(0.5, &usd(100), &other).unwrap_err().contains("shipping in EUR"));
    }
}
