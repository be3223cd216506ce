import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import InboxScreen from "./InboxScreen.svelte";
import { inbox } from "../../lib/inbox/inbox.svelte";
import type { InboxConversation } from "../../lib/bindings/InboxConversation";
import type { InboxThread } from "../../lib/bindings/InboxThread";

afterEach(() => {
  cleanup();
  clearMocks();
});

// Synthetic conversations.
const AVA: InboxConversation = {
  conversation_id: "c-ava",
  creator_open_id: "oid-ava",
  username: "glow.by.ava",
  creator_id: 7,
  handle: "glow.by.ava",
  unread: 1,
  last_message_at: "2026-12-07T10:00:00Z",
  last_text: "Yes please!",
  last_from_creator: true,
};
const MILES: InboxConversation = {
  ...AVA,
  conversation_id: "c-miles",
  creator_open_id: "oid-miles",
  username: "miles.makeup",
  creator_id: 8,
  handle: "miles.makeup",
  unread: 0,
  last_text: "TARGET_COLLABORATION_CARD",
  last_from_creator: false,
};

function thread(c: InboxConversation, sent: number, over: Partial<InboxThread> = {}): InboxThread {
  return {
    view: {
      conversation: c,
      messages: [
        {
          message_id: `${c.conversation_id}-1`,
          conversation_id: c.conversation_id,
          from_creator: false,
          kind: "TARGET_COLLABORATION_CARD",
          text: null,
          content: '{"invitation_group_id":"7"}',
          index: 1,
          sent_at: "2026-12-03T10:00:00Z",
        },
        {
          message_id: `${c.conversation_id}-2`,
          conversation_id: c.conversation_id,
          from_creator: true,
          kind: "TEXT",
          text: c.last_text,
          content: "{}",
          index: 2,
          sent_at: "2026-12-07T10:00:00Z",
        },
      ],
      outgoing: [
        {
          action_id: 3,
          state: "failed",
          purpose: "reply",
          summary: "Are you still interested?",
          problem: "the creator's privacy settings do not accept messages from shops",
          queued_at: "2026-12-07T09:00:00Z",
        },
      ],
      sent_since_reply: sent,
      on_their_way: 0,
    },
    creator_id: c.creator_id,
    handle: c.handle,
    do_not_contact: null,
    max_before_reply: 5,
    ...over,
  };
}

function setup(threads: Record<string, InboxThread>, quota: unknown = null) {
  const calls: [string, Record<string, unknown>][] = [];
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, payload]);
    switch (cmd) {
      case "inbox_conversations":
        return [AVA, MILES];
      case "conversation_thread":
        return threads[payload.conversationId as string];
      case "creator_thread":
        return {
          view: { conversation: null, messages: [], outgoing: [], sent_since_reply: 0, on_their_way: 0 },
          creator_id: payload.creatorId as number,
          handle: "zoe.glow",
          do_not_contact: null,
          max_before_reply: 5,
        } satisfies InboxThread;
      case "outreach_quota":
        if (quota === null)
          throw {
            code: "invalid_input",
            message: "TikTok Shop is not connected: connect it in Settings → TikTok Shop",
            field: "tiktok.connection",
          };
        return quota;
      case "message_poll_status":
        return {
          last_looked_at: null,
          last_report: null,
          last_error: null,
          looking: false,
          every_seconds: 120,
          moved_since_start: 0,
        };
      case "send_reply":
        return { ...threads["c-ava"]!.view.outgoing[0], action_id: 9, state: "queued", problem: null };
      case "mark_conversation_read":
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  render(InboxScreen);
  return calls;
}

