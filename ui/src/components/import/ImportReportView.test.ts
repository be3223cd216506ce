import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/svelte";
import ImportReportView from "./ImportReportView.svelte";
import type { ImportReport } from "../../lib/common/types";

const report: ImportReport = {
  import_id: 7,
  kind: "creators",
  date_order: null,
  attribution: null,
  file_name: "my creators.csv",
  status: "imported",
  issues: [
    {
      line: 17,
      column: "Followers",
      raw_value: "1,2,3",
      message: "not a number",
      outcome: "rejected",
      cells: [],
    },
    {
      line: 58,
      column: "Creator username",
      raw_value: "@Mia",
      message: "same creator",
      outcome: "merged",
      cells: null,
    },
    {
      line: 77,
      column: "Engagement rate",
      raw_value: "",
      message: "left unknown",
      outcome: "value_skipped",
      cells: null,
    },
  ],
  issues_truncated: 20,
  duration_ms: 3100,
  platform: { platform: "instagram", evidence: ["the header 'Instagram name' (instagram)"] },
  rows_total: 2040,
  created: 1900,
  updated: 80,
  unchanged: 25,
  merged: 5,
  rejected: 30,
};

afterEach(cleanup);

describe("creators import report", () => {
  it("counts every row once and lists each issue with its outcome", () => {
    render(ImportReportView, { report });
    expect(screen.getByText(/2,040 rows in 3.1 s · batch #7/)).toHaveTextContent("Imported my creators.csv");
    const counts = screen.getByTestId("import-counts");
    for (const text of ["1,900 Created", "80 Updated", "25 Unchanged", "5 Merged", "30 Rejected"])
      expect(counts).toHaveTextContent(text);
    expect(screen.getByRole("heading", { name: "23 issues" })).toBeInTheDocument();
    const rows = screen.getAllByRole("row").slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent?.trim());
    expect(rows.map(cells)).toEqual([
      ["17", "Followers", "1,2,3", "not a number", "Row rejected"],
      ["58", "Creator username", "@Mia", "same creator", "Merged"],
      ["77", "Engagement rate", "(empty)", "left unknown", "Value skipped"],
    ]);
    expect(screen.getByText(/and 20 more issues not listed here/)).toHaveTextContent(
      "“Export rejected rows…” writes every rejected row with its reason.",
    );
  });

  it("says which platform the creators were taken as, and why", () => {
    render(ImportReportView, { report });
    expect(screen.getByTestId("import-platform-used")).toHaveTextContent(
      "Instagram creators where a row names no platform (from the header 'Instagram name' (instagram)).",
    );
  });

  it("says a file imported before changed nothing", () => {
    render(ImportReportView, {
      report: { ...report, status: "unchanged_duplicate_file", issues: [], issues_truncated: 0 },
    });
    expect(screen.getByText(/was imported before, so nothing changed/)).toHaveTextContent("my creators.csv");
    expect(screen.queryByText(/No issues/)).not.toBeInTheDocument();
  });
});
