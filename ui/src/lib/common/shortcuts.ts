// The window's keyboard shortcuts, in one table (`SHORTCUTS`): the key handler (`shortcutFor`, read by
// App.svelte), the tooltips of the buttons that do the same (`withKeys`) and the "Keyboard shortcuts"
// dialog ("?") all read it, so what a tooltip or the list says is what the key does.
// Keys the window handles: Ctrl (⌘ on a Mac) + 1…6 for the screens in the sidebar's order and 7 for
// "Find on TikTok Shop" (added later, listed under Creators; the first six kept their keys), 8 for the Inbox, Ctrl+K to
// search creators, "/" for the search box of the screen in view, Ctrl+O to import creators, Ctrl+Z to
// undo what the newest notice offers to undo, "?" for the list. Keys the lists and dialogs handle
// where they act (arrows, Enter, Esc) are in the table too, with no action here.
import type { Screen } from "../app.svelte";

export const SCREEN_KEYS: readonly { screen: Screen; label: string; key: string }[] = [
  { screen: "creators", label: "Creators", key: "1" },
  { screen: "campaigns", label: "Campaigns", key: "2" },
  { screen: "outreach", label: "Outreach", key: "3" },
  { screen: "pipeline", label: "Pipeline", key: "4" },
  { screen: "results", label: "Results", key: "5" },
  { screen: "settings", label: "Settings", key: "6" },
  { screen: "marketplace", label: "Find on TikTok Shop", key: "7" },
  { screen: "inbox", label: "Inbox", key: "8" },
  { screen: "samples", label: "Samples", key: "9" },
];

/** What a shortcut asks the window for. */
export type ShortcutAction =
  | { kind: "screen"; screen: Screen }
  | { kind: "search" }
  | { kind: "find" }
  | { kind: "import" }
  | { kind: "undo" }
  | { kind: "help" };

export type ShortcutId =
  `screen-${Screen}` | "search" | "find" | "import" | "undo" | "help" | "rows" | "close";

export interface Shortcut {
  id: ShortcutId;
  /** What it does, as the list says it. */
  what: string;
  /** The key as `KeyboardEvent.key` reads it (letters in either case). */
  key: string;
  /** With Ctrl (⌘ on a Mac). */
  command: boolean;
  /** What the window does; null for keys a list or dialog handles itself where it acts. */
  action: ShortcutAction | null;
  /** How the keys read when not one key (the list's arrows). */
  label?: string;
  /** Also while the seller types in a box (a Ctrl shortcut that means nothing there). */
  whileTyping?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  ...SCREEN_KEYS.map((s): Shortcut => ({
    id: `screen-${s.screen}`,
    what: `Go to ${s.label}`,
    key: s.key,
    command: true,
    action: { kind: "screen", screen: s.screen },
    whileTyping: true,
  })),
  {
    id: "search",
    what: "Search creators",
    key: "k",
    command: true,
    action: { kind: "search" },
    whileTyping: true,
  },
  {
    id: "find",
    what: "Search this screen's list (Creators when it has no search box)",
    key: "/",
    command: false,
    action: { kind: "find" },
  },
  {
    id: "import",
    what: "Import creators from a file",
    key: "o",
    command: true,
    action: { kind: "import" },
    whileTyping: true,
  },
  {
    id: "undo",
    what: "Undo what the newest notice offers to undo",
    key: "z",
    command: true,
    action: { kind: "undo" },
  },
  {
    id: "rows",
    what: "Move through a list; Enter opens the row",
    key: "ArrowDown",
    label: "↑ ↓ Page Up/Down Home End",
    command: false,
    action: null,
  },
  { id: "close", what: "Close a dialog or a drawer", key: "Escape", command: false, action: null },
  { id: "help", what: "Show this list", key: "?", command: false, action: { kind: "help" } },
];

/** The part of a key event the shortcuts read. */
export type KeyPress = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey"> & {
  target: EventTarget | null;
};

function mac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** "Ctrl+K", or "⌘K" on a Mac. */
export function shortcut(key: string): string {
  return mac() ? `⌘${key}` : `Ctrl+${key}`;
}

const KEY_NAMES: Record<string, string> = { Escape: "Esc" };

/** How a shortcut's keys read: "Ctrl+O", "/", "Esc". */
export function keysOf(id: ShortcutId): string {
  const entry = SHORTCUTS.find((s) => s.id === id);
  if (!entry) return "";
  if (entry.label) return entry.label;
  const key = KEY_NAMES[entry.key] ?? (entry.key.length === 1 ? entry.key.toUpperCase() : entry.key);
  return entry.command ? shortcut(key) : key;
}

/** A button's tooltip naming its shortcut: "Import creators… (Ctrl+O)". */
export function withKeys(text: string, id: ShortcutId): string {
  return `${text} (${keysOf(id)})`;
}

/** True while the seller types in a box, where "?" and "/" are characters and Ctrl+Z undoes typing. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
    target.closest('[contenteditable="true"], [contenteditable="plaintext-only"]') !== null
  );
}

/** What a key press asks the window for, or null (a key the lists and dialogs handle, or none). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const command = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  const entry = SHORTCUTS.find(
    (s) =>
      s.action !== null &&
      s.command === command &&
      // Shift is part of "?" on most layouts; with Ctrl it is another command (Ctrl+Shift+Z redoes).
      (!command || !press.shiftKey) &&
      s.key.toLowerCase() === press.key.toLowerCase() &&
      (s.whileTyping === true || !typing(press.target)),
  );
  return entry?.action ?? null;
}
