// The Matches table's columns (the shared `TableColumn` shape). The shortlist column exists only for a
// saved campaign.
import { visibleColumns, type TableColumn } from "../../lib/common/table-columns";
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

export const MATCH_COLUMNS: MatchColumn[] = [
  { id: "rank", label: "#", numeric: true, width: "52px" },
  { id: "avatar", label: "", width: "30px" },
  { id: "creator", label: "Creator", width: "minmax(120px, 2fr)" },
  { id: "score", label: "Score", sort: "score", numeric: true, width: "minmax(92px, 124px)" },
  { id: "confidence", label: "Confidence", sort: "confidence", width: "86px", hideBelow: 440 },
  { id: "warnings", label: "Warnings", width: "minmax(64px, 100px)", hideBelow: 600 },
  { id: "followers", label: "Followers", sort: "followers", numeric: true, width: "78px", hideBelow: 520 },
  {
    id: "engagement",
    label: "Engagement",
    sort: "engagement",
    numeric: true,
    width: "88px",
    hideBelow: 920,
  },
  { id: "gmv", label: "GMV", sort: "gmv", numeric: true, width: "92px", hideBelow: 760 },
  { id: "country", label: "Country", width: "60px", hideBelow: 1000 },
  { id: "shortlist", label: "", width: "36px" },
];

export function matchColumns(width: number, withShortlist: boolean): MatchColumn[] {
  return visibleColumns(MATCH_COLUMNS, width).filter((column) => withShortlist || column.id !== "shortlist");
}
