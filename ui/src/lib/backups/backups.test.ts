import { describe, expect, it } from "vitest";
import { fileName, holdings, kindLabel } from "./backups";
import type { BackupSummary } from "../bindings/BackupSummary";

const summary: BackupSummary = {
  taken_at: "2026-12-07T03:10:00Z",
  kind: "pre_migration",
  workspace: "workspace.scout",
  schema_version: 20261124001100,
  creators: 2052,
  campaigns: 1,
  offers: 0,
  order_lines: 1382,
};

describe("backups in words", () => {
  it("says what a backup holds, each count with its noun", () => {
    expect(holdings(summary)).toBe("2,052 creators · 1 campaign · 0 offers · 1,382 order lines");
  });

  it("names each kind for a seller", () => {
    expect(kindLabel("pre_migration")).toBe("Before an upgrade");
    expect(kindLabel("pre_restore")).toBe("Before a restore");
    expect(kindLabel("daily")).toBe("Daily");
  });

  it("takes the file name from a Unix or a Windows path", () => {
    expect(fileName("/home/s/backups/ws-2026-12-07-031000-daily.scout-backup")).toBe(
      "ws-2026-12-07-031000-daily.scout-backup",
    );
    expect(fileName("C:\\Users\\s\\backups\\ws.scout-backup")).toBe("ws.scout-backup");
  });
});
