import { describe, expect, it } from "vitest";
import { compareMetrics, formatMetric } from "./model-compare";

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

  it("writes metrics with three decimals, unknown as a dash", () => {
    expect(formatMetric(0.71234)).toBe("0.712");
    expect(formatMetric(null)).toBe("—");
  });
});
