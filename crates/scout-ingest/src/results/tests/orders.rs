//! The affiliate order export, column by column and rule by rule, in the three header languages.

use super::{accepted, at, csv, currency, orders_in, rejected};
use crate::results::{DateOrder, DayMonthOrder, HeaderLanguage};
use scout_domain::{BasisPoints, Handle, OrderLine, Settlement};

pub(super) const EN: [&str; 27] = [
    "Order ID",
    "Product ID",
    "Product Name",
    "SKU ID",
    "Price",
    "Payment Amount",
    "Currency",
    "Quantity",
    "Order Status",
    "Fully returned or refunded",
    "Creator Username",
    "Content Type",
    "Content ID",
    "commission model",
    "Standard commission rate",
    "Est. Commission Base",
    "Est. standard commission payment",
    "Actual Commission Base",
    "Actual Commission Payment",
    "Shop Ads commission rate",
    "Time Created",
    "Payment time",
    "Order Delivery Time",
    "Time Commission Paid",
    "Refund Amount",
    "Returned Quantity",
    "Target Collaboration ID",
];

const ES: [&str; 27] = [
    "ID del pedido",
    "ID del producto",
    "Nombre del producto",
    "ID de SKU",
    "Precio",
    "Importe del pago",
    "Moneda",
    "Cantidad",
    "Estado del pedido",
    "Devuelto o reembolsado por completo",
    "Nombre de usuario del creador",
    "Tipo de contenido",
    "ID del contenido",
    "Modelo de comisión",
    "Tasa de comisión estándar",
    "Base de comisión est.",
    "Pago de comisión estándar est.",
    "Base de comisión real",
    "Pago de comisión real",
    "Tasa de comisión de Shop Ads",
    "Hora de creación",
    "Hora de pago",
    "Hora de entrega del pedido",
    "Hora de pago de la comisión",
    "Importe reembolsado",
    "Cantidad devuelta",
    "ID de colaboración objetivo",
];

const ID: [&str; 27] = [
    "ID Pesanan",
    "ID Produk",
    "Nama Produk",
    "ID SKU",
    "Harga",
    "Jumlah Pembayaran",
    "Mata Uang",
    "Kuantitas",
    "Status Pesanan",
    "Dikembalikan atau dana dikembalikan sepenuhnya",
    "Nama Pengguna Kreator",
    "Jenis Konten",
    "ID Konten",
    "Model komisi",
    "Tingkat komisi standar",
    "Perkiraan Dasar Komisi",
    "Perkiraan pembayaran komisi standar",
    "Dasar Komisi Aktual",
    "Pembayaran Komisi Aktual",
    "Tingkat komisi Iklan Toko",
    "Waktu Dibuat",
    "Waktu pembayaran",
    "Waktu Pengiriman Pesanan",
    "Waktu Komisi Dibayar",
    "Jumlah Pengembalian Dana",
    "Kuantitas Dikembalikan",
    "ID Kolaborasi Target",
];

/// A header line of the given spellings, quoted where needed.
pub(super) fn header(names: &[&str]) -> String {
    names.iter().map(|h| quote(h)).collect::<Vec<_>>().join(",")
}

