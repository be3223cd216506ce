// The Find screen's filter form ⇄ `MarketplaceFilter`: what the seller types (text, ticked bands) read
// into the filter Rust sends to TikTok Shop, with a message beside each field that cannot be read. Every
// filter is one the platform's creator marketplace offers (the Rust `MarketplaceFilter`).
import { parseCount } from "../creators/creators-view";
import type {
  AgeRange,
  CategoryFilter,
  ContentPreference,
  Gender,
  GmvBand,
  MarketplaceFilter,
  PostRate,
  UnitsBand,
} from "../common/types";

export type FilterForm = {
  keyword: string;
  /** "601450", or "601450/601451,601452" for some of its children; several separated by spaces or ";". */
  categories: string;
  followersMin: string;
  followersMax: string;
  ages: AgeRange[];
  gender: Gender | "";
  /** Whole percent of followers of `gender`, at least. */
  genderShare: string;
  gmv: GmvBand[];
  units: UnitsBand[];
  minViews: string;
  /** Whole percent, 0–20. */
  minEngagement: string;
  maxCommission: "" | "5" | "10" | "15" | "20";
  postRate: PostRate | "";
  fastGrowing: boolean;
  notInvited: boolean;
  content: ContentPreference[];
  /** A sorter's id from the region's options; "" for TikTok Shop's own order. */
  sorter: string;
  /** The region's advanced filters chosen: option type → option ids. */
  options: Record<string, string[]>;
};

export type FilterField = keyof FilterForm;

export function emptyForm(): FilterForm {
  return {
    keyword: "",
    categories: "",
    followersMin: "",
    followersMax: "",
    ages: [],
    gender: "",
    genderShare: "",
    gmv: [],
    units: [],
    minViews: "",
    minEngagement: "",
    maxCommission: "",
    postRate: "",
    fastGrowing: false,
    notInvited: false,
    content: [],
    sorter: "",
    options: {},
  };
}

export const AGE_OPTIONS: { value: AgeRange; label: string }[] = [
  { value: "a18_to24", label: "18–24" },
  { value: "a25_to34", label: "25–34" },
  { value: "a35_to44", label: "35–44" },
  { value: "a45_to54", label: "45–54" },
  { value: "a55_plus", label: "55+" },
];

/** The bands are in the shop region's currency: the labels leave the symbol out. */
export const GMV_OPTIONS: { value: GmvBand; label: string }[] = [
  { value: "under100", label: "Under 100" },
  { value: "from100_to1k", label: "100–1K" },
  { value: "from1k_to10k", label: "1K–10K" },
  { value: "over10k", label: "10K+" },
];

export const UNITS_OPTIONS: { value: UnitsBand; label: string }[] = [
  { value: "under10", label: "Under 10" },
  { value: "from10_to100", label: "10–100" },
  { value: "from100_to1k", label: "100–1K" },
  { value: "over1k", label: "1K+" },
];

export const POST_RATE_OPTIONS: { value: PostRate; label: string }[] = [
  { value: "ok", label: "OK or better" },
  { value: "good", label: "Good or better" },
  { value: "better", label: "Better" },
];

export const CONTENT_OPTIONS: { value: ContentPreference; label: string }[] = [
  { value: "video", label: "Video" },
  { value: "live", label: "LIVE" },
];

/** A category of the shop's region as the options list it (`parent_id` null at the top level). */
export type CategoryOption = { id: string; parent_id: string | null; name: string };

/** Suggestions for the categories box: each top-level id, and "parent/child" for each child, named. */
export function categorySuggestions(categories: CategoryOption[]): { value: string; label: string }[] {
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return categories.map((c) =>
    c.parent_id === null
      ? { value: c.id, label: c.name }
      : { value: `${c.parent_id}/${c.id}`, label: `${names.get(c.parent_id) ?? c.parent_id} › ${c.name}` },
  );
}

/** The chosen categories by name ("Beauty & Personal Care › Skincare, Makeup"); ids the list lacks stay ids. */
export function describeCategories(text: string, categories: CategoryOption[]): string | null {
  const chosen = parseCategories(text);
  if (chosen === null || chosen.length === 0) return null;
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const name = (id: string) => names.get(id) ?? id;
  return chosen
    .map((c) =>
      c.children.length === 0 ? name(c.parent) : `${name(c.parent)} › ${c.children.map(name).join(", ")}`,
    )
    .join("; ");
}

