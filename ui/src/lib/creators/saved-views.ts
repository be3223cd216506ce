// The Creators table's chosen columns and the seller's saved views (filters + sort + columns under a
// name), remembered per workspace (localStorage, keyed by the workspace's path, as `results-period.ts`
// does). Whatever is read back is checked field by field: unknown columns and sorts are dropped, a
// corrupt entry reads as none, never a crash.
import { asPlatform } from "../common/names";
import { DEFAULT_VIEW, defaultDescending, knownSort, type CreatorView } from "./creators-view";

/** Columns always shown, whatever is chosen: the select checkbox and the creator (avatar and handle). */
export const ALWAYS_SHOWN: readonly string[] = ["select", "avatar", "handle"];

export interface SavedView {
  name: string;
  /** Filters and sort. */
  view: CreatorView;
  /** The columns chosen (besides those always shown), in table order. */
  columns: string[];
}

export interface CreatorsLayout {
  /** The columns chosen now (besides those always shown), in table order; null: every column. */
  columns: string[] | null;
  views: SavedView[];
}

export const EMPTY_LAYOUT: CreatorsLayout = { columns: null, views: [] };

/** The longest name a view may have. */
export const NAME_MAX = 40;

/** The columns shown for a choice: those always shown and the chosen ones, in the table's order. */
export function chosenColumns<C extends { id: string }>(
  all: readonly C[],
  chosen: readonly string[] | null,
): C[] {
  return all.filter((c) => chosen === null || ALWAYS_SHOWN.includes(c.id) || chosen.includes(c.id));
}

/** The ids a seller can choose among (every column but those always shown). */
export function choosable<C extends { id: string }>(all: readonly C[]): C[] {
  return all.filter((c) => !ALWAYS_SHOWN.includes(c.id));
}

/** A choice read back: known column ids only, once each, in the table's order; null when not a list. */
export function cleanColumns(raw: unknown, known: readonly string[]): string[] | null {
  if (!Array.isArray(raw)) return null;
  return known.filter((id) => raw.includes(id));
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;

/** A view read back: each field of the right kind and range, else its default. */
export function cleanView(raw: unknown): CreatorView {
  const saved = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const sort = knownSort(saved.sort) ?? DEFAULT_VIEW.sort;
  const engagement = saved.minEngagementPercent;
  return {
    search: typeof saved.search === "string" ? saved.search : "",
    platform: asPlatform(saved.platform),
    country: text(saved.country),
    category: text(saved.category),
    minFollowers: count(saved.minFollowers),
    maxFollowers: count(saved.maxFollowers),
    minEngagementPercent:
      typeof engagement === "number" && engagement >= 0 && engagement <= 100 ? engagement : null,
    tag: text(saved.tag),
    includeHidden: saved.includeHidden === true,
    sort,
    descending: typeof saved.descending === "boolean" ? saved.descending : defaultDescending(sort),
  };
}

/** Saved views read back: each needs a name (the first of a name wins); the rest is cleaned. */
export function cleanViews(raw: unknown, known: readonly string[]): SavedView[] {
  if (!Array.isArray(raw)) return [];
  const views: SavedView[] = [];
  for (const entry of raw) {
    if (typeof entry !== "object" || entry === null) continue;
    const { name, view, columns } = entry as Record<string, unknown>;
    if (typeof name !== "string" || name.trim() === "") continue;
    const clean = name.trim().slice(0, NAME_MAX);
    if (views.some((v) => sameName(v.name, clean))) continue;
    views.push({ name: clean, view: cleanView(view), columns: cleanColumns(columns, known) ?? [...known] });
  }
  return views;
}

const KEY = "scout.creators.layout:";

/** The columns and views remembered for this workspace; `known` are the choosable column ids. */
export function loadLayout(
  workspace: string | null | undefined,
  known: readonly string[],
  storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage,
): CreatorsLayout {
  if (!workspace || !storage) return EMPTY_LAYOUT;
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY + workspace) ?? "null");
    if (typeof raw !== "object" || raw === null) return EMPTY_LAYOUT;
    const { columns, views } = raw as Record<string, unknown>;
    return { columns: cleanColumns(columns, known), views: cleanViews(views, known) };
  } catch {
    return EMPTY_LAYOUT;
  }
}

export function saveLayout(
  workspace: string | null | undefined,
  layout: CreatorsLayout,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  if (!workspace || !storage) return;
  try {
    storage.setItem(KEY + workspace, JSON.stringify(layout));
  } catch {
    // A full or blocked storage only forgets the layout.
  }
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** What is wrong with a name for a view (another view than `except` holding it too), or null. */
export function nameProblem(
  views: readonly SavedView[],
  name: string,
  except: string | null = null,
): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return "Type a name for the view";
  if (trimmed.length > NAME_MAX) return `Keep the name to ${NAME_MAX} characters`;
  const taken = views.find(
    (v) => sameName(v.name, trimmed) && (except === null || !sameName(v.name, except)),
  );
  return taken ? `“${taken.name}” is already a view: pick another name` : null;
}

/** The views with the current filters, sort and columns saved as `name` (replacing a view of that name,
 * where it was in the list; else added at the end). */
export function saveAs(
  views: readonly SavedView[],
  name: string,
  view: CreatorView,
  columns: readonly string[],
): SavedView[] {
  const entry: SavedView = {
    name: name.trim(),
    view: { ...view, search: view.search.trim() },
    columns: [...columns],
  };
  const at = views.findIndex((v) => sameName(v.name, name));
  return at < 0 ? [...views, entry] : views.map((v, i) => (i === at ? entry : v));
}

export function renameView(views: readonly SavedView[], from: string, to: string): SavedView[] {
  return views.map((v) => (sameName(v.name, from) ? { ...v, name: to.trim() } : v));
}

export function deleteView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((v) => !sameName(v.name, name));
}

export function findView(views: readonly SavedView[], name: string | null): SavedView | undefined {
  return name === null ? undefined : views.find((v) => sameName(v.name, name));
}

/** True when the table no longer shows what the view saved (filters, sort or columns). */
export function viewChanged(saved: SavedView, view: CreatorView, columns: readonly string[]): boolean {
  const a = { ...saved.view, search: saved.view.search.trim() };
  const b = { ...view, search: view.search.trim() };
  const keys = Object.keys(DEFAULT_VIEW) as (keyof CreatorView)[];
  return (
    keys.some((key) => a[key] !== b[key]) ||
    saved.columns.length !== columns.length ||
    saved.columns.some((id, i) => columns[i] !== id)
  );
}
