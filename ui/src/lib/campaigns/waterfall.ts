// The geometry of the explanation waterfall: the baseline, then each factor's signed points as a bar
// that starts where the previous one ended, then the score. Positions are percentages of the chart's
// width, on a 0–100 axis (widened if a running total ever leaves it).
import type { FactorContribution } from "../common/types";

/** Points smaller than this are drawn and coloured as "no effect". */
export const NEGLIGIBLE = 0.05;

export type Tone = "base" | "up" | "down" | "none" | "total";

export type Step = {
  /** Running total before and after this step, in score points. */
  from: number;
  to: number;
  /** Where the bar starts and how wide it is, in percent of the chart. */
  left: number;
  width: number;
  tone: Tone;
};

export type Waterfall = {
  baseline: Step;
  factors: Step[];
  score: Step;
  /** The axis, in score points. */
  min: number;
  max: number;
};

/**
 * Rounds each value to `decimals` so that the rounded values add up to `target` (itself rounded):
 * the largest remainders take the rounding, so "+6.2 −1.3 … = 71.4" is true as written.
 */
export function roundToSum(values: readonly number[], target: number, decimals = 1): number[] {
  const scale = 10 ** decimals;
  const units = values.map((value) => value * scale);
  const floors = units.map(Math.floor);
  let left = Math.round(target * scale) - floors.reduce((sum, value) => sum + value, 0);
  const order = units
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const result = [...floors];
  // `left` is within ±values.length of 0 when the values add up to the target; anything beyond that
  // (a target that isn't their sum) is not spread, so no value moves by more than one unit.
  for (let i = 0; i < order.length && left > 0; i += 1, left -= 1) {
    const index = order[i]!.index;
    result[index] = result[index]! + 1;
  }
  for (let i = order.length - 1; i >= 0 && left < 0; i -= 1, left += 1) {
    const index = order[i]!.index;
    result[index] = result[index]! - 1;
  }
  return result.map((value) => value / scale);
}

/** Waterfall geometry for an explanation: baseline + Σ factor points = score. */
export function waterfall(
  baseline: number,
  factors: readonly Pick<FactorContribution, "points">[],
  score: number,
): Waterfall {
  const totals = [baseline];
  for (const factor of factors) totals.push(totals[totals.length - 1]! + factor.points);
  const min = Math.min(0, ...totals, score);
  const max = Math.max(100, ...totals, score);
  const span = max - min || 1;
  const at = (value: number) => ((value - min) / span) * 100;
  const bar = (from: number, to: number, tone: Tone): Step => ({
    from,
    to,
    left: at(Math.min(from, to)),
    width: Math.abs(at(to) - at(from)),
    tone,
  });
  return {
    baseline: bar(min, baseline, "base"),
    factors: factors.map((factor, index) => {
      const from = totals[index]!;
      const tone: Tone = Math.abs(factor.points) < NEGLIGIBLE ? "none" : factor.points > 0 ? "up" : "down";
      return bar(from, from + factor.points, tone);
    }),
    score: bar(min, score, "total"),
    min,
    max,
  };
}

const MINUS = "\u2212";

/** Signed points with one decimal: "+6.2", "−3.1", "0.0". */
export function signedPoints(points: number): string {
  const text = Math.abs(points).toFixed(1);
  if (text === "0.0") return "0.0";
  return `${points > 0 ? "+" : MINUS}${text}`;
}

/** Whole days between a date (YYYY-MM-DD) and `now`, never negative; null for no date. */
export function daysSince(date: string | null, now: Date = new Date()): number | null {
  if (!date) return null;
  const then = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(then)) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.round((today - then) / 86_400_000));
}
