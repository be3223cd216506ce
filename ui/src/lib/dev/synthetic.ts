// DEVELOPMENT ONLY — synthetic creators for the in-browser mock backend (`npm run dev:mock`).
// Every name, handle and figure here is made up by a seeded generator; none is a real account.
// Some are deliberately awkward: very long, right-to-left, emoji, missing figures, hostile bios.
import { currencyFractionDigits } from "../common/format";
import type {
  AudienceMix,
  CreatorDetail,
  CreatorFigures,
  CreatorRow,
  CreatorSnapshot,
  FieldSource,
} from "../common/types";

export type SyntheticCreator = { row: CreatorRow; detail: CreatorDetail };

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Mia",
  "Liam",
  "Sofia",
  "Noah",
  "Aiko",
  "Mateo",
  "Chloé",
  "Arjun",
  "Lena",
  "Kai",
  "Zara",
  "Diego",
  "Nina",
  "Omar",
  "Ivy",
  "Hugo",
  "Yuki",
  "Ana",
  "Leo",
  "Maya",
];
const LAST = [
  "Carter",
  "Nguyen",
  "Müller",
  "Santos",
  "Tanaka",
  "Rossi",
  "Dubois",
  "Kowalski",
  "Okafor",
  "Lindqvist",
  "García",
  "Haddad",
  "Kim",
  "Novak",
  "Silva",
  "Brennan",
];
const SPECIAL_NAMES = [
  "سارة المنصوري",
  "נועה כהן",
  "✨ Glow by Mia ✨",
  "さくら 田中",
  "Maximiliana Alexandrina von Hohenzollern-Sigmaringen Beauty & Lifestyle Official",
  "🐶🐱 Pet Pals 🐾",
  "Trần Thị Thu Hà",
  null,
];
const CATEGORIES = [
  "Beauty",
  "Fashion",
  "Home & Living",
  "Fitness",
  "Food & Drink",
  "Tech",
  "Pets",
  "Baby & Kids",
  "Outdoor",
  "Gaming",
];
const COUNTRIES = [
  "US",
  "US",
  "US",
  "GB",
  "DE",
  "FR",
  "ES",
  "MX",
  "BR",
  "JP",
  "ID",
  "MY",
  "PH",
  "TH",
  "VN",
  "SA",
  "AE",
];
const CURRENCY: Record<string, string> = {
  US: "USD",
  GB: "GBP",
  DE: "EUR",
  FR: "EUR",
  ES: "EUR",
  MX: "MXN",
  BR: "BRL",
  JP: "JPY",
  ID: "IDR",
  MY: "MYR",
  PH: "PHP",
  TH: "THB",
  VN: "VND",
  SA: "SAR",
  AE: "AED",
};
const PLATFORMS = ["tiktok", "tiktok", "tiktok", "tiktok", "instagram", "youtube"] as const;
const BIOS = [
  "Skincare that actually works 🧴 | honest reviews only | collabs via e-mail",
  "Mum of 3 • home hacks • budget finds",
  "Gym, protein, repeat. Coach for 8 years.",
  "Unboxing every gadget so you don't have to 📦",
  '<img src=x onerror=alert(1)> <script>alert("bio")</script>',
  "مراجعات مكياج يومية — للتعاون راسلوني",
  null,
];
const SOURCES = [
  "affiliate-center-export-2026-09.csv",
  "creators-demo.csv",
  "agency-shortlist.xlsx",
  "seller-center-2026-11.csv",
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function daysAgo(now: number, days: number): Date {
  return new Date(now - days * 86_400_000);
}

function audienceFor(next: () => number, country: string): AudienceMix | null {
  if (next() < 0.2) return null;
  const female = Math.round(3000 + next() * 5000);
  const other = Math.round(next() * 300);
  const bands = ["13-17", "18-24", "25-34", "35-44", "45-54", "55+"] as const;
  const weights = bands.map(() => next() + 0.1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const home = Math.round(4000 + next() * 4500);
  return {
    gender: next() < 0.15 ? null : { female, male: 10000 - female - other, other },
    age: bands.map((band, i) => ({ band, share: Math.round(((weights[i] ?? 0) / sum) * 10000) })),
    countries: [
      { country, share: home },
      { country: country === "US" ? "CA" : "US", share: Math.round((10000 - home) * 0.5) },
      { country: "GB", share: Math.round((10000 - home) * 0.2) },
    ],
  };
}

export function syntheticCreators(count: number, seed = 7, now = Date.now()): SyntheticCreator[] {
  const next = random(seed);
  const creators: SyntheticCreator[] = [];
  const handles = new Set<string>();
  for (let id = 1; id <= count; id += 1) {
    const special = id % 23 === 5 ? SPECIAL_NAMES[((id / 23) % SPECIAL_NAMES.length) | 0] : undefined;
    const first = pick(next, FIRST);
    const last = pick(next, LAST);
    const name = special !== undefined ? special : `${first} ${last}`;
    let handle = `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");
    if (next() < 0.4) handle = `${handle}${Math.floor(next() * 100)}`;
    while (handles.has(handle)) handle = `${handle}_${Math.floor(next() * 10)}`;
    handles.add(handle);
    const country = pick(next, COUNTRIES);
    const platform = pick(next, PLATFORMS);
    const followers = Math.round(10 ** (3 + next() * 3.6));
    const views = Math.round(followers * (0.05 + next() * 0.6));
    const engagement = Math.round(150 + next() * 1200);
    const currency = CURRENCY[country] ?? "USD";
    const gmvMajor = Math.round(followers * next() * 0.8);
    const minorScale = 10 ** currencyFractionDigits(currency);
    const rateToUsd: Record<string, number> = {
      JPY: 150,
      VND: 25000,
      IDR: 16000,
      MXN: 18,
      BRL: 5,
      THB: 36,
      PHP: 57,
    };
    const missing = next();
    const figures: CreatorFigures = {
      followers: missing < 0.03 ? null : followers,
      following: Math.round(next() * 2000),
      avg_views: missing < 0.08 ? null : views,
      avg_likes: Math.round(views * (engagement / 10000) * 0.85),
      avg_comments: Math.round(views * (engagement / 10000) * 0.1),
      avg_shares: Math.round(views * (engagement / 10000) * 0.05),
      engagement_rate: missing < 0.1 ? null : engagement,
      gmv: missing < 0.25 ? null : { minor: gmvMajor * minorScale * (rateToUsd[currency] ?? 1), currency },
      units_sold: missing < 0.25 ? null : Math.round(gmvMajor / 20),
      avg_commission_rate: next() < 0.5 ? null : Math.round(800 + next() * 1200),
    };
    const categories = [pick(next, CATEGORIES), ...(next() < 0.5 ? [pick(next, CATEGORIES)] : [])].filter(
      (value, index, all) => all.indexOf(value) === index,
    );
    const updatedDays = Math.floor(next() * 200);
    const updatedAt = daysAgo(now, updatedDays).toISOString();
    const snapshotCount = 1 + Math.floor(next() * 4);
    const history: CreatorSnapshot[] = [];
    for (let s = snapshotCount - 1; s >= 0; s -= 1) {
      const asOf = daysAgo(now, updatedDays + s * 30)
        .toISOString()
        .slice(0, 10);
      const shrink = 1 - s * (0.04 + next() * 0.06);
      history.push({
        batch_id: snapshotCount - s,
        source_name: SOURCES[(snapshotCount - s - 1) % SOURCES.length] ?? "creators-demo.csv",
        as_of: asOf,
        imported_at: daysAgo(now, updatedDays + s * 30 - 1).toISOString(),
        figures: {
          ...figures,
          followers: figures.followers === null ? null : Math.round(figures.followers * shrink),
        },
      });
    }
    const latest = history[history.length - 1];
    const provenance: FieldSource[] = (
      [
        "followers",
        "following",
        "avg_views",
        "avg_likes",
        "avg_comments",
        "avg_shares",
        "engagement_rate",
        "gmv",
        "units_sold",
        "avg_commission_rate",
      ] as const
    ).map((field) => ({
      field,
      source_name:
        field === "gmv" || field === "units_sold"
          ? (history[0]?.source_name ?? "")
          : (latest?.source_name ?? ""),
      batch_id: latest?.batch_id ?? 1,
      as_of: latest?.as_of ?? "",
      imported_at: latest?.imported_at ?? "",
    }));
    const bio = pick(next, BIOS);
    creators.push({
      row: {
        id,
        platform,
        handle,
        display_name: name,
        followers: figures.followers,
        avg_views: figures.avg_views,
        engagement_rate: figures.engagement_rate,
        gmv: figures.gmv,
        categories,
        country: next() < 0.05 ? null : country,
        updated_at: updatedAt,
        as_of: latest?.as_of ?? null,
        tags: [],
        hidden: false,
      },
      detail: {
        id,
        key: { platform, handle },
        profile: {
          open_id: null,
          display_name: name,
          categories,
          country,
          language: null,
          bio,
          email: next() < 0.6 ? `${handle.replace(/\./g, "")}@example.com` : null,
        },
        figures,
        engagement_derived: next() < 0.3,
        audience: audienceFor(next, country),
        provenance,
        history,
        first_seen_at: history[0]?.imported_at ?? updatedAt,
        updated_at: updatedAt,
        last_source_name: latest?.source_name ?? "creators-demo.csv",
        shop: null,
      },
    });
  }
  return creators;
}
