// The creator marketplace's service (TikTok Shop's affiliate API): one function per command of
// docs/ipc-contract.md "The creator marketplace", and the state of the Find screen — the search with its
// pages, the ticked results, a "collect all" run, and an enrichment (also used from Creators and a
// campaign's shortlist). Every command is refused with `invalid_input` on "tiktok.connection" while
// TikTok Shop is not connected.
import { SvelteSet } from "svelte/reactivity";
import { call, callWithProgress, toIpcError, type IpcFailure } from "../common/ipc";
import { emptyForm, toFilter, type FilterField, type FilterForm } from "./marketplace-filter";
import type {
  Collected,
  CollectProgress,
  EnrichProgress,
  EnrichReport,
  ImportReport,
  MarketplaceBudget,
  MarketplaceOptions,
  MarketplaceCreator,
  MarketplaceCursor,
  MarketplaceFilter,
  MarketplacePage,
} from "../common/types";

export function marketplaceBudget(): Promise<MarketplaceBudget> {
  return call("marketplace_budget");
}

/** The region's categories (named) and sorters, for the filters; from TikTok Shop, not a list in Scout. */
export function marketplaceOptions(): Promise<MarketplaceOptions> {
  return call("marketplace_options");
}

/** One page (20 creators); `cursor` null for the first. Counts one search of today's budget. */
export function searchMarketplace(
  filter: MarketplaceFilter,
  cursor: MarketplaceCursor | null,
): Promise<MarketplacePage> {
  return call("search_marketplace", { filter, cursor });
}

/** Every creator the filter matches, past one query's ~400-row ceiling; stops on cancel, keeping all found. */
export function collectMarketplace(
  filter: MarketplaceFilter,
  onProgress: (progress: CollectProgress) => void,
): Promise<Collected> {
  return callWithProgress("collect_marketplace", { filter }, onProgress);
}

/** Stops a collection or an enrichment; what it found is kept. */
export function cancelMarketplace(): Promise<void> {
  return call("cancel_marketplace");
}

/** Adds marketplace creators to the workspace as one import "TikTok Shop marketplace", keyed by open id. */
export function addMarketplaceCreators(creators: MarketplaceCreator[]): Promise<ImportReport> {
  return call("add_marketplace_creators", { creators });
}

/** Fetches the TikTok Shop profiles of these creators (null: every TikTok creator with an open id). */
export function enrichCreators(
  creatorIds: number[] | null,
  onProgress: (progress: EnrichProgress) => void,
): Promise<EnrichReport> {
  return callWithProgress("enrich_creators", { creatorIds }, onProgress);
}

/** The workspace ids of marketplace creators just added, by their open id (renames followed). */
export function creatorIdsOf(creators: MarketplaceCreator[]): Promise<number[]> {
  return call("creator_ids_by_open_id", { openIds: creators.map((c) => c.open_id) });
}

/** True when a refusal says TikTok Shop is not connected. */
export function notConnected(failure: IpcFailure | null): boolean {
  return failure !== null && failure.code === "invalid_input" && failure.field === "tiktok.connection";
}

/** The Find screen's search: the form, the filter last searched, its pages so far, the ticked rows. */
export class MarketplaceSearch {
  form = $state<FilterForm>(emptyForm());
  /** The region's categories and sorters; null until read (the boxes then take ids as typed). */
  options = $state.raw<MarketplaceOptions | null>(null);

  /** Reads the region's options once; a failure leaves the boxes as they are. */
  async loadOptions() {
    if (this.options !== null) return;
    try {
      this.options = await marketplaceOptions();
    } catch {
      this.options = null;
    }
  }
  errors = $state<Partial<Record<FilterField, string>>>({});
  /** The filter of the results shown (the form may have changed since). */
  filter = $state.raw<MarketplaceFilter | null>(null);
  results = $state.raw<MarketplaceCreator[]>([]);
  unreadable = $state.raw<string[]>([]);
  next = $state.raw<MarketplaceCursor | null>(null);
  busy = $state<"search" | "more" | null>(null);
  failure = $state.raw<IpcFailure | null>(null);
  readonly selected = new SvelteSet<string>();

