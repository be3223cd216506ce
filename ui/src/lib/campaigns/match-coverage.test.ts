import { describe, expect, it } from "vitest";
import { describeCoverage } from "./match-coverage";
import type { Coverage } from "../bindings/Coverage";

const realList: Coverage = {
  creators: 999,
  factors: [
    { feature: "audience_fit", label: "Audience fit", known: 0 },
    { feature: "engagement_vs_tier", label: "Engagement for their size", known: 999 },
    { feature: "view_rate", label: "Views per follower", known: 999 },
    { feature: "category_fit", label: "Category", known: 0 },
    { feature: "freshness", label: "Data freshness", known: 999 },
  ],
  rests_on: ["Engagement for their size", "Views per follower"],
  thin: ["Audience fit", "Category"],
  next_step: "To rank by fit, give Scout audience …",
};

describe("describeCoverage", () => {
  it("says what the ranking rests on, what it lacks and for how many", () => {
    const d = describeCoverage(realList)!;
    expect(d.headline).toBe("Ranked on engagement for their size and views per follower only");
    expect(d.missing).toBe("No data for audience fit and category (0 of 999 creators each).");
    expect(d.counts).toEqual([
      "Audience fit: 0 of 999",
      "Engagement for their size: 999 of 999",
      "Views per follower: 999 of 999",
      "Category: 0 of 999",
    ]);
    expect(d.nextStep).toContain("To rank by fit");
  });

  it("names each thin factor's count when they differ", () => {
    const some = {
      ...realList,
      factors: realList.factors.map((f) => (f.feature === "category_fit" ? { ...f, known: 120 } : f)),
    };
    expect(describeCoverage(some)!.missing).toBe(
      "No data for audience fit and category (audience fit 0, category 120 of 999 creators).",
    );
  });

  it("says nothing when every factor has data for most creators", () => {
    expect(describeCoverage({ ...realList, thin: [], next_step: null })).toBeNull();
  });
});
