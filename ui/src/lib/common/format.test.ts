import { describe, expect, it, vi } from "vitest";
import {
  formatGmv,
  currencyFractionDigits,
  formatAge,
  formatBytes,
  formatCount,
  formatCountExact,
  formatClock,
  formatDate,
  formatDateRange,
  formatLocalDateTime,
  sellerLocale,
  formatMoney,
  formatRate,
  majorAmount,
  plural,
  UNKNOWN,
} from "./format";
import currencyDecimals from "../bindings/currency-decimals.json";

const NBSP = "\u00a0";

describe("formatCount", () => {
  it("writes large counts compactly", () => {
    expect(formatCount(1_234_567)).toBe("1.2M");
    expect(formatCount(30_812)).toBe("30.8K");
    expect(formatCount(950)).toBe("950");
    expect(formatCount(1_000)).toBe("1K");
  });

  it("keeps zero as zero but shows unknown as a dash, never 0", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(null)).toBe(UNKNOWN);
    expect(formatCount(undefined)).toBe(UNKNOWN);
  });

  it("gives the exact value for tooltips", () => {
    expect(formatCountExact(1_234_567)).toBe("1,234,567");
    expect(formatCountExact(null)).toBe(UNKNOWN);
  });
});

describe("formatRate", () => {
  it("turns basis points into a percentage with a non-breaking space", () => {
    expect(formatRate(342)).toBe(`3.4${NBSP}%`);
    expect(formatRate(10_000)).toBe(`100.0${NBSP}%`);
    expect(formatRate(1_250)).toBe(`12.5${NBSP}%`);
  });

  it("keeps a second decimal below 1 % so small rates don't all read 0.0 %", () => {
    expect(formatRate(5)).toBe(`0.05${NBSP}%`);
    expect(formatRate(0)).toBe(`0.0${NBSP}%`);
  });

  it("shows unknown as a dash", () => {
    expect(formatRate(null)).toBe(UNKNOWN);
  });
});

describe("formatMoney", () => {
  it("reads minor units with the currency's own number of decimals", () => {
    expect(formatMoney({ minor: 123_456, currency: "USD" })).toBe("$1,234.56");
    expect(formatMoney({ minor: 5, currency: "USD" })).toBe("$0.05");
    expect(formatMoney({ minor: -1999, currency: "EUR" })).toBe("-€19.99");
  });

  it("treats yen as a zero-decimal currency: 1234 minor units are ¥1,234, not ¥12.34", () => {
    expect(currencyFractionDigits("JPY")).toBe(0);
    expect(formatMoney({ minor: 1234, currency: "JPY" })).toBe("¥1,234");
    expect(formatMoney({ minor: 1_234_567, currency: "JPY" }, { compact: true })).toBe("¥1.2M");
  });

  it("knows three-decimal currencies", () => {
    expect(currencyFractionDigits("KWD")).toBe(3);
    expect(formatMoney({ minor: 1_500, currency: "KWD" })).toContain("1.500");
  });

  it("counts minor units as Rust does (ISO 4217), even where Intl's data disagrees", () => {
    // Intl gives IDR no decimals; Rust and ISO 4217 give it two. 1,234,567 minor units are Rp 12,345.67.
    expect(currencyFractionDigits("IDR")).toBe(2);
    expect(majorAmount({ minor: 1_234_567, currency: "IDR" })).toBe(12_345.67);
    // How many of those decimals to *show* is Intl's call (Node's ICU shows none, WebKit's two).
    expect(formatMoney({ minor: 1_234_567, currency: "IDR" })).toMatch(/^IDR\s12,3(46|45\.67)$/);
    expect(formatMoney({ minor: 1_600_000_000, currency: "IDR" }, { compact: true })).toBe(`IDR${NBSP}16M`);
    expect(currencyFractionDigits("JPY")).toBe(0);
    expect(majorAmount({ minor: 1234, currency: "JPY" })).toBe(1234);
    expect(currencyFractionDigits("HUF")).toBe(2);
    expect(currencyFractionDigits("VND")).toBe(0);
    expect(currencyFractionDigits("BHD")).toBe(3);
    expect(currencyFractionDigits("USD")).toBe(2);
  });

  it("takes every code from the table Rust exports", () => {
    for (const code of currencyDecimals.zero) expect(currencyFractionDigits(code)).toBe(0);
    for (const code of currencyDecimals.three) expect(currencyFractionDigits(code)).toBe(3);
  });

  it("writes compact amounts for table cells", () => {
    expect(formatMoney({ minor: 123_456_789, currency: "USD" }, { compact: true })).toBe("$1.2M");
  });

  it("falls back to the code for a currency Intl doesn't know", () => {
    expect(formatMoney({ minor: 1050, currency: "XX1" })).toBe(`10.50${NBSP}XX1`);
  });

  it("shows unknown as a dash, never $0.00", () => {
    expect(formatMoney(null)).toBe(UNKNOWN);
  });
});

