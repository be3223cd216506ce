import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CampaignEditor from "./CampaignEditor.svelte";
import { emptyDraft } from "../../lib/campaigns/campaign-draft";

afterEach(() => {
  cleanup();
  clearMocks();
});

function draft() {
  return {
    ...emptyDraft(),
    name: "Glow serum launch",
    productName: "Glow serum 30 ml",
    price: "24",
    unitCost: "6",
  };
}

describe("CampaignEditor", () => {
  it("shows Rust's refusal beside the field it names", async () => {
    const sent: unknown[] = [];
    mockIPC((command, payload) => {
      sent.push([command, payload]);
      throw {
        code: "invalid_input",
        message: "campaign field 'sample_budget' must not be negative, found -1",
        field: "sample_budget",
      };
    });
    const { container } = render(CampaignEditor, {
      draft: draft(),
      campaign: null,
      onsaved: () => {},
      oncancel: () => {},
    });
    await fireEvent.click(screen.getByTestId("campaign-save"));
    await waitFor(() => expect(sent).toHaveLength(1));
    const field = container.querySelector('[data-field="sample_budget"]');
    await waitFor(() => expect(field).toHaveTextContent("Must not be negative, found -1."));
  });

  it("doesn't send a campaign that breaks a rule, and says which field", async () => {
    let calls = 0;
    mockIPC(() => {
      calls += 1;
      return null;
    });
    const { container } = render(CampaignEditor, {
      draft: { ...draft(), name: "", commissionMax: "95" },
      campaign: null,
      onsaved: () => {},
      oncancel: () => {},
    });
    await fireEvent.click(screen.getByTestId("campaign-save"));
    expect(calls).toBe(0);
    expect(container.querySelector('[data-field="name"]')).toHaveTextContent("Enter a name.");
    expect(container.querySelector('[data-field="commission.max"]')).toHaveTextContent("1–80 %");
  });
});
