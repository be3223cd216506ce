// The Creators area's service: its commands (the list, the filter menus, one creator, "more like this";
// acting on a selection — export, tag, hide, shortlist — each given as one `CreatorQuery`) and
// `CreatorPages`, the rows of the Creators table (`RowPages` asking `list_creators` for each page of
// a `CreatorView`).
import { call } from "../common/ipc";
import { RowPages } from "../common/row-pages.svelte";
import type {
  CreatorDetail,
  CreatorFacets,
  CreatorPage,
  CreatorQuery,
  CreatorRow,
  HandEntry,
  ImportReport,
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

/** Writes the creators `query` selects to a .csv or .xlsx file in Scout's import template; resolves to
 * how many. */
export function exportCreators(query: CreatorQuery, path: string): Promise<number> {
  return call("export_creators", { query, path });
}

/** Adds a creator, or updates the one with this platform and handle; rejects with every problem beside
 * its field (`handle`, `engagement_percent`, `country`, `email`, …). */
export function saveCreatorByHand(entry: HandEntry): Promise<ImportReport> {
  return call("save_creator_by_hand", { entry });
}

/** Tags (`add`) or untags the creators `query` selects; resolves to those that changed. */
export function tagCreators(query: CreatorQuery, tag: string, add: boolean): Promise<number[]> {
  return call("tag_creators", { query, tag, add });
}

/** Hides (`hidden`) or shows again the creators `query` selects; resolves to those that changed. */
export function hideCreators(query: CreatorQuery, hidden: boolean): Promise<number[]> {
  return call("hide_creators", { query, hidden });
}

/** Adds the creators `query` selects (at most 1,000) to a campaign's shortlist; resolves to how many
 * joined. */
export function shortlistCreators(campaignId: number, query: CreatorQuery): Promise<number> {
  return call("shortlist_creators", { campaignId, query });
}

export class CreatorPages extends RowPages<CreatorView, CreatorRow, CreatorPage> {
  constructor(fetch: (query: CreatorQuery) => Promise<CreatorPage>, pageSize?: number, settleMs?: number) {
    super((view, offset, limit) => fetch(toQuery(view, offset, limit)), pageSize, settleMs);
  }
}
