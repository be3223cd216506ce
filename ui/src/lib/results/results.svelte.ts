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
  ImportProgress,
  ImportReport,
  ResultsQuery,
  ResultsReport,
  UnattributedOrder,
} from "../common/types";

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

/** A page of the order lines no collaboration claims; their count is `ResultsReport.unattributed_lines`. */
export function unattributedOrders(offset: number, limit: number): Promise<UnattributedOrder[]> {
  return call("unattributed_orders", { offset, limit });
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
  #request = 0;

  get query(): ResultsQuery {
    return { campaign_id: this.campaignId, currency: this.currency };
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
