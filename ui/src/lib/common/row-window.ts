// The maths behind the virtualized tables (Creators, Matches): which pages of rows cover what is on
// screen, and where keyboard navigation moves the selection. Pure functions, tested without a DOM.

/** Rows per `list_creators` request. */
export const PAGE_SIZE = 100;

/** The page indices that hold rows `first..=last` of a result of `total` rows. */
export function pagesCovering(first: number, last: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.max(0, Math.floor(first / pageSize));
  const to = Math.floor(Math.min(last, total - 1) / pageSize);
  const pages: number[] = [];
  for (let page = from; page <= to; page += 1) pages.push(page);
  return pages;
}

/** Where a row lives: its page and its position in that page. */
export function locate(index: number, pageSize = PAGE_SIZE): { page: number; slot: number } {
  return { page: Math.floor(index / pageSize), slot: index % pageSize };
}

/**
 * Pages to forget when more than `keep` are cached: the ones farthest from the page being looked at,
 * so scrolling back a little never refetches.
 */
export function pagesToEvict(cached: Iterable<number>, around: number, keep: number): number[] {
  const pages = [...cached];
  if (pages.length <= keep) return [];
  pages.sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
  return pages.slice(0, pages.length - keep);
}

export type Move = "up" | "down" | "pageUp" | "pageDown" | "first" | "last";

/** The row selected after a key press; null when there are no rows. Nothing selected + ↓ selects the first. */
export function moveSelection(
  current: number | null,
  move: Move,
  total: number,
  rowsPerScreen: number,
): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  const page = Math.max(1, rowsPerScreen - 1);
  if (current === null) return move === "last" ? last : 0;
  const next = {
    up: current - 1,
    down: current + 1,
    pageUp: current - page,
    pageDown: current + page,
    first: 0,
    last,
  }[move];
  return Math.min(last, Math.max(0, next));
}
