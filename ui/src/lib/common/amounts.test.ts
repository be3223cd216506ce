import { describe, expect, it } from "vitest";
import { majorInput, margin, parseMajor, parsePercent, percentInput } from "./amounts";

describe("money typed in major units", () => {
  it("becomes exact integer minor units", () => {
    expect(parseMajor("19.99", "USD")).toBe(1999);
    expect(parseMajor("0.1", "USD")).toBe(10);
    expect(parseMajor("1,234.5", "USD")).toBe(123_450);
    expect(parseMajor("$24", "USD")).toBe(2400);
    expect(parseMajor(".5", "USD")).toBe(50);
    expect(parseMajor("1200", "JPY")).toBe(1200);
  });

  it("is null when empty and NaN when it isn't an amount of that currency", () => {
    expect(parseMajor("  ", "USD")).toBeNull();
    expect(parseMajor("12.345", "USD")).toBeNaN();
    expect(parseMajor("12.5", "JPY")).toBeNaN();
    expect(parseMajor("twelve", "USD")).toBeNaN();
    expect(parseMajor("1.2.3", "USD")).toBeNaN();
    expect(parseMajor(".", "USD")).toBeNaN();
  });

  it("uses the currency's decimals as Rust counts them: IDR 2, JPY 0, KWD 3", () => {
    expect(parseMajor("12,345.67", "IDR")).toBe(1_234_567);
    expect(parseMajor("150000", "IDR")).toBe(15_000_000);
    expect(majorInput(15_000_050, "IDR")).toBe("150000.50");
    expect(parseMajor("1200", "JPY")).toBe(1200);
    expect(parseMajor("1200.5", "JPY")).toBeNaN();
    expect(majorInput(1200, "JPY")).toBe("1200");
    expect(parseMajor("1.5", "KWD")).toBe(1500);
    expect(majorInput(1_505, "KWD")).toBe("1.505");
  });

  it("keeps a sign so the editor can say negative amounts are refused", () => {
    expect(parseMajor("-5", "USD")).toBe(-500);
  });

  it("round-trips through the text an input shows", () => {
    expect(majorInput(1250, "USD")).toBe("12.50");
    expect(majorInput(1200, "USD")).toBe("12");
    expect(majorInput(5, "USD")).toBe("0.05");
    expect(majorInput(1200, "JPY")).toBe("1200");
    expect(majorInput(-1999, "USD")).toBe("-19.99");
    for (const minor of [0, 1, 99, 100, 123_456, 999_999_999]) {
      expect(parseMajor(majorInput(minor, "USD"), "USD")).toBe(minor);
    }
  });
});

describe("percentages", () => {
  it("become basis points and back", () => {
    expect(parsePercent("15")).toBe(1500);
    expect(parsePercent("2.75")).toBe(275);
    expect(parsePercent("12 %")).toBe(1200);
    expect(parsePercent("")).toBeNull();
    expect(parsePercent("1.234")).toBeNaN();
    expect(percentInput(1500)).toBe("15");
    expect(percentInput(275)).toBe("2.75");
    expect(percentInput(1250)).toBe("12.5");
    expect(percentInput(0)).toBe("0");
  });
});

describe("margin", () => {
  it("is price minus unit cost, with its share of the price", () => {
    expect(margin({ minor: 2400, currency: "USD" }, { minor: 600, currency: "USD" })).toEqual({
      money: { minor: 1800, currency: "USD" },
      rateBp: 7500,
    });
  });

  it("is unknown without a price or across currencies", () => {
    expect(margin(null, { minor: 600, currency: "USD" })).toBeNull();
    expect(margin({ minor: 2400, currency: "USD" }, { minor: 600, currency: "EUR" })).toBeNull();
    expect(margin({ minor: 0, currency: "USD" }, { minor: 0, currency: "USD" })).toBeNull();
  });
});
