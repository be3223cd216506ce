// What the Inbox says, kept out of its components so it is tested on its own: a conversation's name and
// last line, a message as what it is (words, or the card it is), an outgoing message's state in plain
// words, the "N of 5 messages before a reply" line, the rule that decides whether the seller may write
// (as the window reads it; the core checks the same before queuing), and when the window last looked.
import type { ActionState } from "../bindings/ActionState";
import type { InboxConversation } from "../bindings/InboxConversation";
import type { InboxThread } from "../bindings/InboxThread";
import type { MessagePollStatus } from "../bindings/MessagePollStatus";
import type { MessageSyncReport } from "../bindings/MessageSyncReport";
import type { OutgoingView } from "../bindings/OutgoingView";
import type { StoredMessage } from "../bindings/StoredMessage";
import { formatAge, formatClock, plural } from "../common/format";

/** "@handle" as the workspace knows them, else TikTok's username, else that the creator is unknown. */
export function conversationName(c: Pick<InboxConversation, "handle" | "username">): string {
  if (c.handle) return `@${c.handle}`;
  if (c.username) return `@${c.username}`;
  return "Unknown creator";
}

/** TikTok's message kinds as a seller would name them. */
const KIND_LABELS: Record<string, string> = {
  TEXT: "Message",
  PRODUCT_CARD: "Product card",
  TARGET_COLLABORATION_CARD: "Collaboration invitation card",
  FREE_SAMPLE_CARD: "Free sample card",
  IMAGE: "Image",
  CRM_TEXT_WITH_IMAGE_CARD: "Message with an image",
  CRM_TEXT_WITH_PRODUCTS_CARD: "Message with products",
  NOTIFICATION: "TikTok Shop notification",
  EMOTICONS: "Sticker",
  SYSTEM: "TikTok Shop system message",
};

/** A kind word ("TARGET_COLLABORATION_CARD", or the core's "target collaboration card") as a label. */
export function kindLabel(kind: string): string {
  const word = kind.trim().toUpperCase().replace(/\s+/g, "_");
  return KIND_LABELS[word] ?? "Message of a kind Scout does not show";
}

/** What a queued message is when it is a card (the core names a card by its kind), else null (words). */
export function cardLabel(summary: string): string | null {
  const word = summary.trim().toUpperCase().replace(/\s+/g, "_");
  return word !== "TEXT" && word in KIND_LABELS ? kindLabel(word) : null;
}

/** Whether the message is words (shown as a bubble of text) rather than a card. */
export function isWords(m: Pick<StoredMessage, "kind" | "text">): boolean {
  return m.text !== null && m.text.trim() !== "";
}

/** The list's last line: "You: …" for the shop's own message; a card by its name. */
export function lastLine(c: Pick<InboxConversation, "last_text" | "last_from_creator">): string {
  if (c.last_text === null) return "No messages stored yet";
  const words = /^[A-Z_]+$/.test(c.last_text) ? kindLabel(c.last_text) : c.last_text;
  return c.last_from_creator === false ? `You: ${words}` : words;
}

/** What a queued message's state means to the seller. */
export const OUTGOING_STATE: Record<ActionState, string> = {
  queued: "Waiting to send",
  sending: "Sending…",
  done: "Sent",
  failed: "Not sent",
  needs_check: "Checking whether it arrived",
  cancelled: "Not sent: cancelled",
};

/** A reason as a sentence: its first letter capitalised ("this creator's …" → "This creator's …"). */
export function asSentence(reason: string): string {
  const text = reason.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Messages Scout queued that are not in the thread yet (queued, sending, refused), oldest first. */
export function pendingOutgoing(outgoing: OutgoingView[]): OutgoingView[] {
  return outgoing.filter((o) => o.state !== "done").reverse();
}

/** "2 of 5 messages before a reply" (those on their way counted and said). */
export function beforeReplyLine(t: Pick<InboxThread, "view" | "max_before_reply">): string {
  const { sent_since_reply: sent, on_their_way: coming } = t.view;
  const used = sent + coming;
  const way = coming > 0 ? ` (${coming} on the way)` : "";
  return `${used} of ${plural(t.max_before_reply, "message")} before a reply${way}`;
}

/**
 * Why the seller cannot write in this conversation now, in plain words; null when they can. The same
 * rule the core applies before queuing: a creator in the workspace, not on the do-not-contact list, and
 * fewer than 5 messages since their last reply (sent and on the way).
 */
export function replyBlock(t: InboxThread, name: string): string | null {
  if (t.creator_id === null)
    return `${name} is not in your workspace, so Scout cannot write to them: answer in TikTok Shop's Seller Center, or add them to your workspace (Find on TikTok Shop, or an import).`;
  if (t.do_not_contact !== null)
    return `${name} is on your do-not-contact list (${t.do_not_contact}). Scout sends them nothing.`;
  const used = t.view.sent_since_reply + t.view.on_their_way;
  if (used >= t.max_before_reply)
    return `You have sent ${name} ${plural(used, "message")} since they last replied. TikTok Shop allows ${t.max_before_reply} before a reply: you can write again once they answer.`;
  return null;
}

/** When the window last looked for messages, and how often it does: "Checked 14:05 (3 min ago)". */
export function lastLookedLine(s: MessagePollStatus, now: Date = new Date()): string {
  if (s.looking) return "Checking for new messages…";
  if (s.last_looked_at === null) return "Not checked yet since Scout started";
  return `Checked ${formatClock(s.last_looked_at, now)} (${formatAge(s.last_looked_at, now)})`;
}

/** "every 2 min" / "every 30 s": the poll's interval. */
export function pollEvery(seconds: number): string {
  if (seconds % 60 === 0) return `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}

/** Unread messages over every conversation, for the sidebar's badge. */
export function unreadTotal(list: Pick<InboxConversation, "unread">[]): number {
  return list.reduce((sum, c) => sum + c.unread, 0);
}

/** The badge's text: up to 99, then "99+". */
export function badgeText(n: number): string {
  return n > 99 ? "99+" : String(n);
}

/** What one look found, in a line: "2 new messages (2 from creators); 1 moved to Replied on the pipeline". */
export function lookReport(r: MessageSyncReport): string {
  if (r.new_messages === 0) return "No new messages";
  let line = plural(r.new_messages, "new message");
  if (r.replies > 0) line += ` (${plural(r.replies, "from a creator", "from creators")})`;
  if (r.moved_to_replied > 0) line += `; ${r.moved_to_replied} moved to Replied on the pipeline`;
  return line;
}
