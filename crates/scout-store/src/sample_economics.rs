//! Per product (TikTok's product id): the price a paid order brings, the margin kept, what a sample and
//! its shipping cost — set by the seller, in one currency, for the net value of approving a sample.

use crate::{Result, Store};
use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Currency, Money};

/// A product's economics as stored (validated by the app before saving).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEconomics {
    pub product_id: String,
    pub price: Option<Money>,
    pub margin: BasisPoints,
    pub sample_cost: Money,
    pub shipping: Money,
    pub updated_at: DateTime<Utc>,
}

type Row = (String, String, Option<i64>, i64, i64, i64, DateTime<Utc>);

fn read((product_id, currency, price, margin, sample, shipping, updated_at): Row) -> Result<StoredEconomics> {
    let c = Currency::parse(&currency)?;
    Ok(StoredEconomics {
        product_id,
        price: price.map(|p| Money::new(p, c.clone())),
        margin: BasisPoints(margin.clamp(0, 10_000) as u32),
        sample_cost: Money::new(sample, c.clone()),
        shipping: Money::new(shipping, c),
        updated_at,
    })
}

const COLUMNS: &str =
    "product_id, currency, price_minor, margin_bp, sample_cost_minor, shipping_minor, updated_at";

impl Store {
    /// Sets (or replaces) a product's economics; the sample cost's currency is the row's.
    pub async fn set_sample_economics(
        &self,
        product_id: &str,
        price: Option<&Money>,
        margin: BasisPoints,
        sample_cost: &Money,
        shipping: &Money,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sample_economics (product_id, currency, price_minor, margin_bp, sample_cost_minor, \
             shipping_minor, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (product_id) DO UPDATE SET currency = excluded.currency, \
             price_minor = excluded.price_minor, margin_bp = excluded.margin_bp, \
             sample_cost_minor = excluded.sample_cost_minor, shipping_minor = excluded.shipping_minor, \
             updated_at = excluded.updated_at",
        )
        .bind(product_id.trim())
        .bind(sample_cost.currency.code())
        .bind(price.map(|p| p.minor))
        .bind(i64::from(margin.0))
        .bind(sample_cost.minor)
        .bind(shipping.minor)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every product's economics, by product id.
    pub async fn list_sample_economics(&self) -> Result<Vec<StoredEconomics>> {
        let rows: Vec<Row> =
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM sample_economics ORDER BY product_id"))
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(read).collect()
    }

    /// Removes a product's economics; whether it had any.
    pub async fn remove_sample_economics(&self, product_id: &str) -> Result<bool> {
        Ok(sqlx::query("DELETE FROM sample_economics WHERE product_id = ?")
            .bind(product_id.trim())
            .execute(&self.pool)
            .await?
            .rows_affected()
            > 0)
    }
}
