// DEVELOPMENT ONLY — the report Rust would build from the results mock's data: a ledger per currency
// (by campaign, creator, product and week), converted with the saved rates when asked, the funnel, the
// notes on what the figures leave out, and the unattributed lines.
import { fail } from "./mock-common";
import { SHIPPING_CURRENCY, type Collab, type Line, type ResultsData } from "./mock-results-data";
import { addLine, convert, emptyLedger, merge, money, row } from "./mock-results-ledger";
import type {
  Conversion,
  CurrencyReport,
  Funnel,
  Ledger,
  ReportRow,
  ResultsQuery,
  ResultsReport,
  TimePoint,
  UnattributedCreator,
  UnattributedOrder,
  UnattributedPage,
  UnattributedQuery,
} from "../common/types";

function monday(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - shift * 86_400_000).toISOString().slice(0, 10);
}

/** One currency's report over `chosen` collaborations and their lines, amounts × `rate`. */
function currencyReport(currency: string, chosen: Collab[], chosenLines: Line[]): CurrencyReport {
  const total = emptyLedger(currency);
  const byCampaign = new Map<number, { label: string; ledger: Ledger }>();
  const byCreator = new Map<number, { label: string; ledger: Ledger }>();
  const byProduct = new Map<string, { label: string; ledger: Ledger }>();
  const entry = <K>(map: Map<K, { label: string; ledger: Ledger }>, key: K, label: string) => {
    let found = map.get(key);
    if (!found) {
      found = { label, ledger: emptyLedger(currency) };
      map.set(key, found);
    }
    return found.ledger;
  };
  const weeks = new Map<string, TimePoint>();
  for (const collab of chosen) {
    for (const ledger of [
      total,
      entry(byCampaign, collab.campaignId, collab.campaignName),
      entry(byCreator, collab.creatorId, `@${collab.handle}`),
      entry(byProduct, collab.product.name, collab.product.name),
    ]) {
      ledger.flat_fees += collab.flatFee;
      ledger.sample_cost += collab.sampleCost;
    }
    const cost = collab.flatFee + collab.sampleCost;
    if (cost > 0) {
      const week = monday(collab.since);
      const point = weeks.get(week) ?? { week, gmv: 0, net_profit: 0 };
      point.net_profit -= cost;
      weeks.set(week, point);
    }
  }
  for (const line of chosenLines) {
    const collab = line.collab;
    if (!collab) continue;
    for (const ledger of [
      total,
      entry(byCampaign, collab.campaignId, collab.campaignName),
      entry(byCreator, collab.creatorId, `@${collab.handle}`),
      entry(byProduct, line.product.name, line.product.name),
    ]) {
      addLine(ledger, line);
    }
    const week = monday(line.createdAt);
    const point = weeks.get(week) ?? { week, gmv: 0, net_profit: 0 };
    point.gmv += line.payment;
    const commission =
      line.commissionPaid ?? (line.unitsRefunded < line.units ? line.commissionEstimated : 0);
    point.net_profit +=
      line.payment - line.refund - line.product.unitCost * (line.units - line.unitsRefunded) - commission;
    weeks.set(week, point);
  }
  const rows = (group: ReportRow["group"], map: Map<number | string, { label: string; ledger: Ledger }>) =>
    [...map].map(([key, v]) => row(group, typeof key === "number" ? key : null, v.label, v.ledger));
  return {
    currency,
    total: row("total", null, "All campaigns", total),
    by_campaign: rows("campaign", byCampaign),
    by_creator: rows("creator", byCreator),
    by_product: rows("product", byProduct),
    over_time: [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week)),
  };
}

function funnel(chosen: Collab[], chosenLines: Line[]): Funnel {
  const sold = new Set(
    chosenLines
      .filter((l) => l.collab && l.unitsRefunded < l.units)
      .map((l) => `${l.collab?.campaignId}:${l.creatorId}`),
  );
  const sampled = chosen.filter((c) => c.sampleCost > 0);
  return {
    shortlisted: chosen.length,
    invited: chosen.filter((c) => c.reached >= 1).length,
    replied: chosen.filter((c) => c.reached >= 2).length,
    agreed: chosen.filter((c) => c.reached >= 3).length,
    posted: chosen.filter((c) => c.reached >= 4).length,
    sold: chosen.filter((c) => sold.has(`${c.campaignId}:${c.creatorId}`)).length,
    sampled: sampled.length,
    sampled_posted: sampled.filter((c) => c.reached >= 4).length,
  };
}

/** Rust's notes on what the figures leave out: products without a known unit cost, then shipping. */
function productWarnings(chosenLines: Line[]): string[] {
  const units = new Map<string, number>();
  for (const l of chosenLines) {
    if (l.product.named !== false) continue;
    units.set(l.product.name, (units.get(l.product.name) ?? 0) + l.units - l.unitsRefunded);
  }
  return [...units]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, n]) =>
        `The product cost of ${n} units of ${name} is not counted: no campaign names this product, so its unit cost is unknown.`,
    );
}

