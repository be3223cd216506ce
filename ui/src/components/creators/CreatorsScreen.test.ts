import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CreatorsScreen from "./CreatorsScreen.svelte";
import { app } from "../../lib/app.svelte";
import { workspaceInfo } from "../../lib/workspace-fixtures";

function backend() {
  mockIPC((cmd) => {
    switch (cmd) {
      case "list_creators":
        return { total: 0, offset: 0, rows: [] };
      case "creator_facets":
        return { platforms: [], countries: [], categories: [], tags: [], hidden: 0 };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

describe("CreatorsScreen while a large import's sort indexes build", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    app.workspace = null;
  });

  it("says the sort indexes are building, and why sorting is slower meanwhile", async () => {
    backend();
    app.workspace = workspaceInfo(1_000_000, true);
    render(CreatorsScreen);
    const note = await screen.findByRole("status");
    expect(note).toHaveTextContent("Building sort indexes…");
    expect(note.getAttribute("title")).toMatch(/already listed and searchable; sorting is slower/);
  });

  it("says nothing once they are built", async () => {
    backend();
    app.workspace = workspaceInfo(1_000_000, false);
    render(CreatorsScreen);
    await waitFor(() => expect(screen.getByText("No creators match these filters.")).toBeInTheDocument());
    expect(screen.queryByText("Building sort indexes…")).not.toBeInTheDocument();
  });
});