  /** Reads the form; the first page of what it matches. */
  async search() {
    const reading = toFilter($state.snapshot(this.form) as FilterForm);
    this.errors = reading.errors;
    if (reading.filter === null) return;
    await this.#page(reading.filter, null);
  }

  /** The next page of the same search. */
  async loadMore() {
    if (this.filter === null || this.next === null) return;
    await this.#page(this.filter, this.next);
  }

  async #page(filter: MarketplaceFilter, cursor: MarketplaceCursor | null) {
    this.busy = cursor === null ? "search" : "more";
    this.failure = null;
    try {
      const page = await searchMarketplace(filter, cursor);
      if (cursor === null) {
        this.filter = filter;
        this.selected.clear();
        this.results = page.creators;
        this.unreadable = page.unreadable;
      } else {
        const seen = new Set(this.results.map((c) => c.open_id));
        this.results = [...this.results, ...page.creators.filter((c) => !seen.has(c.open_id))];
        this.unreadable = [...this.unreadable, ...page.unreadable];
      }
      this.next = page.next;
    } catch (reason) {
      this.failure = toIpcError(reason);
    } finally {
      this.busy = null;
    }
  }

  get searched(): boolean {
    return this.filter !== null;
  }

  /** Every creator listed is known: no page is left. */
  get complete(): boolean {
    return this.searched && this.next === null;
  }

  toggle(openId: string) {
    if (this.selected.has(openId)) this.selected.delete(openId);
    else this.selected.add(openId);
  }

  /** Ticks every listed creator, or none when all are ticked. */
  toggleAll() {
    if (this.results.length > 0 && this.selected.size === this.results.length) this.selected.clear();
    else for (const c of this.results) this.selected.add(c.open_id);
  }

  get selectedCreators(): MarketplaceCreator[] {
    return this.results.filter((c) => this.selected.has(c.open_id));
  }

  clearForm() {
    this.form = emptyForm();
    this.errors = {};
  }
}

/** The Find screen's search, kept while the seller visits other screens (results stay until the next
 * search). */
export const findSearch = new MarketplaceSearch();

/** A "collect all" run: the budget said first, then progress, cancel, and what it found. */
export class Collection {
  phase = $state<"idle" | "confirm" | "running" | "done">("idle");
  budget = $state.raw<MarketplaceBudget | null>(null);
  progress = $state.raw<CollectProgress | null>(null);
  result = $state.raw<Collected | null>(null);
  failure = $state.raw<IpcFailure | null>(null);
  cancelling = $state(false);

  /** Reads today's budget and asks the seller to confirm. */
  async prepare() {
    this.phase = "confirm";
    this.failure = null;
    this.result = null;
    this.budget = null;
    try {
      this.budget = await marketplaceBudget();
    } catch (reason) {
      this.failure = toIpcError(reason);
    }
  }

  async run(filter: MarketplaceFilter) {
    this.phase = "running";
    this.progress = null;
    this.failure = null;
    this.cancelling = false;
    try {
      this.result = await collectMarketplace(filter, (p) => (this.progress = p));
    } catch (reason) {
      this.failure = toIpcError(reason);
    } finally {
      this.phase = "done";
      this.cancelling = false;
    }
  }

  async cancel() {
    this.cancelling = true;
    try {
      await cancelMarketplace();
    } catch (reason) {
      this.failure = toIpcError(reason);
    }
  }

  close() {
    this.phase = "idle";
  }
}

/** An enrichment: progress, cancel, the report. */
export class Enrichment {
  running = $state(false);
  progress = $state.raw<EnrichProgress | null>(null);
  report = $state.raw<EnrichReport | null>(null);
  failure = $state.raw<IpcFailure | null>(null);
  cancelling = $state(false);

  async run(creatorIds: number[] | null) {
    this.running = true;
    this.progress = null;
    this.report = null;
    this.failure = null;
    this.cancelling = false;
    try {
      this.report = await enrichCreators(creatorIds, (p) => (this.progress = p));
    } catch (reason) {
      this.failure = toIpcError(reason);
    } finally {
      this.running = false;
      this.cancelling = false;
    }
  }

  async cancel() {
    this.cancelling = true;
    try {
      await cancelMarketplace();
    } catch (reason) {
      this.failure = toIpcError(reason);
    }
  }
}
