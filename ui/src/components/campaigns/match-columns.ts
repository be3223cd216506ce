// The Matches table's columns (the shared `TableColumn` shape). The shortlist column exists only for a
// saved campaign.
import { GMV_SORT_HELP, visibleColumns, type TableColumn } from "../../lib/common/table-columns";
import type { MatchSort } from "../../lib/common/types";

export type MatchColumn = TableColumn<
  | "rank"
  | "avatar"
  | "creator"
  | "score"
  | "confidence"
  | "warnings"
  | "followers"
  | "engagement"
  | "gmv"
  | "country"
  | "shortlist",
  MatchSort
>;

/** Narrow tables (a 960 px window, a drawer open, the editor's live ranking) drop the columns worth least
 * first, so the creator's handle and name keep their room: the creator column is never squeezed below
 * 150 px while any other column could go. With a drawer open beside a narrow list, only the creators'
 * names are left (the drawer has the score and the shortlist button). */
export const MATCH_COLUMNS: MatchColumn[] = [
  { id: "rank", label: "#", numeric: true, width: "44px", hideBelow: 400 },
  { id: "avatar", label: "", width: "30px", hideBelow: 340 },
  { id: "creator", label: "Creator", width: "minmax(150px, 2fr)" },
  {
    id: "score",
    label: "Score",
    sort: "score",
    numeric: true,
    width: "minmax(92px, 124px)",
    hideBelow: 300,
  },
  { id: "confidence", label: "Confidence", sort: "confidence", width: "86px", hideBelow: 600 },
  { id: "warnings", label: "Warnings", width: "minmax(64px, 100px)", hideBelow: 680 },
  { id: "followers", label: "Followers", sort: "followers", numeric: true, width: "78px", hideBelow: 500 },
  {
    id: "engagement",
    label: "Engagement",
    sort: "engagement",
    numeric: true,
    width: "88px",
    hideBelow: 920,
  },
  {
    id: "gmv",
    label: "GMV",
    sort: "gmv",
    help: GMV_SORT_HELP,
    numeric: true,
    width: "92px",
    hideBelow: 760,
  },
  { id: "country", label: "Country", width: "60px", hideBelow: 1000 },
  { id: "shortlist", label: "", width: "36px", hideBelow: 300 },
];

/** The fixed part of each column's width (a `minmax`'s minimum), to check the creator keeps its room. */
export function minimumWidth(column: MatchColumn): number {
  return Number(/(\d+)px/.exec(column.width)?.[1] ?? 0);
}

export function matchColumns(width: number, withShortlist: boolean): MatchColumn[] {
  return visibleColumns(MATCH_COLUMNS, width).filter((column) => withShortlist || column.id !== "shortlist");
}
