import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import PlatformChoice from "./PlatformChoice.svelte";

afterEach(cleanup);

describe("PlatformChoice", () => {
  it("shows what the file says and lets the seller change it", async () => {
    const onchange = vi.fn();
    render(PlatformChoice, {
      hint: { platform: "instagram", evidence: ["the header 'Instagram name' (instagram)"], conflict: false },
      value: "instagram",
      onchange,
    });
    expect(screen.getByTestId("import-platform")).toHaveTextContent("From the header 'Instagram name'");
    const select = screen.getByRole("combobox") as HTMLSelectElement;
    expect(select.value).toBe("instagram");
    await fireEvent.change(select, { target: { value: "youtube" } });
    expect(onchange).toHaveBeenCalledWith("youtube");
  });

  it("chooses nothing when the file names two platforms", () => {
    render(PlatformChoice, {
      hint: {
        platform: null,
        evidence: ["the header 'Instagram name' (instagram)", "the file name 'tiktok.csv' (tiktok)"],
        conflict: true,
      },
      value: null,
      onchange: () => {},
    });
    expect(screen.getByText(/names more than one platform/)).toBeInTheDocument();
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("");
    expect(screen.getByRole("combobox")).toHaveAttribute("aria-invalid", "true");
  });
});
