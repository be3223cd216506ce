// DEVELOPMENT ONLY — synthetic results for the in-browser mock backend: affiliate order lines attributed
// to made-up collaborations, the report Rust would build from them (ledgers, net results with their
// formulas, weeks, funnel), unattributed lines to assign, exchange rates and a results import.
// Every handle, order id and amount is generated from a seed; none is a real account or order.
//
// ?mockResults=1      one currency (USD); ?mockResults=multi  USD, GBP and MYR (kept apart), with the
//                     warnings Rust gives (a product no campaign names, sample shipping in another currency);
// absent or 0         no orders yet (the empty state) until "Import results…" adds the one-currency set.
// ?mockResultsImport=truncated  "Import results…" reports a large file: 500 issues listed, the rest counted.
// "Sync from TikTok Shop" (shown with ?mockTiktok=1) adds the one-currency set, then finds it unchanged.
// Campaign ids 1 and 3 match the first campaigns ?mockCampaigns=3 creates (2 is simulated there).
import type { Command } from "../bindings/commands";
import type { Channel } from "@tauri-apps/api/core";
import { random } from "./synthetic";
import { currencyFractionDigits } from "../common/format";
import type {
  Conversion,
  CurrencyReport,
  Funnel,
  ImportProgress,
  IpcError,
  Ledger,
  NetResult,
  PipelineCard,
  ReportRow,
  ResultsImportReport,
  ResultsQuery,
  ResultsReport,
  Stage,
  TimePoint,
  UnattributedOrder,
} from "../common/types";

type Mode = "empty" | "one" | "multi";

interface Product {
  name: string;
  price: number;
  unitCost: number;
  /** False for a product no campaign names: Rust can't know its unit cost, so it counts none. */
  named?: boolean;
}

interface Collab {
  campaignId: number;
  campaignName: string;
  creatorId: number;
  handle: string;
  currency: string;
  product: Product;
  stage: Stage;
  /** How far it got: 0 shortlisted … 4 posted. */
  reached: number;
  flatFee: number;
  sampleCost: number;
  commissionBp: number;
  since: string;
  /** The sample's shipping, paid in another currency than the campaign's (USD minor units). */
  foreignShipping: number;
}

interface Line {
  lineId: number;
  orderId: string;
  collab: Collab | null;
  handle: string | null;
  creatorId: number | null;
  product: Product;
  currency: string;
  createdAt: string;
  units: number;
  payment: number;
  refund: number;
  unitsRefunded: number;
  commissionEstimated: number;
  commissionPaid: number | null;
  reason: string;
}

