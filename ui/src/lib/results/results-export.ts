// Exporting the results report: Rust writes CSV or XLSX by the path's extension, so the format the seller
// chose in the export dialog only picks the save dialog's filter and, when the name typed has no such
// extension (Linux file dialogs don't add one), the extension added to it.
export type ExportFormat = "csv" | "xlsx";

/** "/a/b/results" → "/a/b/results.xlsx"; a path already ending in .csv or .xlsx (any case) is kept. */
export function exportPath(path: string, format: ExportFormat): string {
  return /\.(csv|xlsx)$/i.test(path) ? path : `${path}.${format}`;
}
