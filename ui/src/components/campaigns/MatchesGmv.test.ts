// The Matches table's GMV header says how it sorts: within each currency, never across them.
import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import MatchesView from "./MatchesView.svelte";
import type { MatchPage, RankQuery } from "../../lib/common/types";

function page(): MatchPage {
  return {
    total: 1,
    scored: 1,
    offset: 0,
    rows: [
      {
        creator: {
          id: 1,
          platform: "tiktok",
          handle: "usd_big",
          display_name: "USD Big",
          followers: 1_000,
          avg_views: null,
          engagement_rate: null,
          gmv: { minor: 2_000_000, currency: "USD" },
          categories: [],
          country: null,
          updated_at: "2026-12-06T09:00:00Z",
          as_of: "2026-11-20",
          tags: [],
          hidden: false,
        },
        score: 71,
        confidence: 0.6,
        confidence_band: "medium",
        warnings: [],
        shortlisted: false,
      },
    ],
    model_version: "default-2",
    took_ms: 3,
    coverage: { creators: 1, factors: [], rests_on: [], thin: [], next_step: null },
  };
}

describe("the Matches table's GMV column", () => {
  afterEach(() => cleanup());

  it("says in its header that GMV is sorted within each currency, and asks Rust for that sort", async () => {
    const queries: RankQuery[] = [];
    const fetcher = async (query: RankQuery) => {
      queries.push(query);
      return page();
    };
    render(MatchesView, { fetcher, filters: false });
    await waitFor(() => expect(queries.length).toBeGreaterThan(0));
    const gmv = within(screen.getByRole("columnheader", { name: /^GMV/ })).getByRole("button");
    expect(gmv.getAttribute("title")).toMatch(/Sorted within each currency, never across them/);
    await fireEvent.click(gmv);
    expect(queries.at(-1)?.sort).toBe("gmv");
  });
});
