import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/svelte";
import ShortcutsDialog from "./ShortcutsDialog.svelte";
import Sidebar from "./Sidebar.svelte";

afterEach(cleanup);

describe("shortcuts in the window", () => {
  it("lists every shortcut, and the sidebar's tooltips name the same keys", () => {
    render(ShortcutsDialog, { onclose: () => {} });
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    for (const text of [
      "Ctrl+1Go to Creators",
      "Ctrl+6Go to Settings",
      "Ctrl+KSearch creators",
      "?Show this list",
    ])
      expect(dialog).toHaveTextContent(text);
    cleanup();
    render(Sidebar);
    expect(screen.getByRole("button", { name: "Pipeline" })).toHaveAttribute("title", "Pipeline (Ctrl+4)");
    expect(screen.getByRole("button", { name: "Settings" })).toHaveAttribute("title", "Settings (Ctrl+6)");
  });
});
