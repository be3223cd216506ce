// The Creators area's service: its commands (the list, the filter menus, one creator, "more like this")
// and `CreatorPages`, the rows of the Creators table (`RowPages` asking `list_creators` for each page of
// a `CreatorView`).
import { call } from "../common/ipc";
import { RowPages } from "../common/row-pages.svelte";
import type {
  CreatorDetail,
  CreatorFacets,
  CreatorPage,
  CreatorQuery,
  CreatorRow,
  LookalikeCreator,
} from "../common/types";
import { toQuery, type CreatorView } from "./creators-view";

export function listCreators(query: CreatorQuery): Promise<CreatorPage> {
  return call("list_creators", { query });
}

export function creatorFacets(): Promise<CreatorFacets> {
  return call("creator_facets");
}

export function getCreator(id: number): Promise<CreatorDetail> {
  return call("get_creator", { id });
}

/** The creators most like this one ("more like this"), most alike first; `limit` at most 100. */
export function lookalikes(creatorId: number, limit: number): Promise<LookalikeCreator[]> {
  return call("lookalikes", { creatorId, limit });
}

export class CreatorPages extends RowPages<CreatorView, CreatorRow, CreatorPage> {
  constructor(fetch: (query: CreatorQuery) => Promise<CreatorPage>, pageSize?: number, settleMs?: number) {
    super((view, offset, limit) => fetch(toQuery(view, offset, limit)), pageSize, settleMs);
  }
}
