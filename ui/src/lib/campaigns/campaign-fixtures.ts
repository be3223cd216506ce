// TEST DATA: a saved campaign as Rust returns it, built from the editor's empty draft. Imported by tests only.
import { emptyDraft, previewSpec } from "./campaign-draft";
import type { Campaign } from "../common/types";

export function testCampaign(
  fields: {
    id: number;
    name?: string;
    simulated?: boolean;
    shortlisted?: number;
    archived_at?: string | null;
  } = { id: 1 },
): Campaign {
  const { spec } = previewSpec(emptyDraft());
  return {
    id: fields.id,
    spec: fields.name === undefined ? spec : { ...spec, name: fields.name },
    simulated: fields.simulated ?? false,
    created_at: "",
    updated_at: "",
    archived_at: fields.archived_at ?? null,
    shortlisted: fields.shortlisted ?? 0,
    outcomes: 0,
  };
}
