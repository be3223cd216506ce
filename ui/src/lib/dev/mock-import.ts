// DEVELOPMENT ONLY — the creator import as the mock backend shows it: a sniffed file (its headers, a
// guessed mapping, sample rows with a hostile cell), the batches an import records, and the reports of
// an import and of the demo.
import { syntheticCreators } from "./synthetic";
import type {
  ImportCounts,
  Field,
  FieldOption,
  ImportBatch,
  ImportPreview,
  ImportReport,
} from "../common/types";

const HEADERS = [
  "Creator username",
  "Creator name",
  "Followers",
  "Avg. video views",
  "Engagement rate",
  "GMV (USD)",
  "Category",
  "Country/Region",
  "Contact e-mail",
  "Internal notes",
];
const GUESS: (Field | null)[] = [
  "handle",
  "display_name",
  "followers",
  "avg_views",
  "engagement_rate",
  "gmv",
  "categories",
  "country",
  "email",
  null,
];

// The labels Rust's `Field::label` gives (crates/scout-ingest/src/fields.rs).
const FIELD_OPTIONS: FieldOption[] = (
  [
    ["handle", "Handle"],
    ["platform", "Platform"],
    ["open_id", "Open ID"],
    ["display_name", "Display name"],
    ["followers", "Followers"],
    ["following", "Following"],
    ["avg_views", "Avg. views"],
    ["avg_likes", "Avg. likes"],
    ["avg_comments", "Avg. comments"],
    ["avg_shares", "Avg. shares"],
    ["engagement_rate", "Engagement rate"],
    ["gmv", "GMV"],
    ["currency", "Currency"],
    ["units_sold", "Units sold"],
    ["avg_commission_rate", "Avg. commission rate"],
    ["categories", "Categories"],
    ["country", "Country"],
    ["language", "Language"],
    ["bio", "Bio"],
    ["email", "E-mail"],
    ["audience_female", "Audience female %"],
    ["audience_male", "Audience male %"],
    ["audience_other", "Audience other gender %"],
    ["age_13_to_17", "Age 13–17 %"],
    ["age_18_to_24", "Age 18–24 %"],
    ["age_25_to_34", "Age 25–34 %"],
    ["age_35_to_44", "Age 35–44 %"],
    ["age_45_to_54", "Age 45–54 %"],
    ["age_55_plus", "Age 55+ %"],
    ["audience_countries", "Audience countries"],
    ["as_of", "As of"],
  ] as const
).map(([field, label]) => ({ field, label, required: field === "handle" }));

/** What `preview_import` says of the mock's one file; `batches`: the imports done so far. */
export function preview(
  mapping: { columns: (Field | null)[] } | null,
  batches: ImportBatch[],
): ImportPreview {
  const columns = mapping?.columns ?? GUESS;
  const sample = syntheticCreators(8, 99).map(({ row, detail }, index) => [
    `@${row.handle}`,
    row.display_name ?? "",
    row.followers === null ? "" : String(row.followers),
    row.avg_views === null ? "n/a" : String(row.avg_views),
    row.engagement_rate === null ? "" : `${(row.engagement_rate / 100).toFixed(2)}%`,
    row.gmv ? `$${(row.gmv.minor / 100).toFixed(2)}` : "",
    row.categories.join("; "),
    row.country ?? "",
    detail.profile.email ?? "",
    index === 2 ? "<img src=x onerror=alert(1)>" : index === 4 ? "asked for samples twice — follow up" : "",
  ]);
  return {
    source: {
      path: "/home/seller/Downloads/affiliate_creators_2026-11-20.csv",
      file_name: "affiliate_creators_2026-11-20.csv",
      format: "csv",
      encoding: "UTF-8",
      delimiter: ",",
      content_hash: "0".repeat(64),
      size_bytes: 4_812_333,
    },
    headers: HEADERS,
    mapping: { columns: [...columns] },
    mapping_source: "suggested",
    sample_rows: sample,
    row_estimate: 1250,
    missing_required: columns.includes("handle") ? [] : ["handle"],
    unmapped_columns: HEADERS.filter((_, index) => (columns[index] ?? null) === null),
    platform: { platform: null, evidence: [], conflict: false },
    already_imported_batch: batches.some((batch) => batch.source_name === "affiliate_creators_2026-11-20.csv")
      ? (batches[0]?.id ?? null)
      : null,
    fields: FIELD_OPTIONS,
  };
}

export function mockBatch(
  id: number,
  sourceName: string,
  kind: ImportBatch["source_kind"],
  counts: ImportCounts,
): ImportBatch {
  const now = new Date().toISOString();
  return {
    id,
    source_name: sourceName,
    source_kind: kind,
    content_hash: null,
    format: "csv",
    headers: HEADERS,
    as_of: now.slice(0, 10),
    started_at: now,
    finished_at: now,
    counts,
  };
}

/** The report of an import of the mock's file, recorded as `batch`. */
export function importReport(batch: ImportBatch): ImportReport {
  return {
    import_id: batch.id,
    kind: "creators",
    date_order: null,
    attribution: null,
    file_name: batch.source_name,
    status: "imported",
    rows_total: 1250,
    created: 1170,
    updated: 30,
    unchanged: 24,
    merged: 14,
    rejected: 12,
    issues: [
      {
        line: 17,
        column: "Followers",
        raw_value: "1,2,3",
        message: "followers '1,2,3' is not a number",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 42,
        column: "Creator username",
        raw_value: "",
        message: "the handle is empty; every row needs one",
        outcome: "rejected",
        cells: null,
      },
      {
        line: 58,
        column: "Creator username",
        raw_value: "@Mia.Carter",
        message: "same creator as line 12 (tiktok/mia.carter); the later row's figures were kept",
        outcome: "merged",
        cells: null,
      },
      {
        line: 77,
        column: "Engagement rate",
        raw_value: "n/a",
        message: "engagement rate 'n/a' is not a percentage; left unknown",
        outcome: "value_skipped",
        cells: null,
      },
      {
        line: 103,
        column: "Country/Region",
        raw_value: "Untied States",
        message: "'Untied States' is not a country name or ISO code; left unknown",
        outcome: "value_skipped",
        cells: null,
      },
      {
        line: 230,
        column: "Internal notes",
        raw_value: "<img src=x onerror=alert(1)>",
        message: "the handle '<img' has characters a handle can't have",
        outcome: "rejected",
        cells: null,
      },
    ],
    issues_truncated: 20,
    duration_ms: 3120,
    platform: { platform: "tiktok", evidence: [] },
  };
}

/** The batch the demo records: `size` creators, all created. */
export function demoBatch(size: number): ImportBatch {
  return mockBatch(1, "creators-demo.csv", "demo", {
    rows_total: size,
    created: size,
    updated: 0,
    unchanged: 0,
    merged: 0,
    rejected: 0,
  });
}

/** The demo's report. */
export function demoReport(size: number): ImportReport {
  return {
    import_id: 1,
    kind: "creators",
    date_order: null,
    attribution: null,
    file_name: "creators-demo.csv",
    status: "imported",
    rows_total: size,
    created: size,
    updated: 0,
    unchanged: 0,
    merged: 0,
    rejected: 0,
    issues: [],
    issues_truncated: 0,
    duration_ms: 420,
    platform: { platform: "tiktok", evidence: [] },
  };
}
