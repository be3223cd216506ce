import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import Toasts from "./Toasts.svelte";
import { TOAST_MS, toasts } from "../../lib/common/toasts.svelte";
import { IpcFailure } from "../../lib/common/ipc";
import { onWindowKey } from "../../lib/common/window-keys";

afterEach(() => {
  cleanup();
  for (const t of toasts.items) toasts.dismiss(t.id);
  vi.useRealTimers();
});

describe("Toasts", () => {
  it("undoes with the button, and says why when the undo is refused", async () => {
    render(Toasts);
    const undo = vi.fn().mockResolvedValue(undefined);
    toasts.show("Removed @mia from the shortlist", undo);
    await fireEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.queryByTestId("toast")).not.toBeInTheDocument());
    expect(undo).toHaveBeenCalledOnce();

    toasts.show("Moved @leo to Declined", () =>
      Promise.reject(new IpcFailure("invalid_input", "cannot undo: something else was recorded", null, [])),
    );
    await fireEvent.click(await screen.findByRole("button", { name: "Undo" }));
    expect(
      await screen.findByText(/Can't undo: cannot undo: something else was recorded/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });

  it("undoes the newest with Ctrl+Z (the window's shortcut), but not while the seller types in a box", async () => {
    render(Toasts);
    const keys = (event: KeyboardEvent) => onWindowKey(event, () => {});
    window.addEventListener("keydown", keys);
    const first = vi.fn().mockResolvedValue(undefined);
    const second = vi.fn().mockResolvedValue(undefined);
    toasts.show("first", first);
    toasts.show("second", second);
    const box = document.createElement("input");
    document.body.append(box);
    await fireEvent.keyDown(box, { key: "z", ctrlKey: true });
    expect(second).not.toHaveBeenCalled();
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(second).toHaveBeenCalledOnce());
    expect(first).not.toHaveBeenCalled();
    box.remove();
    window.removeEventListener("keydown", keys);
  });

  it("goes by itself after a while, unless the pointer rests on it", async () => {
    vi.useFakeTimers();
    render(Toasts);
    toasts.show("Archived “Lip oil”");
    const toast = await screen.findByTestId("toast");
    await fireEvent.pointerEnter(toast);
    vi.advanceTimersByTime(TOAST_MS * 2);
    expect(toasts.items).toHaveLength(1);
    await fireEvent.pointerLeave(toast);
    vi.advanceTimersByTime(TOAST_MS + 1);
    expect(toasts.items).toHaveLength(0);
  });
});
