import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  defaultDescending,
  isFiltered,
  loadView,
  parseCount,
  parseEngagementPercent,
  saveView,
  toQuery,
} from "./creators-view";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("the remembered view", () => {
  it("remembers the sort but not filters or search across launches", () => {
    const storage = memoryStorage();
    const view = {
      ...DEFAULT_VIEW,
      search: "mia",
      country: "US",
      minFollowers: 25_000,
      sort: "gmv" as const,
      descending: false,
    };
    saveView(view, storage);
    expect(loadView(storage)).toEqual({ ...DEFAULT_VIEW, sort: "gmv", descending: false });
  });

  it("falls back to defaults, field by field, for missing or malformed data", () => {
    expect(loadView(memoryStorage())).toEqual(DEFAULT_VIEW);
    expect(loadView(memoryStorage({ "scout.creators.view.v1": "{not json" }))).toEqual(DEFAULT_VIEW);
    const odd = loadView(
      memoryStorage({
        "scout.creators.view.v1": JSON.stringify({
          sort: "nonsense",
          platform: "myspace",
          minFollowers: -5,
          country: "DE",
        }),
      }),
    );
    expect(odd).toEqual(DEFAULT_VIEW);
  });

  it("reads the sort by import time, remembered before, as the sort by the data's as-of date", () => {
    const storage = memoryStorage({
      "scout.creators.view.v1": JSON.stringify({ sort: "updated_at", descending: true }),
    });
    expect(loadView(storage)).toEqual({ ...DEFAULT_VIEW, sort: "data_as_of", descending: true });
  });
});

describe("toQuery", () => {
  it("trims the search, sends percent as basis points and carries the window", () => {
    const query = toQuery({ ...DEFAULT_VIEW, search: "  mia ", minEngagementPercent: 3.5 }, 200, 100);
    expect(query).toMatchObject({
      search: "mia",
      min_engagement_bp: 350,
      offset: 200,
      limit: 100,
      sort: "followers",
    });
  });

  it("sends no search rather than an empty one", () => {
    expect(toQuery({ ...DEFAULT_VIEW, search: "   " }, 0, 100).search).toBeNull();
  });
});

describe("helpers", () => {
  it("knows when a filter is on", () => {
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, category: "Beauty" })).toBe(true);
  });

  it("sorts text A→Z and figures largest first by default", () => {
    expect(defaultDescending("handle")).toBe(false);
    expect(defaultDescending("followers")).toBe(true);
  });

  it("reads counts the way sellers type them", () => {
    expect(parseCount("25000")).toBe(25_000);
    expect(parseCount("25,000")).toBe(25_000);
    expect(parseCount("25k")).toBe(25_000);
    expect(parseCount("1.5M")).toBe(1_500_000);
    expect(parseCount("")).toBeNull();
    expect(parseCount("lots")).toBeNaN();
  });

  it("reads the engagement box as a number of percent from 0 to 100", () => {
    expect(parseEngagementPercent(" 3.5 ")).toBe(3.5);
    expect(parseEngagementPercent("")).toBeNull();
    expect(parseEngagementPercent("170")).toBeNaN();
    expect(parseEngagementPercent("-1")).toBeNaN();
    expect(parseEngagementPercent("high")).toBeNaN();
  });
});
