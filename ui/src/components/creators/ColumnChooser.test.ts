import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import ColumnChooser from "./ColumnChooser.svelte";
import { COLUMNS } from "./columns";

afterEach(cleanup);

function setup(chosen: string[], shown: string[]) {
  const changes: string[][] = [];
  render(ColumnChooser, { columns: COLUMNS, chosen, shown, onchange: (ids) => changes.push(ids) });
  return changes;
}

const OPTIONAL = COLUMNS.filter((c) => !["select", "avatar", "handle"].includes(c.id)).map((c) => c.id);

describe("ColumnChooser", () => {
  it("ticks the columns to show, in the table's order, the handle always there", async () => {
    const changes = setup(["followers", "gmv"], ["select", "avatar", "handle", "followers", "gmv"]);
    const button = screen.getByRole("button", { name: /Columns/ });
    await fireEvent.click(button);
    const panel = screen.getByRole("dialog", { name: "Columns to show" });
    expect(panel).toBeInTheDocument();
    const handle = screen.getByRole("checkbox", { name: /Handle/ });
    expect(handle).toBeChecked();
    expect(handle).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: "Followers" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Name" })).not.toBeChecked();
    // The first choosable box has the focus; ↓ moves on.
    expect(document.activeElement).toBe(screen.getByRole("checkbox", { name: "Name" }));
    await fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByRole("checkbox", { name: "Followers" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Name" }));
    expect(changes.at(-1)).toEqual(["name", "followers", "gmv"]);
    await fireEvent.click(screen.getByRole("checkbox", { name: "Followers" }));
    expect(changes.at(-1)).toEqual(["gmv"]);
    await fireEvent.click(screen.getByRole("button", { name: "Show all" }));
    expect(changes.at(-1)).toEqual(OPTIONAL);
    // Esc closes, back on the button.
    await fireEvent.keyDown(panel, { key: "Escape" });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(document.activeElement).toBe(button);
  });

  it("says which chosen columns the table has no room for", async () => {
    setup(OPTIONAL, ["select", "avatar", "handle", "name", "followers"]);
    await fireEvent.click(screen.getByRole("button", { name: /Columns/ }));
    expect(screen.getByRole("status")).toHaveTextContent(/is chosen but hidden|are chosen but hidden/);
    expect(screen.getByRole("status")).toHaveTextContent(/Avg views.*GMV/);
    expect(screen.getByRole("status")).toHaveTextContent("the table is too narrow");
    expect(screen.getAllByTestId("no-room").length).toBe(OPTIONAL.length - 2);
    expect(screen.getByRole("button", { name: "Show all" })).toBeDisabled();
  });
});
