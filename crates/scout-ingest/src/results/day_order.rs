//! The day/month order of a results file's dates ("03/10/2026": 3 October or 10 March?): learned from
//! the dates of its first rows that read only one way, else assumed from the header's language; and the
//! [`DateReader`] that applies it row by row, counting the dates it decided and remarking a later date
//! that contradicts it.

use super::cells::RowCells;
use super::columns::HeaderLanguage;
use crate::dates::{date_time, needs_order, order_evidence, DayMonthOrder};
use crate::source::RawSource;
use chrono::NaiveDateTime;
use serde::Serialize;

/// How many data rows are read ahead, when a file is opened, for dates that settle the order.
pub(crate) const LOOKAHEAD_ROWS: usize = 2000;

/// How a results file's ambiguous dates are read, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum DateOrder {
    /// Dates in the first rows that read only one way ("25/03/2026") all show this order.
    Learned { order: DayMonthOrder },
    /// No date in the first rows settles it: month first for English headers, day first for Spanish and
    /// Indonesian ones.
    Assumed { order: DayMonthOrder, language: HeaderLanguage },
    /// The first rows show both orders: a date that could be read either way is refused.
    Mixed { day_first: u64, month_first: u64 },
}

impl DateOrder {
    /// The order ambiguous dates are read in; `None` when they are refused.
    pub fn order(self) -> Option<DayMonthOrder> {
        match self {
            DateOrder::Learned { order } | DateOrder::Assumed { order, .. } => Some(order),
            DateOrder::Mixed { .. } => None,
        }
    }

    /// What the import report says about it.
    pub fn describe(self) -> String {
        match self {
            DateOrder::Learned { order } => {
                format!("Dates read {}, as the file's unambiguous dates show.", order.as_str())
            }
            DateOrder::Assumed { order, language } => format!(
                "Dates read {}: assumed from the {} headers, as no date in the first {LOOKAHEAD_ROWS} rows \
                 settles it.",
                order.as_str(),
                language.as_str()
            ),
            DateOrder::Mixed { day_first, month_first } => format!(
                "The file has dates day first ({day_first}) and month first ({month_first}); dates that \
                 could be either way round are refused."
            ),
        }
    }

    /// The order the evidence shows, else the language's custom.
    pub(crate) fn decide(day_first: u64, month_first: u64, language: HeaderLanguage) -> DateOrder {
        match (day_first, month_first) {
            (0, 0) => {
                let order = match language {
                    HeaderLanguage::English => DayMonthOrder::MonthFirst,
                    HeaderLanguage::Spanish | HeaderLanguage::Indonesian => DayMonthOrder::DayFirst,
                };
                DateOrder::Assumed { order, language }
            }
            (_, 0) => DateOrder::Learned { order: DayMonthOrder::DayFirst },
            (0, _) => DateOrder::Learned { order: DayMonthOrder::MonthFirst },
            _ => DateOrder::Mixed { day_first, month_first },
        }
    }
}

/// Reads up to [`LOOKAHEAD_ROWS`] further rows of `raw` and decides the order from the dates in
/// columns `cols`. A row that cannot be read ends the look-ahead: the import reports it when it gets
/// there.
pub(crate) fn learn(raw: &mut RawSource, cols: &[usize], language: HeaderLanguage) -> DateOrder {
    let (mut day_first, mut month_first) = (0u64, 0u64);
    for _ in 0..LOOKAHEAD_ROWS {
        let Some(Ok(row)) = raw.next_row() else { break };
        for cell in cols.iter().filter_map(|&c| row.cells.get(c)) {
            match order_evidence(cell) {
                Some(DayMonthOrder::DayFirst) => day_first += 1,
                Some(DayMonthOrder::MonthFirst) => month_first += 1,
                None => {}
            }
        }
    }
    DateOrder::decide(day_first, month_first, language)
}

/// Reads date cells in the file's order.
#[derive(Debug)]
pub(crate) struct DateReader {
    order: DateOrder,
    decided: u64,
}

impl DateReader {
    pub fn new(order: DateOrder) -> DateReader {
        DateReader { order, decided: 0 }
    }

    pub fn order(&self) -> DateOrder {
        self.order
    }

    /// How many dates read so far could have been either way round, and were read in the file's order.
    pub fn decided(&self) -> u64 {
        self.decided
    }

    pub fn optional(&mut self, cx: &mut RowCells<'_>, col: Option<usize>) -> Option<NaiveDateTime> {
        self.remark_contradiction(cx, col);
        let ambiguous = cx.value(col).is_some_and(|(_, raw)| needs_order(raw));
        let order = self.order;
        let value = cx.optional(col, |raw| read(raw, order));
        self.decided += u64::from(ambiguous && value.is_some());
        value
    }

    pub fn required(
        &mut self,
        cx: &mut RowCells<'_>,
        col: Option<usize>,
        label: &str,
    ) -> Result<NaiveDateTime, String> {
        self.remark_contradiction(cx, col);
        let ambiguous = cx.value(col).is_some_and(|(_, raw)| needs_order(raw));
        let order = self.order;
        let value = cx.required(col, label, |raw| read(raw, order))?;
        self.decided += u64::from(ambiguous);
        Ok(value)
    }

    /// A date that reads only one way, against the order the file's other dates are read in: it is read
    /// right, but the ambiguous dates may not have been.
    fn remark_contradiction(&self, cx: &mut RowCells<'_>, col: Option<usize>) {
        let Some(order) = self.order.order() else { return };
        let Some((c, raw)) = cx.value(col) else { return };
        if let Some(shown) = order_evidence(raw).filter(|shown| *shown != order) {
            let said = format!(
                "'{raw}' can only be {}, but this file's dates that could be either way round are read {}; \
                 check them",
                shown.as_str(),
                order.as_str()
            );
            cx.issue(c, raw, &said);
        }
    }
}

/// A date and time in `order`; a date that could be either way round is refused when the file is mixed.
fn read(raw: &str, order: DateOrder) -> Result<Option<NaiveDateTime>, String> {
    if matches!(order, DateOrder::Mixed { .. }) && needs_order(raw) {
        return Err(format!(
            "'{raw}' is ambiguous: this file has dates both day first and month first, so day and month \
             could be either way round"
        ));
    }
    date_time(raw, order.order())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_decides_else_the_language() {
        let en = HeaderLanguage::English;
        assert_eq!(
            DateOrder::decide(3, 0, en),
            DateOrder::Learned { order: DayMonthOrder::DayFirst },
            "evidence beats the language"
        );
        assert_eq!(
            DateOrder::decide(0, 0, en).order(),
            Some(DayMonthOrder::MonthFirst),
            "English: month first"
        );
        assert_eq!(
            DateOrder::decide(0, 0, HeaderLanguage::Indonesian).order(),
            Some(DayMonthOrder::DayFirst),
            "Indonesian: day first"
        );
        let mixed = DateOrder::decide(2, 1, HeaderLanguage::Spanish);
        assert_eq!(mixed.order(), None, "both orders: ambiguous dates are refused");
        assert!(mixed.describe().contains("(2)") && mixed.describe().contains("(1)"), "{}", mixed.describe());
        let assumed = DateOrder::decide(0, 0, HeaderLanguage::Spanish).describe();
        assert!(
            assumed.contains("assumed") && assumed.contains("Spanish"),
            "says what was assumed: {assumed}"
        );
    }
}
