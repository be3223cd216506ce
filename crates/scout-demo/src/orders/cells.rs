//! Which value goes in which column, once for every language and format: an order line or a video is
//! turned into typed cells, which the CSV writer renders as text and the XLSX writer as text or numbers.

use super::language::ExportLanguage;
use super::line::share;
use super::plan::whole_unit_step;
use super::render;
use chrono::{NaiveDate, NaiveDateTime};
use scout_domain::{Currency, OrderLine, VideoResult};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cell<'a> {
    Empty,
    Text(&'a str),
    /// A long numeric id: always text, so it stays exact.
    Id(&'a str),
    Count(u64),
    /// Minor units of the row's currency.
    Amount(i64),
    /// The Price column: an amount with the currency's symbol.
    Price(i64),
    Rate(u32),
    Time(NaiveDateTime),
    Date(NaiveDate),
    Flag(bool),
    Status(&'a str),
    Content(&'a str),
    CommissionModel,
}

fn opt<'a, T>(value: Option<T>, cell: impl FnOnce(T) -> Cell<'a>) -> Cell<'a> {
    value.map_or(Cell::Empty, cell)
}

/// The 27 cells of an order line, in the order of the headers.
pub(crate) fn order_cells(line: &OrderLine) -> [Cell<'_>; 27] {
    let rate = line.commission_rate.map(|r| r.0);
    // The export gives the actual base next to the actual commission: what was kept of the payment,
    // or, when the platform adjusted the commission, the base the rate was paid on.
    let step = whole_unit_step(&line.currency);
    let kept = line.payment - line.refund;
    let actual_base = line.commission_actual.map(|actual| match rate {
        Some(bp) if bp > 0 && actual != share(kept, i64::from(bp), 10_000, step) => {
            share(actual, 10_000, i64::from(bp), step)
        }
        _ => kept,
    });
    [
        Cell::Id(&line.order_id),
        opt(line.product_id.as_deref(), Cell::Id),
        opt(line.product_name.as_deref(), Cell::Text),
        Cell::Id(&line.sku_id),
        opt(line.unit_price, Cell::Price),
        Cell::Amount(line.payment),
        Cell::Text(line.currency.code()),
        Cell::Count(u64::from(line.quantity)),
        opt(line.status.as_deref(), Cell::Status),
        Cell::Flag(line.payment > 0 && line.refund >= line.payment),
        opt(line.creator.as_ref(), |h| Cell::Text(h.as_str())),
        opt(line.content_type.as_deref(), Cell::Content),
        opt(line.content_id.as_deref(), Cell::Id),
        Cell::CommissionModel,
        opt(rate, Cell::Rate),
        Cell::Amount(line.payment),
        Cell::Amount(line.commission_estimated),
        opt(actual_base, Cell::Amount),
        opt(line.commission_actual, Cell::Amount),
        Cell::Rate(0),
        Cell::Time(line.created_at),
        opt(line.paid_at, Cell::Time),
        opt(line.delivered_at, Cell::Time),
        opt(line.commission_paid_at, Cell::Time),
        Cell::Amount(line.refund),
        Cell::Count(u64::from(line.units_refunded)),
        opt(line.target_collaboration_id.as_deref(), Cell::Id),
    ]
}

/// The 11 cells of a video, in the order of the headers.
pub(crate) fn video_cells(video: &VideoResult) -> [Cell<'_>; 11] {
    [
        Cell::Text(video.creator.as_str()),
        Cell::Id(&video.video_id),
        opt(video.link.as_deref(), Cell::Text),
        opt(video.posted_on, Cell::Date),
        opt(video.gmv, Cell::Amount),
        opt(video.items_sold, Cell::Count),
        opt(video.orders, Cell::Count),
        opt(video.impressions, Cell::Count),
        opt(video.likes, Cell::Count),
        opt(video.comments, Cell::Count),
        opt(video.commission_estimated, Cell::Amount),
    ]
}

/// Appends `cell` as the export writes it in `lang`.
pub(crate) fn render(out: &mut String, cell: Cell<'_>, currency: &Currency, lang: ExportLanguage) {
    use std::fmt::Write;
    match cell {
        Cell::Empty => {}
        Cell::Text(s) | Cell::Id(s) => out.push_str(s),
        Cell::Count(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Amount(minor) => render::amount(out, minor, currency, lang),
        Cell::Price(minor) => render::price(out, minor, currency, lang),
        Cell::Rate(bp) => render::rate(out, bp, lang),
        Cell::Time(t) => render::time(out, t, lang),
        Cell::Date(d) => render::date(out, d, lang),
        Cell::Flag(yes) => out.push_str(lang.yes_no(yes)),
        Cell::Status(s) => out.push_str(lang.status(s)),
        Cell::Content(s) => out.push_str(lang.content_type(s)),
        Cell::CommissionModel => out.push_str(lang.commission_model()),
    }
}
