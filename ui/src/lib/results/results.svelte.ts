// The Results area's service: its commands (the report, importing and syncing orders and videos, the
// order lines no collaboration claims, exporting, exchange rates) and `ResultsState`, the screen's state:
// which report (campaign, currency), the report itself, the seller's saved exchange rates, and the
// currencies seen so far (to offer "convert to …"). A refused conversion puts the currency back to what
// it was, so the report on screen always matches the selectors.
import { listCampaigns } from "../campaigns/campaigns.svelte";
import { call, callWithProgress, toIpcError, type IpcFailure } from "../common/ipc";
import type {
  Campaign,
  Conversion,
  CreditOutcome,
  CreditPreview,
  ImportProgress,
  ImportReport,
  ResultsQuery,
  ResultsReport,
  UnattributedOrder,
  UnattributedPage,
  UnattributedQuery,
} from "../common/types";
import {
  ALL_TIME,
  loadPeriod,
  periodDays,
  periodProblems,
  savePeriod,
  type PeriodChoice,
} from "./results-period";

/**
 * The results report: one `CurrencyReport` per currency (never added together, most orders first) when
 * `query.currency` is null, or one converted with the saved rates; rejects with "invalid_input" (no field)
 * naming a currency without a rate, or when the saved rates convert into another currency.
 */
export function resultsReport(query: ResultsQuery): Promise<ResultsReport> {
  return call("results_report", { query });
}

/** Imports an affiliate order or video export (the kind is read from its header); rejects with code
 * "cancelled" after `cancelResultsImport()`. */
export function importResults(
  path: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  return callWithProgress("import_results", { path }, onProgress);
}

/**
 * Fetches the shop's affiliate orders of the last `days` days (1 to 365) through the TikTok Shop API and
 * writes them like an imported order export (`file_name` "TikTok Shop API"; an issue's `line` is the
 * order's position in the sync). Nothing is stored when TikTok Shop fails part-way; rejects with
 * "invalid_input" when TikTok Shop is not connected.
 */
export function syncResults(days: number): Promise<ImportReport> {
  return call("sync_results", { days });
}

export function cancelResultsImport(): Promise<void> {
  return call("cancel_results_import");
}

/**
 * A page of the order lines no collaboration claims in the query's period (and of its creator, if any),
 * newest first; rejects with "invalid_input", field "to", when the period ends before it starts.
 */
export function unattributedOrders(
  query: UnattributedQuery,
  offset: number,
  limit: number,
): Promise<UnattributedOrder[]> {
  return call("unattributed_orders", { query, offset, limit });
}

/** The unattributed orders of the period, one group per creator (most orders first), paged by group. */
export function unattributedGroups(
  query: UnattributedQuery,
  offset: number,
  limit: number,
): Promise<UnattributedPage> {
  return call("unattributed_groups", { query, offset, limit });
}

/**
 * What crediting the lines to the creator in the campaign would do: the stages, the window, the creator's
 * other orders it claims. Rejects with "invalid_input" naming "orders" or "campaign".
 */
export function creditPreview(
  lineIds: number[],
  campaignId: number,
  creatorId: number,
): Promise<CreditPreview> {
  return call("credit_preview", { lineIds, campaignId, creatorId });
}

/** Credits the lines to the creator in the campaign: a collaboration made on the spot. */
export function creditOrders(
  lineIds: number[],
  campaignId: number,
  creatorId: number,
): Promise<CreditOutcome> {
  return call("credit_orders", { lineIds, campaignId, creatorId });
}

/** Attaches order lines to one collaboration (campaign × creator); resolves to the lines assigned. */
export function assignOrders(lineIds: number[], campaignId: number, creatorId: number): Promise<number> {
  return call("assign_orders", { lineIds, campaignId, creatorId });
}

/**
 * Writes the report as one table (a row per total, campaign, creator and product of each currency) to a
 * .csv or .xlsx file, the format taken from the path's extension; resolves to the number of rows written.
 */
export function exportResults(query: ResultsQuery, path: string): Promise<number> {
  return call("export_results", { query, path });
}

/** The seller's saved exchange rates, or null when none are saved. */
export function exchangeRates(): Promise<Conversion | null> {
  return call("exchange_rates");
}

/**
 * Saves the rates (1 `from` = rate_micros / 1,000,000 `to`); null forgets them. Rejects with
 * "invalid_input", field "rates", and a message naming the currency (a rate ≤ 0, a currency given twice,
 * a rate for `to` itself).
 */
