// The rows of the Creators table, fetched from Rust a page at a time as they scroll into view.
// Each change of sort or filter starts a new generation: answers for an older one are dropped, so a
// slow response can never paint rows of a previous query.
import { SvelteMap } from "svelte/reactivity";
import { toQuery, type CreatorView } from "./creators-view";
import { toIpcError, type IpcFailure } from "./ipc";
import { locate, PAGE_SIZE, pagesCovering, pagesToEvict } from "./row-window";
import type { CreatorPage, CreatorQuery, CreatorRow } from "./types";

/** Enough pages for a few screens either side of the visible one. */
const MAX_CACHED_PAGES = 40;

export class CreatorPages {
  /** Rows matching the current query (sets the scroll height). */
  total = $state(0);
  /** Whether the first answer for the current query has arrived. */
  ready = $state(false);
  error = $state<IpcFailure | null>(null);

  #pages = new SvelteMap<number, CreatorRow[]>();
  #inFlight = new Set<number>();
  #generation = 0;
  #view: CreatorView | null = null;
  #lastPageSeen = 0;
  #wanted: { first: number; last: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #fetch: (query: CreatorQuery) => Promise<CreatorPage>;
  readonly #pageSize: number;
  readonly #settleMs: number;

  /**
   * `settleMs`: how long the visible rows must stay put before their pages are fetched. A fling through
   * 100,000 rows then asks only for the pages it stops on, not for every page it passed.
   */
  constructor(fetch: (query: CreatorQuery) => Promise<CreatorPage>, pageSize = PAGE_SIZE, settleMs = 40) {
    this.#fetch = fetch;
    this.#pageSize = pageSize;
    this.#settleMs = settleMs;
  }

  /** Forget every row and start over with `view` (new sort or filters, or the data changed). */
  reset(view: CreatorView) {
    this.#generation += 1;
    this.#view = view;
    clearTimeout(this.#timer);
    this.#wanted = null;
    this.#pages.clear();
    this.#inFlight.clear();
    this.error = null;
    this.ready = false;
    void this.#load(0);
  }

  /** The row at `index`, or undefined while its page is loading. */
  rowAt(index: number): CreatorRow | undefined {
    const { page, slot } = locate(index, this.#pageSize);
    return this.#pages.get(page)?.[slot];
  }

  /** Fetch whatever is missing to show rows `first..=last` (once the view settles there). */
  ensure(first: number, last: number) {
    this.#wanted = { first, last };
    if (this.#settleMs === 0) {
      this.#loadWanted();
    } else {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#loadWanted(), this.#settleMs);
    }
  }

  #loadWanted() {
    // After a failure the screen offers "Try again" (a reset) instead of retrying on every scroll.
    if (this.error !== null || this.#wanted === null) return;
    const { first, last } = this.#wanted;
    this.#lastPageSeen = locate(first, this.#pageSize).page;
    for (const page of pagesCovering(first, last, this.total, this.#pageSize)) {
      if (!this.#pages.has(page) && !this.#inFlight.has(page)) void this.#load(page);
    }
  }

  async #load(page: number) {
    const view = this.#view;
    if (view === null) return;
    const generation = this.#generation;
    this.#inFlight.add(page);
    try {
      const result = await this.#fetch(toQuery(view, page * this.#pageSize, this.#pageSize));
      if (generation !== this.#generation) return;
      this.#pages.set(page, result.rows);
      this.total = result.total;
      this.ready = true;
      for (const stale of pagesToEvict(this.#pages.keys(), this.#lastPageSeen, MAX_CACHED_PAGES)) {
        this.#pages.delete(stale);
      }
    } catch (reason) {
      if (generation === this.#generation) this.error = toIpcError(reason);
    } finally {
      if (generation === this.#generation) this.#inFlight.delete(page);
    }
  }
}
