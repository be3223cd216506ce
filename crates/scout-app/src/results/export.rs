//! The results report written to a CSV or XLSX file (by the extension): one row per total, campaign,
//! creator and product of each currency, amounts in major units (exact decimals in CSV, numbers with
//! the currency's decimals in XLSX), ROI in percent.

use crate::{AppError, Result, Workspace};
use scout_domain::{ReportGroup, ReportRow, ResultsQuery};
use std::path::{Path, PathBuf};

pub const HEADERS: [&str; 18] = [
    "Currency",
    "Group",
    "Name",
    "Orders",
    "Units sold",
    "Units refunded",
    "GMV",
    "Refunds",
    "Net revenue",
    "Product cost",
    "Commission (estimated)",
    "Commission (paid)",
    "Commission (not settled)",
    "Flat fees",
    "Samples",
    "Creator cost",
    "Net profit",
    "ROI %",
];

/// A cell: text, a count, an amount in minor units with its decimals, or a ROI in basis points.
enum Cell {
    Text(String),
    Count(u64),
    Amount(i64, u32),
    Roi(Option<i64>),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Amount(minor, dp) => decimal(*minor, *dp),
            Cell::Roi(bp) => bp.map(|bp| decimal(bp, 2)).unwrap_or_default(),
        }
    }
}

/// `minor` with `dp` decimals, exactly: 123456, 2 → "1234.56"; −5, 2 → "-0.05".
fn decimal(minor: i64, dp: u32) -> String {
    if dp == 0 {
        return minor.to_string();
    }
    let scale = 10u64.pow(dp);
    let abs = minor.unsigned_abs();
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:0width$}", abs / scale, abs % scale, width = dp as usize)
}

fn group_name(g: ReportGroup) -> &'static str {
    match g {
        ReportGroup::Total => "Total",
        ReportGroup::Campaign => "Campaign",
        ReportGroup::Creator => "Creator",
        ReportGroup::Product => "Product",
    }
}

fn cells(r: &ReportRow) -> Vec<Cell> {
    let l = &r.ledger;
    let dp = l.currency.decimals();
    let a = |v: i64| Cell::Amount(v, dp);
    vec![
        Cell::Text(l.currency.code().to_string()),
        Cell::Text(group_name(r.group).into()),
        Cell::Text(r.label.clone()),
        Cell::Count(l.orders),
        Cell::Count(l.units_sold),
        Cell::Count(l.units_refunded),
        a(l.gmv),
        a(l.refunds),
        a(r.net.net_revenue.value.minor),
        a(l.product_cost),
        a(l.commission_estimated),
        a(l.commission_paid),
        a(l.commission_pending),
        a(l.flat_fees),
        a(l.sample_cost),
        a(r.net.creator_cost.value.minor),
        a(r.net.net_profit.value.minor),
        Cell::Roi(r.net.roi_bp),
    ]
}

fn export_error(path: &Path) -> impl Fn(String) -> AppError + '_ {
    move |message| AppError::Export { path: path.to_path_buf(), message }
}

impl Workspace {
    /// Writes the report for `query` to `path` (.csv or .xlsx); returns the number of rows written.
    #[tracing::instrument(skip(self))]
    pub async fn export_results(&self, query: &ResultsQuery, path: PathBuf) -> Result<u64> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if !matches!(ext.as_deref(), Some("csv" | "xlsx")) {
            return Err(AppError::InvalidInput(format!(
                "{}: export to a .csv or .xlsx file",
                path.display()
            )));
        }
        let report = self.results_report(query).await?;
        let rows: Vec<Vec<Cell>> = report
            .currencies
            .iter()
            .flat_map(|c| {
                std::iter::once(&c.total).chain(&c.by_campaign).chain(&c.by_creator).chain(&c.by_product)
            })
            .map(cells)
            .collect();
        let err = export_error(&path);
        if ext.as_deref() == Some("csv") {
            let mut w = csv::Writer::from_path(&path).map_err(|e| err(e.to_string()))?;
            w.write_record(HEADERS).map_err(|e| err(e.to_string()))?;
            for row in &rows {
                w.write_record(row.iter().map(Cell::csv)).map_err(|e| err(e.to_string()))?;
            }
            w.flush().map_err(|e| err(e.to_string()))?;
        } else {
            write_xlsx(&rows, &path).map_err(|e| err(e.to_string()))?;
        }
        Ok(rows.len() as u64)
    }
}

fn write_xlsx(rows: &[Vec<Cell>], path: &Path) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Results")?;
    let bold = Format::new().set_bold();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let formats: Vec<Format> = (0..=3)
        .map(|dp| {
            Format::new().set_num_format(if dp == 0 {
                "#,##0".into()
            } else {
                format!("#,##0.{}", "0".repeat(dp))
            })
        })
        .collect();
    let percent = Format::new().set_num_format("0.00");
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, t)?,
                Cell::Count(n) => sheet.write_number(r, c, *n as f64)?,
                Cell::Amount(minor, dp) => {
                    let v = *minor as f64 / 10f64.powi(*dp as i32);
                    sheet.write_number_with_format(r, c, v, &formats[(*dp as usize).min(3)])?
                }
                Cell::Roi(Some(bp)) => sheet.write_number_with_format(r, c, *bp as f64 / 100.0, &percent)?,
                Cell::Roi(None) => sheet.write_blank(r, c, &Format::new())?,
            };
        }
    }
    sheet.autofit();
    book.save(path)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn amounts_are_exact_decimals() {
        assert_eq!(decimal(123_456, 2), "1234.56");
        assert_eq!(decimal(-5, 2), "-0.05");
        assert_eq!(decimal(150_000, 0), "150000");
        assert_eq!(decimal(i64::MIN, 2), "-92233720368547758.08");
    }
}
