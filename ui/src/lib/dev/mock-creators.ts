// DEVELOPMENT ONLY — the Creators list as the mock backend answers it: filtered, sorted (unknown values
// last, as the store does) and paged, and the values the filter menus offer.
import type { SyntheticCreator } from "./synthetic";
import type { CreatorFacets, CreatorQuery, CreatorRow, Facet, Money } from "../common/types";

/** GMV is sorted within each currency, as the store and the match engine do (decision 0018): each
 * currency's place, the one most amounts are in first (ties A→Z). */
export function currencyPlaces(amounts: (Money | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const money of amounts) if (money) counts.set(money.currency, (counts.get(money.currency) ?? 0) + 1);
  const order = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map(order.map(([currency], place) => [currency, place]));
}

/** Two amounts by GMV order: by their currency's place, then by amount (`ascending` or not). */
export function compareGmv(
  places: Map<string, number>,
  a: Money | null,
  b: Money | null,
  ascending: boolean,
): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  const byPlace = (places.get(a.currency) ?? 0) - (places.get(b.currency) ?? 0);
  return byPlace || (ascending ? a.minor - b.minor : b.minor - a.minor);
}

function sortKey(row: CreatorRow, sort: CreatorQuery["sort"]): string | number | null {
  switch (sort) {
    case "gmv":
      return row.gmv?.minor ?? null;
    case "data_as_of":
      return row.as_of;
    case "display_name":
      return row.display_name?.toLowerCase() ?? null;
    default:
      return row[sort];
  }
}

function compare(a: CreatorRow, b: CreatorRow, sort: CreatorQuery["sort"]): number {
  const x = sortKey(a, sort);
  const y = sortKey(b, sort);
  if (x === y) return a.id - b.id;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

// The sorted, filtered list for the last query, so paging through 100,000 rows doesn't re-sort each page.
let lastList: { key: string; rows: CreatorRow[] } | null = null;

/** One page of the creators `query` selects; the sorted list is kept for the next page. */
export function listCreators(creators: SyntheticCreator[], query: CreatorQuery) {
  const key = JSON.stringify({ ...query, offset: 0, limit: 0, size: creators.length });
  const rows = lastList?.key === key ? lastList.rows : matching(creators, query);
  lastList = { key, rows };
  return {
    total: rows.length,
    offset: query.offset,
    rows: rows.slice(query.offset, query.offset + query.limit),
  };
}

function matching(creators: SyntheticCreator[], query: CreatorQuery): CreatorRow[] {
  const search = query.search?.toLowerCase();
  let rows = creators.map((creator) => creator.row);
  rows = rows.filter(
    (row) =>
      (!search || row.handle.includes(search) || (row.display_name ?? "").toLowerCase().includes(search)) &&
      (!query.platform || row.platform === query.platform) &&
      (!query.country || row.country === query.country) &&
      (!query.category || row.categories.includes(query.category)) &&
      (query.min_followers === null || (row.followers ?? -1) >= query.min_followers) &&
      (query.max_followers === null || (row.followers !== null && row.followers <= query.max_followers)) &&
      (query.min_engagement_bp === null || (row.engagement_rate ?? -1) >= query.min_engagement_bp),
  );
  // Unknown values sort last in both directions, as the store does.
  const known = rows.filter((row) => sortKey(row, query.sort) !== null);
  const unknown = rows.filter((row) => sortKey(row, query.sort) === null);
  const places = currencyPlaces(known.map((row) => row.gmv));
  known.sort((a, b) => {
    if (query.sort === "gmv") return compareGmv(places, a.gmv, b.gmv, !query.descending) || a.id - b.id;
    const order = compare(a, b, query.sort);
    return query.descending ? -order : order;
  });
  return [...known, ...unknown.sort((a, b) => a.id - b.id)];
}

function facets(values: string[]): Facet[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** The filter menus' values, most common first. */
export function creatorFacets(creators: SyntheticCreator[]): CreatorFacets {
  return {
    platforms: facets(creators.map((c) => c.row.platform)),
    countries: facets(creators.flatMap((c) => (c.row.country ? [c.row.country] : []))),
    categories: facets(creators.flatMap((c) => c.row.categories)),
    tags: facets(creators.flatMap((c) => c.row.tags)),
    hidden: creators.filter((c) => c.row.hidden).length,
  };
}
