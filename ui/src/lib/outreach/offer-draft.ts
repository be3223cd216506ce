// The compose form's text fields turned into an `OfferDraft` for Rust, or the first field that is not
// a number yet. Rust checks the rules (1–80 %, dates); this only reads what was typed.
import { parseMajor, parsePercent } from "../common/amounts";
import type { ContentType, OfferChannel, OfferDraft, OfferTemplate } from "../common/types";

export interface ComposeForm {
  channel: OfferChannel;
  commission: string;
  freeSample: boolean;
  approvalExempt: boolean;
  flatFee: string;
  currency: string;
  contentType: ContentType;
  deadline: string;
  validDays: string;
  template: OfferTemplate;
}

export type DraftResult = { draft: OfferDraft } | { field: string; message: string };

export function buildDraft(
  form: ComposeForm,
  campaignId: number,
  creatorIds: number[],
  now: Date = new Date(),
): DraftResult {
  const commission = parsePercent(form.commission);
  if (commission === null || Number.isNaN(commission)) {
    return { field: "terms.commission", message: "Type the commission as a percentage, like 15." };
  }
  const fee = parseMajor(form.flatFee, form.currency);
  if (fee !== null && Number.isNaN(fee)) {
    return {
      field: "terms.flat_fee",
      message: `Type the flat fee as an amount in ${form.currency}, like 150.`,
    };
  }
  const days = Number(form.validDays);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    return { field: "terms.valid_until", message: "The offer stays open 1–90 days." };
  }
  const validUntil = new Date(now.getTime() + days * 86_400_000);
  return {
    draft: {
      campaign_id: campaignId,
      creator_ids: creatorIds,
      channel: form.channel,
      terms: {
        commission,
        free_sample: form.freeSample ? { approval_exempt: form.approvalExempt } : null,
        flat_fee: fee === null ? null : { minor: fee, currency: form.currency },
        content_type: form.contentType,
        deadline: form.deadline === "" ? null : form.deadline,
        valid_until: validUntil.toISOString(),
      },
      template: form.template,
    },
  };
}
