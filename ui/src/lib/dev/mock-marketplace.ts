// DEVELOPMENT ONLY — TikTok Shop's creator marketplace as the mock backend answers it: a seeded,
// made-up population ("synthetic" in every nickname), searched with the filter's keyword, categories and
// follower range, 20 a page, stopping at 400 rows like the real API; a "collect all" that reports
// progress and stops on cancel; a counted daily budget; enrichment with progress. With ?mockTiktok=1
// TikTok Shop is connected; otherwise every command is refused as Rust refuses it.
import type { Channel } from "@tauri-apps/api/core";
import { fail, sleep } from "./mock-common";
import { random } from "./synthetic";
import type {
  Collected,
  CollectProgress,
  EnrichProgress,
  EnrichReport,
  ImportReport,
  MarketplaceBudget,
  MarketplaceCreator,
  MarketplaceCursor,
  MarketplaceFilter,
  MarketplacePage,
} from "../common/types";

export const NOT_MARKETPLACE = Symbol("not a marketplace command");

const CEILING = 400;
const PAGE = 20;
const CATEGORIES = ["601450", "601152", "600001", "700645", "601739"];
/** The made-up region's categories, named as TikTok Shop names them, with one child each. */
const CATEGORY_OPTIONS = [
  { id: "601450", parent_id: null, name: "Beauty & Personal Care", is_leaf: false },
  { id: "601152", parent_id: null, name: "Womenswear & Underwear", is_leaf: false },
  { id: "600001", parent_id: null, name: "Home Supplies", is_leaf: false },
  { id: "700645", parent_id: null, name: "Health", is_leaf: false },
  { id: "601739", parent_id: null, name: "Phones & Electronics", is_leaf: false },
  { id: "601451", parent_id: "601450", name: "Skincare", is_leaf: true },
];
const WORDS = [
  "glow",
  "skin",
  "daily",
  "mia",
  "leo",
  "nova",
  "kitchen",
  "fit",
  "tech",
  "style",
  "home",
  "luxe",
];

function population(size: number): MarketplaceCreator[] {
  const rnd = random(2026);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: size }, (_, i) => {
    const followers = Math.round(10 ** (3 + rnd() * 3.7));
    const region = pick(["US", "US", "US", "GB", "ID"]);
    const currency = region === "US" ? "USD" : region === "GB" ? "GBP" : "IDR";
    const privateFigures = region === "US" && rnd() < 0.25;
    const gmvMajor = rnd() < 0.15 ? 0 : Math.round(10 ** (0.5 + rnd() * 4.8));
    const band = [0, 100, 1000, 10000].filter((lo) => gmvMajor >= lo).pop() ?? 0;
    const bandMax = band === 10000 ? null : band === 0 ? 100 : band * 10;
    return {
      open_id: `mk-${String(i).padStart(5, "0")}`,
      username: `${pick(WORDS)}.${pick(WORDS)}${i}`,
      nickname: `${pick(WORDS)} ${pick(WORDS)} (synthetic)`,
      avatar_url: null,
      region,
      category_ids: [pick(CATEGORIES)],
      followers,
      avg_video_views: Math.max(50, Math.round(followers * (0.02 + rnd() * 0.38))),
      avg_live_viewers: rnd() < 0.3 ? Math.round(rnd() * 400) : null,
      gmv: privateFigures
        ? {
            range: {
              min: { minor: band * 100, currency },
              max: bandMax === null ? null : { minor: bandMax * 100, currency },
            },
          }
        : { exact: { minor: gmvMajor * 100, currency } },
      video_gmv: null,
      live_gmv: null,
      units_sold: null,
      top_follower_ages: ["AGE_RANGE_18_24", "AGE_RANGE_25_34"],
      major_gender: ["FEMALE", 5000 + Math.round(rnd() * 4500)],
      pps_score: null,
      creator_level: 1 + Math.floor(rnd() * 6),
      fast_growing: rnd() < 0.1,
      rising_star: rnd() < 0.05,
      invited_in_90_days: rnd() < 0.08,
      has_collaborated: false,
      blocked: rnd() < 0.02,
      private: privateFigures,
    };
  });
}

function matches(c: MarketplaceCreator, f: MarketplaceFilter): boolean {
  const keyword = f.keyword?.toLowerCase();
  if (keyword && !c.username.includes(keyword) && !c.nickname?.toLowerCase().includes(keyword)) return false;
  if (f.categories.length > 0 && !f.categories.some((cat) => c.category_ids.includes(cat.parent)))
    return false;
  if (f.followers_min !== null && (c.followers ?? 0) < f.followers_min) return false;
  if (f.followers_max !== null && (c.followers ?? 0) > f.followers_max) return false;
  if (f.min_avg_video_views !== null && (c.avg_video_views ?? 0) < f.min_avg_video_views) return false;
  if (f.not_invited_90_days && c.invited_in_90_days) return false;
  if (f.fast_growing && !c.fast_growing) return false;
  return true;
}

