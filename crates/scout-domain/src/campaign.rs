//! A campaign: the product a seller wants promoted, who should see it, and what the seller will pay.
//! [`CampaignSpec::validate`] is the one place that decides what a valid campaign is; every error names
//! the field it is about, in the same dotted path the UI and the CLI use.

use crate::{AgeBand, AgeShare, BasisPoints, CountryShare, DomainError, GenderSplit, Money, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// Everything a seller says about a campaign. Stored as one document; edited as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignSpec {
    pub name: String,
    pub product: ProductSpec,
    pub audience: TargetAudience,
    pub commission: CommissionRange,
    /// What the seller will spend on free samples over the whole campaign.
    pub sample_budget: Money,
    /// What the seller will spend on flat fees over the whole campaign.
    pub flat_fee_budget: Money,
    /// The return the seller aims for: net profit / cost in percent (150 = every dollar spent returns
    /// $1.50 of profit). `None` = no target.
    pub roi_target_percent: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductSpec {
    pub name: String,
    /// The product's category in the creator taxonomy ("Beauty & Personal Care"); `None` = not said.
    pub category: Option<String>,
    pub price: Money,
    /// What one unit costs the seller; price − unit cost is the margin commission is paid from.
    pub unit_cost: Money,
    /// The product's id in TikTok Shop, needed to invite creators through the TikTok Shop channel
    /// (a target collaboration names its products by id). `None` = not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tiktok_product_id: Option<String>,
}

/// Who the seller wants to reach. An empty part means "anyone": it is left out of the audience fit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TargetAudience {
    /// The wanted age mix; shares add up to 100 %.
    pub age: Vec<AgeShare>,
    pub gender: Option<GenderSplit>,
    /// Countries with weights that add up to 100 %.
    pub countries: Vec<CountryShare>,
    /// Interests and product words matched against creators' categories and bios.
    pub keywords: Vec<String>,
}

/// The commission the seller will offer, 1–80 % as TikTok Shop allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommissionRange {
    pub min: BasisPoints,
    pub max: BasisPoints,
}

pub const MIN_COMMISSION: BasisPoints = BasisPoints(100);
pub const MAX_COMMISSION: BasisPoints = BasisPoints(8_000);
const MAX_KEYWORDS: usize = 30;
const MAX_KEYWORD_CHARS: usize = 40;
const MAX_NAME_CHARS: usize = 120;
const SHARE_TOLERANCE_BP: u32 = 100;

impl CampaignSpec {
    /// The name of a copy of this campaign: "Name (copy)", or "Name (copy 2)", "(copy 3)"… when the
    /// name is taken; the original name is shortened so the copy's stays within the length limit.
    pub fn copy_name<'a>(&self, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
        let base = self.name.trim();
        (1u32..)
            .map(|n| if n == 1 { " (copy)".to_string() } else { format!(" (copy {n})") })
            .map(|suffix| {
                let room = MAX_NAME_CHARS - suffix.chars().count();
                format!("{}{suffix}", base.chars().take(room).collect::<String>().trim_end())
            })
            .find(|name| !taken.clone().into_iter().any(|t| t == name))
            .unwrap_or_else(|| base.to_string())
    }

    /// Checks every rule a campaign must meet; the first broken rule is returned, naming its field.
    pub fn validate(&self) -> Result<()> {
        check_name("name", &self.name)?;
        check_name("product.name", &self.product.name)?;
        if let Some(category) = &self.product.category {
            if category.trim().is_empty() {
                return Err(invalid("product.category", "is blank; leave it out instead".into()));
            }
        }
        if self.product.price.minor <= 0 {
            return Err(invalid(
                "product.price",
                format!("must be above zero, found {}", self.product.price.minor),
            ));
        }
        if self.product.unit_cost.minor < 0 {
            return Err(invalid("product.unit_cost", "must not be negative".into()));
        }
        if self.product.unit_cost.currency != self.product.price.currency {
            return Err(invalid(
                "product.unit_cost",
                format!(
                    "is in {} but the price is in {}; use one currency",
                    self.product.unit_cost.currency, self.product.price.currency
                ),
            ));
        }
        self.check_commission()?;
        for (field, budget) in
            [("sample_budget", &self.sample_budget), ("flat_fee_budget", &self.flat_fee_budget)]
        {
            if budget.minor < 0 {
                return Err(invalid(field, format!("must not be negative, found {}", budget.minor)));
            }
        }
        if self.roi_target_percent.is_some_and(|p| p > 100_000) {
            return Err(invalid(
                "roi_target_percent",
                "is above 100000 %; enter a percentage such as 150".into(),
            ));
        }
        self.audience.validate()
    }

    fn check_commission(&self) -> Result<()> {
        let CommissionRange { min, max } = self.commission;
        for (field, rate) in [("commission.min", min), ("commission.max", max)] {
            if rate < MIN_COMMISSION || rate > MAX_COMMISSION {
                return Err(invalid(
                    field,
                    format!("{rate} is outside 1–80 %, the range TikTok Shop allows"),
                ));
            }
        }
        if min > max {
            return Err(invalid("commission.min", format!("{min} is above the maximum {max}")));
        }
        Ok(())
    }
}

