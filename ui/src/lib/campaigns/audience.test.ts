import { describe, expect, it } from "vitest";
import { addKeywords, addsUp, countryCode, normalise, nudge, shareAt, total, TYPICAL_AGE } from "./audience";

describe("age histogram", () => {
  it("normalises to exactly 100 %, keeping proportions", () => {
    expect(normalise([5000, 5000, 0, 0, 0, 0])).toEqual([5000, 5000, 0, 0, 0, 0]);
    expect(normalise([1000, 1000, 1000, 0, 0, 0])).toEqual([3334, 3333, 3333, 0, 0, 0]);
    expect(normalise([2000, 6000, 6000, 0, 3000, 0])).toEqual([1177, 3529, 3529, 0, 1765, 0]);
    for (const shares of [
      [1, 2, 3, 4, 5, 6],
      [9999, 1, 0, 0, 0, 0],
      [700, 700, 700, 700, 700, 700],
    ]) {
      expect(total(normalise(shares))).toBe(10_000);
    }
  });

  it("leaves all-zero shares alone (there is nothing to scale)", () => {
    expect(normalise([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it("accepts what Rust accepts: 100 % give or take 1 %", () => {
    expect(addsUp(TYPICAL_AGE)).toBe(true);
    expect(addsUp([5050, 5000])).toBe(true);
    expect(addsUp([5200, 5000])).toBe(false);
    expect(addsUp([9000])).toBe(false);
  });

  it("maps a pointer position on a bar to a share in whole percents", () => {
    expect(shareAt(0, 120)).toBe(10_000);
    expect(shareAt(120, 120)).toBe(0);
    expect(shareAt(60, 120)).toBe(5_000);
    expect(shareAt(31, 120)).toBe(7_400);
    expect(shareAt(-40, 120)).toBe(10_000);
    expect(shareAt(500, 120)).toBe(0);
    expect(shareAt(10, 0)).toBe(0);
  });

  it("moves a share by keyboard within 0–100 %", () => {
    expect(nudge(3500, 100)).toBe(3600);
    expect(nudge(50, -100)).toBe(0);
    expect(nudge(9950, 1000)).toBe(10_000);
  });
});

describe("countries and keywords", () => {
  it("reads two-letter country codes in any case", () => {
    expect(countryCode(" us ")).toBe("US");
    expect(countryCode("USA")).toBeNull();
    expect(countryCode("1A")).toBeNull();
  });

  it("adds keywords split on commas, without blanks or repeats in any case", () => {
    expect(addKeywords(["skincare"], "Serum,  glow , SKINCARE,,").keywords).toEqual([
      "skincare",
      "Serum",
      "glow",
    ]);
  });

  it("says why a keyword was not added", () => {
    const long = addKeywords([], "x".repeat(41));
    expect(long.keywords).toEqual([]);
    expect(long.problem).toMatch(/longer than 40/);
    const full = addKeywords(
      Array.from({ length: 30 }, (_, i) => `k${i}`),
      "one more",
    );
    expect(full.keywords).toHaveLength(30);
    expect(full.problem).toMatch(/At most 30/);
  });
});
