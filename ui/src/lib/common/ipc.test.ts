import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import {
  adoptModel,
  annotateShortlisted,
  createCampaign,
  explainPreview,
  exportRejectedRows,
  getCreator,
  IpcFailure,
  listCreators,
  lookalikes,
  previewMatches,
  rankMatches,
  runImport,
  shortlistAdd,
  shortlistOverlap,
  toIpcError,
  workspaceInfo,
} from "./ipc";
import { emptyDraft, previewSpec } from "../campaigns/campaign-draft";
import { DEFAULT_MATCH_VIEW, toRankQuery } from "../campaigns/match-view";
import { DEFAULT_VIEW, toQuery } from "../creators/creators-view";
import type { ImportProgress } from "./types";

afterEach(() => clearMocks());

describe("toIpcError", () => {
  it("keeps a well-formed IpcError as it is", () => {
    const error = toIpcError({ code: "not_found", message: "creator 7 does not exist" });
    expect(error).toBeInstanceOf(IpcFailure);
    expect(error).toMatchObject({ code: "not_found", message: "creator 7 does not exist" });
  });

  it("keeps the field an invalid input is about, and null when there is none", () => {
    expect(
      toIpcError({
        code: "invalid_input",
        message: "campaign field 'commission.max' …",
        field: "commission.max",
      }),
    ).toMatchObject({ code: "invalid_input", field: "commission.max" });
    expect(toIpcError({ code: "io", message: "disk full", field: null }).field).toBeNull();
    expect(toIpcError({ code: "io", message: "disk full" }).field).toBeNull();
    expect(toIpcError({ code: "io", message: "disk full", field: 3 })).toMatchObject({ code: "internal" });
  });

  it("wraps anything else as code internal, keeping the text", () => {
    expect(toIpcError("command list_creatorz not found")).toMatchObject({
      code: "internal",
      message: "command list_creatorz not found",
    });
    expect(toIpcError(new TypeError("boom"))).toMatchObject({ code: "internal", message: "boom" });
    expect(toIpcError({ code: "teapot", message: "unknown code" })).toMatchObject({ code: "internal" });
    expect(toIpcError({ code: "io" })).toMatchObject({ code: "internal" });
    expect(toIpcError(42)).toMatchObject({ code: "internal", message: "Unexpected error: 42" });
    expect(toIpcError(undefined).code).toBe("internal");
  });
});

describe("commands", () => {
  it("send the contract's command names and argument names", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((command, payload) => {
      calls.push([command, payload]);
      if (command === "list_creators") return { total: 0, offset: 0, rows: [] };
      return 3;
    });
    const query = toQuery(DEFAULT_VIEW, 100, 100);
    await listCreators(query);
    await exportRejectedRows(9, "/tmp/out.csv");
    expect(calls).toEqual([
      ["list_creators", { query }],
      ["export_rejected_rows", { batchId: 9, path: "/tmp/out.csv" }],
    ]);
  });

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

  it("reject with the backend's IpcError", async () => {
    mockIPC(() => {
      throw { code: "workspace", message: "the workspace file is locked by another Scout window" };
    });
    await expect(workspaceInfo()).rejects.toMatchObject({
      code: "workspace",
      message: "the workspace file is locked by another Scout window",
    });
  });

  it("reject with code internal when the backend fails in another shape", async () => {
    mockIPC(() => {
      throw "invalid args `id` for command `get_creator`";
    });
    const failure = await getCreator(1).catch((reason: unknown) => reason);
    expect(failure).toBeInstanceOf(IpcFailure);
    expect(failure).toMatchObject({
      code: "internal",
      message: "invalid args `id` for command `get_creator`",
    });
  });

  it("pass import progress from the channel to the callback", async () => {
    let platform: unknown;
    mockIPC((command, payload) => {
      if (command !== "run_import") return null;
      platform = (payload as { platform: unknown }).platform;
      const channel = (payload as { onProgress: { onmessage: (p: ImportProgress) => void } }).onProgress;
      channel.onmessage({ rows_done: 10, bytes_done: 50, bytes_total: 100 });
      return { batch_id: 1 };
    });
    const seen: ImportProgress[] = [];
    await runImport("/tmp/a.csv", { columns: ["handle"] }, "instagram", (progress: ImportProgress) =>
      seen.push(progress),
    );
    expect(seen).toEqual([{ rows_done: 10, bytes_done: 50, bytes_total: 100 }]);
    expect(platform).toBe("instagram");
  });
});
