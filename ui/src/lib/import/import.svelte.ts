// The creator import's service: what a file holds and how its columns map, the import itself (with its
// progress), the rows it rejected, and the imports done so far (the Settings list). The Results import is
// the Results area's (results.svelte.ts).
import { call, callWithProgress } from "../common/ipc";
import type {
  ColumnMapping,
  ImportBatch,
  ImportPreview,
  ImportProgress,
  ImportReport,
  Platform,
} from "../common/types";

/** Sniffs the file and proposes a mapping; pass a mapping to see the sample rows under it. */
export function previewImport(path: string, mapping: ColumnMapping | null): Promise<ImportPreview> {
  return call("preview_import", { path, mapping });
}

/** Runs the import; rejects with code "cancelled" after `cancelImport()`. `platform` is the creators'
 * platform where a row names none (null: what the file says). */
export function runImport(
  path: string,
  mapping: ColumnMapping,
  platform: Platform | null,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  return callWithProgress("run_import", { path, mapping, platform }, onProgress);
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

/** Saves the import template (the CSV header the import reads) at `path`. */
export function saveImportTemplate(path: string): Promise<void> {
  return call("save_import_template", { path });
}