impl TargetAudience {
    pub fn validate(&self) -> Result<()> {
        let mut bands = HashSet::new();
        for a in &self.age {
            if !bands.insert(a.band) {
                return Err(invalid("audience.age", format!("age band {} is listed twice", a.band.label())));
            }
        }
        if !self.age.is_empty() {
            check_sum("audience.age", self.age.iter().map(|a| a.share.0).sum())?;
        }
        if let Some(g) = &self.gender {
            check_sum("audience.gender", g.female.0 + g.male.0 + g.other.0)?;
        }
        let mut countries = HashSet::new();
        for c in &self.countries {
            if !countries.insert(c.country.clone()) {
                return Err(invalid("audience.countries", format!("{} is listed twice", c.country.as_str())));
            }
        }
        if !self.countries.is_empty() {
            check_sum("audience.countries", self.countries.iter().map(|c| c.share.0).sum())?;
        }
        if self.keywords.len() > MAX_KEYWORDS {
            return Err(invalid(
                "audience.keywords",
                format!("{} keywords; at most {MAX_KEYWORDS}", self.keywords.len()),
            ));
        }
        for k in &self.keywords {
            if k.trim().is_empty() {
                return Err(invalid("audience.keywords", "a keyword is blank".into()));
            }
            if k.chars().count() > MAX_KEYWORD_CHARS {
                return Err(invalid(
                    "audience.keywords",
                    format!("'{k}' is longer than {MAX_KEYWORD_CHARS} characters"),
                ));
            }
        }
        Ok(())
    }

    /// The wanted share of an age band, 0 when the band is not listed.
    pub fn age_share(&self, band: AgeBand) -> BasisPoints {
        self.age.iter().find(|a| a.band == band).map_or(BasisPoints(0), |a| a.share)
    }
}

fn check_name(field: &'static str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(invalid(field, "is empty".into()));
    }
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(field, format!("is longer than {MAX_NAME_CHARS} characters")));
    }
    Ok(())
}

fn check_sum(field: &'static str, total_bp: u32) -> Result<()> {
    if total_bp.abs_diff(10_000) > SHARE_TOLERANCE_BP {
        return Err(invalid(field, format!("shares add up to {}, not 100 %", BasisPoints(total_bp))));
    }
    Ok(())
}

