import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/svelte";
import ShortcutsDialog from "./ShortcutsDialog.svelte";
import Sidebar from "./Sidebar.svelte";
import Modal from "../common/Modal.svelte";
import { keysOf, SHORTCUTS } from "../../lib/common/shortcuts";
import { createRawSnippet } from "svelte";

afterEach(cleanup);

const empty = createRawSnippet(() => ({ render: () => "<span></span>" }));

describe("shortcuts in the window", () => {
  it("lists every shortcut of the table, and the sidebar's tooltips name the same keys", () => {
    render(ShortcutsDialog, { onclose: () => {} });
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    const rows = within(dialog).getAllByRole("row");
    expect(rows.map((row) => row.textContent)).toEqual(SHORTCUTS.map((s) => `${keysOf(s.id)}${s.what}`));
    for (const text of [
      "Ctrl+1Go to Creators",
      "Ctrl+6Go to Settings",
      "Ctrl+7Go to Find on TikTok Shop",
      "Ctrl+KSearch creators",
      "Ctrl+OImport creators from a file",
      "Ctrl+ZUndo what the newest notice offers to undo",
      "/Search this screen's list",
      "EscClose a dialog or a drawer",
      "?Show this list",
    ])
      expect(dialog).toHaveTextContent(text);
    cleanup();
    render(Sidebar);
    expect(screen.getByRole("button", { name: "Pipeline" })).toHaveAttribute("title", "Pipeline (Ctrl+4)");
    expect(screen.getByRole("button", { name: "Settings" })).toHaveAttribute("title", "Settings (Ctrl+6)");
    expect(screen.getByRole("button", { name: "Find on TikTok Shop" })).toHaveAttribute(
      "title",
      "Find on TikTok Shop (Ctrl+7)",
    );
    expect(screen.getByRole("button", { name: /Search/ })).toHaveAttribute(
      "title",
      "Search creators (Ctrl+K)",
    );
  });

  it("a dialog's close button names Esc", () => {
    render(Modal, { title: "T", width: 300, onclose: () => {}, children: empty, footer: empty });
    expect(screen.getByRole("button", { name: "Close" })).toHaveAttribute("title", "Close (Esc)");
  });
});
