// DEVELOPMENT ONLY — the mock backend's backups: two synthetic backups of the mock workspace (a daily
// one and one before an upgrade), "Back up now" adding one, and a restore that answers what it restored.
import type { Backup } from "../bindings/Backup";
import type { BackupKind } from "../bindings/BackupKind";
import type { BackupOverview } from "../bindings/BackupOverview";
import type { RestoreReport } from "../bindings/RestoreReport";
import { fail, sleep } from "./mock-common";

export const NOT_BACKUPS = Symbol("not a backups command");

const DEFAULT_FOLDER = "/home/seller/.local/share/scout/backups";
let folder = DEFAULT_FOLDER;

function backup(taken_at: string, kind: BackupKind, creators: number): Backup {
  const stamp = taken_at.slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return {
    path: `${folder}/mock-${stamp}-${kind}.scout-backup`,
    size_bytes: 180_000 + creators * 1_100,
    summary: {
      taken_at,
      kind,
      workspace: "mock.scout",
      schema_version: 20261124001100,
      creators,
      campaigns: 3,
      offers: 12,
      order_lines: 640,
    },
    problem: null,
  };
}

let backups: Backup[] = [
  backup("2026-12-06T08:14:00Z", "daily", 400),
  backup("2026-12-01T09:02:00Z", "pre_migration", 380),
];

function overview(): BackupOverview {
  return { folder, folder_is_default: folder === DEFAULT_FOLDER, last: backups[0] ?? null, backups };
}

export async function mockBackups(
  command: string,
  args: Record<string, unknown>,
  creatorCount: number,
): Promise<unknown> {
  switch (command) {
    case "backup_overview":
      return overview();
    case "back_up_now": {
      await sleep(700);
      const made = backup(new Date().toISOString(), "manual", creatorCount);
      backups = [made, ...backups];
      return made;
    }
    case "set_backup_folder":
      folder = typeof args.folder === "string" ? args.folder : DEFAULT_FOLDER;
      return overview();
    case "describe_backup":
    case "verify_backup": {
      await sleep(command === "verify_backup" ? 1200 : 100);
      const found = backups.find((b) => b.path === args.path);
      return found?.summary ?? fail("invalid_input", `${String(args.path)} is not a Scout backup`);
    }
    case "restore_backup": {
      await sleep(900);
      const found = backups.find((b) => b.path === args.path);
      if (!found?.summary) return fail("invalid_input", `${String(args.path)} is not a Scout backup`);
      const before = backup(new Date().toISOString(), "pre_restore", creatorCount);
      backups = [before, ...backups];
      return { restored: found.summary, pre_restore: before, damaged_copy: null } satisfies RestoreReport;
    }
    default:
      return NOT_BACKUPS;
  }
}
