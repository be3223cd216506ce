import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ExportDialog from "./ExportDialog.svelte";

const query = { campaign_id: 3, currency: null, from: null, to: null };

afterEach(() => {
  cleanup();
  clearMocks();
});

function backend(savePath: string | null, exportError: unknown = null) {
  const calls: [string, Record<string, unknown>][] = [];
  mockIPC((cmd, args) => {
    const a = args as Record<string, unknown>;
    calls.push([cmd, a]);
    if (cmd === "plugin:dialog|save") return savePath;
    if (cmd === "export_results") {
      if (exportError) throw exportError;
      return 42;
    }
    throw new Error(`unexpected ${cmd}`);
  });
  return calls;
}

describe("ExportDialog", () => {
  it("describes the one table it writes", () => {
    backend(null);
    render(ExportDialog, { query, description: "Glow serum launch, each currency apart", onclose: () => {} });
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent(
      "The results for Glow serum launch, each currency apart, as one table: a row for the total and for each campaign, creator and product of every currency.",
    );
    expect(dialog).toHaveTextContent(
      "Columns: Currency, Group (Total, Campaign, Creator or Product), Name, Orders, Units sold",
    );
    expect(dialog).toHaveTextContent("Net profit and ROI %");
    expect(dialog).not.toHaveTextContent(/sheet per table/);
  });

  it("exports to the path chosen, the format given by its extension alone", async () => {
    const calls = backend("/home/seller/november");
    render(ExportDialog, { query, description: "all campaigns", onclose: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Choose a file and export…" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Wrote 42 rows to /home/seller/november.xlsx.",
    );
    const [save, run] = calls;
    expect(save?.[0]).toBe("plugin:dialog|save");
    expect(save?.[1]).toMatchObject({
      options: { defaultPath: "scout-results.xlsx", filters: [{ extensions: ["xlsx"] }] },
    });
    expect(run).toEqual(["export_results", { query, path: "/home/seller/november.xlsx" }]);
  });

  it("asks for a .csv file when CSV is chosen, and keeps an extension already typed", async () => {
    const calls = backend("/home/seller/november.CSV");
    render(ExportDialog, { query, description: "all campaigns", onclose: () => {} });
    await fireEvent.click(screen.getByRole("radio", { name: /CSV/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Choose a file and export…" }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]?.[1]).toMatchObject({
      options: { defaultPath: "scout-results.csv", filters: [{ extensions: ["csv"] }] },
    });
    expect(calls[1]).toEqual(["export_results", { query, path: "/home/seller/november.CSV" }]);
  });

  it("does nothing when the file dialog is cancelled, and shows a refusal where it happened", async () => {
    const cancelled = backend(null);
    render(ExportDialog, { query, description: "all campaigns", onclose: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Choose a file and export…" }));
    await waitFor(() => expect(cancelled).toHaveLength(1));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    cleanup();
    clearMocks();

    backend("/home/seller/r.xlsx", {
      code: "io",
      message: "/home/seller/r.xlsx: permission denied",
      field: null,
    });
    render(ExportDialog, { query, description: "all campaigns", onclose: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Choose a file and export…" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't export the results. /home/seller/r.xlsx: permission denied",
    );
  });
});
