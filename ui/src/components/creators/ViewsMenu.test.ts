import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import ViewsMenu from "./ViewsMenu.svelte";
import { DEFAULT_VIEW } from "../../lib/creators/creators-view";
import { saveAs } from "../../lib/creators/saved-views";

afterEach(cleanup);

const views = saveAs(
  saveAs([], "US big", { ...DEFAULT_VIEW, country: "US" }, ["gmv"]),
  "Beauty",
  DEFAULT_VIEW,
  [],
);

function setup(props: { applied?: string | null; changed?: boolean; list?: typeof views } = {}) {
  const calls: string[][] = [];
  render(ViewsMenu, {
    views: props.list ?? views,
    applied: props.applied ?? null,
    changed: props.changed ?? false,
    onapply: (name) => calls.push(["apply", name]),
    onsave: (name) => calls.push(["save", name]),
    onrename: (from, to) => calls.push(["rename", from, to]),
    ondelete: (name) => calls.push(["delete", name]),
  });
  return calls;
}

describe("ViewsMenu", () => {
  it("teaches when there is no view yet, and saves the table under a name", async () => {
    const calls = setup({ list: [] });
    await fireEvent.click(screen.getByRole("button", { name: /^Saved views/ }));
    expect(screen.getByText(/None yet/)).toBeInTheDocument();
    const name = screen.getByLabelText("Save the table as it is now");
    expect(document.activeElement).toBe(name);
    await fireEvent.click(screen.getByRole("button", { name: "Save view" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Type a name for the view");
    expect(calls).toEqual([]);
    await fireEvent.input(name, { target: { value: "  Top US " } });
    await fireEvent.click(screen.getByRole("button", { name: "Save view" }));
    expect(calls).toEqual([["save", "Top US"]]);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("refuses a name already taken, beside the box", async () => {
    const calls = setup();
    await fireEvent.click(screen.getByRole("button", { name: /^Saved views/ }));
    await fireEvent.input(screen.getByLabelText("Save the table as it is now"), {
      target: { value: "beauty" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Save view" }));
    expect(screen.getByRole("alert")).toHaveTextContent("“Beauty” is already a view");
    expect(calls).toEqual([]);
  });

  it("names the applied view, says when it changed, and updates it", async () => {
    const calls = setup({ applied: "US big", changed: true });
    const button = screen.getByRole("button", { name: /^Saved views/ });
    expect(button).toHaveTextContent("US big(changed)");
    expect(button).toHaveAccessibleName("Saved views: “US big” applied, changed since");
    await fireEvent.click(button);
    expect(screen.getByRole("button", { name: "US big" })).toHaveAttribute("aria-current", "true");
    await fireEvent.click(screen.getByRole("button", { name: "Update “US big” with these changes" }));
    expect(calls).toEqual([["save", "US big"]]);
  });

  it("applies, renames and deletes a view", async () => {
    const calls = setup({ applied: "US big" });
    expect(screen.getByRole("button", { name: /^Saved views/ })).not.toHaveTextContent("changed");
    await fireEvent.click(screen.getByRole("button", { name: /^Saved views/ }));
    expect(screen.queryByRole("button", { name: /Update/ })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Beauty" }));
    expect(calls).toEqual([["apply", "Beauty"]]);

    await fireEvent.click(screen.getByRole("button", { name: /^Saved views/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Rename “Beauty”" }));
    const box = screen.getByRole("textbox", { name: "New name for “Beauty”" });
    await fireEvent.input(box, { target: { value: "us BIG" } });
    await fireEvent.click(screen.getByRole("button", { name: "Rename" }));
    expect(screen.getByRole("alert")).toHaveTextContent("“US big” is already a view");
    await fireEvent.input(box, { target: { value: "Beauty, UK" } });
    await fireEvent.click(screen.getByRole("button", { name: "Rename" }));
    expect(calls.at(-1)).toEqual(["rename", "Beauty", "Beauty, UK"]);

    await fireEvent.click(screen.getByRole("button", { name: "Delete “US big”" }));
    expect(calls.at(-1)).toEqual(["delete", "US big"]);
  });
});
