//! Scout's own creator import template: its CSV columns and how each value is written in them
//! (`fixtures/README.md` documents the format for people). The importer reads these columns through
//! its aliases; exports and the fixture generator write them with [`write_records`], so a file Scout
//! writes always imports back unchanged.

use scout_domain::{AgeBand, BasisPoints, CreatorRecord, Money};
use std::fmt::Write as _;

/// The template's header, in order. Snake case; the importer also accepts them as aliases.
pub const CSV_HEADERS: [&str; 30] = [
    "handle",
    "platform",
    "display_name",
    "followers",
    "following",
    "avg_views",
    "avg_likes",
    "avg_comments",
    "avg_shares",
    "engagement_rate",
    "gmv",
    "currency",
    "units_sold",
    "avg_commission_rate",
    "categories",
    "country",
    "language",
    "bio",
    "email",
    "audience_female",
    "audience_male",
    "audience_other",
    "age_13_17",
    "age_18_24",
    "age_25_34",
    "age_35_44",
    "age_45_54",
    "age_55_plus",
    "audience_countries",
    "as_of",
];

/// Separates the items of a list cell (categories, audience countries).
pub const LIST_SEPARATOR: &str = "; ";

/// Writes any creators in the template format (header first); returns the number of rows written.
pub fn write_records<W, I>(records: I, out: W) -> csv::Result<u64>
where
    W: std::io::Write,
    I: IntoIterator<Item = CreatorRecord>,
{
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
    writer.write_record(CSV_HEADERS)?;
    // One set of cell buffers reused for every row: a million rows allocate almost nothing.
    let mut cells: Vec<String> = vec![String::new(); CSV_HEADERS.len()];
    let mut written = 0u64;
    for record in records {
        record_cells(&record, &mut cells);
        writer.write_record(&cells)?;
        written += 1;
    }
    writer.flush()?;
    Ok(written)
}

/// Percent with two decimals: 341 bp → "3.41%".
pub fn format_percent(bp: BasisPoints) -> String {
    let mut s = String::new();
    push_percent(&mut s, bp);
    s
}

/// Decimal major units with the currency's number of decimals: 123456 USD minor units → "1234.56".
pub fn format_money(money: &Money) -> String {
    let mut s = String::new();
    push_money(&mut s, money);
    s
}

fn push_percent(cell: &mut String, bp: BasisPoints) {
    let _ = write!(cell, "{}.{:02}%", bp.0 / 100, bp.0 % 100);
}

fn push_money(cell: &mut String, money: &Money) {
    let decimals = money.currency.decimals();
    let sign = if money.minor < 0 { "-" } else { "" };
    let abs = money.minor.unsigned_abs();
    if decimals == 0 {
        let _ = write!(cell, "{sign}{abs}");
    } else {
        let unit = 10u64.pow(decimals);
        let _ = write!(cell, "{sign}{}.{:0width$}", abs / unit, abs % unit, width = decimals as usize);
    }
}

fn push_count(cell: &mut String, n: Option<u64>) {
    if let Some(n) = n {
        let _ = write!(cell, "{n}");
    }
}

/// Fills `cells` (one per [`CSV_HEADERS`] column, cleared first) with `record` in the template format.
pub fn record_cells(record: &CreatorRecord, cells: &mut [String]) {
    for cell in cells.iter_mut() {
        cell.clear();
    }
    let (profile, figures) = (&record.profile, &record.figures);
    cells[0].push_str(record.key.handle.as_str());
    cells[1].push_str(record.key.platform.as_str());
    cells[2].push_str(profile.display_name.as_deref().unwrap_or(""));
    push_count(&mut cells[3], figures.followers);
    push_count(&mut cells[4], figures.following);
    push_count(&mut cells[5], figures.avg_views);
    push_count(&mut cells[6], figures.avg_likes);
    push_count(&mut cells[7], figures.avg_comments);
    push_count(&mut cells[8], figures.avg_shares);
    if let Some(rate) = figures.engagement_rate {
        push_percent(&mut cells[9], rate);
    }
    if let Some(gmv) = &figures.gmv {
        push_money(&mut cells[10], gmv);
        cells[11].push_str(gmv.currency.code());
    }
    push_count(&mut cells[12], figures.units_sold);
    if let Some(rate) = figures.avg_commission_rate {
        push_percent(&mut cells[13], rate);
    }
    cells[14].push_str(&profile.categories.join(LIST_SEPARATOR));
    cells[15].push_str(profile.country.as_ref().map_or("", |c| c.as_str()));
    cells[16].push_str(profile.language.as_deref().unwrap_or(""));
    cells[17].push_str(profile.bio.as_deref().unwrap_or(""));
    cells[18].push_str(profile.email.as_deref().unwrap_or(""));
    let Some(audience) = &record.audience else {
        push_date(&mut cells[29], record);
        return;
    };
    if let Some(g) = &audience.gender {
        push_percent(&mut cells[19], g.female);
        push_percent(&mut cells[20], g.male);
        push_percent(&mut cells[21], g.other);
    }
    for share in &audience.age {
        let column = 22 + AgeBand::ALL.iter().position(|b| *b == share.band).unwrap_or(0);
        push_percent(&mut cells[column], share.share);
    }
    for (i, c) in audience.countries.iter().enumerate() {
        if i > 0 {
            cells[28].push_str(LIST_SEPARATOR);
        }
        cells[28].push_str(c.country.as_str());
        cells[28].push(':');
        push_percent(&mut cells[28], c.share);
    }
    push_date(&mut cells[29], record);
}

fn push_date(cell: &mut String, record: &CreatorRecord) {
    if let Some(date) = record.as_of {
        let _ = write!(cell, "{}", date.format("%Y-%m-%d"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scout_domain::Currency;

    #[test]
    fn values_are_written_in_the_template_format() {
        assert_eq!(format_percent(BasisPoints(341)), "3.41%", "rates as percent with two decimals");
        assert_eq!(format_percent(BasisPoints(10_000)), "100.00%", "a whole 100 %");
        assert_eq!(format_money(&Money::new(123_456, Currency::usd())), "1234.56", "money in major units");
        let yen = Money::new(1_500, Currency::parse("JPY").unwrap());
        assert_eq!(format_money(&yen), "1500", "currencies without minor units get no decimals");
    }

    #[test]
    fn age_columns_follow_the_domain_bands() {
        for (header, band) in CSV_HEADERS[22..28].iter().zip(AgeBand::ALL) {
            assert_eq!(
                AgeBand::parse(header).ok(),
                Some(band),
                "column {header} holds band {}",
                band.label()
            );
        }
    }
}
