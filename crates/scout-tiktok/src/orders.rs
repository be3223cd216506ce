//! Affiliate orders: `POST /affiliate_seller/202410/orders/search` over a create-time window, page by
//! page, each order's SKUs mapped to the same [`OrderLine`]s a Seller Center export import writes
//! (`order_lines` does the mapping). An order that cannot be mapped is returned as
//! [`AffiliateOrder::Skipped`] with its id and the reason, never dropped.

use chrono::{DateTime, Utc};
use scout_domain::OrderLine;
use std::collections::HashSet;
use std::time::Duration;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::order_lines::map_order;
use super::wire::{parse_data, OrderSearchBody, OrderSearchData};

const ORDERS_PATH: &str = "/affiliate_seller/202410/orders/search";
/// SKU records asked for per page (`page_size` is required; the model states no range). A page may
/// hold fewer orders, so only `next_page_token` says whether more follow.
const ORDERS_PAGE_SIZE: &str = "50";

/// The longest create-time window asked for in one search. The model allows at most three months per
/// request; a month at a time stays well inside it and costs one request more per month.
pub const ORDERS_WINDOW_DAYS: i64 = 30;

async fn pause(interval: Duration) {
    if !interval.is_zero() {
        tokio::time::sleep(interval).await;
    }
}

/// One affiliate order as Scout reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AffiliateOrder {
    /// One order line per SKU, and anything the seller should know about how they were read (e.g. a
    /// settlement status Scout does not know, taken as pending).
    Mapped { order_id: String, lines: Vec<OrderLine>, notes: Vec<String> },
    /// The order could not be mapped: its id as sent (empty when it had none) and why, naming the
    /// field (`skus[0].price.amount: '-1.00' is negative`).
    Skipped { order_id: String, reason: String },
}

impl AffiliateOrder {
    /// The order id as TikTok Shop sent it (empty when it sent none).
    pub fn order_id(&self) -> &str {
        match self {
            AffiliateOrder::Mapped { order_id, .. } | AffiliateOrder::Skipped { order_id, .. } => order_id,
        }
    }
}

/// One page of the order search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AffiliateOrderPage {
    /// In the order the API sent them.
    pub orders: Vec<AffiliateOrder>,
    /// The next page's token; `None` on the last page.
    pub next_page_token: Option<String>,
}

impl TiktokClient {
    /// One page of the shop's affiliate orders created in `[create_time_ge, create_time_lt)`:
    /// `POST /affiliate_seller/202410/orders/search` with the window (Unix seconds) in the body and
    /// `page_size` / `page_token` in the query.
    pub async fn search_affiliate_orders(
        &self,
        create_time_ge: DateTime<Utc>,
        create_time_lt: DateTime<Utc>,
        page_token: Option<&str>,
    ) -> Result<AffiliateOrderPage, TiktokError> {
        if create_time_ge >= create_time_lt {
            return Err(TiktokError::invalid(
                "create_time_lt",
                format!("{create_time_lt} is not after create_time_ge {create_time_ge}"),
            ));
        }
        // Orders are timed in whole seconds S: S ≥ ge exactly when S ≥ ⌈ge⌉, and S < lt when S < ⌈lt⌉.
        let ceil = |t: DateTime<Utc>| t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0);
        let body =
            OrderSearchBody { create_time_ge: ceil(create_time_ge), create_time_lt: ceil(create_time_lt) };
        if body.create_time_ge == body.create_time_lt {
            // Less than a second with no whole second in it: no order can be there.
            return Ok(AffiliateOrderPage { orders: Vec::new(), next_page_token: None });
        }
        let body = serde_json::to_vec(&body)
            .map_err(|e| TiktokError::Unexpected(format!("cannot encode the body: {e}")))?;
        let mut query = vec![("page_size", ORDERS_PAGE_SIZE.to_string())];
        if let Some(token) = page_token.filter(|t| !t.is_empty()) {
            query.push(("page_token", token.to_string()));
        }
        let data = self.call(Method::Post, ORDERS_PATH, &query, Some(&body)).await?;
        let data: OrderSearchData = parse_data(data, "affiliate order search reply")?;
        Ok(AffiliateOrderPage {
            orders: data.orders.into_iter().map(map_order).collect(),
            next_page_token: data.next_page_token.filter(|t| !t.is_empty()),
        })
    }

    /// Every affiliate order created in `[create_time_ge, create_time_lt)`: the window is asked for
    /// [`ORDERS_WINDOW_DAYS`] at a time, oldest first, each page after page until the API sends no next
    /// page, waiting `interval` between two requests. Fails as a whole when any page fails (after the
    /// client's own retries), so a caller never mistakes part of the orders for all.
    pub async fn affiliate_orders(
        &self,
        create_time_ge: DateTime<Utc>,
        create_time_lt: DateTime<Utc>,
        interval: Duration,
    ) -> Result<Vec<AffiliateOrder>, TiktokError> {
        let mut orders = Vec::new();
        let mut start = create_time_ge;
        while start < create_time_lt {
            let end = (start + chrono::Duration::days(ORDERS_WINDOW_DAYS)).min(create_time_lt);
            if start > create_time_ge {
                pause(interval).await;
            }
            orders.extend(self.affiliate_orders_in(start, end, interval).await?);
            start = end;
        }
        Ok(orders)
    }

    /// Every order of one window, page after page. The API pages SKU records and groups each page by
    /// order, so one order's SKUs can come on two pages: they are merged into one order here.
    async fn affiliate_orders_in(
        &self,
        create_time_ge: DateTime<Utc>,
        create_time_lt: DateTime<Utc>,
        interval: Duration,
    ) -> Result<Vec<AffiliateOrder>, TiktokError> {
        let mut orders = Vec::new();
        let mut token: Option<String> = None;
        let mut seen = HashSet::new();
        loop {
            let page = self.search_affiliate_orders(create_time_ge, create_time_lt, token.as_deref()).await?;
            orders.extend(page.orders);
            let Some(next) = page.next_page_token else { return Ok(merge_split_orders(orders)) };
            if !seen.insert(next.clone()) {
                return Err(TiktokError::Unexpected(format!(
                    "the order search sent page token '{next}' a second time; stopped rather than loop"
                )));
            }
            token = Some(next);
            pause(interval).await;
        }
    }
}

