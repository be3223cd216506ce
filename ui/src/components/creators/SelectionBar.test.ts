import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import SelectionBar from "./SelectionBar.svelte";
import Toasts from "../common/Toasts.svelte";
import { CreatorSelection } from "../../lib/creators/selection.svelte";
import { DEFAULT_VIEW, toQuery } from "../../lib/creators/creators-view";
import { toasts } from "../../lib/common/toasts.svelte";
import { IpcFailure } from "../../lib/common/ipc";

afterEach(() => {
  cleanup();
  clearMocks();
  for (const t of toasts.items) toasts.dismiss(t.id);
});

const base = toQuery({ ...DEFAULT_VIEW, country: "GB" }, 0, 100);

function setup(selection: CreatorSelection, answer: (cmd: string, args: Record<string, unknown>) => unknown) {
  const calls: [string, Record<string, unknown>][] = [];
  let reloads = 0;
  mockIPC((cmd, args) => {
    calls.push([cmd, args as Record<string, unknown>]);
    return answer(cmd, args as Record<string, unknown>);
  });
  render(Toasts);
  render(SelectionBar, {
    selection,
    total: 120,
    base,
    tags: [{ value: "summer", count: 4 }],
    showingHidden: false,
    onchanged: () => (reloads += 1),
  });
  return { calls, reloads: () => reloads };
}

describe("SelectionBar", () => {
  it("hides the picked creators and takes it back exactly from the toast", async () => {
    const selection = new CreatorSelection();
    selection.toggle(4, 0);
    selection.toggle(9, 1);
    const { calls, reloads } = setup(selection, (cmd, args) =>
      cmd === "hide_creators" ? (args.hidden ? [4, 9] : [4, 9]) : null,
    );
    expect(screen.getByText("2 selected")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: /Hide/ }));
    expect(await screen.findByText("Hid 2 creators")).toBeInTheDocument();
    expect(calls[0]?.[1]).toMatchObject({ hidden: true, query: { ids: [4, 9], except: [], country: "GB" } });
    await fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.[1]).toMatchObject({ hidden: false, query: { ids: [4, 9], include_hidden: true } });
    expect(reloads()).toBe(2);
  });

  it("selects every matching creator as the filter, and tags them, a refused tag said beside it", async () => {
    const selection = new CreatorSelection();
    selection.toggle(4, 0);
    const { calls } = setup(selection, (cmd, args) => {
      if (cmd !== "tag_creators") return null;
      if (String(args.tag).trim() === "") throw new IpcFailure("invalid_input", "type a tag", "tag", []);
      return [1, 2, 3];
    });
    await fireEvent.click(screen.getByRole("button", { name: "Select all 120 matching" }));
    expect(screen.getByText("120 selected")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: /Tag…/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Tag 120 creators" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("type a tag");
    await fireEvent.input(screen.getByRole("combobox", { name: "Tag" }), { target: { value: "summer" } });
    await fireEvent.click(screen.getByRole("button", { name: "Tag 120 creators" }));
    expect(await screen.findByText("Tagged 3 creators “summer”")).toBeInTheDocument();
    expect(calls.at(-1)?.[1]).toMatchObject({ add: true, tag: "summer", query: { ids: null, except: [] } });
  });
});
