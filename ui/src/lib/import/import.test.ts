import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { exportRejectedRows, runImport } from "./import.svelte";
import { listCreators } from "../creators/creators.svelte";
import { DEFAULT_VIEW, toQuery } from "../creators/creators-view";
import type { ImportProgress } from "../common/types";

afterEach(() => clearMocks());

describe("import commands", () => {
  it("send the contract's command names and argument names", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      if (command === "list_creators") return { total: 0, offset: 0, rows: [] };
      return 3;
    });
    const query = toQuery(DEFAULT_VIEW, 100, 100);
    await listCreators(query);
    await exportRejectedRows(9, "/tmp/out.csv");
    expect(calls).toEqual([
      ["list_creators", { query }],
      ["export_rejected_rows", { batchId: 9, path: "/tmp/out.csv" }],
    ]);
  });

  it("pass import progress from the channel to the callback", async () => {
    let platform: unknown;
    mockIPC((command, payload) => {
      if (command !== "run_import") return null;
      platform = (payload as { platform: unknown }).platform;
      const channel = (payload as { onProgress: { onmessage: (p: ImportProgress) => void } }).onProgress;
      channel.onmessage({ rows_done: 10, bytes_done: 50, bytes_total: 100 });
      return { batch_id: 1 };
    });
    const seen: ImportProgress[] = [];
    await runImport("/tmp/a.csv", { columns: ["handle"] }, "instagram", (progress: ImportProgress) =>
      seen.push(progress),
    );
    expect(seen).toEqual([{ rows_done: 10, bytes_done: 50, bytes_total: 100 }]);
    expect(platform).toBe("instagram");
  });
});
