import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import UnattributedOrders from "./UnattributedOrders.svelte";
import { order } from "../../lib/results/results-fixtures";
import { testCampaign } from "../../lib/campaigns/campaign-fixtures";
import type { PipelineCard, UnattributedCreator, UnattributedOrder } from "../../lib/common/types";

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

function group(lines: UnattributedOrder[], fields: Partial<UnattributedCreator> = {}): UnattributedCreator {
  const first = lines[0]!;
  return {
    creator: first.creator,
    creator_id: first.creator_id,
    orders: new Set(lines.map((l) => l.order_id)).size,
    lines: lines.length,
    payment: [first.payment],
    first_at: "2026-11-02T10:00:00",
    last_at: "2026-11-20T10:00:00",
    reason: first.reason,
    campaigns: ["Spring"],
    ...fields,
  };
}

const props = { count: 3, version: 1, from: null, to: null, period: "all time" };

/** Answers the list's commands: groups, and each group's orders by creator. */
function lists(all: UnattributedOrder[], groups: UnattributedCreator[]) {
  return (cmd: string, args: Record<string, unknown>) => {
    if (cmd === "unattributed_groups") return { total: groups.length, lines: all.length, groups };
    if (cmd === "unattributed_orders") {
      const q = args["query"] as { creator: string | null };
      return all.filter((o) => o.creator === q.creator);
    }
    return undefined;
  };
}

