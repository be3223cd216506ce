import type { Coverage } from "../bindings/Coverage";
import { formatCountExact } from "../common/format";

function words(labels: string[]): string {
  const lower = labels.map((l) => l.toLowerCase());
  if (lower.length <= 1) return lower.join("");
  return `${lower.slice(0, -1).join(", ")} and ${lower[lower.length - 1]}`;
}

/** What the ranking could use, in plain words, or null when every factor has data for most creators:
 * the headline ("Ranked on engagement, views per follower and reach only"), what is missing with its
 * counts ("No data for audience fit and category (0 of 999 creators each)"), every factor's count (for a
 * tooltip) and the next step. */
export function describeCoverage(
  c: Coverage,
): { headline: string; missing: string; counts: string[]; nextStep: string | null } | null {
  if (c.thin.length === 0 || c.creators === 0) return null;
  const headline =
    c.rests_on.length > 0
      ? `Ranked on ${words(c.rests_on)} only`
      : "Ranked on almost nothing: most creators lack every factor";
  const thin = c.factors.filter((f) => c.thin.includes(f.label));
  const of = `of ${formatCountExact(c.creators)} creators`;
  const same = thin.every((f) => f.known === thin[0]?.known);
  const known = same
    ? `${formatCountExact(thin[0]?.known ?? 0)} ${of}${thin.length > 1 ? " each" : ""}`
    : `${thin.map((f) => `${f.label.toLowerCase()} ${formatCountExact(f.known)}`).join(", ")} ${of}`;
  const missing = `No data for ${words(c.thin)} (${known}).`;
  const counts = c.factors
    .filter((f) => f.feature !== "freshness")
    .map((f) => `${f.label}: ${formatCountExact(f.known)} of ${formatCountExact(c.creators)}`);
  return { headline, missing, counts, nextStep: c.next_step };
}
