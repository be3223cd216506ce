import { describe, expect, it } from "vitest";
import { headlineKpis, secondaryKpis } from "./results-kpis";
import { EXAMPLE, reportRow } from "./results-fixtures";

describe("KPI tiles", () => {
  const total = reportRow("All campaigns", {
    ...EXAMPLE,
    commission_paid: 10_000,
    commission_pending: 5_500,
  });

  it("shows GMV, net profit, ROI and orders, each with its formula", () => {
    const [gmv, profit, roi, orders] = headlineKpis(total);
    expect(gmv).toMatchObject({ label: "GMV", value: "$1,200.00", detail: "$1,100.00 after refunds" });
    expect(gmv?.formula).toContain("GMV = sum of 38 orders' payments = $1,200.00");
    expect(gmv?.formula).toContain("Net revenue = GMV 1200.00 USD − refunds 100.00 USD = 1100.00 USD");
    expect(profit?.formula).toContain(`Net profit = ${total.net.net_profit.formula}`);
    expect(profit?.formula).toContain(`Creator cost = ${total.net.creator_cost.formula}`);
    expect(profit?.tone).toBe("positive");
    expect(roi?.formula).toBe(total.net.roi_formula);
    expect(orders).toMatchObject({ value: "38", detail: "40 units · 3 refunded" });
  });

  it("compares the commission estimated with the commission paid", () => {
    const commission = secondaryKpis(total).find((k) => k.id === "commission");
    expect(commission?.value).toBe("$155.00");
    expect(commission?.detail).toBe("est. $165.00 · paid $100.00");
    expect(commission?.formula).toContain(
      "paid on settled orders 100.00 USD + estimated for orders not settled yet 55.00 USD",
    );
  });

  it("marks a loss, and an ROI with no spend as unknown", () => {
    const loss = headlineKpis(reportRow("x", { gmv: 100, flat_fees: 10_000 }));
    expect(loss[1]?.tone).toBe("negative");
    const free = headlineKpis(reportRow("x", { gmv: 100 }));
    expect(free[2]).toMatchObject({ value: "—", tone: "", detail: "nothing spent on creators" });
  });
});
