// The KPI tiles of one currency's report: GMV, net profit, ROI and orders up front, refunds, commission
// (estimated vs paid), flat fees and sample cost beside them. Every tile carries the formula behind it.
import { formatCountExact, formatMoney, formatRate, plural, UNKNOWN } from "../common/format";
import { LEDGER_FORMULAS, tone } from "./results-table";
import type { ReportRow } from "../common/types";

export interface Kpi {
  id: string;
  label: string;
  value: string;
  /** A second line under the value: "37 units kept". */
  detail: string | null;
  formula: string;
  tone: "positive" | "negative" | "";
}

export function headlineKpis(total: ReportRow): Kpi[] {
  const { ledger, net } = total;
  const money = (minor: number) => formatMoney({ minor, currency: ledger.currency });
  return [
    {
      id: "gmv",
      label: "GMV",
      value: money(ledger.gmv),
      detail: `${money(net.net_revenue.value.minor)} after refunds`,
      formula: `GMV = ${LEDGER_FORMULAS.gmv(ledger)}\nNet revenue = ${net.net_revenue.formula}`,
      tone: "",
    },
    {
      id: "net_profit",
      label: "Net profit",
      value: formatMoney(net.net_profit.value),
      detail: `after ${money(net.creator_cost.value.minor)} creator cost`,
      formula:
        `Net profit = ${net.net_profit.formula}\n` +
        `Creator cost = ${net.creator_cost.formula}\n` +
        `Product cost = unit cost × ${formatCountExact(ledger.units_sold - ledger.units_refunded)} units kept ` +
        `= ${money(ledger.product_cost)}`,
      tone: tone(net.net_profit.value.minor),
    },
    {
      id: "roi",
      label: "ROI",
      value: net.roi_bp === null ? UNKNOWN : formatRate(net.roi_bp),
      detail: net.roi_bp === null ? "nothing spent on creators" : "net profit ÷ creator cost",
      formula: net.roi_formula,
      tone: tone(net.roi_bp),
    },
    {
      id: "orders",
      label: "Orders",
      value: formatCountExact(ledger.orders),
      detail: `${plural(ledger.units_sold, "unit")} · ${formatCountExact(ledger.units_refunded)} refunded`,
      formula: `${LEDGER_FORMULAS.orders(ledger)}\nUnits: ${LEDGER_FORMULAS.units(ledger)}`,
      tone: "",
    },
  ];
}

export function secondaryKpis(total: ReportRow): Kpi[] {
  const { ledger, net } = total;
  const money = (minor: number) => formatMoney({ minor, currency: ledger.currency });
  return [
    {
      id: "refunds",
      label: "Refunds",
      value: money(ledger.refunds),
      detail: plural(ledger.units_refunded, "unit"),
      formula: `Refunds = ${LEDGER_FORMULAS.refunds(ledger)}`,
      tone: "",
    },
    {
      id: "commission",
      label: "Commission",
      value: formatMoney(net.commission.value),
      detail: `est. ${money(ledger.commission_estimated)} · paid ${money(ledger.commission_paid)}`,
      formula:
        `Commission = ${net.commission.formula}\n` +
        `Estimate for comparison: ${LEDGER_FORMULAS.commissionEstimated(ledger)}`,
      tone: "",
    },
    {
      id: "flat_fees",
      label: "Flat fees",
      value: money(ledger.flat_fees),
      detail: null,
      formula: `Flat fees = ${LEDGER_FORMULAS.flatFees(ledger)}`,
      tone: "",
    },
    {
      id: "samples",
      label: "Sample cost",
      value: money(ledger.sample_cost),
      detail: null,
      formula: `Sample cost = ${LEDGER_FORMULAS.samples(ledger)}`,
      tone: "",
    },
  ];
}