describe("dates", () => {
  const now = new Date("2026-11-24T12:00:00Z");

  it("writes a day the seller's way: two locales, two orders", () => {
    expect(formatDate("2026-11-20", "en-GB")).toBe("20 Nov 2026");
    expect(formatDate("2026-11-20", "en-US")).toBe("Nov 20, 2026");
    expect(formatDate("2026-11-20", "de-DE")).toBe("20. Nov. 2026");
    expect(formatDate(new Date(2026, 10, 20, 23, 30).toISOString(), "en-GB")).toBe("20 Nov 2026");
    expect(formatDate(null)).toBe(UNKNOWN);
    expect(formatDate("soon", "en-GB")).toBe("soon");
  });

  it("takes the seller's locale from the webview's languages", () => {
    const languages = vi.spyOn(navigator, "languages", "get");
    languages.mockReturnValue(["en-GB", "en"]);
    expect(sellerLocale()).toBe("en-GB");
    expect(formatDate("2026-11-20")).toBe("20 Nov 2026");
    languages.mockReturnValue(["en-US"]);
    expect(formatDate("2026-11-20")).toBe("Nov 20, 2026");
    languages.mockRestore();
  });

  it("writes an export's shop time and a period in the seller's locale", () => {
    expect(formatLocalDateTime("2026-11-02 14:33:00", "en-GB")).toBe("2 Nov 2026, 14:33");
    expect(formatLocalDateTime("2026-11-02T09:05:00", "en-US")).toBe("Nov 2, 2026, 09:05");
    // Intl puts thin spaces around the dash; compared with plain ones.
    const range = (from: string, to: string, locale: string) =>
      formatDateRange(from, to, locale).replace(/\s/g, " ");
    expect(range("2026-11-01", "2026-11-30", "en-GB")).toBe("1 – 30 Nov 2026");
    expect(range("2026-10-15", "2026-11-30", "en-GB")).toBe("15 Oct – 30 Nov 2026");
    expect(range("2026-11-01", "2026-11-30", "en-US")).toBe("Nov 1 – 30, 2026");
    expect(formatDateRange("2026-11-01", "2026-11-01", "en-GB")).toBe("1 Nov 2026");
    expect(formatDateRange("2026-11-01", null, "en-GB")).toBe("since 1 Nov 2026");
    expect(formatDateRange(null, null)).toBe("all time");
  });

  it("says how old something is, briefly", () => {
    expect(formatAge("2026-11-20", now)).toBe("4 d ago");
    expect(formatAge("2026-11-24", now)).toBe("today"); // a date has no time of day: not "12 h ago"
    expect(formatAge("2026-11-23", now)).toBe("yesterday");
    expect(formatAge("2026-11-25", now)).toBe("in the future");
    expect(formatAge("2026-11-24T09:00:00Z", now)).toBe("3 h ago");
    expect(formatAge("2026-11-24T11:55:00Z", now)).toBe("5 min ago");
    expect(formatAge("2026-11-24T12:00:00Z", now)).toBe("just now");
    expect(formatAge("2026-06-01", now)).toBe("5 mo ago");
    expect(formatAge("2023-01-01", now)).toBe("3 y ago");
    expect(formatAge("not a date", now)).toBe(UNKNOWN);
  });
});

describe("small helpers", () => {
  it("formats byte counts", () => {
    expect(formatBytes(512)).toBe(`512${NBSP}B`);
    expect(formatBytes(1536)).toBe(`1.5${NBSP}KB`);
    expect(formatBytes(12_345_678)).toBe(`11.8${NBSP}MB`);
  });

  it("pluralises with grouped counts", () => {
    expect(plural(1, "creator")).toBe("1 creator");
    expect(plural(12_345, "creator")).toBe("12,345 creators");
  });
});

describe("formatClock", () => {
  const now = new Date(2026, 11, 6, 9, 30);
  it("says the time alone today and the day beside it otherwise", () => {
    expect(formatClock(new Date(2026, 11, 6, 14, 5).toISOString(), now)).toBe("14:05");
    expect(formatClock(new Date(2026, 11, 7, 0, 1).toISOString(), now, "en-GB")).toBe("7 Dec 00:01");
    expect(formatClock(new Date(2026, 11, 7, 0, 1).toISOString(), now, "en-US")).toBe("Dec 7 00:01");
    expect(formatClock(null, now)).toBe("—");
    expect(formatClock("soon", now)).toBe("soon");
  });
});

describe("formatGmv", () => {
  const usd = (major: number) => ({ minor: major * 100, currency: "USD" });
  it("shows a range as TikTok Shop does, and an exact amount as money", () => {
    expect(formatGmv(null, { low: usd(1_000), high: usd(10_000) }, { compact: true })).toBe("$1K–$10K");
    expect(formatGmv(null, { low: usd(10_000), high: null })).toBe("$10K+");
    expect(formatGmv(usd(42), null)).toBe("$42.00");
    expect(formatGmv(null, null)).toBe("—");
  });
});
