import type { Coverage } from "./bindings/Coverage";
import { formatCountExact } from "./format";

function words(labels: string[]): string {
  const lower = labels.map((l) => l.toLowerCase());
  if (lower.length <= 1) return lower.join("");
  return `${lower.slice(0, -1).join(", ")} and ${lower[lower.length - 1]}`;
}

/** What the ranking could use, in plain words, or null when every factor has data for most creators:
 * the headline ("Ranked on engagement, views per follower and reach only"), what is missing, and the
 * per-factor counts ("Audience fit: 0 of 999"). */
export function describeCoverage(
  c: Coverage,
): { headline: string; missing: string; counts: string[]; nextStep: string | null } | null {
  if (c.thin.length === 0 || c.creators === 0) return null;
  const headline =
    c.rests_on.length > 0
      ? `Ranked on ${words(c.rests_on)} only`
      : "Ranked on almost nothing: most creators lack every factor";
  const missing = `No data for most creators on ${words(c.thin)}.`;
  const counts = c.factors
    .filter((f) => f.feature !== "freshness")
    .map((f) => `${f.label}: ${formatCountExact(f.known)} of ${formatCountExact(c.creators)}`);
  return { headline, missing, counts, nextStep: c.next_step };
}
