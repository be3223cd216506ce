import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import MarketplaceScreen from "./MarketplaceScreen.svelte";
import { app } from "../../lib/app.svelte";
import { MarketplaceSearch } from "../../lib/marketplace/marketplace.svelte";
import type { CollectProgress, MarketplaceCreator, MarketplaceFilter } from "../../lib/common/types";

afterEach(() => {
  cleanup();
  clearMocks();
  app.screen = "marketplace";
  app.settingsField = null;
});

function creator(i: number, over: Partial<MarketplaceCreator> = {}): MarketplaceCreator {
  return {
    open_id: `mk-${i}`,
    username: `glow.skin${i}`,
    nickname: `Glow ${i} (synthetic)`,
    avatar_url: null,
    region: "US",
    category_ids: ["601450"],
    followers: 50_000 + i * 1000,
    avg_video_views: 4200,
    avg_live_viewers: null,
    gmv: { exact: { minor: 123_400, currency: "USD" } },
    video_gmv: null,
    live_gmv: null,
    units_sold: null,
    top_follower_ages: [],
    major_gender: null,
    pps_score: null,
    creator_level: 3,
    fast_growing: false,
    rising_star: false,
    invited_in_90_days: false,
    has_collaborated: false,
    blocked: false,
    private: false,
    ...over,
  };
}

const STATUS = {
  connected: true,
  connection: null,
  access_expires_at: null,
  refresh_expires_at: null,
  quota: null,
  problem: null,
};

type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

function setup(answer: Handler) {
  const calls: [string, Record<string, unknown>][] = [];
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, payload]);
    if (cmd === "tiktok_status") return STATUS;
    if (cmd === "marketplace_budget") return { day: "2026-11-20", used: 60, left: 9940 };
    if (cmd === "workspace_info")
      return { path: "/w.scout", name: "w", creator_count: 40, batch_count: 1, sort_indexes_building: false };
    return answer(cmd, payload);
  });
  render(MarketplaceScreen, { search: new MarketplaceSearch() });
  return calls;
}

/** Two pages of 20: the first with a cursor to the second. */
const pages: Handler = (cmd, args) => {
  if (cmd !== "search_marketplace") return null;
  const second = args.cursor !== null;
  const offset = second ? 20 : 0;
  return {
    creators: Array.from({ length: 20 }, (_, i) =>
      creator(
        offset + i,
        i === 1
          ? {
              private: true,
              gmv: {
                range: {
                  min: { minor: 100_000, currency: "USD" },
                  max: { minor: 1_000_000, currency: "USD" },
                },
              },
            }
          : {},
      ),
    ),
    unreadable: [],
    next: second ? null : { search_key: "sk", page_token: "20" },
  };
};

async function searchWith(categories: string, followersMin: string) {
  await fireEvent.input(await screen.findByLabelText("Categories"), { target: { value: categories } });
  await fireEvent.input(screen.getByLabelText("Followers from"), { target: { value: followersMin } });
  await fireEvent.click(screen.getByRole("button", { name: "Search" }));
}