fn quote(v: &str) -> String {
    if v.contains([',', '"', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// A data line of the full 27-column export: `values` by English column name, blank elsewhere.
pub(super) fn row(values: &[(&str, &str)]) -> String {
    for (name, _) in values {
        assert!(EN.contains(name), "'{name}' is a column of the test header");
    }
    EN.iter()
        .map(|h| values.iter().find(|(n, _)| n == h).map_or(String::new(), |(_, v)| quote(v)))
        .collect::<Vec<_>>()
        .join(",")
}

/// The columns every line needs, then `more`.
fn basic<'a>(id: &'a str, payment: &'a str, more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("Order ID", id),
        ("Payment Amount", payment),
        ("Quantity", "2"),
        ("Time Created", "2026-10-03 14:05:22"),
    ];
    v.extend_from_slice(more);
    v
}

#[test]
fn an_english_export_reads_every_column() {
    let dir = tempfile::tempdir().unwrap();
    let full = row(&[
        ("Order ID", "577012345678901234"),
        ("Product ID", "1729384756012"),
        ("Product Name", "Glow serum, 30 ml"),
        ("SKU ID", "1729000000000001"),
        ("Price", "$29.99"),
        ("Payment Amount", "$59.98"),
        ("Currency", "USD"),
        ("Quantity", "2"),
        ("Order Status", "Completed"),
        ("Fully returned or refunded", "No"),
        ("Creator Username", "@GlowWithMia"),
        ("Content Type", "Video"),
        ("Content ID", "7301234567890123456"),
        ("commission model", "Standard"),
        ("Standard commission rate", "15%"),
        ("Est. Commission Base", "$59.98"),
        ("Est. standard commission payment", "$9.00"),
        ("Shop Ads commission rate", "5%"),
        ("Time Created", "2026/10/03 14:05:22"),
        ("Payment time", "2026-10-03 14:06"),
        ("Order Delivery Time", "2026-10-06T09:30:00"),
        ("Target Collaboration ID", "7290000000000000001"),
    ]);
    let source = csv(&dir, "orders.csv", &[&header(&EN), &full]);
    let (reader, rows) = orders_in(&source, "EUR");
    assert_eq!(reader.language(), HeaderLanguage::English, "English headers");
    assert_eq!(reader.kind(), scout_domain::ResultsFileKind::Orders, "an order export");
    assert_eq!(reader.headers().len(), 27, "every header kept");
    let (line, issues) = accepted(&rows[0]);
    assert!(issues.is_empty(), "a clean line has no issues: {issues:?}");
    let want = OrderLine {
        order_id: "577012345678901234".into(),
        sku_id: "1729000000000001".into(),
        product_id: Some("1729384756012".into()),
        product_name: Some("Glow serum, 30 ml".into()),
        creator: Some(Handle::parse("glowwithmia").unwrap()),
        content_type: Some("Video".into()),
        content_id: Some("7301234567890123456".into()),
        quantity: 2,
        currency: currency("USD"),
        unit_price: Some(2_999),
        payment: 5_998,
        refund: 0,
        units_refunded: 0,
        status: Some("Completed".into()),
        commission_rate: Some(BasisPoints(1_500)),
        commission_estimated: 900,
        commission_actual: None,
        settlement: Settlement::Pending,
        created_at: at(2026, 10, 3, 14, 5, 22),
        paid_at: Some(at(2026, 10, 3, 14, 6, 0)),
        delivered_at: Some(at(2026, 10, 6, 9, 30, 0)),
        commission_paid_at: None,
        target_collaboration_id: Some("7290000000000000001".into()),
    };
    assert_eq!(line, &want, "every column lands in its field; USD from the Currency column, not the default");
}

#[test]
fn settlement_refunds_and_cancellations() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        header(&EN),
        row(&basic("1", "59.98", &[("Est. standard commission payment", "9.00")])),
        row(&basic(
            "2",
            "59.98",
            &[("Actual Commission Payment", "8.70"), ("Time Commission Paid", "2026-10-20 09:00:00")],
        )),
        row(&basic("3", "59.98", &[("Time Commission Paid", "2026-10-20 09:00:00")])),
        row(&basic(
            "4",
            "59.98",
            &[("Fully returned or refunded", "Yes"), ("Est. standard commission payment", "9.00")],
        )),
        row(&basic("5", "59.98", &[("Refund Amount", "29.99"), ("Returned Quantity", "1")])),
        row(&basic("6", "59.98", &[("Order Status", "Cancelled"), ("Actual Commission Payment", "0")])),
        row(&basic("7", "59.98", &[("Refund Amount", "70.00")])),
        row(&basic("8", "59.98", &[("Returned Quantity", "3")])),
        row(&basic("9", "59.98", &[("Order Status", "Canceled"), ("Actual Commission Payment", "8.70")])),
        row(&basic("10", "59.98", &[("Fully returned or refunded", "TRUE"), ("Refund Amount", "10.00")])),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (_, rows) = orders_in(&csv(&dir, "settle.csv", &lines), "USD");
    assert_eq!(rows.len(), 10, "ten data rows, ten results");
    let line = |i: usize| accepted(&rows[i]).0.clone();

    let pending = line(0);
    assert_eq!(
        (pending.settlement, pending.commission_estimated, pending.commission_actual),
        (Settlement::Pending, 900, None),
        "no payment yet: pending on the estimate"
    );
    let settled = line(1);
    assert_eq!(
        (settled.settlement, settled.commission_actual),
        (Settlement::Settled, Some(870)),
        "an actual payment settles"
    );
    assert_eq!(settled.commission_paid_at, Some(at(2026, 10, 20, 9, 0, 0)), "and says when");
    let paid_time_only = line(2);
    assert_eq!(
        (paid_time_only.settlement, paid_time_only.commission_actual),
        (Settlement::Settled, None),
        "a paid time alone settles"
    );
    let full = line(3);
    assert_eq!(
        (full.settlement, full.refund, full.units_refunded),
        (Settlement::Ineligible, 5_998, 2),
        "refunded in full: all of it, ineligible"
    );
    assert_eq!(full.commission(), 0, "and it costs no commission");
    let partial = line(4);
    assert_eq!(
        (partial.settlement, partial.refund, partial.units_refunded),
        (Settlement::Pending, 2_999, 1),
        "a partial refund"
    );
    let (cancelled, issues) = accepted(&rows[5]);
    assert_eq!(
        (cancelled.settlement, cancelled.refund, cancelled.units_refunded),
        (Settlement::Ineligible, 5_998, 2),
        "cancelled"
    );
    assert!(issues.is_empty(), "an actual commission of 0 on a cancelled line is no issue: {issues:?}");
    assert_eq!(cancelled.status.as_deref(), Some("Cancelled"), "the status is kept as written");
    assert!(
        rejected(&rows[6]).contains("refund") && rejected(&rows[6]).contains("7000"),
        "refund above payment: {}",
        rejected(&rows[6])
    );
    assert!(
        rejected(&rows[7]).contains("units_refunded"),
        "more units returned than sold: {}",
        rejected(&rows[7])
    );
    let (canceled, issues) = accepted(&rows[8]);
    assert_eq!(
        (canceled.settlement, canceled.commission_actual),
        (Settlement::Ineligible, None),
        "American spelling; no commission"
    );
    assert_eq!(issues.len(), 1, "a paid commission on a cancelled line is remarked: {issues:?}");
    assert_eq!(issues[0].column, "Actual Commission Payment", "on its column");
    let (refunded, issues) = accepted(&rows[9]);
    assert_eq!(refunded.refund, 5_998, "refunded in full overrides a partial amount");
    assert!(issues.len() == 1 && issues[0].column == "Refund Amount", "and says so: {issues:?}");
}

