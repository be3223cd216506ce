//! What sellers' results exports hold, as Scout keeps it: affiliate order lines (one per order and SKU,
//! from Seller Center's affiliate order export or the API) and creators' shoppable videos (from Affiliate
//! Center's video export). Amounts are integer minor units of the line's own currency; times are the shop's
//! local time as the export writes them (exports carry no zone).

use crate::{BasisPoints, Currency, DomainError, Handle, Result};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far the platform has got with an order line's commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Settlement {
    /// Not paid yet: the estimate stands.
    Pending,
    /// Paid: the actual commission stands.
    Settled,
    /// Earns no commission: cancelled, or returned / refunded in full.
    Ineligible,
}

impl Settlement {
    pub fn as_str(self) -> &'static str {
        match self {
            Settlement::Pending => "pending",
            Settlement::Settled => "settled",
            Settlement::Ineligible => "ineligible",
        }
    }

    pub fn parse(s: &str) -> Result<Settlement> {
        match s {
            "pending" => Ok(Settlement::Pending),
            "settled" => Ok(Settlement::Settled),
            "ineligible" => Ok(Settlement::Ineligible),
            other => Err(DomainError::InvalidRecord {
                field: "settlement",
                problem: format!("'{other}' is not pending, settled or ineligible"),
            }),
        }
    }
}

/// One SKU of one affiliate order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrderLine {
    pub order_id: String,
    /// The SKU; empty when the export has one line per order.
    pub sku_id: String,
    pub product_id: Option<String>,
    pub product_name: Option<String>,
    /// The creator whose content sold it; `None` when the export leaves it blank.
    pub creator: Option<Handle>,
    /// "Video", "LIVE", "Showcase", as exported.
    pub content_type: Option<String>,
    pub content_id: Option<String>,
    #[ts(type = "number")]
    pub quantity: u32,
    pub currency: Currency,
    #[ts(type = "number | null")]
    pub unit_price: Option<i64>,
    /// What the buyer paid for the line: its GMV.
    #[ts(type = "number")]
    pub payment: i64,
    /// How much of `payment` was refunded (all of it when returned or refunded in full).
    #[ts(type = "number")]
    pub refund: i64,
    #[ts(type = "number")]
    pub units_refunded: u32,
    /// The export's order status, as written ("Completed", "Cancelled", …).
    pub status: Option<String>,
    pub commission_rate: Option<BasisPoints>,
    #[ts(type = "number")]
    pub commission_estimated: i64,
    #[ts(type = "number | null")]
    pub commission_actual: Option<i64>,
    pub settlement: Settlement,
    pub created_at: NaiveDateTime,
    pub paid_at: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub commission_paid_at: Option<NaiveDateTime>,
    /// The TikTok Shop target collaboration the sale came through, when the export says.
    pub target_collaboration_id: Option<String>,
}

fn invalid(field: &'static str, problem: impl Into<String>) -> DomainError {
    DomainError::InvalidRecord { field, problem: problem.into() }
}

impl OrderLine {
    /// Checks the line is whole and adds up: an order id, a quantity, no negative money, no more refunded
    /// than paid (in money and in units), and an actual commission only on a settled line.
    pub fn validate(&self) -> Result<()> {
        if self.order_id.trim().is_empty() {
            return Err(invalid("order_id", "is empty"));
        }
        if self.quantity == 0 {
            return Err(invalid("quantity", "is 0; an order line sells at least one unit"));
        }
        for (field, v) in [
            ("payment", Some(self.payment)),
            ("refund", Some(self.refund)),
            ("unit_price", self.unit_price),
            ("commission_estimated", Some(self.commission_estimated)),
            ("commission_actual", self.commission_actual),
        ] {
            if v.is_some_and(|v| v < 0) {
                return Err(invalid(field, "is negative"));
            }
        }
        if self.refund > self.payment {
            return Err(invalid(
                "refund",
                format!("{} is more than the payment {}", self.refund, self.payment),
            ));
        }
        if self.units_refunded > self.quantity {
            return Err(invalid(
                "units_refunded",
                format!("{} is more than the quantity {}", self.units_refunded, self.quantity),
            ));
        }
        if self.commission_actual.is_some() && self.settlement != Settlement::Settled {
            return Err(invalid("commission_actual", "is given but the line is not settled"));
        }
        Ok(())
    }

