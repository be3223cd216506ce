// The small acts that can be taken back from their toast: a shortlist removal, a move on the board, a
// snoozed follow-up — each toast's Undo sends the command that reverses exactly that act.
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { Shortlist } from "../campaigns/campaigns.svelte";
import { moveCard, snoozeWithUndo } from "../pipeline/pipeline.svelte";
import { toasts } from "./toasts.svelte";
import type { FollowUp, PipelineCard, ShortlistEntry } from "./types";

afterEach(() => {
  clearMocks();
  for (const t of toasts.items) toasts.dismiss(t.id);
});

function record(): [string, unknown][] {
  const calls: [string, unknown][] = [];
  const entry: ShortlistEntry = {
    campaign_id: 4,
    creator_id: 7,
    note: "great fit",
    tags: ["serum"],
    added_at: "2026-12-01T09:00:00Z",
    stage: "invited",
  };
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    if (cmd === "get_shortlist") return [{ entry, creator: { id: 7, handle: "mia" }, score: 50 }];
    if (cmd === "move_stage" || cmd === "undo_move") return "invited";
    return null;
  });
  return calls;
}

describe("undo", () => {
  it("puts a removed creator back with the entry they had (note, tags, stage)", async () => {
    const calls = record();
    const shortlist = new Shortlist(4);
    await shortlist.load();
    await shortlist.toggle(7, "mia");
    expect(toasts.items.map((t) => t.text)).toEqual(["Removed @mia from the shortlist"]);
    await toasts.undo(toasts.items[0]!.id);
    const restore = calls.find(([cmd]) => cmd === "shortlist_restore");
    expect(restore?.[1]).toEqual({
      entry: expect.objectContaining({ note: "great fit", tags: ["serum"], stage: "invited" }),
    });
    expect(toasts.items).toHaveLength(0);
  });

  it("takes a move on the board back, and a snooze", async () => {
    const calls = record();
    let reloads = 0;
    const card = { campaign_id: 4, creator_id: 7, handle: "mia", stage: "invited" } as PipelineCard;
    await moveCard(card, "declined", () => (reloads += 1));
    expect(toasts.items[0]?.text).toBe("Moved @mia to Declined");
    await toasts.undo(toasts.items[0]!.id);
    expect(calls.at(-1)).toEqual(["undo_move", { campaignId: 4, creatorId: 7, to: "declined" }]);
    const follow = { campaign_id: 4, creator_id: 7, handle: "mia", kind: "no_reply" } as FollowUp;
    await snoozeWithUndo(follow, "2026-12-10", () => (reloads += 1));
    expect(toasts.items[0]?.text).toMatch(/^Snoozed “Reply expected from @mia” until /);
    await toasts.undo(toasts.items[0]!.id);
    expect(calls.at(-1)).toEqual(["unsnooze_follow_up", { campaignId: 4, creatorId: 7, kind: "no_reply" }]);
    expect(reloads).toBe(2);
  });
});
