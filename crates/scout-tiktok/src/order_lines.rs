//! One affiliate order from the API → one [`OrderLine`] per SKU, read the way the Seller Center export
//! import reads a row (`scout-ingest`'s `results/orders.rs`), so both write the same lines:
//!
//! - Amounts (`"12.34"`) become integer minor units exactly, with the currency's own decimals
//!   ([`Currency::decimals`]); no floating point is involved. More decimals than the currency has
//!   are refused unless they are zeros.
//! - The API gives a unit `price` and a `quantity` (refunded units included), no payment or refund
//!   amount: the line's payment is price × quantity. A line returned or refunded in full
//!   (`fully_return` "Yes") or `settlement_status` INELIGIBLE ("returned / refunded / canceled by the
//!   buyer, and no commission will be settled") counts all of its payment and quantity as refunded and
//!   earns no commission. Otherwise SETTLED keeps the actual paid commission; To-SETTLE, AWAITING
//!   PAYMENT and Unknown keep the estimate (pending).
//! - Times are Unix seconds. The API does not say the shop's time zone, so they are kept as **UTC**
//!   (an export writes the shop's local time instead: the same order can differ by the zone offset).
//!
//! Anything that does not fit (no id, a bad currency, a negative amount, …) makes the whole order
//! [`AffiliateOrder::Skipped`] with the field and the reason.

use chrono::{DateTime, NaiveDateTime};
use scout_domain::{BasisPoints, Currency, Handle, OrderLine, Settlement};
use serde_json::Value;

use super::orders::AffiliateOrder;
use super::wire::{AmountBody, OrderBody, SkuBody};

/// Maps one order of a search reply.
pub(crate) fn map_order(raw: Value) -> AffiliateOrder {
    // The id is looked up before the typed read too, so even an unreadable order is reported by it.
    let raw_id = raw.get("id").and_then(|v| text(v, "id").ok().flatten());
    let body: OrderBody = match serde_json::from_value(raw) {
        Ok(b) => b,
        Err(e) => {
            return AffiliateOrder::Skipped {
                order_id: raw_id.unwrap_or_default(),
                reason: format!("the order cannot be read: {e}"),
            }
        }
    };
    let Some(order_id) = body.id.as_ref().and_then(|v| text(v, "id").ok().flatten()) else {
        return AffiliateOrder::Skipped { order_id: String::new(), reason: "id: the order has no id".into() };
    };
    match order_lines(&order_id, &body) {
        Ok((lines, notes)) => AffiliateOrder::Mapped { order_id, lines, notes },
        Err(reason) => AffiliateOrder::Skipped { order_id, reason },
    }
}

/// What every SKU line of one order shares.
struct OrderFacts<'a> {
    order_id: &'a str,
    created_at: NaiveDateTime,
    delivered_at: Option<NaiveDateTime>,
}

fn order_lines(order_id: &str, order: &OrderBody) -> Result<(Vec<OrderLine>, Vec<String>), String> {
    if order.skus.is_empty() {
        return Err("skus: the order has no SKUs".into());
    }
    let created_at =
        time(order.create_time.as_ref(), "create_time")?.ok_or("create_time: missing; it is required")?;
    let facts = OrderFacts {
        order_id,
        created_at,
        delivered_at: time(order.delivery_time.as_ref(), "delivery_time")?,
    };
    let mut lines = Vec::with_capacity(order.skus.len());
    let mut notes = Vec::new();
    for (i, sku) in order.skus.iter().enumerate() {
        lines.push(sku_line(&facts, &format!("skus[{i}]"), sku, &mut notes)?);
    }
    Ok((lines, notes))
}

