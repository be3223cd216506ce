import { describe, expect, it } from "vitest";
import {
  describePeriod,
  loadPeriod,
  periodDays,
  periodProblems,
  savePeriod,
  type PeriodChoice,
} from "./results-period";

const today = new Date(2026, 10, 30, 15, 0); // 30 Nov 2026, afternoon
const preset = (p: PeriodChoice["preset"]): PeriodChoice => ({ preset: p, from: null, to: null });
const plain = (s: string) => s.replace(/\s/g, " ");

describe("results period", () => {
  it("turns each preset into first and last day, both included", () => {
    expect(periodDays(preset("last_7"), today)).toEqual({ from: "2026-11-24", to: "2026-11-30" });
    expect(periodDays(preset("last_30"), today)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(periodDays(preset("last_90"), today)).toEqual({ from: "2026-09-02", to: "2026-11-30" });
    expect(periodDays(preset("this_month"), today)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(periodDays(preset("all"), today)).toEqual({ from: null, to: null });
    expect(periodDays({ preset: "custom", from: "2026-10-01", to: "" }, today)).toEqual({
      from: "2026-10-01",
      to: null,
    });
  });

  it("says the period in words, in the seller's locale", () => {
    expect(plain(describePeriod(preset("this_month"), today, "en-GB"))).toBe("1 – 30 Nov 2026");
    expect(plain(describePeriod(preset("last_30"), today, "en-US"))).toBe("Nov 1 – 30, 2026");
    expect(describePeriod(preset("all"), today)).toBe("all time");
    expect(describePeriod({ preset: "custom", from: "2026-10-01", to: null }, today, "en-GB")).toBe(
      "since 1 Oct 2026",
    );
  });

  it("refuses an end before the start, naming the field", () => {
    expect(periodProblems({ preset: "custom", from: "2026-12-01", to: "2026-11-30" })).toEqual({
      to: "The period ends before it starts: choose an end on or after the start",
    });
    expect(periodProblems({ preset: "custom", from: "2026-11-30", to: "2026-11-30" })).toEqual({});
    expect(periodProblems({ preset: "custom", from: "30/11", to: null })).toHaveProperty("from");
    expect(periodProblems(preset("last_7"))).toEqual({});
  });

  it("is remembered per workspace", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    savePeriod("/a.scout", preset("last_30"), storage);
    savePeriod("/b.scout", { preset: "custom", from: "2026-11-01", to: "2026-11-15" }, storage);
    expect(loadPeriod("/a.scout", storage)).toEqual(preset("last_30"));
    expect(loadPeriod("/b.scout", storage)).toEqual({
      preset: "custom",
      from: "2026-11-01",
      to: "2026-11-15",
    });
    expect(loadPeriod("/c.scout", storage)).toEqual(preset("all"));
    store.set("scout.results.period:/d.scout", "{not json");
    expect(loadPeriod("/d.scout", storage)).toEqual(preset("all"));
  });
});
