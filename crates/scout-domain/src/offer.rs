//! What a partnership offer promises: commission, free sample, flat fee, content type and dates.
//! [`OfferTerms::validate`] names the field of every broken rule, like campaigns do.

use crate::{BasisPoints, DomainError, Money, Result, MAX_COMMISSION, MIN_COMMISSION};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContentType {
    Video,
    Live,
    VideoOrLive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FreeSample {
    /// The creator's sample request is approved without the seller reviewing it.
    pub approval_exempt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfferTerms {
    /// In basis points, which is exactly TikTok Shop's 1/10000 unit.
    pub commission: BasisPoints,
    pub free_sample: Option<FreeSample>,
    pub flat_fee: Option<Money>,
    pub content_type: ContentType,
    /// When the content is due.
    pub deadline: Option<NaiveDate>,
    /// When the offer expires (TikTok's `end_time`).
    pub valid_until: DateTime<Utc>,
}

fn invalid(field: &'static str, problem: String) -> DomainError {
    DomainError::InvalidOffer { field, problem }
}

impl OfferTerms {
    /// Checks the terms as of `now`.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<()> {
        if self.commission < MIN_COMMISSION || self.commission > MAX_COMMISSION {
            return Err(invalid(
                "commission",
                format!("{} is outside 1–80 %, the range TikTok Shop allows", self.commission),
            ));
        }
        if let Some(fee) = &self.flat_fee {
            if fee.minor <= 0 {
                return Err(invalid("flat_fee", "must be above zero; leave it out for no flat fee".into()));
            }
        }
        if self.valid_until <= now {
            return Err(invalid(
                "valid_until",
                format!("{} is in the past", self.valid_until.format("%Y-%m-%d %H:%M UTC")),
            ));
        }
        if let Some(deadline) = self.deadline {
            if deadline < now.date_naive() {
                return Err(invalid("deadline", format!("{deadline} is in the past")));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn now() -> DateTime<Utc> {
        "2026-11-24T10:00:00Z".parse().unwrap()
    }

    fn terms() -> OfferTerms {
        OfferTerms {
            commission: BasisPoints(1_800),
            free_sample: Some(FreeSample { approval_exempt: true }),
            flat_fee: None,
            content_type: ContentType::Video,
            deadline: NaiveDate::from_ymd_opt(2026, 12, 20),
            valid_until: "2026-12-31T23:59:59Z".parse().unwrap(),
        }
    }

    fn field(t: &OfferTerms) -> &'static str {
        match t.validate(now()) {
            Err(DomainError::InvalidOffer { field, .. }) => field,
            other => panic!("expected an offer error, got {other:?}"),
        }
    }

    #[test]
    fn sensible_terms_pass() {
        assert_eq!(terms().validate(now()), Ok(()));
    }

    #[test]
    fn broken_rules_name_their_field() {
        let mut t = terms();
        t.commission = BasisPoints(8_500);
        assert_eq!(field(&t), "commission", "85 % is above TikTok's 80 %");
        let mut t = terms();
        t.valid_until = "2026-11-01T00:00:00Z".parse().unwrap();
        assert_eq!(field(&t), "valid_until", "an offer cannot end in the past");
        let mut t = terms();
        t.flat_fee = Some(Money::new(0, Currency::usd()));
        assert_eq!(field(&t), "flat_fee");
        let mut t = terms();
        t.deadline = NaiveDate::from_ymd_opt(2026, 1, 1);
        assert_eq!(field(&t), "deadline");
    }
}