describe("UnattributedOrders", () => {
  it("shows one row per creator with orders, paid per currency and dates, and opens to its orders", async () => {
    const mia = [orders[0]!, orders[1]!];
    const groups = [
      group(mia, {
        payment: [
          { minor: 7200, currency: "USD" },
          { minor: 1999, currency: "GBP" },
        ],
      }),
      group([orders[2]!], { campaigns: [] }),
    ];
    const asked: Record<string, unknown>[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "unattributed_groups") asked.push(args as Record<string, unknown>);
      return lists(orders, groups)(cmd, args as Record<string, unknown>);
    });
    render(UnattributedOrders, { ...props, from: "2026-11-01", to: "2026-11-30", onassigned: () => {} });
    const table = await screen.findByTestId("unattributed-groups");
    await within(table).findByText("@zoe");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("@mia");
    expect(rows[1]).toHaveTextContent("$72.00 + £19.99");
    expect(asked[0]).toEqual({
      query: { from: "2026-11-01", to: "2026-11-30", creator: null, without_creator: false },
      offset: 0,
      limit: 50,
    });
    expect(rows[2]).toHaveTextContent("in no campaign");
    expect(screen.queryByText("577000000000000012")).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Show the orders of @mia" }));
    expect(await screen.findByText("577000000000000012")).toBeInTheDocument();
  });

  it("assigns a creator's orders to the chosen collaboration of theirs", async () => {
    const calls: Record<string, unknown>[] = [];
    let assigned = 0;
    const mia = [orders[0]!, orders[1]!].map((o) => ({ ...o, creator_id: null }));
    mockIPC((cmd, args) => {
      const listed = lists(mia, [group(mia)])(cmd, args as Record<string, unknown>);
      if (listed !== undefined) return listed;
      if (cmd === "pipeline_board") return cards;
      if (cmd === "list_campaigns") return [];
      if (cmd === "assign_orders") {
        calls.push(args as Record<string, unknown>);
        return 2;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(UnattributedOrders, { ...props, onassigned: (n: number) => (assigned = n) });
    await fireEvent.click(await screen.findByRole("button", { name: "Assign the orders of @mia to…" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Assign 2 order lines")).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getAllByRole("radio").length).toBeGreaterThan(0));
    await fireEvent.click(within(dialog).getByRole("radio", { name: /@mia Spring/ }));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Assign to @mia" }));
    await waitFor(() => expect(calls).toEqual([{ lineIds: [11, 12], campaignId: 1, creatorId: 7 }]));
    await waitFor(() => expect(assigned).toBe(2));
    expect(screen.getByRole("status")).toHaveTextContent("Assigned 2 order lines.");
  });

  it("credits a creator in no campaign: says what it does first, then makes the collaboration", async () => {
    const cal = [
      order(31, { creator: "@cal", creator_id: 9, reason: "@cal has no collaboration in any campaign" }),
    ];
    const calls: [string, Record<string, unknown>][] = [];
    mockIPC((cmd, args) => {
      const listed = lists(cal, [group(cal, { campaigns: [] })])(cmd, args as Record<string, unknown>);
      if (listed !== undefined) return listed;
      if (cmd === "pipeline_board") return cards;
      if (cmd === "list_campaigns") return [testCampaign({ id: 3, name: "Winter glow" })];
      if (cmd === "credit_preview") {
        calls.push([cmd, args as Record<string, unknown>]);
        return {
          campaign_id: 3,
          campaign_name: "Winter glow",
          creator_id: 9,
          creator: "@cal",
          stage_now: null,
          moves: ["shortlisted", "invited", "agreed", "content_posted"],
          lines: 1,
          other_lines: 2,
          other_orders: 2,
          other_payment: [{ minor: 5000, currency: "USD" }],
          window_from: "2026-11-02",
          window_to: "2027-01-31",
          product: "Glow serum",
        };
      }
      if (cmd === "credit_orders") {
        calls.push([cmd, args as Record<string, unknown>]);
        return { lines: 1, other_lines: 2, stage: "content_posted" };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    let assigned = 0;
    render(UnattributedOrders, { ...props, onassigned: (n: number) => (assigned = n) });
    await fireEvent.click(await screen.findByRole("button", { name: "Credit to @cal…" }));
    const dialog = await screen.findByRole("dialog");
    const choice = await within(dialog).findByRole("radio", { name: /Winter glow/ });
    await waitFor(() => expect(choice).toBeChecked());
    const preview = await within(dialog).findByTestId("credit-preview");
    expect(preview).toHaveTextContent("2 other unattributed orders of @cal for Glow serum");
    expect(preview).toHaveTextContent("credited by hand");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Credit to @cal" }));
    await waitFor(() => expect(assigned).toBe(3));
    expect(calls.map(([c, a]) => [c, a])).toEqual([
      ["credit_preview", { lineIds: [31], campaignId: 3, creatorId: 9 }],
      ["credit_orders", { lineIds: [31], campaignId: 3, creatorId: 9 }],
    ]);
    expect(screen.getByRole("status")).toHaveTextContent(
      "Credited 1 order line to @cal and 2 other order lines with them; they are on the campaign's board at Content posted.",
    );
  });

  it("shows a refused credit beside the campaign list, naming what is wrong", async () => {
    const cal = [order(31, { creator: "@cal", creator_id: 9 })];
    mockIPC((cmd, args) => {
      const listed = lists(cal, [group(cal, { campaigns: [] })])(cmd, args as Record<string, unknown>);
      if (listed !== undefined) return listed;
      if (cmd === "pipeline_board") return [];
      if (cmd === "list_campaigns") return [testCampaign({ id: 3, name: "Winter glow" })];
      if (cmd === "credit_preview")
        throw {
          code: "invalid_input",
          message: "the creator is declined in this campaign",
          field: "campaign",
          problems: [{ field: "campaign", message: "the creator is declined in this campaign" }],
        };
      throw new Error(`unexpected ${cmd}`);
    });
    render(UnattributedOrders, { ...props, onassigned: () => {} });
    await fireEvent.click(await screen.findByRole("button", { name: "Credit to @cal…" }));
    const dialog = await screen.findByRole("dialog");
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("the creator is declined in this campaign");
    expect(alert).toHaveAttribute("data-field", "campaign");
    expect(within(dialog).getByRole("button", { name: "Credit to @cal" })).toBeDisabled();
  });

  it("says when the list can't be loaded", async () => {
    mockIPC(() => {
      throw { code: "io", message: "database is locked", field: null };
    });
    render(UnattributedOrders, { ...props, onassigned: () => {} });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't load the unattributed orders. database is locked",
    );
  });
});
