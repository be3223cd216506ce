import { describe, expect, it } from "vitest";
import type { ChartTheme } from "./charts";
import {
  axisFloor,
  funnelConfig,
  funnelLabel,
  roiColor,
  roiConfig,
  weeklyConfig,
} from "./results-chart-configs";
import { roiByCreator, weeklySeries } from "./results-charts";
import { funnelSteps } from "./results-funnel";
import { FUNNEL, reportRow } from "./results-fixtures";

const theme: ChartTheme = {
  text: "#111111",
  muted: "#666666",
  faint: "#999999",
  grid: "#eeeeee",
  strong: "#dddddd",
  accent: "#5a63d1",
  success: "#25794a",
  warning: "#9a6100",
  danger: "#c43d33",
  bg: "#ffffff",
  font: "system-ui",
};

describe("chart configurations", () => {
  it("colours a losing creator's ROI bar in the warning colour", () => {
    expect(roiColor(-1, theme)).toBe("rgba(154, 97, 0, 0.8)");
    expect(roiColor(0, theme)).toBe("rgba(90, 99, 209, 0.7)");
    const bars = roiByCreator([
      reportRow("@win", { gmv: 90_000, flat_fees: 10_000 }),
      reportRow("@loss", { gmv: 1_000, flat_fees: 10_000 }),
    ]);
    const config = roiConfig(bars, theme);
    expect(config.data.datasets[0]?.data).toEqual([800, -90]);
    expect(config.data.datasets[0]?.backgroundColor).toEqual([roiColor(1, theme), roiColor(-1, theme)]);
  });

  it("labels each funnel bar with its count and its conversion from the step before", () => {
    const steps = funnelSteps(FUNNEL);
    expect(steps.map(funnelLabel)).toEqual([
      "100",
      "64 · 64.0\u00a0%",
      "23 · 35.9\u00a0%",
      "12 · 52.2\u00a0%",
      "9 · 75.0\u00a0%",
      "6 · 66.7\u00a0%",
    ]);
    const config = funnelConfig(steps, theme);
    expect(config.options?.indexAxis).toBe("y");
    expect(config.data.labels).toEqual(["Shortlisted", "Invited", "Replied", "Agreed", "Posted", "Sold"]);
  });

  it("plots weeks in major units and marks a losing week's point", () => {
    const weeks = weeklySeries(
      [
        { week: "2026-11-02", gmv: 123_456, net_profit: 10_000 },
        { week: "2026-11-09", gmv: 5_000, net_profit: -2_500 },
      ],
      "USD",
    );
    const config = weeklyConfig(weeks, "USD", theme);
    expect(config.data.datasets[0]?.data).toEqual([1234.56, 50]);
    expect(config.data.datasets[1]?.data).toEqual([100, -25]);
    const line = config.data.datasets[1] as { pointBackgroundColor?: string[] };
    expect(line.pointBackgroundColor).toEqual([theme.text, theme.danger]);
    expect(config.data.labels).toEqual(["Nov 2", "Nov 9"]);
  });

  it("starts the money axis just below a small loss, not a whole step of the biggest week below it", () => {
    const weeks = weeklySeries(
      [
        { week: "2026-11-02", gmv: 1_600_000, net_profit: 410_000 },
        { week: "2026-11-09", gmv: 0, net_profit: -7_290 },
      ],
      "USD",
    );
    const y = weeklyConfig(weeks, "USD", theme).options?.scales?.y as { min?: number };
    expect(y.min).toBe(-100);
    expect(axisFloor([10, 2_000])).toBe(0);
    expect(axisFloor([-0.4])).toBe(-0.5);
    expect(axisFloor([-950, 30_000])).toBe(-2_000);
    expect(axisFloor([-4_600])).toBe(-10_000);
  });
});
