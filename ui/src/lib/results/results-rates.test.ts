import { describe, expect, it } from "vitest";
import {
  currenciesNamed,
  describeConversion,
  formatRateMicros,
  parseRateMicros,
  ratesDraft,
  validateRates,
} from "./results-rates";

describe("parseRateMicros", () => {
  it("reads a decimal rate exactly, as millionths", () => {
    expect(parseRateMicros("1.27")).toBe(1_270_000);
    expect(parseRateMicros(" 0.000063 ")).toBe(63);
    expect(parseRateMicros("15,800.5")).toBe(15_800_500_000);
    expect(parseRateMicros("4")).toBe(4_000_000);
    expect(parseRateMicros("")).toBeNull();
  });

  it("says what is wrong with anything else", () => {
    expect(parseRateMicros("1,08")).toEqual({ error: "Use a point for decimals: 1.08, not 1,08" });
    expect(parseRateMicros("abc")).toEqual({ error: "Type a number such as 1.0825" });
    expect(parseRateMicros("1.0000001")).toEqual({ error: "At most 6 decimals" });
    expect(parseRateMicros("0")).toEqual({ error: "A rate is more than 0" });
    expect(parseRateMicros("-1")).toEqual({ error: "Type a number such as 1.0825" });
    expect(parseRateMicros("1e3")).toEqual({ error: "Type a number such as 1.0825" });
  });

  it("round-trips with formatRateMicros", () => {
    for (const text of ["1.27", "0.213", "4700", "0.000001"]) {
      expect(formatRateMicros(parseRateMicros(text) as number)).toBe(text);
    }
  });
});

describe("ratesDraft", () => {
  it("starts from the saved rates into the same currency and adds a row per missing currency", () => {
    const saved = { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] };
    expect(ratesDraft(saved, ["USD", "GBP", "MYR"], "usd")).toEqual({
      to: "USD",
      rows: [
        { from: "GBP", rate: "1.27" },
        { from: "MYR", rate: "" },
      ],
    });
    expect(ratesDraft(saved, ["USD", "GBP"], "EUR").rows).toEqual([
      { from: "USD", rate: "" },
      { from: "GBP", rate: "" },
    ]);
  });
});

describe("validateRates", () => {
  it("turns a good form into a Conversion, dropping blank rows and upper-casing codes", () => {
    expect(
      validateRates({
        to: "usd",
        rows: [
          { from: "gbp", rate: "1.27" },
          { from: "", rate: "" },
        ],
      }),
    ).toEqual({ conversion: { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] }, errors: null });
  });

  it("keys every error by its field", () => {
    const result = validateRates({
      to: "US",
      rows: [
        { from: "GBP", rate: "" },
        { from: "GBP", rate: "1.2" },
        { from: "EURO", rate: "x" },
      ],
    });
    expect(result.conversion).toBeNull();
    expect(result.errors).toEqual({
      to: "A currency is a three-letter code such as USD",
      "rates.0.rate": "How many US is 1 GBP worth?",
      "rates.1.from": "GBP has a rate above",
      "rates.2.from": "A three-letter code such as EUR",
      "rates.2.rate": "Type a number such as 1.0825",
    });
    expect(validateRates({ to: "USD", rows: [{ from: "USD", rate: "1" }] }).errors).toEqual({
      "rates.0.from": "USD is the currency you convert into",
    });
    expect(validateRates({ to: "", rows: [] }).errors).toEqual({ to: "Choose the currency to convert into" });
  });

  it("describes a conversion", () => {
    expect(describeConversion({ to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] })).toBe(
      "1 GBP = 1.27 USD",
    );
  });
});

describe("currenciesNamed", () => {
  it("finds the form's currencies a refusal from Rust names, as whole codes", () => {
    const codes = ["GBP", "myr", "USD", ""];
    expect(currenciesNamed("the rate for GBP must be above 0", codes)).toEqual(new Set(["GBP"]));
    expect(currenciesNamed("MYR has more than one rate", codes)).toEqual(new Set(["MYR"]));
    expect(currenciesNamed("USD needs no rate: it is the report's currency", codes)).toEqual(
      new Set(["USD"]),
    );
    expect(currenciesNamed("USDT and EUR are not in the form", codes)).toEqual(new Set());
  });
});