describe("Find on TikTok Shop", () => {
  it("searches with the filters, loads the next page, and adds the ticked creators", async () => {
    const calls = setup((cmd, args) => {
      if (cmd === "add_marketplace_creators")
        return {
          import_id: 7,
          file_name: "TikTok Shop marketplace",
          kind: "creators",
          status: "imported",
          issues: [
            {
              line: 2,
              column: "GMV",
              raw_value: null,
              message: "GMV only as a range",
              outcome: "noted",
              cells: null,
            },
          ],
          issues_truncated: 0,
          duration_ms: 12,
          date_order: null,
          platform: null,
          attribution: null,
          rows_total: 2,
          created: 2,
          updated: 0,
          unchanged: 0,
          merged: 0,
          rejected: 0,
        };
      return pages(cmd, args);
    });
    expect(await screen.findByTestId("marketplace-budget")).toHaveTextContent(
      "9,940 of 10,000 searches left today",
    );
    await searchWith("601450", "50K");
    await waitFor(() => expect(screen.getAllByTestId("marketplace-row")).toHaveLength(20));
    const search = calls.find(([cmd]) => cmd === "search_marketplace")!;
    expect(search[1].cursor).toBeNull();
    expect(search[1].filter).toMatchObject({
      categories: [{ parent: "601450", children: [] }],
      followers_min: 50_000,
    } satisfies Partial<MarketplaceFilter>);
    expect(screen.getByTestId("marketplace-count")).toHaveTextContent(
      "20 creators so far · more on the next pages",
    );
    // A private creator's GMV is the range they share, and the flag says so.
    const second = screen.getAllByTestId("marketplace-row")[1]!;
    expect(second).toHaveTextContent("$1K–10K");
    expect(second).toHaveTextContent("Private figures");
    expect(screen.getAllByTestId("marketplace-row")[0]).toHaveTextContent("$1.2K");

    await fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(screen.getAllByTestId("marketplace-row")).toHaveLength(40));
    expect(calls.filter(([cmd]) => cmd === "search_marketplace").at(-1)?.[1].cursor).toEqual({
      search_key: "sk",
      page_token: "20",
    });
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(screen.getByTestId("marketplace-count")).toHaveTextContent("40 creators · every match");

    await fireEvent.click(screen.getByRole("checkbox", { name: "Select @glow.skin0" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Select @glow.skin1" }));
    await fireEvent.click(screen.getByRole("button", { name: "Add 2 to workspace" }));
    const added = await screen.findByTestId("marketplace-added");
    expect(added).toHaveTextContent("Added to the workspace as batch #7: 2 new, 0 updated, 0 unchanged.");
    expect(added).toHaveTextContent("Noted @glow.skin1: GMV only as a range");
    const sent = calls.find(([cmd]) => cmd === "add_marketplace_creators")![1]
      .creators as MarketplaceCreator[];
    expect(sent.map((c) => c.open_id)).toEqual(["mk-0", "mk-1"]);
    expect(
      within(added).getByRole("button", { name: "Get TikTok Shop profiles for 2 creators" }),
    ).toBeEnabled();
  });

  it("selects every listed creator at once", async () => {
    setup(pages);
    await searchWith("601450", "");
    await waitFor(() => expect(screen.getAllByTestId("marketplace-row")).toHaveLength(20));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Select every creator listed" }));
    expect(screen.getByRole("button", { name: "Add 20 to workspace" })).toBeEnabled();
  });

  it("says beside a field what it cannot read, and searches nothing", async () => {
    const calls = setup(pages);
    await searchWith("beauty", "lots");
    const field = (await screen.findByLabelText("Categories")).closest("[data-field]")!;
    expect(within(field as HTMLElement).getByRole("alert")).toHaveTextContent("Category ids are numbers");
    expect(calls.some(([cmd]) => cmd === "search_marketplace")).toBe(false);
  });

  it("collects every match after saying the budget, with progress and Cancel, and keeps what it found", async () => {
    let progress: ((p: CollectProgress) => void) | null = null;
    let finish: (() => void) | null = null;
    const calls = setup((cmd, args) => {
      if (cmd === "collect_marketplace") {
        progress = (p) => (args.onProgress as { onmessage: (p: CollectProgress) => void }).onmessage(p);
        return new Promise((resolve) => {
          finish = () =>
            resolve({
              creators: [creator(1), creator(2), creator(3)],
              requests: 12,
              splits: 1,
              unreadable: [],
              incomplete: [],
              stopped: "cancelled",
            });
        });
      }
      if (cmd === "cancel_marketplace") {
        finish?.();
        return null;
      }
      if (cmd === "add_marketplace_creators")
        return {
          import_id: 8,
          file_name: "TikTok Shop marketplace",
          kind: "creators",
          status: "imported",
          issues: [],
          issues_truncated: 0,
          duration_ms: 1,
          date_order: null,
          platform: null,
          attribution: null,
          rows_total: 3,
          created: 1,
          updated: 2,
          unchanged: 0,
          merged: 0,
          rejected: 0,
        };
      return pages(cmd, args);
    });
    await searchWith("601450", "50K");
    await waitFor(() => expect(screen.getAllByTestId("marketplace-row")).toHaveLength(20));
    await fireEvent.click(screen.getByRole("button", { name: "Collect all matching…" }));
    const dialog = await screen.findByRole("dialog", { name: "Collect all matching creators" });
    expect(await within(dialog).findByTestId("collect-estimate")).toHaveTextContent(
      "This can take up to 9,940 searches (9,940 of today's 10,000 left)",
    );
    await fireEvent.click(within(dialog).getByRole("button", { name: "Collect" }));
    await waitFor(() => expect(progress).not.toBeNull());
    progress!({ requests: 7, queries_done: 1, queries_waiting: 3, creators: 140 });
    expect(
      await within(dialog).findByText("7 searches · 140 creators found · 3 parts to go"),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    const result = await within(dialog).findByTestId("collect-result");
    expect(calls.some(([cmd]) => cmd === "cancel_marketplace")).toBe(true);
    expect(result).toHaveTextContent("Found 3 creators in 12 searches");
    expect(result).toHaveTextContent("It stopped before the end: cancelled.");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Add all 3 to workspace" }));
    expect(await screen.findByTestId("marketplace-added")).toHaveTextContent("1 new, 2 updated");
    const filter = calls.find(([cmd]) => cmd === "collect_marketplace")![1].filter as MarketplaceFilter;
    expect(filter.followers_min).toBe(50_000);
  });

  it("without a TikTok Shop connection says why and the way to Settings", async () => {
    mockIPC((cmd) => (cmd === "tiktok_status" ? { ...STATUS, connected: false } : null));
    render(MarketplaceScreen, { search: new MarketplaceSearch() });
    const note = await screen.findByTestId("marketplace-unavailable");
    expect(note).toHaveTextContent("Connect TikTok Shop to find creators here");
    expect(note).toHaveTextContent("not offer the affiliate API in the UK and the EU");
    await fireEvent.click(within(note).getByRole("button", { name: "Open Settings → TikTok Shop" }));
    expect(app.screen).toBe("settings");
    expect(app.settingsField).toBe("tiktok.connection");
  });

  it("a search refused for the connection shows the same note", async () => {
    setup((cmd) => {
      if (cmd === "search_marketplace")
        throw {
          code: "invalid_input",
          message: "TikTok Shop is not connected: connect it in Settings",
          field: "tiktok.connection",
          problems: [],
        };
      return null;
    });
    await searchWith("601450", "");
    expect(await screen.findByTestId("marketplace-unavailable")).toHaveTextContent(
      "TikTok Shop is not connected: connect it in Settings",
    );
  });
});
