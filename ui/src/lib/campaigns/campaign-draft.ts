// The campaign editor's state ("draft"): what the seller typed, kept as text so half-typed numbers
// survive, and how it becomes a `CampaignSpec`. `buildSpec` is strict (what Save sends, with a hint per
// field when a rule Rust checks is broken); `previewSpec` is lenient (what the live ranking uses while
// the seller is still dragging bars that don't add up yet).
import { majorInput, parseMajor, parsePercent, percentInput } from "../common/amounts";
import {
  addsUp,
  AGE_BANDS,
  countryCode,
  FULL,
  MAX_KEYWORD_CHARS,
  MAX_KEYWORDS,
  normalise,
  TYPICAL_AGE,
  total,
} from "./audience";
import type { CampaignSpec, Money } from "../common/types";

export { CATEGORIES, CURRENCIES } from "../bindings/lists";

export type CountryWeight = { country: string; percent: string };

export type Draft = {
  name: string;
  productName: string;
  /** TikTok Shop's id for the product: needed to send target collaborations. */
  tiktokProductId: string;
  category: string | null;
  currency: string;
  price: string;
  unitCost: string;
  anyAge: boolean;
  /** One share per band of `AGE_BANDS`, basis points; kept while "any age" is on. */
  age: number[];
  anyGender: boolean;
  /** Female share in basis points; male is the rest. */
  female: number;
  countries: CountryWeight[];
  keywords: string[];
  commissionMin: string;
  commissionMax: string;
  sampleBudget: string;
  flatFeeBudget: string;
  roiTarget: string;
};

/** A hint per field, keyed like Rust's error `field` ("audience.age", "commission.max", …). */
export type Problems = Partial<Record<string, string>>;

export function emptyDraft(): Draft {
  return {
    name: "",
    productName: "",
    tiktokProductId: "",
    category: null,
    currency: "USD",
    price: "",
    unitCost: "",
    anyAge: true,
    age: [...TYPICAL_AGE],
    anyGender: true,
    female: 5_000,
    countries: [],
    keywords: [],
    commissionMin: "10",
    commissionMax: "20",
    sampleBudget: "0",
    flatFeeBudget: "0",
    roiTarget: "",
  };
}

/** The optional TikTok Shop product id, left out when not given (as Rust leaves it out). */
function tiktokProductId(draft: Draft): { tiktok_product_id?: string } {
  const id = draft.tiktokProductId.trim();
  return id === "" ? {} : { tiktok_product_id: id };
}

export function draftFromSpec(spec: CampaignSpec): Draft {
  const currency = spec.product.price.currency;
  const age = AGE_BANDS.map((band) => spec.audience.age.find((entry) => entry.band === band)?.share ?? 0);
  return {
    name: spec.name,
    productName: spec.product.name,
    tiktokProductId: spec.product.tiktok_product_id ?? "",
    category: spec.product.category,
    currency,
    price: majorInput(spec.product.price.minor, currency),
    unitCost: majorInput(spec.product.unit_cost.minor, spec.product.unit_cost.currency),
    anyAge: spec.audience.age.length === 0,
    age: spec.audience.age.length === 0 ? [...TYPICAL_AGE] : age,
    anyGender: spec.audience.gender === null,
    female: spec.audience.gender?.female ?? 5_000,
    countries: spec.audience.countries.map((entry) => ({
      country: entry.country,
      percent: percentInput(entry.share),
    })),
    keywords: [...spec.audience.keywords],
    commissionMin: percentInput(spec.commission.min),
    commissionMax: percentInput(spec.commission.max),
    sampleBudget: majorInput(spec.sample_budget.minor, spec.sample_budget.currency),
    flatFeeBudget: majorInput(spec.flat_fee_budget.minor, spec.flat_fee_budget.currency),
    roiTarget: spec.roi_target_percent === null ? "" : String(spec.roi_target_percent),
  };
}

const MAX_NAME = 120;

function nameProblem(value: string): string | undefined {
  if (value.trim() === "") return "Enter a name.";
  if ([...value].length > MAX_NAME) return `At most ${MAX_NAME} characters.`;
  return undefined;
}

function moneyOf(input: string, currency: string): Money | null {
  const minor = parseMajor(input, currency);
  return minor === null || Number.isNaN(minor) ? null : { minor, currency };
}

/** The country weights as basis points, dropping rows with no code typed yet. */
export function countryShares(countries: readonly CountryWeight[]): { country: string; share: number }[] {
  return countries
    .filter((row) => row.country.trim() !== "")
    .map((row) => ({ country: row.country.trim().toUpperCase(), share: parsePercent(row.percent) ?? 0 }));
}

