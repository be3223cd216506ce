//! Whole files: encodings, workbooks (ids as numbers, serial date-times), rows that cannot be records,
//! files that are not results exports, and the promise that every row comes back once.

use super::orders::{header, row, EN};
use super::{accepted, at, csv, file, orders_in, rejected, xlsx, Cell};
use crate::results::{detect_results_kind, open_orders, open_results, open_videos, ResultsFile, ResultsRow};
use crate::IngestError;
use scout_domain::{Currency, ResultsFileKind};

fn headers(hs: &[&str]) -> Vec<String> {
    hs.iter().map(|h| h.to_string()).collect()
}

#[test]
fn the_header_says_which_export_a_file_is() {
    let orders = headers(&["Order ID", "Payment Amount", "Quantity", "Time Created", "Creator Username"]);
    assert_eq!(detect_results_kind(&orders), Some(ResultsFileKind::Orders), "an order export");
    let videos = headers(&["Creator username", "Video ID", "GMV", "Affiliate items sold "]);
    assert_eq!(detect_results_kind(&videos), Some(ResultsFileKind::Videos), "a video export");
    let creators = headers(&["Creator username", "Creator name", "Followers", "GMV", "Affiliate items sold"]);
    assert_eq!(detect_results_kind(&creators), None, "a creator list shares headers but is no results file");
    let partial = headers(&["Order ID", "Payment Amount", "Quantity"]);
    assert_eq!(detect_results_kind(&partial), None, "an order export needs its creation time");
}

#[test]
fn a_file_that_is_not_a_results_export_is_refused_naming_what_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let usd = Currency::usd();
    let creators = csv(&dir, "creators.csv", &["Creator username,Followers,GMV", "mia,1.2M,$100"]);
    let err = open_results(&creators, &usd).unwrap_err();
    assert!(matches!(err, IngestError::NotResultsFile { .. }), "the kind of error: {err:?}");
    let msg = err.to_string();
    assert!(
        msg.starts_with("creators.csv: not an affiliate order export or a video export"),
        "names the file: {msg}"
    );
    assert!(
        msg.contains("Order ID, Payment Amount, Quantity, Time Created (for orders)"),
        "what orders need: {msg}"
    );
    assert!(msg.contains("Video ID (for videos)"), "and what videos need: {msg}");

    let videos = csv(&dir, "videos.csv", &["Creator username,Video ID", "mia,7301"]);
    let msg = open_orders(&videos, &usd).unwrap_err().to_string();
    assert_eq!(
        msg,
        "videos.csv: not an affiliate order export: the header lacks the required column(s) Order ID, Payment \
         Amount, Quantity, Time Created",
        "a video export is not an order export"
    );
    let orders =
        csv(&dir, "orders.csv", &["Order ID,Payment Amount,Quantity,Time Created", "1,1,1,2026-10-03"]);
    let msg = open_videos(&orders, &usd).unwrap_err().to_string();
    assert!(msg.contains("Creator username, Video ID"), "and the other way round: {msg}");
    match open_results(&orders, &usd) {
        Ok(ResultsFile::Orders(reader)) => assert_eq!(reader.count(), 1, "one row"),
        other => panic!("an order export opens as orders: {other:?}"),
    }
}

#[test]
fn blank_and_wrong_width_rows_come_back_rejected_and_every_row_once() {
    let dir = tempfile::tempdir().unwrap();
    let good = |id: &'static str| {
        row(&[("Order ID", id), ("Payment Amount", "1"), ("Quantity", "1"), ("Time Created", "2026-10-03")])
    };
    let blank = ",".repeat(26);
    let lines = [
        header(&EN),
        good("1"),
        blank.clone(),
        "2,1,1".to_string(),
        good("3"),
        row(&[("Order ID", "4")]),
        good("5"),
    ];
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let (_, rows) = orders_in(&csv(&dir, "rows.csv", &lines), "USD");
    assert_eq!(rows.len(), 6, "six data rows in, six results out");
    assert_eq!(
        rows.iter().map(ResultsRow::line).collect::<Vec<_>>(),
        vec![2, 3, 4, 5, 6, 7],
        "each once, with its line"
    );
    assert_eq!(rejected(&rows[1]), "blank row", "a blank row");
    assert_eq!(rejected(&rows[2]), "row has 3 fields; the header has 27", "a row of the wrong width");
    assert_eq!(
        rejected(&rows[4]),
        "no value in required column 'Payment Amount'",
        "a row without its payment"
    );
    let accepted_ids: Vec<&str> =
        rows.iter().filter_map(|r| r.record()).map(|l| l.order_id.as_str()).collect();
    assert_eq!(accepted_ids, vec!["1", "3", "5"], "the rest are accepted");
    if let ResultsRow::Rejected { cells, .. } = &rows[2] {
        assert_eq!(cells, &vec!["2".to_string(), "1".into(), "1".into()], "a rejected row keeps its cells");
    }
}

