import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ExplanationDrawer from "./ExplanationDrawer.svelte";
import type { CreatorRow, Explanation } from "../../lib/types";

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
};

const explanation: Explanation = {
  creator_id: 7,
  score: 61.3,
  baseline: 50,
  confidence: 0.82,
  confidence_band: "high",
  confidence_notes: ["Sales track record: no data"],
  model_version: "default-1",
  factors: [
    {
      feature: "audience_fit",
      label: "Audience fit",
      points: 8.46,
      status: "known",
      value: 0.8,
      evidence: `80 % of followers are women 18–34 ${HOSTILE}`,
      as_of: "2026-10-01",
    },
    {
      feature: "gmv",
      label: "Sales track record",
      points: 0,
      status: "missing",
      value: null,
      evidence: "No GMV on record.",
      as_of: null,
    },
    {
      feature: "keyword_fit",
      label: "Keywords",
      points: 2.84,
      status: "not_targeted",
      value: null,
      evidence: "The campaign has no keywords.",
      as_of: null,
    },
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
    expect(rows[0]).toHaveTextContent(/as of 2026-10-01 · \d+ days/);
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
});
