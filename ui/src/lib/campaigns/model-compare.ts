// The model card's comparison: each metric of the default and the learned model on the same held-out
// outcomes, and which one wins it.
import type { Metrics } from "../common/types";

export type MetricRow = {
  key: "auc" | "ndcg_at_20" | "brier";
  label: string;
  /** What the metric says, for its tooltip. */
  about: string;
  better: "higher" | "lower";
  default: number | null;
  learned: number | null;
  winner: "default" | "learned" | "tie" | null;
};

const METRICS: Omit<MetricRow, "default" | "learned" | "winner">[] = [
  {
    key: "auc",
    label: "Finds who posts (AUC)",
    about: "How often a creator who posted is ranked above one who didn't (0.5 = chance, 1 = always)",
    better: "higher",
  },
  {
    key: "ndcg_at_20",
    label: "Puts the best sellers first (NDCG@20 on GMV)",
    about:
      "How much of the GMV the top 20 of each campaign would have found, against the best possible order",
    better: "higher",
  },
  {
    key: "brier",
    label: "Predicted chances come true (Brier score)",
    about: "How far the predicted chance of posting was from what happened (0 = perfect)",
    better: "lower",
  },
];

/** Differences smaller than this are a tie: the held-out sets are small. */
const TIE = 0.0005;

export function compareMetrics(defaults: Metrics, learned: Metrics): MetricRow[] {
  return METRICS.map((metric) => {
    const a = defaults[metric.key];
    const b = learned[metric.key];
    let winner: MetricRow["winner"] = null;
    if (a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b)) {
      const gain = metric.better === "higher" ? b - a : a - b;
      winner = Math.abs(gain) < TIE ? "tie" : gain > 0 ? "learned" : "default";
    }
    return { ...metric, default: a, learned: b, winner };
  });
}

/**
 * The comparison in one plain sentence, and which model it recommends: the trained one when it ranks the
 * seller's past collaborations better on both ranking tests (finding who posts, putting the best sellers
 * first) and worse on neither; the default when the default does at least as well on both; otherwise
 * keep the default until more outcomes come in.
 */
export function verdict(rows: readonly MetricRow[]): { text: string; use: "learned" | "default" | null } {
  const ranking = rows.filter((row) => row.key !== "brier");
  if (ranking.some((row) => row.winner === null))
    return { text: "Not enough held-out outcomes to compare the two yet.", use: null };
  const learnedWins = ranking.filter((row) => row.winner === "learned").length;
  const defaultWins = ranking.filter((row) => row.winner === "default").length;
  if (learnedWins > 0 && defaultWins === 0)
    return {
      text: "The trained model ranks your past collaborations better than the default: use it.",
      use: "learned",
    };
  if (learnedWins === 0)
    return {
      text: "The default model ranks your past collaborations as well or better: keep it.",
      use: "default",
    };
  return {
    text: "Mixed: each model is better at one test. Keep the default until more outcomes come in.",
    use: "default",
  };
}

/** A metric with three decimals; "—" when there was nothing to measure it on. */
export function formatMetric(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "—" : value.toFixed(3);
}
