//! What happens after a creator says yes: the agreed terms (commission, flat fee, sample, deliverables,
//! due date), the sample shipment and the content posted. Each `validate` names the broken field.

use crate::{BasisPoints, DomainError, Money, Result, MAX_COMMISSION};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

fn invalid(field: &'static str, problem: impl Into<String>) -> DomainError {
    DomainError::InvalidRecord { field, problem: problem.into() }
}

/// The deal as agreed, which may differ from the offer that was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreedTerms {
    /// Zero is allowed for a flat-fee-only deal.
    pub commission: BasisPoints,
    pub flat_fee: Option<Money>,
    pub free_sample: bool,
    /// What the creator will deliver, in the seller's words ("2 videos, 1 live").
    pub deliverables: String,
    /// When the content is due.
    pub content_due: Option<NaiveDate>,
}

impl AgreedTerms {
    pub fn validate(&self) -> Result<()> {
        if self.commission > MAX_COMMISSION {
            return Err(invalid(
                "commission",
                format!("{} is above 80 %, TikTok Shop's limit", self.commission),
            ));
        }
        if let Some(fee) = &self.flat_fee {
            if fee.minor <= 0 {
                return Err(invalid("flat_fee", "must be above zero; leave it out for no flat fee"));
            }
        }
        if self.commission.0 == 0 && self.flat_fee.is_none() {
            return Err(invalid(
                "commission",
                "is 0 % and there is no flat fee: the creator would earn nothing",
            ));
        }
        if self.deliverables.trim().is_empty() {
            return Err(invalid("deliverables", "is empty; say what the creator will post"));
        }
        Ok(())
    }
}

/// A free sample on its way to the creator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleShipment {
    pub carrier: String,
    pub tracking_number: String,
    /// Product cost plus shipping, when known.
    pub cost: Option<Money>,
    pub shipped_on: NaiveDate,
}

impl SampleShipment {
    pub fn validate(&self, today: NaiveDate) -> Result<()> {
        if self.carrier.trim().is_empty() {
            return Err(invalid("carrier", "is empty"));
        }
        if self.tracking_number.trim().is_empty() {
            return Err(invalid("tracking_number", "is empty"));
        }
        if let Some(cost) = &self.cost {
            if cost.minor < 0 {
                return Err(invalid("cost", "is negative"));
            }
        }
        if self.shipped_on > today {
            return Err(invalid("shipped_on", format!("{} is in the future", self.shipped_on)));
        }
        Ok(())
    }
}

/// A video or live the creator posted for the collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContentPost {
    pub url: String,
    pub posted_on: NaiveDate,
}

impl ContentPost {
    pub fn validate(&self, today: NaiveDate) -> Result<()> {
        let url = self.url.trim();
        let has_scheme = url.starts_with("https://") || url.starts_with("http://");
        if !has_scheme || url.contains(char::is_whitespace) || url.len() < 12 {
            return Err(invalid("url", format!("'{url}' is not a web link (https://…)")));
        }
        if self.posted_on > today {
            return Err(invalid("posted_on", format!("{} is in the future", self.posted_on)));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn terms() -> AgreedTerms {
        AgreedTerms {
            commission: BasisPoints(1500),
            flat_fee: None,
            free_sample: true,
            deliverables: "2 videos".into(),
            content_due: None,
        }
    }

    fn field(e: DomainError) -> &'static str {
        match e {
            DomainError::InvalidRecord { field, .. } => field,
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn agreed_terms_name_the_broken_field() {
        assert!(terms().validate().is_ok());
        let too_high = AgreedTerms { commission: BasisPoints(8100), ..terms() };
        assert_eq!(field(too_high.validate().unwrap_err()), "commission");
        let nothing = AgreedTerms { commission: BasisPoints(0), ..terms() };
        assert_eq!(field(nothing.validate().unwrap_err()), "commission");
        let fee_only = AgreedTerms {
            commission: BasisPoints(0),
            flat_fee: Some(Money::new(20_000, Currency::usd())),
            ..terms()
        };
        assert!(fee_only.validate().is_ok(), "a flat fee alone is a deal");
        let blank = AgreedTerms { deliverables: "  ".into(), ..terms() };
        assert_eq!(field(blank.validate().unwrap_err()), "deliverables");
    }

    #[test]
    fn shipments_and_posts_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let ship = SampleShipment {
            carrier: "UPS".into(),
            tracking_number: "1Z999".into(),
            cost: Some(Money::new(850, Currency::usd())),
            shipped_on: today,
        };
        assert!(ship.validate(today).is_ok());
        let later = SampleShipment { shipped_on: today.succ_opt().unwrap(), ..ship.clone() };
        assert_eq!(field(later.validate(today).unwrap_err()), "shipped_on");
        let untracked = SampleShipment { tracking_number: String::new(), ..ship };
        assert_eq!(field(untracked.validate(today).unwrap_err()), "tracking_number");
        let post = ContentPost { url: "https://www.tiktok.com/@a/video/1".into(), posted_on: today };
        assert!(post.validate(today).is_ok());
        let bad = ContentPost { url: "tiktok video".into(), posted_on: today };
        assert_eq!(field(bad.validate(today).unwrap_err()), "url");
    }
}
