import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import EnrichDialog from "./EnrichDialog.svelte";
import SelectionBar from "../creators/SelectionBar.svelte";
import { CreatorSelection } from "../../lib/creators/selection.svelte";
import { DEFAULT_VIEW, toQuery } from "../../lib/creators/creators-view";
import type { EnrichProgress, EnrichReport } from "../../lib/common/types";

afterEach(() => {
  cleanup();
  clearMocks();
});

const REPORT: EnrichReport = {
  asked: 3,
  skipped_fresh: 1,
  fetched: 1,
  counts: { rows_total: 1, created: 0, updated: 1, unchanged: 0, merged: 0, rejected: 0 },
  imports: [9],
  failed: [["mk-3", "the creator's profile could not be read: no followers"]],
  stopped: "cancelled",
};

function answering() {
  const calls: [string, Record<string, unknown>][] = [];
  let progress: ((p: EnrichProgress) => void) | null = null;
  let finish: (() => void) | null = null;
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, payload]);
    if (cmd === "enrich_creators") {
      progress = (p) => (payload.onProgress as { onmessage: (p: EnrichProgress) => void }).onmessage(p);
      return new Promise((resolve) => (finish = () => resolve(REPORT)));
    }
    if (cmd === "cancel_marketplace") finish?.();
    if (cmd === "workspace_info")
      return { path: "/w.scout", name: "w", creator_count: 3, batch_count: 1, sort_indexes_building: false };
    return null;
  });
  return { calls, progress: () => progress };
}

describe("Get TikTok Shop profiles", () => {
  it("fetches with a progress bar and Cancel, then says fetched, already fetched today and failed with why", async () => {
    const { calls, progress } = answering();
    render(EnrichDialog, {
      what: "the 3 creators",
      creatorIds: () => Promise.resolve([4, 5, 6]),
      onclose: () => {},
    });
    await waitFor(() => expect(progress()).not.toBeNull());
    expect(calls.find(([cmd]) => cmd === "enrich_creators")?.[1].creatorIds).toEqual([4, 5, 6]);
    progress()!({ done: 1, total: 3 });
    const dialog = screen.getByRole("dialog", { name: "TikTok Shop profiles" });
    expect(await within(dialog).findByText("1 of 3 done")).toBeInTheDocument();
    expect(within(dialog).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "33");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    const report = await within(dialog).findByTestId("enrich-report");
    expect(report).toHaveTextContent("1 profile fetched · 1 already fetched today · 1 failed (of 3 asked).");
    expect(report).toHaveTextContent("mk-3: the creator's profile could not be read: no followers");
    expect(report).toHaveTextContent("Stopped before the end: cancelled.");
    expect(within(dialog).getByRole("button", { name: "Done" })).toBeEnabled();
  });

  it("from the Creators selection: the ticked creators; every matching creator is refused with why", async () => {
    const { calls } = answering();
    const selection = new CreatorSelection();
    selection.toggle(4, 0);
    selection.toggle(9, 1);
    render(SelectionBar, {
      selection,
      total: 120,
      base: toQuery(DEFAULT_VIEW, 0, 100),
      tags: [],
      showingHidden: false,
      onchanged: () => {},
    });
    await fireEvent.click(screen.getByRole("button", { name: "Get TikTok Shop profiles" }));
    await waitFor(() =>
      expect(calls.find(([cmd]) => cmd === "enrich_creators")?.[1].creatorIds).toEqual([4, 9]),
    );
    expect(screen.getByRole("dialog", { name: "TikTok Shop profiles" })).toHaveTextContent(
      "For the 2 selected creators",
    );
    cleanup();
    selection.selectAll();
    render(SelectionBar, {
      selection,
      total: 120,
      base: toQuery(DEFAULT_VIEW, 0, 100),
      tags: [],
      showingHidden: false,
      onchanged: () => {},
    });
    const button = screen.getByRole("button", { name: "Get TikTok Shop profiles" });
    expect(button).toBeDisabled();
    expect(button.getAttribute("title")).toContain("Pick creators by hand");
  });
});
