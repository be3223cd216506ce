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
      error: { code: "reauthorize", message: "reconnect TikTok Shop in Settings: revoked" },
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
      error: { code: "network", message: "could not reach TikTok Shop: timed out" },
      onretry: () => {},
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Check your internet connection");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Open Settings" })).toBeNull();
  });

  it("sends a seller whose mail server refused the password to Settings and says when Scout tries again", async () => {
    const at = new Date();
    at.setHours(14, 5, 0, 0);
    render(ErrorNote, {
      what: "E-mail stopped",
      error: { code: "sign_in", message: "the mail server refused to sign in: 535" },
      retryAt: at.toISOString(),
    });
    expect(screen.getByRole("alert")).toHaveTextContent("enter it again in Settings → E-mail");
    expect(screen.getByRole("alert")).toHaveTextContent("Scout tries again at 14:05.");
    await fireEvent.click(screen.getByRole("button", { name: "Open Settings" }));
    expect(app.screen).toBe("settings");
  });

  it("tells a second Scout to wait for the first", () => {
    render(ErrorNote, {
      what: "Couldn't send",
      error: { code: "busy", message: "another Scout is delivering" },
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Wait until it has finished");
    expect(screen.queryByRole("button")).toBeNull();
  });
});
