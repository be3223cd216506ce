import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/svelte";
import FollowUpList from "./FollowUpList.svelte";
import type { FollowUp } from "../../lib/common/types";

afterEach(cleanup);

const f = (creator_id: number, due_on: string): FollowUp => ({
  campaign_id: 1,
  campaign_name: "Lip oil launch",
  creator_id,
  handle: `creator${creator_id}`,
  display_name: null,
  kind: "content_due",
  since: "2026-11-01T00:00:00Z",
  due_on,
});

describe("FollowUpList", () => {
  it("tells what is due today from what is overdue", () => {
    render(FollowUpList, {
      follow: {
        today: "2026-12-06",
        due: [f(1, "2026-12-06"), f(2, "2026-11-01"), f(3, "2026-11-20")],
        upcoming: [],
      },
      onchange: () => {},
    });
    expect(screen.getByTestId("due-today")).toHaveTextContent("1 due today, 2 overdue · 0 this week");
    for (const campaign of screen.getAllByText("Lip oil launch", { selector: ".campaign" }))
      expect(campaign).toHaveAttribute("title", "Lip oil launch");
  });
});
