import { describe, expect, it } from "vitest";
import { buildDraft, type ComposeForm } from "./offer-draft";

const form: ComposeForm = {
  channel: "email",
  commission: "15",
  freeSample: true,
  approvalExempt: false,
  flatFee: "",
  currency: "USD",
  contentType: "video",
  deadline: "",
  validDays: "14",
  template: { subject: "Hi", body: "Hello {{ creator.handle }}" },
};

describe("buildDraft", () => {
  it("turns the form into terms in basis points and minor units", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const result = buildDraft({ ...form, flatFee: "150.50" }, 7, [1, 2], now);
    if (!("draft" in result)) throw new Error(result.message);
    expect(result.draft.terms.commission).toBe(1500);
    expect(result.draft.terms.free_sample).toEqual({ approval_exempt: false });
    expect(result.draft.terms.flat_fee).toEqual({ minor: 15050, currency: "USD" });
    expect(result.draft.terms.valid_until).toBe("2026-12-08T10:00:00.000Z");
    expect(result.draft.creator_ids).toEqual([1, 2]);
  });

  it("names the field that is not a number", () => {
    expect(buildDraft({ ...form, commission: "lots" }, 1, [1])).toMatchObject({ field: "terms.commission" });
    expect(buildDraft({ ...form, flatFee: "1.234" }, 1, [1])).toMatchObject({ field: "terms.flat_fee" });
    expect(buildDraft({ ...form, validDays: "0" }, 1, [1])).toMatchObject({ field: "terms.valid_until" });
  });

  it("leaves out a sample and fee that were not asked for", () => {
    const result = buildDraft({ ...form, freeSample: false }, 1, [1]);
    if (!("draft" in result)) throw new Error(result.message);
    expect(result.draft.terms.free_sample).toBeNull();
    expect(result.draft.terms.flat_fee).toBeNull();
  });
});
