import { describe, expect, it } from "vitest";
import {
  badgeText,
  asSentence,
  beforeReplyLine,
  cardLabel,
  conversationName,
  kindLabel,
  lastLine,
  lastLookedLine,
  lookReport,
  pendingOutgoing,
  pollEvery,
  replyBlock,
  unreadTotal,
} from "./inbox-words";
import type { InboxThread } from "../bindings/InboxThread";
import type { OutgoingView } from "../bindings/OutgoingView";

function thread(over: Partial<InboxThread> = {}, sent = 0, coming = 0): InboxThread {
  return {
    view: { conversation: null, messages: [], outgoing: [], sent_since_reply: sent, on_their_way: coming },
    creator_id: 7,
    handle: "mia",
    do_not_contact: null,
    max_before_reply: 5,
    ...over,
  };
}

function outgoing(id: number, state: OutgoingView["state"]): OutgoingView {
  return {
    action_id: id,
    state,
    purpose: "reply",
    summary: `message ${id}`,
    problem: null,
    queued_at: "2026-12-07T10:00:00Z",
  };
}

describe("the can-reply rule as the window reads it", () => {
  it("lets the seller write to a linked creator under 5 messages", () => {
    expect(replyBlock(thread({}, 4, 0), "@mia")).toBeNull();
  });

  it("stops at 5 messages before a reply, counting those on their way", () => {
    expect(replyBlock(thread({}, 5, 0), "@mia")).toBe(
      "You have sent @mia 5 messages since they last replied. TikTok Shop allows 5 before a reply: you can write again once they answer.",
    );
    expect(replyBlock(thread({}, 3, 2), "@mia")).toContain("5 messages since they last replied");
    expect(replyBlock(thread({}, 3, 1), "@mia")).toBeNull();
  });

  it("refuses a do-not-contact creator with the list's reason, before counting", () => {
    expect(replyBlock(thread({ do_not_contact: "asked to stop" }, 0, 0), "@mia")).toBe(
      "@mia is on your do-not-contact list (asked to stop). Scout sends them nothing.",
    );
  });

  it("cannot write to a creator who is not in the workspace", () => {
    expect(replyBlock(thread({ creator_id: null }), "@stranger")).toContain("not in your workspace");
  });
});

describe("what the Inbox says", () => {
  it("counts messages before a reply, with those on the way said", () => {
    expect(beforeReplyLine(thread({}, 2, 0))).toBe("2 of 5 messages before a reply");
    expect(beforeReplyLine(thread({}, 1, 2))).toBe("3 of 5 messages before a reply (2 on the way)");
  });

  it("names a conversation by the workspace's handle, else TikTok's username", () => {
    expect(conversationName({ handle: "mia", username: "mia_tt" })).toBe("@mia");
    expect(conversationName({ handle: null, username: "mia_tt" })).toBe("@mia_tt");
    expect(conversationName({ handle: null, username: null })).toBe("Unknown creator");
  });

  it("shows cards as what they are, in either spelling of their kind", () => {
    expect(kindLabel("TARGET_COLLABORATION_CARD")).toBe("Collaboration invitation card");
    expect(kindLabel("target collaboration card")).toBe("Collaboration invitation card");
    expect(kindLabel("SOMETHING_NEW")).toBe("Message of a kind Scout does not show");
  });

  it("writes a refusal's reason as a sentence", () => {
    expect(asSentence(" this creator's privacy settings …")).toBe("This creator's privacy settings …");
    expect(asSentence("")).toBe("");
  });

  it("tells a queued card from queued words", () => {
    expect(cardLabel("target collaboration card")).toBe("Collaboration invitation card");
    expect(cardLabel("Hi! Would you like a free sample card?")).toBeNull();
    expect(cardLabel("text")).toBeNull();
  });

  it("writes the list's last line as the seller reads it", () => {
    expect(lastLine({ last_text: "Sounds great!", last_from_creator: true })).toBe("Sounds great!");
    expect(lastLine({ last_text: "Hi there", last_from_creator: false })).toBe("You: Hi there");
    expect(lastLine({ last_text: "TARGET_COLLABORATION_CARD", last_from_creator: false })).toBe(
      "You: Collaboration invitation card",
    );
    expect(lastLine({ last_text: null, last_from_creator: null })).toBe("No messages stored yet");
  });

  it("keeps queued, sending and refused messages, oldest first; sent ones are in the thread", () => {
    // The core lists them newest first.
    const list = [outgoing(3, "failed"), outgoing(2, "done"), outgoing(1, "queued")];
    expect(pendingOutgoing(list).map((o) => o.action_id)).toEqual([1, 3]);
  });

  it("says when Scout last looked and how often it does", () => {
    const now = new Date("2026-12-07T10:05:00");
    const status = {
      last_looked_at: new Date("2026-12-07T10:02:00").toISOString(),
      last_report: null,
      last_error: null,
      looking: false,
      every_seconds: 120,
      moved_since_start: 0,
    };
    expect(lastLookedLine(status, now)).toBe("Checked 10:02 (3 min ago)");
    expect(lastLookedLine({ ...status, last_looked_at: null }, now)).toBe(
      "Not checked yet since Scout started",
    );
    expect(lastLookedLine({ ...status, looking: true }, now)).toBe("Checking for new messages…");
    expect(pollEvery(120)).toBe("every 2 min");
    expect(pollEvery(5)).toBe("every 5 s");
  });

  it("sums unread messages for the badge and caps its text", () => {
    expect(unreadTotal([{ unread: 2 }, { unread: 0 }, { unread: 3 }])).toBe(5);
    expect(badgeText(5)).toBe("5");
    expect(badgeText(140)).toBe("99+");
  });

  it("says what a look found", () => {
    const r = {
      conversations: 2,
      new_messages: 0,
      replies: 0,
      moved_to_replied: 0,
      unlinked: [],
      errors: [],
    };
    expect(lookReport(r)).toBe("No new messages");
    expect(lookReport({ ...r, new_messages: 3, replies: 2, moved_to_replied: 1 })).toBe(
      "3 new messages (2 from creators); 1 moved to Replied on the pipeline",
    );
  });
});
