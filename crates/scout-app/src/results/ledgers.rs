//! Turns the store's raw sums into the results report: one ledger per campaign, creator, product and
//! in total, for each currency apart or all converted into one with the seller's rates; weekly GMV and
//! net profit; costs (flat fees, samples) charged to the collaboration that incurred them. Pure: the
//! hand-computed tests below are the money formulas' specification.

use crate::{AppError, Result};
use chrono::NaiveDate;
use scout_domain::{
    Conversion, Currency, CurrencyReport, Ledger, Money, ProductSpec, ReportGroup, ReportRow, TimePoint,
};
use scout_store::{CostKind, ReportInputs, SalesGroup};
use std::collections::{BTreeMap, HashMap, HashSet};

fn de(e: scout_domain::DomainError) -> AppError {
    crate::error::domain_error(e, "")
}

/// A campaign as the report needs it.
#[derive(Debug, Clone)]
pub(crate) struct CampaignInfo {
    pub id: i64,
    pub name: String,
    pub product: ProductSpec,
}

/// The ledgers of one currency as they are being summed.
struct Books {
    currency: Currency,
    total: Ledger,
    by_campaign: BTreeMap<Option<i64>, Ledger>,
    by_creator: BTreeMap<Option<String>, (Option<i64>, Ledger)>,
    by_product: BTreeMap<String, (String, Ledger)>,
    weeks: BTreeMap<NaiveDate, (i64, i64)>,
    /// The handles of creators outside every collaboration, whose sales share one row.
    outside: HashSet<String>,
}

impl Books {
    fn new(currency: Currency) -> Books {
        Books {
            total: Ledger::empty(currency.clone()),
            currency,
            by_campaign: BTreeMap::new(),
            by_creator: BTreeMap::new(),
            by_product: BTreeMap::new(),
            weeks: BTreeMap::new(),
            outside: HashSet::new(),
        }
    }

    /// Adds `l` to the total and to each group it belongs to.
    fn add(
        &mut self,
        campaign: Option<i64>,
        creator: (Option<String>, Option<i64>),
        product: (String, String),
        l: &Ledger,
    ) -> Result<()> {
        let empty = || Ledger::empty(self.currency.clone());
        self.total.add(l).map_err(de)?;
        self.by_campaign.entry(campaign).or_insert_with(empty).add(l).map_err(de)?;
        let c = self.by_creator.entry(creator.0).or_insert_with(|| (creator.1, empty()));
        c.0 = c.0.or(creator.1);
        c.1.add(l).map_err(de)?;
        self.by_product.entry(product.0).or_insert_with(|| (product.1, empty())).1.add(l).map_err(de)?;
        Ok(())
    }
}

/// Where amounts go: each currency apart, or converted into one.
enum Target<'a> {
    Apart,
    Into(&'a Conversion),
}

impl Target<'_> {
    fn currency_of(&self, native: &Currency) -> Currency {
        match self {
            Target::Apart => native.clone(),
            Target::Into(c) => c.to.clone(),
        }
    }

    /// `minor` units of `from` in the ledger currency.
    fn amount(&self, minor: i64, from: &Currency) -> Result<i64> {
        match self {
            Target::Apart => Ok(minor),
            Target::Into(c) => c.convert(&Money::new(minor, from.clone())).map(|m| m.minor).ok_or_else(|| {
                AppError::InvalidInput(format!(
                    "there is no exchange rate from {from} to {}: add it under Exchange rates, or keep currencies apart",
                    c.to
                ))
            }),
        }
    }
}

/// The product key and label a campaign's costs are filed under (the same key order lines use).
fn product_key(p: &ProductSpec) -> (String, String) {
    let key =
        p.tiktok_product_id.clone().filter(|id| !id.trim().is_empty()).unwrap_or_else(|| p.name.clone());
    (key, p.name.clone())
}

struct Catalog<'a> {
    by_campaign: HashMap<i64, &'a CampaignInfo>,
    by_product_id: HashMap<&'a str, &'a ProductSpec>,
    by_name: HashMap<String, &'a ProductSpec>,
}

