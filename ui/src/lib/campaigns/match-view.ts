// What the Matches table shows (filters and sort), as the seller sets them, and how that becomes a
// `RankQuery` for Rust, which scores, filters, sorts and pages. Percentages are kept as typed (12.5 =
// 12.5 %); the query carries basis points.
import type { AgeBand, MatchSort, RankQuery } from "../common/types";

export type MatchView = {
  category: string | null;
  country: string | null;
  followersMin: number | null;
  followersMax: number | null;
  engagementMinPercent: number | null;
  gmvMinUsd: number | null;
  femaleMinPercent: number | null;
  ageBands: AgeBand[];
  ageMinPercent: number | null;
  hasContact: boolean;
  notContactedDays: number | null;
  withoutWarnings: boolean;
  minScore: number | null;
  sort: MatchSort;
  ascending: boolean;
};

export const MATCH_SORTS: readonly { sort: MatchSort; label: string }[] = [
  { sort: "score", label: "Score" },
  { sort: "confidence", label: "Confidence" },
  { sort: "followers", label: "Followers" },
  { sort: "engagement", label: "Engagement" },
  { sort: "gmv", label: "GMV" },
];

export const DEFAULT_MATCH_VIEW: MatchView = {
  category: null,
  country: null,
  followersMin: null,
  followersMax: null,
  engagementMinPercent: null,
  gmvMinUsd: null,
  femaleMinPercent: null,
  ageBands: [],
  ageMinPercent: null,
  hasContact: false,
  notContactedDays: null,
  withoutWarnings: false,
  minScore: null,
  sort: "score",
  ascending: false,
};

/** The filters behind "More filters", counted for its badge. */
export function moreFilterCount(view: MatchView): number {
  return [
    view.femaleMinPercent !== null,
    view.ageBands.length > 0 && view.ageMinPercent !== null,
    view.hasContact,
    view.notContactedDays !== null,
    view.withoutWarnings,
    view.minScore !== null,
  ].filter(Boolean).length;
}

export function isMatchFiltered(view: MatchView): boolean {
  return (
    view.category !== null ||
    view.country !== null ||
    view.followersMin !== null ||
    view.followersMax !== null ||
    view.engagementMinPercent !== null ||
    view.gmvMinUsd !== null ||
    view.ageBands.length > 0 ||
    moreFilterCount(view) > 0
  );
}

const bp = (percent: number | null) => (percent === null ? null : Math.round(percent * 100));

export function toRankQuery(view: MatchView, offset: number, limit: number): RankQuery {
  const ageActive = view.ageBands.length > 0 && view.ageMinPercent !== null;
  return {
    filters: {
      categories: view.category === null ? [] : [view.category],
      followers_min: view.followersMin,
      followers_max: view.followersMax,
      engagement_min_bp: bp(view.engagementMinPercent),
      gmv_min_usd: view.gmvMinUsd,
      countries: view.country === null ? [] : [view.country],
      audience_female_min_bp: bp(view.femaleMinPercent),
      audience_age_bands: ageActive ? [...view.ageBands] : [],
      audience_age_min_bp: ageActive ? bp(view.ageMinPercent) : null,
      has_contact: view.hasContact,
      not_contacted_days: view.notContactedDays,
      min_score: view.minScore,
      without_warnings: view.withoutWarnings,
    },
    sort: view.sort,
    ascending: view.ascending,
    offset,
    limit: Math.min(500, Math.max(1, limit)),
  };
}

/** "12.5" → 12.5 within `min`–`max`; "" → null; anything else NaN. */
export function parseNumber(input: string, min = 0, max = Number.POSITIVE_INFINITY): number | null {
  const text = input.trim().replace(/[,\s%$]/g, "");
  if (text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : Number.NaN;
}
