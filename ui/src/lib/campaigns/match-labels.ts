// Words for the match engine's codes: confidence bands, quality warnings and model features.
import type { ConfidenceBand, Feature, WarningKind } from "../common/types";

/** The model a ranking used, in words: the shipped default, or the one trained on the seller's outcomes
 * (its version stays in the tooltip). */
export function modelName(version: string): string {
  return version.startsWith("default-") ? "default model" : "your trained model";
}

export const CONFIDENCE_LABELS: Record<ConfidenceBand, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** Confidence 0–1 as a whole percentage: 0.823 → "82 %". */
export function confidencePercent(confidence: number): string {
  return `${Math.round(confidence * 100)}\u00a0%`;
}

export const WARNING_LABELS: Record<WarningKind, { short: string; long: string }> = {
  growth_spike: {
    short: "Spike",
    long: "Growth spike: followers jumped between two snapshots",
  },
  engagement_out_of_tier: {
    short: "Eng.",
    long: "Engagement far above or below what creators of this size usually get",
  },
  inactive: {
    short: "Stale",
    long: "Inactive: the newest figures are old; the account may no longer post",
  },
  bought_followers_pattern: {
    short: "Fake?",
    long: "Bought-followers pattern: follows very many accounts for its size, or videos reach few followers",
  },
};

/** The labels Rust's `Feature::label` gives (crates/scout-match/src/features.rs). */
export const FEATURE_LABELS: Record<Feature, string> = {
  audience_fit: "Audience fit",
  category_fit: "Category",
  keyword_fit: "Keywords",
  engagement_vs_tier: "Engagement for their size",
  reach: "Reach",
  gmv: "Sales track record",
  sales_per_view: "Sales per view",
  past_results: "Past results with you",
  price_fit: "Commission fit",
  freshness: "Data freshness",
  view_rate: "Views per follower",
  posting_record: "Posts after samples",
};

/** Score 0–100 with one decimal; "—" when unknown (a shortlisted creator no longer in the index). */
export function formatScore(score: number | null | undefined): string {
  return score == null || !Number.isFinite(score) ? "—" : score.toFixed(1);
}