impl<'a> Catalog<'a> {
    fn new(campaigns: &'a [CampaignInfo]) -> Catalog<'a> {
        let mut c =
            Catalog { by_campaign: HashMap::new(), by_product_id: HashMap::new(), by_name: HashMap::new() };
        for info in campaigns {
            c.by_campaign.insert(info.id, info);
            if let Some(id) = info.product.tiktok_product_id.as_deref() {
                c.by_product_id.insert(id.trim(), &info.product);
            }
            c.by_name.insert(info.product.name.trim().to_lowercase(), &info.product);
        }
        c
    }

    /// The product sold in `g`: its campaign's, else the one with its id or name.
    fn product(&self, g: &SalesGroup) -> Option<&'a ProductSpec> {
        g.campaign_id
            .and_then(|id| self.by_campaign.get(&id).map(|c| &c.product))
            .or_else(|| g.product_id.as_deref().and_then(|id| self.by_product_id.get(id.trim()).copied()))
            .or_else(|| {
                g.product_name.as_deref().and_then(|n| self.by_name.get(&n.trim().to_lowercase()).copied())
            })
    }
}

/// The report's per-currency sections (most orders first) and what they leave out.
pub(crate) fn assemble(
    inputs: &ReportInputs,
    campaigns: &[CampaignInfo],
    conversion: Option<&Conversion>,
) -> Result<(Vec<CurrencyReport>, Vec<String>)> {
    let target = conversion.map_or(Target::Apart, Target::Into);
    let catalog = Catalog::new(campaigns);
    let mut books: BTreeMap<String, Books> = BTreeMap::new();
    let mut warnings = Vec::new();
    let mut uncosted = Uncosted::new();

    // Creators with a collaboration get a row of their own; everyone else's sales share one.
    let collaborators: HashSet<&str> = inputs
        .sales
        .iter()
        .filter(|g| g.campaign_id.is_some())
        .filter_map(|g| g.creator_handle.as_deref())
        .chain(inputs.costs.iter().map(|c| c.handle.as_str()))
        .collect();
    for g in &inputs.sales {
        let ledger = sales_ledger(g, &target, &catalog, &mut uncosted)?;
        let currency = ledger.currency.clone();
        let b = books.entry(currency.code().to_string()).or_insert_with(|| Books::new(currency));
        let creator = match g.creator_handle.as_deref() {
            Some(h) if collaborators.contains(h) => (Some(h.to_string()), g.creator_id),
            other => {
                b.outside.insert(other.unwrap_or_default().to_string());
                (None, None)
            }
        };
        b.add(g.campaign_id, creator, product_of(g), &ledger)?;
    }
    let mut counted_once = BTreeMap::new();
    for g in &inputs.weekly {
        let ledger = sales_ledger(g, &target, &catalog, &mut counted_once)?;
        let currency = ledger.currency.clone();
        let b = books.entry(currency.code().to_string()).or_insert_with(|| Books::new(currency));
        let week = b.weeks.entry(g.week.unwrap_or(NaiveDate::MIN)).or_default();
        week.0 += ledger.gmv;
        week.1 += ledger.gmv
            - ledger.refunds
            - ledger.product_cost
            - ledger.commission_paid
            - ledger.commission_pending;
    }
    for ((name, why), units) in uncosted {
        warnings.push(format!("The product cost of {units} units of {name} is not counted: {why}."));
    }

    for cost in &inputs.costs {
        let Some(info) = catalog.by_campaign.get(&cost.campaign_id) else { continue };
        let (fee, sample) = match cost.kind {
            CostKind::FlatFee => {
                let Some((minor, code)) = &cost.amount else { continue };
                (Some(Money::new(*minor, Currency::parse(code).map_err(de)?)), None)
            }
            CostKind::Sample => {
                let unit = info.product.unit_cost.clone();
                let shipping = match &cost.amount {
                    Some((minor, code)) => Some(Money::new(*minor, Currency::parse(code).map_err(de)?)),
                    None => None,
                };
                (None, Some((unit, shipping)))
            }
        };
        // Costs are in the campaign's currency when apart (and then filed under it).
        let native = fee
            .as_ref()
            .map(|m| m.currency.clone())
            .unwrap_or_else(|| info.product.unit_cost.currency.clone());
        let currency = target.currency_of(&native);
        let mut ledger = Ledger::empty(currency.clone());
        if let Some(fee) = fee {
            ledger.flat_fees = target.amount(fee.minor, &fee.currency)?;
        }
        if let Some((unit, shipping)) = sample {
            ledger.sample_cost = target.amount(unit.minor, &unit.currency)?;
            if let Some(s) = shipping {
                if s.currency == unit.currency || matches!(target, Target::Into(_)) {
                    ledger.sample_cost += target.amount(s.minor, &s.currency)?;
                } else {
                    warnings.push(format!(
                        "The {s} shipping of {}'s sample is not counted: it is not in {}, the campaign's currency.",
                        cost.handle, unit.currency
                    ));
                }
            }
        }
        let handle = scout_domain::Handle::parse(&cost.handle).map(|h| h.as_str().to_string()).ok();
        let b = books.entry(currency.code().to_string()).or_insert_with(|| Books::new(currency.clone()));
        b.add(Some(cost.campaign_id), (handle, Some(cost.creator_id)), product_key(&info.product), &ledger)?;
        let week = cost.on
            - chrono::Days::new(u64::from(chrono::Datelike::weekday(&cost.on).num_days_from_monday()));
        b.weeks.entry(week).or_default().1 -= ledger.flat_fees + ledger.sample_cost;
    }

    set_order_counts(&mut books, inputs, &target, &collaborators)?;
    let names: HashMap<i64, &str> = campaigns.iter().map(|c| (c.id, c.name.as_str())).collect();
    let mut out = Vec::new();
    for b in books.into_values() {
        out.push(section(b, &names)?);
    }
    out.sort_by(|a, b| {
        b.total.ledger.gmv.cmp(&a.total.ledger.gmv).then(a.currency.code().cmp(b.currency.code()))
    });
    Ok((out, warnings))
}

