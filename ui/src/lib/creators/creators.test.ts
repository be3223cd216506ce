import { describe, expect, it } from "vitest";
import { CreatorPages } from "./creators.svelte";
import { DEFAULT_VIEW } from "./creators-view";
import type { CreatorPage, CreatorQuery, CreatorRow } from "../common/types";

function row(id: number): CreatorRow {
  return {
    id,
    platform: "tiktok",
    handle: `creator${id}`,
    display_name: null,
    followers: null,
    avg_views: null,
    engagement_rate: null,
    gmv: null,
    categories: [],
    country: null,
    updated_at: "2026-11-20T00:00:00Z",
    as_of: "2026-11-18",
    tags: [],
    hidden: false,
  };
}

/** A fake backend whose answers the test releases by hand, in any order. */
function controlledBackend(total: number) {
  const pending: { query: CreatorQuery; release: () => void }[] = [];
  const fetch = (query: CreatorQuery) =>
    new Promise<CreatorPage>((resolve) => {
      const rows = Array.from({ length: Math.max(0, Math.min(query.limit, total - query.offset)) }, (_, i) =>
        row(query.offset + i + (query.search === "b" ? 1_000_000 : 0)),
      );
      pending.push({ query, release: () => resolve({ total, offset: query.offset, rows }) });
    });
  return { fetch, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("CreatorPages", () => {
  it("fetches only the pages it lacks, once each", async () => {
    const backend = controlledBackend(1000);
    const pages = new CreatorPages(backend.fetch, 100, 0);
    pages.reset(DEFAULT_VIEW);
    backend.pending[0]?.release();
    await settle();
    expect(pages.total).toBe(1000);

    pages.ensure(50, 250);
    pages.ensure(60, 260);
    expect(backend.pending.map((call) => call.query.offset)).toEqual([0, 100, 200]);
    expect(pages.rowAt(150)).toBeUndefined();
    backend.pending.forEach((call) => call.release());
    await settle();
    expect(pages.rowAt(150)?.id).toBe(150);
  });

  it("drops an answer that arrives after the query changed", async () => {
    const backend = controlledBackend(500);
    const pages = new CreatorPages(backend.fetch, 100, 0);
    pages.reset({ ...DEFAULT_VIEW, search: "a" });
    pages.reset({ ...DEFAULT_VIEW, search: "b" });
    backend.pending[1]?.release();
    backend.pending[0]?.release();
    await settle();
    expect(pages.rowAt(0)?.id).toBe(1_000_000);
  });

  it("waits for scrolling to settle and then fetches only where it stopped", async () => {
    const backend = controlledBackend(100_000);
    const pages = new CreatorPages(backend.fetch, 100, 30);
    pages.reset(DEFAULT_VIEW);
    backend.pending[0]?.release();
    await settle();
    for (let first = 0; first < 50_000; first += 2_000) pages.ensure(first, first + 30);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(backend.pending.map((call) => call.query.offset)).toEqual([0, 48_000]);
  });

  it("stops fetching after a failure until it is reset", async () => {
    let calls = 0;
    const pages = new CreatorPages(
      async () => {
        calls += 1;
        throw { code: "io", message: "disk unplugged" };
      },
      100,
      0,
    );
    pages.reset(DEFAULT_VIEW);
    await settle();
    expect(pages.error).toMatchObject({ code: "io", message: "disk unplugged" });
    pages.ensure(0, 50);
    expect(calls).toBe(1);
  });
});
