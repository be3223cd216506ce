import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW } from "./creators-view";
import {
  chosenColumns,
  cleanView,
  deleteView,
  loadLayout,
  nameProblem,
  renameView,
  saveAs,
  saveLayout,
  viewChanged,
} from "./saved-views";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const KNOWN = ["name", "followers", "views", "gmv", "country"];
const ALL = ["select", "avatar", "handle", ...KNOWN].map((id) => ({ id }));
const US = { ...DEFAULT_VIEW, country: "US", minFollowers: 10_000, sort: "gmv" as const };

describe("the chosen columns", () => {
  it("keeps the checkbox and the handle whatever is chosen, in the table's order", () => {
    expect(chosenColumns(ALL, ["gmv", "name"]).map((c) => c.id)).toEqual([
      "select",
      "avatar",
      "handle",
      "name",
      "gmv",
    ]);
    expect(chosenColumns(ALL, []).map((c) => c.id)).toEqual(["select", "avatar", "handle"]);
    expect(chosenColumns(ALL, null)).toEqual(ALL);
  });
});

describe("saved views", () => {
  it("saves the filters, sort and columns under a name, replacing a view of the same name", () => {
    let views = saveAs([], "US big", { ...US, search: " mia " }, ["followers", "gmv"]);
    expect(views).toEqual([
      { name: "US big", view: { ...US, search: "mia" }, columns: ["followers", "gmv"] },
    ]);
    views = saveAs(views, "Small", DEFAULT_VIEW, KNOWN);
    views = saveAs(views, "us BIG", DEFAULT_VIEW, ["gmv"]);
    expect(views.map((v) => v.name)).toEqual(["us BIG", "Small"]);
    expect(views[0]?.columns).toEqual(["gmv"]);
  });

  it("refuses an empty, overlong or taken name, and lets a view keep its own", () => {
    const views = saveAs(saveAs([], "A", DEFAULT_VIEW, KNOWN), "B", DEFAULT_VIEW, KNOWN);
    expect(nameProblem(views, "  ")).toBe("Type a name for the view");
    expect(nameProblem(views, "x".repeat(41))).toMatch(/40 characters/);
    expect(nameProblem(views, "b")).toBe("“B” is already a view: pick another name");
    expect(nameProblem(views, "b", "B")).toBeNull();
    expect(nameProblem(views, "C", "A")).toBeNull();
  });

  it("renames and deletes by name", () => {
    const views = saveAs(saveAs([], "A", DEFAULT_VIEW, KNOWN), "B", US, KNOWN);
    expect(renameView(views, "b", " Big US ").map((v) => v.name)).toEqual(["A", "Big US"]);
    expect(deleteView(views, "a").map((v) => v.name)).toEqual(["B"]);
  });

  it("says when the table has changed since the view was applied", () => {
    const [saved] = saveAs([], "US", US, ["followers", "gmv"]);
    if (!saved) throw new Error("saved");
    expect(viewChanged(saved, { ...US, search: "  " }, ["followers", "gmv"])).toBe(false);
    expect(viewChanged(saved, { ...US, descending: !US.descending }, ["followers", "gmv"])).toBe(true);
    expect(viewChanged(saved, { ...US, tag: "summer" }, ["followers", "gmv"])).toBe(true);
    expect(viewChanged(saved, US, ["followers"])).toBe(true);
  });
});

describe("the remembered layout", () => {
  it("is kept per workspace", () => {
    const storage = memoryStorage();
    const views = saveAs([], "US", US, ["gmv"]);
    saveLayout("/a.scout", { columns: ["name", "gmv"], views }, storage);
    expect(loadLayout("/a.scout", KNOWN, storage)).toEqual({ columns: ["name", "gmv"], views });
    expect(loadLayout("/b.scout", KNOWN, storage)).toEqual({ columns: null, views: [] });
    expect(loadLayout(null, KNOWN, storage)).toEqual({ columns: null, views: [] });
  });

  it("drops what it no longer knows and survives corrupt entries", () => {
    const key = "scout.creators.layout:/a.scout";
    expect(loadLayout("/a.scout", KNOWN, memoryStorage({ [key]: "{not json" }))).toEqual({
      columns: null,
      views: [],
    });
    expect(loadLayout("/a.scout", KNOWN, memoryStorage({ [key]: "42" }))).toEqual({
      columns: null,
      views: [],
    });
    const old = JSON.stringify({
      columns: ["gmv", "retired_column", 7, "name", "gmv"],
      views: [
        {
          name: "Old",
          view: { sort: "retired_sort", country: 12, minFollowers: -5, platform: "myspace" },
          columns: ["x"],
        },
        { name: "", view: {} },
        { name: "old", view: {} },
        "junk",
        null,
        { name: "No columns", view: { sort: "country", minEngagementPercent: 500, tag: "summer" } },
      ],
    });
    const layout = loadLayout("/a.scout", KNOWN, memoryStorage({ [key]: old }));
    expect(layout.columns).toEqual(["name", "gmv"]);
    expect(layout.views).toEqual([
      { name: "Old", view: DEFAULT_VIEW, columns: [] },
      {
        name: "No columns",
        view: { ...DEFAULT_VIEW, sort: "country", descending: false, tag: "summer" },
        columns: KNOWN,
      },
    ]);
  });

  it("reads a view's fields one by one", () => {
    expect(cleanView({ search: "mia", platform: "youtube", includeHidden: true, descending: false })).toEqual(
      {
        ...DEFAULT_VIEW,
        search: "mia",
        platform: "youtube",
        includeHidden: true,
        descending: false,
      },
    );
  });

  it("forgets quietly when storage refuses", () => {
    const full = {
      setItem: () => {
        throw new Error("QuotaExceeded");
      },
    };
    expect(() => saveLayout("/a.scout", { columns: [], views: [] }, full)).not.toThrow();
  });
});
