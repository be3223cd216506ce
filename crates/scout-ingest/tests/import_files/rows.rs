//! Row-level behaviour: rejections that say why, cell issues that keep the row, several columns for one
//! field, every kind of value, and mappings that do not fit.

use crate::{accepted, import, write};
use scout_domain::{AgeBand, BasisPoints, Currency, Money, Platform};
use scout_ingest::{preview, sniff, ColumnMapping, Field, ImportDefaults, IngestError, ParsedRow, RowReader};

fn rejected(rows: &[ParsedRow]) -> Vec<(u64, String)> {
    rows.iter()
        .filter_map(|r| match r {
            ParsedRow::Rejected { line, reason, .. } => Some((*line, reason.clone())),
            ParsedRow::Accepted { .. } => None,
        })
        .collect()
}

#[test]
fn rejected_rows_say_why_and_nothing_vanishes() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "handle,name,followers\nanna,Anna,10\n,No Handle,5\ntwo words,Bad,1\nbob,Bob\n,,\nn/a,Nobody,3\ncara,Cara,7\n";
    let path = write(&dir, "mixed.csv", csv.as_bytes());
    let (_, _, rows) = import(&path);
    assert_eq!(rows.len(), 7, "every data line comes back, accepted or rejected");
    let rejections = rejected(&rows);
    let reasons: Vec<&str> = rejections.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(
        rejections.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        vec![3, 4, 5, 6, 7],
        "lines of the rejects"
    );
    assert_eq!(reasons[0], "no handle in column 'handle'", "a missing handle names the column");
    assert!(
        reasons[1].contains("'two words'") && reasons[1].contains("not a valid handle"),
        "{}",
        reasons[1]
    );
    assert_eq!(reasons[2], "row has 2 fields; the header has 3", "a short row gives the counts");
    assert_eq!(reasons[3], "blank row", "a blank row is counted, not dropped");
    assert_eq!(reasons[4], "no handle in column 'handle'", "n/a is no handle");
    if let ParsedRow::Rejected { cells, .. } = &rows[1] {
        assert_eq!(
            cells,
            &vec!["".to_string(), "No Handle".into(), "5".into()],
            "a reject keeps its raw cells"
        );
    }
}

#[test]
fn unreadable_cells_are_issues_and_the_row_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "handle,followers,engagement rate,email,country,as of,avg views\n\
               anna,\"1,2,3\",lots,anna@,Atlantis,soon,12.5\n";
    let path = write(&dir, "bad.csv", csv.as_bytes());
    let (_, _, rows) = import(&path);
    let (line, record, issues) = accepted(&rows)[0];
    assert_eq!(line, 2, "the row is accepted");
    assert_eq!(record.figures.followers, None, "the unreadable followers are left out");
    let messages: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(messages[0], "followers '1,2,3' is not a number", "column, raw value and why");
    assert_eq!(issues[0].column_index, 1, "the column index is given");
    assert_eq!(issues[0].raw_value, "1,2,3", "the raw value is given");
    assert_eq!(issues.len(), 6, "one issue per unreadable cell: {messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("avg views '12.5' has a fraction")), "{messages:?}");
    assert!(messages.iter().any(|m| m.starts_with("country 'Atlantis'")), "{messages:?}");
    assert!(issues.iter().all(|i| i.line == 2), "issues carry the row's line");
}

#[test]
fn several_columns_for_one_field_keep_the_most_precise() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "handle,views,views,likes,likes,followers,followers\n\
               anna,29.2M,29200000,3.5M,9000000,100,101\n";
    let path = write(&dir, "dupes.csv", csv.as_bytes());
    let (_, _, rows) = import(&path);
    let (_, record, issues) = accepted(&rows)[0];
    assert_eq!(record.figures.avg_views, Some(29_200_000), "the exact number beats 29.2M");
    assert_eq!(record.figures.avg_likes, Some(9_000_000), "the exact number is kept even when it disagrees");
    assert_eq!(record.figures.followers, Some(100), "of two exact numbers the first is kept");
    assert_eq!(issues.len(), 2, "the two disagreements are reported: {issues:?}");
    let messages: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
    assert!(
        messages.contains(&"followers '101' differs from '100' in column 'followers'; kept that"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"likes '9000000' does not match '3.5M' in column 'likes'; kept the more precise"),
        "{messages:?}"
    );
}