#[test]
fn bad_optional_cells_are_issues_and_bad_required_cells_reject() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        header(&EN),
        row(&basic(
            "1",
            "59.98",
            &[
                ("Standard commission rate", "fifteen"),
                ("Fully returned or refunded", "Maybe"),
                ("Creator Username", "not a handle!"),
                ("Payment time", "soon"),
            ],
        )),
        row(&[("Order ID", "2"), ("Quantity", "2"), ("Time Created", "2026-10-03 14:05:22")]),
        row(&basic("3", "lots", &[])),
        row(&[("Order ID", "4"), ("Payment Amount", "5"), ("Quantity", "2"), ("Time Created", "someday")]),
        row(&basic("", "59.98", &[])),
        row(&[("Order ID", "6"), ("Payment Amount", "5"), ("Quantity", "0"), ("Time Created", "2026-10-03")]),
        row(&basic("7", "59.98", &[("Currency", "dollars")])),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (_, rows) = orders_in(&csv(&dir, "bad.csv", &lines), "USD");

    let (line, issues) = accepted(&rows[0]);
    let columns: Vec<&str> = issues.iter().map(|i| i.column.as_str()).collect();
    assert_eq!(
        columns,
        vec!["Fully returned or refunded", "Creator Username", "Standard commission rate", "Payment time"],
        "one issue per bad optional cell: {issues:?}"
    );
    assert!(issues.iter().all(|i| i.line == 2), "on the row's line");
    assert_eq!(issues[0].raw_value, "Maybe", "with the raw value");
    assert!(
        issues[0].message.contains("'Maybe'") && issues[0].message.contains("yes or no"),
        "and why: {}",
        issues[0].message
    );
    assert_eq!(
        (line.commission_rate, &line.creator, line.paid_at, line.settlement),
        (None, &None, None, Settlement::Pending),
        "left empty; the row is kept"
    );
    assert_eq!(
        rejected(&rows[1]),
        "no value in required column 'Payment Amount'",
        "a missing required value"
    );
    assert!(
        rejected(&rows[2]).starts_with("column 'Payment Amount': 'lots'"),
        "an unreadable one: {}",
        rejected(&rows[2])
    );
    assert_eq!(
        rejected(&rows[3]),
        "column 'Time Created': 'someday' is not a date and time (expected e.g. 2026-10-03 14:05:22)",
        "an unreadable required date"
    );
    assert_eq!(rejected(&rows[4]), "no value in required column 'Order ID'", "no order id");
    assert!(rejected(&rows[5]).contains("quantity"), "the domain refuses 0 units: {}", rejected(&rows[5]));
    let (line, issues) = accepted(&rows[6]);
    assert_eq!(line.currency, currency("USD"), "an unknown currency falls back to the default");
    assert!(
        issues.len() == 1 && issues[0].message.contains("'dollars' is not a currency"),
        "and says so: {issues:?}"
    );
}

