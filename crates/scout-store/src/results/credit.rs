//! The unattributed orders grouped by the creator they came through, and crediting orders to a creator
//! in a campaign by hand: the creator is put on the campaign at the stage the orders imply (a
//! collaboration made on the spot, on their timeline as "credited by hand"), the chosen lines are
//! assigned for good, and the collaboration's window then claims the creator's other orders of the
//! campaign's product like any other collaboration's.

use super::attribution::{creator_filter, parse_line_time, reattribute_in};
use crate::pipeline::{move_in, note_in};
use crate::{Result, Store, StoreError};
use chrono::{Days, NaiveDateTime, Utc};
use scout_domain::results::attribution::{Attributor, CollaborationWindow, OrderFacts};
use scout_domain::results::credit_path;
use scout_domain::{
    CreditOutcome, CreditPreview, Currency, DomainError, Handle, Money, UnattributedCreator,
    UnattributedPage, UnattributedQuery,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a timeline says about a collaboration the seller credited orders to.
pub const CREDITED_BY_HAND: &str = "credited by hand";

type GroupRow = (Option<String>, i64, i64, String, String);
type NewestRow = (Option<String>, String, i64, Option<String>, Option<String>, Option<String>);
type LineRow =
    (i64, String, Option<String>, Option<String>, Option<String>, String, i64, String, Option<String>);

fn money(id: i64, minor: i64, currency: &str) -> Result<Money> {
    let currency = Currency::parse(currency).map_err(|e| StoreError::Corrupt {
        table: "order_lines",
        column: "currency",
        id,
        message: e.to_string(),
    })?;
    Ok(Money::new(minor, currency))
}

/// Amounts per currency, largest count of lines first, then by code.
fn per_currency(sums: BTreeMap<String, (u64, i64)>) -> Result<Vec<Money>> {
    let mut v: Vec<(String, (u64, i64))> = sums.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    v.into_iter().map(|(c, (_, minor))| money(0, minor, &c)).collect()
}

impl Store {
    /// The unattributed order lines of a period, one group per creator handle (and one for lines
    /// naming none), most orders first; `offset`/`limit` page the groups.
    pub async fn unattributed_groups(
        &self,
        query: &UnattributedQuery,
        offset: u64,
        limit: u64,
    ) -> Result<UnattributedPage> {
        let period = query.period();
        let (from, until) = (period.from_sql(), period.until_sql());
        let (handle, without) = creator_filter(query);
        const WHERE: &str = "l.campaign_id IS NULL AND (?1 IS NULL OR l.created_at >= ?1) \
             AND (?2 IS NULL OR l.created_at < ?2) AND (?3 IS NULL OR l.creator_handle = ?3) \
             AND (?4 = 0 OR l.creator_handle IS NULL)";
        let (total, lines): (i64, i64) = sqlx::query_as(&format!(
            "SELECT count(DISTINCT coalesce(l.creator_handle, '')), count(*) FROM order_lines l WHERE {WHERE}"
        ))
        .bind(&from)
        .bind(&until)
        .bind(&handle)
        .bind(without)
        .fetch_one(&self.pool)
        .await?;
        let rows: Vec<GroupRow> = sqlx::query_as(&format!(
            "SELECT l.creator_handle, count(DISTINCT l.order_id) AS orders, count(*), min(l.created_at), \
             max(l.created_at) AS newest FROM order_lines l WHERE {WHERE} GROUP BY l.creator_handle \
             ORDER BY orders DESC, newest DESC, l.creator_handle LIMIT ?5 OFFSET ?6"
        ))
        .bind(&from)
        .bind(&until)
        .bind(&handle)
        .bind(without)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Ok(UnattributedPage {
                total: total.max(0) as u64,
                lines: lines.max(0) as u64,
                groups: vec![],
            });
        }
        let handles: Vec<&str> = rows.iter().filter_map(|r| r.0.as_deref()).collect();
        let handles_json = serde_json::to_string(&handles).unwrap_or_else(|_| "[]".into());
        let any_without = rows.iter().any(|r| r.0.is_none());
        let page_filter =
            "(l.creator_handle IN (SELECT value FROM json_each(?5)) OR (?6 AND l.creator_handle IS NULL))";
        let sums: Vec<(Option<String>, String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT l.creator_handle, l.currency, count(*), sum(l.payment_minor) FROM order_lines l \
             WHERE {WHERE} AND {page_filter} GROUP BY l.creator_handle, l.currency"
        ))
        .bind(&from)
        .bind(&until)
        .bind(&handle)
        .bind(without)
        .bind(&handles_json)
        .bind(any_without)
        .fetch_all(&self.pool)
        .await?;
        // SQLite takes a bare column from the row holding the max(): the newest line of each group.
        let newest: Vec<NewestRow> = sqlx::query_as(&format!(
            "SELECT l.creator_handle, max(l.created_at), l.id, l.product_id, l.product_name, \
             l.target_collaboration_id FROM order_lines l WHERE {WHERE} AND {page_filter} GROUP BY l.creator_handle"
        ))
        .bind(&from)
        .bind(&until)
        .bind(&handle)
        .bind(without)
        .bind(&handles_json)
        .bind(any_without)
        .fetch_all(&self.pool)
        .await?;
        let mut by_currency: HashMap<Option<String>, BTreeMap<String, (u64, i64)>> = HashMap::new();
        for (h, currency, n, minor) in sums {
            by_currency.entry(h).or_default().insert(currency, (n.max(0) as u64, minor));
        }
        let newest: HashMap<Option<String>, NewestRow> =
            newest.into_iter().map(|r| (r.0.clone(), r)).collect();
        let attributor = Attributor::new(self.collaboration_windows().await?);
        let mut groups = Vec::with_capacity(rows.len());
        for (h, orders, lines, first, last) in rows {
            let parsed = h.as_deref().and_then(|h| Handle::parse(h).ok());
            let reason = match newest.get(&h) {
                Some((_, at, id, product_id, product_name, tcid)) => {
                    let facts = OrderFacts {
                        creator: parsed.as_ref(),
                        product_id: product_id.as_deref(),
                        product_name: product_name.as_deref(),
                        created_at: parse_line_time(*id, at)?,
                        target_collaboration_id: tcid.as_deref(),
                    };
                    match attributor.attribute(facts) {
                        Err(why) => why.to_string(),
                        Ok(_) => "a collaboration claims it now; reopen Results to update".into(),
                    }
                }
                None => String::new(),
            };
            let (creator_id, campaigns) = match &h {
                Some(h) => {
                    let id: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM creators WHERE platform = 'tiktok' AND handle = ?",
                    )
                    .bind(h)
                    .fetch_optional(&self.pool)
                    .await?;
                    let campaigns: Vec<String> = match id {
                        Some(id) => {
                            sqlx::query_scalar(
                                "SELECT json_extract(c.spec, '$.name') FROM shortlist s JOIN campaigns c \
                                 ON c.id = s.campaign_id WHERE s.creator_id = ? AND c.simulated = 0 ORDER BY c.id",
                            )
                            .bind(id)
                            .fetch_all(&self.pool)
                            .await?
                        }
                        None => Vec::new(),
                    };
                    (id, campaigns)
                }
                None => (None, Vec::new()),
            };
            groups.push(UnattributedCreator {
                creator: parsed
                    .as_ref()
                    .map(|p| p.to_string())
                    .or_else(|| h.as_ref().map(|h| format!("@{h}"))),
                creator_id,
                orders: orders.max(0) as u64,
                lines: lines.max(0) as u64,
                payment: per_currency(by_currency.remove(&h).unwrap_or_default())?,
                first_at: parse_line_time(0, &first)?,
                last_at: parse_line_time(0, &last)?,
                reason,
                campaigns,
            });
        }
        Ok(UnattributedPage { total: total.max(0) as u64, lines: lines.max(0) as u64, groups })
    }

    /// What crediting `line_ids` to `creator_id` in `campaign_id` would do: the stages the
    /// collaboration passes through, its window, and the creator's other unattributed lines it claims.
    pub async fn credit_preview(
        &self,
        line_ids: &[i64],
        campaign_id: i64,
        creator_id: i64,
    ) -> Result<CreditPreview> {
        let campaign = self.campaign(campaign_id).await?;
        let handle: String = sqlx::query_scalar("SELECT handle FROM creators WHERE id = ?")
            .bind(creator_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::CreatorNotFound(creator_id))?;
        let handle = Handle::parse(&handle)?;
        let stage_now = self.stage(campaign_id, creator_id).await?;
        let moves = credit_path(stage_now)?;

        // The chosen lines: they exist and came through this creator (or name no one).
        let mut earliest: Option<NaiveDateTime> = None;
        for id in line_ids {
            let row: Option<(Option<String>, String, String)> =
                sqlx::query_as("SELECT creator_handle, created_at, order_id FROM order_lines WHERE id = ?")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
            let (by, at, order) = row.ok_or(StoreError::OrderLineNotFound(*id))?;
            if let Some(by) = by.filter(|b| b != handle.as_str()) {
                return Err(StoreError::Domain(DomainError::InvalidRecord {
                    field: "orders",
                    problem: format!("order {order} came through @{by}, not {handle}: credit it to @{by}"),
                }));
            }
            let at = parse_line_time(*id, &at)?;
            earliest = Some(earliest.map_or(at, |e| e.min(at)));
        }
        let earliest = earliest.ok_or_else(|| {
            StoreError::Domain(DomainError::InvalidRecord {
                field: "orders",
                problem: "choose at least one order".into(),
            })
        })?;

        // The collaboration's window once credited: it opens no later than the first credited order.
        let mut windows = self.collaboration_windows().await?;
        let existing =
            windows.iter().position(|w| w.campaign_id == campaign_id && w.creator_id == creator_id);
        let mut window = match existing {
            Some(i) => windows.remove(i),
            None => CollaborationWindow {
                campaign_id,
                creator_id,
                handle: handle.clone(),
                product_id: campaign.spec.product.tiktok_product_id.clone().filter(|p| !p.trim().is_empty()),
                product_name: campaign.spec.product.name.clone(),
                invited_on: earliest.date(),
                last_post_on: None,
                collaboration_ids: Vec::new(),
            },
        };
        window.invited_on = window.invited_on.min(earliest.date());
        let window_from = window.invited_on;
        let window_to = window.closes().date().checked_sub_days(Days::new(1)).unwrap_or(window_from);
        windows.push(window);
        let attributor = Attributor::new(windows);

        let chosen: HashSet<i64> = line_ids.iter().copied().collect();
        let rows: Vec<LineRow> = sqlx::query_as(
            "SELECT id, order_id, product_id, product_name, creator_handle, created_at, payment_minor, currency, \
             target_collaboration_id FROM order_lines WHERE campaign_id IS NULL AND creator_handle = ?",
        )
        .bind(handle.as_str())
        .fetch_all(&self.pool)
        .await?;
        let (mut other_lines, mut orders, mut paid) =
            (0u64, HashSet::new(), BTreeMap::<String, (u64, i64)>::new());
        for (id, order_id, product_id, product_name, _, at, payment, currency, tcid) in rows {
            if chosen.contains(&id) {
                continue;
            }
            let facts = OrderFacts {
                creator: Some(&handle),
                product_id: product_id.as_deref(),
                product_name: product_name.as_deref(),
                created_at: parse_line_time(id, &at)?,
                target_collaboration_id: tcid.as_deref(),
            };
            if let Ok(a) = attributor.attribute(facts) {
                if (a.campaign_id, a.creator_id) == (campaign_id, creator_id) {
                    other_lines += 1;
                    orders.insert(order_id);
                    let e = paid.entry(currency).or_default();
                    e.0 += 1;
                    e.1 += payment;
                }
            }
        }
        Ok(CreditPreview {
            campaign_id,
            campaign_name: campaign.spec.name.clone(),
            creator_id,
            creator: handle.to_string(),
            stage_now,
            moves,
            lines: chosen.len() as u64,
            other_lines,
            other_orders: orders.len() as u64,
            other_payment: per_currency(paid)?,
            window_from,
            window_to,
            product: campaign.spec.product.name.clone(),
        })
    }

    /// Credits order lines to a creator in a campaign (see [`Store::credit_preview`]), in one
    /// transaction: the moves on the board with the cause "credited by hand", the lines assigned by
    /// hand, and attribution brought up to date so the window claims the creator's other orders.
    pub async fn credit_orders(
        &self,
        line_ids: &[i64],
        campaign_id: i64,
        creator_id: i64,
    ) -> Result<CreditOutcome> {
        let preview = self.credit_preview(line_ids, campaign_id, creator_id).await?;
        let now = Utc::now();
        let cause = format!(
            "{CREDITED_BY_HAND}: {} from Results",
            if preview.lines == 1 {
                "1 order line".to_string()
            } else {
                format!("{} order lines", preview.lines)
            }
        );
        let mut tx = self.write_tx().await?;
        for &to in &preview.moves {
            move_in(&mut tx, campaign_id, creator_id, to, &cause, now).await?;
        }
        let stage =
            preview.moves.last().copied().or(preview.stage_now).unwrap_or(scout_domain::Stage::ContentPosted);
        if preview.moves.is_empty() {
            note_in(&mut tx, campaign_id, creator_id, stage, &cause, now).await?;
        }
        let before: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM order_lines WHERE campaign_id = ? AND creator_id = ? AND attribution IS NOT 'manual'",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_one(&mut *tx)
        .await?;
        let lines = super::attribution::assign_lines_in(&mut tx, campaign_id, creator_id, line_ids).await?;
        reattribute_in(&mut tx).await?;
        let after: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM order_lines WHERE campaign_id = ? AND creator_id = ? AND attribution IS NOT 'manual'",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(CreditOutcome { lines, other_lines: (after - before).max(0) as u64, stage })
    }
}
