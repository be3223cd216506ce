import { describe, expect, it } from "vitest";
import { clip, roiByCreator, roiSummary, shortWeek, weeklySeries, weeklySummary } from "./results-charts";
import { reportRow } from "./results-fixtures";

describe("weeklySeries", () => {
  it("fills the weeks that sold nothing with zeros, in order", () => {
    const weeks = weeklySeries(
      [
        { week: "2026-11-16", gmv: 3000, net_profit: -500 },
        { week: "2026-11-02", gmv: 1000, net_profit: 200 },
      ],
      "USD",
    );
    expect(weeks.map((w) => w.week)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(weeks.map((w) => w.gmv.minor)).toEqual([1000, 0, 3000]);
    expect(weeks.map((w) => w.netProfit.minor)).toEqual([200, 0, -500]);
    expect(weeks[0]?.gmv.currency).toBe("USD");
  });

  it("fills the missing Mondays across a month and a year, and keeps a week of costs alone", () => {
    // Rust sends only weeks with sales or costs: a week with only a flat fee has no GMV and a loss.
    const weeks = weeklySeries(
      [
        { week: "2027-01-11", gmv: 500, net_profit: 100 },
        { week: "2026-12-21", gmv: 0, net_profit: -20_000 },
      ],
      "USD",
    );
    expect(weeks.map((w) => [w.week, w.gmv.minor, w.netProfit.minor])).toEqual([
      ["2026-12-21", 0, -20_000],
      ["2026-12-28", 0, 0],
      ["2027-01-04", 0, 0],
      ["2027-01-11", 500, 100],
    ]);
  });

  it("fills a long gap week by week, in UTC (no daylight-saving drift)", () => {
    const weeks = weeklySeries(
      [
        { week: "2026-03-02", gmv: 1, net_profit: 1 },
        { week: "2026-11-02", gmv: 2, net_profit: 2 },
      ],
      "EUR",
    );
    expect(weeks).toHaveLength(36);
    expect(weeks.every((w) => new Date(`${w.week}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(weeks.filter((w) => w.gmv.minor !== 0).map((w) => w.week)).toEqual(["2026-03-02", "2026-11-02"]);
  });

  it("keeps weeks that aren't Mondays as they are, inventing nothing", () => {
    const weeks = weeklySeries(
      [
        { week: "2026-11-05", gmv: 1, net_profit: 1 },
        { week: "2026-11-26", gmv: 2, net_profit: 2 },
      ],
      "EUR",
    );
    expect(weeks.map((w) => w.week)).toEqual(["2026-11-05", "2026-11-26"]);
    expect(weeklySeries([], "USD")).toEqual([]);
  });

  it("labels and summarises the weeks", () => {
    expect(shortWeek("2026-11-02")).toBe("Nov 2");
    const weeks = weeklySeries([{ week: "2026-11-02", gmv: 123456, net_profit: 100 }], "USD");
    expect(weeklySummary(weeks)).toContain("the best week, 2026-11-02, sold $1,234.56");
    expect(weeklySummary([])).toBe("No sales yet.");
  });
});

describe("roiByCreator", () => {
  const rows = [
    reportRow("@big-spend-loss", { gmv: 1000, flat_fees: 90_000 }, { id: 1 }),
    reportRow("@small-win", { gmv: 20_000, flat_fees: 1_000 }, { id: 2 }),
    reportRow("@mid-win", { gmv: 90_000, flat_fees: 30_000 }, { id: 3 }),
    reportRow("@no-spend", { gmv: 50_000 }, { id: 4 }),
    // The sales of creators outside every collaboration: commission spent, but no one creator's ROI.
    reportRow(
      "40 creators outside your campaigns",
      { gmv: 500_000, commission_pending: 50_000 },
      { id: null },
    ),
  ];

  it("keeps the creators the seller spent most on, best ROI first, and leaves out those with no spend and the outsiders' row", () => {
    const bars = roiByCreator(rows, 2);
    expect(bars.map((b) => b.label)).toEqual(["@mid-win", "@big-spend-loss"]);
    expect(bars[1]?.roiBp).toBeLessThan(0);
    expect(roiByCreator(rows).map((b) => b.label)).toEqual(["@small-win", "@mid-win", "@big-spend-loss"]);
  });

  it("summarises the bars for a screen reader", () => {
    expect(roiSummary(roiByCreator(rows))).toMatch(/best @small-win at 1,900\.0\u00a0%.*1 lost money/);
    expect(roiSummary([])).toMatch(/no ROI/);
  });
});

describe("clip", () => {
  it("shortens long names by characters, not UTF-16 units", () => {
    expect(clip("@mia")).toBe("@mia");
    expect(clip("@ana.makeup.and.skincare", 10)).toBe("@ana.make…");
    expect(clip("🌸🌸🌸🌸🌸", 3)).toBe("🌸🌸…");
  });
});
