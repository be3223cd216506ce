// What the seller types for money and percentages, and what crosses IPC: money in integer minor units
// of its currency, rates in basis points. Parsing works on the digits as text, never through floating
// point, so "19.99" is exactly 1999 cents. How many decimals a currency has is Rust's ISO 4217 table
// (`currencyFractionDigits`, from bindings/currency-decimals.json), never Intl's: IDR has two.
import { currencyFractionDigits } from "./format";
import type { Money } from "./types";

/** Digits, one optional point and a sign; thousands separators, spaces and currency symbols are ignored. */
function decimalParts(input: string): { negative: boolean; whole: string; fraction: string } | null {
  const cleaned = input.trim().replace(/[\s,_$€£¥]/g, "");
  const match = /^([-−]?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  return { negative: match[1] !== "", whole: match[2] ?? "", fraction: match[3] ?? "" };
}

function scaled(input: string, digits: number): number | null {
  const parts = decimalParts(input);
  if (!parts || parts.fraction.length > digits) return Number.NaN;
  const value = Number(parts.whole || "0") * 10 ** digits + Number(parts.fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(value)) return Number.NaN;
  return parts.negative ? -value : value;
}

/**
 * An amount typed in major units as minor units: "12.5" USD → 1250, "1,200" JPY → 1200. "" is null
 * (nothing typed); text that isn't an amount, or has more decimals than the currency, is NaN.
 */
export function parseMajor(input: string, currency: string): number | null {
  if (input.trim() === "") return null;
  return scaled(input, currencyFractionDigits(currency));
}

/** Minor units as the text an input shows: 1250 USD → "12.50", 1200 USD → "12", 1200 JPY → "1200". */
export function majorInput(minor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = digits === 0 ? 0 : abs % 10 ** digits;
  const text = fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, "0")}`;
  return negative ? `-${text}` : text;
}

/** A percentage typed by the seller as basis points: "15" → 1500, "2.75" → 275. "" is null; junk is NaN. */
export function parsePercent(input: string): number | null {
  if (input.trim() === "") return null;
  return scaled(input.replace(/%\s*$/, ""), 2);
}

/** Basis points as the text an input shows: 1500 → "15", 275 → "2.75". */
export function percentInput(basisPoints: number): string {
  const text = (basisPoints / 100).toFixed(2);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** Price − unit cost, and what share of the price that is (basis points); null when either is unknown. */
export function margin(price: Money | null, unitCost: Money | null): { money: Money; rateBp: number } | null {
  if (price === null || unitCost === null || price.currency !== unitCost.currency || price.minor <= 0) {
    return null;
  }
  const minor = price.minor - unitCost.minor;
  return { money: { minor, currency: price.currency }, rateBp: Math.round((minor / price.minor) * 10_000) };
}
