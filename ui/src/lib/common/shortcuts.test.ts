import { describe, expect, it } from "vitest";
import { keysOf, SCREEN_KEYS, SHORTCUTS, shortcutFor, withKeys, type KeyPress } from "./shortcuts";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: document.body,
  ...extra,
});

describe("keyboard shortcuts", () => {
  it("Ctrl or ⌘ with 1…6 goes to the screens in the sidebar's order, 7 to Find on TikTok Shop, 8 to the Inbox, 9 to Samples, K to search", () => {
    expect(SCREEN_KEYS.map((s) => shortcutFor(press(s.key, { ctrlKey: true })))).toEqual(
      [
        "creators",
        "campaigns",
        "outreach",
        "pipeline",
        "results",
        "settings",
        "marketplace",
        "inbox",
        "samples",
      ].map((screen) => ({
        kind: "screen",
        screen,
      })),
    );
    expect(shortcutFor(press("3", { metaKey: true }))).toEqual({ kind: "screen", screen: "outreach" });
    expect(shortcutFor(press("K", { ctrlKey: true }))).toEqual({ kind: "search" });
    expect(shortcutFor(press("7", { ctrlKey: true }))).toEqual({ kind: "screen", screen: "marketplace" });
    expect(shortcutFor(press("8", { ctrlKey: true }))).toEqual({ kind: "screen", screen: "inbox" });
    expect(shortcutFor(press("9", { ctrlKey: true }))).toEqual({ kind: "screen", screen: "samples" });
    expect(shortcutFor(press("0", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("1", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(press("1"))).toBeNull();
  });

  it("? shows the list and / searches the screen, except while typing in a box", () => {
    expect(shortcutFor(press("?", { shiftKey: true }))).toEqual({ kind: "help" });
    expect(shortcutFor(press("/"))).toEqual({ kind: "find" });
    const editor = document.createElement("div");
    editor.setAttribute("contenteditable", "plaintext-only");
    const inside = document.createElement("span");
    editor.append(inside);
    for (const target of [document.createElement("input"), document.createElement("textarea"), inside]) {
      expect(shortcutFor(press("?", { target }))).toBeNull();
      expect(shortcutFor(press("/", { target }))).toBeNull();
    }
  });

  it("Ctrl+O imports creators, even from a box; Ctrl+Z undoes a notice's act, but not a box's typing", () => {
    const input = document.createElement("input");
    expect(shortcutFor(press("o", { ctrlKey: true }))).toEqual({ kind: "import" });
    expect(shortcutFor(press("o", { ctrlKey: true, target: input }))).toEqual({ kind: "import" });
    expect(shortcutFor(press("z", { ctrlKey: true }))).toEqual({ kind: "undo" });
    expect(shortcutFor(press("z", { ctrlKey: true, target: input }))).toBeNull();
    expect(shortcutFor(press("Z", { ctrlKey: true, shiftKey: true }))).toBeNull(); // redo is not undo
    expect(shortcutFor(press("o"))).toBeNull();
  });

  it("leaves the keys lists and dialogs handle to them, and names every key the way tooltips say it", () => {
    expect(shortcutFor(press("Escape"))).toBeNull();
    expect(shortcutFor(press("ArrowDown"))).toBeNull();
    expect(keysOf("screen-pipeline")).toBe("Ctrl+4");
    expect(keysOf("import")).toBe("Ctrl+O");
    expect(keysOf("find")).toBe("/");
    expect(keysOf("close")).toBe("Esc");
    expect(withKeys("Undo", "undo")).toBe("Undo (Ctrl+Z)");
    // One entry per id, every one with words and keys.
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(keysOf(s.id) !== "" && s.what !== "").toBe(true);
  });
});
