// DEVELOPMENT ONLY — the reports the results mock gives for "Import results…" (a small file, or a large
// one with more issues than Rust lists) and for a sync from the TikTok Shop API.
import type { ImportReport } from "../common/types";

/** Rust lists at most this many issues in an import report and counts the rest. */
const MAX_ISSUES = 1_000;

/** A month of orders with a few issues of each kind. */
export function smallImport(): ImportReport {
  return {
    file_name: "affiliate_orders_2026-11-20.xlsx",
    kind: "orders",
    import_id: 1,
    status: "imported",
    merged: 0,
    duration_ms: 800,
    platform: null,
    rows_total: 612,
    created: 571,
    updated: 18,
    unchanged: 19,
    rejected: 4,
    attribution: { attributed: 566, unattributed: 23 },
    date_order: "Dates read day first, as the file's unambiguous dates show.",
    issues_truncated: 0,
    issues: [
      {
        line: 14,
        column: "Order ID",
        raw_value: "",
        message: "the order id is empty",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 88,
        column: "Payment amount",
        raw_value: "USD -12.00",
        message: "payment is negative",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 131,
        column: "Commission rate",
        raw_value: "fifteen",
        message: "'fifteen' is not a percentage; the estimate from the payment was kept",
        outcome: "value_skipped",
        cells: null,
      },
      {
        line: 402,
        column: "Refund amount",
        raw_value: "48.00",
        message: "refund 48.00 is more than the payment 24.00",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 577,
        column: "Creator username",
        raw_value: "<script>alert(1)</script>",
        message: "the handle '<script>alert(1)</script>' has characters a handle can't have; left blank",
        outcome: "value_skipped",
        cells: null,
      },
      {
        line: 590,
        column: null,
        raw_value: null,
        message: "the row has 11 cells; the header has 23",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 144,
        column: null,
        raw_value: null,
        message:
          "order 576000000000000144: settlement status 'IN_REVIEW' is not one Scout knows; taken as pending",
        outcome: "noted",
        cells: null,
      },
    ],
  };
}

/** A year of orders from a shop whose export mangled a column: more issues than Rust lists. */
export function largeImport(): ImportReport {
  const all: ImportReport["issues"] = [];
  for (let n = 0; n < 1_312; n += 1) {
    const line = 2 + n * 11 + (n % 7);
    all.push(
      n % 5 === 4
        ? {
            line,
            column: "Commission rate",
            raw_value: "n/a",
            message: "'n/a' is not a percentage; the estimate from the payment was kept",
            outcome: "value_skipped",
            cells: null,
          }
        : {
            line,
            column: "Order create time",
            raw_value: `13/${(n % 28) + 1}/2026 10:${String(n % 60).padStart(2, "0")}`,
            message: "the date has no month 13; the row was left out",
            outcome: "rejected",
            cells: null,
          },
    );
  }
  // Every row counted once: created + updated + unchanged + rejected = rows_total.
  const rowsTotal = 14_450;
  const rejected = all.filter((issue) => issue.outcome === "rejected").length;
  const kept = rowsTotal - rejected;
  return {
    file_name: "affiliate_orders_2025-12_to_2026-11.csv",
    kind: "orders",
    import_id: 1,
    status: "imported",
    merged: 0,
    duration_ms: 800,
    platform: null,
    rows_total: rowsTotal,
    created: kept - 37,
    updated: 18,
    unchanged: 19,
    rejected,
    attribution: { attributed: kept - 23, unattributed: 23 },
    date_order: "Dates read month first, as the file's unambiguous dates show.",
    issues: all.slice(0, MAX_ISSUES),
    issues_truncated: all.length - MAX_ISSUES,
  };
}

/** What a sync of the one-currency set reports: everything created the first time, unchanged after. */
export function syncReport(first: boolean): ImportReport {
  return {
    file_name: "TikTok Shop API",
    kind: "orders",
    import_id: 1,
    status: "imported",
    merged: 0,
    duration_ms: 800,
    platform: null,
    rows_total: 208,
    created: first ? 207 : 0,
    updated: 0,
    unchanged: first ? 0 : 207,
    rejected: 1,
    attribution: { attributed: 189, unattributed: 18 },
    date_order: null,
    issues_truncated: 0,
    issues: [
      {
        line: 131,
        column: null,
        raw_value: null,
        message: "order 576000000000000131: skipped: skus[0].price.currency: 'US$' is not a currency code",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 144,
        column: null,
        raw_value: null,
        message:
          "order 576000000000000144: settlement status 'IN_REVIEW' is not one Scout knows; taken as pending",
        outcome: "noted",
        cells: null,
      },
    ],
  };
}
