// One import point for the types that cross the IPC boundary, so screens don't care which of them are
// generated (./bindings, by ts-rs from the Rust types) and which are still hand-mirrored (./ipc-types).
export type { AgeBand } from "./bindings/AgeBand";
export type { AudienceMix } from "./bindings/AudienceMix";
export type { BasisPoints } from "./bindings/BasisPoints";
export type { CreatorDetail } from "./bindings/CreatorDetail";
export type { CreatorFacets } from "./bindings/CreatorFacets";
export type { CreatorFigures } from "./bindings/CreatorFigures";
export type { CreatorKey } from "./bindings/CreatorKey";
export type { CreatorPage } from "./bindings/CreatorPage";
export type { CreatorProfile } from "./bindings/CreatorProfile";
export type { CreatorQuery } from "./bindings/CreatorQuery";
export type { CreatorRow } from "./bindings/CreatorRow";
export type { CreatorSnapshot } from "./bindings/CreatorSnapshot";
export type { CreatorSort } from "./bindings/CreatorSort";
export type { Facet } from "./bindings/Facet";
export type { FieldSource } from "./bindings/FieldSource";
export type { GenderSplit } from "./bindings/GenderSplit";
export type { ImportBatch } from "./bindings/ImportBatch";
export type { Money } from "./bindings/Money";
export type { Platform } from "./bindings/Platform";
export type { BatchCounts } from "./bindings/BatchCounts";
export type { ColumnMapping } from "./bindings/ColumnMapping";
export type { Field } from "./bindings/Field";
export type { FileFormat } from "./bindings/FileFormat";
export type { SourceFile } from "./bindings/SourceFile";
export type { IssueOutcome } from "./bindings/IssueOutcome";
export type {
  ErrorCode as IpcErrorCode,
  ErrorPayload as IpcError,
  FieldOption,
  ImportPreview,
  ImportProgress,
  ImportReport,
  RowIssue,
  WorkspaceInfo,
} from "./ipc-types";
