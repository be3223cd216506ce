// Backups: the Settings section's commands (src-tauri/src/backup_commands.rs) and how a backup is said
// in words — its kind, what it holds.
import { call } from "../common/ipc";
import { plural } from "../common/format";
import type { Backup } from "../bindings/Backup";
import type { BackupKind } from "../bindings/BackupKind";
import type { BackupOverview } from "../bindings/BackupOverview";
import type { BackupSummary } from "../bindings/BackupSummary";
import type { RestoreReport } from "../bindings/RestoreReport";

export type { Backup, BackupKind, BackupOverview, BackupSummary, RestoreReport };

export const backupOverview = () => call<BackupOverview>("backup_overview");
export const backUpNow = () => call<Backup>("back_up_now");
/** `null` goes back to the default folder beside the workspace. */
export const setBackupFolder = (folder: string | null) =>
  call<BackupOverview>("set_backup_folder", { folder });
/** What a backup holds, read from its summary (quick). */
export const describeBackup = (path: string) => call<BackupSummary>("describe_backup", { path });
/** Every page of a backup checked; what it holds. */
export const verifyBackup = (path: string) => call<BackupSummary>("verify_backup", { path });
export const restoreBackup = (path: string) => call<RestoreReport>("restore_backup", { path });

const KINDS: Record<BackupKind, string> = {
  daily: "Daily",
  manual: "Made by hand",
  pre_migration: "Before an upgrade",
  pre_restore: "Before a restore",
};

export function kindLabel(kind: BackupKind): string {
  return KINDS[kind];
}

/** "2,052 creators · 14 campaigns · 3 offers · 1,382 order lines". */
export function holdings(summary: BackupSummary): string {
  return [
    plural(summary.creators, "creator"),
    plural(summary.campaigns, "campaign"),
    plural(summary.offers, "offer"),
    plural(summary.order_lines, "order line"),
  ].join(" · ");
}

/** The file's name without its folder (either separator: the folder may be a Windows one). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
