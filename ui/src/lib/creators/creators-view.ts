// What the Creators table shows (sort and filters), how it is remembered across restarts, and how it
// becomes a `CreatorQuery` for Rust, which does the sorting, filtering and paging.
import type { CreatorQuery, CreatorSort, Platform } from "../common/types";

export type CreatorView = {
  search: string;
  platform: Platform | null;
  country: string | null;
  category: string | null;
  minFollowers: number | null;
  maxFollowers: number | null;
  /** Percent as typed (3.5 = 3.5 %); the query carries basis points. */
  minEngagementPercent: number | null;
  /** One of the seller's tags, or null for any. */
  tag: string | null;
  /** Hidden creators listed too (marked hidden). */
  includeHidden: boolean;
  sort: CreatorSort;
  descending: boolean;
};

export const SORTS: readonly CreatorSort[] = [
  "handle",
  "display_name",
  "followers",
  "avg_views",
  "engagement_rate",
  "gmv",
  "country",
  "data_as_of",
];

/** A remembered sort, if Scout still has it; "updated_at" (the import time, before "Data as of") reads as
 * "data_as_of". */
export function knownSort(value: unknown): CreatorSort | undefined {
  const name = value === "updated_at" ? "data_as_of" : value;
  return SORTS.find((candidate) => candidate === name);
}

export const DEFAULT_VIEW: CreatorView = {
  search: "",
  platform: null,
  country: null,
  category: null,
  minFollowers: null,
  maxFollowers: null,
  minEngagementPercent: null,
  tag: null,
  includeHidden: false,
  sort: "followers",
  descending: true,
};

/** Text columns start A→Z; figures and dates start largest / newest first. */
export function defaultDescending(sort: CreatorSort): boolean {
  return !(sort === "handle" || sort === "display_name" || sort === "country");
}

export function isFiltered(view: CreatorView): boolean {
  return (
    view.search.trim() !== "" ||
    view.platform !== null ||
    view.country !== null ||
    view.category !== null ||
    view.minFollowers !== null ||
    view.maxFollowers !== null ||
    view.minEngagementPercent !== null ||
    view.tag !== null
  );
}

export function toQuery(view: CreatorView, offset: number, limit: number): CreatorQuery {
  const search = view.search.trim();
  return {
    search: search === "" ? null : search,
    platform: view.platform,
    country: view.country,
    category: view.category,
    min_followers: view.minFollowers,
    max_followers: view.maxFollowers,
    min_engagement_bp:
      view.minEngagementPercent === null ? null : Math.round(view.minEngagementPercent * 100),
    tag: view.tag,
    include_hidden: view.includeHidden,
    ids: null,
    except: [],
    sort: view.sort,
    descending: view.descending,
    offset,
    limit,
  };
}

const STORAGE_KEY = "scout.creators.view.v1";

/** The remembered view: the sort only. Filters and search start empty on every launch, so the list
 * never opens showing "0 of 2,050 creators" because of a search typed yesterday (or in another
 * workspace). Anything missing or malformed falls back to the default. */
export function loadView(
  storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage,
): CreatorView {
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "{}");
    if (typeof parsed === "object" && parsed !== null) saved = parsed as Record<string, unknown>;
  } catch {
    // A corrupt entry is ignored, not fatal: the defaults are a fine view.
  }
  const sort = knownSort(saved.sort) ?? DEFAULT_VIEW.sort;
  return {
    ...DEFAULT_VIEW,
    sort,
    descending: typeof saved.descending === "boolean" ? saved.descending : defaultDescending(sort),
  };
}

export function saveView(
  view: CreatorView,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ sort: view.sort, descending: view.descending }));
  } catch {
    // Storage full or disabled: the view just isn't remembered.
  }
}

/** Reads "25000", "25,000", "25k", "1.5M" as a count; "" is no limit (null); anything else is NaN. */
export function parseCount(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/[,_\s]/g, "")
    .toLowerCase();
  if (cleaned === "") return null;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/.exec(cleaned);
  if (!match) return Number.NaN;
  const scale = match[2] === "k" ? 1_000 : match[2] === "m" ? 1_000_000 : 1;
  return Math.round(Number(match[1]) * scale);
}

/** Reads the minimum engagement box: a number of percent from 0 to 100; "" is no limit (null); anything
 * else is NaN. */
export function parseEngagementPercent(input: string): number | null {
  if (input.trim() === "") return null;
  const value = Number(input);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : Number.NaN;
}
