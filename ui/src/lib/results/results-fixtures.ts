// TEST DATA for the Results tests: report rows and reports built the way Rust builds them (the net
// result and its formulas come from the dev mock's port of `Ledger::net`, which mock-results.test.ts
// holds to Rust's own answers in bindings/ledger-cases.json). Imported by tests only.
import { emptyLedger, net } from "../dev/mock-results-ledger";
import type {
  CurrencyReport,
  Funnel,
  Ledger,
  ReportRow,
  ResultsReport,
  UnattributedOrder,
} from "../common/types";

export function ledger(currency: string, fields: Partial<Ledger> = {}): Ledger {
  return { ...emptyLedger(currency), ...fields };
}

let nextId = 1;

/** A report row; campaign and creator rows get an id unless given one (or `null`, as the outsiders' row has). */
export function reportRow(
  label: string,
  fields: Partial<Ledger> = {},
  options: { currency?: string; group?: ReportRow["group"]; id?: number | null } = {},
): ReportRow {
  const l = ledger(options.currency ?? "USD", fields);
  const group = options.group ?? "creator";
  const id =
    options.id !== undefined ? options.id : group === "campaign" || group === "creator" ? nextId++ : null;
  return { group, id, label, ledger: l, net: net(l) };
}

/** The example in results.rs: 40 units at 30.00, 3 refunded, a 200.00 fee and a 20.50 sample. */
export const EXAMPLE: Partial<Ledger> = {
  orders: 38,
  units_sold: 40,
  units_refunded: 3,
  gmv: 120_000,
  refunds: 10_000,
  product_cost: 37 * 600,
  commission_estimated: 16_500,
  commission_pending: 16_500,
  flat_fees: 20_000,
  sample_cost: 2_050,
};

export function currencyReport(currency: string, rows: ReportRow[] = []): CurrencyReport {
  const total = ledger(currency);
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof Ledger)[]) {
      if (key !== "currency") (total[key] as number) += row.ledger[key] as number;
    }
  }
  return {
    currency,
    total: { group: "total", id: null, label: "All campaigns", ledger: total, net: net(total) },
    by_campaign: rows.map((r, i) => ({ ...r, group: "campaign", id: i + 1 })),
    by_creator: rows,
    by_product: [],
    over_time: [{ week: "2026-11-02", gmv: total.gmv, net_profit: net(total).net_profit.value.minor }],
  };
}

export const FUNNEL: Funnel = {
  shortlisted: 100,
  invited: 64,
  replied: 23,
  agreed: 12,
  posted: 9,
  sold: 6,
  sampled: 10,
  sampled_posted: 7,
};

export function resultsReport(
  currencies: CurrencyReport[],
  fields: Partial<ResultsReport> = {},
): ResultsReport {
  return {
    currencies,
    conversion: null,
    funnel: FUNNEL,
    unattributed_lines: 0,
    learning: { outcomes: 40, new_since_training: 3, suggest_retrain: false },
    warnings: [],
    ...fields,
  };
}

export function order(lineId: number, fields: Partial<UnattributedOrder> = {}): UnattributedOrder {
  return {
    line_id: lineId,
    order_id: `5770000000000${lineId}`,
    product: "Glow serum 30 ml",
    creator: "@mia",
    creator_id: 7,
    created_at: "2026-11-02T14:33:00",
    payment: { minor: 2400, currency: "USD" },
    reason: "no collaboration with @mia sells product 1731",
    ...fields,
  };
}
