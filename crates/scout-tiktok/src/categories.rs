//! The shop's product categories (`GET /product/202309/categories`, model `GetCategoriesResponse`):
//! the creator marketplace names categories by id only (a search result's categories, a creator's GMV
//! by category), so Scout reads the names here. A top-level category has parent id "0".

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::wire::parse_data;

const CATEGORIES_PATH: &str = "/product/202309/categories";

/// One product category of the shop's region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShopCategory {
    pub id: String,
    /// `None` for a top-level category.
    pub parent_id: Option<String>,
    pub name: String,
    pub is_leaf: bool,
}

#[derive(Debug, Deserialize)]
struct CategoriesData {
    #[serde(default)]
    categories: Vec<WireCategory>,
}

#[derive(Debug, Deserialize)]
struct WireCategory {
    id: Option<String>,
    parent_id: Option<String>,
    local_name: Option<String>,
    is_leaf: Option<bool>,
}

fn read(data: CategoriesData) -> Result<Vec<ShopCategory>, TiktokError> {
    data.categories
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let id = c.id.filter(|id| !id.is_empty()).ok_or_else(|| {
                TiktokError::Unexpected(format!("categories reply: data.categories[{i}].id is missing"))
            })?;
            let name = c.local_name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
                TiktokError::Unexpected(format!("categories reply: category {id} has no local_name"))
            })?;
            Ok(ShopCategory {
                parent_id: c.parent_id.filter(|p| !p.is_empty() && p != "0"),
                name: name.trim().to_string(),
                is_leaf: c.is_leaf.unwrap_or(false),
                id,
            })
        })
        .collect()
}

impl TiktokClient {
    /// Every product category of the shop's region, top-level ones with `parent_id` `None`.
    pub async fn product_categories(&self) -> Result<Vec<ShopCategory>, TiktokError> {
        let data = self.call(Method::Get, CATEGORIES_PATH, &[], None).await?;
        read(parse_data(data, "categories reply")?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_categories_have_no_parent_and_a_nameless_one_is_refused() {
        let data: CategoriesData = serde_json::from_value(serde_json::json!({"categories": [
            {"id": "601450", "parent_id": "0", "local_name": "Beauty & Personal Care", "is_leaf": false,
             "permission_statuses": ["AVAILABLE"]},
            {"id": "601451", "parent_id": "601450", "local_name": " Skincare ", "is_leaf": true}
        ]}))
        .unwrap();
        let cats = read(data).unwrap();
        assert_eq!(cats[0].parent_id, None, "parent \"0\" is the top level");
        assert_eq!(cats[1].parent_id.as_deref(), Some("601450"));
        assert_eq!(cats[1].name, "Skincare", "names are trimmed");
        let bad: CategoriesData =
            serde_json::from_value(serde_json::json!({"categories": [{"id": "7", "local_name": ""}]}))
                .unwrap();
        let err = read(bad).unwrap_err().to_string();
        assert!(err.contains("category 7 has no local_name"), "{err}");
    }
}
