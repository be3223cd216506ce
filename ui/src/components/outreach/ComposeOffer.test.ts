import "@testing-library/jest-dom/vitest";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import ComposeOffer from "./ComposeOffer.svelte";
import { testCampaign } from "../../lib/campaigns/campaign-fixtures";
import { emptyDraft, previewSpec } from "../../lib/campaigns/campaign-draft";
import type { CreatorRow, OfferDraft, OfferPreview } from "../../lib/common/types";
import { placeCaret } from "../../lib/outreach/template-dom";

const HOSTILE = "<img src=x onerror=alert(1)>";

function creator(id: number, handle: string): CreatorRow {
  return {
    id,
    platform: "tiktok",
    handle,
    display_name: null,
    followers: 1000,
    avg_views: null,
    engagement_rate: null,
    gmv: null,
    categories: [],
    country: "US",
    updated_at: "2026-11-20T00:00:00Z",
    as_of: "2026-11-18",
    tags: [],
    hidden: false,
  };
}

const ann = creator(1, "ann");
const bob = creator(2, "bob");
const creators = [ann, bob];

/** Answers the compose dialog's commands; `previews` for the batch, else each creator's message rendered
 * here ("Hi @ann"); every draft previewed goes to `drafts`. */
function backend(previews: OfferPreview[], queued: unknown[], drafts: OfferDraft[] = []) {
  const { spec } = previewSpec(emptyDraft());
  spec.commission.min = 1200;
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "get_campaign":
        return { ...testCampaign({ id: 5, shortlisted: 2 }), spec };
      case "default_offer_template":
        return { subject: "Offer for {{ creator.handle }}", body: "Hi {{ creator.handle }}" };
      case "check_offer_channel":
        return null;
      case "preview_offers": {
        const draft = (args as { draft: OfferDraft }).draft;
        drafts.push(draft);
        if (previews.length > 0 && draft.creator_ids.length > 1) return previews;
        return creators
          .filter((c) => draft.creator_ids.includes(c.id))
          .map((c) => ({
            creator: c,
            recipient: null,
            message: {
              status: "ready",
              detail: {
                subject: draft.template.subject.replaceAll("{{ creator.handle }}", `@${c.handle}`),
                body: draft.template.body.replaceAll("{{ creator.handle }}", `@${c.handle}`),
              },
            },
          }));
      }
      case "queue_offers":
        queued.push(args);
        return [11, 12];
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("ComposeOffer", () => {
  it("will not send while any creator's message is blocked, and shows why", async () => {
    const queued: unknown[] = [];
    backend(
      [
        {
          creator: ann,
          recipient: "ann@x.example",
          message: { status: "ready", detail: { subject: "S", body: HOSTILE } },
        },
        {
          creator: bob,
          recipient: null,
          message: { status: "blocked", detail: "@bob has no e-mail address" },
        },
      ],
      queued,
    );
    render(ComposeOffer, { campaignId: 5, creators, onclose: () => {}, onqueued: () => {} });
    await waitFor(() => expect(screen.getByLabelText("Commission %")).toHaveValue("12"));
    await fireEvent.click(screen.getByRole("button", { name: "Preview every message" }));
    expect(await screen.findByText("@bob has no e-mail address")).toBeInTheDocument();
    expect(screen.getByText(HOSTILE)).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByRole("button", { name: /^Send/ })).toBeDisabled();
    expect(queued).toHaveLength(0);
  });

  it("shows a refusal for a setting it does not show, with the way to fix it", async () => {
    const { spec } = previewSpec(emptyDraft());
    mockIPC((cmd) => {
      if (cmd === "get_campaign") return { ...testCampaign({ id: 5, shortlisted: 2 }), spec };
      if (cmd === "default_offer_template") return { subject: "S", body: "Hi {{ seller.name }}" };
      if (cmd === "check_offer_channel") return null;
      if (cmd === "preview_offers")
        throw {
          code: "invalid_input",
          message: "set your shop's name first (Settings)",
          field: "seller.name",
        };
      throw new Error(`unexpected ${cmd}`);
    });
    render(ComposeOffer, { campaignId: 5, creators, onclose: () => {}, onqueued: () => {} });
    await waitFor(() => expect(screen.getByLabelText("Subject")).toHaveTextContent("S"));
    await fireEvent.click(screen.getByRole("button", { name: "Preview every message" }));
    const note = await screen.findByRole("alert");
    expect(note).toHaveTextContent("set your shop's name first");
    expect(screen.getByRole("button", { name: "Set the shop's name in Settings" })).toBeInTheDocument();
  });

  it("says before queueing that e-mail is not set up, with the way there, and offers no Send", async () => {
    const { spec } = previewSpec(emptyDraft());
    const checked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_campaign") return { ...testCampaign({ id: 5, shortlisted: 2 }), spec };
      if (cmd === "default_offer_template") return { subject: "S", body: "B" };
      if (cmd === "check_offer_channel") {
        checked.push((args as { channel: string }).channel);
        if ((args as { channel: string }).channel === "email")
          throw {
            code: "invalid_input",
            message: "no e-mail account is set up (Settings → E-mail)",
            field: "email.account",
            problems: [
              { field: "email.account", message: "no e-mail account is set up (Settings → E-mail)" },
            ],
          };
        return null;
      }
      if (cmd === "preview_offers")
        return creators.map((c) => ({
          creator: c,
          recipient: `${c.handle}@x.example`,
          message: { status: "ready", detail: { subject: "S", body: "B" } },
        }));
      throw new Error(`unexpected ${cmd}`);
    });
    render(ComposeOffer, { campaignId: 5, creators, onclose: () => {}, onqueued: () => {} });
    const note = await screen.findByRole("alert");
    expect(note).toHaveTextContent("Offers by e-mail can't go out yet. no e-mail account is set up");
    expect(screen.getByRole("button", { name: "Set up e-mail in Settings" })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Preview every message" }));
    const send = await screen.findByRole("button", { name: "Send 2 offers" });
    expect(send).toBeDisabled();
    expect(send).toHaveAttribute("title", expect.stringContaining("no e-mail account is set up"));

    await fireEvent.change(screen.getByLabelText("Send by"), { target: { value: "manual" } });
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    expect(checked).toEqual(["email", "manual"]);
  });

  it("puts a merge field, as a chip named in words, where the cursor was; the template stays minijinja", async () => {
    const drafts: OfferDraft[] = [];
    backend([], [], drafts);
    render(ComposeOffer, { campaignId: 5, creators, onclose: () => {}, onqueued: () => {} });
    const body = await screen.findByRole("textbox", { name: "Message" });
    await waitFor(() => expect(body).toHaveTextContent("Hi Creator's handle"));
    expect(body).not.toHaveTextContent("{{");
    body.focus();
    placeCaret(body, 2);
    await fireEvent.click(screen.getByRole("button", { name: "Your shop" }));
    expect(body.textContent).toBe("HiYour shop Creator's handle");
    const subject = screen.getByRole("textbox", { name: "Subject" });
    subject.focus();
    placeCaret(subject, "Offer for {{ creator.handle }}".length);
    await fireEvent.click(screen.getByRole("button", { name: "Product" }));
    expect(subject.textContent).toBe("Offer for Creator's handleProduct");

    // Backspace takes the chip before the caret away whole.
    await fireEvent.keyDown(subject, { key: "Backspace" });
    expect(subject.textContent).toBe("Offer for Creator's handle");
    // Pasted text comes in plain, on one line in the subject; a pasted token becomes a chip.
    await fireEvent.paste(subject, {
      clipboardData: {
        getData: (type: string) => (type === "text/plain" ? "\r\n— {{ product.name }}" : ""),
      },
    });
    expect(subject.textContent).toBe("Offer for Creator's handle — Product");

    await fireEvent.click(screen.getByRole("button", { name: "Preview every message" }));
    await waitFor(() => expect(drafts.some((d) => d.creator_ids.length === 2)).toBe(true));
    expect(drafts.find((d) => d.creator_ids.length === 2)?.template).toEqual({
      subject: "Offer for {{ creator.handle }} — {{ product.name }}",
      body: "Hi{{ seller.name }} {{ creator.handle }}",
    });
  });

  it("shows beside the editor the message as the chosen creator will receive it, as the seller types", async () => {
    const drafts: OfferDraft[] = [];
    backend([], [], drafts);
    render(ComposeOffer, { campaignId: 5, creators, onclose: () => {}, onqueued: () => {} });
    const live = await screen.findByTestId("live-preview", {}, { timeout: 2000 });
    expect(live).toHaveTextContent("Hi @ann");
    expect(drafts.at(-1)).toMatchObject({ creator_ids: [1], channel: "manual" });

    await fireEvent.change(screen.getByLabelText("As"), { target: { value: "2" } });
    await waitFor(() => expect(screen.getByTestId("live-preview")).toHaveTextContent("Hi @bob"));
    expect(drafts.at(-1)).toMatchObject({ creator_ids: [2] });

    await fireEvent.input(screen.getByLabelText("Commission %"), { target: { value: "lots" } });
    await waitFor(() =>
      expect(screen.getByTestId("live-preview")).toHaveTextContent("Type the commission as a percentage"),
    );
  });

  it("queues the previewed batch with the terms as typed", async () => {
    const queued: unknown[] = [];
    const ready = (c: CreatorRow): OfferPreview => ({
      creator: c,
      recipient: `${c.handle}@x.example`,
      message: { status: "ready", detail: { subject: "S", body: "B" } },
    });
    backend(creators.map(ready), queued);
    let count = 0;
    render(ComposeOffer, {
      campaignId: 5,
      creators,
      onclose: () => {},
      onqueued: (n: number) => (count = n),
    });
    await waitFor(() => expect(screen.getByLabelText("Commission %")).toHaveValue("12"));
    await fireEvent.input(screen.getByLabelText("Commission %"), { target: { value: "18" } });
    await fireEvent.click(screen.getByRole("button", { name: "Preview every message" }));
    await fireEvent.click(await screen.findByRole("button", { name: "Send 2 offers" }));
    await waitFor(() => expect(count).toBe(2));
    expect(queued[0]).toMatchObject({
      draft: { campaign_id: 5, creator_ids: [1, 2], channel: "email", terms: { commission: 1800 } },
    });
  });
});
