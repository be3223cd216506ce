// DEVELOPMENT ONLY — the mock backend's Inbox: the mock workspace has no TikTok Shop connection, so the
// Inbox is empty and says how to connect; the poll has never looked. No conversation is invented.
import type { MessagePollStatus } from "../bindings/MessagePollStatus";
import { fail } from "./mock-common";

export const NOT_INBOX = Symbol("not an Inbox command");

const NOT_CONNECTED = "TikTok Shop is not connected: connect it in Settings → TikTok Shop";

export function inboxCommands(command: string): unknown {
  switch (command) {
    case "inbox_conversations":
      return [];
    case "message_poll_status":
      return {
        last_looked_at: null,
        last_report: null,
        last_error: null,
        looking: false,
        every_seconds: 120,
        moved_since_start: 0,
      } satisfies MessagePollStatus;
    case "outreach_quota":
    case "check_messages_now":
    case "plan_message_follow_ups":
    case "queue_message_follow_ups":
      return fail("invalid_input", NOT_CONNECTED, "tiktok.connection");
    default:
      return NOT_INBOX;
  }
}
