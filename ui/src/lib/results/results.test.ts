import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import {
  assignOrders,
  cancelResultsImport,
  exchangeRates,
  exportResults,
  importResults,
  resultsReport,
  saveExchangeRates,
  unattributedOrders,
  unattributedGroups,
  creditPreview,
  creditOrders,
} from "./results.svelte";
import type { ImportProgress } from "../common/types";

afterEach(() => clearMocks());

describe("results commands", () => {
  it("send the contract's command names and camelCase argument names", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      return null;
    });
    const query = { campaign_id: 3, currency: null, from: "2026-11-01", to: "2026-11-30" };
    const conversion = { to: "USD", rates: [{ from: "GBP", rate_micros: 1_270_000 }] };
    await resultsReport(query);
    await cancelResultsImport();
    const period = { from: "2026-11-01", to: "2026-11-30", creator: "@mia", without_creator: false };
    await unattributedOrders(period, 100, 50);
    await unattributedGroups(period, 0, 20);
    await creditPreview([11], 3, 9);
    await creditOrders([11], 3, 9);
    await assignOrders([11, 12], 3, 9);
    await exportResults(query, "/tmp/results.xlsx");
    await exportResults(query, "/tmp/results.csv");
    await exchangeRates();
    await saveExchangeRates(conversion);
    await saveExchangeRates(null);
    expect(calls).toEqual([
      ["results_report", { query }],
      ["cancel_results_import", {}],
      ["unattributed_orders", { query: period, offset: 100, limit: 50 }],
      ["unattributed_groups", { query: period, offset: 0, limit: 20 }],
      ["credit_preview", { lineIds: [11], campaignId: 3, creatorId: 9 }],
      ["credit_orders", { lineIds: [11], campaignId: 3, creatorId: 9 }],
      ["assign_orders", { lineIds: [11, 12], campaignId: 3, creatorId: 9 }],
      // The format is the path's extension: no other argument.
      ["export_results", { query, path: "/tmp/results.xlsx" }],
      ["export_results", { query, path: "/tmp/results.csv" }],
      ["exchange_rates", {}],
      ["save_exchange_rates", { conversion }],
      ["save_exchange_rates", { conversion: null }],
    ]);
  });

  it("pass results import progress through the channel", async () => {
    mockIPC((command, payload) => {
      if (command !== "import_results") return null;
      const { path, onProgress } = payload as {
        path: string;
        onProgress: { onmessage: (p: ImportProgress) => void };
      };
      onProgress.onmessage({ rows_done: 5, bytes_done: 10, bytes_total: 20 });
      return { file_name: path };
    });
    const seen: ImportProgress[] = [];
    const report = await importResults("/tmp/orders.csv", (progress) => seen.push(progress));
    expect(report).toEqual({ file_name: "/tmp/orders.csv" });
    expect(seen).toEqual([{ rows_done: 5, bytes_done: 10, bytes_total: 20 }]);
  });

  it("reject a refused conversion or save with Rust's code, message and field", async () => {
    const missing =
      "there is no exchange rate from GBP to USD: add it under Exchange rates, or keep currencies apart";
    mockIPC((command) => {
      if (command === "results_report") throw { code: "invalid_input", message: missing, field: null };
      throw { code: "invalid_input", message: "the rate for GBP must be above 0", field: "rates" };
    });
    await expect(
      resultsReport({ campaign_id: null, currency: "USD", from: null, to: null }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: missing,
      field: null,
    });
    await expect(
      saveExchangeRates({ to: "USD", rates: [{ from: "GBP", rate_micros: 0 }] }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: "the rate for GBP must be above 0",
      field: "rates",
    });
  });
});
