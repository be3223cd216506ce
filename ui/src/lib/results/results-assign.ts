// Assigning unattributed order lines to a collaboration (a creator in a campaign, from the pipeline
// board): which collaborations to offer for the selected orders, and how an order's time is shown.
import {
  formatDate,
  formatDateRange,
  formatLocalDateTime,
  formatMoney,
  plural,
  sellerLocale,
} from "../common/format";
import { STAGE_LABELS } from "../outreach/outreach-labels";
import type { Campaign, CreditPreview, PipelineCard, Stage, UnattributedOrder } from "../common/types";

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

/** The day an order was placed (shop time, no zone), in the seller's locale: "2 Nov 2026" (en-GB). */
export function orderDate(createdAt: string, locale: string = sellerLocale()): string {
  return /^\d{4}-\d{2}-\d{2}/.test(createdAt) ? formatDate(createdAt.slice(0, 10), locale) : createdAt;
}

/** The time of day too, for the tooltip: "2 Nov 2026, 14:33" (en-GB). */
export function orderTime(createdAt: string, locale: string = sellerLocale()): string {
  return formatLocalDateTime(createdAt, locale);
}

/** Stages in which a creator is on a campaign's board without a collaboration orders can count for. */
const NOT_COLLABORATING: readonly Stage[] = ["shortlisted", "no_response"];

/**
 * The seller's campaigns a creator can be credited in: those they are not on, or on without a
 * collaboration (only shortlisted, or silent after the invitation), with where they are now. A campaign
 * they declined or were withdrawn from is left out (Rust refuses it), as are those they collaborate in
 * (their orders are assigned there instead).
 */
export function creditCampaigns(
  campaigns: readonly Campaign[],
  cards: readonly PipelineCard[],
  creatorId: number,
): (Campaign & { stage: Stage | null })[] {
  const stageIn = new Map(
    cards.filter((c) => c.creator_id === creatorId).map((c) => [c.campaign_id, c.stage]),
  );
  return campaigns
    .filter((c) => !c.simulated)
    .map((c) => ({ ...c, stage: stageIn.get(c.id) ?? null }))
    .filter((c) => c.stage === null || NOT_COLLABORATING.includes(c.stage));
}

/** What crediting does, in one paragraph the seller reads before confirming. */
export function describeCredit(p: CreditPreview, locale: string = sellerLocale()): string {
  const path = p.moves.map((s) => STAGE_LABELS[s]).join(" → ");
  const where =
    p.stage_now === null ? "adds them to the campaign" : `moves them on from ${STAGE_LABELS[p.stage_now]}`;
  const moves = path ? `${where} (${path}), “credited by hand” on their timeline` : "keeps their stage";
  const window = formatDateRange(p.window_from, p.window_to, locale);
  const others =
    p.other_lines > 0
      ? `${plural(p.other_orders, "other unattributed order")} of ${p.creator} for ${p.product} in that window (${p.other_payment
          .map((m) => formatMoney(m))
          .join(" + ")}) will count for it too.`
      : `No other unattributed order of ${p.creator} for ${p.product} falls in that window.`;
  return `Crediting ${plural(p.lines, "order line")} to ${p.creator} in “${p.campaign_name}” ${moves}. Their collaboration's window runs ${window}: ${others}`;
}
