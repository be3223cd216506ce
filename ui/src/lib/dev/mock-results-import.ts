// DEVELOPMENT ONLY — the reports the results mock gives for "Import results…" (a small file, or a large
// one with more issues than Rust lists) and for a sync from the TikTok Shop API.
import type { ResultsImportReport } from "../common/types";

/** Rust lists at most this many issues in an import report and counts the rest. */
const MAX_ISSUES = 500;

/** A month of orders with a few issues of each kind. */
export function smallImport(): ResultsImportReport {
  return {
    file_name: "affiliate_orders_2026-11-20.xlsx",
    kind: "orders",
    rows_total: 612,
    created: 571,
    updated: 18,
    unchanged: 19,
    rejected: 4,
    attributed: 566,
    unattributed: 23,
    date_order: "Dates read day first, as the file's unambiguous dates show.",
    issues_truncated: 0,
    issues: [
      { line: 14, column: "Order ID", raw_value: "", message: "the order id is empty", rejected: true },
      {
        line: 88,
        column: "Payment amount",
        raw_value: "USD -12.00",
        message: "payment is negative",
        rejected: true,
      },
      {
        line: 131,
        column: "Commission rate",
        raw_value: "fifteen",
        message: "'fifteen' is not a percentage; the estimate from the payment was kept",
        rejected: false,
      },
      {
        line: 402,
        column: "Refund amount",
        raw_value: "48.00",
        message: "refund 48.00 is more than the payment 24.00",
        rejected: true,
      },
      {
        line: 577,
        column: "Creator username",
        raw_value: "<script>alert(1)</script>",
        message: "the handle '<script>alert(1)</script>' has characters a handle can't have; left blank",
        rejected: false,
      },
      {
        line: 590,
        column: null,
        raw_value: null,
        message: "the row has 11 cells; the header has 23",
        rejected: true,
      },
    ],
  };
}

/** A year of orders from a shop whose export mangled a column: more issues than Rust lists. */
export function largeImport(): ResultsImportReport {
  const all: ResultsImportReport["issues"] = [];
  for (let n = 0; n < 1_312; n += 1) {
    const line = 2 + n * 11 + (n % 7);
    all.push(
      n % 5 === 4
        ? {
            line,
            column: "Commission rate",
            raw_value: "n/a",
            message: "'n/a' is not a percentage; the estimate from the payment was kept",
            rejected: false,
          }
        : {
            line,
            column: "Order create time",
            raw_value: `13/${(n % 28) + 1}/2026 10:${String(n % 60).padStart(2, "0")}`,
            message: "the date has no month 13; the row was left out",
            rejected: true,
          },
    );
  }
  // Every row counted once: created + updated + unchanged + rejected = rows_total.
  const rowsTotal = 14_450;
  const rejected = all.filter((issue) => issue.rejected).length;
  const kept = rowsTotal - rejected;
  return {
    file_name: "affiliate_orders_2025-12_to_2026-11.csv",
    kind: "orders",
    rows_total: rowsTotal,
    created: kept - 37,
    updated: 18,
    unchanged: 19,
    rejected,
    attributed: kept - 23,
    unattributed: 23,
    date_order: "Dates read month first, as the file's unambiguous dates show.",
    issues: all.slice(0, MAX_ISSUES),
    issues_truncated: all.length - MAX_ISSUES,
  };
}

/** What a sync of the one-currency set reports: everything created the first time, unchanged after. */
export function syncReport(first: boolean): ResultsImportReport {
  return {
    file_name: "TikTok Shop API",
    kind: "orders",
    rows_total: 208,
    created: first ? 207 : 0,
    updated: 0,
    unchanged: first ? 0 : 207,
    rejected: 1,
    attributed: 189,
    unattributed: 18,
    date_order: null,
    issues_truncated: 0,
    issues: [
      {
        line: 131,
        column: null,
        raw_value: null,
        message: "order 576000000000000131: skipped: skus[0].price.currency: 'US$' is not a currency code",
        rejected: true,
      },
    ],
  };
}
