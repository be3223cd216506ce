import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import RestoreBackup from "./RestoreBackup.svelte";
import type { Backup } from "../../lib/bindings/Backup";

afterEach(() => {
  cleanup();
  clearMocks();
});

const summary = {
  taken_at: "2026-12-06T08:14:00Z",
  kind: "daily" as const,
  workspace: "ws.scout",
  schema_version: 20261124001100,
  creators: 2052,
  campaigns: 14,
  offers: 3,
  order_lines: 1382,
};
const backups: Backup[] = [
  { path: "/b/ws-2026-12-06-081400-daily.scout-backup", size_bytes: 4_000_000, summary, problem: null },
  { path: "/b/broken.scout-backup", size_bytes: 10, summary: null, problem: "it holds no backup summary" },
];

describe("restore a backup", () => {
  it("says what the chosen backup holds before anything is replaced, and replaces only on confirm", async () => {
    const calls: string[] = [];
    let restored = false;
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "describe_backup" || cmd === "verify_backup") return summary;
      if (cmd === "restore_backup") {
        restored = true;
        return { restored: summary, pre_restore: null, damaged_copy: null };
      }
      if (cmd === "workspace_info") return null;
      throw new Error(`unexpected ${cmd}`);
    });
    let done = false;
    render(RestoreBackup, {
      backups,
      onclose: () => {},
      onrestored: (report) => {
        done = report.restored.creators === 2052;
      },
    });
    const replace = screen.getByRole("button", { name: "Replace the workspace" });
    expect(replace).toBeDisabled();
    expect(screen.getByRole("option", { name: /broken\.scout-backup/ })).toBeDisabled();

    await fireEvent.click(screen.getByRole("option", { name: /Daily/ }));
    const holds = await screen.findByTestId("backup-holds");
    expect(holds).toHaveTextContent("2,052");
    expect(holds).toHaveTextContent("1,382");
    await waitFor(() => expect(holds).toHaveTextContent("This backup is whole"));
    expect(calls).toEqual(["describe_backup", "verify_backup"]);
    expect(replace).toBeEnabled();

    await fireEvent.click(replace);
    await waitFor(() => expect(done).toBe(true));
    expect(restored).toBe(true);
  });
});