/// Products no unit cost is known for, with why, and the units left uncosted.
type Uncosted = BTreeMap<(String, String), u64>;

/// The ledger of one group of order lines, in the report's currency; costless products are noted.
fn sales_ledger(
    g: &SalesGroup,
    target: &Target<'_>,
    catalog: &Catalog<'_>,
    uncosted: &mut Uncosted,
) -> Result<Ledger> {
    let native = Currency::parse(&g.currency).map_err(de)?;
    let currency = target.currency_of(&native);
    let s = &g.sums;
    let kept = u64::try_from(s.units_sold - s.units_refunded).unwrap_or(0);
    let product = catalog.product(g);
    let product_cost = match product {
        Some(p) if p.unit_cost.currency == currency => mul(p.unit_cost.minor, kept)?,
        Some(p) if matches!(target, Target::Into(_)) => {
            mul(target.amount(p.unit_cost.minor, &p.unit_cost.currency)?, kept)?
        }
        _ => {
            let why = match product {
                Some(p) => format!("its unit cost is in {}, the sales in {currency}", p.unit_cost.currency),
                None => "no campaign names this product, so its unit cost is unknown".into(),
            };
            *uncosted.entry((product_of(g).1, why)).or_default() += kept;
            0
        }
    };
    Ok(Ledger {
        orders: 0,
        units_sold: u64::try_from(s.units_sold).unwrap_or(0),
        units_refunded: u64::try_from(s.units_refunded).unwrap_or(0),
        gmv: target.amount(s.gmv, &native)?,
        refunds: target.amount(s.refunds, &native)?,
        product_cost,
        commission_estimated: target.amount(s.commission_estimated, &native)?,
        commission_paid: target.amount(s.commission_paid, &native)?,
        commission_pending: target.amount(s.commission_pending, &native)?,
        flat_fees: 0,
        sample_cost: 0,
        currency,
    })
}

