//! `scout results`: import order and video exports, sync orders from the TikTok Shop API, see net
//! results, assign unattributed orders, export the report, keep exchange rates.

use crate::cli_results::{GroupBy, RatesCommand, ResultsCommand, Selection};
use crate::output::{clip, import_exit_code, import_progress, print_json, print_report};
use scout_app::{AppError, ImportReport, Workspace};
use scout_domain::{Conversion, Currency, ExchangeRate, Money, ReportRow, ResultsQuery};

fn query(s: &Selection) -> Result<ResultsQuery, AppError> {
    let currency = s
        .currency
        .as_deref()
        .map(Currency::parse)
        .transpose()
        .map_err(|e| AppError::InvalidInput(format!("--currency: {e}")))?;
    Ok(ResultsQuery { campaign_id: s.campaign, currency, ..Default::default() })
}

/// Prints what an import or a sync did, or its JSON; the exit code says whether rows were rejected.
fn print_import(r: &ImportReport, json: bool, unit: &str) -> Result<u8, AppError> {
    if json {
        print_json(r)?;
    } else {
        print_report(r, unit);
    }
    Ok(import_exit_code(r))
}

pub async fn run(ws: &Workspace, cmd: &ResultsCommand, quiet: bool) -> Result<u8, AppError> {
    match cmd {
        ResultsCommand::Import { file, json } => {
            let (bar, cancel, on_progress) = import_progress(quiet || *json);
            let report = ws.import_results(file, on_progress, cancel).await;
            bar.finish_and_clear();
            print_import(&report?, *json, "line")
        }
        ResultsCommand::Sync { days, json } => {
            let report = ws.sync_tiktok_orders_recent(*days).await?;
            print_import(&report, *json, "order")
        }
        ResultsCommand::Report { selection, by, json } => {
            let report = ws.results_report(&query(selection)?).await?;
            if *json {
                print_json(&report)?;
                return Ok(0);
            }
            if report.currencies.is_empty() {
                println!("no results yet: import an affiliate order export with `scout results import FILE`");
            }
            for c in &report.currencies {
                println!("{}", c.currency);
                print_header();
                print_row(&c.total);
                let rows = match by {
                    None => &[][..],
                    Some(GroupBy::Campaign) => &c.by_campaign[..],
                    Some(GroupBy::Creator) => &c.by_creator[..],
                    Some(GroupBy::Product) => &c.by_product[..],
                };
                for r in rows {
                    print_row(r);
                }
                println!();
            }
            let f = &report.funnel;
            println!(
                "funnel: {} shortlisted → {} invited → {} replied → {} agreed → {} posted → {} sold; samples: {} posted of {}",
                f.shortlisted, f.invited, f.replied, f.agreed, f.posted, f.sold, f.sampled_posted, f.sampled
            );
            if report.unattributed_lines > 0 {
                println!(
                    "{} order lines belong to no collaboration: see `scout results unattributed`",
                    report.unattributed_lines
                );
            }
            for w in &report.warnings {
                println!("note: {w}");
            }
            if report.learning.suggest_retrain {
                println!(
                    "{} new outcomes since the model was trained: `scout model train` could improve the ranking",
                    report.learning.new_since_training
                );
            }
            Ok(0)
        }
        ResultsCommand::Unattributed { limit, json } => {
            let rows = ws.unattributed_orders(0, *limit).await?;
            if *json {
                print_json(&rows)?;
                return Ok(0);
            }
            for u in &rows {
                println!(
                    "{:>8}  {:<20} {:<19} {:>12}  {:<16} {}",
                    u.line_id,
                    clip(&u.order_id, 20),
                    u.created_at.format("%Y-%m-%d %H:%M"),
                    u.payment.to_string(),
                    clip(u.creator.as_deref().unwrap_or("—"), 16),
                    u.reason
                );
            }
            Ok(0)
        }
        ResultsCommand::Assign { lines, campaign, creator } => {
            let n = ws.assign_orders(lines, *campaign, *creator).await?;
            println!("assigned {n} order lines to creator {creator} in campaign {campaign}");
            Ok(0)
        }
        ResultsCommand::Export { out, selection } => {
            let n = ws.export_results(&query(selection)?, out.clone()).await?;
            println!("wrote {n} rows to {}", out.display());
            Ok(0)
        }
        ResultsCommand::Rates(RatesCommand::Show) => {
            match ws.exchange_rates().await? {
                None => println!("no exchange rates saved"),
                Some(c) => {
                    for r in &c.rates {
                        println!("1 {} = {} {}", r.from, rate_text(r.rate_micros), c.to);
                    }
                }
            }
            Ok(0)
        }
        ResultsCommand::Rates(RatesCommand::Set { to, rates }) => {
            let to = Currency::parse(to).map_err(|e| AppError::InvalidInput(format!("--to: {e}")))?;
            let rates = rates.iter().map(|r| parse_rate(r)).collect::<Result<Vec<_>, _>>()?;
            ws.save_exchange_rates(Some(&Conversion { to, rates })).await?;
            println!("saved");
            Ok(0)
        }
        ResultsCommand::Rates(RatesCommand::Clear) => {
            ws.save_exchange_rates(None).await?;
            println!("cleared");
            Ok(0)
        }
    }
}

