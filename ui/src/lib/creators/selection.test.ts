import { describe, expect, it } from "vitest";
import { CreatorSelection } from "./selection.svelte";
import { DEFAULT_VIEW, toQuery } from "./creators-view";

const base = toQuery({ ...DEFAULT_VIEW, country: "US" }, 200, 100);

describe("CreatorSelection", () => {
  it("picks by hand, shift-clicks a range, and becomes a query of those ids", async () => {
    const s = new CreatorSelection();
    s.toggle(11, 0);
    const asked: [number, number][] = [];
    await s.range(
      3,
      async (from, to) => {
        asked.push([from, to]);
        return [11, 12, 13, 14];
      },
      14,
    );
    expect(asked).toEqual([[0, 3]]);
    expect(s.count(500)).toBe(4);
    s.toggle(12, 1);
    expect([s.has(11), s.has(12)]).toEqual([true, false]);
    const q = s.query(base);
    expect(q.ids?.sort()).toEqual([11, 13, 14]);
    expect([q.except, q.country, q.offset, q.limit]).toEqual([[], "US", 0, 0]);
  });

  it("selects every matching creator, minus the ones unticked, as the filter itself", () => {
    const s = new CreatorSelection();
    s.toggle(5, 0);
    s.selectAll();
    expect(s.count(2050)).toBe(2050);
    s.toggle(7, 3);
    expect([s.has(7), s.has(8), s.count(2050)]).toEqual([false, true, 2049]);
    expect(s.query(base)).toMatchObject({ ids: null, except: [7], country: "US", sort: "followers" });
    s.clear();
    expect([s.mode, s.count(2050)]).toEqual(["some", 0]);
  });
});
