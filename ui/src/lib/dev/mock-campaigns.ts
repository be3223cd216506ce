// DEVELOPMENT ONLY — the campaign, match and model commands for the in-browser mock backend. The
// "ranking" here is a made-up formula (age overlap, category, a seeded jitter) so the screens move when
// the editor changes; it is not Scout's model, and every number it shows is synthetic.
import type { Command } from "../bindings/commands";
import type { SyntheticCreator } from "./synthetic";
import { FEATURE_LABELS } from "../campaigns/match-labels";
import type {
  AudienceOverlap,
  Campaign,
  CampaignSpec,
  Explanation,
  FactorContribution,
  Feature,
  IpcError,
  LearnedModel,
  LookalikeCreator,
  MatchRow,
  ModelCard,
  ModelFile,
  RankQuery,
  ShortlistEntry,
  WarningKind,
} from "../common/types";

function fail(code: IpcError["code"], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies IpcError;
}

const DEFAULT_MODEL: ModelFile = {
  format: "scout-linear-model",
  format_version: 1,
  version: "default-2",
  kind: "default",
  created_on: "2026-11-24",
  description: "Mock default model (synthetic weights for the browser preview).",
  intercept: 0,
  features: (
    [
      ["audience_fit", 0.9, "Who watches is who buys: audience overlap carries the largest weight."],
      ["category_fit", 0.7, "Creators already posting in the category have an audience that expects it."],
      ["keyword_fit", 0.3, "Keywords refine the category match; bios are short and noisy."],
      ["engagement_vs_tier", 0.5, "Engagement is compared with the creator's own size tier."],
      ["reach", 0.25, "Bigger helps, with diminishing returns (log scale)."],
      ["gmv", 0.35, "A creator who has sold before knows how to sell."],
      ["sales_per_view", 0.25, "GMV per 1,000 views separates buyers from watchers."],
      ["past_results", 0.5, "A creator who posted for you before is likely to again."],
      ["price_fit", 0.3, "A creator used to more commission than offered is less likely to accept."],
      ["freshness", 0.1, "Recent figures count a little more."],
      ["view_rate", 0.3, "How much of the audience an average video reaches."],
    ] as const
  ).map(([feature, weight, why]) => ({ feature, mean: 0.5, std: 0.25, weight, why })),
};

const LABELS = FEATURE_LABELS;

