import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import ErrorNote from "./ErrorNote.svelte";
import { app } from "../../lib/app.svelte";

afterEach(() => {
  cleanup();
  app.screen = "creators";
});

describe("ErrorNote", () => {
  it("gives each kind of failure its own advice and action, from the code alone", async () => {
    const onretry = vi.fn();
    render(ErrorNote, {
      what: "Couldn't sync orders",
      error: { code: "reauthorize", message: "reconnect TikTok Shop in Settings: revoked", field: null },
      onretry,
    });
    expect(screen.getByRole("alert")).toHaveTextContent("reconnect it in Settings");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Open Settings" }));
    expect(app.screen).toBe("settings");
  });

  it("offers to try again when waiting helps, and says the network is the problem", () => {
    render(ErrorNote, {
      what: "Couldn't sync orders",
      error: { code: "network", message: "could not reach TikTok Shop: timed out", field: null },
      onretry: () => {},
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Check your internet connection");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Open Settings" })).toBeNull();
  });
});