describe("the Inbox", () => {
  it("opens the newest conversation: cards as what they are, a refused message with TikTok's reason", async () => {
    setup({ "c-ava": thread(AVA, 1), "c-miles": thread(MILES, 2) });
    const list = await screen.findByRole("listbox", { name: "Conversations" });
    expect(within(list).getAllByRole("option")).toHaveLength(2);
    expect(within(list).getByText("You: Collaboration invitation card")).toBeInTheDocument();
    const pane = await screen.findByRole("region", { name: "Conversation" });
    await waitFor(() => expect(within(pane).getByText("Collaboration invitation card")).toBeInTheDocument());
    expect(within(pane).getByTestId("before-reply")).toHaveTextContent("1 of 5 messages before a reply");
    const refused = within(pane).getByTestId("outgoing");
    expect(refused).toHaveTextContent("Not sent · queued");
    expect(refused).toHaveTextContent("The creator's privacy settings do not accept messages from shops");
  });

  it("sends a reply with Ctrl+Enter and marks a conversation read", async () => {
    const calls = setup({ "c-ava": thread(AVA, 1), "c-miles": thread(MILES, 2) });
    const box = await screen.findByRole("textbox", { name: "Your reply" });
    await fireEvent.input(box, { target: { value: "Shipping tomorrow!" } });
    await fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    await waitFor(() =>
      expect(calls).toContainEqual(["send_reply", { creatorId: 7, text: "Shipping tomorrow!" }]),
    );
    await fireEvent.click(await screen.findByRole("button", { name: /Mark read \(1\)/ }));
    await waitFor(() =>
      expect(calls).toContainEqual(["mark_conversation_read", { conversationId: "c-ava" }]),
    );
  });

  it("disables the reply at 5 messages before a reply, saying why; arrows move through conversations", async () => {
    const calls = setup({ "c-ava": thread(AVA, 1), "c-miles": thread(MILES, 5) });
    const list = await screen.findByRole("listbox", { name: "Conversations" });
    await screen.findByRole("textbox", { name: "Your reply" });
    await fireEvent.keyDown(list, { key: "ArrowDown" });
    await waitFor(() =>
      expect(screen.getByTestId("reply-blocked")).toHaveTextContent(
        "You have sent @miles.makeup 5 messages since they last replied. TikTok Shop allows 5 before a reply",
      ),
    );
    expect(screen.queryByRole("textbox", { name: "Your reply" })).toBeNull();
    expect(calls.some(([cmd]) => cmd === "send_reply")).toBe(false);
  });

  it("names the do-not-contact list's reason instead of a reply box", async () => {
    setup({ "c-ava": thread(AVA, 0, { do_not_contact: "asked to stop" }), "c-miles": thread(MILES, 0) });
    await waitFor(() =>
      expect(screen.getByTestId("reply-blocked")).toHaveTextContent(
        "@glow.by.ava is on your do-not-contact list (asked to stop)",
      ),
    );
  });

  it("opens a creator with no conversation yet from another screen: their thread and a reply box", async () => {
    inbox.openCreator(42);
    const calls = setup({ "c-ava": thread(AVA, 1), "c-miles": thread(MILES, 2) });
    const pane = await screen.findByRole("region", { name: "Conversation" });
    await waitFor(() =>
      expect(pane).toHaveTextContent(
        "No conversation with @zoe.glow on TikTok Shop yet: what you write opens one.",
      ),
    );
    expect(calls).toContainEqual(["creator_thread", { creatorId: 42 }]);
    expect(within(pane).getByRole("textbox", { name: "Your reply" })).toBeInTheDocument();
    const list = screen.getByRole("listbox", { name: "Conversations" });
    expect(within(list).queryByRole("option", { selected: true })).toBeNull();
  });

  it("shows the weekly outreach quota left", async () => {
    setup(
      { "c-ava": thread(AVA, 1), "c-miles": thread(MILES, 2) },
      {
        unlimited: false,
        remaining: 37,
        all: { used: 13, total: 50 },
        period: null,
        bonus: null,
        max_follower_count: null,
        gmv_tier: null,
        reset_at: null,
      },
    );
    expect(await screen.findByTestId("inbox-quota")).toHaveTextContent(
      "37 of 50 new creators left to invite this week",
    );
  });
});
