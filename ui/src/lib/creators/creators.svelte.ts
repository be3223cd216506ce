// The rows of the Creators table: `RowPages` asking `list_creators` for each page of a `CreatorView`.
import { toQuery, type CreatorView } from "./creators-view";
import { RowPages } from "../common/row-pages.svelte";
import type { CreatorPage, CreatorQuery, CreatorRow } from "../common/types";

export class CreatorPages extends RowPages<CreatorView, CreatorRow, CreatorPage> {
  constructor(fetch: (query: CreatorQuery) => Promise<CreatorPage>, pageSize?: number, settleMs?: number) {
    super((view, offset, limit) => fetch(toQuery(view, offset, limit)), pageSize, settleMs);
  }
}
