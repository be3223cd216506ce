//! What a collaboration brought and cost, and the net result: every figure in integer minor units of
//! one currency, each with the formula that made it (the UI shows it on hover). Amounts in different
//! currencies are never added: [`Ledger::add`] refuses them.
//!
//! - net revenue = GMV − refunds
//! - product cost = unit cost × (units sold − units refunded)
//! - commission = the commission paid on settled orders + the estimate of orders not settled yet
//!   (orders refunded in full or cancelled earn none)
//! - creator cost = commission + flat fees + samples (product cost + shipping)
//! - net profit = net revenue − product cost − creator cost
//! - ROI = net profit ÷ creator cost (none when nothing was spent on creators)

use crate::{Currency, DomainError, Money, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One collaboration's (or a sum of collaborations') sales and costs, in `currency`'s minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Ledger {
    pub currency: Currency,
    #[ts(type = "number")]
    pub orders: u64,
    #[ts(type = "number")]
    pub units_sold: u64,
    #[ts(type = "number")]
    pub units_refunded: u64,
    #[ts(type = "number")]
    pub gmv: i64,
    #[ts(type = "number")]
    pub refunds: i64,
    /// Product cost of the units kept by buyers (unit cost × units not refunded).
    #[ts(type = "number")]
    pub product_cost: i64,
    /// The estimated commission of every order that earns one (settled or not), for comparison.
    #[ts(type = "number")]
    pub commission_estimated: i64,
    /// Commission paid on settled orders.
    #[ts(type = "number")]
    pub commission_paid: i64,
    /// The estimated commission of orders not settled yet.
    #[ts(type = "number")]
    pub commission_pending: i64,
    #[ts(type = "number")]
    pub flat_fees: i64,
    /// Product cost of the free samples plus their shipping.
    #[ts(type = "number")]
    pub sample_cost: i64,
}

/// A figure with the formula behind it, in words and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Figure {
    pub value: Money,
    pub formula: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NetResult {
    pub net_revenue: Figure,
    pub commission: Figure,
    pub creator_cost: Figure,
    pub net_profit: Figure,
    /// Net profit per unit of creator cost, in basis points (12776 = 127.76 %).
    #[ts(type = "number | null")]
    pub roi_bp: Option<i64>,
    pub roi_formula: String,
}

fn overflow(field: &'static str) -> DomainError {
    DomainError::InvalidRecord { field, problem: "is too large to add up".into() }
}

fn add(a: i64, b: i64, field: &'static str) -> Result<i64> {
    a.checked_add(b).ok_or_else(|| overflow(field))
}

impl Ledger {
    pub fn empty(currency: Currency) -> Ledger {
        Ledger {
            currency,
            orders: 0,
            units_sold: 0,
            units_refunded: 0,
            gmv: 0,
            refunds: 0,
            product_cost: 0,
            commission_estimated: 0,
            commission_paid: 0,
            commission_pending: 0,
            flat_fees: 0,
            sample_cost: 0,
        }
    }

    /// Adds another ledger in the same currency (a campaign's total, a creator's across campaigns); a
    /// refusal changes nothing.
    pub fn add(&mut self, other: &Ledger) -> Result<()> {
        if other.currency != self.currency {
            return Err(DomainError::InvalidRecord {
                field: "currency",
                problem: format!(
                    "{} cannot be added to {} without an exchange rate",
                    other.currency, self.currency
                ),
            });
        }
        // Into a copy first: an overflow part-way leaves this ledger as it was.
        let mut next = self.clone();
        next.orders = next.orders.saturating_add(other.orders);
        next.units_sold = next.units_sold.saturating_add(other.units_sold);
        next.units_refunded = next.units_refunded.saturating_add(other.units_refunded);
        next.gmv = add(next.gmv, other.gmv, "gmv")?;
        next.refunds = add(next.refunds, other.refunds, "refunds")?;
        next.product_cost = add(next.product_cost, other.product_cost, "product_cost")?;
        next.commission_estimated =
            add(next.commission_estimated, other.commission_estimated, "commission_estimated")?;
        next.commission_paid = add(next.commission_paid, other.commission_paid, "commission_paid")?;
        next.commission_pending =
            add(next.commission_pending, other.commission_pending, "commission_pending")?;
        next.flat_fees = add(next.flat_fees, other.flat_fees, "flat_fees")?;
        next.sample_cost = add(next.sample_cost, other.sample_cost, "sample_cost")?;
        *self = next;
        Ok(())
    }

