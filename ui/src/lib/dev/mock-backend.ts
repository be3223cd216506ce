// DEVELOPMENT ONLY — answers Scout's IPC commands inside a plain browser, so the screens can be seen
// and screenshotted before (or without) the Rust side. Loaded only when VITE_MOCK_IPC=1 (see main.ts);
// production builds don't contain it. All data is synthetic (see synthetic.ts). This file holds the
// workspace and routes each command; the areas' answers are in the mock-*.ts beside it.
//
// URL parameters: ?mockCreators=N starts with N creators (default 0: the first-run screen);
// ?mockDemoSize=N sets how many creators "Load demo workspace" adds (default 400).
// ?mockNoWorkspace=1 starts with no workspace open (until "Open workspace…");
// ?mockFail=COMMAND (repeatable) makes that command reject, to see how each screen shows errors.
// ?mockCampaigns=N starts with N campaigns (default 0: the Campaigns empty state); see mock-campaigns.ts.
// ?mockResults=1 (one currency) or =multi (three, kept apart) starts with results; see mock-results.ts.
// ?mockResultsImport=truncated makes "Import results…" report more issues than it lists.
// ?mockTiktok=1 says TikTok Shop is connected (Results offers "Sync from TikTok Shop"; "Find on TikTok
// Shop" searches a made-up marketplace, mock-marketplace.ts); without it the marketplace is refused.
// ?mockIndexing=1 makes an import leave its sort indexes building for 6 s, like a large one does.
import type { Command } from "../bindings/commands";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";
import { mockBackups, NOT_BACKUPS } from "./mock-backups";
import { inboxCommands, NOT_INBOX } from "./mock-inbox";
import { mockCampaigns } from "./mock-campaigns";
import { fail, sleep } from "./mock-common";
import { creatorFacets, listCreators } from "./mock-creators";
import { demoBatch, demoReport, importReport, mockBatch, preview } from "./mock-import";
import { mockResults, NOT_RESULTS } from "./mock-results";
import { mockMarketplace, NOT_MARKETPLACE } from "./mock-marketplace";
import { mockUpdates, NOT_UPDATES, UPDATE_COMMANDS } from "./mock-updates";
import { syntheticCreators, type SyntheticCreator } from "./synthetic";
import type {
  CreatorQuery,
  Field,
  ImportBatch,
  ImportProgress,
  ImportReport,
  MarketplaceCreator,
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

/** Marketplace creators into the mock workspace, keyed by handle: new ones created, known ones updated. */
function addMarketplace(list: MarketplaceCreator[]): ImportReport {
  const known = new Map(creators.map((c) => [c.row.handle.toLowerCase(), c]));
  const fresh = list.filter((m) => !known.has(m.username.toLowerCase()));
  const made = syntheticCreators(fresh.length, 4242).map((c, index) => {
    const m = fresh[index]!;
    const id = creators.length + index + 1;
    const row = {
      ...c.row,
      id,
      platform: "tiktok" as const,
      handle: m.username,
      display_name: m.nickname,
      followers: m.followers,
      avg_views: m.avg_video_views,
      gmv: m.gmv !== null && "exact" in m.gmv ? m.gmv.exact : null,
      country: m.region,
    };
    const profile = { ...c.detail.profile, open_id: m.open_id, display_name: m.nickname };
    return { row, detail: { ...c.detail, id, profile } };
  });
  creators = [...creators, ...made];
  const counts = {
    rows_total: list.length,
    created: made.length,
    updated: list.length - made.length,
    unchanged: 0,
    merged: 0,
    rejected: 0,
  };
  const batch = mockBatch(batches.length + 1, "TikTok Shop marketplace", "api", counts);
  batches = [batch, ...batches];
  const ranged = list.findIndex((m) => m.gmv !== null && "range" in m.gmv);
  return {
    ...importReport(batch),
    ...counts,
    rows_total: list.length,
    duration_ms: 180,
    issues:
      ranged < 0
        ? []
        : [
            {
              line: ranged + 1,
              column: "GMV",
              raw_value: null,
              message: "GMV is shared only as a range: kept as a note, not as a figure",
              outcome: "noted",
              cells: null,
            },
          ],
    issues_truncated: 0,
  };
}

const marketplaceCommands = mockMarketplace(params.get("mockTiktok") === "1", addMarketplace);

function info() {
  return {
    ...workspace,
    creator_count: creators.length,
    batch_count: batches.length,
    sort_indexes_building: Date.now() < indexesBuiltAt,
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
  return importReport(batch);
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
    const needsNoWorkspace = command === "open_workspace" || UPDATE_COMMANDS.has(command);
    if (!workspaceOpen && !needsNoWorkspace && !command.startsWith("plugin:")) {
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
        batches = [demoBatch(demoSize)];
        return [demoReport(demoSize)];
      }
      case "list_creators":
        return listCreators(creators, args.query as CreatorQuery);
      case "creator_facets":
        return creatorFacets(creators);
      case "creator_ids_by_open_id": {
        const wanted = args.openIds as string[];
        const byOpenId = new Map(creators.map((c) => [c.detail.profile.open_id, c.detail.id]));
        return wanted.flatMap((openId) => byOpenId.get(openId) ?? []);
      }
      case "get_creator":
        return (
          creators.find((c) => c.detail.id === args.id)?.detail ??
          fail("not_found", `creator ${String(args.id)} does not exist`)
        );
      case "preview_import":
        return preview(args.mapping as { columns: (Field | null)[] } | null, batches);
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
        const update = await mockUpdates(command, args, params.get("mockUpdate") === "1");
        if (update !== NOT_UPDATES) return update;
        const backup = await mockBackups(command, args, creators.length);
        if (backup !== NOT_BACKUPS) return backup;
        const inbox = inboxCommands(command);
        if (inbox !== NOT_INBOX) return inbox;
        const marketplace = await marketplaceCommands(command, args);
        if (marketplace !== NOT_MARKETPLACE) return marketplace;
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