/** The marketplace commands; `addCreators` puts creators in the mock workspace and says what it did. */
export function mockMarketplace(
  connected: boolean,
  addCreators: (creators: MarketplaceCreator[]) => ImportReport,
) {
  const people = population(1500);
  const budget: MarketplaceBudget = { day: new Date().toISOString().slice(0, 10), used: 60, left: 9940 };
  let cancelled = false;
  const spend = () => {
    if (budget.left === 0) fail("quota", "today's 10,000 marketplace searches are used up");
    budget.used += 1;
    budget.left -= 1;
  };

  return async (command: string, args: Record<string, unknown>): Promise<unknown> => {
    const marketplace = [
      "marketplace_budget",
      "search_marketplace",
      "collect_marketplace",
      "cancel_marketplace",
      "add_marketplace_creators",
      "enrich_creators",
      "marketplace_creator",
      "marketplace_options",
    ];
    if (!marketplace.includes(command)) return NOT_MARKETPLACE;
    if (!connected && command !== "marketplace_budget" && command !== "cancel_marketplace")
      fail("invalid_input", "TikTok Shop is not connected: connect it in Settings", "tiktok.connection");
    switch (command) {
      case "marketplace_budget":
        return { ...budget };
      case "marketplace_options":
        return {
          categories: CATEGORY_OPTIONS,
          sorters: [
            { id: "GMV_DESC", name: "GMV" },
            { id: "FOLLOWERS_DESC", name: "Followers" },
          ],
          advanced: [
            {
              option_type: "OPTION_CREATOR_TAG",
              label: "Creator tag",
              options: [{ id: "tag-1", name: "Rising star", children: [] }],
            },
          ],
        };
      case "search_marketplace": {
        const filter = args.filter as MarketplaceFilter;
        const cursor = args.cursor as MarketplaceCursor | null;
        spend();
        await sleep(250);
        const found = people.filter((c) => matches(c, filter)).slice(0, CEILING);
        const offset = cursor === null ? 0 : Number(cursor.page_token);
        const next = offset + PAGE;
        return {
          creators: found.slice(offset, next),
          unreadable: [],
          next: next < found.length ? { search_key: "mock-key", page_token: String(next) } : null,
        } satisfies MarketplacePage;
      }
      case "collect_marketplace": {
        cancelled = false;
        const filter = args.filter as MarketplaceFilter;
        const onProgress = args.onProgress as Channel<CollectProgress>;
        const all = people.filter((c) => matches(c, filter));
        const creators: MarketplaceCreator[] = [];
        let requests = 0;
        let stopped: string | null = null;
        const pages = Math.ceil(all.length / PAGE);
        for (let page = 0; page < pages; page += 1) {
          if (cancelled) {
            stopped = "cancelled";
            break;
          }
          spend();
          requests += 1;
          creators.push(...all.slice(page * PAGE, (page + 1) * PAGE));
          onProgress.onmessage({
            requests,
            queries_done: Math.floor(page / 20),
            queries_waiting: Math.max(1, Math.ceil((pages - page) / 20)),
            creators: creators.length,
          });
          await sleep(120);
        }
        return {
          creators,
          requests,
          splits: Math.floor(all.length / CEILING),
          unreadable: [],
          incomplete: [],
          stopped,
        } satisfies Collected;
      }
      case "cancel_marketplace":
        cancelled = true;
        return null;
      case "add_marketplace_creators":
        await sleep(200);
        return addCreators(args.creators as MarketplaceCreator[]);
      case "enrich_creators": {
        cancelled = false;
        const ids = (args.creatorIds as number[] | null) ?? [];
        const onProgress = args.onProgress as Channel<EnrichProgress>;
        const total = ids.length;
        let done = 0;
        for (; done < total; done += 1) {
          if (cancelled) break;
          await sleep(90);
          onProgress.onmessage({ done: done + 1, total });
        }
        const failed: [string, string][] = done > 3 ? [["mk-00003", "the creator's profile is private"]] : [];
        const fetched = done - failed.length;
        return {
          asked: total,
          skipped_fresh: 0,
          fetched,
          counts: { rows_total: fetched, created: 0, updated: fetched, unchanged: 0, merged: 0, rejected: 0 },
          imports: fetched > 0 ? [99] : [],
          failed,
          stopped: cancelled ? "cancelled" : null,
        } satisfies EnrichReport;
      }
      default:
        return fail("not_found", "the mock marketplace has no profile for this creator");
    }
  };
}
