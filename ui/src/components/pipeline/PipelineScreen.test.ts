import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import PipelineScreen from "./PipelineScreen.svelte";
import type { FollowUps, PipelineCard } from "../../lib/common/types";

afterEach(() => {
  cleanup();
  clearMocks();
});

const card = (creator_id: number, handle: string, stage: PipelineCard["stage"]): PipelineCard => ({
  campaign_id: 3,
  campaign_name: "Lip oil",
  creator_id,
  handle,
  display_name: null,
  followers: 12_000,
  stage,
  since: "2026-10-20T10:00:00Z",
  offer_state: null,
  agreed_commission: 1500,
});

describe("PipelineScreen", () => {
  it("marks a card overdue for its stage with what it waits on, as the follow-ups say", async () => {
    const follow: FollowUps = {
      today: "2026-12-06",
      due: [
        {
          campaign_id: 3,
          campaign_name: "Lip oil",
          creator_id: 7,
          handle: "mia",
          display_name: null,
          kind: "content_due",
          since: "2026-10-20T10:00:00Z",
          due_on: "2026-11-03",
        },
      ],
      upcoming: [],
    };
    mockIPC((cmd) => {
      if (cmd === "list_campaigns") return [];
      if (cmd === "pipeline_board")
        return [
          card(7, "mia", "sample_shipped"),
          card(8, "leo", "replied"),
          { ...card(9, "ana", "shortlisted"), offer_state: "failed" },
        ];
      if (cmd === "follow_ups") return follow;
      throw new Error(`unexpected ${cmd}`);
    });
    render(PipelineScreen);
    const mia = (await screen.findByText("@mia")).closest("button");
    const leo = screen.getByText("@leo").closest("button");
    expect(mia).toHaveClass("late");
    expect(mia).toHaveTextContent("Post expected · 33 days overdue");
    expect(leo).not.toHaveClass("late");
    expect(screen.getByText("@ana").closest("button")).toHaveTextContent("Offer: Failed");
  });

  it("opens a card's drawer, and Esc closes it with the focus back on the card", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_campaigns") return [];
      if (cmd === "pipeline_board")
        return [card(7, "earthyhouse_collective", "agreed"), card(8, "leo", "replied")];
      if (cmd === "follow_ups") return { today: "2026-12-06", due: [], upcoming: [] };
      throw new Error(`not needed here: ${cmd}`);
    });
    render(PipelineScreen);
    const earthy = (await screen.findByText("@earthyhouse_collective")).closest("button") as HTMLElement;
    await fireEvent.click(earthy);
    expect(screen.getByRole("complementary", { name: "Collaboration" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Close" })).toHaveAttribute("title", "Close (Esc)");
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(screen.queryByRole("complementary", { name: "Collaboration" })).not.toBeInTheDocument();
    expect(document.activeElement).toBe(earthy);
  });
});
