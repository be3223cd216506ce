// Figures say what they are (issue 15, item 10): the GMV header says amounts are sorted within each
// currency, never across them, and "Data as of" shows the date the source's figures are from.
import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CreatorsScreen from "./CreatorsScreen.svelte";
import CreatorTableRow from "./CreatorTableRow.svelte";
import { COLUMNS } from "./columns";
import { app } from "../../lib/app.svelte";
import { formatDate } from "../../lib/common/format";
import { workspaceInfo } from "../../lib/workspace-fixtures";
import type { CreatorQuery, CreatorRow } from "../../lib/common/types";

function row(id: number, handle: string, gmv: CreatorRow["gmv"], asOf: string | null): CreatorRow {
  return {
    id,
    platform: "tiktok",
    handle,
    display_name: null,
    followers: 1_000 * id,
    avg_views: null,
    engagement_rate: null,
    gmv,
    categories: [],
    country: null,
    updated_at: "2026-12-06T09:00:00Z",
    as_of: asOf,
    tags: [],
    hidden: false,
  };
}

const ROWS = [
  row(1, "usd_big", { minor: 2_000_000, currency: "USD" }, "2026-11-20"),
  row(2, "idr_big", { minor: 9_000_000_000, currency: "IDR" }, "2026-10-01"),
  row(3, "no_figures", null, null),
];

function backend(queries: CreatorQuery[]) {
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "list_creators":
        queries.push((args as { query: CreatorQuery }).query);
        return { total: ROWS.length, offset: 0, rows: ROWS };
      case "creator_facets":
        return { platforms: [], countries: [], categories: [], tags: [], hidden: 0 };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

const header = (name: string) => screen.getByRole("columnheader", { name: new RegExp(`^${name}`) });

describe("the Creators table's figures", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    app.workspace = null;
    localStorage.clear();
  });

  it("says in the GMV header that amounts are sorted within each currency, most common first", async () => {
    const queries: CreatorQuery[] = [];
    backend(queries);
    app.workspace = workspaceInfo(3, false);
    render(CreatorsScreen);
    await waitFor(() => expect(queries.length).toBeGreaterThan(0));
    const gmv = within(header("GMV")).getByRole("button");
    expect(gmv.getAttribute("title")).toMatch(/Sorted within each currency, never across them/);
    expect(gmv.getAttribute("title")).toMatch(/the currency most creators' GMV is in first/);
    expect(gmv.getAttribute("title")).toMatch(/without GMV last/);
    await fireEvent.click(gmv);
    expect(queries.at(-1)?.sort).toBe("gmv");
  });

  it("shows the date the newest figures are from as 'Data as of', and sorts by it", async () => {
    const queries: CreatorQuery[] = [];
    backend(queries);
    app.workspace = workspaceInfo(3, false);
    render(CreatorsScreen);
    await waitFor(() => expect(queries.length).toBeGreaterThan(0));
    expect(screen.queryByRole("columnheader", { name: /^Updated/ })).not.toBeInTheDocument();
    const asOf = within(header("Data as of")).getByRole("button");
    expect(asOf.getAttribute("title")).toMatch(/as their source file said .* not when Scout imported it/);
    await fireEvent.click(asOf);
    expect(queries.at(-1)).toMatchObject({ sort: "data_as_of", descending: true });
  });

  it("shows a row's as-of date, not when Scout wrote it, and a dash without figures", () => {
    const columns = COLUMNS.filter((column) => column.id === "as_of");
    render(CreatorTableRow, { row: ROWS[0]!, columns });
    const cell = screen.getByRole("gridcell");
    expect(cell).toHaveTextContent(formatDate("2026-11-20"));
    expect(cell).not.toHaveTextContent(formatDate("2026-12-06T09:00:00Z"));
    expect(cell).toHaveAttribute("title", expect.stringMatching(/^Figures as of /));
    cleanup();
    render(CreatorTableRow, { row: ROWS[2]!, columns });
    expect(screen.getByRole("gridcell")).toHaveTextContent("—");
    expect(screen.getByRole("gridcell")).toHaveAttribute("title", "No figures yet");
  });
});
