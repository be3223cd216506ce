// The Creators table's columns (the shape and its rules are the shared `TableColumn`).
import { GMV_SORT_HELP, type TableColumn } from "../../lib/common/table-columns";
import type { CreatorSort } from "../../lib/common/types";

export type Column = TableColumn<
  | "select"
  | "avatar"
  | "handle"
  | "name"
  | "followers"
  | "views"
  | "engagement"
  | "gmv"
  | "categories"
  | "country"
  | "as_of",
  CreatorSort
>;

/** What "Data as of" is, in its header's tooltip. */
export const DATA_AS_OF_HELP =
  "The date the creator's newest figures are from, as their source file said (its own date, or the " +
  "date given when importing it) — not when Scout imported it. Sorted newest first; creators without " +
  "figures last.";

export const COLUMNS: Column[] = [
  { id: "select", label: "", width: "26px" },
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
  {
    id: "gmv",
    label: "GMV",
    sort: "gmv",
    help: GMV_SORT_HELP,
    numeric: true,
    width: "96px",
    hideBelow: 560,
  },
  { id: "categories", label: "Categories", width: "minmax(90px, 1fr)", hideBelow: 900 },
  { id: "country", label: "Country", sort: "country", width: "64px", hideBelow: 720 },
  {
    id: "as_of",
    label: "Data as of",
    sort: "data_as_of",
    help: DATA_AS_OF_HELP,
    numeric: true,
    width: "96px",
    hideBelow: 800,
  },
];
