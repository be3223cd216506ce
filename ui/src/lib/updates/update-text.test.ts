import { describe, expect, it } from "vitest";
import type { UpdateInfo } from "../bindings/UpdateInfo";
import { describeUpdate, downloadAmount, downloadPercent, noticeShows, updateOf } from "./update-text";

const next: UpdateInfo = { version: "0.2.0", date: "2026-12-07T02:00:00Z", notes: "Faster imports" };

describe("update text", () => {
  it("names the version and the day it was published", () => {
    expect(describeUpdate(next, "en-GB")).toBe("Scout 0.2.0, published 7 Dec 2026");
    expect(describeUpdate({ ...next, date: null }, "en-GB")).toBe("Scout 0.2.0");
  });

  it("shows download progress in whole percent, or none while the size is unknown", () => {
    const status = { state: "downloading", update: next, downloaded: 1536, total: 3072 } as const;
    expect(downloadPercent(status)).toBe(50);
    expect(downloadAmount(status)).toMatch(/^1\.5\sKB of 3\sKB$/);
    expect(downloadPercent({ ...status, total: null })).toBeNull();
    expect(downloadAmount({ ...status, total: null })).toMatch(/^1\.5\sKB$/);
  });

  it("shows the notice for a found update until the seller says Later to that version", () => {
    const available = { state: "available", update: next } as const;
    expect(updateOf(available)).toEqual(next);
    expect(noticeShows(available, null)).toBe(true);
    expect(noticeShows(available, "0.2.0")).toBe(false);
    expect(noticeShows(available, "0.1.9")).toBe(true);
    expect(noticeShows({ state: "up_to_date" }, null)).toBe(false);
    expect(noticeShows({ state: "failed", update: null, message: "offline" }, null)).toBe(false);
    const refused = { state: "verification_failed", update: next, message: "bad signature" } as const;
    expect(noticeShows(refused, null)).toBe(true);
  });
});
