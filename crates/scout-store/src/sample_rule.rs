//! The sample approval rule (one row): its thresholds, whether it is on, and whether these very settings
//! were backtested — the rule can be turned on only after its backtest was shown, and a change of its
//! settings turns it off and asks for a new backtest.

use crate::{Result, Store};
use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Currency, Money};

/// The rule as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSampleRule {
    pub min_p_post: BasisPoints,
    pub min_net_value: Money,
    pub daily_limit: u32,
    pub reject_below: bool,
    pub enabled: bool,
    pub backtested_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

type Row = (i64, i64, String, i64, bool, bool, Option<DateTime<Utc>>, DateTime<Utc>);

impl Store {
    /// The stored rule; `None` until the seller first sets one.
    pub async fn sample_rule(&self) -> Result<Option<StoredSampleRule>> {
        let row: Option<Row> = sqlx::query_as(
            "SELECT min_p_post_bp, min_net_value_minor, currency, daily_limit, reject_below, enabled, \
             backtested_at, updated_at FROM sample_rule WHERE id = 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(p, v, c, limit, reject, enabled, backtested_at, updated_at)| {
            Ok(StoredSampleRule {
                min_p_post: BasisPoints(p.clamp(0, 10_000) as u32),
                min_net_value: Money::new(v, Currency::parse(&c)?),
                daily_limit: limit.clamp(0, i64::from(u32::MAX)) as u32,
                reject_below: reject,
                enabled,
                backtested_at,
                updated_at,
            })
        })
        .transpose()
    }

    /// Saves the rule's settings: off, and not backtested (unless they are the stored ones unchanged).
    pub async fn set_sample_rule(
        &self,
        min_p_post: BasisPoints,
        min_net_value: &Money,
        daily_limit: u32,
        reject_below: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sample_rule (id, min_p_post_bp, min_net_value_minor, currency, daily_limit, \
             reject_below, enabled, backtested_at, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, 0, NULL, ?6) \
             ON CONFLICT (id) DO UPDATE SET min_p_post_bp = ?1, min_net_value_minor = ?2, currency = ?3, \
             daily_limit = ?4, reject_below = ?5, updated_at = ?6, \
             enabled = CASE WHEN (min_p_post_bp, min_net_value_minor, currency, daily_limit, reject_below) \
               IS (?1, ?2, ?3, ?4, ?5) THEN enabled ELSE 0 END, \
             backtested_at = CASE WHEN (min_p_post_bp, min_net_value_minor, currency, daily_limit, reject_below) \
               IS (?1, ?2, ?3, ?4, ?5) THEN backtested_at ELSE NULL END",
        )
        .bind(i64::from(min_p_post.0))
        .bind(min_net_value.minor)
        .bind(min_net_value.currency.code())
        .bind(i64::from(daily_limit))
        .bind(reject_below)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Notes that the stored settings were backtested (and shown) at `now`.
    pub async fn mark_sample_rule_backtested(&self, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE sample_rule SET backtested_at = ? WHERE id = 1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Turns the rule on or off; `false` when there is no rule (the app checks the backtest first).
    pub async fn enable_sample_rule(&self, enabled: bool, now: DateTime<Utc>) -> Result<bool> {
        Ok(sqlx::query("UPDATE sample_rule SET enabled = ?, updated_at = ? WHERE id = 1")
            .bind(enabled)
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected()
            > 0)
    }
}