export function saveExchangeRates(conversion: Conversion | null): Promise<void> {
  return call("save_exchange_rates", { conversion });
}

export class ResultsState {
  campaigns = $state.raw<Campaign[]>([]);
  campaignsError = $state.raw<IpcFailure | null>(null);
  campaignId = $state<number | null>(null);
  /** null: each currency apart. */
  currency = $state<string | null>(null);
  report = $state.raw<ResultsReport | null>(null);
  loading = $state(false);
  error = $state.raw<IpcFailure | null>(null);
  /** Why the last conversion was refused ("no exchange rate for MYR"), shown beside the selector. */
  currencyError = $state.raw<{ currency: string; error: IpcFailure } | null>(null);
  rates = $state.raw<Conversion | null>(null);
  ratesError = $state.raw<IpcFailure | null>(null);
  /**
   * Every currency a report has shown, in the order the last report kept apart had them (Rust's: most
   * orders first), then those seen before and the saved rates' currencies.
   */
  currencies = $state.raw<string[]>([]);
  /** Bumped each time a report arrives, so lists that hang off it (unattributed orders) reload. */
  version = $state(0);
  /** The period shown (a preset or the seller's own days), remembered per workspace. */
  period = $state<PeriodChoice>(ALL_TIME);
  /** The workspace the period is remembered for. */
  #workspace: string | null = null;
  #request = 0;

  get query(): ResultsQuery {
    const { from, to } = periodDays(this.period);
    return { campaign_id: this.campaignId, currency: this.currency, from, to };
  }

  /** Takes the period remembered for this workspace (call before `init`). */
  usePeriodOf(workspace: string | null) {
    this.#workspace = workspace;
    this.period = loadPeriod(workspace);
  }

  /** Shows another period and remembers it; the seller's own days wait until they make sense. */
  setPeriod(choice: PeriodChoice) {
    this.period = choice;
    if (Object.keys(periodProblems(choice)).length > 0) return;
    savePeriod(this.#workspace, choice);
    void this.load(this.currency);
  }

  get campaignName(): string | null {
    return this.campaigns.find((c) => c.id === this.campaignId)?.spec.name ?? null;
  }

  async init() {
    await Promise.all([this.loadCampaigns(), this.loadRates(), this.load()]);
  }

  async loadCampaigns() {
    try {
      this.campaigns = (await listCampaigns()).filter((c) => !c.simulated);
      this.campaignsError = null;
    } catch (reason) {
      this.campaignsError = toIpcError(reason);
    }
  }

  async loadRates() {
    try {
      this.rates = await exchangeRates();
      this.ratesError = null;
      this.#remember([]);
    } catch (reason) {
      this.ratesError = toIpcError(reason);
    }
  }

  /** Loads the report for the current selectors; a conversion Rust refuses goes back to `fallback`. */
  async load(fallback: string | null = null) {
    const request = ++this.#request;
    const query = this.query;
    this.loading = true;
    try {
      const report = await resultsReport(query);
      if (request !== this.#request) return;
      this.report = report;
      this.version += 1;
      this.error = null;
      if (this.currencyError?.currency === query.currency) this.currencyError = null;
      this.#remember(report.conversion === null ? report.currencies.map((c) => c.currency) : []);
    } catch (reason) {
      if (request !== this.#request) return;
      const failure = toIpcError(reason);
      if (query.currency !== null && failure.code === "invalid_input") {
        this.currencyError = { currency: query.currency, error: failure };
        this.currency = fallback === query.currency ? null : fallback;
        this.loading = false;
        await this.load();
        return;
      }
      this.error = failure;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  setCampaign(id: number | null) {
    this.campaignId = id;
    void this.load(this.currency);
  }

  setCurrency(currency: string | null) {
    const previous = this.currency;
    this.currency = currency;
    this.currencyError = null;
    void this.load(previous);
  }

  ratesSaved(conversion: Conversion | null) {
    this.rates = conversion;
    this.ratesError = null;
    this.#remember([]);
  }

  #remember(fromReport: string[]) {
    const saved = this.rates ? [this.rates.to, ...this.rates.rates.map((r) => r.from)] : [];
    const next: string[] = [];
    for (const code of [...fromReport, ...this.currencies, ...saved])
      if (!next.includes(code)) next.push(code);
    if (next.join() !== this.currencies.join()) this.currencies = next;
  }
}
