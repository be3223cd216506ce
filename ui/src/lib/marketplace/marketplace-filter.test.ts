import { describe, expect, it } from "vitest";
import {
  categorySuggestions,
  describeCategories,
  emptyForm,
  filtersSet,
  parseCategories,
  toFilter,
} from "./marketplace-filter";

describe("the Find filter form", () => {
  it("reads every filter the platform offers into a MarketplaceFilter", () => {
    const reading = toFilter({
      ...emptyForm(),
      keyword: "  glow ",
      categories: "601450/601451,601452; 601152",
      followersMin: "50K",
      followersMax: "1,000,000",
      ages: ["a18_to24", "a25_to34"],
      gender: "female",
      genderShare: "60",
      gmv: ["from1k_to10k"],
      units: ["over1k"],
      minViews: "5k",
      minEngagement: "3",
      maxCommission: "15",
      postRate: "good",
      fastGrowing: true,
      notInvited: true,
      content: ["video"],
    });
    expect(reading.errors).toEqual({});
    expect(reading.filter).toEqual({
      keyword: "glow",
      categories: [
        { parent: "601450", children: ["601451", "601452"] },
        { parent: "601152", children: [] },
      ],
      followers_min: 50_000,
      followers_max: 1_000_000,
      follower_ages: ["a18_to24", "a25_to34"],
      follower_gender: ["female", 6000],
      gmv: ["from1k_to10k"],
      units_sold: ["over1k"],
      min_avg_video_views: 5000,
      min_engagement_percent: 3,
      max_avg_commission_percent: 15,
      post_rate: "good",
      fast_growing: true,
      not_invited_90_days: true,
      content: ["video"],
      sorter: null,
      options: [],
    });
  });

  it("an empty form filters nothing", () => {
    const { filter } = toFilter(emptyForm());
    expect(filter).toMatchObject({
      keyword: null,
      categories: [],
      followers_min: null,
      follower_gender: null,
    });
    expect(filtersSet(emptyForm())).toBe(0);
  });

  it("says beside each field what it cannot read, and sends nothing", () => {
    const reading = toFilter({
      ...emptyForm(),
      categories: "beauty",
      followersMin: "lots",
      followersMax: "",
      genderShare: "60",
      minViews: "-5",
      minEngagement: "25",
    });
    expect(reading.filter).toBeNull();
    expect(reading.errors).toEqual({
      categories: expect.stringContaining("601450/601451,601452"),
      followersMin: "A number of followers, like 50000 or 50K",
      genderShare: "Choose women or men",
      minViews: "A number of views, like 5000 or 5K",
      minEngagement: "A whole percent from 0 to 20 (TikTok Shop's steps)",
    });
  });

  it("refuses a follower range that ends before it starts, and a share outside 1–100", () => {
    const reading = toFilter({
      ...emptyForm(),
      followersMin: "100K",
      followersMax: "10K",
      gender: "male",
      genderShare: "0",
    });
    expect(reading.errors).toEqual({
      followersMax: "At least the minimum",
      genderShare: "A whole percent from 1 to 100",
    });
  });

  it("reads category ids with their children", () => {
    expect(parseCategories("")).toEqual([]);
    expect(parseCategories("601450/")).toEqual([{ parent: "601450", children: [] }]);
    expect(parseCategories("601450/60145x")).toBeNull();
    expect(parseCategories("601450/1/2")).toBeNull();
  });

  it("counts the filters set, a gender share with its gender", () => {
    expect(
      filtersSet({
        ...emptyForm(),
        gender: "female",
        genderShare: "60",
        fastGrowing: true,
        gmv: ["over10k"],
      }),
    ).toBe(3);
  });
});

describe("the region's categories and sorters", () => {
  const categories = [
    { id: "601450", parent_id: null, name: "Beauty & Personal Care" },
    { id: "601451", parent_id: "601450", name: "Skincare" },
    { id: "601452", parent_id: "601450", name: "Makeup" },
  ];

  it("suggests each category by name, a child as parent/child", () => {
    expect(categorySuggestions(categories)).toEqual([
      { value: "601450", label: "Beauty & Personal Care" },
      { value: "601450/601451", label: "Beauty & Personal Care › Skincare" },
      { value: "601450/601452", label: "Beauty & Personal Care › Makeup" },
    ]);
  });

  it("reads the chosen ids back as names, an unknown id as itself", () => {
    expect(describeCategories("601450/601451,601452; 999", categories)).toBe(
      "Beauty & Personal Care › Skincare, Makeup; 999",
    );
    expect(describeCategories("", categories)).toBeNull();
    expect(describeCategories("beauty", categories)).toBeNull();
  });

  it("sends the chosen order, and an order is not counted as a filter", () => {
    const form = { ...emptyForm(), sorter: "GMV_DESC" };
    expect(toFilter(form).filter?.sorter).toBe("GMV_DESC");
    expect(toFilter(emptyForm()).filter?.sorter).toBeNull();
    expect(filtersSet(form)).toBe(0);
  });

  it("sends the region's chosen options, each type once, and counts them as one filter", () => {
    const form = { ...emptyForm(), options: { OPTION_CREATOR_TAG: ["tag-1"], OPTION_VERTICAL_PRO: [] } };
    expect(toFilter(form).filter?.options).toEqual([{ option_type: "OPTION_CREATOR_TAG", ids: ["tag-1"] }]);
    expect(filtersSet(form)).toBe(1);
    expect(filtersSet({ ...emptyForm(), options: { OPTION_VERTICAL_PRO: [] } })).toBe(0);
  });
});