/// "GBP=1.27" → GBP at 1,270,000 micros. The rate is read from its digits (at most 6 decimals).
fn parse_rate(text: &str) -> Result<ExchangeRate, AppError> {
    let bad = |why: &str| AppError::InvalidInput(format!("rate '{text}': {why} (write e.g. GBP=1.27)"));
    let (code, rate) = text.split_once('=').ok_or_else(|| bad("no '='"))?;
    let from = Currency::parse(code.trim()).map_err(|e| bad(&e.to_string()))?;
    let rate = rate.trim();
    let (whole, frac) = rate.split_once('.').unwrap_or((rate, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        || frac.len() > 6
    {
        return Err(bad("not a number with at most 6 decimals"));
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad("too large"))? };
    let frac: i64 = format!("{frac:0<6}").parse().map_err(|_| bad("not a number"))?;
    let micros =
        whole.checked_mul(1_000_000).and_then(|w| w.checked_add(frac)).ok_or_else(|| bad("too large"))?;
    Ok(ExchangeRate { from, rate_micros: micros })
}

fn rate_text(micros: i64) -> String {
    let s = format!("{}.{:06}", micros / 1_000_000, micros % 1_000_000);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn print_header() {
    println!(
        "  {:<28} {:>7} {:>14} {:>12} {:>12} {:>12} {:>14} {:>9}",
        "", "orders", "GMV", "refunds", "commission", "fees+samples", "net profit", "ROI"
    );
}

fn print_row(r: &ReportRow) {
    let l = &r.ledger;
    let m = |v: i64| Money::new(v, l.currency.clone()).to_string();
    let roi = r.net.roi_bp.map_or_else(|| "—".into(), |bp| format!("{:.1} %", bp as f64 / 100.0));
    println!(
        "  {:<28} {:>7} {:>14} {:>12} {:>12} {:>12} {:>14} {:>9}",
        clip(&r.label, 28),
        l.orders,
        m(l.gmv),
        m(l.refunds),
        m(r.net.commission.value.minor),
        m(l.flat_fees + l.sample_cost),
        m(r.net.net_profit.value.minor),
        roi
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_read_from_their_digits() {
        assert_eq!(parse_rate("GBP=1.27").unwrap().rate_micros, 1_270_000);
        assert_eq!(parse_rate("idr=0.000062").unwrap().rate_micros, 62);
        assert_eq!(parse_rate("JPY=.0066").unwrap().rate_micros, 6_600);
        for bad in ["GBP", "GBP=1,27", "GBP=1.2345678", "GBP=-1", "XX=1", "GBP="] {
            assert!(parse_rate(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(rate_text(1_270_000), "1.27");
        assert_eq!(rate_text(62), "0.000062");
        assert_eq!(rate_text(2_000_000), "2");
    }
}