#[test]
fn money_in_many_notations_and_currencies() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        header(&EN),
        row(&basic(
            "1",
            "¥1,500",
            &[("Currency", "JPY"), ("Price", "750"), ("Est. standard commission payment", "225.5")],
        )),
        row(&basic(
            "2",
            "Rp 150.000",
            &[("Currency", "IDR"), ("Est. standard commission payment", "Rp 15.000")],
        )),
        row(&basic("3", "£12.50", &[])),
        row(&basic("4", "1.234,56", &[("Currency", "EUR")])),
        row(&basic("5", "0.125", &[])),
        row(&basic("6", "12", &[("Currency", "USD"), ("Est. standard commission payment", "€5")])),
        row(&basic("7", "€12", &[("Currency", "USD")])),
        row(&basic("8", "59.98", &[("Currency", "Rp")])),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (_, rows) = orders_in(&csv(&dir, "money.csv", &lines), "USD");
    let money = |i: usize| {
        let (l, _) = accepted(&rows[i]);
        (l.currency.code().to_string(), l.payment, l.unit_price, l.commission_estimated)
    };
    assert_eq!(
        money(0),
        ("JPY".into(), 1_500, Some(750), 226),
        "yen have no minor unit; .5 rounds away from zero"
    );
    assert_eq!(
        money(1),
        ("IDR".into(), 15_000_000, None, 1_500_000),
        "Rp 150.000 is 150 000 rupiah (two ISO decimals)"
    );
    assert_eq!(money(2), ("GBP".into(), 1_250, None, 0), "no Currency column: the amount's own symbol");
    assert_eq!(money(3), ("EUR".into(), 123_456, None, 0), "decimal comma");
    assert_eq!(money(4), ("USD".into(), 13, None, 0), "the default; half a cent rounds away from zero");
    let (line, issues) = accepted(&rows[5]);
    assert_eq!(line.commission_estimated, 0, "a contradicting symbol leaves the optional amount empty");
    assert!(
        issues.len() == 1 && issues[0].message.contains("EUR") && issues[0].message.contains("USD"),
        "and is an issue: {issues:?}"
    );
    assert_eq!(
        rejected(&rows[6]),
        "column 'Payment Amount': '€12' is in EUR, not in the row's currency USD",
        "a contradicting payment rejects"
    );
    assert_eq!(money(7), ("IDR".into(), 5_998, None, 0), "a symbol in the Currency column names it");
}

#[test]
fn spanish_headers_and_day_first_dates_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        header(&ES),
        row(&basic(
            "1",
            "$1.234,56",
            &[
                ("Currency", "MXN"),
                ("Fully returned or refunded", "No"),
                ("Standard commission rate", "12,5%"),
            ],
        )),
        row(&[
            ("Order ID", "2"),
            ("Payment Amount", "100"),
            ("Currency", "MXN"),
            ("Quantity", "1"),
            ("Time Created", "03/10/2026 14:05:22"),
            ("Fully returned or refunded", "Sí"),
            ("Order Status", "Cancelado"),
        ]),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "pedidos.csv", &lines), "USD");
    assert_eq!(reader.language(), HeaderLanguage::Spanish, "Spanish headers");
    assert_eq!(
        reader.date_order(),
        DateOrder::Assumed { order: DayMonthOrder::DayFirst, language: HeaderLanguage::Spanish },
        "no date settles it: day first, as Spanish headers suggest"
    );
    let (first, issues) = accepted(&rows[0]);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(
        (first.currency.code(), first.payment, first.commission_rate),
        ("MXN", 123_456, Some(BasisPoints(1_250))),
        "pesos with a decimal comma"
    );
    let (second, _) = accepted(&rows[1]);
    assert_eq!(second.created_at, at(2026, 10, 3, 14, 5, 22), "03/10 is 3 October");
    assert_eq!(second.settlement, Settlement::Ineligible, "Sí / Cancelado");
    assert_eq!(reader.dates_decided(), 1, "one date needed the order");
}

#[test]
fn indonesian_headers_rupiah_and_ya_tidak() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        header(&ID),
        row(&basic(
            "1",
            "Rp 150.000",
            &[
                ("Fully returned or refunded", "Tidak"),
                ("Creator Username", "@budi.sari"),
                ("Time Created", "2026-10-03 14:05:22"),
            ],
        )),
        row(&basic("2", "Rp 1.500.000", &[("Currency", "IDR"), ("Fully returned or refunded", "Ya")])),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "pesanan.csv", &lines), "USD");
    assert_eq!(reader.language(), HeaderLanguage::Indonesian, "Indonesian headers");
    let (first, _) = accepted(&rows[0]);
    assert_eq!(
        (first.currency.code(), first.payment, first.settlement),
        ("IDR", 15_000_000, Settlement::Pending),
        "Rp names the rupiah"
    );
    assert_eq!(first.creator.as_ref().map(|h| h.as_str()), Some("budi.sari"), "the creator");
    let (second, _) = accepted(&rows[1]);
    assert_eq!(
        (second.payment, second.refund, second.settlement),
        (150_000_000, 150_000_000, Settlement::Ineligible),
        "Ya: refunded in full"
    );
}

