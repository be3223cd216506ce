import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import CampaignList from "./CampaignList.svelte";
import { testCampaign } from "../../lib/campaigns/campaign-fixtures";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const campaign = (id: number, name: string, simulated: boolean) => testCampaign({ id, name, simulated });

describe("CampaignList", () => {
  it("hides the simulated campaigns on request, remembers it, and keeps the selected one", async () => {
    const campaigns = [
      campaign(1, "Mine", false),
      campaign(2, "Simulated: A", true),
      campaign(3, "Simulated: B", true),
    ];
    render(CampaignList, { campaigns, selected: 3, creating: false, onselect: () => {} });
    const list = screen.getByRole("list", { name: "Campaigns" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    await fireEvent.click(screen.getByRole("button", { name: "Hide 2 simulated" }));
    expect(within(list).queryByText("Simulated: A")).not.toBeInTheDocument();
    expect(within(list).getByText("Simulated: B")).toBeInTheDocument();
    expect(localStorage.getItem("scout.campaigns.hideSimulated")).toBe("1");
    cleanup();
    render(CampaignList, { campaigns, selected: 1, creating: false, onselect: () => {} });
    expect(screen.getByRole("button", { name: "Show 2 simulated" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
  });
});

describe("CampaignList archived campaigns", () => {
  it("keeps archived campaigns apart, folded, except the one selected", async () => {
    const campaigns = [
      testCampaign({ id: 1, name: "Spring launch" }),
      testCampaign({ id: 2, name: "Old promo", archived_at: "2026-11-01T10:00:00Z" }),
      testCampaign({ id: 3, name: "Older promo", archived_at: "2026-10-01T10:00:00Z" }),
    ];
    render(CampaignList, { campaigns, selected: 1, creating: false, onselect: () => {} });
    const active = screen.getByRole("list", { name: "Campaigns" });
    expect(within(active).getAllByRole("listitem")).toHaveLength(1);
    expect(screen.queryByRole("list", { name: "Archived campaigns" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Show 2 archived" }));
    const archived = screen.getByRole("list", { name: "Archived campaigns" });
    expect(within(archived).getByText("Old promo")).toBeInTheDocument();
    expect(within(archived).getByText("Older promo")).toBeInTheDocument();
    cleanup();
    render(CampaignList, { campaigns, selected: 3, creating: false, onselect: () => {} });
    const folded = screen.getByRole("list", { name: "Archived campaigns" });
    expect(within(folded).getAllByRole("listitem")).toHaveLength(1);
    expect(within(folded).getByText("Older promo")).toBeInTheDocument();
  });
});
