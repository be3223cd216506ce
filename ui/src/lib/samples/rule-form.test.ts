import { describe, expect, it } from "vitest";
import { backtestWords, economicsForm, economicsInput, isRefusal, ruleForm, ruleFromForm } from "./rule-form";
import type { Backtest, SampleRule } from "../common/types";

const rule: SampleRule = {
  min_p_post: 0.6,
  min_net_value: { minor: 500, currency: "USD" },
  daily_limit: 20,
  reject_below: false,
};

describe("the rule's form", () => {
  it("shows a rule and reads it back unchanged", () => {
    const form = ruleForm(rule);
    expect(form).toEqual({ minPost: "60", minNet: "5", dailyLimit: "20", rejectBelow: false });
    expect(ruleFromForm(form, "USD")).toEqual(rule);
  });

  it("reads a negative net value and refuses each bad field by name", () => {
    const loose = ruleFromForm({ minPost: "0", minNet: "-10000", dailyLimit: "6", rejectBelow: true }, "USD");
    expect(loose).toEqual({
      min_p_post: 0,
      min_net_value: { minor: -1_000_000, currency: "USD" },
      daily_limit: 6,
      reject_below: true,
    });
    const bad = (over: Partial<ReturnType<typeof ruleForm>>) =>
      ruleFromForm({ ...ruleForm(rule), ...over }, "USD");
    for (const [over, field] of [
      [{ minPost: "140" }, "min_p_post"],
      [{ minPost: "lots" }, "min_p_post"],
      [{ minNet: "five" }, "min_net_value"],
      [{ dailyLimit: "0" }, "daily_limit"],
      [{ dailyLimit: "2.5" }, "daily_limit"],
    ] as const) {
      const read = bad(over);
      expect(isRefusal(read) && read.field).toBe(field);
    }
  });

  it("shows economics and sends them as typed, a blank price as not known", () => {
    expect(economicsForm(null)).toEqual({ price: "", margin: "", sampleCost: "", shipping: "" });
    const shown = economicsForm({
      product_id: "P1",
      price: null,
      margin: 4000,
      sample_cost: { minor: 850, currency: "USD" },
      shipping: { minor: 400, currency: "USD" },
    });
    expect(shown).toEqual({ price: "", margin: "40", sampleCost: "8.50", shipping: "4" });
    expect(economicsInput("P1", { ...shown, price: " 20.00 " })).toEqual({
      product_id: "P1",
      price: "20.00",
      margin: "40",
      sample_cost: "8.50",
      shipping: "4",
      currency: null,
    });
  });

  it("writes a backtest as a sentence", () => {
    const b: Backtest = {
      from: "2026-09-08",
      to: "2026-12-05",
      requests: 214,
      would_approve: 61,
      with_known_outcome: 48,
      posted: 29,
      net_value_unknown: 3,
      expected_net_value: { minor: 41_200, currency: "USD" },
      realized_net_value: { minor: 38_850, currency: "USD" },
      note: "",
    };
    const text = backtestWords(b);
    expect(text).toContain(
      "214 requests: it would have approved 61; 48 of them were approved and settled, and 29 posted (60\u00a0%).",
    );
    expect(text).toContain("Expected net value +$412.00; what they really made +$388.50.");
    expect(text).toContain("3 requests left to you");
    expect(backtestWords({ ...b, requests: 0 })).toMatch(/no requests/);
  });
});
