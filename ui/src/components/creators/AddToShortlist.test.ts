import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import AddToShortlist from "./AddToShortlist.svelte";
import { testCampaign } from "../../lib/campaigns/campaign-fixtures";

afterEach(() => {
  cleanup();
  clearMocks();
});

const campaign = (id: number, name: string, simulated: boolean) => testCampaign({ id, name, simulated });

describe("AddToShortlist", () => {
  it("adds the creator to the shortlist of a campaign the seller picks, never a simulated one", async () => {
    const added: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_campaigns")
        return [campaign(1, "Lip oil launch", false), campaign(2, "Simulated: X", true)];
      throw new Error(`unexpected ${cmd}`);
    });
    render(AddToShortlist, {
      subject: "creator 7",
      onadd: async (c: { id: number; spec: { name: string } }) => {
        added.push({ campaignId: c.id, creatorId: 7 });
        return `@mia is on the shortlist of “${c.spec.name}”.`;
      },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Add to shortlist…" }));
    expect(screen.queryByRole("button", { name: "Simulated: X" })).not.toBeInTheDocument();
    await fireEvent.click(await screen.findByRole("button", { name: "Lip oil launch" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "@mia is on the shortlist of “Lip oil launch”.",
    );
    expect(added).toEqual([{ campaignId: 1, creatorId: 7 }]);
  });
});
