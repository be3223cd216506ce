//! A workbook written with rust_xlsxwriter, read back: header on the first non-empty row, numeric cells as
//! text without float noise, date cells as dates, sheet row numbers as lines.

use crate::{accepted, import};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use scout_domain::{BasisPoints, Currency, Money};
use scout_ingest::{Field, FileFormat, ParsedRow};

fn write_workbook(path: &std::path::Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // Row 1 (index 0) stays empty: the header is the first non-empty row.
    let headers =
        ["Creator username", "Creator name", "Followers", "Engagement rate", "GMV", "As of", "Rank"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h)?;
    }
    sheet.write_string(2, 0, "anna.k")?;
    sheet.write_string(2, 1, "Anna 😀 مرحبا")?;
    sheet.write_number(2, 2, 1_234_567.0)?;
    sheet.write_number(2, 3, 0.034)?;
    sheet.write_number(2, 4, 1234.5)?;
    sheet.write_datetime_with_format(2, 5, ExcelDateTime::from_ymd(2024, 3, 31)?, &date)?;
    sheet.write_number(2, 6, 1)?;
    // Row 4 (index 3) is left out entirely; row 5 has a stray note past the header.
    sheet.write_string(4, 0, "Bob")?;
    sheet.write_number(4, 2, 0.1 + 0.2)?;
    sheet.write_string(4, 3, "3.4%")?;
    sheet.write_string(4, 4, "$12")?;
    sheet.write_string(4, 5, "2024-01-02")?;
    sheet.write_string(4, 8, "stray note")?;
    // A second sheet is ignored: only the first is imported.
    book.add_worksheet().write_string(0, 0, "handle")?;
    book.save(path)
}

#[test]
fn xlsx_first_sheet_reads_like_a_person_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("creators.xlsx");
    write_workbook(&path).expect("the workbook is written");
    let (source, preview, rows) = import(&path);

    assert_eq!(source.format, FileFormat::Xlsx, "a workbook is Xlsx");
    assert_eq!((source.encoding.as_str(), source.delimiter), ("xlsx", None), "no encoding or delimiter");
    assert_eq!(preview.headers[0], "Creator username", "the header is the first non-empty row");
    assert_eq!(preview.mapping.columns[0], Some(Field::Handle), "and maps");
    assert_eq!(preview.sample_rows[0][2], "1234567", "1234567.0 shows as 1234567");
    assert_eq!(preview.sample_rows[0][5], "2024-03-31", "a date cell shows as an ISO date");
    assert_eq!(preview.sample_rows[1][2], "0.3", "no binary float noise");
    assert_eq!(preview.row_estimate, 2, "two data rows");
    assert_eq!(preview.unmapped_columns, vec!["Rank".to_string()], "Rank is unmapped");

    let ok = accepted(&rows);
    assert_eq!(ok.iter().map(|(l, _, _)| *l).collect::<Vec<_>>(), vec![3, 5], "lines are sheet row numbers");
    let (_, anna, issues) = ok[0];
    assert!(issues.is_empty(), "Anna's row is clean: {issues:?}");
    assert_eq!(anna.figures.followers, Some(1_234_567), "a numeric cell is an exact count");
    assert_eq!(anna.figures.engagement_rate, Some(BasisPoints(340)), "0.034 is 3.4 %");
    assert_eq!(anna.figures.gmv, Some(Money::new(123_450, Currency::usd())), "1234.5 USD");
    assert_eq!(anna.as_of.map(|d| d.to_string()).as_deref(), Some("2024-03-31"), "the date cell");
    assert_eq!(anna.profile.display_name.as_deref(), Some("Anna 😀 مرحبا"), "text verbatim");

    let (_, bob, issues) = ok[1];
    assert_eq!(bob.key.handle.as_str(), "bob", "handles are lower-cased");
    assert_eq!(bob.figures.followers, None, "0.3 followers is not a count");
    assert_eq!(bob.figures.engagement_rate, Some(BasisPoints(340)), "text '3.4%' in a sheet");
    let messages: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "the fraction and the stray note: {messages:?}");
    assert!(messages.contains(&"Followers '0.3' has a fraction; expected a whole number"), "{messages:?}");
    assert!(
        messages.contains(&"column 9 'stray note' is in a column without a header; it was not imported"),
        "{messages:?}"
    );
    assert!(
        rows.iter().all(|r| matches!(r, ParsedRow::Accepted { .. })),
        "no blank-row rejects for absent rows"
    );
}

#[test]
fn a_file_named_xlsx_that_is_not_a_workbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::write(&dir, "fake.xlsx", &[0xFF, 0x00, 0x13, 0x37]);
    let err = scout_ingest::sniff(&path).unwrap_err();
    assert!(err.to_string().contains("fake.xlsx"), "the error names the file: {err}");
}