#[test]
fn ambiguous_dates_follow_the_files_own_dates() {
    let dir = tempfile::tempdir().unwrap();
    let dated = |id: &'static str, t: &'static str| {
        row(&[("Order ID", id), ("Payment Amount", "1"), ("Quantity", "1"), ("Time Created", t)])
    };
    // English headers, but the file writes day first: 25/10 says so.
    let lines = [header(&EN), dated("1", "03/10/2026 14:05:22"), dated("2", "25/10/2026 10:00:00")];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "day-first.csv", &lines), "USD");
    assert_eq!(
        reader.date_order(),
        DateOrder::Learned { order: DayMonthOrder::DayFirst },
        "learned from 25/10"
    );
    assert_eq!(accepted(&rows[0]).0.created_at, at(2026, 10, 3, 14, 5, 22), "so 03/10 is 3 October");

    // Spanish headers, but the file writes month first.
    let lines = [header(&ES), dated("1", "10/03/2026 2:05:22 PM"), dated("2", "10/25/2026 1:00:00 AM")];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "month-first.csv", &lines), "USD");
    assert_eq!(
        reader.date_order(),
        DateOrder::Learned { order: DayMonthOrder::MonthFirst },
        "learned from 10/25"
    );
    assert_eq!(
        accepted(&rows[0]).0.created_at,
        at(2026, 10, 3, 14, 5, 22),
        "10/03 is 3 October, 2 PM is 14h"
    );

    // English headers and no evidence: month first, and the reader says it was assumed.
    let lines = [header(&EN), dated("1", "10/03/2026 2:05:22 PM")];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "assumed.csv", &lines), "USD");
    assert_eq!(
        reader.date_order(),
        DateOrder::Assumed { order: DayMonthOrder::MonthFirst, language: HeaderLanguage::English },
        "assumed"
    );
    assert!(
        reader.date_order().describe().contains("assumed from the English headers"),
        "{}",
        reader.date_order().describe()
    );
    assert_eq!(accepted(&rows[0]).0.created_at, at(2026, 10, 3, 14, 5, 22), "10/03 is 3 October");

    // Both orders in one file: an ambiguous date is refused, not guessed.
    let lines = [header(&EN), dated("1", "25/10/2026"), dated("2", "10/25/2026"), dated("3", "03/04/2026")];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "mixed.csv", &lines), "USD");
    assert_eq!(reader.date_order(), DateOrder::Mixed { day_first: 1, month_first: 1 }, "mixed");
    assert_eq!(accepted(&rows[0]).0.created_at, at(2026, 10, 25, 0, 0, 0), "a date alone is midnight");
    assert!(
        rejected(&rows[2]).starts_with("column 'Time Created': '03/04/2026' is ambiguous"),
        "{}",
        rejected(&rows[2])
    );
}

#[test]
fn evidence_past_the_look_ahead_is_remarked_and_every_row_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = vec![header(&EN)];
    for i in 0..2_100 {
        let t = if i == 2_050 { "25/04/2026 08:00:00" } else { "03/04/2026 08:00:00" };
        lines.push(row(&[
            ("Order ID", &i.to_string()),
            ("Payment Amount", "1"),
            ("Quantity", "1"),
            ("Time Created", t),
        ]));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (reader, rows) = orders_in(&csv(&dir, "long.csv", &lines), "USD");
    assert_eq!(rows.len(), 2_100, "2100 rows in, 2100 results out");
    assert_eq!(
        reader.date_order().order(),
        Some(DayMonthOrder::MonthFirst),
        "the first 2000 rows say nothing; English"
    );
    assert_eq!(accepted(&rows[0]).0.created_at, at(2026, 3, 4, 8, 0, 0), "read month first");
    let (late, issues) = accepted(&rows[2_050]);
    assert_eq!(late.created_at, at(2026, 4, 25, 8, 0, 0), "a date that reads one way is read that way");
    assert!(
        issues.len() == 1 && issues[0].message.contains("can only be day first"),
        "and warns about the others: {issues:?}"
    );
    assert_eq!(reader.dates_decided(), 2_099, "every other date needed the order");
}
