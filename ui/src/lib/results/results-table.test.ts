import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, LEDGER_FORMULAS, RESULT_COLUMNS, column, nextSort, sortRows } from "./results-table";
import { EXAMPLE, ledger, reportRow } from "./results-fixtures";

const rows = [
  reportRow("@bea", { gmv: 50_000, orders: 5, flat_fees: 1_000 }),
  reportRow("@ava", { gmv: 90_000, orders: 9, flat_fees: 1_000 }),
  // Nothing spent on her: no ROI.
  reportRow("@cat", { gmv: 70_000, orders: 7 }),
  reportRow("@dan", { gmv: 10_000, orders: 1, flat_fees: 40_000 }),
];
const labels = (sorted: { label: string }[]) => sorted.map((r) => r.label);

describe("sortRows", () => {
  it("sorts by a money column either way", () => {
    expect(labels(sortRows(rows, { column: "gmv", descending: true }))).toEqual([
      "@ava",
      "@cat",
      "@bea",
      "@dan",
    ]);
    expect(labels(sortRows(rows, { column: "gmv", descending: false }))).toEqual([
      "@dan",
      "@bea",
      "@cat",
      "@ava",
    ]);
  });

  it("puts an ROI with no value last in both directions", () => {
    const down = labels(sortRows(rows, { column: "roi", descending: true }));
    const up = labels(sortRows(rows, { column: "roi", descending: false }));
    expect(down).toEqual(["@ava", "@bea", "@dan", "@cat"]);
    expect(up).toEqual(["@dan", "@bea", "@ava", "@cat"]);
  });

  it("sorts names alphabetically and breaks ties by name", () => {
    expect(labels(sortRows(rows, { column: "label", descending: false }))).toEqual([
      "@ava",
      "@bea",
      "@cat",
      "@dan",
    ]);
    const tied = [reportRow("@zed", { orders: 2 }), reportRow("@amy", { orders: 2 })];
    expect(labels(sortRows(tied, { column: "orders", descending: true }))).toEqual(["@amy", "@zed"]);
  });

  it("does not reorder the rows it was given", () => {
    const before = labels(rows);
    sortRows(rows, DEFAULT_SORT);
    expect(labels(rows)).toEqual(before);
  });
});

describe("nextSort", () => {
  it("flips the same column and starts a number column high-to-low, a name A–Z", () => {
    expect(nextSort({ column: "gmv", descending: true }, "gmv")).toEqual({
      column: "gmv",
      descending: false,
    });
    expect(nextSort({ column: "gmv", descending: false }, "roi")).toEqual({
      column: "roi",
      descending: true,
    });
    expect(nextSort(DEFAULT_SORT, "label")).toEqual({ column: "label", descending: false });
  });
});

describe("cell formulas", () => {
  const row = reportRow("@mia", EXAMPLE);

  it("writes the plain sums in words and money", () => {
    expect(LEDGER_FORMULAS.gmv(row.ledger)).toBe("sum of 38 orders' payments = $1,200.00");
    expect(LEDGER_FORMULAS.refunds(row.ledger)).toBe(
      "sum of refunds on 38 orders (3 units returned) = $100.00",
    );
    expect(LEDGER_FORMULAS.units(row.ledger)).toBe("40 units sold − 3 refunded = 37 kept");
    expect(LEDGER_FORMULAS.gmv(ledger("USD", { orders: 1, gmv: 2400 }))).toBe(
      "sum of 1 order's payment = $24.00",
    );
  });

  it("uses Rust's formulas for commission, net profit and ROI", () => {
    expect(column("net_profit").formula(row)).toBe(
      "Net profit = net revenue 1100.00 USD − product cost 222.00 USD − creator cost 385.50 USD = 492.50 USD",
    );
    expect(column("roi").formula(row)).toBe(
      "ROI = net profit 492.50 USD ÷ creator cost 385.50 USD = 127.76 %",
    );
    expect(column("roi").text(row)).toBe("127.8\u00a0%");
    expect(column("net_profit").text(row)).toBe("$492.50");
  });

  it("has a formula for every column", () => {
    for (const c of RESULT_COLUMNS) expect(c.formula(row)).not.toBe("");
  });
});
