// The exchange-rates form: the currency a converted report is in, and one rate per other currency
// ("1 GBP = 1.27 USD"). Rates cross IPC as integer millionths (1.27 → 1,270,000), parsed from the
// digits as text, never through floating point. The form's own errors are keyed by field ("to",
// "rates.0.rate") so each shows beside its input; Rust's refusals (field "rates", the message naming the
// currency) show at the top of the form, with the rows of the currencies they name marked.
import type { Conversion } from "../common/types";

export interface RateDraftRow {
  from: string;
  rate: string;
}

export interface RatesDraft {
  to: string;
  rows: RateDraftRow[];
}

export type RatesErrors = Record<string, string>;

const CODE = /^[A-Z]{3}$/;
const MICROS = 1_000_000;

/** 1_270_000 → "1.27", 4_700_000_000 → "4700", 213_000 → "0.213". */
export function formatRateMicros(micros: number): string {
  const whole = Math.floor(micros / MICROS);
  const fraction = String(micros % MICROS)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/**
 * A rate typed by the seller as millionths: "1.27" → 1,270,000. "" is null; anything that isn't a plain
 * decimal number with at most six decimals is an error message.
 */
export function parseRateMicros(input: string): number | null | { error: string } {
  const text = input.trim().replace(/[\s_]/g, "");
  if (text === "") return null;
  // Commas only as thousands separators ("15,800.5"); any other comma is a decimal comma.
  if (text.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
    return { error: "Use a point for decimals: 1.08, not 1,08" };
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.replace(/,/g, ""));
  if (!match || (match[1] === "" && (match[2] ?? "") === ""))
    return { error: "Type a number such as 1.0825" };
  const fraction = match[2] ?? "";
  if (fraction.length > 6) return { error: "At most 6 decimals" };
  const micros = Number(match[1] || "0") * MICROS + Number(fraction.padEnd(6, "0") || "0");
  if (!Number.isSafeInteger(micros)) return { error: "That rate is too large" };
  if (micros <= 0) return { error: "A rate is more than 0" };
  return micros;
}

/**
 * The form for converting into `to`: the saved rates first (when they convert into `to`), then an empty
 * row for every other currency the report has, so the seller sees which rates are missing.
 */
export function ratesDraft(saved: Conversion | null, currencies: readonly string[], to: string): RatesDraft {
  const target = to.toUpperCase();
  const rows: RateDraftRow[] =
    saved && saved.to === target
      ? saved.rates
          .filter((rate) => rate.from !== target)
          .map((rate) => ({ from: rate.from, rate: formatRateMicros(rate.rate_micros) }))
      : [];
  for (const currency of currencies) {
    const code = currency.toUpperCase();
    if (code !== target && !rows.some((row) => row.from === code)) rows.push({ from: code, rate: "" });
  }
  return { to: target, rows };
}

/** The form as a `Conversion`, or the errors beside each field. Rows left entirely blank are dropped. */
export function validateRates(
  draft: RatesDraft,
): { conversion: Conversion; errors: null } | { conversion: null; errors: RatesErrors } {
  const errors: RatesErrors = {};
  const to = draft.to.trim().toUpperCase();
  if (to === "") errors.to = "Choose the currency to convert into";
  else if (!CODE.test(to)) errors.to = "A currency is a three-letter code such as USD";
  const rates: Conversion["rates"] = [];
  const seen = new Set<string>();
  draft.rows.forEach((row, index) => {
    const from = row.from.trim().toUpperCase();
    if (from === "" && row.rate.trim() === "") return;
    if (from === "") errors[`rates.${index}.from`] = "Which currency is this rate for?";
    else if (!CODE.test(from)) errors[`rates.${index}.from`] = "A three-letter code such as EUR";
    else if (from === to) errors[`rates.${index}.from`] = `${to} is the currency you convert into`;
    else if (seen.has(from)) errors[`rates.${index}.from`] = `${from} has a rate above`;
    seen.add(from);
    const rate = parseRateMicros(row.rate);
    if (rate === null)
      errors[`rates.${index}.rate`] = `How many ${to || "units"} is 1 ${from || "unit"} worth?`;
    else if (typeof rate === "object") errors[`rates.${index}.rate`] = rate.error;
    else rates.push({ from, rate_micros: rate });
  });
  if (Object.keys(errors).length > 0) return { conversion: null, errors };
  return { conversion: { to, rates }, errors: null };
}

/** "1 GBP = 1.27 USD · 1 MYR = 0.213 USD". */
export function describeConversion(conversion: Conversion): string {
  if (conversion.rates.length === 0) return `Everything is already in ${conversion.to}`;
  return conversion.rates
    .map((rate) => `1 ${rate.from} = ${formatRateMicros(rate.rate_micros)} ${conversion.to}`)
    .join(" · ");
}

/**
 * The form's currencies a refusal names: "GBP has more than one rate" → {"GBP"}. Whole three-letter codes
 * only, so "USD" is not found in "USDT".
 */
export function currenciesNamed(message: string, codes: readonly string[]): Set<string> {
  const words = new Set(message.match(/\b[A-Z]{3}\b/g) ?? []);
  return new Set(codes.map((code) => code.trim().toUpperCase()).filter((code) => words.has(code)));
}
