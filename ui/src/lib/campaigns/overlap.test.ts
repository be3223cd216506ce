import { describe, expect, it } from "vitest";
import { formatSimilarity, overlapHeadline, pairLines, similarityPercent, withoutDataLine } from "./overlap";
import type { AudienceOverlap } from "../common/types";

const NBSP = "\u00a0";

function overlap(patch: Partial<AudienceOverlap> = {}): AudienceOverlap {
  return {
    pairs: [
      { a: 1, b: 2, similarity: 0.862, alike: true },
      { a: 1, b: 3, similarity: null, alike: false },
      { a: 2, b: 3, similarity: 0.41, alike: false },
    ],
    followers_total: 38_000,
    followers_possibly_duplicated: 16_300,
    without_audience_data: 1,
    alike_from: 0.8,
    note: "Measured between audience profiles …",
    ...patch,
  };
}

describe("similarity", () => {
  it("is a whole percentage, rounded down so 80 % always means closely alike", () => {
    expect(similarityPercent(0.862)).toBe(86);
    expect(similarityPercent(0.7999)).toBe(79);
    expect(similarityPercent(0.8)).toBe(80);
    expect(similarityPercent(0.29)).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(similarityPercent(1)).toBe(100);
    expect(formatSimilarity(0.862)).toBe(`86${NBSP}%`);
    expect(formatSimilarity(null)).toBe("—");
  });
});

describe("overlapHeadline", () => {
  it("says 'up to' and 'may be': an upper bound, not shared followers", () => {
    expect(overlapHeadline(overlap())).toBe("Up to 16.3K of 38K followers may be duplicated");
  });

  it("says so when no two profiles are closely alike", () => {
    expect(overlapHeadline(overlap({ followers_possibly_duplicated: 0 }))).toBe(
      `No two audience profiles are closely alike (≥ 80${NBSP}%) among 38K followers`,
    );
  });

  it("doesn't claim anything when no pair can be compared", () => {
    const none = overlap({
      pairs: [{ a: 1, b: 2, similarity: null, alike: false }],
      followers_possibly_duplicated: 0,
    });
    expect(overlapHeadline(none)).toBe("Not enough audience data to compare these creators");
  });
});

describe("withoutDataLine", () => {
  it("counts the creators that can't be compared", () => {
    expect(withoutDataLine(0)).toBeNull();
    expect(withoutDataLine(1)).toBe("1 creator has no audience data to compare");
    expect(withoutDataLine(3)).toBe("3 creators have no audience data to compare");
  });
});

describe("pairLines", () => {
  it("names both creators by handle, most alike first, unknown pairs last", () => {
    const handles = new Map([
      [1, "coral.shop70"],
      [2, "mellow_edit_16"],
    ]);
    const lines = pairLines(overlap(), handles);
    expect(lines.map((line) => [line.a, line.b, line.similarity, line.alike])).toEqual([
      ["@coral.shop70", "@mellow_edit_16", 0.862, true],
      ["@mellow_edit_16", "#3", 0.41, false],
      ["@coral.shop70", "#3", null, false],
    ]);
    expect(new Set(lines.map((line) => line.key)).size).toBe(3);
  });
});
