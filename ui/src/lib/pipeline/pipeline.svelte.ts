// The Pipeline area's service: the board, moving a collaboration between stages, its records (reply,
// agreement, shipment, post), a creator's timeline, and the follow-ups with their settings.
import { call } from "../common/ipc";
import type {
  AgreedTerms,
  Collaboration,
  ContentPost,
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

export function followUpSettings(): Promise<FollowUpSettings> {
  return call("follow_up_settings");
}

export function setFollowUpSettings(settings: FollowUpSettings): Promise<void> {
  return call("set_follow_up_settings", { settings });
}
