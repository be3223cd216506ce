import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import UnattributedOrders from "./UnattributedOrders.svelte";
import { order } from "../../lib/results/results-fixtures";
import type { PipelineCard } from "../../lib/common/types";

function card(campaignId: number, creatorId: number, handle: string, campaignName: string): PipelineCard {
  return {
    campaign_id: campaignId,
    campaign_name: campaignName,
    creator_id: creatorId,
    handle,
    display_name: null,
    followers: 1000,
    stage: "content_posted",
    since: "2026-11-01T00:00:00Z",
    offer_state: "sent",
    agreed_commission: 1500,
  };
}

const orders = [
  order(11),
  order(12, { order_id: "577000000000000012", payment: { minor: 4800, currency: "USD" } }),
  order(13, { creator: "@zoe", creator_id: 8, reason: "@zoe is not in the workspace" }),
];
const cards = [card(1, 7, "mia", "Spring"), card(2, 7, "mia", "Launch"), card(2, 8, "zoe", "Launch")];

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("UnattributedOrders", () => {
  it("assigns the selected lines to the chosen collaboration of their creator", async () => {
    const calls: Record<string, unknown>[] = [];
    let assigned = 0;
    mockIPC((cmd, args) => {
      if (cmd === "unattributed_orders") return orders;
      if (cmd === "pipeline_board") return cards;
      if (cmd === "assign_orders") {
        calls.push(args as Record<string, unknown>);
        return 2;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(UnattributedOrders, { count: 3, version: 1, onassigned: (n: number) => (assigned = n) });
    expect(await screen.findByText("577000000000000012")).toBeInTheDocument();
    expect(screen.getByText("@zoe is not in the workspace")).toBeInTheDocument();

    const assign = screen.getByRole("button", { name: "Assign selected to…" });
    expect(assign).toBeDisabled();
    await fireEvent.click(screen.getByRole("checkbox", { name: "Select order 577000000000011" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Select order 577000000000000012" }));
    await fireEvent.click(screen.getByRole("button", { name: "Assign 2 selected to…" }));

    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Assign 2 order lines")).toBeInTheDocument();
    expect(within(dialog).getByText("$72.00")).toBeInTheDocument();
    // Both orders are @mia's: only her collaborations are offered.
    await waitFor(() => expect(within(dialog).getAllByRole("radio")).toHaveLength(2));
    expect(within(dialog).queryByText("@zoe")).not.toBeInTheDocument();
    await fireEvent.click(within(dialog).getByRole("radio", { name: /Spring/ }));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Assign to @mia" }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ lineIds: [11, 12], campaignId: 1, creatorId: 7 });
    await waitFor(() => expect(assigned).toBe(2));
    expect(screen.getByRole("status")).toHaveTextContent("Assigned 2 order lines.");
  });

  it("assigns lines paid in another currency than the campaign's, as they are", async () => {
    const calls: Record<string, unknown>[] = [];
    const mixed = [
      order(21, { payment: { minor: 1999, currency: "GBP" } }),
      order(22, { order_id: "577000000000000022", payment: { minor: 2400, currency: "USD" } }),
    ];
    mockIPC((cmd, args) => {
      if (cmd === "unattributed_orders") return mixed;
      if (cmd === "pipeline_board") return cards;
      if (cmd === "assign_orders") {
        calls.push(args as Record<string, unknown>);
        return 2;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(UnattributedOrders, { count: 2, version: 1, onassigned: () => {} });
    expect(await screen.findByText("577000000000000022")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("checkbox", { name: "Select every order shown" }));
    await fireEvent.click(screen.getByRole("button", { name: "Assign 2 selected to…" }));
    const dialog = await screen.findByRole("dialog");
    // Each currency summed on its own, never added together.
    expect(within(dialog).getByText("£19.99 + $24.00")).toBeInTheDocument();
    expect(dialog).toHaveTextContent("each in the currency it was paid in");
    await waitFor(() => expect(within(dialog).getAllByRole("radio")).toHaveLength(2));
    await fireEvent.click(within(dialog).getByRole("radio", { name: /Spring/ }));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Assign to @mia" }));
    await waitFor(() => expect(calls).toEqual([{ lineIds: [21, 22], campaignId: 1, creatorId: 7 }]));
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a refused assignment in the dialog, where it happened", async () => {
    mockIPC((cmd) => {
      if (cmd === "unattributed_orders") return orders;
      if (cmd === "pipeline_board") return cards;
      if (cmd === "assign_orders")
        throw { code: "not_found", message: "campaign 2 does not exist", field: null };
      throw new Error(`unexpected ${cmd}`);
    });
    render(UnattributedOrders, { count: 3, version: 1, onassigned: () => {} });
    const row = (await screen.findByText("@zoe is not in the workspace")).closest("tr") as HTMLElement;
    await fireEvent.click(within(row).getByRole("button", { name: /^Assign order .* to…$/ }));
    const dialog = await screen.findByRole("dialog");
    await waitFor(() => expect(within(dialog).getAllByRole("radio")).toHaveLength(1));
    await fireEvent.click(within(dialog).getByRole("radio"));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Assign to @zoe" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("campaign 2 does not exist");
  });

  it("says when the list can't be loaded", async () => {
    mockIPC(() => {
      throw { code: "io", message: "database is locked", field: null };
    });
    render(UnattributedOrders, { count: 3, version: 1, onassigned: () => {} });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't load the unattributed orders. database is locked",
    );
  });
});
