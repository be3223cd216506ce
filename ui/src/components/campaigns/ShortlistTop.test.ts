import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ShortlistTop from "./ShortlistTop.svelte";
import { Shortlist } from "../../lib/campaigns/campaigns.svelte";
import { DEFAULT_MATCH_VIEW } from "../../lib/campaigns/match-view";

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Shortlist top N", () => {
  it("shortlists the top of the ranking as filtered and says how many joined", async () => {
    const asked: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "shortlist_top") {
        asked.push(args as Record<string, unknown>);
        return 8;
      }
      if (cmd === "get_shortlist") return [];
      throw new Error(`unexpected ${cmd}`);
    });
    let changed = 0;
    const shortlist = new Shortlist(5, () => (changed += 1));
    const view = { ...DEFAULT_MATCH_VIEW, followersMin: 10_000 };
    render(ShortlistTop, { shortlist, view });
    await fireEvent.click(screen.getByRole("button", { name: "Shortlist top 10" }));
    expect(await screen.findByRole("status")).toHaveTextContent("8 creators added · 2 already there");
    expect(asked[0]).toMatchObject({ campaignId: 5, n: 10, query: { offset: 0, limit: 10 } });
    expect((asked[0]?.query as { filters: { followers_min: number } }).filters.followers_min).toBe(10_000);
    expect(changed).toBe(1);
  });

  it("offers no button for a count it would refuse", async () => {
    mockIPC(() => null);
    render(ShortlistTop, { shortlist: new Shortlist(5), view: { ...DEFAULT_MATCH_VIEW } });
    await fireEvent.input(screen.getByLabelText("How many of the top creators to shortlist"), {
      target: { value: "500" },
    });
    const button = screen.getByRole("button", { name: "Shortlist top …" });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("title", "Type a number from 1 to 200");
  });
});
