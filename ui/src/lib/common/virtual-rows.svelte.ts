// @tanstack/virtual-core driven by Svelte 5 runes. TanStack's own Svelte adapter is built on Svelte
// stores; the core is framework-free, so this thin wrapper feeds it reactive options and turns its
// change notifications into a $state version that the row list reads.
import { untrack } from "svelte";
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
} from "@tanstack/virtual-core";

export type VirtualRowsOptions = {
  /** How many rows the whole list has. */
  count: () => number;
  scrollElement: () => HTMLElement | null;
  rowHeight: number;
  /** Height of anything above the rows inside the scroll element (a sticky header). */
  offsetTop?: number;
  overscan?: number;
};

export class VirtualRows {
  #version = $state(0);
  readonly #virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  readonly #options: VirtualRowsOptions;

  constructor(options: VirtualRowsOptions) {
    this.#options = options;
    this.#virtualizer = new Virtualizer(this.#coreOptions(0));

    $effect(() => {
      this.#virtualizer.setOptions(this.#coreOptions(options.count()));
      this.#virtualizer._willUpdate();
      this.#bump();
    });
    $effect(() => this.#virtualizer._didMount());
  }

  /** Tells readers of `items` to look again; never a dependency of the effect that calls it. */
  #bump() {
    untrack(() => {
      this.#version += 1;
    });
  }

  #coreOptions(count: number) {
    const offsetTop = this.#options.offsetTop ?? 0;
    return {
      count,
      getScrollElement: this.#options.scrollElement,
      estimateSize: () => this.#options.rowHeight,
      overscan: this.#options.overscan ?? 10,
      scrollMargin: offsetTop,
      scrollPaddingStart: offsetTop,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: () => this.#bump(),
    };
  }

  /** The rows to render now; `start` is relative to the rows' container (below the header). */
  get items(): VirtualItem[] {
    void this.#version;
    return this.#virtualizer.getVirtualItems().map((item) => ({
      ...item,
      start: item.start - (this.#options.offsetTop ?? 0),
    }));
  }

  /** Height of all rows together. */
  get totalHeight(): number {
    void this.#version;
    return this.#virtualizer.getTotalSize();
  }

  /** Rows that fit in the viewport (for Page Up / Page Down). */
  get rowsPerScreen(): number {
    void this.#version;
    const height = this.#virtualizer.scrollRect?.height ?? 0;
    return Math.max(1, Math.floor((height - (this.#options.offsetTop ?? 0)) / this.#options.rowHeight));
  }

  /** Scrolls just enough to bring a row into view. */
  reveal(index: number) {
    this.#virtualizer.scrollToIndex(index, { align: "auto" });
  }

  scrollToTop() {
    this.#virtualizer.scrollToOffset(0);
  }
}
