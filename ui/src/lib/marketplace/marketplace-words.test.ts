import { describe, expect, it } from "vitest";
import {
  collectEstimate,
  describeCollected,
  describeEnriched,
  formatCountOrRange,
  formatMoneyOrRange,
} from "./marketplace-words";
import type { Collected, EnrichReport } from "../common/types";

const usd = (major: number) => ({ minor: major * 100, currency: "USD" });

describe("figures exact or as a range", () => {
  it("writes GMV exactly, or as the range a private creator shares", () => {
    expect(formatMoneyOrRange({ exact: usd(1234) })).toBe("$1.2K");
    expect(formatMoneyOrRange({ range: { min: usd(1000), max: usd(10000) } })).toBe("$1K–10K");
    expect(formatMoneyOrRange({ range: { min: usd(10000), max: null } })).toBe("$10K+");
    expect(formatMoneyOrRange({ range: { min: usd(0), max: usd(100) } })).toBe("$0–100");
    expect(formatMoneyOrRange(null)).toBe("—");
  });

  it("writes units exactly or as a range", () => {
    expect(formatCountOrRange({ exact: 1500 })).toBe("1.5K");
    expect(formatCountOrRange({ range: { min: 100, max: 1000 } })).toBe("100–1K");
    expect(formatCountOrRange({ min: 1000, max: null })).toBe("1K+");
    expect(formatCountOrRange(null)).toBe("—");
  });
});

describe("the budget a collection may spend", () => {
  const budget = { day: "2026-11-20", used: 2600, left: 7400 };

  it("estimates a search a page when the matches are known", () => {
    expect(collectEstimate(37_980, budget)).toEqual({
      searches: 1899,
      enough: true,
      text: "This can take about 1,899 searches; 7,400 of today's 10,000 left.",
    });
    expect(collectEstimate(200_000, budget).enough).toBe(false);
    expect(collectEstimate(5, budget).searches).toBe(1);
  });

  it("says 'up to' what is left when the matches are not known", () => {
    expect(collectEstimate(null, budget).text).toBe(
      "This can take up to 7,400 searches (7,400 of today's 10,000 left); the collection stops there and keeps what it found.",
    );
  });

  it("says when the day's budget is used up", () => {
    const spent = collectEstimate(null, { day: "2026-11-20", used: 10_000, left: 0 });
    expect(spent.enough).toBe(false);
    expect(spent.text).toContain("used up");
  });
});

describe("what a run did, in words", () => {
  const collected: Collected = {
    creators: [],
    requests: 336,
    splits: 9,
    unreadable: ["row 4: no open id"],
    incomplete: [],
    stopped: "cancelled",
  };

  it("a collection: found, split, stopped and incomplete in plain words", () => {
    const lines = describeCollected({
      ...collected,
      stopped: "cancelled; the creators found so far are kept",
      incomplete: [collected as never],
    });
    expect(lines[0]).toBe(
      "Found 0 creators in 336 searches (the query was split 9 times to get past TikTok Shop's ~400-row limit).",
    );
    expect(lines[1]).toBe("It stopped before the end: cancelled; the creators found so far are kept.");
    expect(lines[2]).toContain("1 part of the search still reached the ~400-row limit");
    expect(lines[3]).toBe("1 row could not be read: row 4: no open id");
  });

  it("an enrichment: fetched, already fetched today, failed, stopped", () => {
    const report: EnrichReport = {
      asked: 40,
      skipped_fresh: 5,
      fetched: 33,
      counts: { rows_total: 33, created: 0, updated: 30, unchanged: 3, merged: 0, rejected: 0 },
      imports: [7],
      failed: [
        ["mk-1", "private"],
        ["mk-2", "not found"],
      ],
      stopped: null,
    };
    const said = describeEnriched(report);
    expect(said.headline).toBe("33 profiles fetched · 5 already fetched today · 2 failed (of 40 asked).");
    expect(said.notes).toEqual(["Stored as “TikTok Shop creator profiles”: 30 updated, 3 unchanged."]);
    expect(describeEnriched({ ...report, stopped: "cancelled" }).notes[1]).toContain(
      "Run it again to continue",
    );
    expect(describeEnriched({ ...report, asked: 0, fetched: 0 }).headline).toBe(
      "None of them has a TikTok Shop profile to fetch.",
    );
  });
});
