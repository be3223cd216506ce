// The Pipeline area's service: the board, moving a collaboration between stages, its records (reply,
// agreement, shipment, post), a creator's timeline, and the follow-ups with their settings.
import { call } from "../common/ipc";
import { toasts } from "../common/toasts.svelte";
import { formatDate } from "../common/format";
import { FOLLOW_UP_SHORT, STAGE_LABELS } from "../outreach/outreach-labels";
import type {
  AgreedTerms,
  Collaboration,
  ContentPost,
  FollowUp,
  FollowUpKind,
  FollowUps,
  FollowUpSettings,
  PipelineCard,
  PipelineEvent,
  SampleShipment,
  Stage,
} from "../common/types";

export function pipelineBoard(campaignId: number | null): Promise<PipelineCard[]> {
  return call("pipeline_board", { campaignId });
}

export function moveStage(campaignId: number, creatorId: number, to: Stage): Promise<Stage> {
  return call("move_stage", { campaignId, creatorId, to });
}

/** Takes back the creator's last move, a move to `to`; resolves to the stage they are back in. */
export function undoMove(campaignId: number, creatorId: number, to: Stage): Promise<Stage> {
  return call("undo_move", { campaignId, creatorId, to });
}

/**
 * Moves a card on the board (dragged, or chosen in its drawer) and offers to take it back: the toast's
 * "Undo" puts the creator back, then calls `changed` so the board reloads.
 */
export async function moveCard(card: PipelineCard, to: Stage, changed: () => void): Promise<void> {
  await moveStage(card.campaign_id, card.creator_id, to);
  toasts.show(`Moved @${card.handle} to ${STAGE_LABELS[to]}`, async () => {
    await undoMove(card.campaign_id, card.creator_id, to);
    changed();
  });
}

export function recordReply(campaignId: number, creatorId: number, summary: string): Promise<Stage> {
  return call("record_reply", { campaignId, creatorId, summary });
}

export function recordAgreement(campaignId: number, creatorId: number, terms: AgreedTerms): Promise<Stage> {
  return call("record_agreement", { campaignId, creatorId, terms });
}

export function recordShipment(
  campaignId: number,
  creatorId: number,
  shipment: SampleShipment,
): Promise<Stage> {
  return call("record_shipment", { campaignId, creatorId, shipment });
}

export function recordPost(campaignId: number, creatorId: number, post: ContentPost): Promise<Stage> {
  return call("record_post", { campaignId, creatorId, post });
}

export function collaboration(campaignId: number, creatorId: number): Promise<Collaboration> {
  return call("collaboration", { campaignId, creatorId });
}

export function timeline(creatorId: number): Promise<PipelineEvent[]> {
  return call("timeline", { creatorId });
}

export function followUps(): Promise<FollowUps> {
  return call("follow_ups");
}

export function snoozeFollowUp(
  campaignId: number,
  creatorId: number,
  kind: FollowUpKind,
  until: string,
): Promise<void> {
  return call("snooze_follow_up", { campaignId, creatorId, kind, until });
}

/** Makes a snoozed follow-up due again (the "Undo" of a snooze). */
export function unsnoozeFollowUp(campaignId: number, creatorId: number, kind: FollowUpKind): Promise<void> {
  return call("unsnooze_follow_up", { campaignId, creatorId, kind });
}

/** Snoozes a follow-up until `until` (a date) and offers to take it back from a toast. */
export async function snoozeWithUndo(f: FollowUp, until: string, changed: () => void): Promise<void> {
  await snoozeFollowUp(f.campaign_id, f.creator_id, f.kind, until);
  const what = `${FOLLOW_UP_SHORT[f.kind]} from @${f.handle}`;
  toasts.show(`Snoozed “${what}” until ${formatDate(until)}`, async () => {
    await unsnoozeFollowUp(f.campaign_id, f.creator_id, f.kind);
    changed();
  });
}

export function followUpSettings(): Promise<FollowUpSettings> {
  return call("follow_up_settings");
}

export function setFollowUpSettings(settings: FollowUpSettings): Promise<void> {
  return call("set_follow_up_settings", { settings });
}
