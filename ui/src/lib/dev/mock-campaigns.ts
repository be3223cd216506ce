// DEVELOPMENT ONLY — the campaign, match and model commands for the in-browser mock backend: campaigns
// and their shortlists, the ranking (mock-scoring.ts: a made-up formula, not Scout's model, so every
// number it shows is synthetic), audience comparisons (mock-audiences.ts) and models (mock-models.ts).
import type { Command } from "../bindings/commands";
import { lookalikesOf, overlapOf } from "./mock-audiences";
import { fail } from "./mock-common";
import { compareGmv, currencyPlaces } from "./mock-creators";
import { mockModels } from "./mock-models";
import { explain, factors, jitter, scoreOf, warningsOf } from "./mock-scoring";
import type { SyntheticCreator } from "./synthetic";
import type { Campaign, CampaignSpec, MatchRow, RankQuery, ShortlistEntry } from "../common/types";

function validate(spec: CampaignSpec) {
  if (spec.name.trim() === "") fail("invalid_input", "campaign field 'name' is empty", "name");
  if (spec.product.name.trim() === "")
    fail("invalid_input", "campaign field 'product.name' is empty", "product.name");
  if (spec.product.price.minor <= 0) {
    fail(
      "invalid_input",
      `campaign field 'product.price' must be above zero, found ${spec.product.price.minor}`,
      "product.price",
    );
  }
  if (spec.commission.max > 8000 || spec.commission.max < 100) {
    fail(
      "invalid_input",
      "campaign field 'commission.max' is outside 1–80 %, the range TikTok Shop allows",
      "commission.max",
    );
  }
  const age = spec.audience.age.reduce((sum, a) => sum + a.share, 0);
  if (spec.audience.age.length > 0 && Math.abs(age - 10000) > 100) {
    fail(
      "invalid_input",
      `campaign field 'audience.age' shares add up to ${(age / 100).toFixed(2)} %, not 100 %`,
      "audience.age",
    );
  }
}

