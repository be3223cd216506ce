import { describe, expect, it } from "vitest";
import { describeQuota } from "./tiktok-quota";
import type { TiktokQuota } from "../bindings/TiktokQuota";

const quota: TiktokQuota = {
  unlimited: false,
  remaining: 37,
  all: { used: 13, total: 50 },
  period: { used: 10, total: 40 },
  bonus: { used: 3, total: 10 },
  max_follower_count: 1_000_000,
  gmv_tier: "L2",
  reset_at: "2026-12-13T00:00:00Z",
};

describe("describeQuota", () => {
  it("says what is left, of what, until when and for whom", () => {
    const { headline, details } = describeQuota(quota);
    expect(headline).toBe("37 of 50 new creators left to invite this week");
    expect(details).toEqual([
      "Weekly quota: 30 of 40 left",
      "Bonus quota (used first): 7 of 10 left",
      "Starts again Dec 13, 2026",
      "Your shop's tier reaches creators with up to 1M followers",
    ]);
  });

  it("leaves out a split without a bonus: it would repeat the headline", () => {
    const { details } = describeQuota({
      ...quota,
      bonus: { used: 0, total: 0 },
      period: { used: 13, total: 50 },
    });
    expect(details.some((d) => d.startsWith("Weekly quota"))).toBe(false);
  });

  it("treats an unlimited shop as such, without counts that mean nothing", () => {
    const { headline, details } = describeQuota({
      ...quota,
      unlimited: true,
      remaining: null,
      all: { used: 0, total: 0 },
    });
    expect(headline).toBe("Unlimited outreach: invite any number of new creators");
    expect(details.some((d) => d.includes("quota"))).toBe(false);
  });
});
