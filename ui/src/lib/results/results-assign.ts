// Assigning unattributed order lines to a collaboration (a creator in a campaign, from the pipeline
// board): which collaborations to offer for the selected orders, and how an order's time is shown.
import { STAGE_LABELS } from "../outreach/outreach-labels";
import type { PipelineCard, UnattributedOrder } from "../common/types";

export interface AssignChoices {
  cards: PipelineCard[];
  /** The creator the list is narrowed to, when every selected order names the same known creator. */
  creatorId: number | null;
  /** What the seller should know about the list, or null. */
  note: string | null;
}

const byHandleThenCampaign = (a: PipelineCard, b: PipelineCard) =>
  a.handle.localeCompare(b.handle) || a.campaign_name.localeCompare(b.campaign_name);

/**
 * The collaborations the selected orders can go to. When every selected order's creator is one known
 * creator, only that creator's collaborations (unless `showAll`); otherwise every collaboration.
 */
export function assignChoices(
  cards: readonly PipelineCard[],
  orders: readonly UnattributedOrder[],
  showAll = false,
): AssignChoices {
  const sorted = [...cards].sort(byHandleThenCampaign);
  const known = new Set(orders.flatMap((o) => (o.creator_id === null ? [] : [o.creator_id])));
  const unknown = orders.filter((o) => o.creator_id === null).length;
  const [only] = known;
  if (known.size === 1 && unknown === 0 && only !== undefined && !showAll) {
    const mine = sorted.filter((card) => card.creator_id === only);
    const handle = orders[0]?.creator ?? "this creator";
    if (mine.length > 0) return { cards: mine, creatorId: only, note: null };
    return {
      cards: sorted,
      creatorId: null,
      note: `${handle} has no collaboration yet; add them to a campaign first, or choose another one.`,
    };
  }
  if (known.size > 1 || (known.size === 1 && unknown > 0)) {
    return {
      cards: sorted,
      creatorId: null,
      note: "The selected orders name different creators; all of them will go to the one you choose.",
    };
  }
  return { cards: sorted, creatorId: null, note: null };
}

/** "@mia · Glow serum launch · Agreed". */
export function cardLabel(card: PipelineCard): string {
  return `@${card.handle} · ${card.campaign_name} · ${STAGE_LABELS[card.stage]}`;
}

/** The date an order was placed, as the export wrote it (shop time, no zone): "2026-11-02". */
export function orderDate(createdAt: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(createdAt) ? createdAt.slice(0, 10) : createdAt;
}

/** The time of day too, for the tooltip: "2026-11-02 14:33". */
export function orderTime(createdAt: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(createdAt);
  return match ? `${match[1]} ${match[2]}` : createdAt;
}
