//! Delimited text in every delimiter and encoding sellers' tools write.

use crate::{accepted, handles, import, utf16le_with_bom, write};
use scout_domain::{BasisPoints, CountryCode, Currency, Money};
use scout_ingest::{Field, FileFormat};

#[test]
fn comma_csv_with_quoted_commas_multiline_cells_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Rank,Creator username,Creator name,Followers,Bio\r\n\
               1,@MrBeast,\"Beast, Mr\",60.3M,\"line one\r\nline two, with comma\"\r\n\
               2,karolg,Karol G,42.4M,plain\r\n\
               3,anna.k,\"She said \"\"hi\"\"\",1234,\r\n";
    let path = write(&dir, "creators.csv", csv.as_bytes());
    let (source, preview, rows) = import(&path);

    assert_eq!(source.format, FileFormat::Csv, "a comma file is CSV");
    assert_eq!(source.delimiter, Some(','), "the delimiter is a comma");
    assert_eq!(source.encoding, "UTF-8", "plain UTF-8");
    assert_eq!(source.size_bytes, csv.len() as u64, "the size is the byte count");
    assert_eq!(source.content_hash.len(), 64, "the hash is SHA-256 in hex");
    assert_eq!(preview.unmapped_columns, vec!["Rank".to_string()], "Rank maps to nothing");
    assert_eq!(preview.mapping.columns[1], Some(Field::Handle), "Creator username is the handle");
    assert_eq!(preview.row_estimate, 3, "a file that ends within the sample is counted exactly");
    assert_eq!(preview.sample_rows[0][4], "line one\r\nline two, with comma", "sample cells are raw text");

    let ok = accepted(&rows);
    assert_eq!(
        ok.iter().map(|(l, _, _)| *l).collect::<Vec<_>>(),
        vec![2, 4, 5],
        "lines count the multi-line cell"
    );
    assert_eq!(handles(&rows), vec!["mrbeast", "karolg", "anna.k"], "handles are normalised");
    assert_eq!(
        ok[0].1.profile.display_name.as_deref(),
        Some("Beast, Mr"),
        "a quoted comma stays in the cell"
    );
    assert_eq!(ok[0].1.figures.followers, Some(60_300_000), "60.3M is exactly 60 300 000");
    assert_eq!(ok[2].1.profile.display_name.as_deref(), Some("She said \"hi\""), "doubled quotes unescape");
    assert_eq!(ok[2].1.profile.bio, None, "a blank bio is missing, not empty");
    assert!(ok.iter().all(|(_, _, issues)| issues.is_empty()), "no cell issues in a clean file");
}

#[test]
fn semicolon_csv_with_european_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Creator username;Followers;Engagement rate;GMV;Currency;Country/Region\r\n\
               anna;1.234.567;3,4%;1.234,56;EUR;Deutschland\r\n\
               bruno;12 345;0,05;€99,90;EUR;España\r\n";
    let path = write(&dir, "eu.csv", csv.as_bytes());
    let (source, _, rows) = import(&path);
    assert_eq!(source.delimiter, Some(';'), "semicolons win over decimal commas");
    let ok = accepted(&rows);
    let eur = Currency::parse("EUR").unwrap();
    assert_eq!(ok[0].1.figures.followers, Some(1_234_567), "dot thousands");
    assert_eq!(ok[0].1.figures.engagement_rate, Some(BasisPoints(340)), "3,4% is 340 bp");
    assert_eq!(ok[0].1.figures.gmv, Some(Money::new(123_456, eur.clone())), "1.234,56 EUR");
    assert_eq!(ok[0].1.profile.country, Some(CountryCode::parse("DE").unwrap()), "Deutschland is DE");
    assert_eq!(ok[1].1.figures.followers, Some(12_345), "space thousands");
    assert_eq!(ok[1].1.figures.engagement_rate, Some(BasisPoints(500)), "0,05 is a fraction: 5 %");
    assert_eq!(ok[1].1.figures.gmv, Some(Money::new(9_990, eur)), "€ in a EUR row");
    assert_eq!(ok[1].1.profile.country, Some(CountryCode::parse("ES").unwrap()), "España is ES");
}

#[test]
fn excel_sep_line_sets_the_delimiter_and_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "sep.csv", b"sep=;\r\nhandle;followers\r\nanna;1,5K\r\n");
    let (source, preview, rows) = import(&path);
    assert_eq!(source.delimiter, Some(';'), "the sep= line names the delimiter");
    assert_eq!(preview.headers, vec!["handle".to_string(), "followers".into()], "the header follows it");
    let ok = accepted(&rows);
    assert_eq!(ok[0].0, 3, "lines still count the sep= line");
    assert_eq!(ok[0].1.figures.followers, Some(1500), "1,5K with a decimal comma");
}

