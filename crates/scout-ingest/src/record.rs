//! Reads the cells of one accepted row into a [`CreatorRecord`], field by field, collecting a
//! [`CellIssue`] for every cell that cannot be read. When several columns feed one field the most precise
//! reading wins: an exact count beats a K/M/B abbreviation; two exact counts that disagree keep the first.

use crate::audience::{AudienceParts, Part};
use crate::country::{country_code, parse_country_shares, parse_top_country};
use crate::fields::Field;
use crate::mapping::display_column;
use crate::money::{parse_money, CurrencySource};
use crate::numbers::{is_null, parse_rate, read_count, Count};
use crate::{dates, values, CellIssue};
use scout_domain::{
    AgeBand, AgeShare, BasisPoints, CreatorFigures, CreatorKey, CreatorProfile, CreatorRecord, Currency,
};

/// One row's cells, the mapping plan, and the issues found so far.
#[derive(Debug)]
pub(crate) struct RowCells<'a> {
    line: u64,
    headers: &'a [String],
    plan: &'a [Vec<usize>],
    cells: &'a [String],
    issues: Vec<CellIssue>,
}

const AGE_FIELDS: [(Field, AgeBand); 6] = [
    (Field::Age13To17, AgeBand::Age13To17),
    (Field::Age18To24, AgeBand::Age18To24),
    (Field::Age25To34, AgeBand::Age25To34),
    (Field::Age35To44, AgeBand::Age35To44),
    (Field::Age45To54, AgeBand::Age45To54),
    (Field::Age55Plus, AgeBand::Age55Plus),
];

