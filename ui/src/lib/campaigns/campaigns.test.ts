import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import {
  adoptModel,
  annotateShortlisted,
  createCampaign,
  explainPreview,
  previewMatches,
  rankMatches,
  shortlistAdd,
  shortlistOverlap,
} from "./campaigns.svelte";
import { emptyDraft, previewSpec } from "./campaign-draft";
import { DEFAULT_MATCH_VIEW, toRankQuery } from "./match-view";
import { lookalikes } from "../creators/creators.svelte";

afterEach(() => clearMocks());

describe("campaign commands", () => {
  it("send the campaign commands' names and camelCase argument names", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      return null;
    });
    const { spec } = previewSpec(emptyDraft());
    const query = toRankQuery(DEFAULT_MATCH_VIEW, 0, 100);
    await createCampaign(spec);
    await rankMatches(4, query);
    await previewMatches(spec, query);
    await shortlistAdd(4, 9);
    await annotateShortlisted(4, 9, "call Monday", ["vip"]);
    await adoptModel(null);
    await explainPreview(spec, 9);
    await shortlistOverlap(4);
    await lookalikes(9, 10);
    expect(calls).toEqual([
      ["create_campaign", { spec }],
      ["rank_matches", { campaignId: 4, query }],
      ["preview_matches", { spec, query }],
      ["shortlist_add", { campaignId: 4, creatorId: 9 }],
      ["annotate_shortlisted", { campaignId: 4, creatorId: 9, note: "call Monday", tags: ["vip"] }],
      ["adopt_model", { id: null }],
      ["explain_preview", { spec, creatorId: 9 }],
      ["shortlist_overlap", { campaignId: 4 }],
      ["lookalikes", { creatorId: 9, limit: 10 }],
    ]);
  });
});
