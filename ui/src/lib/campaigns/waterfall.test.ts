import { describe, expect, it } from "vitest";
import { daysSince, NEGLIGIBLE, roundToSum, signedPoints, waterfall } from "./waterfall";

const factors = (points: number[]) => points.map((p) => ({ points: p }));

describe("waterfall geometry", () => {
  it("starts each bar where the previous one ended and ends at the score", () => {
    const chart = waterfall(50, factors([10, -4, 0.01]), 56.01);
    expect(chart.baseline).toMatchObject({ from: 0, to: 50, left: 0, width: 50, tone: "base" });
    expect(chart.factors[0]).toMatchObject({ from: 50, to: 60, left: 50, width: 10, tone: "up" });
    expect(chart.factors[1]).toMatchObject({ from: 60, to: 56, tone: "down" });
    expect(chart.factors[1]?.left).toBeCloseTo(56);
    expect(chart.factors[1]?.width).toBeCloseTo(4);
    expect(chart.factors[2]?.tone).toBe("none");
    expect(chart.factors[2]?.from).toBeCloseTo(56);
    expect(chart.score).toMatchObject({ left: 0, tone: "total" });
    expect(chart.score.width).toBeCloseTo(56.01);
  });

  it("widens the axis when a running total leaves 0–100", () => {
    const chart = waterfall(90, factors([20, -15]), 95);
    expect(chart.max).toBe(110);
    expect(chart.factors[0]?.left).toBeCloseTo((90 / 110) * 100);
    expect(chart.factors[0]!.left + chart.factors[0]!.width).toBeCloseTo(100);
    for (const step of [chart.baseline, ...chart.factors, chart.score]) {
      expect(step.left).toBeGreaterThanOrEqual(0);
      expect(step.left + step.width).toBeLessThanOrEqual(100.000001);
    }
  });

  it("colours points below the threshold as no effect", () => {
    expect(waterfall(50, factors([NEGLIGIBLE / 2, -NEGLIGIBLE / 2]), 50).factors.map((f) => f.tone)).toEqual([
      "none",
      "none",
    ]);
  });
});

describe("points as written", () => {
  it("add up to the score to the decimal", () => {
    const points = [6.24, -1.26, 3.33, 0.04, -0.05, 2.11];
    const baseline = 52.47;
    const score = baseline + points.reduce((a, b) => a + b, 0);
    const shownBaseline = Math.round(baseline * 10) / 10;
    const shownScore = Math.round(score * 10) / 10;
    const shown = roundToSum(points, shownScore - shownBaseline);
    const sum = shown.reduce((a, b) => a + b, shownBaseline);
    expect(Math.round(sum * 10) / 10).toBe(shownScore);
    shown.forEach((value, i) => expect(Math.abs(value - points[i]!)).toBeLessThanOrEqual(0.1 + 1e-9));
  });

  it("are signed with a real minus sign", () => {
    expect(signedPoints(6.24)).toBe("+6.2");
    expect(signedPoints(-3.06)).toBe("\u22123.1");
    expect(signedPoints(0.01)).toBe("0.0");
    expect(signedPoints(-0.04)).toBe("0.0");
  });
});

describe("data age", () => {
  it("counts whole days to today, never negative", () => {
    const now = new Date("2026-11-24T15:00:00Z");
    expect(daysSince("2026-10-01", now)).toBe(54);
    expect(daysSince("2026-11-24", now)).toBe(0);
    expect(daysSince("2026-12-01", now)).toBe(0);
    expect(daysSince(null, now)).toBeNull();
    expect(daysSince("soon", now)).toBeNull();
  });
});
