import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CampaignActions from "./CampaignActions.svelte";
import Toasts from "../common/Toasts.svelte";
import { testCampaign } from "../../lib/campaigns/campaign-fixtures";
import { toasts } from "../../lib/common/toasts.svelte";
import type { Campaign, CampaignFootprint } from "../../lib/common/types";

afterEach(() => {
  cleanup();
  clearMocks();
  for (const t of toasts.items) toasts.dismiss(t.id);
});

const footprint = (change: Partial<CampaignFootprint> = {}): CampaignFootprint => ({
  shortlisted: 12,
  offers: 0,
  timeline_events: 30,
  records: 4,
  outcomes: 0,
  attributed_order_lines: 57,
  ...change,
});

function setup(fp: CampaignFootprint) {
  const calls: [string, unknown][] = [];
  const changed: (Campaign | null)[] = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    if (cmd === "campaign_footprint") return fp;
    if (cmd === "delete_campaign") return null;
    if (cmd === "duplicate_campaign") return testCampaign({ id: 9, name: "Lip oil (copy)" });
    if (cmd === "archive_campaign") {
      const archived = (args as { archived: boolean }).archived;
      return testCampaign({ id: 1, name: "Lip oil", archived_at: archived ? "2026-12-07T00:00:00Z" : null });
    }
    throw new Error(`unexpected ${cmd}`);
  });
  render(Toasts);
  render(CampaignActions, {
    campaign: testCampaign({ id: 1, name: "Lip oil" }),
    onchanged: (c: Campaign | null) => changed.push(c),
  });
  return { calls, changed };
}

describe("CampaignActions", () => {
  it("says what a deletion takes and what stays before deleting", async () => {
    const { calls, changed } = setup(footprint());
    await fireEvent.click(screen.getByRole("button", { name: /Delete…/ }));
    const said = await screen.findByTestId("delete-footprint");
    expect(said).toHaveTextContent("12 creators on its shortlist");
    expect(said).toHaveTextContent("30 timeline entries");
    expect(said).toHaveTextContent("4 records (agreements, samples, posts)");
    expect(said).toHaveTextContent("57 order lines credited to it stay in Results, unattributed");
    expect(said).not.toHaveTextContent("outcome");
    await fireEvent.click(screen.getByRole("button", { name: "Delete campaign" }));
    await waitFor(() => expect(changed).toEqual([null]));
    expect(calls.map(([cmd]) => cmd)).toEqual(["campaign_footprint", "delete_campaign"]);
    expect(screen.getByTestId("toast")).toHaveTextContent("Deleted “Lip oil”");
  });

  it("refuses to delete a campaign with offers and offers to archive it instead", async () => {
    const { calls, changed } = setup(footprint({ offers: 3 }));
    await fireEvent.click(screen.getByRole("button", { name: /Delete…/ }));
    expect(await screen.findByTestId("delete-refused")).toHaveTextContent("3 offers went out");
    expect(screen.queryByRole("button", { name: "Delete campaign" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Archive instead" }));
    await waitFor(() => expect(changed[0]?.archived_at).toBe("2026-12-07T00:00:00Z"));
    expect(calls.some(([cmd]) => cmd === "delete_campaign")).toBe(false);
  });

  it("archives with an undo that restores, and duplicates to a copy it selects", async () => {
    const { calls, changed } = setup(footprint());
    await fireEvent.click(screen.getByRole("button", { name: /Archive/ }));
    const toast = await screen.findByTestId("toast");
    expect(toast).toHaveTextContent("Archived “Lip oil”");
    await fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(changed.map((c) => c?.archived_at)).toEqual(["2026-12-07T00:00:00Z", null]));
    expect(calls.map(([, args]) => args)).toEqual([
      { id: 1, archived: true },
      { id: 1, archived: false },
    ]);
    await fireEvent.click(screen.getByRole("button", { name: /Duplicate/ }));
    await waitFor(() => expect(changed.at(-1)?.spec.name).toBe("Lip oil (copy)"));
  });
});