fn sku_line(
    order: &OrderFacts<'_>,
    at: &str,
    sku: &SkuBody,
    notes: &mut Vec<String>,
) -> Result<OrderLine, String> {
    let field = |name: &str| format!("{at}.{name}");
    let currency = line_currency(at, sku)?;
    let money = |name: &str, body: Option<&AmountBody>| amount(&field(name), body, &currency);

    let quantity = units(sku.quantity.as_ref(), &field("quantity"))?
        .ok_or_else(|| format!("{}: missing; it is required", field("quantity")))?;
    let unit_price = money("price", sku.price.as_ref())?
        .ok_or_else(|| format!("{}: missing; it is required", field("price.amount")))?;
    let payment = unit_price
        .checked_mul(i64::from(quantity))
        .ok_or_else(|| format!("{}: price × quantity is too large", field("price")))?;
    let fully_returned = fully_return(sku.fully_return.as_ref(), &field("fully_return"))?;
    let estimated = money("estimated_paid_commission", sku.estimated_paid_commission.as_ref())?.unwrap_or(0);
    let actual = money("actual_paid_commission", sku.actual_paid_commission.as_ref())?;
    let settlement = settlement(sku.settlement_status.as_deref(), &field("settlement_status"), notes);

    let (refund, units_refunded, commission_actual) =
        if fully_returned || settlement == Settlement::Ineligible {
            if let Some(a) = actual.filter(|a| *a != 0) {
                notes.push(format!(
                "{}: {} is not counted: the line is returned, refunded or cancelled in full, so it earns no \
                 commission",
                field("actual_paid_commission"),
                show(a, &currency)
            ));
            }
            (payment, quantity, None)
        } else if settlement == Settlement::Settled {
            (0, 0, actual)
        } else {
            if let Some(a) = actual.filter(|a| *a != 0) {
                notes.push(format!(
                    "{}: {} is not counted: the line is not settled",
                    field("actual_paid_commission"),
                    show(a, &currency)
                ));
            }
            (0, 0, None)
        };
    let settlement = if fully_returned { Settlement::Ineligible } else { settlement };

    let creator = match words(sku.creator_username.as_deref()) {
        Some(raw) => Some(Handle::parse(&raw).map_err(|e| format!("{}: {e}", field("creator_username")))?),
        None => None,
    };
    let tcid = opt_text(sku.target_collaboration_id.as_ref(), &field("target_collaboration_id"))?
        .filter(|id| id != "0");
    let line = OrderLine {
        order_id: order.order_id.to_string(),
        sku_id: opt_text(sku.sku_id.as_ref(), &field("sku_id"))?.unwrap_or_default(),
        product_id: opt_text(sku.product_id.as_ref(), &field("product_id"))?,
        // The API gives no product name; a results import of an export fills it for the same line.
        product_name: None,
        creator,
        content_type: words(sku.content_type.as_deref()),
        content_id: opt_text(sku.content_id.as_ref(), &field("content_id"))?,
        quantity,
        currency,
        unit_price: Some(unit_price),
        payment,
        refund,
        units_refunded,
        // The order-level status is deprecated in the API; each SKU's settlement says it.
        status: None,
        commission_rate: rate(sku.commission_rate.as_ref(), &field("commission_rate"))?,
        commission_estimated: estimated,
        commission_actual,
        settlement,
        created_at: order.created_at,
        paid_at: None,
        delivered_at: order.delivered_at,
        commission_paid_at: None,
        target_collaboration_id: tcid,
    };
    line.validate().map_err(|e| format!("{at}: {e}"))?;
    Ok(line)
}

/// The SKU's currency: the one every amount names. Amounts naming none take it from the others.
fn line_currency(at: &str, sku: &SkuBody) -> Result<Currency, String> {
    let named = [
        ("price", &sku.price),
        ("estimated_paid_commission", &sku.estimated_paid_commission),
        ("actual_paid_commission", &sku.actual_paid_commission),
    ];
    let mut found: Option<(String, Currency)> = None;
    for (name, body) in named {
        let Some(code) = body.as_ref().and_then(|b| b.currency.as_deref()) else { continue };
        let field = format!("{at}.{name}.currency");
        let c = Currency::parse(code).map_err(|e| format!("{field}: {e}"))?;
        match &found {
            Some((first, known)) if *known != c => {
                return Err(format!("{field}: {c} differs from {first}'s {known}; one line has one currency"))
            }
            Some(_) => {}
            None => found = Some((format!("{at}.{name}"), c)),
        }
    }
    found.map(|(_, c)| c).ok_or_else(|| format!("{at}: no amount names its currency"))
}

fn amount(field: &str, body: Option<&AmountBody>, currency: &Currency) -> Result<Option<i64>, String> {
    let Some(value) = body.and_then(|b| b.amount.as_ref()) else { return Ok(None) };
    let raw = match value {
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => return Ok(None),
        other => return Err(format!("{field}.amount: {other} is not an amount")),
    };
    let minor = minor_units(&raw, currency.decimals()).map_err(|e| format!("{field}.amount: '{raw}' {e}"))?;
    if minor < 0 {
        return Err(format!("{field}.amount: '{raw}' is negative"));
    }
    Ok(Some(minor))
}

