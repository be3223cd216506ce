// The Creators table's columns. `hideBelow` drops a column when the table is narrower than that many
// pixels (the drawer is open, or the window is small); `sort` is what clicking the header sorts by.
import type { CreatorSort } from "../../lib/types";

export type Column = {
  id:
    | "avatar"
    | "handle"
    | "name"
    | "followers"
    | "views"
    | "engagement"
    | "gmv"
    | "categories"
    | "country"
    | "updated";
  label: string;
  sort?: CreatorSort;
  numeric?: boolean;
  width: string;
  hideBelow?: number;
};

export const COLUMNS: Column[] = [
  { id: "avatar", label: "", width: "30px" },
  { id: "handle", label: "Handle", sort: "handle", width: "minmax(110px, 1.1fr)" },
  { id: "name", label: "Name", sort: "display_name", width: "minmax(110px, 1.4fr)", hideBelow: 400 },
  { id: "followers", label: "Followers", sort: "followers", numeric: true, width: "82px" },
  { id: "views", label: "Avg views", sort: "avg_views", numeric: true, width: "82px", hideBelow: 660 },
  {
    id: "engagement",
    label: "Engagement",
    sort: "engagement_rate",
    numeric: true,
    width: "88px",
    hideBelow: 480,
  },
  { id: "gmv", label: "GMV", sort: "gmv", numeric: true, width: "96px", hideBelow: 560 },
  { id: "categories", label: "Categories", width: "minmax(90px, 1fr)", hideBelow: 900 },
  { id: "country", label: "Country", sort: "country", width: "64px", hideBelow: 720 },
  { id: "updated", label: "Updated", sort: "updated_at", numeric: true, width: "84px", hideBelow: 800 },
];

/** The columns shown at a given table width. */
export function visibleColumns(width: number): Column[] {
  return COLUMNS.filter(
    (column) => column.hideBelow === undefined || width === 0 || width >= column.hideBelow,
  );
}

export function gridTemplate(columns: Column[]): string {
  return columns.map((column) => column.width).join(" ");
}
