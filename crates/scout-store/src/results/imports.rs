//! The results import session: one transaction per file, rows upserted by their natural key (order +
//! SKU, or video id) with a content hash, so each row is created, updated or left unchanged.

use crate::{Result, Store};
use chrono::Utc;
use scout_domain::results::attribution::{Attribution, Attributor};
use scout_domain::{ImportReport, IssueOutcome, OrderLine, ResultsFileKind, RowIssue, VideoResult};
use sha2::{Digest, Sha256};
use sqlx::{QueryBuilder, Sqlite, Transaction};
use std::collections::HashMap;

/// Order lines per INSERT: 29 values each, well under SQLite's 32,766 parameters.
const ORDER_BATCH: usize = 500;

/// What an incoming line does to a stored one: replace its values when its content changed, keeping a
/// hand assignment; a line whose content did not change is left alone (and not returned).
const ORDER_UPSERT: &str = " ON CONFLICT (order_id, sku_id) DO UPDATE SET product_id = excluded.product_id, \
     product_name = excluded.product_name, creator_handle = excluded.creator_handle, \
     content_type = excluded.content_type, content_id = excluded.content_id, quantity = excluded.quantity, \
     currency = excluded.currency, unit_price_minor = excluded.unit_price_minor, \
     payment_minor = excluded.payment_minor, refund_minor = excluded.refund_minor, \
     units_refunded = excluded.units_refunded, status = excluded.status, commission_bp = excluded.commission_bp, \
     commission_est_minor = excluded.commission_est_minor, \
     commission_actual_minor = excluded.commission_actual_minor, settlement = excluded.settlement, \
     created_at = excluded.created_at, paid_at = excluded.paid_at, delivered_at = excluded.delivered_at, \
     commission_paid_at = excluded.commission_paid_at, target_collaboration_id = excluded.target_collaboration_id, \
     content_hash = excluded.content_hash, last_import_id = excluded.last_import_id, \
     campaign_id = CASE WHEN order_lines.attribution = 'manual' THEN order_lines.campaign_id \
                        ELSE excluded.campaign_id END, \
     creator_id = CASE WHEN order_lines.attribution = 'manual' THEN order_lines.creator_id \
                       ELSE excluded.creator_id END, \
     attribution = CASE WHEN order_lines.attribution = 'manual' THEN 'manual' ELSE excluded.attribution END \
     WHERE order_lines.content_hash <> excluded.content_hash \
     RETURNING order_id, sku_id, first_import_id";

/// What writing one row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsOutcome {
    Created,
    Updated,
    Unchanged,
}

/// A results file being written. Dropping it without [`ResultsImportSession::commit`] rolls back.
pub struct ResultsImportSession {
    pub(super) tx: Transaction<'static, Sqlite>,
    import_id: i64,
    attributor: Attributor,
}

impl std::fmt::Debug for ResultsImportSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResultsImportSession").field("import_id", &self.import_id).finish()
    }
}

/// A stable hash of a row's imported values (the first 8 bytes of the SHA-256 of its JSON).
fn content_hash<T: serde::Serialize>(row: &T) -> i64 {
    let json = serde_json::to_vec(row).unwrap_or_default();
    let digest = Sha256::digest(&json);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(first)
}

fn time(t: Option<chrono::NaiveDateTime>) -> Option<String> {
    t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
}

impl Store {
    /// Starts importing a results file: opens the transaction, records the import, and takes the
    /// collaborations as they are now for attributing the file's orders.
    pub async fn begin_results_import(
        &self,
        file_name: &str,
        kind: ResultsFileKind,
        content_hash: &str,
    ) -> Result<ResultsImportSession> {
        let windows = self.collaboration_windows().await?;
        let mut tx = self.write_tx().await?;
        let kind = match kind {
            ResultsFileKind::Orders => "orders",
            ResultsFileKind::Videos => "videos",
        };
        let import_id: i64 = sqlx::query_scalar(
            "INSERT INTO results_imports (file_name, kind, content_hash, started_at) VALUES (?, ?, ?, ?) \
             RETURNING id",
        )
        .bind(file_name)
        .bind(kind)
        .bind(content_hash)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await?;
        Ok(ResultsImportSession { tx, import_id, attributor: Attributor::new(windows) })
    }
}

impl ResultsImportSession {
    pub fn import_id(&self) -> i64 {
        self.import_id
    }

