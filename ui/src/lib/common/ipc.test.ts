import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { call, IpcFailure, toIpcError } from "./ipc";

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
  it("reject with the backend's IpcError", async () => {
    mockIPC(() => {
      throw { code: "workspace", message: "the workspace file is locked by another Scout window" };
    });
    await expect(call("workspace_info")).rejects.toMatchObject({
      code: "workspace",
      message: "the workspace file is locked by another Scout window",
    });
  });

  it("reject with code internal when the backend fails in another shape", async () => {
    mockIPC(() => {
      throw "invalid args `id` for command `get_creator`";
    });
    const failure = await call("get_creator", { id: 1 }).catch((reason: unknown) => reason);
    expect(failure).toBeInstanceOf(IpcFailure);
    expect(failure).toMatchObject({
      code: "internal",
      message: "invalid args `id` for command `get_creator`",
    });
  });
});
