import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ResultsImportDialog from "./ResultsImportDialog.svelte";
import ImportReportView from "../import/ImportReportView.svelte";
import type { ImportReport } from "../../lib/common/types";

const report: ImportReport = {
  file_name: "orders_november.csv",
  kind: "orders",
  import_id: 1,
  status: "imported",
  merged: 0,
  duration_ms: 800,
  platform: null,
  rows_total: 40,
  created: 30,
  updated: 4,
  unchanged: 3,
  rejected: 3,
  attribution: { attributed: 31, unattributed: 3 },
  issues_truncated: 0,
  date_order: null,
  issues: [
    {
      line: 14,
      column: "Order ID",
      raw_value: "",
      message: "the order id is empty",
      outcome: "rejected",
      cells: null,
    },
    {
      line: 131,
      column: "Commission rate",
      raw_value: "fifteen",
      message: "'fifteen' is not a percentage",
      outcome: "value_skipped",
      cells: null,
    },
    {
      line: 590,
      column: null,
      raw_value: null,
      message: "the row has 11 cells",
      outcome: "rejected",
      cells: null,
    },
  ],
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("results import report", () => {
  it("counts every row once and lists each issue with its line, column, value and outcome", () => {
    render(ImportReportView, { report });
    expect(screen.getByText(/an affiliate order export: 40 rows/)).toBeInTheDocument();
    const counts = screen.getByTestId("import-counts");
    expect(counts).toHaveTextContent("30 Created");
    expect(counts).toHaveTextContent("4 Updated");
    expect(counts).toHaveTextContent("3 Unchanged");
    expect(counts).toHaveTextContent("3 Rejected");
    expect(screen.getByText(/31 order lines/)).toBeInTheDocument();
    expect(screen.getByText(/matched a collaboration/)).toHaveTextContent(/3 didn't/);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent?.trim());
    expect(cells(rows[0]!)).toEqual(["14", "Order ID", "(empty)", "the order id is empty", "Row rejected"]);
    expect(cells(rows[1]!)).toEqual([
      "131",
      "Commission rate",
      "fifteen",
      "'fifteen' is not a percentage",
      "Value skipped",
    ]);
    expect(cells(rows[2]!)).toEqual(["590", "—", "—", "the row has 11 cells", "Row rejected"]);
    expect(screen.getByRole("heading", { name: "3 issues" })).toBeInTheDocument();
    expect(screen.queryByTestId("issues-truncated")).not.toBeInTheDocument();
    expect(screen.queryByTestId("date-order")).not.toBeInTheDocument();
  });

  it("counts the issues Rust left out of the list, and says how the dates were read", () => {
    render(ImportReportView, {
      report: {
        ...report,
        issues_truncated: 1_234,
        date_order: "Dates read day first, as the file's unambiguous dates show.",
      },
    });
    // 3 listed + 1,234 left out.
    expect(screen.getByRole("heading", { name: "1,237 issues" })).toBeInTheDocument();
    expect(screen.getAllByRole("row").slice(1)).toHaveLength(3);
    expect(screen.getByTestId("issues-truncated")).toHaveTextContent(
      "…and 1,234 more issues not listed here.",
    );
    expect(screen.getByTestId("date-order")).toHaveTextContent(
      "Dates read day first, as the file's unambiguous dates show.",
    );
  });

  it("says a video export is one, and that a clean file had no issues", () => {
    render(ImportReportView, { report: { ...report, kind: "videos", attribution: null, issues: [] } });
    expect(screen.getByText(/a creator video export/)).toBeInTheDocument();
    expect(screen.getByText("No issues: every row was read as expected.")).toBeInTheDocument();
    expect(screen.queryByText(/matched a collaboration/)).not.toBeInTheDocument();
  });
});

describe("ResultsImportDialog", () => {
  it("imports with progress, then shows the report and tells the screen", async () => {
    let imported: ImportReport | null = null;
    mockIPC((cmd) => {
      if (cmd === "import_results") return report;
      throw new Error(`unexpected ${cmd}`);
    });
    render(ResultsImportDialog, {
      source: { kind: "file", path: "/home/seller/orders_november.csv" },
      onclose: () => {},
      onimported: (r: ImportReport) => (imported = r),
    });
    expect(await screen.findByText(/an affiliate order export/)).toBeInTheDocument();
    expect(imported).toEqual(report);
    expect(screen.getByRole("button", { name: "Done" })).toBeEnabled();
  });

  it("cancels and says so", async () => {
    let cancel: (() => void) | null = null;
    mockIPC((cmd) => {
      if (cmd === "import_results") {
        return new Promise((_, reject) => {
          cancel = () => reject({ code: "cancelled", message: "The import was cancelled.", field: null });
        });
      }
      if (cmd === "cancel_results_import") {
        cancel?.();
        return null;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(ResultsImportDialog, {
      source: { kind: "file", path: "/tmp/orders.csv" },
      onclose: () => {},
      onimported: () => {},
    });
    for (const close of screen.getAllByRole("button", { name: "Close" })) expect(close).toBeDisabled();
    await fireEvent.click(await screen.findByRole("button", { name: "Cancel import" }));
    expect(await screen.findByText("Import cancelled.")).toBeInTheDocument();
  });

  it("shows why an import failed", async () => {
    mockIPC(() => {
      throw {
        code: "import_failed",
        message: "row 1: this is neither an order nor a video export",
        field: null,
      };
    });
    render(ResultsImportDialog, {
      source: { kind: "file", path: "/tmp/creators.csv" },
      onclose: () => {},
      onimported: () => {},
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("The import stopped. row 1: this is neither");
  });
  it("syncs the chosen days of orders from TikTok Shop and places issues by order", async () => {
    const calls: unknown[] = [];
    let imported: ImportReport | null = null;
    const synced: ImportReport = {
      ...report,
      file_name: "TikTok Shop API",
      issues: [
        {
          line: 7,
          column: null,
          raw_value: null,
          message: "order 576000000000000007: skipped: skus[0].price.currency: 'US$' is not a currency code",
          outcome: "rejected",
          cells: null,
        },
      ],
    };
    mockIPC((cmd, args) => {
      if (cmd === "sync_results") {
        calls.push(args);
        return synced;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(ResultsImportDialog, {
      source: { kind: "tiktok" },
      onclose: () => {},
      onimported: (r: ImportReport) => (imported = r),
    });
    expect(screen.getByRole("heading", { name: "Sync orders from TikTok Shop" })).toBeInTheDocument();
    expect(calls).toEqual([]);
    await fireEvent.change(screen.getByRole("combobox", { name: "Days of orders" }), {
      target: { value: "90" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Sync orders" }));
    expect(await screen.findByText(/the last 90 days from TikTok Shop: 40 order lines/)).toBeInTheDocument();
    expect(calls).toEqual([{ days: 90 }]);
    expect(imported).toEqual(synced);
    expect(screen.getByRole("columnheader", { name: "Order" })).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /^7 .*order 576000000000000007: skipped/ })).toBeInTheDocument();
  });

  it("says a failed sync kept nothing, and retries", async () => {
    let calls = 0;
    mockIPC((cmd) => {
      if (cmd !== "sync_results") throw new Error(`unexpected ${cmd}`);
      calls += 1;
      throw { code: "invalid_input", message: "TikTok Shop: 36009010 the server is busy", field: null };
    });
    render(ResultsImportDialog, { source: { kind: "tiktok" }, onclose: () => {}, onimported: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Sync orders" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The sync stopped; nothing from it was kept");
    await fireEvent.click(screen.getByRole("button", { name: /retry|try again/i }));
    await screen.findByRole("alert");
    expect(calls).toBe(2);
  });
});
