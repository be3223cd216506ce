// The rows of a virtualized table, fetched from Rust a page at a time as they scroll into view.
// Each change of query starts a new generation: answers for an older one are dropped, so a slow
// response can never paint rows of a previous query. Used by the Creators and Matches tables.
import { SvelteMap } from "svelte/reactivity";
import { type IpcFailure, toIpcError } from "./ipc";
import { locate, PAGE_SIZE, pagesCovering, pagesToEvict } from "./row-window";

/** Enough pages for a few screens either side of the visible one. */
const MAX_CACHED_PAGES = 40;

export type Page<R> = { total: number; rows: R[] };

/** What a table needs from its rows, whatever query fetches them. */
export type RowSource<R> = Pick<RowPages<never, R>, "total" | "ready" | "loading" | "rowAt" | "ensure">;

export class RowPages<Q, R, P extends Page<R> = Page<R>> {
  /** Rows matching the current query (sets the scroll height). */
  total = $state(0);
  /** Whether the first answer for the current query has arrived. */
  ready = $state(false);
  /** Whether an answer for the current query is still on its way (rows shown may be the previous query's). */
  loading = $state(false);
  error = $state<IpcFailure | null>(null);
  /** The newest answer for the current query, for what it says besides its rows. */
  latest = $state.raw<P | null>(null);

  #pages = new SvelteMap<number, R[]>();
  #inFlight = new Set<number>();
  #generation = 0;
  #query: Q | null = null;
  #keepUntilFirst = false;
  #lastPageSeen = 0;
  #wanted: { first: number; last: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #fetch: (query: Q, offset: number, limit: number) => Promise<P>;
  readonly #pageSize: number;
  readonly #settleMs: number;

  /**
   * `settleMs`: how long the visible rows must stay put before their pages are fetched. A fling through
   * 100,000 rows then asks only for the pages it stops on, not for every page it passed.
   */
  constructor(
    fetch: (query: Q, offset: number, limit: number) => Promise<P>,
    pageSize = PAGE_SIZE,
    settleMs = 40,
  ) {
    this.#fetch = fetch;
    this.#pageSize = pageSize;
    this.#settleMs = settleMs;
  }

  /**
   * Forget every row and start over with `query`. With `keepRows`, the rows on screen stay until the
   * new query's first page arrives (a live preview moves instead of flashing empty rows).
   */
  reset(query: Q, options: { keepRows?: boolean } = {}) {
    this.#generation += 1;
    this.#query = query;
    clearTimeout(this.#timer);
    this.#inFlight.clear();
    this.error = null;
    this.#keepUntilFirst = options.keepRows === true && this.ready;
    if (!this.#keepUntilFirst) {
      this.#wanted = null;
      this.#pages.clear();
      this.ready = false;
    }
    void this.#load(0);
  }

  /** The row at `index`, or undefined while its page is loading. */
  rowAt(index: number): R | undefined {
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
    // After a failure the screen offers "Try again" (a reset) instead of retrying on every scroll;
    // while a kept page set waits for its first answer, the old pages still stand in.
    if (this.error !== null || this.#wanted === null || this.#keepUntilFirst) return;
    const { first, last } = this.#wanted;
    this.#lastPageSeen = locate(first, this.#pageSize).page;
    for (const page of pagesCovering(first, last, this.total, this.#pageSize)) {
      if (!this.#pages.has(page) && !this.#inFlight.has(page)) void this.#load(page);
    }
  }

  async #load(page: number) {
    const query = this.#query;
    if (query === null) return;
    const generation = this.#generation;
    this.#inFlight.add(page);
    this.loading = true;
    try {
      const result = await this.#fetch(query, page * this.#pageSize, this.#pageSize);
      if (generation !== this.#generation) return;
      if (this.#keepUntilFirst) {
        this.#keepUntilFirst = false;
        this.#pages.clear();
      }
      this.#pages.set(page, result.rows);
      this.total = result.total;
      this.latest = result;
      this.ready = true;
      for (const stale of pagesToEvict(this.#pages.keys(), this.#lastPageSeen, MAX_CACHED_PAGES)) {
        this.#pages.delete(stale);
      }
    } catch (reason) {
      if (generation === this.#generation) {
        this.error = toIpcError(reason);
        this.#keepUntilFirst = false;
      }
    } finally {
      if (generation === this.#generation) {
        this.#inFlight.delete(page);
        this.loading = this.#inFlight.size > 0;
        // The rows on screen beyond the first page belonged to the previous query: fetch them anew.
        if (page === 0) this.#loadWanted();
      }
    }
  }
}
