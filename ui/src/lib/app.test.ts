import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { app, INDEX_WATCH_MS } from "./app.svelte";
import { workspaceInfo } from "./workspace-fixtures";

const info = (building: boolean) => workspaceInfo(1_000_000, building);

describe("the window's workspace while a large import's sort indexes build", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
  });

  it("re-reads the workspace until the indexes are built, then stops asking", async () => {
    const answers = [true, false];
    let asked = 0;
    mockIPC((cmd) => {
      if (cmd !== "workspace_info") throw new Error(`unexpected ${cmd}`);
      asked += 1;
      return info(answers.shift() ?? false);
    });
    await app.dataChanged(info(true));
    expect(app.workspace?.sort_indexes_building).toBe(true);
    expect(asked).toBe(0);

    await vi.advanceTimersByTimeAsync(INDEX_WATCH_MS);
    expect(asked).toBe(1);
    expect(app.workspace?.sort_indexes_building).toBe(true);

    await vi.advanceTimersByTimeAsync(INDEX_WATCH_MS);
    expect(asked).toBe(2);
    expect(app.workspace?.sort_indexes_building).toBe(false);

    await vi.advanceTimersByTimeAsync(INDEX_WATCH_MS * 5);
    expect(asked).toBe(2);
  });

  it("does not ask at all for a workspace with nothing building", async () => {
    let asked = 0;
    mockIPC(() => {
      asked += 1;
      return info(false);
    });
    await app.dataChanged(info(false));
    await vi.advanceTimersByTimeAsync(INDEX_WATCH_MS * 5);
    expect(asked).toBe(0);
  });

  it("keeps one watch when the workspace is shown again meanwhile", async () => {
    let asked = 0;
    mockIPC(() => {
      asked += 1;
      return info(asked < 3);
    });
    await app.dataChanged(info(true));
    await app.dataChanged(info(true));
    await vi.advanceTimersByTimeAsync(INDEX_WATCH_MS);
    expect(asked).toBe(1);
    await vi.advanceTimersByTimeAsync(INDEX_WATCH_MS * 5);
    expect(asked).toBe(3);
    expect(app.workspace?.sort_indexes_building).toBe(false);
  });
});
