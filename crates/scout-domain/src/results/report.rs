//! The results report's shapes: ledgers grouped by campaign, creator and product, sales over time, the
//! pipeline funnel and the sample-to-post rate. Money stays in one currency per [`CurrencyReport`]:
//! either one report per currency the workspace sold in, or one converted report with the seller's
//! rates named in [`Conversion`].

use super::period::Period;
use crate::{Currency, Ledger, NetResult};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a report row groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportGroup {
    Total,
    Campaign,
    Creator,
    Product,
}

/// One row of a report table: a group's ledger and its net result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportRow {
    pub group: ReportGroup,
    /// The campaign's or creator's id; `None` for products and the total.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// Campaign name, creator handle ("@mia"), product name, or "All campaigns".
    pub label: String,
    pub ledger: Ledger,
    pub net: NetResult,
}

/// One week's sales, in the report's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimePoint {
    /// Monday of the week.
    pub week: NaiveDate,
    #[ts(type = "number")]
    pub gmv: i64,
    #[ts(type = "number")]
    pub net_profit: i64,
}

/// Everything the workspace sold and spent in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CurrencyReport {
    pub currency: Currency,
    pub total: ReportRow,
    pub by_campaign: Vec<ReportRow>,
    pub by_creator: Vec<ReportRow>,
    pub by_product: Vec<ReportRow>,
    pub over_time: Vec<TimePoint>,
}

/// How many collaborations reached each step (ever, not only where they are now).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Funnel {
    #[ts(type = "number")]
    pub shortlisted: u64,
    #[ts(type = "number")]
    pub invited: u64,
    #[ts(type = "number")]
    pub replied: u64,
    #[ts(type = "number")]
    pub agreed: u64,
    #[ts(type = "number")]
    pub posted: u64,
    /// Collaborations that posted and have at least one attributed order not refunded in full.
    #[ts(type = "number")]
    pub sold: u64,
    /// Collaborations that were shipped a sample, and how many of those posted.
    #[ts(type = "number")]
    pub sampled: u64,
    #[ts(type = "number")]
    pub sampled_posted: u64,
}

/// A seller's rate: one unit of `from` is worth `rate_micros / 1,000,000` units of the report currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExchangeRate {
    pub from: Currency,
    #[ts(type = "number")]
    pub rate_micros: i64,
}

/// The currency a converted report is in and the rates that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conversion {
    pub to: Currency,
    pub rates: Vec<ExchangeRate>,
}

/// The whole results report for a selection (all campaigns, or one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResultsReport {
    /// One per currency, most orders first; exactly one when converted.
    pub currencies: Vec<CurrencyReport>,
    /// Set when the seller asked for one currency and gave the rates.
    pub conversion: Option<Conversion>,
    pub funnel: Funnel,
    /// Order lines no collaboration claims (listed on the Results screen to assign).
    #[ts(type = "number")]
    pub unattributed_lines: u64,
    pub learning: LearningProgress,
    /// What the figures leave out and why ("product cost of 12 units of Glow Serum is not counted: …").
    pub warnings: Vec<String>,
}

/// Which report: every campaign or one, in each currency apart or converted into one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResultsQuery {
    #[ts(type = "number | null")]
    pub campaign_id: Option<i64>,
    /// Convert everything into this currency with the seller's saved rates; `None` keeps currencies apart.
    pub currency: Option<Currency>,
    /// The first day of the period (orders placed and costs incurred on or after it); `None`: no start.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The last day of the period, included; `None`: up to now.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

impl ResultsQuery {
    /// The period the query covers.
    pub fn period(&self) -> Period {
        Period { from: self.from, to: self.to }
    }
}

/// Finished collaborations as labelled outcomes for the match model, and whether retraining is due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LearningProgress {
    /// The seller's own outcomes (not simulated) the model can learn from.
    #[ts(type = "number")]
    pub outcomes: u64,
    /// Of those, how many arrived since the adopted model was trained (all of them with no model).
    #[ts(type = "number")]
    pub new_since_training: u64,
    /// Enough new outcomes that retraining could change the ranking.
    pub suggest_retrain: bool,
}

/// Which results export a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResultsFileKind {
    /// Seller Center's affiliate order export (one row per order and SKU).
    Orders,
    /// Affiliate Center's creator video export.
    Videos,
}

impl From<ResultsFileKind> for crate::ImportKind {
    fn from(kind: ResultsFileKind) -> crate::ImportKind {
        match kind {
            ResultsFileKind::Orders => crate::ImportKind::Orders,
            ResultsFileKind::Videos => crate::ImportKind::Videos,
        }
    }
}

