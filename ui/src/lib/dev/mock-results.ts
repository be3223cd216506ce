// DEVELOPMENT ONLY — the results commands of the in-browser mock backend: affiliate order lines attributed
// to made-up collaborations (mock-results-data.ts), the report Rust would build from them
// (mock-results-report.ts, mock-results-ledger.ts), unattributed lines to assign, exchange rates, and a
// results import or TikTok Shop sync (mock-results-import.ts). Every value is synthetic.
//
// ?mockResults=1      one currency (USD); ?mockResults=multi  USD, GBP and MYR (kept apart), with the
//                     warnings Rust gives (a product no campaign names, sample shipping in another currency);
// absent or 0         no orders yet (the empty state) until "Import results…" adds the one-currency set.
// ?mockResultsImport=truncated  "Import results…" reports a large file: 500 issues listed, the rest counted.
// "Sync from TikTok Shop" (shown with ?mockTiktok=1) adds the one-currency set, then finds it unchanged.
// Campaign ids 1 and 3 match the first campaigns ?mockCampaigns=3 creates (2 is simulated there).
import type { Command } from "../bindings/commands";
import type { Channel } from "@tauri-apps/api/core";
import { fail, sleep } from "./mock-common";
import { generate, type Mode, type ResultsData } from "./mock-results-data";
import { largeImport, smallImport, syncReport } from "./mock-results-import";
import { report, unattributed, unattributedGroups } from "./mock-results-report";
import type {
  Conversion,
  ImportProgress,
  PipelineCard,
  ImportReport,
  ResultsQuery,
  UnattributedQuery,
} from "../common/types";

/** What the handler returns for a command that isn't about results. */
export const NOT_RESULTS = Symbol("not a results command");

/** Rust's `Conversion::validate`: refusals with field "rates", naming the currency. */
function validateConversion(c: Conversion) {
  const seen = new Set<string>();
  for (const r of c.rates) {
    if (r.from === c.to)
      fail("invalid_input", `${r.from} needs no rate: it is the report's currency`, "rates");
    if (r.rate_micros <= 0) fail("invalid_input", `the rate for ${r.from} must be above 0`, "rates");
    if (seen.has(r.from)) fail("invalid_input", `${r.from} has more than one rate`, "rates");
    seen.add(r.from);
  }
}

export function mockResults(mode: Mode, options: { importIssues?: "few" | "truncated" } = {}) {
  let data: ResultsData = mode === "empty" ? { collabs: [], lines: [], rates: null } : generate(mode);
  let cancelRequested = false;

  async function importResults(path: string, onProgress: Channel<ImportProgress>): Promise<ImportReport> {
    cancelRequested = false;
    const total = 1_843_200;
    for (let step = 1; step <= 24; step += 1) {
      await sleep(90);
      if (cancelRequested) fail("cancelled", "The import was cancelled.");
      onProgress.onmessage({
        rows_done: Math.round((612 * step) / 24),
        bytes_done: Math.round((total * step) / 24),
        bytes_total: total,
      });
    }
    if (data.collabs.length === 0) data = generate("one");
    const report = options.importIssues === "truncated" ? largeImport() : smallImport();
    // Rust names the file imported.
    return { ...report, file_name: path.split(/[\\/]/).pop() || report.file_name };
  }

  /** A sync from the TikTok Shop API: a pause for the pages, then the one-currency set and what it did. */
  async function syncResults(days: number): Promise<ImportReport> {
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      fail("invalid_input", `days: ${days}; sync between 1 and 365 days of orders`, "days");
    }
    await sleep(900);
    const first = data.collabs.length === 0;
    if (first) data = generate("one");
    return syncReport(first);
  }

  return (command: string, args: Record<string, unknown>): unknown => {
    // Only names the shell registers (or its plugins') type-check as cases.
    switch (command as Command | `plugin:${string}`) {
      case "results_report":
        return report(data, args.query as ResultsQuery);
      case "import_results":
        return importResults(String(args.path ?? ""), args.onProgress as Channel<ImportProgress>);
      case "cancel_results_import":
        cancelRequested = true;
        return null;
      case "sync_results":
        return syncResults(Number(args.days));
      case "unattributed_orders":
        return unattributed(
          data.lines,
          Number(args.offset),
          Number(args.limit),
          args.query as UnattributedQuery | undefined,
        );
      case "unattributed_groups":
        return unattributedGroups(
          data.lines,
          args.query as UnattributedQuery | undefined,
          Number(args.offset),
          Number(args.limit),
        );
      case "credit_preview":
      case "credit_orders":
        return fail("invalid_input", "the mock backend does not credit orders: try it in the desktop app");
      case "assign_orders": {
        const collab =
          data.collabs.find((c) => c.campaignId === args.campaignId && c.creatorId === args.creatorId) ??
          fail(
            "not_found",
            `creator ${String(args.creatorId)} has no collaboration in campaign ${String(args.campaignId)}`,
          );
        const ids = new Set(args.lineIds as number[]);
        let assigned = 0;
        for (const l of data.lines) {
          if (ids.has(l.lineId) && l.collab === null) {
            l.collab = collab;
            l.creatorId = collab.creatorId;
            l.handle = `@${collab.handle}`;
            assigned += 1;
          }
        }
        return assigned;
      }
      case "export_results": {
        const path = String(args.path);
        if (!/\.(csv|xlsx)$/i.test(path)) fail("invalid_input", `${path}: export to a .csv or .xlsx file`);
        const r = report(data, args.query as ResultsQuery);
        return r.currencies.reduce(
          (sum, c) => sum + c.by_campaign.length + c.by_creator.length + c.by_product.length + 1,
          0,
        );
      }
      case "exchange_rates":
        return data.rates;
      case "save_exchange_rates": {
        const conversion = args.conversion as Conversion | null;
        if (conversion) validateConversion(conversion);
        data.rates = conversion;
        return null;
      }
      case "pipeline_board": {
        const id = args.campaignId as number | null;
        return data.collabs
          .filter((c) => id === null || c.campaignId === id)
          .map((c): PipelineCard => ({
            campaign_id: c.campaignId,
            campaign_name: c.campaignName,
            creator_id: c.creatorId,
            handle: c.handle,
            display_name: null,
            followers: 4_000 + ((c.creatorId * 7919) % 400_000),
            stage: c.stage,
            since: c.since,
            offer_state: c.reached >= 1 ? "sent" : null,
            agreed_commission: c.reached >= 3 ? c.commissionBp : null,
          }));
      }
      default:
        return NOT_RESULTS;
    }
  };
}
