import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import RecordForms from "./RecordForms.svelte";
import type { PipelineCard } from "../../lib/common/types";

const card: PipelineCard = {
  campaign_id: 3,
  campaign_name: "Launch",
  creator_id: 9,
  handle: "mia.carter",
  display_name: null,
  followers: 1000,
  stage: "replied",
  since: "2026-11-20T00:00:00Z",
  offer_state: "sent",
  agreed_commission: null,
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("RecordForms", () => {
  it("records agreed terms in basis points and shows a refusal beside its field", async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "record_agreement") throw new Error(`unexpected ${cmd}`);
      calls.push(args);
      throw { code: "invalid_input", message: "field 'deliverables' is empty", field: "terms.deliverables" };
    });
    render(RecordForms, { card, currency: "USD", agreement: null, onrecorded: () => {} });
    expect(screen.queryByText("Record their reply")).not.toBeInTheDocument();
    await fireEvent.input(screen.getByLabelText("Commission %"), { target: { value: "17.5" } });
    await fireEvent.input(screen.getByLabelText("Flat fee (USD)"), { target: { value: "150" } });
    await fireEvent.click(screen.getByRole("button", { name: "Record agreement" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      campaignId: 3,
      creatorId: 9,
      terms: { commission: 1750, flat_fee: { minor: 15000, currency: "USD" }, free_sample: false },
    });
    const field = document.querySelector("[data-field='terms.deliverables']");
    await waitFor(() => expect(field).toHaveTextContent("field 'deliverables' is empty"));
  });

  it("never drops a refusal about a field it does not show: it becomes a note", async () => {
    mockIPC(() => {
      throw { code: "invalid_input", message: "the campaign has ended", field: "campaign.status" };
    });
    render(RecordForms, { card, currency: "USD", agreement: null, onrecorded: () => {} });
    await fireEvent.input(screen.getByLabelText("Commission %"), { target: { value: "12" } });
    await fireEvent.click(screen.getByRole("button", { name: "Record agreement" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't record it. the campaign has ended");
  });

  it("refuses a commission that is not a number before calling Rust", async () => {
    let called = false;
    mockIPC(() => {
      called = true;
    });
    render(RecordForms, { card, currency: "USD", agreement: null, onrecorded: () => {} });
    await fireEvent.input(screen.getByLabelText("Commission %"), { target: { value: "lots" } });
    await fireEvent.click(screen.getByRole("button", { name: "Record agreement" }));
    const field = document.querySelector("[data-field='terms.commission']");
    await waitFor(() => expect(field).toHaveTextContent("Type a percentage"));
    expect(called).toBe(false);
  });

  it("offers the next step for the stage only", () => {
    mockIPC(() => {});
    render(RecordForms, {
      card: { ...card, stage: "invited" },
      currency: "USD",
      agreement: null,
      onrecorded: () => {},
    });
    expect(screen.getByText("Record their reply")).toBeInTheDocument();
    expect(screen.queryByText("Sample shipped")).not.toBeInTheDocument();
  });
});
