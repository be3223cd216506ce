// DEVELOPMENT ONLY — answers Scout's IPC commands inside a plain browser, so the screens can be seen
// and screenshotted before (or without) the Rust side. Loaded only when VITE_MOCK_IPC=1 (see main.ts);
// production builds don't contain it. All data is synthetic (see synthetic.ts).
//
// URL parameters: ?mockCreators=N starts with N creators (default 0: the first-run screen);
// ?mockDemoSize=N sets how many creators "Load demo workspace" adds (default 400).
// ?mockNoWorkspace=1 starts with no workspace open (until "Open workspace…");
// ?mockFail=COMMAND (repeatable) makes that command reject, to see how each screen shows errors.
// ?mockCampaigns=N starts with N campaigns (default 0: the Campaigns empty state); see mock-campaigns.ts.
// ?mockResults=1 (one currency) or =multi (three, kept apart) starts with results; see mock-results.ts.
// ?mockResultsImport=truncated makes "Import results…" report more issues than it lists.
// ?mockTiktok=1 says TikTok Shop is connected (Results offers "Sync from TikTok Shop").
// ?mockIndexing=1 makes an import leave its sort indexes building for 6 s, like a large one does.
import type { Command } from "../bindings/commands";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import { mockCampaigns } from "./mock-campaigns";
import { mockResults, NOT_RESULTS } from "./mock-results";
import { syntheticCreators, type SyntheticCreator } from "./synthetic";
import type {
  BatchCounts,
  FieldOption,
  CreatorQuery,
  CreatorRow,
  Facet,
  Field,
  ImportBatch,
  ImportPreview,
  ImportProgress,
  ImportReport,
  IpcError,
} from "../common/types";

