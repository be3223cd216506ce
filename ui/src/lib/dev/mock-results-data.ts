// DEVELOPMENT ONLY — the results mock's made-up shop: products, campaigns and handles, and `generate`,
// which builds collaborations and their affiliate order lines from a seed (the same seed, the same data).
// Every handle, order id and amount is synthetic; none is a real account or order.
import { random } from "./synthetic";
import { currencyFractionDigits } from "../common/format";
import type { Conversion, Stage } from "../common/types";

export type Mode = "empty" | "one" | "multi";

export interface Product {
  name: string;
  price: number;
  unitCost: number;
  /** False for a product no campaign names: Rust can't know its unit cost, so it counts none. */
  named?: boolean;
}

export interface Collab {
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

export interface Line {
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

/** What the mock holds: collaborations, order lines (`collab` null: unattributed) and the saved rates. */
export interface ResultsData {
  collabs: Collab[];
  lines: Line[];
  rates: Conversion | null;
}

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
export const SHIPPING_CURRENCY = "USD";

const DAY = 86_400_000;

/** The collaborations, their order lines (and some no collaboration claims), and the saved rates. */
export function generate(which: Exclude<Mode, "empty">): ResultsData {
  const rnd = random(which === "multi" ? 777 : 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const today = Date.UTC(2026, 10, 20);
  const collabs: Collab[] = [];
  const lines: Line[] = [];
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
  const rates: Conversion | null =
    which === "multi" ? { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] } : null;
  return { collabs, lines, rates };
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
