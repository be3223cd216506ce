import { describe, expect, it } from "vitest";
import { compareMetrics, formatMetric, verdict } from "./model-compare";

const metrics = (auc: number | null, ndcg: number | null, brier: number) => ({
  auc,
  ndcg_at_20: ndcg,
  brier,
  examples: 100,
  positives: 30,
});

describe("model comparison", () => {
  it("crowns the higher AUC and NDCG and the lower Brier score", () => {
    const rows = compareMetrics(metrics(0.66, 0.64, 0.21), metrics(0.71, 0.62, 0.19));
    expect(rows.map((row) => [row.key, row.winner])).toEqual([
      ["auc", "learned"],
      ["ndcg_at_20", "default"],
      ["brier", "learned"],
    ]);
  });

  it("calls a tiny difference a tie and an unmeasured metric nobody's", () => {
    const rows = compareMetrics(metrics(0.7, null, 0.2), metrics(0.7002, 0.5, 0.2));
    expect(rows.map((row) => row.winner)).toEqual(["tie", null, "tie"]);
  });

  it("says in one sentence which model to use", () => {
    const say = (a: [number, number], b: [number, number]) =>
      verdict(compareMetrics(metrics(a[0], a[1], 0.2), metrics(b[0], b[1], 0.2)));
    expect(say([0.66, 0.6], [0.71, 0.6002])).toEqual({
      text: "The trained model ranks your past collaborations better than the default: use it.",
      use: "learned",
    });
    expect(say([0.7, 0.6], [0.68, 0.6]).use).toBe("default");
    expect(say([0.66, 0.64], [0.71, 0.62]).text).toMatch(/^Mixed/);
    expect(verdict(compareMetrics(metrics(null, 0.6, 0.2), metrics(0.7, 0.6, 0.2))).use).toBeNull();
  });

  it("writes metrics with three decimals, unknown as a dash", () => {
    expect(formatMetric(0.71234)).toBe("0.712");
    expect(formatMetric(null)).toBe("—");
  });
});