#[test]
fn every_kind_of_value() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "platform,username,display_name,open_id,gmv,currency,items sold,commission rate,categories,\
               language,bio,email,female %,male %,age 18-24,age 25-34,top countries,as_of,age 35-44\n\
               Instagram,@Lea,Léa ✨,oid-1,\"$1,234.56\",,1.2K,15%,Beauty/Skincare; beauty,fr,\"Paris ✨\",lea@mail.fr,61%,38,0.7,30%,\"France 40%, UK 12%\",2024-03-31,\n\
               ,max,Max,,£12,GBP,3,0.1,,,,,,,,,,31/03/2024,\n\
               ,zed,Zed,,5,,,,,,,,,,60%,60%,,,5%\n";
    let path = write(&dir, "all.csv", csv.as_bytes());
    let (_, _, rows) = import(&path);
    let ok = accepted(&rows);
    let (_, lea, issues) = ok[0];
    assert!(issues.is_empty(), "Léa's row is clean: {issues:?}");
    assert_eq!(lea.key.platform, Platform::Instagram, "the platform column wins over the default");
    assert_eq!(lea.key.handle.as_str(), "lea", "@Lea is lea");
    assert_eq!(lea.profile.display_name.as_deref(), Some("Léa ✨"), "display name verbatim");
    assert_eq!(lea.figures.gmv, Some(Money::new(123_456, Currency::usd())), "$ with the default USD");
    assert_eq!(lea.figures.units_sold, Some(1200), "1.2K items");
    assert_eq!(lea.figures.avg_commission_rate, Some(BasisPoints(1500)), "15 %");
    assert_eq!(lea.profile.categories, vec!["Beauty", "Skincare"], "split and deduplicated");
    assert_eq!(lea.profile.email.as_deref(), Some("lea@mail.fr"), "a valid e-mail");
    let audience = lea.audience.as_ref().expect("an audience");
    let gender = audience.gender.as_ref().expect("a gender split");
    assert_eq!((gender.female.0, gender.male.0, gender.other.0), (6100, 3800, 100), "61 / 38 / rest");
    assert_eq!(audience.age.len(), 2, "two age bands");
    assert_eq!(audience.age[0].band, AgeBand::Age18To24, "18-24 first");
    assert_eq!(audience.age[0].share, BasisPoints(7000), "0.7 is 70 %");
    assert_eq!(audience.countries[0].country.as_str(), "FR", "France first");
    assert_eq!(lea.as_of.map(|d| d.to_string()).as_deref(), Some("2024-03-31"), "ISO date");

    let (_, max, issues) = ok[1];
    assert!(issues.is_empty(), "Max's row is clean: {issues:?}");
    assert_eq!(max.key.platform, Platform::TikTok, "a blank platform takes the default");
    assert_eq!(max.figures.gmv, Some(Money::new(1200, Currency::parse("GBP").unwrap())), "£12 in a GBP row");
    assert_eq!(max.figures.avg_commission_rate, Some(BasisPoints(1000)), "0.1 is 10 %");
    assert_eq!(max.as_of.map(|d| d.to_string()).as_deref(), Some("2024-03-31"), "day-first date");

    let (_, zed, issues) = ok[2];
    assert!(zed.audience.is_none(), "an age split of 125 % is dropped, and it was the only audience part");
    assert_eq!(issues.len(), 1, "with one issue: {issues:?}");
    assert!(issues[0].message.contains("age shares add up to 12500"), "{}", issues[0].message);
    assert_eq!(
        zed.figures.gmv,
        Some(Money::new(500, Currency::usd())),
        "a plain amount in the default currency"
    );
}

#[test]
fn defaults_apply_when_the_file_has_no_platform_or_currency() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "ig.csv", b"handle,gmv\nanna,12\n");
    let source = sniff(&path).unwrap();
    let mapping = preview(&path, None).unwrap().mapping;
    let eur = Currency::parse("EUR").unwrap();
    let defaults = ImportDefaults { platform: Platform::Instagram, currency: eur.clone() };
    let rows: Vec<ParsedRow> =
        RowReader::open(&source, &mapping, defaults).unwrap().map(Result::unwrap).collect();
    let (_, record, _) = accepted(&rows)[0];
    assert_eq!(record.key.platform, Platform::Instagram, "the default platform");
    assert_eq!(record.figures.gmv, Some(Money::new(1200, eur)), "the default currency");
}

#[test]
fn mappings_that_do_not_fit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "names.csv", b"name,followers\nAnna,10\n");
    let p = preview(&path, None).unwrap();
    assert_eq!(p.missing_required, vec![Field::Handle], "the preview says the handle is missing");
    let source = sniff(&path).unwrap();
    let err = RowReader::open(&source, &p.mapping, ImportDefaults::default()).unwrap_err();
    assert!(matches!(err, IngestError::MissingRequired { .. }), "no import without a handle: {err}");
    assert!(err.to_string().contains("names.csv"), "the error names the file: {err}");

    let by_hand = ColumnMapping { columns: vec![Some(Field::Handle), Some(Field::Followers)] };
    let p = preview(&path, Some(by_hand.clone())).unwrap();
    assert!(p.missing_required.is_empty(), "a mapping from the seller is used as given");
    let rows: Vec<ParsedRow> =
        RowReader::open(&source, &by_hand, ImportDefaults::default()).unwrap().map(Result::unwrap).collect();
    assert_eq!(accepted(&rows)[0].1.key.handle.as_str(), "anna", "the name column read as handles");

    let too_short = ColumnMapping { columns: vec![Some(Field::Handle)] };
    let err = preview(&path, Some(too_short)).unwrap_err();
    assert!(
        matches!(err, IngestError::MappingMismatch { mapping_columns: 1, header_columns: 2, .. }),
        "{err}"
    );
}

#[test]
fn empty_and_binary_files_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.csv", b"\n\n");
    let err = preview(&empty, None).unwrap_err();
    assert!(matches!(err, IngestError::NoHeader { .. }), "no header in an empty file: {err}");
    let binary = write(&dir, "photo.csv", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0x00]);
    let err = sniff(&binary).unwrap_err();
    assert!(err.to_string().starts_with("photo.csv"), "the error names the file: {err}");
}