/** What Save sends, or the hints that stop it: every rule Rust checks, so most mistakes never travel. */
export function buildSpec(draft: Draft): { spec: CampaignSpec | null; problems: Problems } {
  const problems: Problems = {};
  const note = (field: string, problem: string | undefined) => {
    if (problem !== undefined && problems[field] === undefined) problems[field] = problem;
  };
  const { currency } = draft;
  note("name", nameProblem(draft.name));
  note("product.name", nameProblem(draft.productName));

  const price = parseMajor(draft.price, currency);
  if (price === null) note("product.price", "Enter the price.");
  else if (Number.isNaN(price)) note("product.price", `Not an amount in ${currency}.`);
  else if (price <= 0) note("product.price", "Must be above zero.");
  const cost = parseMajor(draft.unitCost, currency);
  if (cost !== null && Number.isNaN(cost)) note("product.unit_cost", `Not an amount in ${currency}.`);
  else if (cost !== null && cost < 0) note("product.unit_cost", "Must not be negative.");

  const min = parsePercent(draft.commissionMin);
  const max = parsePercent(draft.commissionMax);
  for (const [field, value] of [
    ["commission.min", min],
    ["commission.max", max],
  ] as const) {
    if (value === null || Number.isNaN(value)) note(field, "Enter a percentage, e.g. 15.");
    else if (value < 100 || value > 8_000) note(field, "TikTok Shop allows 1–80 %.");
  }
  if (min !== null && max !== null && min > max) note("commission.min", "Above the maximum.");

  for (const field of ["sample_budget", "flat_fee_budget"] as const) {
    const typed = field === "sample_budget" ? draft.sampleBudget : draft.flatFeeBudget;
    const value = parseMajor(typed, currency);
    if (value !== null && Number.isNaN(value)) note(field, `Not an amount in ${currency}.`);
    else if (value !== null && value < 0) note(field, "Must not be negative.");
  }

  const roi = draft.roiTarget.trim() === "" ? null : Number(draft.roiTarget.trim().replace(/%$/, ""));
  if (roi !== null && (!Number.isInteger(roi) || roi < 0 || roi > 100_000)) {
    note("roi_target_percent", "A whole percentage, e.g. 150 (or leave empty).");
  }

  if (!draft.anyAge && total(draft.age) === 0)
    note("audience.age", "Set at least one band, or choose any age.");
  else if (!draft.anyAge && !addsUp(draft.age)) note("audience.age", "Shares must add up to 100 %.");

  const countries = countryShares(draft.countries);
  const codes = countries.map((entry) => countryCode(entry.country));
  if (codes.some((code) => code === null))
    note("audience.countries", "Use two-letter codes such as US or GB.");
  else if (new Set(codes).size !== codes.length) note("audience.countries", "A country is listed twice.");
  else if (countries.some((entry) => Number.isNaN(entry.share)))
    note("audience.countries", "A weight is not a percentage.");
  else if (countries.length > 0 && !addsUp(countries.map((entry) => entry.share))) {
    note("audience.countries", "Weights must add up to 100 %.");
  }
  if (draft.keywords.length > MAX_KEYWORDS) note("audience.keywords", `At most ${MAX_KEYWORDS} keywords.`);

  if (Object.keys(problems).length > 0) return { spec: null, problems };
  return { spec: specOf(draft, { price: price ?? 0, min: min ?? 0, max: max ?? 0, roi }), problems };
}

