// DEVELOPMENT ONLY — the results mock's ledger maths, ported from Rust: a line added to a ledger,
// `Ledger::net` with its formulas (mock-results.test.ts holds it to Rust's answers in
// bindings/ledger-cases.json), a report row, and converting and adding up currency reports.
import { currencyFractionDigits } from "../common/format";
import type { CurrencyReport, Ledger, NetResult, ReportRow, TimePoint } from "../common/types";
import type { Line } from "./mock-results-data";

export function money(minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  if (digits === 0) return `${minor} ${currency}`;
  const unit = 10 ** digits;
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, "0")} ${currency}`;
}

/** Rust's `Ledger::net`, formulas included. */
export function net(l: Ledger): NetResult {
  const m = (v: number) => ({ minor: v, currency: l.currency });
  const netRevenue = l.gmv - l.refunds;
  const commission = l.commission_paid + l.commission_pending;
  const creatorCost = commission + l.flat_fees + l.sample_cost;
  const netProfit = netRevenue - l.product_cost - creatorCost;
  let roi: number | null = null;
  if (creatorCost > 0) {
    const q = Math.floor((Math.abs(netProfit) * 10_000 + Math.floor(creatorCost / 2)) / creatorCost);
    roi = netProfit < 0 ? -q : q;
  }
  const s = (v: number) => money(v, l.currency);
  return {
    net_revenue: {
      value: m(netRevenue),
      formula: `GMV ${s(l.gmv)} − refunds ${s(l.refunds)} = ${s(netRevenue)}`,
    },
    commission: {
      value: m(commission),
      formula: `paid on settled orders ${s(l.commission_paid)} + estimated for orders not settled yet ${s(l.commission_pending)} = ${s(commission)}`,
    },
    creator_cost: {
      value: m(creatorCost),
      formula: `commission ${s(commission)} + flat fees ${s(l.flat_fees)} + samples ${s(l.sample_cost)} = ${s(creatorCost)}`,
    },
    net_profit: {
      value: m(netProfit),
      formula: `net revenue ${s(netRevenue)} − product cost ${s(l.product_cost)} − creator cost ${s(creatorCost)} = ${s(netProfit)}`,
    },
    roi_bp: roi,
    roi_formula:
      roi === null
        ? "ROI has no value: nothing was spent on creators"
        : `ROI = net profit ${s(netProfit)} ÷ creator cost ${s(creatorCost)} = ${Math.trunc(roi / 100)}.${String(Math.abs(roi % 100)).padStart(2, "0")} %`,
  };
}

export function emptyLedger(currency: string): Ledger {
  return {
    currency,
    orders: 0,
    units_sold: 0,
    units_refunded: 0,
    gmv: 0,
    refunds: 0,
    product_cost: 0,
    commission_estimated: 0,
    commission_paid: 0,
    commission_pending: 0,
    flat_fees: 0,
    sample_cost: 0,
  };
}

export function addLine(l: Ledger, line: Line) {
  l.orders += 1;
  l.units_sold += line.units;
  l.units_refunded += line.unitsRefunded;
  l.gmv += line.payment;
  l.refunds += line.refund;
  l.product_cost += line.product.unitCost * (line.units - line.unitsRefunded);
  const eligible = line.unitsRefunded < line.units;
  if (eligible) l.commission_estimated += line.commissionEstimated;
  if (line.commissionPaid !== null) l.commission_paid += line.commissionPaid;
  else if (eligible) l.commission_pending += line.commissionEstimated;
}

export function row(group: ReportRow["group"], id: number | null, label: string, ledger: Ledger): ReportRow {
  return { group, id, label, ledger, net: net(ledger) };
}

export function convert(report: CurrencyReport, to: string, micros: number): CurrencyReport {
  const digitsFrom = currencyFractionDigits(report.currency);
  const digitsTo = currencyFractionDigits(to);
  const c = (minor: number) => Math.round(((minor * micros) / 1_000_000) * 10 ** (digitsTo - digitsFrom));
  const ledger = (l: Ledger): Ledger => ({
    ...l,
    currency: to,
    gmv: c(l.gmv),
    refunds: c(l.refunds),
    product_cost: c(l.product_cost),
    commission_estimated: c(l.commission_estimated),
    commission_paid: c(l.commission_paid),
    commission_pending: c(l.commission_pending),
    flat_fees: c(l.flat_fees),
    sample_cost: c(l.sample_cost),
  });
  const r = (x: ReportRow) => row(x.group, x.id, x.label, ledger(x.ledger));
  return {
    currency: to,
    total: r(report.total),
    by_campaign: report.by_campaign.map(r),
    by_creator: report.by_creator.map(r),
    by_product: report.by_product.map(r),
    over_time: report.over_time.map((p) => ({ week: p.week, gmv: c(p.gmv), net_profit: c(p.net_profit) })),
  };
}

/** Converted reports added up, row by row (same group and id). */
export function merge(reports: CurrencyReport[], to: string): CurrencyReport {
  const add = (a: Ledger, b: Ledger): Ledger => {
    const out = { ...a };
    for (const key of Object.keys(b) as (keyof Ledger)[]) {
      if (key !== "currency") (out[key] as number) += b[key] as number;
    }
    return out;
  };
  const combine = (lists: ReportRow[][]) => {
    const map = new Map<string, ReportRow>();
    for (const item of lists.flat()) {
      const key = `${item.id ?? ""}|${item.label}`;
      const found = map.get(key);
      map.set(key, found ? row(item.group, item.id, item.label, add(found.ledger, item.ledger)) : item);
    }
    return [...map.values()];
  };
  const weeks = new Map<string, TimePoint>();
  for (const p of reports.flatMap((r) => r.over_time)) {
    const w = weeks.get(p.week) ?? { week: p.week, gmv: 0, net_profit: 0 };
    w.gmv += p.gmv;
    w.net_profit += p.net_profit;
    weeks.set(p.week, w);
  }
  const total = reports.map((r) => r.total.ledger).reduce(add, emptyLedger(to));
  return {
    currency: to,
    total: row("total", null, "All campaigns", total),
    by_campaign: combine(reports.map((r) => r.by_campaign)),
    by_creator: combine(reports.map((r) => r.by_creator)),
    by_product: combine(reports.map((r) => r.by_product)),
    over_time: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
  };
}
