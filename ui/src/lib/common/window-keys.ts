// The window's key handler (App.svelte listens with it): what `shortcutFor` reads from the one table
// in shortcuts.ts, done. Kept apart from App so the keys can be tested without the whole window.
import { app } from "../app.svelte";
import { shortcutFor } from "./shortcuts";
import { toasts } from "./toasts.svelte";

export function onWindowKey(event: KeyboardEvent, showShortcuts: () => void): void {
  const wanted = shortcutFor(event);
  if (wanted === null) return;
  if (wanted.kind === "undo" && toasts.newestUndoable() === null) return; // nothing to undo: the key is the page's
  event.preventDefault();
  // An import runs in its own dialog until it ends; another open dialog keeps the keys for itself.
  const busy = app.importPath !== null || document.querySelector("dialog[open]") !== null;
  if (busy) return;
  if (wanted.kind === "screen") app.screen = wanted.screen;
  else if (wanted.kind === "search") app.focusSearch();
  else if (wanted.kind === "find") findOnScreen();
  else if (wanted.kind === "import") void app.startImport();
  else if (wanted.kind === "undo") {
    const newest = toasts.newestUndoable();
    if (newest) void toasts.undo(newest.id);
  } else showShortcuts();
}

/** "/": the search box of the screen in view, or the creators' search when it has none. */
function findOnScreen() {
  const box = document.querySelector<HTMLInputElement>("main input[type=search]");
  if (box) {
    box.focus();
    box.select();
  } else app.focusSearch();
}
