import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_VIEW, isMatchFiltered, moreFilterCount, parseNumber, toRankQuery } from "./match-view";

describe("the Matches view as a RankQuery", () => {
  it("asks for everything by score when nothing is set", () => {
    expect(toRankQuery(DEFAULT_MATCH_VIEW, 0, 100)).toEqual({
      filters: {
        categories: [],
        followers_min: null,
        followers_max: null,
        engagement_min_bp: null,
        gmv_min_usd: null,
        countries: [],
        audience_female_min_bp: null,
        audience_age_bands: [],
        audience_age_min_bp: null,
        has_contact: false,
        not_contacted_days: null,
        min_score: null,
        without_warnings: false,
      },
      sort: "score",
      ascending: false,
      offset: 0,
      limit: 100,
    });
    expect(isMatchFiltered(DEFAULT_MATCH_VIEW)).toBe(false);
  });

  it("carries percentages as basis points and caps a page at 500 rows", () => {
    const view = {
      ...DEFAULT_MATCH_VIEW,
      category: "Pet Supplies",
      country: "GB",
      engagementMinPercent: 3.5,
      femaleMinPercent: 60,
      ageBands: ["18-24" as const, "25-34" as const],
      ageMinPercent: 40,
      sort: "gmv" as const,
    };
    const query = toRankQuery(view, 1000, 2000);
    expect(query.filters).toMatchObject({
      categories: ["Pet Supplies"],
      countries: ["GB"],
      engagement_min_bp: 350,
      audience_female_min_bp: 6000,
      audience_age_bands: ["18-24", "25-34"],
      audience_age_min_bp: 4000,
    });
    expect(query).toMatchObject({ sort: "gmv", offset: 1000, limit: 500 });
    expect(isMatchFiltered(view)).toBe(true);
    expect(moreFilterCount(view)).toBe(2);
  });

  it("sends age bands only together with a minimum share", () => {
    const query = toRankQuery({ ...DEFAULT_MATCH_VIEW, ageBands: ["55+"] }, 0, 100);
    expect(query.filters.audience_age_bands).toEqual([]);
    expect(query.filters.audience_age_min_bp).toBeNull();
  });

  it("reads typed numbers within bounds", () => {
    expect(parseNumber("12.5 %", 0, 100)).toBe(12.5);
    expect(parseNumber("$1,000")).toBe(1000);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("150", 0, 100)).toBeNaN();
    expect(parseNumber("-1")).toBeNaN();
    expect(parseNumber("abc")).toBeNaN();
  });
});
