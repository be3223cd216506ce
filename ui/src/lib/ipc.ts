// The only module that calls Rust: one typed function per command in docs/ipc-contract.md.
// Every function rejects with an `IpcFailure`, which is an `IpcError { code, message }`.
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type {
  ColumnMapping,
  CreatorDetail,
  CreatorFacets,
  CreatorPage,
  CreatorQuery,
  ImportBatch,
  ImportPreview,
  ImportProgress,
  ImportReport,
  IpcError,
  IpcErrorCode,
  WorkspaceInfo,
} from "./types";

const ERROR_CODES: ReadonlySet<string> = new Set<IpcErrorCode>([
  "not_found",
  "invalid_input",
  "import_failed",
  "cancelled",
  "workspace",
  "io",
  "internal",
]);

/** A rejected command. It is an `Error` (so it keeps a stack) and an `IpcError` (so screens can branch on `code`). */
export class IpcFailure extends Error implements IpcError {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = "IpcFailure";
    this.code = code;
  }
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && ERROR_CODES.has(code) && typeof message === "string";
}

/** Whatever a command (or a dialog) rejected with, as an `IpcFailure`; unknown shapes become code "internal". */
export function toIpcError(reason: unknown): IpcFailure {
  if (reason instanceof IpcFailure) return reason;
  if (isIpcError(reason)) return new IpcFailure(reason.code, reason.message);
  if (reason instanceof Error) return new IpcFailure("internal", reason.message || reason.name);
  if (typeof reason === "string") return new IpcFailure("internal", reason);
  let text: string;
  try {
    text = JSON.stringify(reason) ?? String(reason);
  } catch {
    text = String(reason);
  }
  return new IpcFailure("internal", `Unexpected error: ${text}`);
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

export function workspaceInfo(): Promise<WorkspaceInfo> {
  return call("workspace_info");
}

/** Opens the workspace file at `path` (a `.scout` or `.db` file), creating it if missing. */
export function openWorkspace(path: string): Promise<WorkspaceInfo> {
  return call("open_workspace", { path });
}

/** Imports the bundled synthetic demo creators into the open workspace (one report per demo file). */
export function loadDemoWorkspace(): Promise<ImportReport[]> {
  return call("load_demo_workspace");
}

export function listCreators(query: CreatorQuery): Promise<CreatorPage> {
  return call("list_creators", { query });
}

export function creatorFacets(): Promise<CreatorFacets> {
  return call("creator_facets");
}

export function getCreator(id: number): Promise<CreatorDetail> {
  return call("get_creator", { id });
}

/** Sniffs the file and proposes a mapping; pass a mapping to see the sample rows under it. */
export function previewImport(path: string, mapping: ColumnMapping | null): Promise<ImportPreview> {
  return call("preview_import", { path, mapping });
}

/** Runs the import; rejects with code "cancelled" after `cancelImport()`. */
export function runImport(
  path: string,
  mapping: ColumnMapping,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const channel = new Channel<ImportProgress>(onProgress);
  return call("run_import", { path, mapping, onProgress: channel });
}

export function cancelImport(): Promise<void> {
  return call("cancel_import");
}

/** Writes the rejected rows of a batch to a CSV file; resolves to the number of rows written. */
export function exportRejectedRows(batchId: number, path: string): Promise<number> {
  return call("export_rejected_rows", { batchId, path });
}

export function listImportBatches(): Promise<ImportBatch[]> {
  return call("list_import_batches");
}
