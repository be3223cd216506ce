import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CreatorDrawer from "./CreatorDrawer.svelte";
import type { CreatorDetail, LookalikeCreator } from "../../lib/common/types";

const HOSTILE = "<img src=x onerror=alert(1)>";

function creator(overrides: Partial<CreatorDetail["profile"]>): CreatorDetail {
  return {
    id: 7,
    key: { platform: "tiktok", handle: "mia.carter" },
    profile: {
      open_id: null,
      display_name: "Mia Carter",
      categories: ["Beauty"],
      country: "US",
      language: null,
      bio: null,
      email: null,
      ...overrides,
    },
    figures: {
      followers: 1_234_567,
      following: null,
      avg_views: null,
      avg_likes: null,
      avg_comments: null,
      avg_shares: null,
      engagement_rate: 342,
      gmv: { minor: 123_456, currency: "USD" },
      units_sold: null,
      avg_commission_rate: null,
    },
    engagement_derived: false,
    audience: null,
    provenance: [
      {
        field: "followers",
        batch_id: 1,
        source_name: "creators-demo.csv",
        as_of: "2026-11-20",
        imported_at: "2026-11-21T08:00:00Z",
      },
    ],
    history: [],
    first_seen_at: "2026-11-21T08:00:00Z",
    updated_at: "2026-11-21T08:00:00Z",
    last_source_name: "creators-demo.csv",
    shop: null,
  };
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("CreatorDrawer", () => {
  it("shows a bio containing HTML as literal text and creates no element from it", async () => {
    mockIPC((cmd) =>
      cmd === "timeline"
        ? []
        : creator({ bio: HOSTILE, display_name: `<b>${HOSTILE}</b>`, categories: [HOSTILE] }),
    );
    const { container } = render(CreatorDrawer, { id: 7, onclose: () => {} });

    expect(await screen.findByText(HOSTILE, { selector: ".bio" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(`<b>${HOSTILE}</b>`);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("shows figures with their source, said once for the section, and unknown figures as a dash", async () => {
    mockIPC((cmd) => (cmd === "timeline" ? [] : creator({})));
    render(CreatorDrawer, { id: 7, onclose: () => {} });

    expect(await screen.findByText("1.2M")).toHaveAttribute("title", "1,234,567");
    expect(screen.getByText("$1,234.56")).toBeInTheDocument();
    expect(screen.getByText("From creators-demo.csv")).toBeInTheDocument();
    expect(screen.queryByText("from creators-demo.csv")).not.toBeInTheDocument();
    expect(screen.getAllByText("—").length).toBeGreaterThan(3);
    expect(screen.getByText(/No audience data/)).toBeInTheDocument();
  });

  it("shows the TikTok Shop profile: GMV by category, a private creator's GPM as a range, posting signals", async () => {
    const detail = creator({});
    detail.shop = {
      as_of: "2026-12-07",
      category_gmv: [
        { category: "Beauty & Personal Care", share: 7200 },
        { category: HOSTILE, share: 1500 },
      ],
      video_gmv: null,
      live_gmv: null,
      gpm: null,
      gpm_range: { low: { minor: 1_000, currency: "USD" }, high: { minor: 5_000, currency: "USD" } },
      median_video_views: 12_000,
      videos_per_30_days: null,
      pps: "4.5",
      post_rate: "good",
      sample_score: 88,
      fulfilment_90_days: 8_100,
      creator_level: 4,
      invited_in_90_days: true,
      blocked: false,
      contact_info_available: false,
      rising_star: false,
      trend: [],
    };
    mockIPC((cmd) => (cmd === "timeline" ? [] : detail));
    const { container } = render(CreatorDrawer, { id: 7, onclose: () => {} });
    const section = await screen.findByRole("region", { name: "TikTok Shop profile" });
    expect(section).toHaveTextContent("TikTok Shop · as of");
    expect(section).toHaveTextContent("72.0 %");
    expect(section).toHaveTextContent("$10.00–$50.00");
    expect(section).toHaveTextContent("81.0 %");
    expect(section).toHaveTextContent("88/100");
    expect(section).toHaveTextContent("Invited in the last 90 days");
    expect(container.querySelector("img")).toBeNull();
  });

  it("names a figure's own source when it came from another import than the rest", async () => {
    const detail = creator({});
    detail.provenance = [
      ...detail.provenance,
      {
        field: "avg_views",
        batch_id: 1,
        source_name: "creators-demo.csv",
        as_of: "2026-11-20",
        imported_at: "2026-11-21T08:00:00Z",
      },
      {
        field: "gmv",
        batch_id: 4,
        source_name: "week2.csv",
        as_of: "2026-12-01",
        imported_at: "2026-12-02T08:00:00Z",
      },
    ];
    mockIPC((cmd) => (cmd === "timeline" ? [] : detail));
    render(CreatorDrawer, { id: 7, onclose: () => {} });
    expect(await screen.findByText("from week2.csv")).toBeInTheDocument();
    expect(screen.getByTestId("figures-source")).toHaveTextContent("From creators-demo.csv");
  });

  it("says where the figures came from once for the section, never under each figure", async () => {
    const detail = creator({});
    detail.figures.avg_views = 40_000;
    detail.engagement_derived = true;
    detail.provenance = [
      ...detail.provenance,
      {
        field: "avg_views",
        batch_id: 1,
        source_name: "creators-demo.csv",
        as_of: "2026-11-20",
        imported_at: "2026-11-21T08:00:00Z",
      },
      {
        field: "gmv",
        batch_id: 4,
        source_name: "week2.csv",
        as_of: "2026-12-01",
        imported_at: "2026-12-02T08:00:00Z",
      },
    ];
    mockIPC((cmd) => (cmd === "timeline" ? [] : detail));
    const { container } = render(CreatorDrawer, { id: 7, onclose: () => {} });
    const sources = await screen.findByTestId("figures-source");
    const lines = [...sources.querySelectorAll("p")].map((p) => p.textContent?.replace(/\s+/g, " ").trim());
    expect(lines).toEqual([
      expect.stringMatching(/^From creators-demo\.csv · as of .*2026 · /),
      expect.stringMatching(/^GMV from week2\.csv · as of .*2026 · /),
      "Engagement computed from the averages (no import stated it)",
      expect.stringMatching(
        /^The \d+ figures shown as — are in no import yet$|^The figure shown as — is in no import yet$/,
      ),
    ]);
    const figures = [...container.querySelectorAll(".figure")];
    expect(figures).toHaveLength(10);
    for (const figure of figures) {
      expect(figure.textContent).not.toMatch(/from|as of|in no import/i);
    }
  });

  it("says what went wrong when the creator can't be loaded", async () => {
    mockIPC((cmd) => {
      if (cmd === "timeline") return [];
      throw { code: "not_found", message: "creator 7 does not exist" };
    });
    render(CreatorDrawer, { id: 7, onclose: () => {} });

    expect(await screen.findByRole("alert")).toHaveTextContent("creator 7 does not exist");
  });

  it("lists more like this, and a click opens that creator", async () => {
    const detail = creator({});
    const alike: LookalikeCreator = {
      creator: {
        id: 9,
        platform: "tiktok",
        handle: "coral.shop70",
        display_name: `<b>${HOSTILE}</b>`,
        followers: 48_200,
        avg_views: null,
        engagement_rate: null,
        gmv: null,
        categories: [],
        country: "US",
        updated_at: "2026-11-20T00:00:00Z",
        as_of: "2026-11-18",
        tags: [],
        hidden: false,
      },
      similarity: 0.81,
      reasons: ["Both based in US"],
    };
    mockIPC((command) => (command === "lookalikes" ? [alike] : detail));
    const opened: number[] = [];
    const { container } = render(CreatorDrawer, {
      id: 7,
      onclose: () => {},
      onopen: (id) => opened.push(id),
    });

    const row = await screen.findByTestId("lookalike-row");
    expect(row).toHaveTextContent("@coral.shop70");
    expect(row).toHaveTextContent("48.2K");
    expect(row).toHaveTextContent("81 %");
    expect(row).toHaveTextContent("Both based in US");
    expect(screen.queryByRole("button", { name: /to the shortlist/ })).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    await fireEvent.click(screen.getByText("@coral.shop70"));
    expect(opened).toEqual([9]);
  });

  it("shows the creator's outreach history, newest first, with each campaign", async () => {
    const event = (at: string, from: string | null, to: string, cause: string) => ({
      campaign_id: 3,
      campaign_name: "Glow launch",
      creator_id: 7,
      from,
      to,
      at,
      cause,
    });
    mockIPC((cmd) =>
      cmd === "timeline"
        ? [
            event("2026-11-20T10:00:00Z", null, "shortlisted", "shortlisted"),
            event("2026-11-21T10:00:00Z", "shortlisted", "invited", `offer 4 sent by e-mail ${HOSTILE}`),
          ]
        : creator({}),
    );
    const { container } = render(CreatorDrawer, { id: 7, onclose: () => {} });
    const timeline = await waitFor(() => {
      const found = container.querySelector("[data-testid=timeline]");
      expect(found).not.toBeNull();
      return found;
    });
    expect(timeline?.textContent).toMatch(/Shortlisted →\s*Invited[\s\S]*Entered Shortlisted/);
    expect(timeline?.textContent).toContain("(Glow launch)");
    expect(container.querySelector("img")).toBeNull();
  });
});
