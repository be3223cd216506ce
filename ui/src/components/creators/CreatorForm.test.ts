import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CreatorForm from "./CreatorForm.svelte";
import { emptyHandForm } from "../../lib/creators/hand-entry";

afterEach(() => {
  cleanup();
  clearMocks();
});

function problems(list: { field: string; message: string }[]) {
  return {
    code: "invalid_input",
    message: list.map((p) => p.message).join("; "),
    field: list[0]!.field,
    problems: list,
  };
}

describe("CreatorForm", () => {
  it("shows every problem Rust names beside its box, and a number it can read at once", async () => {
    mockIPC((cmd) => {
      if (cmd === "save_creator_by_hand")
        throw problems([
          { field: "handle", message: "handle is empty" },
          { field: "country", message: "'Spain' is not a two-letter country code" },
        ]);
      throw new Error(cmd);
    });
    render(CreatorForm, { onclose: () => {}, onsaved: () => {} });
    await fireEvent.input(screen.getByLabelText("Followers"), { target: { value: "lots" } });
    await fireEvent.click(screen.getByRole("button", { name: "Add creator" }));
    expect(screen.getByText(/“lots” is not a count/)).toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText("Followers"), { target: { value: "12k" } });
    await fireEvent.click(screen.getByRole("button", { name: "Add creator" }));
    expect(await screen.findByText("handle is empty")).toBeInTheDocument();
    expect(screen.getByText("'Spain' is not a two-letter country code")).toBeInTheDocument();
  });

  it("edits a creator with its platform and handle fixed, and says whether it was new", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      sent.push(args);
      return { created: 0, updated: 1 };
    });
    const onsaved = vi.fn();
    render(CreatorForm, {
      initial: { ...emptyHandForm(), handle: "mia.glow", followers: "12000" },
      onclose: () => {},
      onsaved,
    });
    expect(screen.getByLabelText("Handle (required)")).toHaveAttribute("readonly");
    await fireEvent.input(screen.getByLabelText("Average views"), { target: { value: "3k" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledWith("mia.glow", false));
    expect(sent[0]).toEqual({
      entry: expect.objectContaining({ handle: "mia.glow", followers: 12000, avg_views: 3000 }),
    });
  });
});
