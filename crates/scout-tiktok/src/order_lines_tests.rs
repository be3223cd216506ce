use super::*;
use serde_json::json;

fn usd(amount: &str) -> Value {
    json!({"amount": amount, "currency": "USD"})
}

/// A settled one-SKU order in the shape of the model `SearchSellerAffiliateOrdersResponseDataOrder`
/// (every id a string, `quantity` an integer, `commission_rate` a string in 1/10000).
pub(crate) fn order() -> Value {
    json!({
        "id": "577001",
        "create_time": 1_793_494_800, // 2026-11-01 01:00:00 UTC
        "delivery_time": 1_793_667_600, // 2026-11-03 01:00:00 UTC
        "skus": [{
            "sku_id": "1729000000000000101",
            "settlement_status": "SETTLED",
            "open_collaboration_id": "",
            "target_collaboration_id": "7300000000000000001",
            "campaign_id": "",
            "creator_username": "@GlowWithMia",
            "price": usd("29.99"),
            "quantity": 2,
            "content_type": "VIDEO",
            "content_id": "7301",
            "product_id": "1729000000000000001",
            "commission_model": "Fixed commission",
            "commission_tier_setting": "-",
            "commission_rate": "1500",
            "estimated_commission_base": {"amount": "$59.98", "currency": "USD"},
            "estimated_paid_commission": usd("9.00"),
            "actual_commission_base": {"amount": "$59.80", "currency": "USD"},
            "actual_paid_commission": usd("8.97"),
            "fully_return": "No",
            "is_carousel": false
        }]
    })
}

fn with_sku(field: &str, value: Value) -> Value {
    let mut o = order();
    o["skus"][0][field] = value;
    o
}

fn mapped(raw: Value) -> (Vec<OrderLine>, Vec<String>) {
    match map_order(raw) {
        AffiliateOrder::Mapped { lines, notes, .. } => (lines, notes),
        other => panic!("expected a mapped order, got {other:?}"),
    }
}

fn skipped(raw: Value) -> (String, String) {
    match map_order(raw) {
        AffiliateOrder::Skipped { order_id, reason } => (order_id, reason),
        other => panic!("expected a skipped order, got {other:?}"),
    }
}

#[test]
fn amounts_become_exact_minor_units_with_the_currencys_decimals() {
    assert_eq!(minor_units("12.34", 2), Ok(1234));
    assert_eq!(minor_units("12.3", 2), Ok(1230), "a missing decimal is a zero");
    assert_eq!(minor_units("12", 2), Ok(1200));
    assert_eq!(minor_units("0.07", 2), Ok(7));
    assert_eq!(minor_units("12.340", 2), Ok(1234), "extra zeros are exact");
    assert_eq!(minor_units("1500", 0), Ok(1500), "yen has no minor unit");
    assert_eq!(minor_units("1.234", 3), Ok(1234), "dinars have three decimals");
    assert_eq!(minor_units("-0.50", 2), Ok(-50));
    // Values a float would get wrong: 0.29 * 100 = 28.999999999999996.
    assert_eq!(minor_units("0.29", 2), Ok(29));
    assert_eq!(minor_units("92233720368547758.07", 2), Ok(i64::MAX));
    for bad in ["", ".5", "5.", "1,234.00", "1e5", "+1", "12.34.5", " 1", "US$1", "--1"] {
        assert!(minor_units(bad, 2).is_err(), "'{bad}' is refused");
    }
    assert!(minor_units("12.345", 2).unwrap_err().contains("more decimals"), "not rounded");
    assert!(minor_units("1500.5", 0).is_err());
    assert!(minor_units("92233720368547758.08", 2).unwrap_err().contains("too large"), "no wrap-around");
}

#[test]
fn a_settled_sku_maps_to_the_line_an_export_row_gives() {
    let (lines, notes) = mapped(order());
    assert!(notes.is_empty(), "{notes:?}");
    let l = &lines[0];
    assert_eq!(l.order_id, "577001");
    assert_eq!(l.sku_id, "1729000000000000101");
    assert_eq!(l.product_id.as_deref(), Some("1729000000000000001"));
    assert_eq!(l.product_name, None, "the API gives no product name");
    assert_eq!(l.creator, Some(Handle::parse("glowwithmia").unwrap()), "handles are normalized");
    assert_eq!((l.content_type.as_deref(), l.content_id.as_deref()), (Some("VIDEO"), Some("7301")));
    assert_eq!((l.quantity, l.unit_price, l.payment), (2, Some(2_999), 5_998), "payment = price × quantity");
    assert_eq!((l.refund, l.units_refunded), (0, 0));
    assert_eq!(l.commission_rate, Some(BasisPoints(1_500)), "1/10000 is basis points");
    assert_eq!((l.commission_estimated, l.commission_actual), (900, Some(897)));
    assert_eq!(l.settlement, Settlement::Settled);
    assert_eq!(l.commission(), 897, "settled: what was paid");
    assert_eq!(l.status, None, "the order-level status is deprecated");
    assert_eq!(l.created_at.to_string(), "2026-11-01 01:00:00", "Unix seconds read as UTC");
    assert_eq!(l.delivered_at.map(|t| t.to_string()).as_deref(), Some("2026-11-03 01:00:00"));
    assert_eq!(l.target_collaboration_id.as_deref(), Some("7300000000000000001"));
}

