import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import EmptyCreators from "./EmptyCreators.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("EmptyCreators", () => {
  it("saves the import template where the seller picks, and says where", async () => {
    const saved: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "plugin:dialog|save") return "/home/seller/creators-template.csv";
      if (cmd === "save_import_template") {
        saved.push(args);
        return null;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(EmptyCreators);
    await fireEvent.click(screen.getByRole("button", { name: "Download the import template" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "Saved the template to /home/seller/creators-template.csv.",
    );
    expect(saved).toEqual([{ path: "/home/seller/creators-template.csv" }]);
  });
});
