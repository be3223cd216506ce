import { describe, expect, it } from "vitest";
import {
  decidable,
  decisionWords,
  deadlineNear,
  formatChance,
  formatDeadline,
  formatShortMoney,
  formatSignedMoney,
  seenAssessment,
  statusWords,
  syncSummary,
} from "./sample-words";
import type { SampleDecision, SamplesSynced } from "../common/types";

const decision = (over: Partial<SampleDecision> = {}): SampleDecision => ({
  id: 1,
  application_id: "A1",
  verdict: "approve",
  reject_reason: null,
  decided_by: "seller",
  reason: "approved by the seller",
  seen_json: "{}",
  action_id: 7,
  review_state: "done",
  review_error: null,
  review_retrying: false,
  decided_at: "2026-12-07T09:00:00Z",
  ...over,
});

describe("sample words", () => {
  it("writes TikTok Shop's statuses as words", () => {
    expect(statusWords("AWAITING_SHIPMENT")).toBe("Awaiting shipment");
    expect(statusWords("REJECT_CANCELLED")).toBe("Reject cancelled");
    expect(statusWords("OPS_CANCELLED")).toBe("TikTok cancelled");
    expect(statusWords("NOT_MATCH")).toBe("Not match");
  });

  it("writes a chance without rounding to a certainty", () => {
    expect(formatChance(0.623)).toBe("62\u00a0%");
    expect(formatChance(0.004)).toBe("<1\u00a0%");
    expect(formatChance(0.996)).toBe(">99\u00a0%");
    expect(formatChance(0)).toBe("0\u00a0%");
    expect(formatChance(null)).toBe("—");
  });

  it("signs a net value", () => {
    expect(formatSignedMoney({ minor: 420, currency: "USD" })).toBe("+$4.20");
    expect(formatSignedMoney({ minor: -310, currency: "USD" })).toBe("\u2212$3.10");
    expect(formatSignedMoney({ minor: 0, currency: "USD" })).toBe("$0.00");
    expect(formatSignedMoney(null)).toBe("—");
  });

  it("writes money short for a dense column", () => {
    expect(formatShortMoney({ minor: 2_710_000, currency: "USD" })).toBe("$27.1K");
    expect(formatShortMoney({ minor: 100_000, currency: "USD" })).toBe("$1K");
    expect(formatShortMoney({ minor: 3_100, currency: "USD" })).toBe("$31");
    expect(formatShortMoney({ minor: 320, currency: "USD" })).toBe("$3");
    expect(formatShortMoney(null)).toBe("—");
  });

  it("says how long is left to decide, and when it is close", () => {
    const now = new Date("2026-12-07T09:00:00Z");
    expect(formatDeadline("2026-12-10T10:00:00Z", now)).toBe("in 3 d");
    expect(formatDeadline("2026-12-08T05:00:00Z", now)).toBe("in 20 h");
    expect(formatDeadline("2026-12-07T09:20:00Z", now)).toBe("in 20 min");
    expect(formatDeadline("2026-12-07T08:00:00Z", now)).toBe("overdue");
    expect(formatDeadline(null, now)).toBe("—");
    expect(deadlineNear("2026-12-08T05:00:00Z", now)).toBe(true);
    expect(deadlineNear("2026-12-10T10:00:00Z", now)).toBe(false);
  });

  it("says where a decision stands and whether the request can be decided again", () => {
    expect(decisionWords(decision())).toMatchObject({ text: "Approved", tone: "good" });
    expect(decisionWords(decision({ decided_by: "rule", review_state: "queued" }))).toMatchObject({
      text: "Approving by rule…",
      tone: "busy",
    });
    const failed = decision({ review_state: "failed", review_error: "an agency submitted this request" });
    expect(decisionWords(failed)).toMatchObject({
      text: "Review failed",
      tone: "bad",
      title: "an agency submitted this request",
    });
    const retrying = decision({
      verdict: "reject",
      review_state: "failed",
      review_retrying: true,
      review_error: "slow down",
    });
    expect(decisionWords(retrying).text).toBe("Rejecting… retrying");

    expect(decidable("PENDING", null)).toBe(true);
    expect(decidable("SHIPPED", null)).toBe(false);
    expect(decidable("PENDING", decision({ review_state: "queued" }))).toBe(false);
    expect(decidable("PENDING", retrying)).toBe(false);
    expect(decidable("PENDING", failed)).toBe(true);
    expect(decidable("PENDING", decision({ review_state: "cancelled" }))).toBe(true);
  });

  it("reads what a decision saw, and nothing from a record it can't read", () => {
    const assessment = { application_id: "A1", chance: { p_post: 0.7 } };
    expect(
      seenAssessment(decision({ seen_json: JSON.stringify({ status: "PENDING", assessment }) })),
    ).toEqual(assessment);
    expect(seenAssessment(decision({ seen_json: "{}" }))).toBeNull();
    expect(seenAssessment(decision({ seen_json: "not json" }))).toBeNull();
    expect(seenAssessment(null)).toBeNull();
  });

  it("sums a sync up with what the rule did", () => {
    const synced = {
      rule: { approved: 6, rejected: 0, left: 6 },
      fetched: 312,
      new: 12,
      updated: 3,
      errors: [],
      unreadable: [],
      follow: {
        shipments_recorded: 0,
        posts_recorded: 0,
        reminders_queued: 0,
        reminders_held: [],
        problems: [],
      },
    } as unknown as SamplesSynced;
    expect(syncSummary(synced)).toBe(
      "Read 312 requests: 12 new, 3 updated. The rule approved 6 and left 6 to you.",
    );
    const followed = {
      shipments_recorded: 1,
      posts_recorded: 2,
      reminders_queued: 1,
      reminders_held: [],
      problems: [],
    };
    expect(syncSummary({ ...synced, rule: null, follow: followed })).toBe(
      "Read 312 requests: 12 new, 3 updated. Onto your campaigns: 1 shipment, 2 posts. 1 post reminder on the way.",
    );
    expect(syncSummary({ ...synced, rule: null, errors: ["CONTENT_PENDING: slow down"] })).toBe(
      "Read 312 requests: 12 new, 3 updated. 1 problem: CONTENT_PENDING: slow down",
    );
  });
});
