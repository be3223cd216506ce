// DEVELOPMENT ONLY — the campaign mock's matching models: a default model with synthetic weights, and
// "learned" ones that training adds (made-up evaluations) and adopting puts in use.
import type { LearnedModel, ModelCard, ModelFile } from "../common/types";

const DEFAULT_MODEL: ModelFile = {
  format: "scout-linear-model",
  format_version: 1,
  version: "default-3",
  kind: "default",
  created_on: "2026-11-24",
  description: "Mock default model (synthetic weights for the browser preview).",
  intercept: 0,
  features: (
    [
      ["audience_fit", 0.9, "Who watches is who buys: audience overlap carries the largest weight."],
      ["category_fit", 0.7, "Creators already posting in the category have an audience that expects it."],
      ["keyword_fit", 0.3, "Keywords refine the category match; bios are short and noisy."],
      ["engagement_vs_tier", 0.5, "Engagement is compared with the creator's own size tier."],
      ["reach", 0.25, "Bigger helps, with diminishing returns (log scale)."],
      ["gmv", 0.35, "A creator who has sold before knows how to sell."],
      ["sales_per_view", 0.25, "GMV per 1,000 views separates buyers from watchers."],
      ["past_results", 0.5, "A creator who posted for you before is likely to again."],
      ["price_fit", 0.3, "A creator used to more commission than offered is less likely to accept."],
      ["freshness", 0.1, "Recent figures count a little more."],
      ["view_rate", 0.3, "How much of the audience an average video reaches."],
      ["posting_record", 0.3, "How reliably the creator posts after a sample (TikTok Shop)."],
    ] as const
  ).map(([feature, weight, why]) => ({ feature, mean: 0.5, std: 0.25, weight, why })),
};

export function mockModels() {
  let learned: LearnedModel[] = [];
  let inUse: number | null = null;
  const now = () => new Date().toISOString();

  return {
    /** The version of the model in use, which every ranking and explanation names. */
    version: () => learned.find((m) => m.id === inUse)?.model.version ?? "default-3",

    card(): ModelCard {
      return {
        default_model: DEFAULT_MODEL,
        learned: learned.map((m) => ({ ...m, in_use: m.id === inUse })),
        in_use: inUse,
        outcomes: { total: 640, simulated: 640 },
        min_outcomes: 200,
      };
    },

    train(): LearnedModel {
      const model: LearnedModel = {
        id: learned.length + 1,
        model: {
          ...DEFAULT_MODEL,
          kind: "learned",
          version: `learned-mock-${learned.length + 1}`,
          description: "Mock learned model.",
        },
        evaluation: {
          train_examples: 512,
          test_examples: 128,
          train_from: "2026-03-01",
          test_from: "2026-09-15",
          test_to: "2026-11-20",
          learned: { auc: 0.71, ndcg_at_20: 0.62, brier: 0.19, examples: 128, positives: 41 },
          default: { auc: 0.66, ndcg_at_20: 0.64, brier: 0.21, examples: 128, positives: 41 },
          simulated: true,
        },
        trained_at: now(),
        in_use: false,
      };
      learned = [model, ...learned];
      return model;
    },

    /** `null` goes back to the default model. */
    adopt(id: number | null) {
      inUse = id;
    },
  };
}
