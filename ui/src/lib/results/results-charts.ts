// The Results charts' data, shaped apart from Chart.js so it can be tested: weekly sales with the weeks
// that sold nothing filled in, and ROI for the creators the seller spent most on. Amounts become major
// units (the chart's axis) only here; the labels and tooltips format the original minor units.
import { formatMoney, formatRate, majorAmount, sellerLocale } from "../common/format";
import type { Money, ReportRow, TimePoint } from "../common/types";

const DAY_MS = 86_400_000;

export interface WeekPoint {
  /** Monday, YYYY-MM-DD. */
  week: string;
  gmv: Money;
  netProfit: Money;
}

/** "2026-11-02" → "Nov 2" (en-US), "2 Nov" (en-GB): the seller's locale. */
export function shortWeek(week: string, locale: string = sellerLocale()): string {
  const date = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return week;
  return date.toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * The report's weeks in order, with a zero week for every Monday between the first and last that has no
 * point (a gap is a week that sold nothing, not a week to draw a line across).
 */
export function weeklySeries(points: readonly TimePoint[], currency: string): WeekPoint[] {
  const byWeek = new Map(points.map((p) => [p.week, p]));
  const given = [...byWeek.keys()].sort();
  const first = given[0];
  const last = given[given.length - 1];
  if (first === undefined || last === undefined) return [];
  const time = (week: string) => Date.parse(`${week}T00:00:00Z`);
  // Weeks that aren't all Mondays are kept as they come: nothing is invented between them.
  const mondays = given.every((week) => new Date(time(week)).getUTCDay() === 1);
  const weeks: string[] = [];
  if (mondays) {
    for (let t = time(first); t <= time(last) && weeks.length < 1000; t += 7 * DAY_MS) {
      weeks.push(new Date(t).toISOString().slice(0, 10));
    }
  } else {
    weeks.push(...given);
  }
  return weeks.map((week) => {
    const point = byWeek.get(week);
    return {
      week,
      gmv: { minor: point?.gmv ?? 0, currency },
      netProfit: { minor: point?.net_profit ?? 0, currency },
    };
  });
}

export function toMajor(money: Money): number {
  return majorAmount(money);
}

export interface RoiBar {
  label: string;
  roiBp: number;
  creatorCost: Money;
  netProfit: Money;
  formula: string;
}

/**
 * ROI for the `limit` creators the seller spent most on (commission + fees + samples), best ROI first.
 * Creators with no spend have no ROI and are left out, and so is the row that sums the sales of
 * creators outside every collaboration (it has no id): the chart shows where the money went.
 */
export function roiByCreator(rows: readonly ReportRow[], limit = 10): RoiBar[] {
  return rows
    .filter((row) => row.id !== null && row.net.roi_bp !== null && row.net.creator_cost.value.minor > 0)
    .sort(
      (a, b) =>
        b.net.creator_cost.value.minor - a.net.creator_cost.value.minor || a.label.localeCompare(b.label),
    )
    .slice(0, limit)
    .map((row) => ({
      label: row.label,
      roiBp: row.net.roi_bp ?? 0,
      creatorCost: row.net.creator_cost.value,
      netProfit: row.net.net_profit.value,
      formula: row.net.roi_formula,
    }))
    .sort((a, b) => b.roiBp - a.roiBp);
}

/** A name short enough for a chart axis: "@a-very-long-handle…" (the full one is in the tooltip). */
export function clip(label: string, max = 18): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("")}…`;
}

/** One sentence a screen reader gets for the weekly chart. */
export function weeklySummary(weeks: readonly WeekPoint[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return "No sales yet.";
  const best = weeks.reduce((a, b) => (b.gmv.minor > a.gmv.minor ? b : a));
  return (
    `GMV and net profit for ${weeks.length} weeks from ${first.week} to ${last.week}; ` +
    `the best week, ${best.week}, sold ${formatMoney(best.gmv)}.`
  );
}

export function roiSummary(bars: readonly RoiBar[]): string {
  const best = bars[0];
  const worst = bars[bars.length - 1];
  if (!best || !worst) return "No creator has cost anything yet, so there is no ROI to compare.";
  const losing = bars.filter((b) => b.roiBp < 0).length;
  return (
    `ROI of the ${bars.length} creators with the most spend: best ${best.label} at ${formatRate(best.roiBp)}, ` +
    `lowest ${worst.label} at ${formatRate(worst.roiBp)}; ${losing} lost money.`
  );
}