/// An order line no collaboration claims, with the reason, for the seller to assign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnattributedOrder {
    #[ts(type = "number")]
    pub line_id: i64,
    pub order_id: String,
    pub product: Option<String>,
    /// The creator's handle as the export has it ("@mia"), if any.
    pub creator: Option<String>,
    /// The creator's id when the handle is in the workspace.
    #[ts(type = "number | null")]
    pub creator_id: Option<i64>,
    pub created_at: chrono::NaiveDateTime,
    pub payment: crate::Money,
    /// Why no collaboration claims it: "@mia is not in the workspace", "no collaboration with @mia
    /// sells product 1731", "ordered 2026-01-02, before @mia was invited (2026-02-10)".
    pub reason: String,
}

impl Conversion {
    /// Checks the rates: each positive, each currency once, none for the target itself.
    pub fn validate(&self) -> crate::Result<()> {
        let invalid = |problem: String| crate::DomainError::InvalidRecord { field: "rates", problem };
        let mut seen = std::collections::HashSet::new();
        for r in &self.rates {
            if r.from == self.to {
                return Err(invalid(format!("{} needs no rate: it is the report's currency", r.from)));
            }
            if r.rate_micros <= 0 {
                return Err(invalid(format!("the rate for {} must be above 0", r.from)));
            }
            if !seen.insert(r.from.code()) {
                return Err(invalid(format!("{} has more than one rate", r.from)));
            }
        }
        Ok(())
    }

    /// `money` in the target currency at the seller's rate, rounded half away from zero; `None` when
    /// there is no rate for its currency (or the result does not fit).
    pub fn convert(&self, money: &crate::Money) -> Option<crate::Money> {
        if money.currency == self.to {
            return Some(money.clone());
        }
        let rate = self.rates.iter().find(|r| r.from == money.currency)?.rate_micros;
        let (from_dp, to_dp) = (money.currency.decimals(), self.to.decimals());
        // minor_to = minor_from × rate / 10^6 × 10^(to_dp − from_dp)
        let mut num = i128::from(money.minor) * i128::from(rate);
        let mut den: i128 = 1_000_000;
        if to_dp >= from_dp {
            num *= 10i128.pow(to_dp - from_dp);
        } else {
            den *= 10i128.pow(from_dp - to_dp);
        }
        let q = (num.abs() + den / 2) / den;
        let v = if num < 0 { -q } else { q };
        i64::try_from(v).ok().map(|minor| crate::Money::new(minor, self.to.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Money;

    fn cur(c: &str) -> Currency {
        Currency::parse(c).unwrap()
    }

    fn to_usd(rates: &[(&str, i64)]) -> Conversion {
        Conversion {
            to: cur("USD"),
            rates: rates.iter().map(|(c, r)| ExchangeRate { from: cur(c), rate_micros: *r }).collect(),
        }
    }

    #[test]
    fn converts_across_decimal_places_rounding_half_away_from_zero() {
        let c = to_usd(&[("GBP", 1_270_000), ("JPY", 6_600), ("IDR", 62)]);
        // £12.50 × 1.27 = $15.875 → $15.88
        assert_eq!(c.convert(&Money::new(1_250, cur("GBP"))).unwrap().minor, 1_588);
        // ¥1,000 × 0.0066 = $6.60 (yen have no minor unit)
        assert_eq!(c.convert(&Money::new(1_000, cur("JPY"))).unwrap().minor, 660);
        // Rp 150,000 × 0.000062 = $9.30
        let idr = Money::new(150_000 * 10i64.pow(cur("IDR").decimals()), cur("IDR"));
        assert_eq!(c.convert(&idr).unwrap().minor, 930);
        // −£0.01 × 1.27 = −$0.0127 → −$0.01
        assert_eq!(c.convert(&Money::new(-1, cur("GBP"))).unwrap().minor, -1);
        assert_eq!(c.convert(&Money::new(500, cur("USD"))).unwrap().minor, 500, "already dollars");
        assert!(c.convert(&Money::new(500, cur("EUR"))).is_none(), "no rate for EUR");
    }

    #[test]
    fn rates_are_checked() {
        assert!(to_usd(&[("GBP", 1_270_000)]).validate().is_ok());
        for bad in [vec![("USD", 1_000_000)], vec![("GBP", 0)], vec![("GBP", 1), ("GBP", 2)]] {
            assert!(to_usd(&bad).validate().is_err(), "{bad:?} should be refused");
        }
    }
}