const params = new URLSearchParams(location.search);
let creators: SyntheticCreator[] = syntheticCreators(Number(params.get("mockCreators") ?? 0));
const demoSize = Number(params.get("mockDemoSize") ?? 400);
let workspace = {
  path: "/home/seller/.local/share/scout/mock.scout",
  name: "Mock workspace (synthetic data)",
};
let batches: ImportBatch[] = [];
/** Like the real store, a large import leaves its sort indexes to build for a few seconds. */
let indexesBuiltAt = 0;
let workspaceOpen = params.get("mockNoWorkspace") !== "1";
let cancelRequested = false;
const failing = new Set(params.getAll("mockFail"));
const campaignCommands = mockCampaigns(() => creators, Number(params.get("mockCampaigns") ?? 0));
const resultsParam = params.get("mockResults");
const resultsCommands = mockResults(
  resultsParam === "multi" ? "multi" : resultsParam && resultsParam !== "0" ? "one" : "empty",
  { importIssues: params.get("mockResultsImport") === "truncated" ? "truncated" : "few" },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(code: IpcError["code"], message: string): never {
  throw { code, message, field: null } satisfies IpcError;
}

function info() {
  return {
    ...workspace,
    creator_count: creators.length,
    batch_count: batches.length,
    sort_indexes_building: Date.now() < indexesBuiltAt,
  };
}

function sortKey(row: CreatorRow, sort: CreatorQuery["sort"]): string | number | null {
  switch (sort) {
    case "gmv":
      return row.gmv?.minor ?? null;
    case "display_name":
      return row.display_name?.toLowerCase() ?? null;
    default:
      return row[sort];
  }
}

function compare(a: CreatorRow, b: CreatorRow, sort: CreatorQuery["sort"]): number {
  const x = sortKey(a, sort);
  const y = sortKey(b, sort);
  if (x === y) return a.id - b.id;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

// The sorted, filtered list for the last query, so paging through 100,000 rows doesn't re-sort each page.
let lastList: { key: string; rows: CreatorRow[] } | null = null;

function listCreators(query: CreatorQuery) {
  const key = JSON.stringify({ ...query, offset: 0, limit: 0, size: creators.length });
  const rows = lastList?.key === key ? lastList.rows : matching(query);
  lastList = { key, rows };
  return {
    total: rows.length,
    offset: query.offset,
    rows: rows.slice(query.offset, query.offset + query.limit),
  };
}

function matching(query: CreatorQuery): CreatorRow[] {
  const search = query.search?.toLowerCase();
  let rows = creators.map((creator) => creator.row);
  rows = rows.filter(
    (row) =>
      (!search || row.handle.includes(search) || (row.display_name ?? "").toLowerCase().includes(search)) &&
      (!query.platform || row.platform === query.platform) &&
      (!query.country || row.country === query.country) &&
      (!query.category || row.categories.includes(query.category)) &&
      (query.min_followers === null || (row.followers ?? -1) >= query.min_followers) &&
      (query.max_followers === null || (row.followers !== null && row.followers <= query.max_followers)) &&
      (query.min_engagement_bp === null || (row.engagement_rate ?? -1) >= query.min_engagement_bp),
  );
  // Unknown values sort last in both directions, as the store does.
  const known = rows.filter((row) => sortKey(row, query.sort) !== null);
  const unknown = rows.filter((row) => sortKey(row, query.sort) === null);
  known.sort((a, b) => {
    const order = compare(a, b, query.sort);
    return query.descending ? -order : order;
  });
  return [...known, ...unknown.sort((a, b) => a.id - b.id)];
}

function facets(values: string[]): Facet[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

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

function preview(mapping: { columns: (Field | null)[] } | null): ImportPreview {
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

async function runImport(onProgress: Channel<ImportProgress>): Promise<ImportReport> {
  cancelRequested = false;
  const bytesTotal = 4_812_333;
  const steps = 30;
  for (let step = 1; step <= steps; step += 1) {
    await sleep(100);
    if (cancelRequested) fail("cancelled", "The import was cancelled.");
    onProgress.onmessage({
      rows_done: Math.round((1250 * step) / steps),
      bytes_done: Math.round((bytesTotal * step) / steps),
      bytes_total: bytesTotal,
    });
  }
  const added = syntheticCreators(1200, 1234).map((creator, index) => {
    const id = creators.length + index + 1;
    return { row: { ...creator.row, id }, detail: { ...creator.detail, id } };
  });
  creators = [...creators, ...added];
  const batch = mockBatch(batches.length + 1, "affiliate_creators_2026-11-20.csv", "file", {
    rows_total: 1250,
    created: 1170,
    updated: 30,
    unchanged: 24,
    merged: 14,
    rejected: 12,
  });
  batches = [batch, ...batches];
  if (params.get("mockIndexing") === "1") indexesBuiltAt = Date.now() + 6000;
  return {
    batch_id: batch.id,
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
    platform: "tiktok",
    platform_evidence: [],
  };
}

function mockBatch(
  id: number,
  sourceName: string,
  kind: ImportBatch["source_kind"],
  counts: BatchCounts,
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

function addBadge() {
  const badge = document.createElement("div");
  badge.textContent = "Mock IPC · synthetic data";
  badge.setAttribute(
    "style",
    "position:fixed;left:8px;bottom:44px;z-index:99;padding:1px 7px;border-radius:999px;font:500 11px system-ui;background:#b4580033;color:#b45800;pointer-events:none",
  );
  document.body.append(badge);
}

export function installMockBackend() {
  addBadge();
  mockIPC(async (command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    await sleep(command === "list_creators" ? 80 + Math.random() * 120 : 60);
    if (!workspaceOpen && command !== "open_workspace" && !command.startsWith("plugin:")) {
      fail("workspace", "no workspace is open. Open or create a workspace in Settings.");
    }
    if (failing.has(command)) {
      fail(
        command === "preview_import" ? "import_failed" : "io",
        command === "preview_import"
          ? "row 1: expected a header row, found binary data (is this an .xlsx renamed to .csv?)"
          : `database is locked (while running ${command})`,
      );
    }
    // Only names the shell registers (or its plugins') type-check as cases.
    switch (command as Command | `plugin:${string}`) {
      case "workspace_info":
        return info();
      case "open_workspace": {
        const path = String(args.path);
        workspace = {
          path,
          name:
            path
              .split("/")
              .pop()
              ?.replace(/\.(scout|db)$/, "") ?? path,
        };
        creators = [];
        batches = [];
        workspaceOpen = true;
        return info();
      }
      case "load_demo_workspace": {
        creators = syntheticCreators(demoSize);
        batches = [
          mockBatch(1, "creators-demo.csv", "demo", {
            rows_total: demoSize,
            created: demoSize,
            updated: 0,
            unchanged: 0,
            merged: 0,
            rejected: 0,
          }),
        ];
        return [
          {
            batch_id: 1,
            file_name: "creators-demo.csv",
            status: "imported",
            rows_total: demoSize,
            created: demoSize,
            updated: 0,
            unchanged: 0,
            merged: 0,
            rejected: 0,
            issues: [],
            issues_truncated: 0,
            duration_ms: 420,
            platform: "tiktok",
            platform_evidence: [],
          },
        ] satisfies ImportReport[];
      }
      case "list_creators":
        return listCreators(args.query as CreatorQuery);
      case "creator_facets":
        return {
          platforms: facets(creators.map((c) => c.row.platform)),
          countries: facets(creators.flatMap((c) => (c.row.country ? [c.row.country] : []))),
          categories: facets(creators.flatMap((c) => c.row.categories)),
        };
      case "get_creator":
        return (
          creators.find((c) => c.detail.id === args.id)?.detail ??
          fail("not_found", `creator ${String(args.id)} does not exist`)
        );
      case "preview_import":
        return preview(args.mapping as { columns: (Field | null)[] } | null);
      case "run_import":
        return runImport(args.onProgress as Channel<ImportProgress>);
      case "cancel_import":
        cancelRequested = true;
        return null;
      case "export_rejected_rows":
        return 12;
      case "list_import_batches":
        return batches;
      case "plugin:dialog|open": {
        const options = args.options as { title?: string; filters?: { extensions: string[] }[] } | undefined;
        if (options?.title === "Import results")
          return "/home/seller/Downloads/affiliate_orders_2026-11-20.xlsx";
        const workspaceFile = options?.filters?.some((filter) => filter.extensions.includes("scout"));
        return workspaceFile
          ? "/home/seller/Scout/agency-clients.scout"
          : "/home/seller/Downloads/affiliate_creators_2026-11-20.csv";
      }
      case "tiktok_status":
        // ?mockTiktok=1: a connected shop (the Results screen then offers to sync orders).
        return {
          connected: params.get("mockTiktok") === "1",
          connection: null,
          access_expires_at: null,
          refresh_expires_at: null,
          quota: null,
          problem: null,
        };
      case "plugin:dialog|save": {
        const options = args.options as { defaultPath?: string } | undefined;
        return `/home/seller/Documents/${options?.defaultPath ?? "export.csv"}`;
      }
      default: {
        const results = resultsCommands(command, args);
        if (results !== NOT_RESULTS) return results;
        const answer = campaignCommands(command, args);
        return answer === undefined
          ? fail("internal", `the mock backend has no command '${command}'`)
          : answer;
      }
    }
  });
}
