import { describe, expect, it } from "vitest";
import { funnelSteps, ratioBp, sampleToPost } from "./results-funnel";
import { FUNNEL } from "./results-fixtures";

describe("funnel", () => {
  it("gives each step's conversion from the step before, in basis points", () => {
    const steps = funnelSteps(FUNNEL);
    expect(steps.map((s) => s.key)).toEqual([
      "shortlisted",
      "invited",
      "replied",
      "agreed",
      "posted",
      "sold",
    ]);
    expect(steps.map((s) => s.count)).toEqual([100, 64, 23, 12, 9, 6]);
    // 23 / 64 = 0.359375 → 3594; 12 / 23 = 0.5217… → 5217; 6 / 9 = 0.666… → 6667.
    expect(steps.map((s) => s.fromPreviousBp)).toEqual([null, 6400, 3594, 5217, 7500, 6667]);
    expect(steps.map((s) => s.ofFirstBp)).toEqual([10000, 6400, 2300, 1200, 900, 600]);
    expect(steps[2]?.formula).toBe("23 replied ÷ 64 invited = 35.9\u00a0%");
  });

  it("has no conversion after a step nobody reached", () => {
    const steps = funnelSteps({ ...FUNNEL, agreed: 0, posted: 0, sold: 0 });
    expect(steps[4]?.fromPreviousBp).toBeNull();
    expect(steps[4]?.formula).toBe("0 posted; no conversion: none agreed");
    expect(funnelSteps({ ...FUNNEL, shortlisted: 0 })[0]?.ofFirstBp).toBeNull();
  });

  it("rounds half up and refuses a zero whole", () => {
    expect(ratioBp(1, 8)).toBe(1250);
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(5, 0)).toBeNull();
  });

  it("gives the sample-to-post rate with its formula", () => {
    expect(sampleToPost(FUNNEL)).toEqual({
      rateBp: 7000,
      formula: "7 posted ÷ 10 shipped a sample = 70.0\u00a0%",
    });
    expect(sampleToPost({ ...FUNNEL, sampled: 0, sampled_posted: 0 }).rateBp).toBeNull();
  });
});
