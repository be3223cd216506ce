import { describe, expect, it } from "vitest";
import { BOARD_STAGES, STAGE_LABELS, dueLabel, offerStatus } from "./outreach-labels";

describe("outreach labels", () => {
  it("labels every board column once", () => {
    expect(new Set(BOARD_STAGES).size).toBe(BOARD_STAGES.length);
    expect(BOARD_STAGES.map((s) => STAGE_LABELS[s])).toContain("Sample shipped");
  });

  it("says when a follow-up is due relative to today", () => {
    expect(dueLabel("2026-11-24", "2026-11-24")).toBe("today");
    expect(dueLabel("2026-11-25", "2026-11-24")).toBe("tomorrow");
    expect(dueLabel("2026-11-29", "2026-11-24")).toBe("in 5 days");
    expect(dueLabel("2026-11-23", "2026-11-24")).toBe("1 day overdue");
    expect(dueLabel("2026-11-20", "2026-11-24")).toBe("4 days overdue");
  });

  it("counts a failure Scout retries by itself as waiting, and a failure for good as the seller's", () => {
    expect(offerStatus({ state: "failed", retryable: true })).toEqual({
      label: "Will retry",
      tone: "retrying",
      waiting: true,
      needsSeller: false,
    });
    const lost = offerStatus({ state: "failed", retryable: false });
    expect([lost.label, lost.needsSeller, lost.waiting]).toEqual(["Failed", true, false]);
    expect(offerStatus({ state: "needs_check", retryable: false }).needsSeller).toBe(true);
    expect(offerStatus({ state: "queued", retryable: false }).waiting).toBe(true);
  });
});