#[test]
fn tab_and_pipe_delimiters() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = write(&dir, "list.tsv", b"handle\tname\tcategory\nanna\tAnna, K\tBeauty, Fashion\n");
    let (source, _, rows) = import(&tsv);
    assert_eq!((source.format, source.delimiter), (FileFormat::Tsv, Some('\t')), "tab-separated is TSV");
    let ok = accepted(&rows);
    assert_eq!(ok[0].1.profile.display_name.as_deref(), Some("Anna, K"), "commas inside a TSV cell stay");
    assert_eq!(ok[0].1.profile.categories, vec!["Beauty", "Fashion"], "categories split on commas");

    let piped = write(&dir, "list.txt", b"username|followers|top countries\nbob|30.8K|US:45%; GB:12%\n");
    let (source, _, rows) = import(&piped);
    assert_eq!(
        (source.format, source.delimiter),
        (FileFormat::Csv, Some('|')),
        "pipe-separated is CSV with '|'"
    );
    let ok = accepted(&rows);
    assert_eq!(ok[0].1.figures.followers, Some(30_800), "30.8K");
    let countries = &ok[0].1.audience.as_ref().expect("an audience from the countries column").countries;
    assert_eq!(countries.len(), 2, "two audience countries");
}

#[test]
fn utf8_with_bom_maps_its_first_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "bom.csv", "\u{feff}handle,name\r\nanna,Ánna\r\n".as_bytes());
    let (source, preview, rows) = import(&path);
    assert_eq!(source.encoding, "UTF-8 (BOM)", "the BOM is noticed");
    assert_eq!(preview.headers[0], "handle", "the BOM is not part of the first header");
    assert_eq!(preview.mapping.columns[0], Some(Field::Handle), "so the first column maps");
    assert_eq!(accepted(&rows)[0].1.profile.display_name.as_deref(), Some("Ánna"), "accents survive");
}

#[test]
fn utf16le_tsv_as_excel_unicode_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Creator username\tCreator name\tFollowers\r\nyzn47\tيزن الأسمر\t8.9M\r\nzach\t\u{1d401}\u{1d41a}\u{1d42b} 😀\t1,234\r\n";
    let path = write(&dir, "unicode.txt", &utf16le_with_bom(text));
    let (source, _, rows) = import(&path);
    assert_eq!(source.encoding, "UTF-16LE", "Excel's Unicode text is UTF-16LE");
    assert_eq!((source.format, source.delimiter), (FileFormat::Tsv, Some('\t')), "and tab-separated");
    let ok = accepted(&rows);
    assert_eq!(ok[0].1.profile.display_name.as_deref(), Some("يزن الأسمر"), "Arabic transcodes intact");
    assert_eq!(
        ok[1].1.profile.display_name.as_deref(),
        Some("\u{1d401}\u{1d41a}\u{1d42b} 😀"),
        "astral chars too"
    );
    assert_eq!(ok[1].1.figures.followers, Some(1234), "numbers read after transcoding");
    assert_eq!(ok.iter().map(|(l, _, _)| *l).collect::<Vec<_>>(), vec![2, 3], "lines as in the file");

    let mut be = vec![0xFE, 0xFF];
    be.extend("handle\tname\r\nzoe\tZoë\r\n".encode_utf16().flat_map(u16::to_be_bytes));
    let (source, _, rows) = import(&write(&dir, "be.txt", &be));
    assert_eq!(source.encoding, "UTF-16BE", "a big-endian BOM is read too");
    assert_eq!(accepted(&rows)[0].1.profile.display_name.as_deref(), Some("Zoë"), "and transcoded");
}

#[test]
fn windows_1252_with_curly_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"handle,display_name,bio\r\nzoe,Zo\xe9 Caf\xe9,\x93Best\x94 creator \x96 it\x92s true\r\n";
    let path = write(&dir, "legacy.csv", bytes);
    let (source, _, rows) = import(&path);
    assert_eq!(source.encoding, "windows-1252", "Excel's Windows CSV is windows-1252");
    let record = accepted(&rows)[0].1;
    assert_eq!(record.profile.display_name.as_deref(), Some("Zoé Café"), "é decodes");
    assert_eq!(
        record.profile.bio.as_deref(),
        Some("“Best” creator – it’s true"),
        "curly quotes and dashes decode"
    );
}

#[test]
fn invalid_utf8_past_the_sniffed_head_is_a_cell_issue() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"handle,name\n".to_vec();
    for i in 0..5000 {
        bytes.extend(format!("user{i},Name {i}\n").as_bytes());
    }
    bytes.extend(b"late,Caf\xe9\n");
    let path = write(&dir, "mixed.csv", &bytes);
    let (source, _, rows) = import(&path);
    assert_eq!(source.encoding, "UTF-8", "the head is UTF-8");
    let (line, record, issues) = *accepted(&rows).last().unwrap();
    assert_eq!(line, 5002, "the last row is on line 5002");
    assert_eq!(record.profile.display_name.as_deref(), Some("Caf\u{FFFD}"), "the bad byte is replaced");
    assert_eq!(issues.len(), 1, "and reported");
    assert!(issues[0].message.contains("not valid UTF-8"), "saying why: {}", issues[0].message);
}
