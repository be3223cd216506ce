// TEMPORARY: hand-written mirror of the Rust types that ts-rs hasn't written into ./bindings/ yet
// (taken from crates/scout-app, scout-ingest and src-tauri as they stand; see docs/ipc-contract.md).
// Delete each type here once its generated file exists, and this file with the last one.
import type { BatchCounts } from "./bindings/BatchCounts";
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { Field } from "./bindings/Field";
import type { IssueOutcome } from "./bindings/IssueOutcome";
import type { SourceFile } from "./bindings/SourceFile";

export type ErrorCode =
  "not_found" | "invalid_input" | "import_failed" | "cancelled" | "workspace" | "io" | "internal";

export type ErrorPayload = { code: ErrorCode; message: string };

export type WorkspaceInfo = { path: string; name: string; creator_count: number; batch_count: number };

export type FieldOption = { field: Field; label: string; required: boolean };

export type ImportPreview = {
  source: SourceFile;
  headers: Array<string>;
  mapping: ColumnMapping;
  sample_rows: Array<Array<string>>;
  row_estimate: number;
  missing_required: Array<Field>;
  unmapped_columns: Array<string>;
  already_imported_batch: number | null;
  fields: Array<FieldOption>;
};

export type ImportProgress = { rows_done: number; bytes_done: number; bytes_total: number };

export type ImportStatus = "imported" | "unchanged_duplicate_file";

export type RowIssue = {
  line: number;
  column: string | null;
  raw_value: string | null;
  message: string;
  outcome: IssueOutcome;
};

export type ImportReport = {
  batch_id: number | null;
  file_name: string;
  status: ImportStatus;
  issues: Array<RowIssue>;
  issues_truncated: number;
  duration_ms: number;
} & BatchCounts;