export function mockCampaigns(getCreators: () => SyntheticCreator[], seedCampaigns: number) {
  let campaigns: Campaign[] = [];
  const shortlists = new Map<number, ShortlistEntry[]>();
  const models = mockModels();

  const now = () => new Date().toISOString();

  function campaign(id: number): Campaign {
    return campaigns.find((c) => c.id === id) ?? fail("not_found", `campaign ${id} does not exist`);
  }

  function rank(spec: CampaignSpec, query: RankQuery, shortlisted: Set<number>) {
    const started = performance.now();
    const f = query.filters;
    const rows: MatchRow[] = [];
    for (const creator of getCreators()) {
      const row = creator.row;
      if (f.followers_min !== null && (row.followers ?? -1) < f.followers_min) continue;
      if (f.followers_max !== null && (row.followers === null || row.followers > f.followers_max)) continue;
      if (f.countries.length > 0 && !f.countries.includes(row.country ?? "")) continue;
      if (f.without_warnings && warningsOf(row.id).length > 0) continue;
      if (f.has_contact && !creator.detail.profile.email) continue;
      const score = scoreOf(factors(creator, spec));
      if (f.min_score !== null && score < f.min_score) continue;
      const confidence = 0.35 + jitter(row.id, 9) * 0.6;
      rows.push({
        creator: row,
        score,
        confidence,
        confidence_band: confidence >= 0.75 ? "high" : confidence >= 0.5 ? "medium" : "low",
        warnings: warningsOf(row.id),
        shortlisted: shortlisted.has(row.id),
      });
    }
    const key = (r: MatchRow) =>
      ({
        score: r.score,
        confidence: r.confidence,
        followers: r.creator.followers ?? -1,
        engagement: r.creator.engagement_rate ?? -1,
        gmv: r.creator.gmv?.minor ?? -1,
      })[query.sort];
    const places = currencyPlaces(rows.map((r) => r.creator.gmv));
    rows.sort(
      (a, b) =>
        (query.sort === "gmv"
          ? compareGmv(places, a.creator.gmv, b.creator.gmv, query.ascending)
          : query.ascending
            ? key(a) - key(b)
            : key(b) - key(a)) || a.creator.id - b.creator.id,
    );
    return {
      total: rows.length,
      scored: getCreators().length,
      offset: query.offset,
      rows: rows.slice(query.offset, query.offset + query.limit),
      model_version: models.version(),
      took_ms: performance.now() - started,
      // The mock's creators carry every figure: nothing for the ranking to say it lacks.
      coverage: { creators: getCreators().length, factors: [], rests_on: [], thin: [], next_step: null },
    };
  }

  for (let i = 0; i < seedCampaigns; i += 1) {
    const names = [
      "Glow serum launch",
      "Protein bar — spring push",
      "سيروم الترطيب — الخليج ✨ very long campaign name that should truncate",
    ];
    campaigns.push({
      id: i + 1,
      spec: {
        name: names[i % names.length] ?? `Campaign ${i + 1}`,
        product: {
          name: ["Glow serum 30 ml", "Crunchy protein bar 12-pack", "Hydra serum 50 ml"][i % 3] ?? "Product",
          category: ["Beauty & Personal Care", "Health & Supplements", null][i % 3] ?? null,
          price: { minor: 2400 + i * 500, currency: "USD" },
          unit_cost: { minor: 600, currency: "USD" },
        },
        audience: {
          age:
            i % 2 === 0
              ? [
                  { band: "18-24", share: 5000 },
                  { band: "25-34", share: 5000 },
                ]
              : [],
          gender: i % 2 === 0 ? { female: 7000, male: 3000, other: 0 } : null,
          countries: [{ country: "US", share: 10000 }],
          keywords: ["skincare", "serum"],
        },
        commission: { min: 1500, max: 2000 },
        sample_budget: { minor: 50_000, currency: "USD" },
        flat_fee_budget: { minor: 0, currency: "USD" },
        roi_target_percent: 150,
      },
      simulated: i === 1,
      created_at: now(),
      updated_at: now(),
      archived_at: null,
      shortlisted: 0,
      outcomes: 0,
    });
  }

  function withCount(c: Campaign): Campaign {
    return { ...c, shortlisted: shortlists.get(c.id)?.length ?? 0 };
  }

  return (command: string, args: Record<string, unknown>): unknown => {
    const id = Number(args.campaignId ?? args.id);
    /** Puts a creator on this campaign's shortlist; false when already there. */
    const add = (creatorId: number): boolean => {
      const list = shortlists.get(id) ?? [];
      shortlists.set(id, list);
      if (list.some((e) => e.creator_id === creatorId)) return false;
      list.push({
        campaign_id: id,
        creator_id: creatorId,
        note: "",
        tags: [],
        added_at: now(),
        stage: "shortlisted",
      });
      return true;
    };
    // Only names the shell registers (or its plugins') type-check as cases.
    switch (command as Command | `plugin:${string}`) {
      case "list_campaigns":
        return campaigns.map(withCount);
      case "get_campaign":
        return withCount(campaign(id));
      case "create_campaign": {
        const spec = args.spec as CampaignSpec;
        validate(spec);
        const created: Campaign = {
          id: campaigns.length + 1,
          spec,
          simulated: false,
          created_at: now(),
          updated_at: now(),
          archived_at: null,
          shortlisted: 0,
          outcomes: 0,
        };
        campaigns = [created, ...campaigns];
        return created;
      }
      case "archive_campaign": {
        const changed = { ...campaign(id), archived_at: args.archived ? now() : null };
        campaigns = campaigns.map((c) => (c.id === id ? changed : c));
        return withCount(changed);
      }
      case "duplicate_campaign": {
        const original = campaign(id);
        const taken = new Set(campaigns.map((c) => c.spec.name));
        let name = `${original.spec.name} (copy)`;
        for (let n = 2; taken.has(name); n += 1) name = `${original.spec.name} (copy ${n})`;
        const copy: Campaign = {
          ...original,
          id: Math.max(...campaigns.map((c) => c.id)) + 1,
          spec: { ...original.spec, name },
          simulated: false,
          archived_at: null,
          created_at: now(),
          updated_at: now(),
          shortlisted: 0,
          outcomes: 0,
        };
        campaigns = [copy, ...campaigns];
        return copy;
      }
      case "campaign_footprint": {
        const count = shortlists.get(campaign(id).id)?.length ?? 0;
        return {
          shortlisted: count,
          offers: 0,
          timeline_events: count,
          records: 0,
          outcomes: 0,
          attributed_order_lines: 0,
        };
      }
      case "delete_campaign":
        campaign(id);
        campaigns = campaigns.filter((c) => c.id !== id);
        shortlists.delete(id);
        return null;
      case "update_campaign": {
        const spec = args.spec as CampaignSpec;
        validate(spec);
        const updated = { ...campaign(id), spec, updated_at: now() };
        campaigns = [updated, ...campaigns.filter((c) => c.id !== id)];
        return withCount(updated);
      }
      case "rank_matches":
        return rank(
          campaign(id).spec,
          args.query as RankQuery,
          new Set((shortlists.get(id) ?? []).map((e) => e.creator_id)),
        );
      case "preview_matches":
        validate(args.spec as CampaignSpec);
        return rank(args.spec as CampaignSpec, args.query as RankQuery, new Set());
      case "explain_match":
      case "explain_preview": {
        const creator =
          getCreators().find((c) => c.row.id === args.creatorId) ?? fail("not_found", "no such creator");
        const spec = command === "explain_preview" ? (args.spec as CampaignSpec) : campaign(id).spec;
        if (command === "explain_preview") validate(spec);
        return explain(creator, spec, models.version());
      }
      case "shortlist_overlap": {
        campaign(id);
        const ids = (shortlists.get(id) ?? []).map((e) => e.creator_id);
        return overlapOf(getCreators().filter((c) => ids.includes(c.row.id)));
      }
      case "lookalikes": {
        const limit = Number(args.limit);
        if (!(limit >= 1 && limit <= 100)) fail("invalid_input", "limit must be 1–100", "limit");
        return lookalikesOf(getCreators(), Number(args.creatorId), limit);
      }
      case "get_shortlist":
        return (shortlists.get(id) ?? []).flatMap((entry) => {
          const creator = getCreators().find((c) => c.row.id === entry.creator_id);
          return creator
            ? [{ entry, creator: creator.row, score: scoreOf(factors(creator, campaign(id).spec)) }]
            : [];
        });
      case "shortlist_add":
        add(Number(args.creatorId));
        return null;
      case "shortlist_top": {
        const n = Number(args.n);
        if (!(Number.isInteger(n) && n >= 1 && n <= 200))
          fail("invalid_input", `${n} is outside 1–200: shortlist at most 200 at once`, "top");
        const on = new Set((shortlists.get(id) ?? []).map((e) => e.creator_id));
        const page = rank(campaign(id).spec, { ...(args.query as RankQuery), offset: 0, limit: n }, on);
        return page.rows.filter((row) => !row.shortlisted && add(row.creator.id)).length;
      }
      case "shortlist_remove":
        shortlists.set(
          id,
          (shortlists.get(id) ?? []).filter((e) => e.creator_id !== Number(args.creatorId)),
        );
        return null;
      case "shortlist_restore": {
        const entry = args.entry as ShortlistEntry;
        const list = shortlists.get(entry.campaign_id) ?? [];
        if (list.some((e) => e.creator_id === entry.creator_id))
          fail("invalid_input", "cannot undo: the creator is on the shortlist again already");
        shortlists.set(entry.campaign_id, [...list, entry]);
        return null;
      }
      case "annotate_shortlisted": {
        const entry =
          (shortlists.get(id) ?? []).find((e) => e.creator_id === Number(args.creatorId)) ??
          fail("not_found", "not shortlisted");
        entry.note = String(args.note);
        entry.tags = args.tags as string[];
        return null;
      }
      case "model_card":
        return models.card();
      case "train_model":
        return models.train();
      case "adopt_model":
        models.adopt(args.id === null ? null : Number(args.id));
        return null;
      default:
        return undefined;
    }
  };
}
