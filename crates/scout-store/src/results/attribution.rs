//! Collaborations as attribution sees them, re-attributing order lines when collaborations change, the
//! seller's own assignments, and the lines nobody claims (with the reason).

use super::report::INVITED_AT;
use crate::{Result, Store, StoreError};
use chrono::{NaiveDate, NaiveDateTime};
use scout_domain::results::attribution::{Attributor, CollaborationWindow, OrderFacts};
use scout_domain::{Currency, Handle, Money, Period, UnattributedOrder, UnattributedQuery};
use sha2::{Digest, Sha256};
use sqlx::{Sqlite, Transaction};

/// The settings key holding the fingerprint of the collaborations the lines were last attributed with.
const FINGERPRINT_KEY: &str = "results.attribution_fingerprint";
const CHUNK: i64 = 20_000;

/// How many order lines a collaboration claims and how many none does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttributionCounts {
    pub attributed: u64,
    pub unattributed: u64,
}

fn parse_time(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()
}

fn fingerprint(windows: &[CollaborationWindow]) -> String {
    let digest = Sha256::digest(format!("{windows:?}").as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

type WindowRow =
    (i64, i64, String, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

async fn windows_in(conn: &mut sqlx::SqliteConnection) -> Result<Vec<CollaborationWindow>> {
    // Shortlisted-only, declined and withdrawn creators are not collaborations.
    let rows: Vec<WindowRow> = sqlx::query_as(&format!(
        "SELECT s.campaign_id, s.creator_id, cr.handle, \
           json_extract(c.spec, '$.product.tiktok_product_id'), json_extract(c.spec, '$.product.name'), \
           {INVITED_AT}, \
           (SELECT max(p.posted_on) FROM content_posts p WHERE p.campaign_id = s.campaign_id \
              AND p.creator_id = s.creator_id), \
           (SELECT json_group_array(o.external_id) FROM offers o WHERE o.campaign_id = s.campaign_id \
              AND o.creator_id = s.creator_id AND o.channel = 'tiktok' AND o.external_id IS NOT NULL) \
         FROM shortlist s JOIN campaigns c ON c.id = s.campaign_id JOIN creators cr ON cr.id = s.creator_id \
         WHERE s.stage NOT IN ('shortlisted', 'declined', 'withdrawn') \
         ORDER BY s.campaign_id, s.creator_id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    let mut windows = Vec::with_capacity(rows.len());
    for (campaign_id, creator_id, handle, product_id, product_name, invited, last_post, ids) in rows {
        let Some(invited_on) =
            invited.as_deref().and_then(|s| s.get(..10)).and_then(|d| d.parse::<NaiveDate>().ok())
        else {
            continue; // moved past "shortlisted" on the board without any dated invitation
        };
        let Ok(handle) = Handle::parse(&handle) else { continue };
        windows.push(CollaborationWindow {
            campaign_id,
            creator_id,
            handle,
            product_id: product_id.filter(|p| !p.trim().is_empty()),
            product_name: product_name.unwrap_or_default(),
            invited_on,
            last_post_on: last_post.and_then(|p| p.parse().ok()),
            collaboration_ids: ids.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default(),
        });
    }
    Ok(windows)
}

/// Re-attributes every line not assigned by hand, in id order and in chunks, inside `tx`; records the
/// collaborations' fingerprint so the next report knows the lines are current.
pub(super) async fn reattribute_in(tx: &mut Transaction<'static, Sqlite>) -> Result<()> {
    let windows = windows_in(&mut *tx).await?;
    let print = serde_json::to_string(&fingerprint(&windows)).unwrap_or_default();
    let stored: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
        .bind(FINGERPRINT_KEY)
        .fetch_optional(&mut **tx)
        .await?;
    if stored.as_deref() == Some(print.as_str()) {
        return Ok(());
    }
    let fresh = Attributor::new(windows);
    let mut after = 0i64;
    loop {
        type Row = (
            i64,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
            Option<i64>,
            Option<i64>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, creator_handle, product_id, product_name, created_at, target_collaboration_id, \
             campaign_id, creator_id FROM order_lines WHERE id > ? AND attribution IS NOT 'manual' \
             ORDER BY id LIMIT ?",
        )
        .bind(after)
        .bind(CHUNK)
        .fetch_all(&mut **tx)
        .await?;
        let Some(last) = rows.last() else { break };
        after = last.0;
        for (id, handle, product_id, product_name, created_at, tcid, campaign, creator) in rows {
            let handle = handle.and_then(|h| Handle::parse(&h).ok());
            let Some(created_at) = parse_time(&created_at) else { continue };
            let facts = OrderFacts {
                creator: handle.as_ref(),
                product_id: product_id.as_deref(),
                product_name: product_name.as_deref(),
                created_at,
                target_collaboration_id: tcid.as_deref(),
            };
            let now = fresh.attribute(facts).ok();
            let now_pair = now.map(|a| (a.campaign_id, a.creator_id));
            if now_pair != campaign.zip(creator) {
                sqlx::query(
                    "UPDATE order_lines SET campaign_id = ?, creator_id = ?, attribution = ? WHERE id = ?",
                )
                .bind(now.map(|a| a.campaign_id))
                .bind(now.map(|a| a.creator_id))
                .bind(now.map(|a| a.method.as_str()))
                .bind(id)
                .execute(&mut **tx)
                .await?;
            }
        }
    }
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, datetime('now')) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(FINGERPRINT_KEY)
    .bind(&print)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Every collaboration with its attribution window.
    pub async fn collaboration_windows(&self) -> Result<Vec<CollaborationWindow>> {
        let mut conn = self.pool.acquire().await?;
        windows_in(&mut conn).await
    }

    /// Brings the attribution of every line not assigned by hand up to date with the collaborations as
    /// they are now (a no-op when they have not changed since the last time).
    pub async fn reattribute_orders(&self) -> Result<()> {
        let mut tx = self.write_tx().await?;
        reattribute_in(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many lines a collaboration claims, and how many none does.
    pub async fn attribution_counts(&self, campaign_id: Option<i64>) -> Result<AttributionCounts> {
        self.attribution_counts_in(campaign_id, Period::ALL).await
    }

    /// How many lines of orders placed in the period a collaboration claims, and how many none does.
    pub async fn attribution_counts_in(
        &self,
        campaign_id: Option<i64>,
        period: Period,
    ) -> Result<AttributionCounts> {
        let (attributed, unattributed): (i64, i64) = sqlx::query_as(
            "SELECT coalesce(sum(campaign_id IS NOT NULL), 0), coalesce(sum(campaign_id IS NULL), 0) \
             FROM order_lines WHERE (?1 IS NULL OR campaign_id = ?1) AND (?2 IS NULL OR created_at >= ?2) \
             AND (?3 IS NULL OR created_at < ?3)",
        )
        .bind(campaign_id)
        .bind(period.from_sql())
        .bind(period.until_sql())
        .fetch_one(&self.pool)
        .await?;
        Ok(AttributionCounts { attributed: attributed as u64, unattributed: unattributed as u64 })
    }

    /// The seller assigns order lines to a collaboration by hand; later imports and re-attribution keep
    /// it. The collaboration must exist (the creator is in the campaign's pipeline).
    pub async fn assign_orders(&self, line_ids: &[i64], campaign_id: i64, creator_id: i64) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM shortlist WHERE campaign_id = ? AND creator_id = ?")
                .bind(campaign_id)
                .bind(creator_id)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(StoreError::NotShortlisted { campaign_id, creator_id });
        }
        let assigned = assign_lines_in(&mut tx, campaign_id, creator_id, line_ids).await?;
        tx.commit().await?;
        Ok(assigned)
    }

    /// Order lines no collaboration claims, newest first, each with the reason.
    pub async fn unattributed_orders(&self, offset: u64, limit: u64) -> Result<Vec<UnattributedOrder>> {
        self.unattributed_orders_in(&UnattributedQuery::default(), offset, limit).await
    }

    /// Order lines no collaboration claims of a period and, optionally, one creator; newest first, each
    /// with the reason.
    pub async fn unattributed_orders_in(
        &self,
        query: &UnattributedQuery,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<UnattributedOrder>> {
        let attributor = Attributor::new(self.collaboration_windows().await?);
        let period = query.period();
        let (handle, without) = creator_filter(query);
        type Row = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            i64,
            String,
            Option<String>,
            Option<i64>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT l.id, l.order_id, l.product_id, l.product_name, l.creator_handle, l.created_at, \
             l.payment_minor, l.currency, l.target_collaboration_id, \
             (SELECT c.id FROM creators c WHERE c.platform = 'tiktok' AND c.handle = l.creator_handle) \
             FROM order_lines l WHERE l.campaign_id IS NULL AND (?3 IS NULL OR l.created_at >= ?3) \
             AND (?4 IS NULL OR l.created_at < ?4) AND (?5 IS NULL OR l.creator_handle = ?5) \
             AND (?6 = 0 OR l.creator_handle IS NULL) \
             ORDER BY l.created_at DESC, l.id DESC LIMIT ?1 OFFSET ?2",
        )
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .bind(period.from_sql())
        .bind(period.until_sql())
        .bind(handle)
        .bind(without)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for (
            id,
            order_id,
            product_id,
            product_name,
            handle,
            created_at,
            payment,
            currency,
            tcid,
            creator_id,
        ) in rows
        {
            let created_at = parse_time(&created_at).ok_or_else(|| StoreError::Corrupt {
                table: "order_lines",
                column: "created_at",
                id,
                message: format!("'{created_at}' is not a time"),
            })?;
            let parsed = handle.as_deref().and_then(|h| Handle::parse(h).ok());
            let facts = OrderFacts {
                creator: parsed.as_ref(),
                product_id: product_id.as_deref(),
                product_name: product_name.as_deref(),
                created_at,
                target_collaboration_id: tcid.as_deref(),
            };
            let reason = match attributor.attribute(facts) {
                Err(why) => why.to_string(),
                Ok(_) => "a collaboration claims it now; reopen Results to update".into(),
            };
            let currency = Currency::parse(&currency).map_err(|e| StoreError::Corrupt {
                table: "order_lines",
                column: "currency",
                id,
                message: e.to_string(),
            })?;
            out.push(UnattributedOrder {
                line_id: id,
                order_id,
                product: product_name.or(product_id),
                creator: parsed.map(|h| h.to_string()),
                creator_id,
                created_at,
                payment: Money::new(payment, currency),
                reason,
            });
        }
        Ok(out)
    }
}

/// The creator a query narrows the lines to (normalised like `order_lines.creator_handle`), and whether
/// it asks for the lines without one.
pub(super) fn creator_filter(query: &UnattributedQuery) -> (Option<String>, bool) {
    if query.without_creator {
        return (None, true);
    }
    let handle = query
        .creator
        .as_deref()
        .map(|h| Handle::parse(h).map_or_else(|_| h.trim().to_lowercase(), |h| h.as_str().to_string()));
    (handle, false)
}

pub(super) fn corrupt_time(id: i64, value: &str) -> StoreError {
    StoreError::Corrupt {
        table: "order_lines",
        column: "created_at",
        id,
        message: format!("'{value}' is not a time"),
    }
}

pub(super) fn parse_line_time(id: i64, value: &str) -> Result<NaiveDateTime> {
    parse_time(value).ok_or_else(|| corrupt_time(id, value))
}

/// Assigns these order lines to the collaboration by hand (never moved by attribution again), inside
/// the caller's transaction; an unknown line id is an error. Returns how many were assigned.
pub(crate) async fn assign_lines_in(
    tx: &mut Transaction<'static, Sqlite>,
    campaign_id: i64,
    creator_id: i64,
    line_ids: &[i64],
) -> Result<u64> {
    let mut assigned = 0;
    for id in line_ids {
        let done = sqlx::query(
            "UPDATE order_lines SET campaign_id = ?, creator_id = ?, attribution = 'manual' WHERE id = ?",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .bind(id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if done == 0 {
            return Err(StoreError::OrderLineNotFound(*id));
        }
        assigned += done;
    }
    Ok(assigned)
}
