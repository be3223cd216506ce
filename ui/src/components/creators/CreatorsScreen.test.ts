import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
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

describe("CreatorsScreen's columns and saved views", () => {
  afterEach(() => {
    cleanup();
    clearMocks();
    app.workspace = null;
    localStorage.clear();
  });

  const header = (name: string) => screen.queryByRole("columnheader", { name: new RegExp(`^${name}`) });

  it("shows the chosen columns, saves them with the filters and sort as a view, and remembers both", async () => {
    backend();
    app.workspace = workspaceInfo(10, false);
    render(CreatorsScreen);
    await screen.findByText("No creators match these filters.");
    expect(header("Name")).toBeInTheDocument();

    await fireEvent.click(screen.getByRole("button", { name: /Columns/ }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Name" }));
    expect(header("Name")).not.toBeInTheDocument();
    expect(header("Followers")).toBeInTheDocument();
    await fireEvent.keyDown(screen.getByRole("dialog", { name: "Columns to show" }), { key: "Escape" });

    const views = () => screen.getByRole("button", { name: /^Saved views/ });
    await fireEvent.click(views());
    await fireEvent.input(screen.getByLabelText("Save the table as it is now"), {
      target: { value: "No names" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Save view" }));
    expect(views()).toHaveAccessibleName("Saved views: “No names” applied");

    // Another sort: the view has changed since; applying it again takes the table back.
    await fireEvent.click(within(header("Followers") as HTMLElement).getByRole("button"));
    expect(views()).toHaveAccessibleName("Saved views: “No names” applied, changed since");
    await fireEvent.click(screen.getByRole("button", { name: /Columns/ }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Name" }));
    expect(header("Name")).toBeInTheDocument();
    // A click elsewhere closes the chooser.
    await fireEvent.pointerDown(document.body);
    expect(screen.queryByRole("dialog", { name: "Columns to show" })).not.toBeInTheDocument();
    await fireEvent.click(views());
    await fireEvent.click(screen.getByRole("button", { name: "No names" }));
    expect(views()).toHaveAccessibleName("Saved views: “No names” applied");
    expect(header("Name")).not.toBeInTheDocument();

    // Another launch in the same workspace: the columns and the view are still there.
    cleanup();
    render(CreatorsScreen);
    await screen.findByText("No creators match these filters.");
    expect(header("Name")).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: /^Saved views/ }));
    expect(screen.getByRole("button", { name: "No names" })).toBeInTheDocument();
  });

  it("tolerates a corrupt remembered layout", async () => {
    localStorage.setItem(
      "scout.creators.layout:/tmp/big.scout",
      '{"columns": "all", "views": [1, {"name": 2}]',
    );
    backend();
    app.workspace = workspaceInfo(10, false);
    render(CreatorsScreen);
    await screen.findByText("No creators match these filters.");
    expect(header("Name")).toBeInTheDocument();
  });
});