/** Reads "601450 601152/601153,601154" into category filters; null when a part is not ids. */
export function parseCategories(text: string): CategoryFilter[] | null {
  const parts = text
    .split(/[\s;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const out: CategoryFilter[] = [];
  for (const part of parts) {
    const [parent, children = "", ...rest] = part.split("/");
    if (rest.length > 0 || parent === undefined || !/^\d+$/.test(parent)) return null;
    const kids = children === "" ? [] : children.split(",").map((c) => c.trim());
    if (kids.some((c) => !/^\d+$/.test(c))) return null;
    out.push({ parent, children: kids });
  }
  return out;
}

/** A whole number from `min` to `max` typed in a box: null when empty, NaN when it isn't one. */
function wholeIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim().replace(/%$/, "").trim();
  if (trimmed === "") return null;
  if (!/^\d+$/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : Number.NaN;
}

export type FilterReading = {
  /** The filter, when every field can be read. */
  filter: MarketplaceFilter | null;
  /** A message beside each field that cannot be read. */
  errors: Partial<Record<FilterField, string>>;
};

/** The form as a `MarketplaceFilter`, or what is wrong beside each field. */
export function toFilter(form: FilterForm): FilterReading {
  const errors: Partial<Record<FilterField, string>> = {};
  const categories = parseCategories(form.categories);
  if (categories === null)
    errors.categories = "Category ids are numbers: 601450, or 601450/601451,601452 for some of its children";
  const followersMin = parseCount(form.followersMin);
  const followersMax = parseCount(form.followersMax);
  if (followersMin !== null && Number.isNaN(followersMin))
    errors.followersMin = "A number of followers, like 50000 or 50K";
  if (followersMax !== null && Number.isNaN(followersMax))
    errors.followersMax = "A number of followers, like 1M";
  if (
    followersMin !== null &&
    followersMax !== null &&
    !Number.isNaN(followersMin) &&
    !Number.isNaN(followersMax) &&
    followersMax < followersMin
  )
    errors.followersMax = "At least the minimum";
  const share = wholeIn(form.genderShare, 1, 100);
  if (share !== null && Number.isNaN(share)) errors.genderShare = "A whole percent from 1 to 100";
  else if (share !== null && form.gender === "") errors.genderShare = "Choose women or men";
  const minViews = parseCount(form.minViews);
  if (minViews !== null && Number.isNaN(minViews)) errors.minViews = "A number of views, like 5000 or 5K";
  const engagement = wholeIn(form.minEngagement, 0, 20);
  if (engagement !== null && Number.isNaN(engagement))
    errors.minEngagement = "A whole percent from 0 to 20 (TikTok Shop's steps)";
  if (Object.keys(errors).length > 0) return { filter: null, errors };
  const keyword = form.keyword.trim();
  return {
    errors,
    filter: {
      keyword: keyword === "" ? null : keyword,
      categories: categories ?? [],
      followers_min: followersMin,
      followers_max: followersMax,
      follower_ages: [...form.ages],
      follower_gender: form.gender !== "" && share !== null ? [form.gender, share * 100] : null,
      gmv: [...form.gmv],
      units_sold: [...form.units],
      min_avg_video_views: minViews,
      min_engagement_percent: engagement,
      max_avg_commission_percent: form.maxCommission === "" ? null : Number(form.maxCommission),
      post_rate: form.postRate === "" ? null : form.postRate,
      fast_growing: form.fastGrowing,
      not_invited_90_days: form.notInvited,
      content: [...form.content],
      sorter: form.sorter === "" ? null : form.sorter,
      options: Object.entries(form.options)
        .filter(([, ids]) => ids.length > 0)
        .map(([option_type, ids]) => ({ option_type, ids: [...ids] })),
    },
  };
}

/** How many filters the form sets (for "Clear 3 filters"). */
export function filtersSet(form: FilterForm): number {
  const empty = emptyForm();
  return (Object.keys(empty) as FilterField[]).filter((key) => {
    if (key === "genderShare") return false; // counted with its gender
    if (key === "sorter") return false; // an order, not a filter
    if (key === "options") return Object.values(form.options).some((ids) => ids.length > 0);
    const value = form[key];
    return Array.isArray(value) ? value.length > 0 : value !== empty[key];
  }).length;
}
