// A list's columns, one shape for every virtual table: `hideBelow` drops a column when the table is
// narrower than that many pixels (a drawer is open, or the window is small); `sort` is what clicking the
// header sorts by; `help` is the header's tooltip (what the column is and how it sorts), else "Sort by
// <label>"; `width` is the column's CSS grid track.

export type TableColumn<Id extends string = string, Sort = string> = {
  id: Id;
  label: string;
  sort?: Sort;
  help?: string;
  numeric?: boolean;
  width: string;
  hideBelow?: number;
};

/** The columns shown at a table width (all of them before the width is known). */
export function visibleColumns<C extends TableColumn<string, unknown>>(
  columns: readonly C[],
  width: number,
): C[] {
  return columns.filter(
    (column) => column.hideBelow === undefined || width === 0 || width >= column.hideBelow,
  );
}

/** How a GMV column sorts, said in its header's tooltip (decision 0018): amounts in different currencies
 * are never compared as if they were one. */
export const GMV_SORT_HELP =
  "GMV as each source gave it, in its own currency. Sorted within each currency, never across them: " +
  "the currency most creators' GMV is in first, largest first (or smallest), then the next most common " +
  "currency, and so on; creators without GMV last.";

/** The CSS grid template for the columns shown. */
export function gridTemplate(columns: readonly TableColumn<string, unknown>[]): string {
  return columns.map((column) => column.width).join(" ");
}

/** What a screen can ask of its table. */
export type TableHandle = {
  reveal(index: number): void;
  rowsPerScreen(): number;
  scrollToTop(): void;
  focus(): void;
};
