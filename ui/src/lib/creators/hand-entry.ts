// The "Add a creator" / "Edit" form: what the seller types, as text, ⇄ the `HandEntry` Rust checks.
// Numbers are read here only to say at once that "12k" is not a count; Rust checks everything else and
// names each problem's field.
import { majorInput, parseMajor } from "../common/amounts";
import { parseCount } from "./creators-view";
import type { CreatorDetail, HandEntry, Platform } from "../common/types";

export type HandForm = {
  platform: Platform;
  handle: string;
  displayName: string;
  followers: string;
  avgViews: string;
  engagementPercent: string;
  gmv: string;
  currency: string;
  country: string;
  categories: string;
  email: string;
  bio: string;
};

export function emptyHandForm(): HandForm {
  return {
    platform: "tiktok",
    handle: "",
    displayName: "",
    followers: "",
    avgViews: "",
    engagementPercent: "",
    gmv: "",
    currency: "USD",
    country: "",
    categories: "",
    email: "",
    bio: "",
  };
}

/** The form for editing a stored creator: what Scout has, as the seller would type it. */
export function handFormFrom(d: CreatorDetail): HandForm {
  const f = d.figures;
  return {
    platform: d.key.platform,
    handle: d.key.handle,
    displayName: d.profile.display_name ?? "",
    followers: f.followers === null ? "" : String(f.followers),
    avgViews: f.avg_views === null ? "" : String(f.avg_views),
    engagementPercent:
      f.engagement_rate === null || d.engagement_derived ? "" : String(f.engagement_rate / 100),
    gmv: f.gmv === null ? "" : majorInput(f.gmv.minor, f.gmv.currency),
    currency: f.gmv?.currency ?? "USD",
    country: d.profile.country ?? "",
    categories: d.profile.categories.join(", "),
    email: d.profile.email ?? "",
    bio: d.profile.bio ?? "",
  };
}

const blank = (s: string): string | null => (s.trim() === "" ? null : s.trim());

/** The entry to send, or the fields the form itself can already tell are wrong. */
export function toHandEntry(form: HandForm): { entry: HandEntry } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const count = (field: string, text: string): number | null => {
    const n = parseCount(text);
    if (n !== null && Number.isNaN(n)) problems[field] = `“${text}” is not a count: type 25000, 25k or 1.5M`;
    return n !== null && !Number.isNaN(n) ? n : null;
  };
  const followers = count("followers", form.followers);
  const avgViews = count("avg_views", form.avgViews);
  let engagement: number | null = null;
  if (form.engagementPercent.trim() !== "") {
    engagement = Number(form.engagementPercent.replace(/%\s*$/, ""));
    if (!Number.isFinite(engagement)) problems.engagement_percent = "type a percent, e.g. 4.5";
  }
  const gmvMinor = parseMajor(form.gmv, form.currency);
  if (gmvMinor !== null && Number.isNaN(gmvMinor))
    problems.gmv = `“${form.gmv}” is not an amount in ${form.currency}`;
  if (Object.keys(problems).length > 0) return { problems };
  return {
    entry: {
      platform: form.platform,
      handle: form.handle,
      display_name: blank(form.displayName),
      followers,
      avg_views: avgViews,
      engagement_percent: engagement,
      gmv: gmvMinor === null ? null : { minor: gmvMinor, currency: form.currency },
      country: blank(form.country),
      categories: form.categories
        .split(/[,;]/)
        .map((c) => c.trim())
        .filter((c) => c !== ""),
      email: blank(form.email),
      bio: blank(form.bio),
    },
  };
}