/** The `results_report` answer for what the mock holds. */
export function report({ collabs, lines, rates }: ResultsData, query: ResultsQuery): ResultsReport {
  const chosen = collabs.filter((c) => query.campaign_id === null || c.campaignId === query.campaign_id);
  const chosenLines = lines.filter(
    (l) => l.collab !== null && (query.campaign_id === null || l.collab.campaignId === query.campaign_id),
  );
  // A line counts in its own currency, whatever its campaign's (an assigned line may differ).
  const currencies = [...new Set([...chosen.map((c) => c.currency), ...chosenLines.map((l) => l.currency)])];
  let reports = currencies
    .map((currency) =>
      currencyReport(
        currency,
        chosen.filter((c) => c.currency === currency),
        chosenLines.filter((l) => l.currency === currency),
      ),
    )
    .filter((r) => r.total.ledger.orders > 0 || r.total.net.creator_cost.value.minor > 0)
    // As Rust orders them: most orders first, then by code.
    .sort((a, b) => b.total.ledger.orders - a.total.ledger.orders || a.currency.localeCompare(b.currency));
  const warnings = productWarnings(chosenLines);
  const shipped = chosen.filter((c) => c.foreignShipping > 0);
  let conversion: Conversion | null = null;
  if (query.currency !== null) {
    const to = query.currency;
    if (rates && rates.to !== to) {
      fail(
        "invalid_input",
        `the saved exchange rates convert into ${rates.to}, not ${to}: change them under Exchange rates`,
      );
    }
    const target: Conversion = rates ?? { to, rates: [] };
    // The foreign shipping, as a report of its own in its currency, converted and added with the rest.
    const shipping = shipped.length
      ? [
          currencyReport(
            SHIPPING_CURRENCY,
            shipped.map((c) => ({
              ...c,
              currency: SHIPPING_CURRENCY,
              flatFee: 0,
              sampleCost: c.foreignShipping,
            })),
            [],
          ),
        ]
      : [];
    const converted = [...reports, ...shipping].map((r) => {
      if (r.currency === to) return r;
      const rate = target.rates.find((x) => x.from === r.currency);
      if (!rate) {
        fail(
          "invalid_input",
          `there is no exchange rate from ${r.currency} to ${to}: add it under Exchange rates, or keep currencies apart`,
        );
      }
      return convert(r, to, rate.rate_micros);
    });
    reports = converted.length > 0 ? [merge(converted, to)] : [];
    conversion = target;
  } else {
    for (const c of shipped) {
      warnings.push(
        `The ${money(c.foreignShipping, SHIPPING_CURRENCY)} shipping of ${c.handle}'s sample is not counted: it is not in ${c.currency}, the campaign's currency.`,
      );
    }
  }
  const outcomes = collabs.filter((c) => c.stage === "completed").length;
  return {
    currencies: reports,
    conversion,
    funnel: funnel(chosen, chosenLines),
    unattributed_lines: lines.filter((l) => l.collab === null).length,
    learning: { outcomes, new_since_training: Math.min(outcomes, 14), suggest_retrain: outcomes >= 10 },
    warnings,
  };
}

/** The unattributed lines a query asks for: its period (by order day) and creator. */
function open(lines: Line[], q: UnattributedQuery | undefined): Line[] {
  return lines.filter(
    (l) =>
      l.collab === null &&
      (!q?.from || l.createdAt.slice(0, 10) >= q.from) &&
      (!q?.to || l.createdAt.slice(0, 10) <= q.to) &&
      (q?.without_creator ? l.handle === null : !q?.creator || l.handle === q.creator),
  );
}

/** The unattributed lines grouped by creator, most orders first. */
export function unattributedGroups(
  lines: Line[],
  q: UnattributedQuery | undefined,
  offset: number,
  limit: number,
): UnattributedPage {
  const byHandle = new Map<string | null, Line[]>();
  for (const l of open(lines, q)) byHandle.set(l.handle, [...(byHandle.get(l.handle) ?? []), l]);
  const groups: UnattributedCreator[] = [...byHandle.entries()].map(([handle, ls]) => {
    const paid = new Map<string, number>();
    for (const l of ls) paid.set(l.currency, (paid.get(l.currency) ?? 0) + l.payment);
    const times = ls.map((l) => l.createdAt).sort();
    return {
      creator: handle,
      creator_id: ls[0]?.creatorId ?? null,
      orders: new Set(ls.map((l) => l.orderId)).size,
      lines: ls.length,
      payment: [...paid.entries()].map(([currency, minor]) => ({ minor, currency })),
      first_at: times[0] ?? "",
      last_at: times[times.length - 1] ?? "",
      reason: ls[0]?.reason ?? "",
      campaigns: [],
    };
  });
  groups.sort((a, b) => b.orders - a.orders || b.last_at.localeCompare(a.last_at));
  return {
    total: groups.length,
    lines: groups.reduce((n, g) => n + g.lines, 0),
    groups: groups.slice(offset, offset + limit),
  };
}

/** A page of the lines no collaboration claims, newest first. */
export function unattributed(
  lines: Line[],
  offset: number,
  limit: number,
  q?: UnattributedQuery,
): UnattributedOrder[] {
  return open(lines, q)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(offset, offset + limit)
    .map((l) => ({
      line_id: l.lineId,
      order_id: l.orderId,
      product: l.product.name,
      creator: l.handle,
      creator_id: l.creatorId,
      created_at: l.createdAt,
      payment: { minor: l.payment, currency: l.currency },
      reason: l.reason,
    }));
}
