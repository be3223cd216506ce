// How the Samples screen writes things: the groups, TikTok Shop's statuses and reject reasons, a chance
// of a post, a deadline, a net value and where a decision stands — pure, so they are tested alone.
import { currencyFractionDigits, formatMoney, LOCALE, plural, UNKNOWN } from "../common/format";
import type {
  DecisionSeen,
  Money,
  RejectReason,
  SampleAssessment,
  SampleDecision,
  SampleGroup,
  SamplesSynced,
} from "../common/types";

export const GROUPS: { group: SampleGroup; label: string }[] = [
  { group: "to_decide", label: "To decide" },
  { group: "shipping", label: "Shipping" },
  { group: "awaiting_content", label: "Waiting for content" },
  { group: "posted", label: "Posted" },
  { group: "ended", label: "Ended" },
];

export const REJECT_REASONS: { reason: RejectReason; label: string }[] = [
  { reason: "NOT_MATCH", label: "Not a match" },
  { reason: "OUT_OF_STOCK", label: "Out of stock" },
  { reason: "OFFLINE", label: "Product offline" },
  { reason: "OTHER", label: "Other" },
];

/** "AWAITING_SHIPMENT" → "Awaiting shipment". */
export function statusWords(status: string): string {
  const words = status
    .toLowerCase()
    .replaceAll("_", " ")
    .replace(/\bdel\b/, "deleted")
    .replace(/\bops\b/, "TikTok");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 0.623 → "62 %"; under 1 % and over 99 % say so rather than round to a certainty. */
export function formatChance(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return UNKNOWN;
  if (p > 0 && p < 0.01) return "<1\u00a0%";
  if (p < 1 && p > 0.99) return ">99\u00a0%";
  return `${Math.round(p * 100)}\u00a0%`;
}

/** A signed amount: "+$4.20", "−$3.10", "$0.00". */
export function formatSignedMoney(money: Money | null | undefined): string {
  if (money == null) return UNKNOWN;
  const shown = formatMoney({ ...money, minor: Math.abs(money.minor) });
  if (money.minor > 0) return `+${shown}`;
  if (money.minor < 0) return `\u2212${shown}`;
  return shown;
}

/** Money for a dense column: "$27.1K", "$3.7K", "$31", "$3" — whole units under a thousand (the exact
 * amount goes in a tooltip). */
export function formatShortMoney(money: Money | null | undefined): string {
  if (money == null) return UNKNOWN;
  const major = Math.abs(money.minor) / 10 ** currencyFractionDigits(money.currency);
  if (major >= 1000) return formatMoney(money, { compact: true }).replace(/\.0(?=[KMB])/, "");
  try {
    return new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency: money.currency,
      maximumFractionDigits: 0,
    }).format(money.minor / 10 ** currencyFractionDigits(money.currency));
  } catch {
    return formatMoney(money);
  }
}

/** A deadline relative to now: "in 3 d", "in 5 h", "overdue"; the exact time goes in a tooltip. */
export function formatDeadline(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return UNKNOWN;
  const left = new Date(value).getTime() - now.getTime();
  if (Number.isNaN(left)) return UNKNOWN;
  if (left <= 0) return "overdue";
  const hours = left / 3_600_000;
  if (hours < 1) return `in ${Math.max(1, Math.round(left / 60_000))} min`;
  if (hours < 48) return `in ${Math.floor(hours)} h`;
  return `in ${Math.floor(hours / 24)} d`;
}

/** Whether a deadline is within a day (shown in the warning colour). */
export function deadlineNear(value: string | null | undefined, now: Date = new Date()): boolean {
  if (!value) return false;
  const left = new Date(value).getTime() - now.getTime();
  return !Number.isNaN(left) && left < 24 * 3_600_000;
}

export type Tone = "neutral" | "good" | "bad" | "busy";

/** Where a decision stands, in a few words, and its tone: "Approved · sent", "Rejecting…", "Review failed". */
export function decisionWords(d: SampleDecision): { text: string; tone: Tone; title: string } {
  const verb = d.verdict === "approve" ? "Approved" : "Rejected";
  const by = d.decided_by === "rule" ? " by rule" : "";
  const why = d.review_error ?? d.reason;
  switch (d.review_state) {
    case "done":
      return { text: `${verb}${by}`, tone: d.verdict === "approve" ? "good" : "neutral", title: d.reason };
    case "queued":
    case "sending":
      return {
        text: `${d.verdict === "approve" ? "Approving" : "Rejecting"}${by}…`,
        tone: "busy",
        title: `${d.reason} — on its way to TikTok Shop`,
      };
    case "needs_check":
      return { text: `${verb}${by} · checking`, tone: "busy", title: why };
    case "failed":
      if (d.review_retrying) {
        return {
          text: `${d.verdict === "approve" ? "Approving" : "Rejecting"}${by}… retrying`,
          tone: "busy",
          title: why,
        };
      }
      return { text: "Review failed", tone: "bad", title: why };
    case "cancelled":
      return { text: "Review cancelled", tone: "neutral", title: why };
  }
}

/** Whether the seller may decide a row now: pending, and no decision that is on its way or done. */
export function decidable(status: string, decision: SampleDecision | null): boolean {
  if (status !== "PENDING") return false;
  if (decision === null) return true;
  return (
    decision.review_state === "cancelled" || (decision.review_state === "failed" && !decision.review_retrying)
  );
}

/** What Scout made of a request when it was decided (kept with the decision), if it could assess it. */
export function seenAssessment(d: SampleDecision | null): SampleAssessment | null {
  if (d === null) return null;
  try {
    const seen = JSON.parse(d.seen_json) as Partial<DecisionSeen>;
    return seen.assessment ?? null;
  } catch {
    return null;
  }
}

/** "Read 312 requests: 12 new, 3 updated. The rule approved 6 and left 6 to you." */
export function syncSummary(s: SamplesSynced): string {
  let text = `Read ${plural(s.fetched, "request")}: ${s.new} new, ${s.updated} updated.`;
  if (s.rule) {
    const { approved, rejected, left } = s.rule;
    const did = [`approved ${approved}`];
    if (rejected > 0) did.push(`rejected ${rejected}`);
    text += ` The rule ${did.join(", ")} and left ${left} to you.`;
  }
  const f = s.follow;
  if (f.shipments_recorded + f.posts_recorded > 0) {
    text += ` Onto your campaigns: ${plural(f.shipments_recorded, "shipment")}, ${plural(f.posts_recorded, "post")}.`;
  }
  if (f.reminders_queued > 0) text += ` ${plural(f.reminders_queued, "post reminder")} on the way.`;
  const held = [...f.reminders_held, ...f.problems];
  if (held.length > 0) text += ` Not followed: ${held.join("; ")}.`;
  if (s.errors.length > 0 || s.unreadable.length > 0) {
    text += ` ${plural(s.errors.length + s.unreadable.length, "problem")}: ${[...s.errors, ...s.unreadable].join("; ")}`;
  }
  return text;
}
