// One campaign's shortlist, shared by the Matches table (★ per row), the explanation drawer and the
// Shortlist tab. Adding and removing show at once and are undone if Rust refuses.
import { SvelteSet } from "svelte/reactivity";
import {
  annotateShortlisted,
  getShortlist,
  shortlistAdd,
  shortlistRemove,
  toIpcError,
  type IpcFailure,
} from "../common/ipc";
import type { ShortlistedCreator } from "../common/types";

export class Shortlist {
  readonly campaignId: number;
  /** Shortlisted creator ids, including changes still on their way to Rust. */
  readonly ids = new SvelteSet<number>();
  /** Creators whose add or remove is on its way. */
  readonly pending = new SvelteSet<number>();
  entries = $state.raw<ShortlistedCreator[] | null>(null);
  loadError = $state<IpcFailure | null>(null);
  /** The last add or remove that failed, with the creator's handle for the message. */
  toggleError = $state<{ handle: string; adding: boolean; error: IpcFailure } | null>(null);
  readonly #onchange: () => void;
  #loads = 0;

  /** `onchange`: the shortlist changed (the campaign list shows its count). */
  constructor(campaignId: number, onchange: () => void = () => {}) {
    this.campaignId = campaignId;
    this.#onchange = onchange;
  }

  async load() {
    const load = ++this.#loads;
    try {
      const entries = await getShortlist(this.campaignId);
      if (load !== this.#loads) return;
      this.entries = entries;
      this.loadError = null;
      this.ids.clear();
      for (const entry of entries) this.ids.add(entry.creator.id);
    } catch (reason) {
      if (load === this.#loads) this.loadError = toIpcError(reason);
    }
  }

  has(creatorId: number): boolean {
    return this.ids.has(creatorId);
  }

  async toggle(creatorId: number, handle: string) {
    if (this.pending.has(creatorId)) return;
    const adding = !this.ids.has(creatorId);
    this.pending.add(creatorId);
    if (adding) this.ids.add(creatorId);
    else this.ids.delete(creatorId);
    try {
      await (adding ? shortlistAdd : shortlistRemove)(this.campaignId, creatorId);
      if (this.toggleError?.handle === handle) this.toggleError = null;
      this.#onchange();
      await this.load();
    } catch (reason) {
      if (adding) this.ids.delete(creatorId);
      else this.ids.add(creatorId);
      this.toggleError = { handle, adding, error: toIpcError(reason) };
    } finally {
      this.pending.delete(creatorId);
    }
  }

  /** Saves a note and tags; rejects with the `IpcFailure` (its `field` is "note" or "tags"). */
  async annotate(creatorId: number, note: string, tags: string[]) {
    try {
      await annotateShortlisted(this.campaignId, creatorId, note, tags);
    } catch (reason) {
      throw toIpcError(reason);
    }
    this.entries =
      this.entries?.map((item) =>
        item.creator.id === creatorId ? { ...item, entry: { ...item.entry, note, tags } } : item,
      ) ?? null;
  }
}
