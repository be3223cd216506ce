//! Per product economics for the net value of approving a sample: the price a paid order brings, the
//! margin kept, the sample's cost and its shipping — set by the seller, checked field by field, in the
//! shop's currency. A product without them gets P(post) and expected GMV, and an unknown net value.

use crate::{AppError, Result, Workspace};
use chrono::Utc;
use scout_domain::{BasisPoints, Currency, Money};
use scout_match::samples::ProductEconomics;
use scout_store::StoredEconomics;
use std::collections::HashMap;

/// A product's economics as a person writes them (`--margin 40% --sample-cost 8.50 --shipping 4.00`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct EconomicsInput {
    pub product_id: String,
    /// "29.99"; optional (without it the seller's own posts cannot value a post of this product).
    pub price: Option<String>,
    /// "40%" or "40".
    pub margin: String,
    pub sample_cost: String,
    pub shipping: String,
    /// ISO code; the shop's currency without it.
    pub currency: Option<String>,
}

fn invalid(field: &str, message: String) -> AppError {
    AppError::InvalidField { field: field.into(), message: format!("{field}: {message}") }
}

fn amount(field: &str, text: &str, currency: &Currency, positive: bool) -> Result<Money> {
    let t = text.trim().trim_start_matches('$');
    let v: f64 =
        t.parse().map_err(|_| invalid(field, format!("'{}' is not an amount such as 8.50", text.trim())))?;
    if !v.is_finite() || v < 0.0 || (positive && v == 0.0) {
        return Err(invalid(
            field,
            format!("'{}' must be {} 0", text.trim(), if positive { "more than" } else { "at least" }),
        ));
    }
    Money::from_major(v, currency.clone())
        .ok_or_else(|| invalid(field, format!("'{}' is too large", text.trim())))
}

fn margin(text: &str) -> Result<BasisPoints> {
    let t = text.trim().trim_end_matches('%').trim();
    let v: f64 = t
        .parse()
        .map_err(|_| invalid("margin", format!("'{}' is not a percentage such as 40%", text.trim())))?;
    if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
        return Err(invalid("margin", format!("'{}' must be between 0 % and 100 %", text.trim())));
    }
    Ok(BasisPoints((v * 100.0).round() as u32))
}

/// The stored row as the engine reads it.
pub(crate) fn economics_of(e: &StoredEconomics) -> ProductEconomics {
    ProductEconomics {
        product_id: e.product_id.clone(),
        price: e.price.clone(),
        margin: e.margin,
        sample_cost: e.sample_cost.clone(),
        shipping: e.shipping.clone(),
    }
}

impl Workspace {
    /// The shop's currency: the one most stored sample requests' GMV is in (US dollars without any).
    pub async fn shop_currency(&self) -> Result<Currency> {
        let mut count: HashMap<Currency, usize> = HashMap::new();
        for r in self.store.sample_history().await? {
            if let Some(g) = r.gmv_30d {
                *count.entry(g.currency).or_default() += 1;
            }
        }
        Ok(count
            .into_iter()
            .max_by_key(|(c, n)| (*n, c.code().to_string()))
            .map_or_else(Currency::usd, |(c, _)| c))
    }

    /// Sets a product's economics, each field checked and named when refused.
    pub async fn set_sample_economics(&self, input: &EconomicsInput) -> Result<ProductEconomics> {
        let product_id = input.product_id.trim();
        if product_id.is_empty() {
            return Err(invalid("product_id", "is empty".into()));
        }
        let currency = match input.currency.as_deref() {
            Some(c) => Currency::parse(c).map_err(|e| invalid("currency", e.to_string()))?,
            None => self.shop_currency().await?,
        };
        let price = input.price.as_deref().map(|p| amount("price", p, &currency, true)).transpose()?;
        let margin = margin(&input.margin)?;
        let sample_cost = amount("sample_cost", &input.sample_cost, &currency, false)?;
        let shipping = amount("shipping", &input.shipping, &currency, false)?;
        self.store
            .set_sample_economics(product_id, price.as_ref(), margin, &sample_cost, &shipping, Utc::now())
            .await?;
        Ok(ProductEconomics { product_id: product_id.into(), price, margin, sample_cost, shipping })
    }

    /// Every product's economics, by product id.
    pub async fn list_sample_economics(&self) -> Result<Vec<ProductEconomics>> {
        Ok(self.store.list_sample_economics().await?.iter().map(economics_of).collect())
    }

    /// Removes a product's economics (its net value becomes unknown again).
    pub async fn remove_sample_economics(&self, product_id: &str) -> Result<()> {
        if !self.store.remove_sample_economics(product_id).await? {
            return Err(AppError::NotFound(format!("product {} has no economics set", product_id.trim())));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_and_amounts_are_read_as_people_write_them_and_refused_by_name() {
        assert_eq!(margin("40%").unwrap(), BasisPoints(4_000));
        assert_eq!(margin(" 12.5 ").unwrap(), BasisPoints(1_250));
        let e = margin("140%").unwrap_err();
        assert!(e.to_string().starts_with("margin: '140%' must be between"), "{e}");
        let usd = Currency::usd();
        assert_eq!(amount("sample_cost", "8.50", &usd, false).unwrap(), Money::new(850, usd.clone()));
        assert_eq!(amount("shipping", "$4", &usd, false).unwrap(), Money::new(400, usd.clone()));
        let e = amount("shipping", "four", &usd, false).unwrap_err();
        assert!(matches!(&e, AppError::InvalidField { field, .. } if field == "shipping"), "{e}");
        assert!(amount("price", "0", &usd, true).unwrap_err().to_string().contains("more than 0"));
        assert!(amount("sample_cost", "-1", &usd, false).is_err());
    }
}