fn invalid(field: &'static str, problem: String) -> DomainError {
    DomainError::InvalidCampaign { field, problem }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CountryCode, Currency};

    pub(crate) fn spec() -> CampaignSpec {
        let usd = Currency::usd();
        CampaignSpec {
            name: "Glow serum launch".into(),
            product: ProductSpec {
                name: "Glow serum 30 ml".into(),
                category: Some("Beauty & Personal Care".into()),
                price: Money::new(2_400, usd.clone()),
                unit_cost: Money::new(600, usd.clone()),
                tiktok_product_id: None,
            },
            audience: TargetAudience {
                age: vec![
                    AgeShare { band: AgeBand::Age18To24, share: BasisPoints(5_000) },
                    AgeShare { band: AgeBand::Age25To34, share: BasisPoints(5_000) },
                ],
                gender: Some(GenderSplit {
                    female: BasisPoints(7_000),
                    male: BasisPoints(3_000),
                    other: BasisPoints(0),
                }),
                countries: vec![CountryShare {
                    country: CountryCode::parse("US").unwrap(),
                    share: BasisPoints(10_000),
                }],
                keywords: vec!["skincare".into(), "serum".into()],
            },
            commission: CommissionRange { min: BasisPoints(1_500), max: BasisPoints(2_000) },
            sample_budget: Money::new(50_000, usd.clone()),
            flat_fee_budget: Money::new(0, usd),
            roi_target_percent: Some(150),
        }
    }

    fn field_of(spec: &CampaignSpec) -> &'static str {
        match spec.validate() {
            Err(DomainError::InvalidCampaign { field, .. }) => field,
            other => panic!("expected a campaign error, got {other:?}"),
        }
    }

    #[test]
    fn a_sensible_campaign_is_valid() {
        assert_eq!(spec().validate(), Ok(()), "the example campaign breaks no rule");
    }

    #[test]
    fn a_copy_is_named_after_the_original_and_never_takes_a_name_in_use() {
        let s = spec();
        assert_eq!(s.copy_name(["Other"]), "Glow serum launch (copy)");
        let taken = ["Glow serum launch (copy)", "Glow serum launch (copy 2)"];
        assert_eq!(s.copy_name(taken), "Glow serum launch (copy 3)");
        let long = CampaignSpec { name: "x".repeat(MAX_NAME_CHARS), ..spec() };
        let copy = long.copy_name([]);
        assert!(copy.ends_with(" (copy)") && copy.chars().count() == MAX_NAME_CHARS, "{copy}");
        assert!(CampaignSpec { name: copy, ..spec() }.validate().is_ok());
    }

    #[test]
    fn impossible_values_name_their_field() {
        let mut s = spec();
        s.audience.age[0].share = BasisPoints(4_000);
        assert_eq!(field_of(&s), "audience.age", "ages adding up to 90 % are refused");

        let mut s = spec();
        s.commission.max = BasisPoints(9_000);
        assert_eq!(field_of(&s), "commission.max", "90 % commission is outside TikTok's 1–80 %");

        let mut s = spec();
        s.commission.min = BasisPoints(50);
        assert_eq!(field_of(&s), "commission.min", "0.5 % commission is below 1 %");

        let mut s = spec();
        s.sample_budget.minor = -1;
        assert_eq!(field_of(&s), "sample_budget", "a negative budget is refused");

        let mut s = spec();
        s.audience.countries[0].share = BasisPoints(6_000);
        assert_eq!(field_of(&s), "audience.countries", "country weights must add up to 100 %");

        let mut s = spec();
        s.audience.gender =
            Some(GenderSplit { female: BasisPoints(7_000), male: BasisPoints(7_000), other: BasisPoints(0) });
        assert_eq!(field_of(&s), "audience.gender", "a 140 % gender split is refused");

        let mut s = spec();
        s.name = "  ".into();
        assert_eq!(field_of(&s), "name", "a campaign needs a name");
    }

    #[test]
    fn error_messages_say_what_was_found() {
        let mut s = spec();
        s.audience.age[0].share = BasisPoints(4_000);
        let message = s.validate().unwrap_err().to_string();
        assert!(message.contains("audience.age") && message.contains("90.00 %"), "got: {message}");
    }

    #[test]
    fn empty_audience_parts_mean_anyone() {
        let mut s = spec();
        s.audience = TargetAudience::default();
        assert_eq!(s.validate(), Ok(()), "no age, gender or country target is allowed");
    }
}