function jitter(id: number, salt: number): number {
  const x = Math.sin(id * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

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

/** The made-up factor points of one creator for one spec; they add up to score − baseline. */
function factors(creator: SyntheticCreator, spec: CampaignSpec): FactorContribution[] {
  const audience = creator.detail.audience;
  const asOf = creator.row.updated_at.slice(0, 10);
  const ageOverlap =
    spec.audience.age.length === 0 || !audience
      ? null
      : spec.audience.age.reduce(
          (sum, want) =>
            sum + Math.min(want.share, audience.age.find((a) => a.band === want.band)?.share ?? 0),
          0,
        ) / 10000;
  const category = spec.product.category;
  const inCategory =
    category !== null && creator.row.categories.some((c) => category.startsWith(c.split(" ")[0] ?? ""));
  const make = (
    feature: Feature,
    points: number,
    status: FactorContribution["status"],
    evidence: string,
  ) => ({
    feature,
    label: LABELS[feature],
    points,
    status,
    value: status === "known" ? points : null,
    evidence,
    as_of: status === "known" && feature !== "past_results" ? asOf : null,
    source: status === "known" && feature !== "past_results" ? "creators-demo.csv" : null,
  });
  const id = creator.row.id;
  const list: FactorContribution[] = [
    ageOverlap === null
      ? make(
          "audience_fit",
          0,
          spec.audience.age.length === 0 ? "not_targeted" : "missing",
          spec.audience.age.length === 0
            ? "The campaign sets no audience target."
            : "No audience data for this creator.",
        )
      : make(
          "audience_fit",
          (ageOverlap - 0.55) * 40,
          "known",
          `${Math.round(ageOverlap * 100)} % of the followers are in the wanted age mix (mock).`,
        ),
    category === null
      ? make("category_fit", 0, "not_targeted", "The campaign names no category.")
      : make(
          "category_fit",
          inCategory ? 9 : -3,
          "known",
          inCategory ? `Posts in ${category} (mock).` : "Posts in unrelated categories (mock).",
        ),
    make(
      "engagement_vs_tier",
      (jitter(id, 1) - 0.5) * 10,
      "known",
      "Engagement compared with creators of the same size (mock).",
    ),
    make("reach", (jitter(id, 2) - 0.4) * 6, "known", `${creator.row.followers ?? 0} followers (mock).`),
    creator.row.gmv === null
      ? make("gmv", 0, "missing", "No GMV on record.")
      : make("gmv", (jitter(id, 3) - 0.3) * 8, "known", "Has sold before (mock figure)."),
    make("past_results", 0, "missing", "Never invited by you."),
    make("freshness", (jitter(id, 4) - 0.6) * 2, "known", "Figures from the last import (mock)."),
    make("view_rate", (jitter(id, 5) - 0.5) * 4, "known", "Views compared with followers (mock)."),
  ];
  return list.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

const BASELINE = 50;

function scoreOf(list: FactorContribution[]): number {
  return Math.min(99.5, Math.max(0.5, BASELINE + list.reduce((sum, f) => sum + f.points, 0)));
}

function warningsOf(id: number): WarningKind[] {
  const kinds: WarningKind[] = [];
  if (id % 17 === 3) kinds.push("growth_spike");
  if (id % 13 === 5) kinds.push("engagement_out_of_tier");
  if (id % 29 === 7) kinds.push("inactive");
  if (id % 31 === 11) kinds.push("bought_followers_pattern");
  return kinds;
}

function explain(creator: SyntheticCreator, spec: CampaignSpec, modelVersion: string): Explanation {
  const list = factors(creator, spec);
  const confidence = 0.35 + jitter(creator.row.id, 9) * 0.6;
  return {
    creator_id: creator.row.id,
    score: scoreOf(list),
    baseline: BASELINE,
    confidence,
    confidence_band: confidence >= 0.75 ? "high" : confidence >= 0.5 ? "medium" : "low",
    confidence_notes: list.filter((f) => f.status === "missing").map((f) => `${f.label}: no data`),
    model_version: modelVersion,
    factors: list,
    warnings: warningsOf(creator.row.id).map((kind) => ({
      kind,
      message: `Mock warning: ${kind.replace(/_/g, " ")}.`,
    })),
    data_as_of: creator.row.updated_at.slice(0, 10),
    data_age_days: Math.round((Date.now() - Date.parse(creator.row.updated_at)) / 86_400_000),
  };
}

/** A made-up audience-profile similarity (shared age, gender and country shares), null without data. */
function audienceAlike(a: SyntheticCreator, b: SyntheticCreator): number | null {
  const x = a.detail.audience;
  const y = b.detail.audience;
  if (!x || !y) return null;
  const age = x.age.reduce(
    (sum, s) => sum + Math.min(s.share, y.age.find((t) => t.band === s.band)?.share ?? 0),
    0,
  );
  const gender =
    x.gender && y.gender
      ? Math.min(x.gender.female, y.gender.female) +
        Math.min(x.gender.male, y.gender.male) +
        Math.min(x.gender.other, y.gender.other)
      : age;
  const country = x.countries.reduce(
    (sum, s) => sum + Math.min(s.share, y.countries.find((t) => t.country === s.country)?.share ?? 0),
    0,
  );
  return (0.4 * age + 0.3 * gender + 0.3 * country) / 10000;
}

function lookalikesOf(all: SyntheticCreator[], id: number, limit: number): LookalikeCreator[] {
  const self = all.find((c) => c.row.id === id) ?? fail("not_found", `creator ${id} does not exist`);
  const size = (c: SyntheticCreator) => Math.log10(c.row.followers ?? 1);
  return all
    .filter((c) => c.row.id !== id)
    .map((other) => {
      const shared = other.row.categories.filter((c) => self.row.categories.includes(c));
      const audience = audienceAlike(self, other);
      const closeSize = Math.abs(size(self) - size(other)) < 0.5;
      const similarity =
        0.4 * (audience ?? 0) +
        (shared.length > 0 ? 0.3 : 0) +
        (closeSize ? 0.15 : 0) +
        (self.row.country === other.row.country ? 0.05 : 0) +
        jitter(other.row.id, id) * 0.1;
      const reasons = [
        ...(shared.length > 0 ? [`Both post in ${shared.join(", ")} (mock)`] : []),
        ...(audience !== null ? [`Audience profiles ${Math.round(audience * 100)} % alike (mock)`] : []),
        ...(self.row.country && self.row.country === other.row.country
          ? [`Both based in ${self.row.country}`]
          : []),
        ...(closeSize ? ["Similar size (mock)"] : []),
      ];
      return { creator: other.row, similarity: Math.min(1, similarity), reasons };
    })
    .sort((a, b) => b.similarity - a.similarity || a.creator.id - b.creator.id)
    .slice(0, limit);
}

const ALIKE = 0.8;

function overlapOf(shortlisted: SyntheticCreator[]): AudienceOverlap {
  const pairs: AudienceOverlap["pairs"] = [];
  const duplicated = new Set<number>();
  shortlisted.forEach((a, i) => {
    for (const b of shortlisted.slice(i + 1)) {
      const similarity = audienceAlike(a, b);
      if (similarity !== null && similarity >= ALIKE) {
        duplicated.add((a.row.followers ?? 0) <= (b.row.followers ?? 0) ? a.row.id : b.row.id);
      }
      pairs.push({ a: a.row.id, b: b.row.id, similarity, alike: similarity !== null && similarity >= ALIKE });
    }
  });
  pairs.sort((x, y) => (y.similarity ?? -1) - (x.similarity ?? -1));
  const followers = (c: SyntheticCreator) => c.row.followers ?? 0;
  return {
    pairs,
    followers_total: shortlisted.reduce((sum, c) => sum + followers(c), 0),
    followers_possibly_duplicated: shortlisted
      .filter((c) => duplicated.has(c.row.id))
      .reduce((sum, c) => sum + followers(c), 0),
    without_audience_data: shortlisted.filter((c) => c.detail.audience === null).length,
    alike_from: ALIKE,
    note:
      "MOCK: measured between synthetic audience profiles (age, gender, countries), not follower lists: " +
      "'possibly duplicated' counts the followers of each creator whose profile is at least 80 % like a " +
      "larger shortlisted creator's — an upper bound, not a count of shared followers.",
  };
}

export function mockCampaigns(getCreators: () => SyntheticCreator[], seedCampaigns: number) {
  let campaigns: Campaign[] = [];
  const shortlists = new Map<number, ShortlistEntry[]>();
  let learned: LearnedModel[] = [];
  let inUse: number | null = null;

  const now = () => new Date().toISOString();
  const modelVersion = () => learned.find((m) => m.id === inUse)?.model.version ?? "default-2";

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
    rows.sort((a, b) => (query.ascending ? key(a) - key(b) : key(b) - key(a)) || a.creator.id - b.creator.id);
    return {
      total: rows.length,
      scored: getCreators().length,
      offset: query.offset,
      rows: rows.slice(query.offset, query.offset + query.limit),
      model_version: modelVersion(),
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
      shortlisted: 0,
      outcomes: 0,
    });
  }

  function withCount(c: Campaign): Campaign {
    return { ...c, shortlisted: shortlists.get(c.id)?.length ?? 0 };
  }

  function card(): ModelCard {
    return {
      default_model: DEFAULT_MODEL,
      learned: learned.map((m) => ({ ...m, in_use: m.id === inUse })),
      in_use: inUse,
      outcomes: { total: 640, simulated: 640 },
      min_outcomes: 200,
    };
  }

  return (command: string, args: Record<string, unknown>): unknown => {
    const id = Number(args.campaignId ?? args.id);
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
          shortlisted: 0,
          outcomes: 0,
        };
        campaigns = [created, ...campaigns];
        return created;
      }
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
        return explain(creator, spec, modelVersion());
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
      case "shortlist_add": {
        const list = shortlists.get(id) ?? [];
        const creatorId = Number(args.creatorId);
        if (!list.some((e) => e.creator_id === creatorId)) {
          list.push({
            campaign_id: id,
            creator_id: creatorId,
            note: "",
            tags: [],
            added_at: now(),
            stage: "shortlisted",
          });
        }
        shortlists.set(id, list);
        return null;
      }
      case "shortlist_remove":
        shortlists.set(
          id,
          (shortlists.get(id) ?? []).filter((e) => e.creator_id !== Number(args.creatorId)),
        );
        return null;
      case "annotate_shortlisted": {
        const entry =
          (shortlists.get(id) ?? []).find((e) => e.creator_id === Number(args.creatorId)) ??
          fail("not_found", "not shortlisted");
        entry.note = String(args.note);
        entry.tags = args.tags as string[];
        return null;
      }
      case "model_card":
        return card();
      case "train_model": {
        const model: LearnedModel = {
          id: learned.length + 1,
          model: {
            ...DEFAULT_MODEL,
            kind: "learned",
            version: `learned-mock-${learned.length + 1}`,
            description: "Mock learned model.",
          },
          evaluation: {
            train_examples: 512,
            test_examples: 128,
            train_from: "2026-03-01",
            test_from: "2026-09-15",
            test_to: "2026-11-20",
            learned: { auc: 0.71, ndcg_at_20: 0.62, brier: 0.19, examples: 128, positives: 41 },
            default: { auc: 0.66, ndcg_at_20: 0.64, brier: 0.21, examples: 128, positives: 41 },
            simulated: true,
          },
          trained_at: now(),
          in_use: false,
        };
        learned = [model, ...learned];
        return model;
      }
      case "adopt_model":
        inUse = args.id === null ? null : Number(args.id);
        return null;
      default:
        return undefined;
    }
  };
}