    fn money(&self, minor: i64) -> Money {
        Money::new(minor, self.currency.clone())
    }

    /// The net result with every formula.
    pub fn net(&self) -> Result<NetResult> {
        let m = |v: i64| self.money(v);
        let net_revenue = self.gmv.checked_sub(self.refunds).ok_or_else(|| overflow("refunds"))?;
        let commission = add(self.commission_paid, self.commission_pending, "commission")?;
        let creator_cost =
            add(add(commission, self.flat_fees, "flat_fees")?, self.sample_cost, "sample_cost")?;
        let net_profit = net_revenue
            .checked_sub(self.product_cost)
            .and_then(|v| v.checked_sub(creator_cost))
            .ok_or_else(|| overflow("net_profit"))?;
        let roi_bp = (creator_cost > 0).then(|| {
            let bp = i128::from(net_profit) * 10_000;
            let c = i128::from(creator_cost);
            // Rounded half away from zero.
            let q = (bp.abs() + c / 2) / c;
            (if bp < 0 { -q } else { q }) as i64
        });
        let roi_formula = match roi_bp {
            Some(bp) => format!(
                "ROI = net profit {} ÷ creator cost {} = {}.{:02} %",
                m(net_profit),
                m(creator_cost),
                bp / 100,
                (bp % 100).abs()
            ),
            None => "ROI has no value: nothing was spent on creators".into(),
        };
        Ok(NetResult {
            net_revenue: Figure {
                value: m(net_revenue),
                formula: format!("GMV {} − refunds {} = {}", m(self.gmv), m(self.refunds), m(net_revenue)),
            },
            commission: Figure {
                value: m(commission),
                formula: format!(
                    "paid on settled orders {} + estimated for orders not settled yet {} = {}",
                    m(self.commission_paid),
                    m(self.commission_pending),
                    m(commission)
                ),
            },
            creator_cost: Figure {
                value: m(creator_cost),
                formula: format!(
                    "commission {} + flat fees {} + samples {} = {}",
                    m(commission),
                    m(self.flat_fees),
                    m(self.sample_cost),
                    m(creator_cost)
                ),
            },
            net_profit: Figure {
                value: m(net_profit),
                formula: format!(
                    "net revenue {} − product cost {} − creator cost {} = {}",
                    m(net_revenue),
                    m(self.product_cost),
                    m(creator_cost),
                    m(net_profit)
                ),
            },
            roi_bp,
            roi_formula,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Currency {
        Currency::usd()
    }

    /// 40 units sold at 30.00, 3 refunded (100.00), unit cost 6.00, estimated commission 165.00, a
    /// 200.00 flat fee and a sample (12.00 product + 8.50 shipping).
    fn example() -> Ledger {
        Ledger {
            orders: 38,
            units_sold: 40,
            units_refunded: 3,
            gmv: 120_000,
            refunds: 10_000,
            product_cost: 37 * 600,
            commission_estimated: 16_500,
            commission_pending: 16_500,
            flat_fees: 20_000,
            sample_cost: 1_200 + 850,
            ..Ledger::empty(usd())
        }
    }

    #[test]
    fn the_net_result_matches_the_hand_computed_one() {
        let r = example().net().unwrap();
        assert_eq!(r.net_revenue.value.minor, 110_000);
        assert_eq!(r.commission.value.minor, 16_500);
        assert_eq!(r.creator_cost.value.minor, 38_550);
        // 110,000 − 22,200 − 38,550
        assert_eq!(r.net_profit.value.minor, 49_250);
        // 49,250 / 38,550 = 1.277561…
        assert_eq!(r.roi_bp, Some(12_776));
        assert_eq!(r.net_revenue.formula, "GMV 1200.00 USD − refunds 100.00 USD = 1100.00 USD");
        assert_eq!(r.roi_formula, "ROI = net profit 492.50 USD ÷ creator cost 385.50 USD = 127.76 %");
        assert_eq!(
            r.commission.formula,
            "paid on settled orders 0.00 USD + estimated for orders not settled yet 165.00 USD = 165.00 USD"
        );
    }

    #[test]
    fn settled_commission_replaces_the_estimate_and_losses_are_negative() {
        // Two thirds settled: 110.00 estimated for them, 100.00 paid; 55.00 still pending.
        let settled = Ledger { commission_paid: 10_000, commission_pending: 5_500, ..example() };
        assert_eq!(settled.net().unwrap().commission.value.minor, 15_500);
        assert_eq!(settled.net().unwrap().creator_cost.value.minor, 15_500 + 20_000 + 2_050);
        let flop = Ledger { gmv: 3_000, refunds: 0, product_cost: 600, ..example() };
        let r = flop.net().unwrap();
        assert_eq!(r.net_profit.value.minor, 3_000 - 600 - 38_550);
        // −36,150 / 38,550 = −0.937743…
        assert_eq!(r.roi_bp, Some(-9_377));
        assert!(r.roi_formula.ends_with("= -93.77 %"), "{}", r.roi_formula);
    }

    #[test]
    fn nothing_spent_means_no_roi() {
        let free = Ledger {
            commission_estimated: 0,
            commission_pending: 0,
            flat_fees: 0,
            sample_cost: 0,
            ..example()
        };
        assert_eq!(free.net().unwrap().roi_bp, None);
    }

    #[test]
    fn ledgers_add_up_only_in_one_currency() {
        let mut total = Ledger::empty(usd());
        total.add(&example()).unwrap();
        total.add(&Ledger { commission_paid: 100, ..example() }).unwrap();
        assert_eq!((total.gmv, total.units_sold, total.commission_paid), (240_000, 80, 100));
        assert_eq!(total.commission_pending, 33_000);
        let euros = Ledger::empty(Currency::parse("EUR").unwrap());
        let err = total.add(&euros).unwrap_err();
        assert!(err.to_string().contains("EUR cannot be added to USD"), "{err}");
        assert_eq!(total.gmv, 240_000, "a refused addition changes nothing");
    }

    /// Writes `ui/src/lib/bindings/ledger-cases.json` (with the ts-rs bindings, so CI's drift check
    /// covers it): ledgers and the net result this code computes for each, so the UI's tests check
    /// their figures against Rust's own answers, not against a TypeScript port's.
    #[test]
    fn export_ledger_cases_for_the_ui() {
        let mut state: u64 = 0x5c0u64;
        let mut next = |limit: i64| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as i64).rem_euclid(limit.max(1))
        };
        let mut cases = Vec::new();
        for i in 0..120 {
            let currency = Currency::parse(["USD", "JPY", "IDR", "GBP", "MYR"][i % 5]).unwrap();
            let scale = if currency.decimals() == 0 { 1 } else { 100 };
            let mut l = Ledger::empty(currency);
            l.orders = next(400) as u64;
            l.units_sold = l.orders + next(50) as u64;
            l.units_refunded = next(1 + l.units_sold as i64) as u64 / 4;
            l.gmv = next(5_000_000) * scale / 100;
            l.refunds = next(1 + l.gmv / 3);
            l.product_cost = next(1 + l.gmv * 3 / 4);
            l.commission_paid = if i % 7 == 0 { 0 } else { next(1 + l.gmv / 5) };
            l.commission_pending = if i % 11 == 0 { 0 } else { next(1 + l.gmv / 10) };
            l.commission_estimated = l.commission_paid + l.commission_pending;
            // Every tenth spends nothing on creators (no ROI); some spend more than they earn.
            let spends = i % 10 != 0;
            if !spends {
                (l.commission_paid, l.commission_pending, l.commission_estimated) = (0, 0, 0);
            }
            l.flat_fees = if spends && i % 3 == 0 { next(2_000_000) * scale / 100 } else { 0 };
            l.sample_cost = if spends && i % 4 == 0 { next(30_000) * scale / 100 } else { 0 };
            let net = l.net().unwrap();
            cases.push(serde_json::json!({ "ledger": l, "net": net }));
        }
        let dir = std::env::var("TS_RS_EXPORT_DIR").expect("set in .cargo/config.toml");
        let path = std::path::Path::new(&dir).join("ledger-cases.json");
        let text = serde_json::to_string_pretty(&cases).unwrap() + "\n";
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).unwrap();
        }
    }
}