#[test]
fn encodings_are_sniffed_as_for_creator_lists() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Order ID,Product Name,Payment Amount,Quantity,Time Created\r\n577012345678901234,Café crème,12.50,1,2026-10-03 14:05:22\r\n";
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let tsv = text.replace(',', "\t");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tsv.encode_utf16().flat_map(u16::to_le_bytes));
    let spanish_name = text.replace("Product Name", "Nombre del producto");
    let cp1252 = encoding_rs::WINDOWS_1252.encode(&spanish_name).0.into_owned();
    for (name, bytes) in [("bom.csv", bom), ("unicode.txt", utf16), ("excel.csv", cp1252)] {
        let source = file(&dir, name, &bytes);
        let (reader, rows) = orders_in(&source, "USD");
        assert_eq!(reader.headers()[0], "Order ID", "{name}: no BOM left in the first header");
        let (line, issues) = accepted(&rows[0]);
        assert!(issues.is_empty(), "{name}: {issues:?}");
        assert_eq!(line.order_id, "577012345678901234", "{name}: the id");
        assert_eq!(
            line.product_name.as_deref(),
            Some("Café crème"),
            "{name}: accents decoded ({})",
            source.encoding
        );
        assert_eq!(
            (line.payment, line.created_at),
            (1_250, at(2026, 10, 3, 14, 5, 22)),
            "{name}: payment and time"
        );
    }
}

#[test]
fn workbooks_keep_long_text_ids_and_refuse_ids_a_number_has_rounded() {
    use Cell::*;
    let dir = tempfile::tempdir().unwrap();
    let head = [
        "Order ID",
        "Product ID",
        "SKU ID",
        "Payment Amount",
        "Quantity",
        "Time Created",
        "Payment time",
        "Content ID",
    ];
    let rows = vec![
        head.iter().map(|h| Text(h)).collect(),
        vec![
            Text("577012345678901234"),
            Number(1_729_384_756.0),
            Number(17_290_000_012_345.0),
            Number(59.98),
            Number(2.0),
            DateTime("2026-10-03 14:05:22"),
            Number(46298.5868),
            Text("5.77E+17"),
        ],
        vec![
            Number(577_012_345_678_901_234.0),
            Empty,
            Empty,
            Number(10.0),
            Number(1.0),
            Text("2026-10-03 14:05"),
        ],
        vec![Text("5.77E+17"), Empty, Empty, Number(10.0), Number(1.0), Text("2026-10-03 14:05")],
        vec![
            Text("577012345678901235"),
            Empty,
            Number(1.7e17),
            Number(10.0),
            Number(1.0),
            Text("2026-10-03 14:05"),
        ],
        vec![
            Text("577012345678901236"),
            Number(9.9e17),
            Empty,
            Number(10.0),
            Number(1.0),
            Text("2026-10-03 14:05"),
        ],
    ];
    let source = xlsx(&dir, "orders.xlsx", &rows);
    let (_, rows) = orders_in(&source, "USD");
    assert_eq!(rows.len(), 5, "five rows, five results");
    let (line, issues) = accepted(&rows[0]);
    assert_eq!(line.order_id, "577012345678901234", "an id held as text stays exact");
    assert_eq!(
        line.product_id.as_deref(),
        Some("1729384756"),
        "a short id held as a number is exact, no '.0'"
    );
    assert_eq!(line.sku_id, "17290000012345", "14 digits as a number are still exact");
    assert_eq!((line.payment, line.quantity), (5_998, 2), "numbers as numbers");
    assert_eq!(line.created_at, at(2026, 10, 3, 14, 5, 22), "a date-time cell");
    assert_eq!(
        line.paid_at,
        Some(at(2026, 10, 3, 14, 5, 0)),
        "a serial date-time in a number cell, to the second"
    );
    assert_eq!(line.content_id, None, "an optional id in scientific notation is left empty");
    assert!(
        issues.len() == 1 && issues[0].column == "Content ID" && issues[0].message.contains("scientific"),
        "and is an issue: {issues:?}"
    );
    assert_eq!(rows[0].line(), 2, "sheet row numbers are lines");

    let reason = rejected(&rows[1]);
    assert!(
        reason.starts_with("column 'Order ID': '577012345678901000' was stored as a number"),
        "a rounded order id rejects: {reason}"
    );
    assert!(rejected(&rows[2]).contains("scientific notation"), "so does one in scientific notation");
    assert!(
        rejected(&rows[3]).starts_with("column 'SKU ID'"),
        "a rounded SKU id rejects: the line's identity"
    );
    let (line, issues) = accepted(&rows[4]);
    assert_eq!(line.product_id, None, "a rounded product id is left empty");
    assert!(issues.len() == 1 && issues[0].message.contains("15 digits"), "and is an issue: {issues:?}");
}

#[test]
fn a_workbook_row_past_the_header_is_remarked_not_rejected() {
    use Cell::*;
    let dir = tempfile::tempdir().unwrap();
    let rows = vec![
        vec![Text("Order ID"), Text("Payment Amount"), Text("Quantity"), Text("Time Created")],
        vec![Text("1"), Number(5.0), Number(1.0), Text("2026-10-03"), Text("a note")],
        vec![Text("2"), Number(5.0)],
    ];
    let (_, rows) = orders_in(&xlsx(&dir, "wide.xlsx", &rows), "USD");
    let (_, issues) = accepted(&rows[0]);
    assert!(
        issues.len() == 1 && issues[0].column == "column 5",
        "a cell without a header is remarked: {issues:?}"
    );
    assert_eq!(
        rejected(&rows[1]),
        "no value in required column 'Quantity'",
        "a short sheet row is padded, then judged"
    );
}
