import { describe, expect, it } from "vitest";
import { matchColumns, minimumWidth } from "./match-columns";

describe("Matches columns", () => {
  it("keep the creator column at least 150 px wide at every table width, dropping others first", () => {
    for (let width = 150; width <= 1400; width += 5) {
      for (const withShortlist of [true, false]) {
        const shown = matchColumns(width, withShortlist);
        expect(shown.some((c) => c.id === "creator")).toBe(true);
        const others = shown.filter((c) => c.id !== "creator").reduce((sum, c) => sum + minimumWidth(c), 0);
        expect(others + 150, `at ${width} px`).toBeLessThanOrEqual(Math.max(width, 150));
      }
    }
  });

  it("show the score and followers beside the creator in a 960 px window, and only names beside a drawer", () => {
    // 960 px less the sidebar and the campaign list: about 520 px.
    expect(matchColumns(520, true).map((c) => c.id)).toEqual([
      "rank",
      "avatar",
      "creator",
      "score",
      "followers",
      "shortlist",
    ]);
    expect(matchColumns(180, true).map((c) => c.id)).toEqual(["creator"]);
    expect(matchColumns(1400, true)).toHaveLength(11);
  });
});
