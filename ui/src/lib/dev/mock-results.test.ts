// The dev mock answers like Rust does (docs/ipc-contract.md, "Results"), so screens seen in the browser
// show what the app will.
import { describe, expect, it } from "vitest";
import { mockResults } from "./mock-results";
import { net } from "./mock-results-ledger";
import ledgerCases from "../bindings/ledger-cases.json";
import type { Channel } from "@tauri-apps/api/core";
import type { ImportProgress, Ledger, NetResult, ImportReport, ResultsReport } from "../common/types";

const all = { campaign_id: null, currency: null };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("the ledger maths", () => {
  it("gives Rust's own answer (Ledger::net, written by cargo test) for every committed case", () => {
    expect(ledgerCases.length).toBeGreaterThan(100);
    for (const { ledger, net: rust } of ledgerCases as { ledger: Ledger; net: NetResult }[]) {
      expect(net(ledger)).toEqual(rust);
    }
  });
});

describe("the results mock", () => {
  it("orders currencies by orders (most first) and says what the figures leave out", () => {
    const handle = mockResults("multi");
    const report = handle("results_report", { query: all }) as ResultsReport;
    const orders = report.currencies.map((c) => c.total.ledger.orders);
    expect(orders).toEqual([...orders].sort((a, b) => b - a));
    expect(report.currencies.map((c) => c.currency).sort()).toEqual(["GBP", "MYR", "USD"]);
    expect(report.warnings).toHaveLength(3);
    expect(report.warnings[0]).toMatch(
      /^The product cost of \d+ units of Glow serum travel size 10 ml is not counted: no campaign names this product, so its unit cost is unknown\.$/,
    );
    expect(report.warnings[1]).toMatch(
      /^The 8\.50 USD shipping of .+'s sample is not counted: it is not in MYR, the campaign's currency\.$/,
    );
  });

  it("refuses a conversion as Rust does, with no field, and converts once the rates are there", () => {
    const handle = mockResults("multi");
    expect(refusal(() => handle("results_report", { query: { ...all, currency: "USD" } }))).toEqual({
      code: "invalid_input",
      message:
        "there is no exchange rate from MYR to USD: add it under Exchange rates, or keep currencies apart",
      field: null,
      problems: [],
    });
    expect(refusal(() => handle("results_report", { query: { ...all, currency: "EUR" } }))).toEqual({
      code: "invalid_input",
      message: "the saved exchange rates convert into USD, not EUR: change them under Exchange rates",
      field: null,
      problems: [],
    });
    handle("save_exchange_rates", {
      conversion: {
        to: "USD",
        rates: [
          { from: "GBP", rate_micros: 1_270_000 },
          { from: "MYR", rate_micros: 213_000 },
        ],
      },
    });
    const converted = handle("results_report", { query: { ...all, currency: "USD" } }) as ResultsReport;
    expect(converted.currencies.map((c) => c.currency)).toEqual(["USD"]);
    expect(converted.conversion?.to).toBe("USD");
    // Converted, the foreign shipping is counted: only the unknown product cost is left out.
    expect(converted.warnings).toHaveLength(1);
    const apart = handle("results_report", { query: all }) as ResultsReport;
    const orders = apart.currencies.reduce((sum, c) => sum + c.total.ledger.orders, 0);
    expect(converted.currencies[0]?.total.ledger.orders).toBe(orders);
  });

  it("refuses rates as Rust does: field 'rates', the message naming the currency", () => {
    const handle = mockResults("one");
    const save = (rates: { from: string; rate_micros: number }[]) =>
      refusal(() => handle("save_exchange_rates", { conversion: { to: "USD", rates } }));
    expect(save([{ from: "GBP", rate_micros: 0 }])).toEqual({
      code: "invalid_input",
      message: "the rate for GBP must be above 0",
      field: "rates",
      problems: [{ field: "rates", message: "the rate for GBP must be above 0" }],
    });
    expect(
      save([
        { from: "GBP", rate_micros: 1 },
        { from: "GBP", rate_micros: 2 },
      ]),
    ).toMatchObject({ message: "GBP has more than one rate", field: "rates" });
    expect(save([{ from: "USD", rate_micros: 1 }])).toMatchObject({
      message: "USD needs no rate: it is the report's currency",
    });
  });

  it("exports by the path's extension: a row per total, campaign, creator and product", () => {
    const handle = mockResults("one");
    const report = handle("results_report", { query: all }) as ResultsReport;
    const rows = report.currencies.reduce(
      (sum, c) => sum + 1 + c.by_campaign.length + c.by_creator.length + c.by_product.length,
      0,
    );
    expect(handle("export_results", { query: all, path: "/tmp/r.csv" })).toBe(rows);
    expect(handle("export_results", { query: all, path: "/tmp/r.XLSX" })).toBe(rows);
    expect(refusal(() => handle("export_results", { query: all, path: "/tmp/r.pdf" }))).toMatchObject({
      code: "invalid_input",
      message: "/tmp/r.pdf: export to a .csv or .xlsx file",
    });
  });

  it("counts a line assigned from another currency in its own currency's section", () => {
    const handle = mockResults("multi");
    const before = handle("results_report", { query: { ...all, campaign_id: 3 } }) as ResultsReport;
    expect(before.currencies.map((c) => c.currency)).toEqual(["MYR"]);
    const board = handle("pipeline_board", { campaignId: 3 }) as { creator_id: number }[];
    const [line] = handle("unattributed_orders", { offset: 0, limit: 1 }) as {
      line_id: number;
      payment: { currency: string };
    }[];
    expect(line?.payment.currency).toBe("USD");
    handle("assign_orders", { lineIds: [line?.line_id], campaignId: 3, creatorId: board[0]?.creator_id });
    const after = handle("results_report", { query: { ...all, campaign_id: 3 } }) as ResultsReport;
    expect(after.currencies.map((c) => c.currency).sort()).toEqual(["MYR", "USD"]);
    expect(after.currencies.find((c) => c.currency === "USD")?.total.ledger.orders).toBe(1);
  });

  it("imports a large file as Rust reports it: 1,000 issues listed, the rest counted", async () => {
    const handle = mockResults("empty", { importIssues: "truncated" });
    const channel = { onmessage: () => {} } as unknown as Channel<ImportProgress>;
    const report = (await handle("import_results", { onProgress: channel })) as ImportReport;
    expect(report.issues).toHaveLength(1_000);
    expect(report.issues_truncated).toBe(312);
    expect(report.created + report.updated + report.unchanged + report.rejected).toBe(report.rows_total);
    expect(report.date_order).toBe("Dates read month first, as the file's unambiguous dates show.");
  }, 10_000);
  it("syncs from TikTok Shop like Rust: every line counted once, the second sync unchanged", async () => {
    const handle = mockResults("empty");
    const first = (await handle("sync_results", { days: 30 })) as ImportReport;
    expect(first.file_name).toBe("TikTok Shop API");
    expect(first.created + first.updated + first.unchanged + first.rejected).toBe(first.rows_total);
    expect(first.issues[0]?.message).toMatch(/^order \d+: skipped: /);
    const report = handle("results_report", { query: all }) as ResultsReport;
    expect(report.currencies.map((c) => c.currency)).toEqual(["USD"]);
    const again = (await handle("sync_results", { days: 30 })) as ImportReport;
    expect([again.created, again.unchanged]).toEqual([0, first.created]);
    await expect(Promise.resolve().then(() => handle("sync_results", { days: 0 }))).rejects.toMatchObject({
      code: "invalid_input",
      field: "days",
    });
  }, 10_000);
});
