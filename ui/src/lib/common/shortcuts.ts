// The window's keyboard shortcuts: Ctrl (⌘ on a Mac) + 1…6 for the screens in the sidebar's order,
// Ctrl+K for search, "?" for the list of them. One table, read by the key handler, the sidebar's
// tooltips and the "Keyboard shortcuts" dialog, so what a tooltip says is what the key does.
import type { Screen } from "../app.svelte";

export const SCREEN_KEYS: readonly { screen: Screen; label: string; key: string }[] = [
  { screen: "creators", label: "Creators", key: "1" },
  { screen: "campaigns", label: "Campaigns", key: "2" },
  { screen: "outreach", label: "Outreach", key: "3" },
  { screen: "pipeline", label: "Pipeline", key: "4" },
  { screen: "results", label: "Results", key: "5" },
  { screen: "settings", label: "Settings", key: "6" },
];

/** The part of a key event the shortcuts read. */
export type KeyPress = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey"> & {
  target: EventTarget | null;
};

/** "Ctrl+K", or "⌘K" on a Mac. */
export function shortcut(key: string): string {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** True while the seller types in a box, where "?" is a character, not a command. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** What a key press asks for: a screen, the search box, the shortcuts list, or nothing. */
export function shortcutFor(
  press: KeyPress,
): { kind: "screen"; screen: Screen } | { kind: "search" } | { kind: "help" } | null {
  const command = (press.ctrlKey || press.metaKey) && !press.altKey;
  if (command) {
    const screen = SCREEN_KEYS.find((s) => s.key === press.key)?.screen;
    if (screen) return { kind: "screen", screen };
    if (press.key.toLowerCase() === "k") return { kind: "search" };
    return null;
  }
  if (press.key === "?" && !press.ctrlKey && !press.metaKey && !press.altKey && !typing(press.target))
    return { kind: "help" };
  return null;
}
