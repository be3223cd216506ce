//! The real third-party list (shared/data/real): zero data loss, checked against an independent parse.

use crate::{accepted, import};
use scout_ingest::{FileFormat, ParsedRow};

/// "60.3M" → 60 300 000, "30.8K" → 30 800, "728" → 728, in integers (no floats to round).
fn expand(text: &str) -> u64 {
    let (number, power) = match text.chars().last() {
        Some('K') => (&text[..text.len() - 1], 3),
        Some('M') => (&text[..text.len() - 1], 6),
        Some('B') => (&text[..text.len() - 1], 9),
        _ => (text, 0),
    };
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits: u64 = format!("{int}{frac}").parse().unwrap_or_else(|_| panic!("'{text}' is a number"));
    digits * 10u64.pow(power - frac.len() as u32)
}

#[test]
fn the_real_list_imports_without_losing_anything() {
    let Some(path) = scout_testkit::real_creator_list("the_real_list_imports_without_losing_anything") else {
        return;
    };
    let path = path.as_path();
    let mut expected = csv::Reader::from_path(path).expect("the real file is readable");
    let expected: Vec<csv::StringRecord> = expected.records().map(|r| r.expect("a valid record")).collect();
    assert_eq!(expected.len(), 1000, "the file has 1000 data rows");

    let (source, preview, rows) = import(path);
    assert_eq!((source.format, source.delimiter), (FileFormat::Csv, Some(',')), "comma CSV");
    assert_eq!(source.encoding, "UTF-8", "UTF-8 without BOM");
    assert_eq!(preview.unmapped_columns, vec!["Rank".to_string()], "only Rank is left unmapped");
    assert!(preview.missing_required.is_empty(), "the handle is found");
    let estimate = preview.row_estimate as f64;
    assert!((800.0..=1200.0).contains(&estimate), "the row estimate {estimate} is near 1000");

    assert_eq!(rows.len(), 1000, "1000 rows come out");
    assert!(rows.iter().all(|r| matches!(r, ParsedRow::Accepted { .. })), "every row is accepted");
    let ok = accepted(&rows);
    let issues: Vec<_> = ok.iter().flat_map(|(_, _, i)| i.iter()).collect();
    assert!(issues.is_empty(), "no cell issues: {issues:?}");
    for (i, ((line, record, _), want)) in ok.iter().zip(&expected).enumerate() {
        let at = format!("data row {} (rank {})", i + 1, &want[0]);
        assert_eq!(*line, i as u64 + 2, "{at}: the line is the physical line");
        assert_eq!(record.key.handle.as_str(), want[1].trim().to_lowercase(), "{at}: the handle");
        assert_eq!(
            record.profile.display_name.as_deref(),
            Some(&want[2]),
            "{at}: the display name, byte for byte"
        );
        assert_eq!(record.figures.followers, Some(expand(&want[3])), "{at}: followers from '{}'", &want[3]);
        let f = &record.figures;
        let plain =
            |c: usize| Some(want[c].parse::<u64>().unwrap_or_else(|_| panic!("{at}: col {c} is a number")));
        assert_eq!(f.avg_views, plain(5), "{at}: avg views equal the plain-number column");
        assert_eq!(f.avg_likes, plain(7), "{at}: avg likes equal the plain-number column");
        assert_eq!(f.avg_comments, plain(9), "{at}: avg comments equal the plain-number column");
        assert_eq!(f.avg_shares, plain(11), "{at}: avg shares equal the plain-number column");
    }
}