function specOf(
  draft: Draft,
  numbers: { price: number; min: number; max: number; roi: number | null },
): CampaignSpec {
  const { currency } = draft;
  const money = (input: string): Money => moneyOf(input, currency) ?? { minor: 0, currency };
  return {
    name: draft.name.trim(),
    product: {
      name: draft.productName.trim(),
      ...tiktokProductId(draft),
      category: draft.category,
      price: { minor: numbers.price, currency },
      unit_cost: money(draft.unitCost),
    },
    audience: {
      age: draft.anyAge
        ? []
        : AGE_BANDS.map((band, index) => ({ band, share: draft.age[index] ?? 0 })).filter((a) => a.share > 0),
      gender: draft.anyGender ? null : { female: draft.female, male: FULL - draft.female, other: 0 },
      countries: countryShares(draft.countries).filter((entry) => entry.share > 0),
      keywords: [...draft.keywords],
    },
    commission: { min: numbers.min, max: numbers.max },
    sample_budget: money(draft.sampleBudget),
    flat_fee_budget: money(draft.flatFeeBudget),
    roi_target_percent: numbers.roi,
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A spec Rust will rank even while the draft is unfinished: blank names and prices get stand-ins, age
 * and country shares are scaled to 100 %, commission is kept inside 1–80 %. `scaled` says whether shares
 * had to be scaled, so the screen can say the preview assumes it.
 */
export function previewSpec(draft: Draft): { spec: CampaignSpec; scaled: boolean } {
  const { currency } = draft;
  const positive = (input: string, fallback: number) => {
    const value = parseMajor(input, currency);
    return value === null || Number.isNaN(value) ? fallback : Math.max(0, value);
  };
  const percent = (input: string, fallback: number) => {
    const value = parsePercent(input);
    return value === null || Number.isNaN(value) ? fallback : clamp(value, 100, 8_000);
  };
  const min = percent(draft.commissionMin, 1_000);
  const max = Math.max(min, percent(draft.commissionMax, 2_000));
  const ages = draft.anyAge ? [] : draft.age;
  const seen = new Set<string>();
  const countries = countryShares(draft.countries).filter((entry) => {
    const code = countryCode(entry.country);
    if (code === null || seen.has(code) || !(entry.share > 0)) return false;
    seen.add(code);
    return true;
  });
  const ageShares = normalise(ages);
  const countryWeights = normalise(countries.map((entry) => entry.share));
  const scaled =
    (ages.length > 0 && total(ages) > 0 && !addsUp(ages)) ||
    (countries.length > 0 && !addsUp(countries.map((entry) => entry.share)));
  const roi = Number(draft.roiTarget);
  const spec: CampaignSpec = {
    name: draft.name.trim().slice(0, MAX_NAME) || "Untitled campaign",
    product: {
      name: draft.productName.trim().slice(0, MAX_NAME) || "Product",
      ...tiktokProductId(draft),
      category: draft.category,
      price: { minor: Math.max(1, positive(draft.price, 1)), currency },
      unit_cost: { minor: positive(draft.unitCost, 0), currency },
    },
    audience: {
      age: AGE_BANDS.map((band, index) => ({ band, share: ageShares[index] ?? 0 })).filter(
        (a) => a.share > 0,
      ),
      gender: draft.anyGender ? null : { female: draft.female, male: FULL - draft.female, other: 0 },
      countries: countries
        .map((entry, index) => ({ country: entry.country, share: countryWeights[index] ?? 0 }))
        .filter((entry) => entry.share > 0),
      keywords: draft.keywords
        .filter((word) => word.trim() !== "" && [...word].length <= MAX_KEYWORD_CHARS)
        .slice(0, MAX_KEYWORDS),
    },
    commission: { min, max },
    sample_budget: { minor: positive(draft.sampleBudget, 0), currency },
    flat_fee_budget: { minor: positive(draft.flatFeeBudget, 0), currency },
    roi_target_percent: Number.isInteger(roi) && roi > 0 && roi <= 100_000 ? roi : null,
  };
  return { spec, scaled };
}

/**
 * Rust's message for a field, without the field's own name in front: "campaign field 'audience.age'
 * shares add up to 90.00 %, not 100 %" → "Shares add up to 90.00 %, not 100 %."
 */
export function fieldMessage(message: string, field: string): string {
  const prefix = new RegExp(`^campaign field '${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'\\s*`);
  const text = message.replace(prefix, "").trim();
  if (text === "") return message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * What a field's value is in the draft, as text: an error Rust gave about a field stays beside it until
 * the seller changes that field.
 */
export function fieldSnapshot(draft: Draft, field: string): string {
  const parts: Record<string, unknown> = {
    name: draft.name,
    "product.name": draft.productName,
    "product.tiktok_product_id": draft.tiktokProductId,
    "product.category": draft.category,
    "product.price": [draft.price, draft.currency],
    "product.unit_cost": [draft.unitCost, draft.currency],
    "commission.min": [draft.commissionMin, draft.commissionMax],
    "commission.max": [draft.commissionMin, draft.commissionMax],
    sample_budget: [draft.sampleBudget, draft.currency],
    flat_fee_budget: [draft.flatFeeBudget, draft.currency],
    roi_target_percent: draft.roiTarget,
    "audience.age": [draft.anyAge, draft.age],
    "audience.gender": [draft.anyGender, draft.female],
    "audience.countries": draft.countries,
    "audience.keywords": draft.keywords,
  };
  return JSON.stringify(field in parts ? parts[field] : draft);
}

/** The fields the editor shows, in the order they appear (the first one with a problem gets focus). */
export const EDITOR_FIELDS = [
  "name",
  "product.name",
  "product.category",
  "product.price",
  "product.unit_cost",
  "audience.age",
  "audience.gender",
  "audience.countries",
  "audience.keywords",
  "commission.min",
  "commission.max",
  "sample_budget",
  "flat_fee_budget",
  "roi_target_percent",
] as const;
