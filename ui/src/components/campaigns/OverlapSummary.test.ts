import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import OverlapSummary from "./OverlapSummary.svelte";
import type { AudienceOverlap, CreatorRow, ShortlistedCreator } from "../../lib/common/types";

const HOSTILE = "<img src=x onerror=alert(1)>";

function entry(id: number, handle: string): ShortlistedCreator {
  const creator: CreatorRow = {
    id,
    platform: "tiktok",
    handle,
    display_name: null,
    followers: 10_000,
    avg_views: null,
    engagement_rate: null,
    gmv: null,
    categories: [],
    country: null,
    updated_at: "2026-11-20T00:00:00Z",
    as_of: "2026-11-18",
    tags: [],
    hidden: false,
  };
  return {
    entry: {
      campaign_id: 1,
      creator_id: id,
      note: "",
      tags: [],
      added_at: "2026-11-24T00:00:00Z",
      stage: "shortlisted",
    },
    creator,
    score: 60,
  };
}

const overlap: AudienceOverlap = {
  pairs: [
    { a: 1, b: 2, similarity: 0.86, alike: true },
    { a: 2, b: 3, similarity: 0.52, alike: false },
    { a: 1, b: 3, similarity: null, alike: false },
  ],
  followers_total: 38_000,
  followers_possibly_duplicated: 16_300,
  without_audience_data: 1,
  alike_from: 0.8,
  note: "Measured between audience profiles, not follower lists — an upper bound.",
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("OverlapSummary", () => {
  it("gives the upper bound, the note, the creators without data and the most alike pairs by handle", async () => {
    const calls: unknown[] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      return overlap;
    });
    const entries = [entry(1, "coral.shop70"), entry(2, HOSTILE), entry(3, "bea.matcha31")];
    const { container } = render(OverlapSummary, { campaignId: 4, entries });

    expect(await screen.findByText("Up to 16.3K of 38K followers may be duplicated")).toBeInTheDocument();
    expect(screen.getByText(/upper bound from audience profiles/)).toBeInTheDocument();
    expect(screen.getByText(overlap.note)).toBeInTheDocument();
    expect(screen.getByText("1 creator has no audience data to compare.")).toBeInTheDocument();
    const pairs = screen.getAllByRole("listitem");
    expect(pairs[0]).toHaveTextContent("@coral.shop70");
    expect(pairs[0]).toHaveTextContent(`@${HOSTILE}`);
    expect(pairs[0]).toHaveTextContent(/86\s%\salike$/);
    expect(pairs[0]).toHaveClass("alike");
    expect(pairs[1]).not.toHaveClass("alike");
    expect(pairs).toHaveLength(2);
    expect(screen.getByText("1 pair without audience data in common")).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(calls).toEqual([["shortlist_overlap", { campaignId: 4 }]]);
  });

  it("asks again when the shortlist's creators change, not when a note changes", async () => {
    let calls = 0;
    mockIPC(() => {
      calls += 1;
      return overlap;
    });
    const entries = [entry(1, "a"), entry(2, "b")];
    const view = render(OverlapSummary, { campaignId: 4, entries });
    await waitFor(() => expect(calls).toBe(1));
    const noted = entries.map((item) => ({ ...item, entry: { ...item.entry, note: "call Monday" } }));
    await view.rerender({ campaignId: 4, entries: noted });
    await view.rerender({ campaignId: 4, entries: [...noted, entry(3, "c")] });
    await waitFor(() => expect(calls).toBe(2));
  });

  it("shows a one-line hint with fewer than two creators, asking nothing", () => {
    let calls = 0;
    mockIPC(() => {
      calls += 1;
      return overlap;
    });
    render(OverlapSummary, { campaignId: 4, entries: [entry(1, "a")] });
    expect(screen.getByTestId("overlap-summary")).toHaveTextContent(/Shortlist two or more creators/);
    expect(calls).toBe(0);
  });

  it("says what went wrong beside the section", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "campaign 4 does not exist", field: null };
    });
    render(OverlapSummary, { campaignId: 4, entries: [entry(1, "a"), entry(2, "b")] });
    expect(await screen.findByRole("alert")).toHaveTextContent("campaign 4 does not exist");
  });
});
