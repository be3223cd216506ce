// Words for outreach and pipeline values, in one place: stages (the board's columns, in order),
// follow-up kinds, channels and offer delivery states.
import type { FollowUpKind, Offer, OfferChannel, OfferState, Stage } from "../common/types";

/** The board's columns: the working stages, then where collaborations end. */
export const BOARD_STAGES: readonly Stage[] = [
  "shortlisted",
  "invited",
  "replied",
  "negotiating",
  "agreed",
  "sample_shipped",
  "content_posted",
  "completed",
  "declined",
  "no_response",
  "withdrawn",
];

export const STAGE_LABELS: Record<Stage, string> = {
  shortlisted: "Shortlisted",
  invited: "Invited",
  replied: "Replied",
  negotiating: "Negotiating",
  agreed: "Agreed",
  sample_shipped: "Sample shipped",
  content_posted: "Content posted",
  completed: "Completed",
  declined: "Declined",
  no_response: "No response",
  withdrawn: "Withdrawn",
};

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = {
  no_reply: "No reply yet — follow up",
  ship_sample: "Ship the free sample",
  content_due: "Content is due",
};

/** The same, as a pipeline card says it before how late it is: "Post expected · 31 days overdue". */
export const FOLLOW_UP_SHORT: Record<FollowUpKind, string> = {
  no_reply: "Reply expected",
  ship_sample: "Sample to ship",
  content_due: "Post expected",
};

export const CHANNEL_LABELS: Record<OfferChannel, string> = {
  email: "E-mail",
  tiktok: "TikTok Shop",
  manual: "Manual",
};

export const OFFER_STATE_LABELS: Record<OfferState, string> = {
  queued: "Queued",
  sending: "Sending…",
  sent: "Sent",
  failed: "Failed",
  needs_check: "Check whether it arrived",
  cancelled: "Cancelled",
};

/** Where an offer's delivery stands, for the send queue: a failure Scout retries by itself is waiting
 * ("Will retry"), not a problem for the seller; a failure for good and an interrupted send need them. */
export function offerStatus(offer: Pick<Offer, "state" | "retryable">): {
  label: string;
  tone: OfferState | "retrying";
  waiting: boolean;
  needsSeller: boolean;
} {
  if (offer.state === "failed" && offer.retryable)
    return { label: "Will retry", tone: "retrying", waiting: true, needsSeller: false };
  return {
    label: OFFER_STATE_LABELS[offer.state],
    tone: offer.state,
    waiting: offer.state === "queued" || offer.state === "sending",
    needsSeller: offer.state === "failed" || offer.state === "needs_check",
  };
}

/** "today", "tomorrow", "in 3 days", "2 days overdue" for a YYYY-MM-DD date against `today`. */
export function dueLabel(due: string, today: string): string {
  const days = Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days > 1) return `in ${days} days`;
  return days === -1 ? "1 day overdue" : `${-days} days overdue`;
}