    /// The commission this line costs the seller: paid when settled, estimated while pending, none
    /// when ineligible.
    pub fn commission(&self) -> i64 {
        match self.settlement {
            Settlement::Settled => self.commission_actual.unwrap_or(self.commission_estimated),
            Settlement::Pending => self.commission_estimated,
            Settlement::Ineligible => 0,
        }
    }
}

/// One creator video's results, from Affiliate Center's video export. Its GMV is the same money the
/// order lines already count, so it informs (posted, impressions) and is never added to a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VideoResult {
    pub video_id: String,
    pub creator: Handle,
    pub link: Option<String>,
    pub posted_on: Option<NaiveDate>,
    pub currency: Currency,
    #[ts(type = "number | null")]
    pub gmv: Option<i64>,
    #[ts(type = "number | null")]
    pub items_sold: Option<u64>,
    #[ts(type = "number | null")]
    pub orders: Option<u64>,
    #[ts(type = "number | null")]
    pub impressions: Option<u64>,
    #[ts(type = "number | null")]
    pub likes: Option<u64>,
    #[ts(type = "number | null")]
    pub comments: Option<u64>,
    #[ts(type = "number | null")]
    pub commission_estimated: Option<i64>,
}

impl VideoResult {
    pub fn validate(&self) -> Result<()> {
        if self.video_id.trim().is_empty() {
            return Err(invalid("video_id", "is empty"));
        }
        for (field, v) in [("gmv", self.gmv), ("commission_estimated", self.commission_estimated)] {
            if v.is_some_and(|v| v < 0) {
                return Err(invalid(field, "is negative"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> OrderLine {
        OrderLine {
            order_id: "577001".into(),
            sku_id: "1729".into(),
            product_id: Some("1731".into()),
            product_name: Some("Glow serum".into()),
            creator: Some(Handle::parse("@glowwithmia").unwrap()),
            content_type: Some("Video".into()),
            content_id: Some("7301".into()),
            quantity: 2,
            currency: Currency::usd(),
            unit_price: Some(2_999),
            payment: 5_998,
            refund: 0,
            units_refunded: 0,
            status: Some("Completed".into()),
            commission_rate: Some(BasisPoints(1_500)),
            commission_estimated: 900,
            commission_actual: None,
            settlement: Settlement::Pending,
            created_at: NaiveDate::from_ymd_opt(2026, 10, 3).unwrap().and_hms_opt(14, 5, 0).unwrap(),
            paid_at: None,
            delivered_at: None,
            commission_paid_at: None,
            target_collaboration_id: None,
        }
    }

    #[test]
    fn commission_follows_the_settlement() {
        assert_eq!(line().commission(), 900, "pending: the estimate");
        let settled = OrderLine { settlement: Settlement::Settled, commission_actual: Some(870), ..line() };
        assert_eq!(settled.commission(), 870, "settled: what was paid");
        let refunded =
            OrderLine { settlement: Settlement::Ineligible, refund: 5_998, units_refunded: 2, ..line() };
        assert_eq!(refunded.commission(), 0, "refunded in full: none");
        assert!(line().validate().is_ok() && settled.validate().is_ok() && refunded.validate().is_ok());
    }

    #[test]
    fn a_line_that_does_not_add_up_is_refused_by_field() {
        let cases: [(OrderLine, &str); 5] = [
            (OrderLine { order_id: " ".into(), ..line() }, "order_id"),
            (OrderLine { quantity: 0, ..line() }, "quantity"),
            (OrderLine { refund: 6_000, ..line() }, "refund"),
            (OrderLine { units_refunded: 3, ..line() }, "units_refunded"),
            (OrderLine { commission_actual: Some(10), ..line() }, "commission_actual"),
        ];
        for (l, want) in cases {
            match l.validate() {
                Err(DomainError::InvalidRecord { field, .. }) => assert_eq!(field, want),
                other => panic!("expected {want} to be refused, got {other:?}"),
            }
        }
    }

    #[test]
    fn settlement_words_round_trip() {
        for s in [Settlement::Pending, Settlement::Settled, Settlement::Ineligible] {
            assert_eq!(Settlement::parse(s.as_str()).unwrap(), s);
        }
        assert!(Settlement::parse("paid").is_err());
    }
}
