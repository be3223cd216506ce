// The table behind the Results charts: one row per campaign, creator or product of one currency, the
// columns a seller reads (orders … ROI), client-side sorting (the rows are few), and the formula each cell
// shows on hover. Net profit, commission and ROI carry Rust's own formulas; the plain ledger sums get one
// written here ("sum of 38 orders' payments = $1,200.00").
import { formatCountExact, formatMoney, formatRate, plural, UNKNOWN } from "../common/format";
import type { Ledger, ReportRow } from "../common/types";

export type ResultsTab = "campaign" | "creator" | "product";

export const RESULTS_TABS: { id: ResultsTab; label: string; noun: string }[] = [
  { id: "campaign", label: "By campaign", noun: "Campaign" },
  { id: "creator", label: "By creator", noun: "Creator" },
  { id: "product", label: "By product", noun: "Product" },
];

export type ColumnId =
  | "label"
  | "orders"
  | "units"
  | "gmv"
  | "refunds"
  | "commission"
  | "flat_fees"
  | "samples"
  | "net_profit"
  | "roi";

export interface ResultsColumn {
  id: ColumnId;
  label: string;
  numeric: boolean;
  /** What the column sorts by; null sorts last in both directions. */
  sortValue: (row: ReportRow) => number | string | null;
  text: (row: ReportRow) => string;
  /** The formula behind the cell, shown on hover. */
  formula: (row: ReportRow) => string;
}

const money = (ledger: Ledger, minor: number) => formatMoney({ minor, currency: ledger.currency });
const orders = (ledger: Ledger) => plural(ledger.orders, "order");

/** The formula behind a plain ledger sum, written the way a seller checks it. */
export const LEDGER_FORMULAS = {
  orders: (l: Ledger) => `${orders(l)} attributed, ${plural(l.units_sold, "unit")} sold`,
  units: (l: Ledger) =>
    `${plural(l.units_sold, "unit")} sold − ${formatCountExact(l.units_refunded)} refunded = ` +
    `${formatCountExact(l.units_sold - l.units_refunded)} kept`,
  gmv: (l: Ledger) =>
    `sum of ${l.orders === 1 ? "1 order's payment" : `${orders(l)}' payments`} = ${money(l, l.gmv)}`,
  refunds: (l: Ledger) =>
    `sum of refunds on ${orders(l)} (${plural(l.units_refunded, "unit")} returned) = ${money(l, l.refunds)}`,
  flatFees: (l: Ledger) => `sum of the agreed flat fees = ${money(l, l.flat_fees)}`,
  samples: (l: Ledger) => `free samples' product cost + shipping = ${money(l, l.sample_cost)}`,
  commissionEstimated: (l: Ledger) =>
    `estimated commission of every order that earns one (settled or not) = ${money(l, l.commission_estimated)}`,
} as const;

export const RESULT_COLUMNS: ResultsColumn[] = [
  {
    id: "label",
    label: "Name",
    numeric: false,
    sortValue: (row) => row.label.toLocaleLowerCase(),
    text: (row) => row.label,
    formula: (row) => row.label,
  },
  {
    id: "orders",
    label: "Orders",
    numeric: true,
    sortValue: (row) => row.ledger.orders,
    text: (row) => formatCountExact(row.ledger.orders),
    formula: (row) => LEDGER_FORMULAS.orders(row.ledger),
  },
  {
    id: "units",
    label: "Units",
    numeric: true,
    sortValue: (row) => row.ledger.units_sold,
    text: (row) => formatCountExact(row.ledger.units_sold),
    formula: (row) => LEDGER_FORMULAS.units(row.ledger),
  },
  {
    id: "gmv",
    label: "GMV",
    numeric: true,
    sortValue: (row) => row.ledger.gmv,
    text: (row) => money(row.ledger, row.ledger.gmv),
    formula: (row) => LEDGER_FORMULAS.gmv(row.ledger),
  },
  {
    id: "refunds",
    label: "Refunds",
    numeric: true,
    sortValue: (row) => row.ledger.refunds,
    text: (row) => money(row.ledger, row.ledger.refunds),
    formula: (row) => LEDGER_FORMULAS.refunds(row.ledger),
  },
  {
    id: "commission",
    label: "Commission",
    numeric: true,
    sortValue: (row) => row.net.commission.value.minor,
    text: (row) => formatMoney(row.net.commission.value),
    formula: (row) => `Commission = ${row.net.commission.formula}`,
  },
  {
    id: "flat_fees",
    label: "Flat fees",
    numeric: true,
    sortValue: (row) => row.ledger.flat_fees,
    text: (row) => money(row.ledger, row.ledger.flat_fees),
    formula: (row) => LEDGER_FORMULAS.flatFees(row.ledger),
  },
  {
    id: "samples",
    label: "Samples",
    numeric: true,
    sortValue: (row) => row.ledger.sample_cost,
    text: (row) => money(row.ledger, row.ledger.sample_cost),
    formula: (row) => LEDGER_FORMULAS.samples(row.ledger),
  },
  {
    id: "net_profit",
    label: "Net profit",
    numeric: true,
    sortValue: (row) => row.net.net_profit.value.minor,
    text: (row) => formatMoney(row.net.net_profit.value),
    formula: (row) => `Net profit = ${row.net.net_profit.formula}`,
  },
  {
    id: "roi",
    label: "ROI",
    numeric: true,
    sortValue: (row) => row.net.roi_bp,
    text: (row) => (row.net.roi_bp === null ? UNKNOWN : formatRate(row.net.roi_bp)),
    formula: (row) => row.net.roi_formula,
  },
];

export interface ResultsSort {
  column: ColumnId;
  descending: boolean;
}

export const DEFAULT_SORT: ResultsSort = { column: "gmv", descending: true };

export function column(id: ColumnId): ResultsColumn {
  const found = RESULT_COLUMNS.find((c) => c.id === id);
  if (!found) throw new Error(`no results column '${id}'`);
  return found;
}

/** A click on a header: the same column flips; another starts high-to-low (numbers) or A–Z (names). */
export function nextSort(current: ResultsSort, id: ColumnId): ResultsSort {
  if (current.column === id) return { column: id, descending: !current.descending };
  return { column: id, descending: column(id).numeric };
}

/** The rows in the chosen order; unknown values (an ROI with no spend) last either way, ties by name. */
export function sortRows(rows: readonly ReportRow[], sort: ResultsSort): ReportRow[] {
  const key = column(sort.column).sortValue;
  const byName = (a: ReportRow, b: ReportRow) => a.label.localeCompare(b.label) || (a.id ?? 0) - (b.id ?? 0);
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (sort.descending ? -order : order) || byName(a, b);
  });
}

/** The rows of one tab of a currency's report. */
export function tabRows(
  report: { by_campaign: ReportRow[]; by_creator: ReportRow[]; by_product: ReportRow[] },
  tab: ResultsTab,
): ReportRow[] {
  return tab === "campaign" ? report.by_campaign : tab === "creator" ? report.by_creator : report.by_product;
}

/** "positive", "negative" or "" for a signed figure, to colour net profit and ROI. */
export function tone(value: number | null): "positive" | "negative" | "" {
  if (value === null || value === 0) return "";
  return value > 0 ? "positive" : "negative";
}
