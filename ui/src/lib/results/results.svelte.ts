// The Results screen's state: which report (campaign, currency), the report itself, the seller's saved
// exchange rates, and the currencies seen so far (to offer "convert to …"). A refused conversion puts
// the currency back to what it was, so the report on screen always matches the selectors.
import { exchangeRates, listCampaigns, resultsReport, toIpcError, type IpcFailure } from "../common/ipc";
import type { Campaign, Conversion, ResultsQuery, ResultsReport } from "../common/types";

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
