// The Chart.js configurations of the Results charts, built from shaped data and the theme's colours.
// Kept apart from the components so the choices (which colour a loss gets, what a tooltip says) are
// tested without a canvas.
import { valueLabels, withAlpha, type ChartConfiguration, type ChartTheme } from "./charts";
import { currencyFractionDigits, formatCountExact, formatMoney, formatRate, UNKNOWN } from "../common/format";
import { clip, shortWeek, toMajor, type RoiBar, type WeekPoint } from "./results-charts";
import type { FunnelStep } from "./results-funnel";

function base(theme: ChartTheme) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    font: { family: theme.font, size: 11 },
    color: theme.muted,
  };
}

function tooltip(theme: ChartTheme) {
  return {
    backgroundColor: theme.bg,
    titleColor: theme.text,
    bodyColor: theme.text,
    borderColor: theme.strong,
    borderWidth: 1,
    padding: 8,
    cornerRadius: 6,
    titleFont: { family: theme.font, size: 12, weight: 600 as const },
    bodyFont: { family: theme.font, size: 12 },
    displayColors: false,
  };
}

/** An axis value in major units back as money, compact: 12500 → "$12.5K". */
function moneyTick(value: number, currency: string): string {
  const minor = Math.round(value * 10 ** currencyFractionDigits(currency));
  return formatMoney({ minor, currency }, { compact: true });
}

/** GMV as bars and net profit as a line, week by week; a losing week's point is in the danger colour. */
/**
 * Where a money axis starts: at 0, or just below the lowest value when one is negative — rounded out to
 * 1, 2 or 5 × a power of ten of that value's own size, so one small loss does not pull the axis down a
 * whole step of the biggest sales (a −$72.90 week under $16k weeks starts the axis at −$100, not −$5,000).
 */
export function axisFloor(values: readonly number[]): number {
  const lowest = Math.min(0, ...values);
  if (lowest >= 0) return 0;
  const depth = -lowest * 1.1;
  const power = 10 ** Math.floor(Math.log10(depth));
  const nice = [1, 2, 5, 10].find((step) => step * power >= depth) ?? 10;
  return -nice * power;
}

export function weeklyConfig(
  weeks: readonly WeekPoint[],
  currency: string,
  theme: ChartTheme,
): ChartConfiguration<"bar" | "line"> {
  const options = base(theme);
  const gmv = weeks.map((w) => toMajor(w.gmv));
  const net = weeks.map((w) => toMajor(w.netProfit));
  return {
    type: "bar",
    data: {
      labels: weeks.map((w) => shortWeek(w.week)),
      datasets: [
        {
          type: "bar",
          label: "GMV",
          data: gmv,
          backgroundColor: withAlpha(theme.accent, 0.35),
          hoverBackgroundColor: withAlpha(theme.accent, 0.55),
          borderRadius: 3,
          maxBarThickness: 28,
          order: 2,
        },
        {
          type: "line",
          label: "Net profit",
          data: net,
          borderColor: theme.text,
          borderWidth: 1.5,
          pointRadius: 2.5,
          pointHoverRadius: 4,
          pointBackgroundColor: weeks.map((w) => (w.netProfit.minor < 0 ? theme.danger : theme.text)),
          pointBorderColor: weeks.map((w) => (w.netProfit.minor < 0 ? theme.danger : theme.text)),
          tension: 0,
          order: 1,
        },
      ],
    },
    options: {
      ...options,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12, font: options.font },
        },
        y: {
          min: axisFloor([...gmv, ...net]),
          grid: { color: (ctx) => (ctx.tick.value === 0 ? theme.strong : theme.grid) },
          border: { display: false },
          ticks: {
            color: theme.muted,
            maxTicksLimit: 5,
            font: options.font,
            callback: (value) => moneyTick(Number(value), currency),
          },
        },
      },
      plugins: {
        tooltip: {
          ...tooltip(theme),
          callbacks: {
            title: (items) => `Week of ${weeks[items[0]?.dataIndex ?? 0]?.week ?? ""}`,
            label: (item) => {
              const week = weeks[item.dataIndex];
              if (!week) return "";
              return item.datasetIndex === 0
                ? `GMV ${formatMoney(week.gmv)}`
                : `Net profit ${formatMoney(week.netProfit)}`;
            },
          },
        },
      },
    },
  };
}