/// A plain decimal amount (`"12.34"`, `"-0.5"`, `"1500"`) in minor units of a currency with
/// `decimals` decimals, exactly: `"12.34"` with 2 → 1234. Digits beyond `decimals` must be zeros.
pub(crate) fn minor_units(raw: &str, decimals: u32) -> Result<i64, String> {
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !plain(whole) || !plain(fraction) || (digits.contains('.') && fraction.is_empty())
    {
        return Err("is not a plain decimal amount like 12.34".into());
    }
    let places = decimals as usize;
    if fraction.len() > places && fraction.bytes().skip(places).any(|b| b != b'0') {
        return Err(format!("has more decimals than the currency's {decimals}"));
    }
    let too_large = || "is too large".to_string();
    let mut minor: i64 = 0;
    let padded = fraction.bytes().chain(std::iter::repeat(b'0')).take(places);
    for b in whole.bytes().chain(padded) {
        minor =
            minor.checked_mul(10).and_then(|m| m.checked_add(i64::from(b - b'0'))).ok_or_else(too_large)?;
    }
    Ok(if negative { -minor } else { minor })
}

fn show(minor: i64, currency: &Currency) -> String {
    scout_domain::Money::new(minor, currency.clone()).to_string()
}

/// A commission rate in 1/10000 (the API's unit, like the collaboration API): `1500` or `"1500"`.
fn rate(value: Option<&Value>, field: &str) -> Result<Option<BasisPoints>, String> {
    let Some(n) = count(value, field)? else { return Ok(None) };
    match u32::try_from(n) {
        Ok(bp) if bp <= 10_000 => Ok(Some(BasisPoints(bp))),
        _ => Err(format!("{field}: {n} is above 10000 (100 %)")),
    }
}

/// The settlement status's word → [`Settlement`], as the model lists them ("Unknown", "AWAITING
/// PAYMENT", "To-SETTLE", "SETTLED", "INELIGIBLE"; case, spaces, hyphens and underscores ignored). A
/// missing or unlisted word is taken as pending (the estimate stands) and said in a note.
fn settlement(status: Option<&str>, field: &str, notes: &mut Vec<String>) -> Settlement {
    let word = status.map(str::trim).unwrap_or_default();
    let key: String =
        word.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    match key.as_str() {
        "settled" => Settlement::Settled,
        "tosettle" | "awaitingpayment" | "unknown" => Settlement::Pending,
        "ineligible" => Settlement::Ineligible,
        "" => {
            notes.push(format!("{field}: missing; taken as pending (the estimated commission stands)"));
            Settlement::Pending
        }
        _ => {
            notes.push(format!(
                "{field}: '{word}' is not a status Scout knows; taken as pending (the estimated commission stands)"
            ));
            Settlement::Pending
        }
    }
}

/// `fully_return`: "Yes" or "No" (a JSON boolean is read too); absent is "No".
fn fully_return(value: Option<&Value>, field: &str) -> Result<bool, String> {
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" => Ok(true),
            "no" | "false" | "" => Ok(false),
            _ => Err(format!("{field}: '{s}' is not Yes or No")),
        },
        Some(other) => Err(format!("{field}: {other} is not Yes or No")),
    }
}

/// A whole number given as a JSON number or a string of digits.
fn count(value: Option<&Value>, field: &str) -> Result<Option<u64>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => {
            n.as_u64().map(Some).ok_or_else(|| format!("{field}: {n} is not a whole number ≥ 0"))
        }
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => {
            s.trim().parse::<u64>().map(Some).map_err(|_| format!("{field}: '{s}' is not a whole number ≥ 0"))
        }
        Some(other) => Err(format!("{field}: {other} is not a whole number")),
    }
}

/// A count of units that fits a `u32`.
fn units(value: Option<&Value>, field: &str) -> Result<Option<u32>, String> {
    match count(value, field)? {
        Some(n) => u32::try_from(n).map(Some).map_err(|_| format!("{field}: {n} is too large")),
        None => Ok(None),
    }
}

/// Text trimmed; empty is none.
fn words(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Unix seconds (a number or a string of digits) as a UTC time; 0 or absent is no time.
fn time(value: Option<&Value>, field: &str) -> Result<Option<NaiveDateTime>, String> {
    let Some(secs) = count(value, field)?.filter(|s| *s > 0) else { return Ok(None) };
    let t = i64::try_from(secs).ok().and_then(|s| DateTime::from_timestamp(s, 0));
    t.map(|t| Some(t.naive_utc())).ok_or_else(|| format!("{field}: {secs} is not a Unix time in seconds"))
}

/// An id or text: a string (trimmed) or a number; empty is none.
fn text(value: &Value, field: &str) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        Value::Number(n) => Ok(Some(n.to_string())),
        other => Err(format!("{field}: {other} is not an id")),
    }
}

fn opt_text(value: Option<&Value>, field: &str) -> Result<Option<String>, String> {
    value.map_or(Ok(None), |v| text(v, field))
}

#[cfg(test)]
#[path = "order_lines_tests.rs"]
pub(crate) mod tests;
