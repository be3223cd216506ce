//! Affiliate orders synced from the TikTok Shop API into the same order lines a file import writes,
//! keyed by (order id, SKU id), so an export and a sync of the same orders meet on the same rows.
//!
//! Every page is read first and only then written, in one results import named "TikTok Shop API":
//! the database's write lock is never held while TikTok Shop is asked (a rate-limit backoff can last
//! a minute), and a failure on any page leaves the workspace exactly as it was. Orders that cannot be
//! read are counted as rejected, each with its order id and the reason; notes on orders that were
//! read (an unknown settlement status taken as pending, …) are kept as issues too. A second sync of
//! the same window finds every line unchanged.

use super::import::Tally;
use crate::{AppError, Result, Workspace};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use scout_domain::{ImportReport, OrderLine, ResultsFileKind, RowIssue};
use scout_store::ResultsImportSession;
use scout_tiktok::AffiliateOrder;
use std::time::Instant;

/// The "file name" of every sync's results import.
const TIKTOK_ORDERS_SOURCE: &str = "TikTok Shop API";
/// Order lines per `write_orders` call.
const WRITE_BATCH: usize = 500;

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A message about one order, naming it by its id.
fn about_order(order_id: &str, message: &str) -> String {
    if order_id.is_empty() {
        format!("an order without an id: {message}")
    } else {
        format!("order {order_id}: {message}")
    }
}

/// Writes the synced orders into `session`, counting into `tally`. Issues carry the order's position
/// in the sync (1-based, across pages) as their `line`.
async fn write_orders(
    session: &mut ResultsImportSession,
    tally: &mut Tally,
    orders: Vec<AffiliateOrder>,
) -> Result<()> {
    let mut batch: Vec<OrderLine> = Vec::with_capacity(WRITE_BATCH);
    for (position, order) in (1u64..).zip(orders) {
        match order {
            AffiliateOrder::Skipped { order_id, reason } => {
                tally.report.counts.rows_total += 1;
                let message = about_order(&order_id, &format!("skipped: {reason}"));
                tally.reject(position, vec![order_id], message);
            }
            AffiliateOrder::Mapped { order_id, lines, notes } => {
                for note in notes {
                    let message = about_order(&order_id, &note);
                    tally.issue(RowIssue::noted(position, message));
                }
                for line in lines {
                    tally.report.counts.rows_total += 1;
                    let key = format!("{}\u{1f}{}", line.order_id, line.sku_id);
                    if let Some(first) = tally.repeat(key, position) {
                        let why = format!(
                            "repeats order {} SKU '{}' (read as order {first} of this sync); that one was kept",
                            line.order_id, line.sku_id
                        );
                        tally.reject(position, vec![line.order_id.clone(), line.sku_id.clone()], why);
                        continue;
                    }
                    batch.push(line);
                    if batch.len() == WRITE_BATCH {
                        flush(session, tally, &mut batch).await?;
                    }
                }
            }
        }
    }
    flush(session, tally, &mut batch).await
}

async fn flush(
    session: &mut ResultsImportSession,
    tally: &mut Tally,
    batch: &mut Vec<OrderLine>,
) -> Result<()> {
    if !batch.is_empty() {
        let written = session.write_orders(batch).await?;
        tally.count_orders(&written);
        batch.clear();
    }
    session.add_issues(&std::mem::take(&mut tally.stored_issues)).await?;
    Ok(())
}

impl Workspace {
    /// Syncs the shop's affiliate orders created in `[since, until)` from the TikTok Shop API into the
    /// workspace's order lines, as one results import (all or nothing: when TikTok Shop fails on any
    /// page, nothing is stored and the error is returned). Refreshed tokens are saved to the keychain
    /// whatever happens. Orders' times are kept in UTC (the API does not say the shop's time zone).
    #[tracing::instrument(skip(self))]
    pub async fn sync_tiktok_orders(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<ImportReport> {
        if since >= until {
            return Err(AppError::InvalidInput(format!(
                "nothing to sync: the window starts at {} and ends at {}",
                utc(since),
                utc(until)
            )));
        }
        let started = Instant::now();
        let (connection, client) = self.tiktok_client().await?;
        let interval = std::time::Duration::from_millis(connection.interval_ms);
        let fetched = client.affiliate_orders(since, until, interval).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        let orders = fetched.map_err(crate::tiktok::tiktok_error)?;
        let fetched_orders = orders.len();

        let content_hash = format!("api:{}..{}", utc(since), utc(until));
        let mut session = self
            .store
            .begin_results_import(TIKTOK_ORDERS_SOURCE, ResultsFileKind::Orders, &content_hash)
            .await?;
        let mut tally = Tally::new(TIKTOK_ORDERS_SOURCE, ResultsFileKind::Orders);
        if let Err(e) = write_orders(&mut session, &mut tally, orders).await {
            session.rollback().await?;
            return Err(e);
        }
        tally.report.import_id = Some(session.commit(&tally.report).await?);
        tally.report.duration_ms = started.elapsed().as_millis() as u64;
        let r = &tally.report.counts;
        tracing::info!(
            orders = fetched_orders,
            lines = r.rows_total,
            created = r.created,
            updated = r.updated,
            rejected = r.rejected,
            ms = started.elapsed().as_millis() as u64,
            "TikTok Shop orders synced"
        );
        Ok(tally.report)
    }

    /// Syncs the affiliate orders of the last `days` days (1 to 365), up to now.
    pub async fn sync_tiktok_orders_recent(&self, days: u32) -> Result<ImportReport> {
        if !(1..=365).contains(&days) {
            return Err(AppError::InvalidField {
                field: "days".into(),
                message: format!("days: {days}; sync between 1 and 365 days of orders"),
            });
        }
        let until = Utc::now();
        self.sync_tiktok_orders(until - Duration::days(i64::from(days)), until).await
    }
}