#[test]
fn fully_returned_or_ineligible_lines_refund_everything_and_earn_nothing() {
    let (lines, notes) = mapped(with_sku("fully_return", json!("Yes")));
    let l = &lines[0];
    assert_eq!(
        (l.settlement, l.refund, l.units_refunded, l.commission_actual),
        (Settlement::Ineligible, 5_998, 2, None),
        "fully_return Yes: the whole line back"
    );
    assert_eq!(l.commission(), 0);
    assert!(notes[0].contains("actual_paid_commission: 8.97 USD is not counted"), "{notes:?}");

    let (lines, _) = mapped(with_sku("settlement_status", json!("INELIGIBLE")));
    assert_eq!(
        (lines[0].settlement, lines[0].refund, lines[0].units_refunded),
        (Settlement::Ineligible, 5_998, 2),
        "INELIGIBLE: returned, refunded or cancelled, no commission"
    );
    let (_, reason) = skipped(with_sku("fully_return", json!("Partly")));
    assert!(reason.contains("skus[0].fully_return: 'Partly' is not Yes or No"), "{reason}");
}

#[test]
fn settlement_words_map_and_unknown_ones_are_pending_with_a_note() {
    let status = |word: Value| {
        let mut o = with_sku("settlement_status", word);
        o["skus"][0]["actual_paid_commission"] = usd("0.00");
        mapped(o)
    };
    // The model's words, as it spells them.
    assert_eq!(status(json!("To-SETTLE")).0[0].settlement, Settlement::Pending);
    assert_eq!(status(json!("AWAITING PAYMENT")).0[0].settlement, Settlement::Pending);
    assert_eq!(status(json!("Unknown")).0[0].settlement, Settlement::Pending);
    assert!(status(json!("Unknown")).1.is_empty(), "a documented word needs no note");
    assert_eq!(status(json!("SETTLED")).0[0].settlement, Settlement::Settled);
    assert_eq!(status(json!("INELIGIBLE")).0[0].settlement, Settlement::Ineligible);
    let (lines, notes) = status(json!("ON_HOLD"));
    assert_eq!(lines[0].settlement, Settlement::Pending);
    assert!(notes[0].contains("'ON_HOLD' is not a status Scout knows"), "never silently: {notes:?}");
    let (lines, notes) = status(Value::Null);
    assert_eq!(lines[0].settlement, Settlement::Pending);
    assert!(notes[0].contains("missing"), "{notes:?}");

    let (lines, notes) = mapped(with_sku("settlement_status", json!("To-SETTLE")));
    assert_eq!(lines[0].commission_actual, None, "an actual commission only on a settled line");
    assert!(notes[0].contains("is not settled"), "{notes:?}");
}

#[test]
fn a_zero_decimal_currency_and_an_amount_without_its_currency() {
    let yen = |a: &str| json!({"amount": a, "currency": "jpy"});
    let mut o = order();
    let sku = &mut o["skus"][0];
    sku["price"] = yen("1500");
    sku["estimated_paid_commission"] = yen("450");
    sku["actual_paid_commission"] = json!({"amount": "449"}); // no currency: the line's
    sku["estimated_commission_base"] = json!({"amount": "¥3,000", "currency": "JPY"}); // display text, unread
    let (lines, _) = mapped(o);
    let l = &lines[0];
    assert_eq!(l.currency.code(), "JPY");
    assert_eq!((l.unit_price, l.payment), (Some(1_500), 3_000));
    assert_eq!((l.commission_estimated, l.commission_actual), (450, Some(449)));
}

#[test]
fn an_order_that_cannot_be_mapped_is_skipped_with_its_id_and_the_field() {
    let cases: Vec<(Value, &str)> = vec![
        (
            with_sku("price", json!({"amount": "29.99", "currency": "US$"})),
            "skus[0].price.currency: currency 'US$'",
        ),
        (with_sku("price", usd("-1.00")), "skus[0].price.amount: '-1.00' is negative"),
        (with_sku("price", Value::Null), "skus[0].price.amount: missing"),
        (
            with_sku("estimated_paid_commission", json!({"amount": "9.00", "currency": "GBP"})),
            "GBP differs from skus[0].price's USD",
        ),
        (with_sku("price", usd("29.999")), "has more decimals than the currency's 2"),
        (with_sku("quantity", json!(0)), "skus[0]: field 'quantity' is 0"),
        (with_sku("quantity", json!("two")), "skus[0].quantity: 'two' is not a whole number"),
        (with_sku("creator_username", json!("mia smith")), "skus[0].creator_username: handle 'mia smith'"),
        (with_sku("commission_rate", json!("15.5")), "skus[0].commission_rate: '15.5'"),
        (json!({"id": "577001", "create_time": 1793494800, "skus": []}), "no SKUs"),
        (json!({"id": "577001", "skus": order()["skus"]}), "create_time: missing"),
        (json!({"id": "577001", "create_time": 1793494800, "skus": "none"}), "the order cannot be read"),
    ];
    for (raw, want) in cases {
        let (id, reason) = skipped(raw);
        assert_eq!(id, "577001", "the order is named: {reason}");
        assert!(reason.contains(want), "expected '{want}' in: {reason}");
    }
    let (id, reason) = skipped(json!({"create_time": 1793494800, "skus": order()["skus"]}));
    assert_eq!((id.as_str(), reason.as_str()), ("", "id: the order has no id"));
}

#[test]
fn every_sku_of_an_order_is_a_line_and_one_bad_sku_skips_the_order() {
    let mut o = order();
    let mut second = o["skus"][0].clone();
    second["sku_id"] = json!("1729000000000000102");
    second["target_collaboration_id"] = json!("0");
    o["skus"].as_array_mut().unwrap().push(second);
    let (lines, _) = mapped(o.clone());
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].target_collaboration_id, None, "an id of 0 is none");
    o["skus"][1]["price"] = usd("abc");
    let (_, reason) = skipped(o);
    assert!(reason.starts_with("skus[1].price.amount: 'abc'"), "{reason}");
}
