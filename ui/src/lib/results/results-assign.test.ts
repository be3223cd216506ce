import { describe, expect, it } from "vitest";
import { assignChoices, cardLabel, orderDate, orderTime } from "./results-assign";
import { order } from "./results-fixtures";
import type { PipelineCard } from "../common/types";

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
    expect(orderDate("2026-11-02T23:59:00")).toBe("2026-11-02");
    expect(orderTime("2026-11-02T23:59:00")).toBe("2026-11-02 23:59");
  });
});