    /// Writes order lines (attributing each unless the seller assigned it by hand) and says what
    /// happened to each, in order, with the collaboration it belongs to now. The lines' keys (order +
    /// SKU) must differ from each other.
    pub async fn write_orders(
        &mut self,
        lines: &[OrderLine],
    ) -> Result<Vec<(ResultsOutcome, Option<Attribution>)>> {
        let mut out = Vec::with_capacity(lines.len());
        for chunk in lines.chunks(ORDER_BATCH) {
            let found: Vec<Option<Attribution>> =
                chunk.iter().map(|l| self.attributor.attribute(l).ok()).collect();
            let mut qb = QueryBuilder::<Sqlite>::new(
                "INSERT INTO order_lines (order_id, sku_id, product_id, product_name, creator_handle, content_type, \
                 content_id, quantity, currency, unit_price_minor, payment_minor, refund_minor, units_refunded, \
                 status, commission_bp, commission_est_minor, commission_actual_minor, settlement, created_at, \
                 paid_at, delivered_at, commission_paid_at, target_collaboration_id, content_hash, \
                 first_import_id, last_import_id, campaign_id, creator_id, attribution) ",
            );
            qb.push_values(chunk.iter().zip(&found), |mut b, (line, a)| {
                b.push_bind(&line.order_id)
                    .push_bind(&line.sku_id)
                    .push_bind(&line.product_id)
                    .push_bind(&line.product_name)
                    .push_bind(line.creator.as_ref().map(|h| h.as_str()))
                    .push_bind(&line.content_type)
                    .push_bind(&line.content_id)
                    .push_bind(i64::from(line.quantity))
                    .push_bind(line.currency.code())
                    .push_bind(line.unit_price)
                    .push_bind(line.payment)
                    .push_bind(line.refund)
                    .push_bind(i64::from(line.units_refunded))
                    .push_bind(&line.status)
                    .push_bind(line.commission_rate.map(|r| i64::from(r.0)))
                    .push_bind(line.commission_estimated)
                    .push_bind(line.commission_actual)
                    .push_bind(line.settlement.as_str())
                    .push_bind(time(Some(line.created_at)))
                    .push_bind(time(line.paid_at))
                    .push_bind(time(line.delivered_at))
                    .push_bind(time(line.commission_paid_at))
                    .push_bind(&line.target_collaboration_id)
                    .push_bind(content_hash(line))
                    .push_bind(self.import_id)
                    .push_bind(self.import_id)
                    .push_bind(a.map(|a| a.campaign_id))
                    .push_bind(a.map(|a| a.creator_id))
                    .push_bind(a.map(|a| a.method.as_str()));
            });
            qb.push(ORDER_UPSERT);
            let written: Vec<(String, String, i64)> = qb.build_query_as().fetch_all(&mut *self.tx).await?;
            let firsts: HashMap<(&str, &str), i64> =
                written.iter().map(|(o, k, first)| ((o.as_str(), k.as_str()), *first)).collect();
            for (line, a) in chunk.iter().zip(found) {
                let outcome = match firsts.get(&(line.order_id.as_str(), line.sku_id.as_str())) {
                    Some(first) if *first == self.import_id => ResultsOutcome::Created,
                    Some(_) => ResultsOutcome::Updated,
                    None => ResultsOutcome::Unchanged,
                };
                out.push((outcome, a));
            }
        }
        Ok(out)
    }

    /// Writes one video's results.
    pub async fn write_video(&mut self, video: &VideoResult) -> Result<ResultsOutcome> {
        let hash = content_hash(video);
        let as_i64 = |v: Option<u64>| v.map(|v| i64::try_from(v).unwrap_or(i64::MAX));
        let first: Option<i64> = sqlx::query_scalar(
            "INSERT INTO video_results (video_id, creator_handle, link, posted_on, currency, gmv_minor, \
             items_sold, orders, impressions, likes, comments, commission_est_minor, content_hash, \
             first_import_id, last_import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, \
             ?14, ?14) \
             ON CONFLICT (video_id) DO UPDATE SET creator_handle = excluded.creator_handle, link = excluded.link, \
             posted_on = excluded.posted_on, currency = excluded.currency, gmv_minor = excluded.gmv_minor, \
             items_sold = excluded.items_sold, orders = excluded.orders, impressions = excluded.impressions, \
             likes = excluded.likes, comments = excluded.comments, \
             commission_est_minor = excluded.commission_est_minor, content_hash = excluded.content_hash, \
             last_import_id = excluded.last_import_id \
             WHERE video_results.content_hash <> excluded.content_hash \
             RETURNING first_import_id",
        )
        .bind(&video.video_id)
        .bind(video.creator.as_str())
        .bind(&video.link)
        .bind(video.posted_on)
        .bind(video.currency.code())
        .bind(video.gmv)
        .bind(as_i64(video.items_sold))
        .bind(as_i64(video.orders))
        .bind(as_i64(video.impressions))
        .bind(as_i64(video.likes))
        .bind(as_i64(video.comments))
        .bind(video.commission_estimated)
        .bind(hash)
        .bind(self.import_id)
        .fetch_optional(&mut *self.tx)
        .await?;
        Ok(match first {
            Some(f) if f == self.import_id => ResultsOutcome::Created,
            Some(_) => ResultsOutcome::Updated,
            None => ResultsOutcome::Unchanged,
        })
    }

    /// Records issues (and rejected rows with their cells).
    pub async fn add_issues(&mut self, issues: &[RowIssue]) -> Result<()> {
        for issue in issues {
            sqlx::query(
                "INSERT INTO results_import_issues (import_id, line, column_name, raw_value, message, rejected, \
                 cells) VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(self.import_id)
            .bind(i64::try_from(issue.line).unwrap_or(i64::MAX))
            .bind(&issue.column)
            .bind(&issue.raw_value)
            .bind(&issue.message)
            .bind(issue.outcome == IssueOutcome::Rejected)
            .bind(issue.cells.as_ref().map(|c| serde_json::to_string(c).unwrap_or_default()))
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    /// Records the report's counts, brings older lines' attribution up to date, and commits: every row
    /// of the file is then in the workspace.
    pub async fn commit(mut self, report: &ImportReport) -> Result<i64> {
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        sqlx::query(
            "UPDATE results_imports SET finished_at = ?, rows_total = ?, created = ?, updated = ?, \
             unchanged = ?, rejected = ? WHERE id = ?",
        )
        .bind(Utc::now())
        .bind(n(report.counts.rows_total))
        .bind(n(report.counts.created))
        .bind(n(report.counts.updated))
        .bind(n(report.counts.unchanged))
        .bind(n(report.counts.rejected))
        .bind(self.import_id)
        .execute(&mut *self.tx)
        .await?;
        super::attribution::reattribute_in(&mut self.tx).await?;
        self.tx.commit().await?;
        Ok(self.import_id)
    }

    /// Abandons the import: the workspace is as it was before it began.
    pub async fn rollback(self) -> Result<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}
