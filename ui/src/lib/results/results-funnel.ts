// The collaboration funnel (shortlisted → invited → replied → agreed → posted → sold) with each step's
// conversion from the step before, and the sample-to-post rate. Rates are basis points (3589 = 35.89 %),
// rounded half up, and have no value when the step before is 0 (nothing to convert from).
import { formatCountExact, formatRate } from "../common/format";
import type { Funnel } from "../common/types";

export interface FunnelStep {
  key: "shortlisted" | "invited" | "replied" | "agreed" | "posted" | "sold";
  label: string;
  count: number;
  /** Of the step before, in basis points; null for the first step or when the step before is 0. */
  fromPreviousBp: number | null;
  /** Of the first step (shortlisted), in basis points; null when nobody was shortlisted. */
  ofFirstBp: number | null;
  /** "23 replied ÷ 64 invited = 35.9 %". */
  formula: string;
}

const STEPS: { key: FunnelStep["key"]; label: string; verb: string }[] = [
  { key: "shortlisted", label: "Shortlisted", verb: "shortlisted" },
  { key: "invited", label: "Invited", verb: "invited" },
  { key: "replied", label: "Replied", verb: "replied" },
  { key: "agreed", label: "Agreed", verb: "agreed" },
  { key: "posted", label: "Posted", verb: "posted" },
  { key: "sold", label: "Sold", verb: "sold" },
];

/** part ÷ whole in basis points, or null when whole is 0. */
export function ratioBp(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000);
}

export function funnelSteps(funnel: Funnel): FunnelStep[] {
  const first = funnel.shortlisted;
  return STEPS.map((step, index) => {
    const count = funnel[step.key];
    const previous = index > 0 ? STEPS[index - 1] : undefined;
    const fromPreviousBp = previous ? ratioBp(count, funnel[previous.key]) : null;
    let formula: string;
    if (!previous) formula = `${formatCountExact(count)} collaborations were shortlisted`;
    else if (fromPreviousBp === null)
      formula = `${formatCountExact(count)} ${step.verb}; no conversion: none ${previous.verb}`;
    else
      formula =
        `${formatCountExact(count)} ${step.verb} ÷ ${formatCountExact(funnel[previous.key])} ` +
        `${previous.verb} = ${formatRate(fromPreviousBp)}`;
    return {
      key: step.key,
      label: step.label,
      count,
      fromPreviousBp,
      ofFirstBp: ratioBp(count, first),
      formula,
    };
  });
}

/** Of the collaborations shipped a sample, the share that posted. */
export function sampleToPost(funnel: Funnel): { rateBp: number | null; formula: string } {
  const rateBp = ratioBp(funnel.sampled_posted, funnel.sampled);
  const formula =
    rateBp === null
      ? "No samples shipped yet, so there is no sample-to-post rate"
      : `${formatCountExact(funnel.sampled_posted)} posted ÷ ${formatCountExact(funnel.sampled)} ` +
        `shipped a sample = ${formatRate(rateBp)}`;
  return { rateBp, formula };
}