/// The key (as the store counts orders by product: the id, else the name) and the label of a group's
/// product.
fn product_of(g: &SalesGroup) -> (String, String) {
    let key =
        g.product_id.clone().filter(|p| !p.is_empty()).or_else(|| g.product_name.clone()).unwrap_or_default();
    let label =
        g.product_name.clone().or_else(|| g.product_id.clone()).unwrap_or_else(|| "Unnamed product".into());
    (key, label)
}

fn mul(unit: i64, units: u64) -> Result<i64> {
    i64::try_from(units)
        .ok()
        .and_then(|u| unit.checked_mul(u))
        .ok_or_else(|| AppError::InvalidInput("a product cost is too large to add up".into()))
}

/// Distinct orders per group (an order with two SKUs is one order).
fn set_order_counts(
    books: &mut BTreeMap<String, Books>,
    inputs: &ReportInputs,
    target: &Target<'_>,
    collaborators: &HashSet<&str>,
) -> Result<()> {
    let code = |c: &str| -> Result<String> {
        Ok(target.currency_of(&Currency::parse(c).map_err(de)?).code().to_string())
    };
    let o = &inputs.orders;
    for (c, n) in &o.total {
        if let Some(b) = books.get_mut(&code(c)?) {
            b.total.orders += n;
        }
    }
    for (c, k, n) in &o.by_campaign {
        if let Some(l) = books.get_mut(&code(c)?).and_then(|b| b.by_campaign.get_mut(k)) {
            l.orders += n;
        }
    }
    for (c, k, n) in &o.by_creator {
        let k = k.clone().filter(|h| collaborators.contains(h.as_str()));
        if let Some((_, l)) = books.get_mut(&code(c)?).and_then(|b| b.by_creator.get_mut(&k)) {
            l.orders += n;
        }
    }
    for (c, k, n) in &o.by_product {
        if let Some((_, l)) = books.get_mut(&code(c)?).and_then(|b| b.by_product.get_mut(k)) {
            l.orders += n;
        }
    }
    Ok(())
}

fn row(group: ReportGroup, id: Option<i64>, label: String, ledger: Ledger) -> Result<ReportRow> {
    let net = ledger.net().map_err(de)?;
    Ok(ReportRow { group, id, label, ledger, net })
}

fn by_gmv(rows: &mut [ReportRow]) {
    rows.sort_by(|a, b| b.ledger.gmv.cmp(&a.ledger.gmv).then_with(|| a.label.cmp(&b.label)));
}

fn section(b: Books, names: &HashMap<i64, &str>) -> Result<CurrencyReport> {
    let mut by_campaign = Vec::new();
    for (id, l) in b.by_campaign {
        let label = match id {
            Some(id) => names.get(&id).map_or_else(|| format!("Campaign {id}"), |n| n.to_string()),
            None => "Not attributed to a campaign".into(),
        };
        by_campaign.push(row(ReportGroup::Campaign, id, label, l)?);
    }
    let mut by_creator = Vec::new();
    let outside = b.outside.iter().filter(|h| !h.is_empty()).count();
    for (handle, (id, l)) in b.by_creator {
        let label = match handle {
            Some(h) => format!("@{h}"),
            None if outside == 0 => "No creator named".into(),
            None if outside == 1 => "1 creator outside your campaigns".into(),
            None => format!("{outside} creators outside your campaigns"),
        };
        by_creator.push(row(ReportGroup::Creator, id, label, l)?);
    }
    let mut by_product = Vec::new();
    for (_, (label, l)) in b.by_product {
        by_product.push(row(ReportGroup::Product, None, label, l)?);
    }
    by_gmv(&mut by_campaign);
    by_gmv(&mut by_creator);
    by_gmv(&mut by_product);
    let over_time =
        b.weeks.into_iter().map(|(week, (gmv, net_profit))| TimePoint { week, gmv, net_profit }).collect();
    Ok(CurrencyReport {
        total: row(ReportGroup::Total, None, "Total".into(), b.total)?,
        currency: b.currency,
        by_campaign,
        by_creator,
        by_product,
        over_time,
    })
}

#[cfg(test)]
#[path = "ledgers_tests.rs"]
mod tests;
