// The OS file dialogs the screens use (tauri-plugin-dialog). Each resolves to a path, or null when the
// person cancels; failures reject with an `IpcFailure` like every command (ipc.ts).
import { open, save } from "@tauri-apps/plugin-dialog";
import { toIpcError } from "./ipc";

async function guarded(dialog: () => Promise<string | null>): Promise<string | null> {
  try {
    return await dialog();
  } catch (reason) {
    throw toIpcError(reason);
  }
}

export function pickImportFile(): Promise<string | null> {
  return guarded(() =>
    open({
      title: "Import creators",
      multiple: false,
      directory: false,
      filters: [
        { name: "Creator lists", extensions: ["csv", "tsv", "txt", "xlsx", "xls"] },
        { name: "All files", extensions: ["*"] },
      ],
    }),
  );
}

export function pickWorkspaceFile(): Promise<string | null> {
  return guarded(() =>
    open({
      title: "Open workspace",
      multiple: false,
      directory: false,
      filters: [{ name: "Scout workspace", extensions: ["scout", "db"] }],
    }),
  );
}

export function pickNewWorkspacePath(): Promise<string | null> {
  return guarded(() =>
    save({
      title: "New workspace",
      defaultPath: "creators.scout",
      filters: [{ name: "Scout workspace", extensions: ["scout"] }],
    }),
  );
}

export function pickTemplatePath(): Promise<string | null> {
  return guarded(() =>
    save({
      title: "Save the import template",
      defaultPath: "creators-template.csv",
      filters: [{ name: "CSV", extensions: ["csv"] }],
    }),
  );
}

export function pickRejectedRowsPath(sourceFileName: string): Promise<string | null> {
  const stem = sourceFileName.replace(/\.[^.]+$/, "");
  return guarded(() =>
    save({
      title: "Export rejected rows",
      defaultPath: `${stem}-rejected.csv`,
      filters: [{ name: "CSV", extensions: ["csv"] }],
    }),
  );
}

export function pickManualOffersPath(): Promise<string | null> {
  return guarded(() =>
    save({
      title: "Export offers to send yourself",
      defaultPath: "scout-offers.csv",
      filters: [{ name: "CSV", extensions: ["csv"] }],
    }),
  );
}

export function pickResultsFile(): Promise<string | null> {
  return guarded(() =>
    open({
      title: "Import results",
      multiple: false,
      directory: false,
      filters: [
        { name: "Order or video exports", extensions: ["csv", "tsv", "txt", "xlsx"] },
        { name: "All files", extensions: ["*"] },
      ],
    }),
  );
}

/** Where to write the results report, as a CSV or an Excel file. */
export function pickResultsExportPath(
  format: "csv" | "xlsx",
  stem = "scout-results",
): Promise<string | null> {
  return guarded(() =>
    save({
      title: "Export results",
      defaultPath: `${stem}.${format}`,
      filters:
        format === "csv"
          ? [{ name: "CSV", extensions: ["csv"] }]
          : [{ name: "Excel workbook", extensions: ["xlsx"] }],
    }),
  );
}

/** Where to write the creators picked on the Creators table, as CSV or an Excel file (Scout's template). */
export function pickCreatorsExportPath(): Promise<string | null> {
  return guarded(() =>
    save({
      title: "Export creators",
      defaultPath: "creators.csv",
      filters: [
        { name: "CSV", extensions: ["csv"] },
        { name: "Excel workbook", extensions: ["xlsx"] },
      ],
    }),
  );
}

export function pickBackupFolder(): Promise<string | null> {
  return guarded(() => open({ title: "Backup folder", multiple: false, directory: true }));
}

export function pickBackupFile(): Promise<string | null> {
  return guarded(() =>
    open({
      title: "Restore a backup",
      multiple: false,
      directory: false,
      filters: [{ name: "Scout backup", extensions: ["scout-backup"] }],
    }),
  );
}
