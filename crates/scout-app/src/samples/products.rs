//! The products creators asked samples of, each with its economics when the seller set them: what the
//! Samples screen's "Products" table shows and edits, since a net value needs a product's margin and
//! costs.

use crate::{Result, Workspace};
use scout_match::samples::ProductEconomics;
use serde::Serialize;
use ts_rs::TS;

/// A product requested as a sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RequestedProduct {
    pub product_id: String,
    pub name: Option<String>,
    #[ts(type = "number")]
    pub requests: u64,
    #[ts(type = "number")]
    pub pending: u64,
    /// `None`: not set, so its requests' net value is unknown.
    pub economics: Option<ProductEconomics>,
}

impl Workspace {
    /// Every product requested as a sample (most requested first) with its economics; a product with
    /// economics but no request yet is listed too, last.
    pub async fn sample_products(&self) -> Result<Vec<RequestedProduct>> {
        let mut economics = self.list_sample_economics().await?;
        let mut products: Vec<RequestedProduct> = self
            .store
            .sample_products()
            .await?
            .into_iter()
            .map(|(product_id, name, requests, pending)| {
                let at = economics.iter().position(|e| e.product_id == product_id);
                RequestedProduct {
                    product_id,
                    name,
                    requests,
                    pending,
                    economics: at.map(|i| economics.remove(i)),
                }
            })
            .collect();
        products.extend(economics.into_iter().map(|e| RequestedProduct {
            product_id: e.product_id.clone(),
            name: None,
            requests: 0,
            pending: 0,
            economics: Some(e),
        }));
        Ok(products)
    }
}