impl<'a> RowCells<'a> {
    pub fn new(
        line: u64,
        headers: &'a [String],
        plan: &'a [Vec<usize>],
        cells: &'a [String],
    ) -> RowCells<'a> {
        RowCells { line, headers, plan, cells, issues: Vec::new() }
    }

    pub fn into_issues(self) -> Vec<CellIssue> {
        self.issues
    }

    /// The non-blank cells feeding `field` (N/A, "-" and the like count as blank), trimmed, in file order.
    pub fn values(&self, field: Field) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let (cells, plan) = (self.cells, self.plan);
        plan[field as usize]
            .iter()
            .filter_map(move |&c| cells.get(c).map(|v| (c, v.trim())))
            .filter(|(_, v)| !v.is_empty() && !is_null(v))
    }

    pub fn first(&self, field: Field) -> Option<(usize, &'a str)> {
        self.values(field).next()
    }

    /// Records an issue whose `why` follows the quoted value: "e-mail 'x' is not an e-mail address".
    pub fn issue_at(&mut self, col: usize, raw: &str, why: &str) {
        let raw = raw.trim();
        self.issue(col, raw, format!("'{raw}' {why}"));
    }

    /// Records an issue; `said` already quotes the value (as [`crate::NumberError`] messages do).
    fn issue(&mut self, col: usize, raw: &str, said: String) {
        let column = display_column(self.headers, col);
        let message = format!("{column} {said}");
        self.issues.push(CellIssue {
            line: self.line,
            column,
            column_index: col,
            raw_value: raw.to_string(),
            message,
        });
    }

    /// The one value of a field: the first readable cell; a later cell that reads differently is remarked.
    fn single<T: PartialEq>(
        &mut self,
        field: Field,
        read: impl Fn(&str) -> Result<Option<T>, String>,
    ) -> Option<T> {
        let mut kept: Option<(usize, &'a str, T)> = None;
        for (col, raw) in self.values(field) {
            match read(raw) {
                Err(said) => self.issue(col, raw, said),
                Ok(None) => {}
                Ok(Some(v)) => match &kept {
                    None => kept = Some((col, raw, v)),
                    Some((kc, kraw, kv)) if *kv != v => {
                        let why = format!(
                            "differs from '{kraw}' in column '{}'; kept that",
                            display_column(self.headers, *kc)
                        );
                        self.issue_at(col, raw, &why);
                    }
                    Some(_) => {}
                },
            }
        }
        kept.map(|(_, _, v)| v)
    }

    /// A count from every column feeding it; see the module comment for which one wins.
    fn count(&mut self, field: Field) -> Option<u64> {
        let mut best: Option<(usize, &'a str, Count)> = None;
        for (col, raw) in self.values(field) {
            let c = match read_count(raw) {
                Ok(Some(c)) => c,
                Ok(None) => continue,
                Err(e) => {
                    self.issue(col, raw, e.to_string());
                    continue;
                }
            };
            let Some((bcol, braw, b)) = best else {
                best = Some((col, raw, c));
                continue;
            };
            let against = format!("'{braw}' in column '{}'", display_column(self.headers, bcol));
            if b.exact && c.exact {
                if b.value != c.value {
                    self.issue_at(col, raw, &format!("differs from {against}; kept that"));
                }
                continue;
            }
            if !b.agrees_with(&c) {
                self.issue_at(col, raw, &format!("does not match {against}; kept the more precise"));
            }
            let more_precise = !b.exact && (c.exact || c.tolerance < b.tolerance);
            if more_precise {
                best = Some((col, raw, c));
            }
        }
        best.map(|(_, _, c)| c.value)
    }

    fn rate(&mut self, field: Field) -> Option<BasisPoints> {
        self.single(field, |raw| parse_rate(raw).map_err(|e| e.to_string()))
    }

    fn text(&mut self, field: Field) -> Option<String> {
        self.single(field, |raw| Ok(values::text(raw)))
    }

    /// The whole record; the key was read (or the row rejected) before.
    pub fn record(&mut self, key: CreatorKey, currency: &Currency, source: CurrencySource) -> CreatorRecord {
        let figures = CreatorFigures {
            followers: self.count(Field::Followers),
            following: self.count(Field::Following),
            avg_views: self.count(Field::AvgViews),
            avg_likes: self.count(Field::AvgLikes),
            avg_comments: self.count(Field::AvgComments),
            avg_shares: self.count(Field::AvgShares),
            engagement_rate: self.rate(Field::EngagementRate),
            gmv: self.single(Field::Gmv, |raw| {
                parse_money(raw, currency, source).map_err(|why| quote(raw, why.to_string()))
            }),
            units_sold: self.count(Field::UnitsSold),
            avg_commission_rate: self.rate(Field::AvgCommissionRate),
            // Files give sales as numbers; ranges come from TikTok Shop's marketplace.
            gmv_range: None,
            units_sold_range: None,
        };
        let mut categories = Vec::new();
        for (_, raw) in self.values(Field::Categories) {
            values::categories(raw, &mut categories);
        }
        let profile = CreatorProfile {
            open_id: self.text(Field::OpenId),
            display_name: self.text(Field::DisplayName),
            categories,
            country: self.single(Field::Country, |raw| {
                country_code(raw).map(Some).ok_or_else(|| {
                    format!("'{raw}' is not a country I know (expected e.g. US, USA or United States)")
                })
            }),
            language: self.text(Field::Language),
            bio: self.text(Field::Bio),
            email: self.email(),
        };
        let audience = self.audience();
        let as_of = self.single(Field::AsOf, |raw| dates::date(raw).map_err(|why| quote(raw, why)));
        CreatorRecord { key, profile, figures, audience, as_of }
    }

    fn email(&mut self) -> Option<String> {
        let (col, raw) = self.first(Field::Email)?;
        let (value, remark) = values::email(raw);
        if let Some(why) = remark {
            self.issue_at(col, raw, &why);
        }
        value
    }

    fn audience(&mut self) -> Option<scout_domain::AudienceMix> {
        let mut parts = AudienceParts {
            female: self.rate(Field::AudienceFemale),
            male: self.rate(Field::AudienceMale),
            other: self.rate(Field::AudienceOther),
            ..Default::default()
        };
        for (field, band) in AGE_FIELDS {
            if let Some(share) = self.rate(field) {
                parts.ages.push(AgeShare { band, share });
            }
        }
        // A country column without shares ("Audience country: India") names the top audience country.
        match self.first(Field::AudienceCountries).map(|(col, raw)| (col, raw, parse_top_country(raw))) {
            Some((col, raw, Some((top, more)))) => {
                if more {
                    self.issue_at(
                        col,
                        raw,
                        "names countries without shares: kept the first as the top audience country",
                    );
                }
                parts.top_country = Some(top);
            }
            _ => {
                parts.countries = self
                    .single(Field::AudienceCountries, |raw| {
                        parse_country_shares(raw).map(Some).map_err(|why| format!("'{raw}': {why}"))
                    })
                    .unwrap_or_default();
            }
        }
        let (mix, remarks) = parts.assemble();
        for (part, why) in remarks {
            let fields: &[Field] = match part {
                Part::Gender => &[Field::AudienceFemale, Field::AudienceMale, Field::AudienceOther],
                Part::Age => &[
                    Field::Age13To17,
                    Field::Age18To24,
                    Field::Age25To34,
                    Field::Age35To44,
                    Field::Age45To54,
                    Field::Age55Plus,
                ],
                Part::Countries => &[Field::AudienceCountries],
            };
            if let Some((col, raw)) = fields.iter().find_map(|f| self.first(*f)) {
                self.issue(col, raw, format!("'{raw}': {why}"));
            }
        }
        mix
    }
}

/// A reason after the quoted value, unless it already quotes it.
fn quote(raw: &str, why: String) -> String {
    if why.starts_with('\'') {
        why
    } else {
        format!("'{}' {why}", raw.trim())
    }
}
