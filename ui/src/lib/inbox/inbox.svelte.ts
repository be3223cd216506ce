// The Inbox's service: its commands (conversations, a thread, mark read, reply, check now, the poll's
// status, follow-ups for a campaign, the outreach quota) and what the whole window shares about it —
// the conversations with their unread counts (the sidebar's badge) and when Scout last looked, kept
// fresh while the window is open: the window asks the poll's status on a short timer and reloads the
// list only when a look has happened since (and tells the pipeline when a look moved creators).
import { call, toIpcError, type IpcFailure } from "../common/ipc";
import type { FollowUpPlan } from "../bindings/FollowUpPlan";
import type { InboxConversation } from "../bindings/InboxConversation";
import type { InboxThread } from "../bindings/InboxThread";
import type { MessagePollStatus } from "../bindings/MessagePollStatus";
import type { MessageSyncReport } from "../bindings/MessageSyncReport";
import type { OutgoingView } from "../bindings/OutgoingView";
import type { QueuedMessages } from "../bindings/QueuedMessages";
import type { TiktokQuota } from "../bindings/TiktokQuota";
import { unreadTotal } from "./inbox-words";
import { app } from "../app.svelte";

export function inboxConversations(): Promise<InboxConversation[]> {
  return call("inbox_conversations");
}

export function conversationThread(conversationId: string): Promise<InboxThread> {
  return call("conversation_thread", { conversationId });
}

export function creatorThread(creatorId: number): Promise<InboxThread> {
  return call("creator_thread", { creatorId });
}

/** Marks the conversation read on TikTok Shop, then in the workspace. */
export function markConversationRead(conversationId: string): Promise<void> {
  return call("mark_conversation_read", { conversationId });
}

/** Queues the text to the creator (the outbox sends it); the message as it stands. */
export function sendReply(creatorId: number, text: string): Promise<OutgoingView> {
  return call("send_reply", { creatorId, text });
}

export function checkMessagesNow(): Promise<MessageSyncReport> {
  return call("check_messages_now");
}

export function messagePollStatus(): Promise<MessagePollStatus> {
  return call("message_poll_status");
}

/** Who would get a follow-up in the campaign (and who would not, and why); nothing is queued. */
export function planMessageFollowUps(campaignId: number): Promise<FollowUpPlan> {
  return call("plan_message_follow_ups", { campaignId });
}

/** Queues the campaign's due follow-ups; the outbox sends them. */
export function queueMessageFollowUps(campaignId: number): Promise<QueuedMessages> {
  return call("queue_message_follow_ups", { campaignId });
}

/** The collaboration card (and `text` after it) to the campaign's creators invited through TikTok Shop. */
export function queueInvitationCards(campaignId: number, text: string | null): Promise<QueuedMessages> {
  return call("queue_invitation_cards", { campaignId, text });
}

export function outreachQuota(): Promise<TiktokQuota> {
  return call("outreach_quota");
}

/** What a thread shows: a stored conversation, or a creator's (TikTok Shop may have none with them yet). */
export type ThreadTarget = { kind: "conversation"; id: string } | { kind: "creator"; id: number };

/** How often the window asks whether the poll has looked again (the poll itself is calmer). */
export const STATUS_EVERY_MS = 5000;

class InboxState {
  conversations = $state.raw<InboxConversation[]>([]);
  status = $state.raw<MessagePollStatus | null>(null);
  /** Why the list could not be read. */
  failure = $state.raw<IpcFailure | null>(null);
  /** Bumped whenever the list was read again (a look, a mark read, a reply): an open thread reloads. */
  version = $state(0);
  /** Bumped when a look moved creators to Replied: the pipeline reloads. */
  movedVersion = $state(0);
  unread = $derived(unreadTotal(this.conversations));
  /** The weekly outreach quota as TikTok Shop last said it (kept, so the Inbox shows it at once). */
  quota = $state.raw<TiktokQuota | null>(null);
  quotaError = $state.raw<IpcFailure | null>(null);
  /** The creator another screen asked the Inbox to open ("Messages" on the pipeline). */
  requested = $state<number | null>(null);

  #seen: string | null | undefined = undefined;

  /** Reads the list again. */
  async reload() {
    try {
      this.conversations = await inboxConversations();
      this.failure = null;
      this.version += 1;
    } catch (reason) {
      this.failure = toIpcError(reason);
    }
  }

  /** Asks the poll's status; reads the list again when a look happened since the last time. */
  async refresh() {
    try {
      const status = await messagePollStatus();
      if (this.status && status.moved_since_start !== this.status.moved_since_start) this.movedVersion += 1;
      this.status = status;
      if (status.last_looked_at !== this.#seen) {
        this.#seen = status.last_looked_at;
        await this.reload();
      }
    } catch (reason) {
      this.failure = toIpcError(reason);
    }
  }

  /** Looks for new messages now; the list follows. */
  async checkNow(): Promise<MessageSyncReport> {
    if (this.status) this.status = { ...this.status, looking: true };
    try {
      return await checkMessagesNow();
    } finally {
      await this.refresh();
    }
  }

  /** Asks TikTok Shop for the quota again; the last one stays shown meanwhile. */
  async loadQuota() {
    try {
      this.quota = await outreachQuota();
      this.quotaError = null;
    } catch (reason) {
      this.quota = null;
      this.quotaError = toIpcError(reason);
    }
  }

  /** The creator's conversation, when there is one stored. */
  conversationOf(creatorId: number): InboxConversation | undefined {
    return this.conversations.find((c) => c.creator_id === creatorId);
  }

  /** Opens the Inbox at this creator's conversation (or their thread, when there is no conversation yet). */
  openCreator(creatorId: number) {
    this.requested = creatorId;
    app.screen = "inbox";
  }

  /** Keeps the status and the list fresh while the window is open; returns the stop. */
  watch(): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }
}

export const inbox = new InboxState();
