import { describe, expect, it } from "vitest";
import {
  assignChoices,
  cardLabel,
  creditCampaigns,
  describeCredit,
  orderDate,
  orderTime,
} from "./results-assign";
import { order } from "./results-fixtures";
import { testCampaign } from "../campaigns/campaign-fixtures";
import type { CreditPreview, PipelineCard, Stage } from "../common/types";

function card(campaignId: number, creatorId: number, handle: string, campaignName = "Launch"): PipelineCard {
  return {
    campaign_id: campaignId,
    campaign_name: campaignName,
    creator_id: creatorId,
    handle,
    display_name: null,
    followers: null,
    stage: "agreed",
    since: "2026-11-01T00:00:00Z",
    offer_state: null,
    agreed_commission: 1500,
  };
}

const cards = [
  card(1, 7, "mia", "Spring"),
  card(2, 8, "zoe"),
  card(2, 7, "mia", "Launch"),
  card(1, 9, "ava"),
];

describe("assignChoices", () => {
  it("narrows to the one known creator of the selected orders", () => {
    const choices = assignChoices(cards, [order(1), order(2)]);
    expect(choices.creatorId).toBe(7);
    expect(choices.cards.map((c) => `${c.handle}/${c.campaign_name}`)).toEqual(["mia/Launch", "mia/Spring"]);
    expect(choices.note).toBeNull();
  });

  it("shows every collaboration when asked, or when the orders name several or unknown creators", () => {
    expect(assignChoices(cards, [order(1)], true).cards).toHaveLength(4);
    const mixed = assignChoices(cards, [order(1), order(2, { creator_id: 8, creator: "@zoe" })]);
    expect(mixed.cards).toHaveLength(4);
    expect(mixed.note).toMatch(/different creators/);
    const unknown = assignChoices(cards, [order(1, { creator_id: null, creator: null })]);
    expect(unknown).toMatchObject({ creatorId: null, note: null });
    expect(unknown.cards.map((c) => c.handle)).toEqual(["ava", "mia", "mia", "zoe"]);
  });

  it("says so when the creator has no collaboration yet", () => {
    const none = assignChoices(cards, [order(1, { creator_id: 99, creator: "@new" })]);
    expect(none.cards).toHaveLength(4);
    expect(none.note).toMatch(/^@new has no collaboration yet/);
  });
});

describe("labels", () => {
  it("names a collaboration and an order's time as the export wrote it", () => {
    expect(cardLabel(card(1, 7, "mia", "Spring"))).toBe("@mia · Spring · Agreed");
    expect(orderDate("2026-11-02T23:59:00", "en-GB")).toBe("2 Nov 2026");
    expect(orderDate("2026-11-02T23:59:00", "en-US")).toBe("Nov 2, 2026");
    expect(orderTime("2026-11-02T23:59:00", "en-GB")).toBe("2 Nov 2026, 23:59");
  });
});

describe("crediting a creator", () => {
  const preview: CreditPreview = {
    campaign_id: 1,
    campaign_name: "Glow launch",
    creator_id: 9,
    creator: "@cal",
    stage_now: null,
    moves: ["shortlisted", "invited", "agreed", "content_posted"],
    lines: 1,
    other_lines: 2,
    other_orders: 2,
    other_payment: [{ minor: 5_000, currency: "USD" }],
    window_from: "2026-11-02",
    window_to: "2027-01-31",
    product: "Glow serum",
  };

  it("says before confirming what the credit does and which other orders it claims", () => {
    const words = describeCredit(preview, "en-GB").replace(/\s/g, " ");
    expect(words).toContain("adds them to the campaign (Shortlisted → Invited → Agreed → Content posted)");
    expect(words).toContain("“credited by hand”");
    expect(words).toContain("2 Nov 2026 – 31 Jan 2027");
    expect(words).toContain("2 other unattributed orders of @cal for Glow serum in that window ($50.00)");
    const alone = describeCredit({ ...preview, other_lines: 0, other_orders: 0, other_payment: [] }, "en-GB");
    expect(alone).toContain("No other unattributed order of @cal for Glow serum falls in that window.");
  });

  it("offers the campaigns the creator is not collaborating in", () => {
    const campaign = (id: number, simulated = false) => testCampaign({ id, simulated });
    const on = (creatorId: number, campaignId: number, stage: Stage): PipelineCard => ({
      ...card(campaignId, creatorId, "cal"),
      stage,
    });
    const cards = [on(9, 1, "agreed"), on(9, 2, "shortlisted"), on(9, 3, "declined"), on(8, 4, "agreed")];
    const offered = creditCampaigns(
      [campaign(1), campaign(2), campaign(3), campaign(4), campaign(5, true)],
      cards,
      9,
    );
    expect(offered.map((c) => [c.id, c.stage])).toEqual([
      [2, "shortlisted"],
      [4, null],
    ]);
  });
});