/** "64 · 35.9 %": a funnel step's count and its conversion from the step before. */
export function funnelLabel(step: FunnelStep): string {
  return step.fromPreviousBp === null
    ? formatCountExact(step.count)
    : `${formatCountExact(step.count)} · ${formatRate(step.fromPreviousBp)}`;
}

export function funnelConfig(steps: readonly FunnelStep[], theme: ChartTheme): ChartConfiguration<"bar"> {
  const options = base(theme);
  return {
    type: "bar",
    data: {
      labels: steps.map((s) => s.label),
      datasets: [
        {
          label: "Collaborations",
          data: steps.map((s) => s.count),
          backgroundColor: steps.map((s) =>
            s.key === "sold" ? withAlpha(theme.success, 0.7) : withAlpha(theme.accent, 0.7),
          ),
          borderRadius: 3,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...options,
      indexAxis: "y",
      layout: { padding: { right: 84 } },
      scales: {
        x: { display: false, beginAtZero: true },
        y: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: { color: theme.text, font: { ...options.font, size: 12 } },
        },
      },
      plugins: {
        tooltip: {
          ...tooltip(theme),
          callbacks: {
            title: (items) => steps[items[0]?.dataIndex ?? 0]?.label ?? "",
            label: (item) => steps[item.dataIndex]?.formula ?? "",
          },
        },
      },
    },
    plugins: [valueLabels<"bar">(steps.map(funnelLabel), theme.muted, theme.font)],
  };
}

/** The colour of an ROI bar: the accent for a gain, the warning colour for a loss. */
export function roiColor(roiBp: number, theme: ChartTheme): string {
  return roiBp < 0 ? withAlpha(theme.warning, 0.8) : withAlpha(theme.accent, 0.7);
}

export function roiConfig(bars: readonly RoiBar[], theme: ChartTheme): ChartConfiguration<"bar"> {
  const options = base(theme);
  return {
    type: "bar",
    data: {
      labels: bars.map((b) => clip(b.label)),
      datasets: [
        {
          label: "ROI",
          data: bars.map((b) => b.roiBp / 100),
          backgroundColor: bars.map((b) => roiColor(b.roiBp, theme)),
          borderRadius: 3,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...options,
      indexAxis: "y",
      layout: { padding: { right: 52 } },
      scales: {
        x: {
          grace: "5%",
          grid: { color: (ctx) => (ctx.tick.value === 0 ? theme.strong : theme.grid) },
          border: { display: false },
          ticks: {
            color: theme.muted,
            maxTicksLimit: 5,
            font: options.font,
            callback: (value) => `${formatCountExact(Number(value))} %`,
          },
        },
        y: {
          grid: { display: false },
          border: { display: false },
          ticks: { color: theme.text, font: { ...options.font, size: 12 } },
        },
      },
      plugins: {
        tooltip: {
          ...tooltip(theme),
          callbacks: {
            title: (items) => bars[items[0]?.dataIndex ?? 0]?.label ?? "",
            label: (item) => {
              const bar = bars[item.dataIndex];
              return bar
                ? [
                    bar.formula,
                    `Creator cost ${formatMoney(bar.creatorCost)} · net profit ${formatMoney(bar.netProfit)}`,
                  ]
                : UNKNOWN;
            },
          },
        },
      },
    },
    plugins: [
      valueLabels<"bar">(
        bars.map((b) => formatRate(b.roiBp)),
        theme.muted,
        theme.font,
      ),
    ],
  };
}
