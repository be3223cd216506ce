// Which creators the seller has ticked on the Creators table: some picked by hand (click, shift-click
// for a range), or every creator the filters match minus some unticked. Either becomes one
// `CreatorQuery` for Rust, so acting on "all 40,000 matching" sends the filter, never 40,000 ids.
import { SvelteSet } from "svelte/reactivity";
import type { CreatorQuery } from "../common/types";

export class CreatorSelection {
  /** "some": `ids` are the ticked ones; "all": every matching creator but `ids`. */
  mode = $state<"some" | "all">("some");
  readonly ids = new SvelteSet<number>();
  /** The row index a shift-click range starts from. */
  anchor: number | null = null;

  /** How many are ticked, out of `total` matching. */
  count(total: number): number {
    return this.mode === "some" ? this.ids.size : Math.max(0, total - this.ids.size);
  }

  has(id: number): boolean {
    return this.mode === "some" ? this.ids.has(id) : !this.ids.has(id);
  }

  /** Ticks or unticks one creator, and remembers its row as the start of the next range. */
  toggle(id: number, index: number) {
    this.#set(id, !this.has(id));
    this.anchor = index;
  }

  /** Ticks every creator between the last ticked row and `index` (both included), as `idsBetween` lists
   * them; the range takes the state of the row clicked. */
  async range(index: number, idsBetween: (from: number, to: number) => Promise<number[]>, id: number) {
    const tick = !this.has(id);
    const from = this.anchor ?? index;
    const ids = await idsBetween(Math.min(from, index), Math.max(from, index));
    for (const each of ids) this.#set(each, tick);
    this.anchor = index;
  }

  /** Every creator the filters match. */
  selectAll() {
    this.mode = "all";
    this.ids.clear();
  }

  clear() {
    this.mode = "some";
    this.ids.clear();
    this.anchor = null;
  }

  /** The ticked creators as a query: `base` (the table's filters and sort) narrowed to them. */
  query(base: CreatorQuery): CreatorQuery {
    const window = { ...base, offset: 0, limit: 0 };
    return this.mode === "some"
      ? { ...window, ids: [...this.ids], except: [] }
      : { ...window, ids: null, except: [...this.ids] };
  }

  #set(id: number, ticked: boolean) {
    const inList = this.mode === "some" ? ticked : !ticked;
    if (inList) this.ids.add(id);
    else this.ids.delete(id);
  }
}