/// Joins the parts of an order that came on several pages, where its first part was: lines and notes
/// appended in page order. An order with any part that could not be read is skipped as a whole.
fn merge_split_orders(parts: Vec<AffiliateOrder>) -> Vec<AffiliateOrder> {
    let mut merged: Vec<AffiliateOrder> = Vec::with_capacity(parts.len());
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for part in parts {
        let id = part.order_id().to_string();
        let Some(&i) = at.get(&id).filter(|_| !id.is_empty()) else {
            at.insert(id, merged.len());
            merged.push(part);
            continue;
        };
        let first = std::mem::replace(
            &mut merged[i],
            AffiliateOrder::Skipped { order_id: String::new(), reason: String::new() },
        );
        merged[i] = match (first, part) {
            (
                AffiliateOrder::Mapped { order_id, mut lines, mut notes },
                AffiliateOrder::Mapped { lines: more, notes: more_notes, .. },
            ) => {
                lines.extend(more);
                notes.extend(more_notes);
                AffiliateOrder::Mapped { order_id, lines, notes }
            }
            (skipped @ AffiliateOrder::Skipped { .. }, _) => skipped,
            (AffiliateOrder::Mapped { order_id, .. }, AffiliateOrder::Skipped { reason, .. }) => {
                AffiliateOrder::Skipped {
                    order_id,
                    reason: format!("{reason} (in a part of the order on a later page)"),
                }
            }
        };
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(id: &str, skus: &[&str]) -> AffiliateOrder {
        let mut raw = crate::order_lines::tests::order();
        raw["id"] = id.into();
        let sku = raw["skus"][0].clone();
        raw["skus"] = skus
            .iter()
            .map(|s| {
                let mut one = sku.clone();
                one["sku_id"] = (*s).into();
                one
            })
            .collect();
        match map_order(raw) {
            AffiliateOrder::Mapped { order_id, lines, .. } => {
                AffiliateOrder::Mapped { order_id, lines, notes: vec![format!("{id} note")] }
            }
            other => panic!("the sample order maps: {other:?}"),
        }
    }

    #[test]
    fn an_order_split_over_pages_becomes_one_order() {
        let skipped = AffiliateOrder::Skipped { order_id: "3".into(), reason: "price: bad".into() };
        let merged = merge_split_orders(vec![
            mapped("1", &["a"]),
            mapped("2", &["b"]),
            mapped("1", &["c"]),
            mapped("3", &["d"]),
            skipped,
        ]);
        assert_eq!(merged.len(), 3, "{merged:?}");
        match &merged[0] {
            AffiliateOrder::Mapped { order_id, lines, notes } => {
                assert_eq!(order_id, "1");
                assert_eq!(
                    lines.iter().map(|l| l.sku_id.as_str()).collect::<Vec<_>>(),
                    ["a", "c"],
                    "page order"
                );
                assert_eq!(notes.len(), 2);
            }
            other => panic!("order 1 should be mapped: {other:?}"),
        }
        assert!(
            matches!(&merged[2], AffiliateOrder::Skipped { order_id, reason } if order_id == "3" && reason.contains("later page")),
            "a bad part skips the whole order: {:?}",
            merged[2]
        );
    }
}
