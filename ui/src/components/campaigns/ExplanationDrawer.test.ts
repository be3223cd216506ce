import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ExplanationDrawer from "./ExplanationDrawer.svelte";
import { emptyDraft, previewSpec } from "../../lib/campaigns/campaign-draft";
import { Shortlist } from "../../lib/campaigns/campaigns.svelte";
import type { CreatorRow, Explanation, FactorContribution, LookalikeCreator } from "../../lib/common/types";

const HOSTILE = "<img src=x onerror=alert(1)>";

const creator: CreatorRow = {
  id: 7,
  platform: "tiktok",
  handle: "mia.carter",
  display_name: `<b>${HOSTILE}</b>`,
  followers: 1000,
  avg_views: null,
  engagement_rate: null,
  gmv: null,
  categories: [],
  country: "US",
  updated_at: "2026-11-20T00:00:00Z",
  as_of: "2026-11-18",
  tags: [],
  hidden: false,
};

/** A factor row; where its data came from (`source`) is not shown here, so it is left null. */
function factor(fields: Omit<FactorContribution, "source">): FactorContribution {
  return { source: null, ...fields } as FactorContribution;
}

const explanation: Explanation = {
  creator_id: 7,
  score: 61.3,
  baseline: 50,
  confidence: 0.82,
  confidence_band: "high",
  confidence_notes: ["Sales track record: no data"],
  model_version: "default-1",
  factors: [
    factor({
      feature: "audience_fit",
      label: "Audience fit",
      points: 8.46,
      status: "known",
      value: 0.8,
      evidence: `80 % of followers are women 18–34 ${HOSTILE}`,
      as_of: "2026-10-01",
    }),
    factor({
      feature: "gmv",
      label: "Sales track record",
      points: 0,
      status: "missing",
      value: null,
      evidence: "No GMV on record.",
      as_of: null,
    }),
    factor({
      feature: "keyword_fit",
      label: "Keywords",
      points: 2.84,
      status: "not_targeted",
      value: null,
      evidence: "The campaign has no keywords.",
      as_of: null,
    }),
  ],
  warnings: [{ kind: "growth_spike", message: "Followers went from 10,000 to 40,000 in 30 days." }],
  data_as_of: "2026-10-01",
  data_age_days: 54,
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("ExplanationDrawer", () => {
  it("shows each factor with signed points, evidence and data age, adding up to the score", async () => {
    mockIPC(() => explanation);
    const { container } = render(ExplanationDrawer, {
      campaignId: 1,
      creator,
      shortlist: null,
      onclose: () => {},
    });

    const rows = await screen.findAllByTestId("factor-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("+8.5");
    expect(rows[0]).toHaveTextContent(/as of Oct 1, 2026 · \d+ days/);
    expect(rows[1]).toHaveTextContent("No data — counted as neutral.");
    expect(rows[2]).toHaveClass("dim");
    expect(screen.getByText("50.0")).toBeInTheDocument();
    expect(screen.getAllByText("61.3").length).toBeGreaterThan(0);
    expect(screen.getByText(/^82\s%\sconfidence$/)).toBeInTheDocument();
    expect(screen.getByText("Sales track record: no data")).toBeInTheDocument();
    expect(screen.getByText(/Followers went from 10,000/)).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
  });

  it("says what went wrong when the score can't be explained", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "no creator with id 7 in this workspace", field: null };
    });
    render(ExplanationDrawer, { campaignId: 1, creator, shortlist: null, onclose: () => {} });
    expect(await screen.findByRole("alert")).toHaveTextContent("no creator with id 7");
  });

  it("explains an unsaved spec with explain_preview (the live ranking)", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      return explanation;
    });
    const { spec } = previewSpec(emptyDraft());
    render(ExplanationDrawer, { campaignId: null, spec, creator, shortlist: null, onclose: () => {} });

    expect(await screen.findAllByTestId("factor-row")).toHaveLength(3);
    expect(screen.getByText(/unsaved draft/)).toBeInTheDocument();
    expect(calls).toEqual([["explain_preview", { spec, creatorId: 7 }]]);
  });

  it("finds more like this on request, with a ★ for the shortlist, and opens one", async () => {
    const alike: LookalikeCreator = {
      creator: { ...creator, id: 8, handle: "bea.matcha31", display_name: HOSTILE, followers: 12_300 },
      similarity: 0.724,
      reasons: ["Both post in Beauty & Personal Care", "Audience profiles 86 % alike"],
    };
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      if (command === "lookalikes") return [alike];
      if (command === "get_shortlist") return [];
      return command === "explain_match" ? explanation : null;
    });
    const shortlist = new Shortlist(3);
    const opened: CreatorRow[] = [];
    const { container } = render(ExplanationDrawer, {
      campaignId: 3,
      creator,
      shortlist,
      onclose: () => {},
      onopen: (other: CreatorRow) => opened.push(other),
    });

    await fireEvent.click(await screen.findByRole("button", { name: /Find 10 creators like @mia\.carter/ }));
    const row = await screen.findByTestId("lookalike-row");
    expect(calls).toContainEqual(["lookalikes", { creatorId: 7, limit: 10 }]);
    expect(row).toHaveTextContent("@bea.matcha31");
    expect(row).toHaveTextContent("12.3K");
    expect(row).toHaveTextContent("72 %");
    expect(row).toHaveTextContent("Both post in Beauty & Personal Care · Audience profiles 86 % alike");
    expect(container.querySelector("img")).toBeNull();

    const star = screen.getByRole("button", { name: "Add @bea.matcha31 to the shortlist" });
    await fireEvent.click(star);
    await waitFor(() => expect(calls).toContainEqual(["shortlist_add", { campaignId: 3, creatorId: 8 }]));
    expect(star).toHaveAttribute("aria-pressed", "true");

    await fireEvent.click(screen.getByText("@bea.matcha31"));
    expect(opened.map((other) => other.id)).toEqual([8]);
  });
});
