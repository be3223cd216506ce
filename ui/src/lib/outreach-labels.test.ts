import { describe, expect, it } from "vitest";
import { BOARD_STAGES, STAGE_LABELS, dueLabel } from "./outreach-labels";

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
});
