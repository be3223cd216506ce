import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import CoverageNote from "./CoverageNote.svelte";
import type { Coverage } from "../../lib/common/types";

afterEach(cleanup);

const coverage: Coverage = {
  creators: 2_054,
  factors: [
    { feature: "engagement_vs_tier", label: "Engagement for their size", known: 2_054 },
    { feature: "price_fit", label: "Commission fit", known: 976 },
  ],
  rests_on: ["Engagement for their size"],
  thin: ["Commission fit"],
  next_step: "To rank by fit, add usual commission.",
};

describe("CoverageNote", () => {
  it("keeps to one line saying what is missing, and opens to what the ranking rests on and the next step", async () => {
    render(CoverageNote, { coverage });
    const note = screen.getByTestId("coverage-note");
    expect(note).toHaveTextContent("No data for commission fit (976 of 2,054 creators).");
    expect(note).not.toHaveTextContent("Ranked on");
    expect(note).not.toHaveTextContent("To rank by fit");
    const more = screen.getByRole("button", { name: "More" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await fireEvent.click(more);
    expect(note).toHaveTextContent("Ranked on engagement for their size only.");
    expect(note).toHaveTextContent("To rank by fit, add usual commission.");
    await fireEvent.click(screen.getByRole("button", { name: "Less" }));
    expect(note).not.toHaveTextContent("To rank by fit");
  });

  it("says nothing when every factor has data", () => {
    render(CoverageNote, { coverage: { ...coverage, thin: [], next_step: null } });
    expect(screen.queryByTestId("coverage-note")).not.toBeInTheDocument();
  });
});
