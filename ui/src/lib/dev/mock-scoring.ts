// DEVELOPMENT ONLY — the campaign mock's made-up scoring: factor points from age overlap, category and a
// seeded jitter (so the screens move when the editor changes), the score, warnings and an explanation.
// It is not Scout's model; every number it gives is synthetic.
import { FEATURE_LABELS } from "../campaigns/match-labels";
import type { SyntheticCreator } from "./synthetic";
import type { CampaignSpec, Explanation, FactorContribution, Feature, WarningKind } from "../common/types";

/** A number in [0, 1) fixed by the creator and the salt. */
export function jitter(id: number, salt: number): number {
  const x = Math.sin(id * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** The made-up factor points of one creator for one spec; they add up to score − baseline. */
export function factors(creator: SyntheticCreator, spec: CampaignSpec): FactorContribution[] {
  const audience = creator.detail.audience;
  const asOf = creator.row.updated_at.slice(0, 10);
  const ageOverlap =
    spec.audience.age.length === 0 || !audience
      ? null
      : spec.audience.age.reduce(
          (sum, want) =>
            sum + Math.min(want.share, audience.age.find((a) => a.band === want.band)?.share ?? 0),
          0,
        ) / 10000;
  const category = spec.product.category;
  const inCategory =
    category !== null && creator.row.categories.some((c) => category.startsWith(c.split(" ")[0] ?? ""));
  const make = (
    feature: Feature,
    points: number,
    status: FactorContribution["status"],
    evidence: string,
  ) => ({
    feature,
    label: FEATURE_LABELS[feature],
    points,
    status,
    value: status === "known" ? points : null,
    evidence,
    as_of: status === "known" && feature !== "past_results" ? asOf : null,
    source: status === "known" && feature !== "past_results" ? "creators-demo.csv" : null,
  });
  const id = creator.row.id;
  const list: FactorContribution[] = [
    ageOverlap === null
      ? make(
          "audience_fit",
          0,
          spec.audience.age.length === 0 ? "not_targeted" : "missing",
          spec.audience.age.length === 0
            ? "The campaign sets no audience target."
            : "No audience data for this creator.",
        )
      : make(
          "audience_fit",
          (ageOverlap - 0.55) * 40,
          "known",
          `${Math.round(ageOverlap * 100)} % of the followers are in the wanted age mix (mock).`,
        ),
    category === null
      ? make("category_fit", 0, "not_targeted", "The campaign names no category.")
      : make(
          "category_fit",
          inCategory ? 9 : -3,
          "known",
          inCategory ? `Posts in ${category} (mock).` : "Posts in unrelated categories (mock).",
        ),
    make(
      "engagement_vs_tier",
      (jitter(id, 1) - 0.5) * 10,
      "known",
      "Engagement compared with creators of the same size (mock).",
    ),
    make("reach", (jitter(id, 2) - 0.4) * 6, "known", `${creator.row.followers ?? 0} followers (mock).`),
    creator.row.gmv === null
      ? make("gmv", 0, "missing", "No GMV on record.")
      : make("gmv", (jitter(id, 3) - 0.3) * 8, "known", "Has sold before (mock figure)."),
    make("past_results", 0, "missing", "Never invited by you."),
    make("freshness", (jitter(id, 4) - 0.6) * 2, "known", "Figures from the last import (mock)."),
    make("view_rate", (jitter(id, 5) - 0.5) * 4, "known", "Views compared with followers (mock)."),
  ];
  return list.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

const BASELINE = 50;

export function scoreOf(list: FactorContribution[]): number {
  return Math.min(99.5, Math.max(0.5, BASELINE + list.reduce((sum, f) => sum + f.points, 0)));
}

export function warningsOf(id: number): WarningKind[] {
  const kinds: WarningKind[] = [];
  if (id % 17 === 3) kinds.push("growth_spike");
  if (id % 13 === 5) kinds.push("engagement_out_of_tier");
  if (id % 29 === 7) kinds.push("inactive");
  if (id % 31 === 11) kinds.push("bought_followers_pattern");
  return kinds;
}

export function explain(creator: SyntheticCreator, spec: CampaignSpec, modelVersion: string): Explanation {
  const list = factors(creator, spec);
  const confidence = 0.35 + jitter(creator.row.id, 9) * 0.6;
  return {
    creator_id: creator.row.id,
    score: scoreOf(list),
    baseline: BASELINE,
    confidence,
    confidence_band: confidence >= 0.75 ? "high" : confidence >= 0.5 ? "medium" : "low",
    confidence_notes: list.filter((f) => f.status === "missing").map((f) => `${f.label}: no data`),
    model_version: modelVersion,
    factors: list,
    warnings: warningsOf(creator.row.id).map((kind) => ({
      kind,
      message: `Mock warning: ${kind.replace(/_/g, " ")}.`,
    })),
    data_as_of: creator.row.updated_at.slice(0, 10),
    data_age_days: Math.round((Date.now() - Date.parse(creator.row.updated_at)) / 86_400_000),
  };
}