function fail(code: IpcError["code"], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies IpcError;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CAMPAIGNS: Record<number, string> = {
  1: "Glow serum launch",
  3: "سيروم الترطيب — الخليج ✨ very long campaign name that should truncate",
};

const HANDLES = [
  "mia.carter",
  "liam_nguyen",
  "sofia.santos",
  "aiko.tanaka",
  "mateo.rossi",
  "chloe.dubois",
  "arjun.k",
  "lena.lindqvist",
  "kai.okafor",
  "zara.glow",
  "diego.garcia",
  "nina.beauty",
  "omar.skin",
  "ivy.routine",
  "hugo.reviews",
  "yuki.daily",
  "ana.makeup.and.skincare.with.a.very.long.handle",
  "leo.fit",
  "maya.مرحبا",
  "glowgirl✨🌸",
  "skin.by.sam",
  "theo.tries",
  "rosa.rituals",
  "ben.grooming",
];

const PRODUCTS: Record<string, Product[]> = {
  USD: [
    { name: "Glow serum 30 ml", price: 2400, unitCost: 600 },
    { name: "Glow serum 30 ml — twin pack", price: 4200, unitCost: 1200 },
  ],
  GBP: [{ name: "Glow serum 30 ml (UK)", price: 1999, unitCost: 520 }],
  MYR: [{ name: "Hydra serum 50 ml", price: 8900, unitCost: 2100 }],
};

/** Sold by some UK creators alongside the serum, but no campaign names it. */
const UNNAMED_PRODUCT: Product = {
  name: "Glow serum travel size 10 ml",
  price: 899,
  unitCost: 0,
  named: false,
};

/** The currency a few samples' shipping was paid in, apart from their campaign's. */
const SHIPPING_CURRENCY = "USD";

function money(minor: number, currency: string): string {
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

function addLine(l: Ledger, line: Line) {
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

function monday(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - shift * 86_400_000).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

/** What the handler returns for a command that isn't about results. */
export const NOT_RESULTS = Symbol("not a results command");

/** Rust's `Conversion::validate`: refusals with field "rates", naming the currency. */
function validateConversion(c: Conversion) {
  const seen = new Set<string>();
  for (const r of c.rates) {
    if (r.from === c.to)
      fail("invalid_input", `${r.from} needs no rate: it is the report's currency`, "rates");
    if (r.rate_micros <= 0) fail("invalid_input", `the rate for ${r.from} must be above 0`, "rates");
    if (seen.has(r.from)) fail("invalid_input", `${r.from} has more than one rate`, "rates");
    seen.add(r.from);
  }
}

/** Rust lists at most this many issues in an import report and counts the rest. */
const MAX_ISSUES = 500;

export function mockResults(mode: Mode, options: { importIssues?: "few" | "truncated" } = {}) {
  let collabs: Collab[] = [];
  let lines: Line[] = [];
  let rates: Conversion | null = null;
  let cancelRequested = false;

  function generate(which: Exclude<Mode, "empty">) {
    const rnd = random(which === "multi" ? 777 : 2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
    const today = Date.UTC(2026, 10, 20);
    collabs = [];
    lines = [];
    const plan: { campaignId: number; currency: string; creators: number }[] =
      which === "multi"
        ? [
            { campaignId: 1, currency: "USD", creators: 30 },
            { campaignId: 1, currency: "GBP", creators: 18 },
            { campaignId: 3, currency: "MYR", creators: 14 },
          ]
        : [
            { campaignId: 1, currency: "USD", creators: 34 },
            { campaignId: 3, currency: "USD", creators: 18 },
          ];
    // One id per handle: a creator in two campaigns (or two shops) is one creator.
    const ids = new Map<string, number>();
    let serial = 0;
    for (const part of plan) {
      const products = PRODUCTS[part.currency] ?? [];
      for (let i = 0; i < part.creators; i += 1) {
        serial += 1;
        const handle =
          i < HANDLES.length
            ? (HANDLES[(i + part.campaignId * 5) % HANDLES.length] ?? "x")
            : `creator_${part.currency.toLowerCase()}_${serial}`;
        const creatorId = ids.get(handle) ?? 100 + ids.size + 1;
        ids.set(handle, creatorId);
        const roll = rnd();
        const reached = roll < 0.18 ? 0 : roll < 0.34 ? 1 : roll < 0.5 ? 2 : roll < 0.62 ? 3 : 4;
        const stage: Stage =
          (["shortlisted", "invited", "replied", "agreed", "content_posted"] as const)[reached] ?? "invited";
        const scale = 10 ** (currencyFractionDigits(part.currency) - 2);
        const sampled = reached >= 3 && rnd() < 0.8;
        collabs.push({
          campaignId: part.campaignId,
          campaignName: CAMPAIGNS[part.campaignId] ?? `Campaign ${part.campaignId}`,
          creatorId,
          handle,
          currency: part.currency,
          product: pick(products),
          stage: reached === 4 && rnd() < 0.4 ? "completed" : stage,
          reached,
          flatFee:
            reached >= 3 && rnd() < 0.35 ? Math.round((50 + Math.floor(rnd() * 6) * 50) * 100 * scale) : 0,
          sampleCost: sampled ? Math.round((900 + rnd() * 900) * scale) : 0,
          commissionBp: 1200 + Math.floor(rnd() * 9) * 100,
          since: new Date(today - Math.floor(rnd() * 40) * DAY).toISOString(),
          foreignShipping: 0,
        });
      }
    }
    // Two Malaysian samples went out by a courier billed in USD: Rust leaves that shipping out of a
    // report kept apart (and says so), and converts it with the rest.
    if (which === "multi") {
      const [first, second] = collabs.filter((c) => c.currency === "MYR" && c.sampleCost > 0);
      if (first) first.foreignShipping = 850;
      if (second) second.foreignShipping = 1295;
    }
    let lineId = 5000;
    for (const collab of collabs) {
      if (collab.reached < 4 || rnd() < 0.15) continue;
      const count = Math.floor(rnd() ** 2 * 60) + 1;
      for (let n = 0; n < count; n += 1) {
        lineId += 1;
        // Some UK buyers add the travel size, which no campaign names (so its unit cost is unknown).
        const product = collab.currency === "GBP" && rnd() < 0.2 ? UNNAMED_PRODUCT : collab.product;
        lines.push(line(lineId, collab, product, collab.currency, today - Math.floor(rnd() * 84) * DAY, rnd));
      }
    }
    // Lines no collaboration claims, each with Rust's kind of reason.
    const usd = PRODUCTS.USD?.[0] ?? { name: "Glow serum 30 ml", price: 2400, unitCost: 600 };
    const strays = which === "multi" ? 9 : 23;
    for (let n = 0; n < strays; n += 1) {
      lineId += 1;
      const kind = n % 4;
      const known = collabs[(n * 7) % collabs.length];
      const created = today - Math.floor(rnd() * 60) * DAY;
      const stray = line(lineId, null, usd, "USD", created, rnd);
      if (kind === 0) {
        stray.handle = `@${pick(["noor.glow", "jess.tries.things", "beautybyrin", "kofi.cares"])}`;
        stray.reason = `${stray.handle} is not in the workspace`;
      } else if (kind === 1 && known) {
        stray.handle = `@${known.handle}`;
        stray.creatorId = known.creatorId;
        stray.reason = `no collaboration with @${known.handle} sells product 1731`;
      } else if (kind === 2 && known) {
        stray.handle = `@${known.handle}`;
        stray.creatorId = known.creatorId;
        const day = new Date(created).toISOString().slice(0, 10);
        const invited = new Date(created + (5 + (n % 20)) * DAY).toISOString().slice(0, 10);
        stray.reason = `ordered ${day}, before @${known.handle} was invited (${invited})`;
      } else {
        stray.handle = null;
        stray.reason = "the export names no creator for this order";
      }
      lines.push(stray);
    }
    rates = which === "multi" ? { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] } : null;
  }

  function line(
    lineId: number,
    collab: Collab | null,
    product: Product,
    currency: string,
    time: number,
    rnd: () => number,
  ): Line {
    const units = rnd() < 0.82 ? 1 : rnd() < 0.7 ? 2 : 3;
    const payment = product.price * units;
    const refunded = rnd() < 0.07 ? units : 0;
    const estimated = Math.round((payment * (collab?.commissionBp ?? 1500)) / 10_000);
    const settled = time < Date.UTC(2026, 10, 20) - 30 * DAY && refunded === 0;
    return {
      lineId,
      orderId: `57${String(7_300_000_000_000_000 + lineId * 7919).slice(0, 16)}`,
      collab,
      handle: collab ? `@${collab.handle}` : null,
      creatorId: collab?.creatorId ?? null,
      product,
      currency,
      createdAt: `${new Date(time).toISOString().slice(0, 10)}T${String(8 + (lineId % 13)).padStart(2, "0")}:${String(lineId % 60).padStart(2, "0")}:00`,
      units,
      payment,
      refund: refunded > 0 ? payment : 0,
      unitsRefunded: refunded,
      commissionEstimated: estimated,
      commissionPaid: settled ? Math.round(estimated * 0.97) : null,
      reason: "",
    };
  }

  function row(group: ReportRow["group"], id: number | null, label: string, ledger: Ledger): ReportRow {
    return { group, id, label, ledger, net: net(ledger) };
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

  function convert(report: CurrencyReport, to: string, micros: number): CurrencyReport {
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
  function merge(reports: CurrencyReport[], to: string): CurrencyReport {
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

  function report(query: ResultsQuery): ResultsReport {
    const chosen = collabs.filter((c) => query.campaign_id === null || c.campaignId === query.campaign_id);
    const chosenLines = lines.filter(
      (l) => l.collab !== null && (query.campaign_id === null || l.collab.campaignId === query.campaign_id),
    );
    // A line counts in its own currency, whatever its campaign's (an assigned line may differ).
    const currencies = [
      ...new Set([...chosen.map((c) => c.currency), ...chosenLines.map((l) => l.currency)]),
    ];
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

  function unattributed(offset: number, limit: number): UnattributedOrder[] {
    return lines
      .filter((l) => l.collab === null)
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

  async function importResults(
    path: string,
    onProgress: Channel<ImportProgress>,
  ): Promise<ResultsImportReport> {
    cancelRequested = false;
    const total = 1_843_200;
    for (let step = 1; step <= 24; step += 1) {
      await sleep(90);
      if (cancelRequested) fail("cancelled", "The import was cancelled.");
      onProgress.onmessage({
        rows_done: Math.round((612 * step) / 24),
        bytes_done: Math.round((total * step) / 24),
        bytes_total: total,
      });
    }
    if (collabs.length === 0) generate("one");
    const report = options.importIssues === "truncated" ? largeImport() : smallImport();
    // Rust names the file imported.
    return { ...report, file_name: path.split(/[\\/]/).pop() || report.file_name };
  }

  /** A sync from the TikTok Shop API: a pause for the pages, then the one-currency set and what it did. */
  async function syncResults(days: number): Promise<ResultsImportReport> {
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      throw {
        code: "invalid_input",
        message: `days: ${days}; sync between 1 and 365 days of orders`,
        field: "days",
      } satisfies IpcError;
    }
    await sleep(900);
    const first = collabs.length === 0;
    if (first) generate("one");
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

  function smallImport(): ResultsImportReport {
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
  function largeImport(): ResultsImportReport {
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

  if (mode !== "empty") generate(mode);

  return (command: string, args: Record<string, unknown>): unknown => {
    // Only names the shell registers (or its plugins') type-check as cases.
    switch (command as Command | `plugin:${string}`) {
      case "results_report":
        return report(args.query as ResultsQuery);
      case "import_results":
        return importResults(String(args.path ?? ""), args.onProgress as Channel<ImportProgress>);
      case "cancel_results_import":
        cancelRequested = true;
        return null;
      case "sync_results":
        return syncResults(Number(args.days));
      case "unattributed_orders":
        return unattributed(Number(args.offset), Number(args.limit));
      case "assign_orders": {
        const collab =
          collabs.find((c) => c.campaignId === args.campaignId && c.creatorId === args.creatorId) ??
          fail(
            "not_found",
            `creator ${String(args.creatorId)} has no collaboration in campaign ${String(args.campaignId)}`,
          );
        const ids = new Set(args.lineIds as number[]);
        let assigned = 0;
        for (const l of lines) {
          if (ids.has(l.lineId) && l.collab === null) {
            l.collab = collab;
            l.creatorId = collab.creatorId;
            l.handle = `@${collab.handle}`;
            assigned += 1;
          }
        }
        return assigned;
      }
      case "export_results": {
        const path = String(args.path);
        if (!/\.(csv|xlsx)$/i.test(path)) fail("invalid_input", `${path}: export to a .csv or .xlsx file`);
        const r = report(args.query as ResultsQuery);
        return r.currencies.reduce(
          (sum, c) => sum + c.by_campaign.length + c.by_creator.length + c.by_product.length + 1,
          0,
        );
      }
      case "exchange_rates":
        return rates;
      case "save_exchange_rates": {
        const conversion = args.conversion as Conversion | null;
        if (conversion) validateConversion(conversion);
        rates = conversion;
        return null;
      }
      case "pipeline_board": {
        const id = args.campaignId as number | null;
        return collabs
          .filter((c) => id === null || c.campaignId === id)
          .map((c): PipelineCard => ({
            campaign_id: c.campaignId,
            campaign_name: c.campaignName,
            creator_id: c.creatorId,
            handle: c.handle,
            display_name: null,
            followers: 4_000 + ((c.creatorId * 7919) % 400_000),
            stage: c.stage,
            since: c.since,
            offer_state: c.reached >= 1 ? "sent" : null,
            agreed_commission: c.reached >= 3 ? c.commissionBp : null,
          }));
      }
      default:
        return NOT_RESULTS;
    }
  };
}
