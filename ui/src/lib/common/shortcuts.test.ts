import { describe, expect, it } from "vitest";
import { SCREEN_KEYS, shortcutFor, type KeyPress } from "./shortcuts";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: document.body,
  ...extra,
});

describe("keyboard shortcuts", () => {
  it("Ctrl or ⌘ with 1…6 goes to the screens in the sidebar's order, K to search", () => {
    expect(SCREEN_KEYS.map((s) => shortcutFor(press(s.key, { ctrlKey: true })))).toEqual(
      ["creators", "campaigns", "outreach", "pipeline", "results", "settings"].map((screen) => ({
        kind: "screen",
        screen,
      })),
    );
    expect(shortcutFor(press("3", { metaKey: true }))).toEqual({ kind: "screen", screen: "outreach" });
    expect(shortcutFor(press("K", { ctrlKey: true }))).toEqual({ kind: "search" });
    expect(shortcutFor(press("7", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("1", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(press("1"))).toBeNull();
  });

  it("? shows the list, except while typing in a box", () => {
    expect(shortcutFor(press("?"))).toEqual({ kind: "help" });
    const input = document.createElement("input");
    expect(shortcutFor(press("?", { target: input }))).toBeNull();
    expect(shortcutFor(press("?", { target: document.createElement("textarea") }))).toBeNull();
  });
});
