// Words for how alike creators' audiences are: the shortlist's audience overlap and "more like this".
// Exports carry no follower lists, so Rust compares audience *profiles* (age, gender, countries); what it
// calls "possibly duplicated" is an upper bound, never a count of shared followers, and the words say so.
import { formatCount, plural } from "../common/format";
import type { AudienceOverlap } from "../common/types";

const NBSP = "\u00a0";

/**
 * A similarity 0–1 as a whole percentage, rounded down so that a pair shown as "80 %" is always one
 * counted as closely alike: 0.862 → 86, 0.7999 → 79.
 */
export function similarityPercent(similarity: number): number {
  return Math.max(0, Math.min(100, Math.floor(similarity * 100 + 1e-6)));
}

/** 0.862 → "86 %". */
export function formatSimilarity(similarity: number | null): string {
  return similarity === null ? "—" : `${similarityPercent(similarity)}${NBSP}%`;
}

/** The overlap's one-line answer: how much reach may be counted twice, as an upper bound. */
export function overlapHeadline(overlap: AudienceOverlap): string {
  const total = formatCount(overlap.followers_total);
  if (overlap.pairs.every((pair) => pair.similarity === null)) {
    return "Not enough audience data to compare these creators";
  }
  if (overlap.followers_possibly_duplicated === 0) {
    return `No two audience profiles are closely alike (≥ ${similarityPercent(overlap.alike_from)}${NBSP}%) among ${total} followers`;
  }
  return `Up to ${formatCount(overlap.followers_possibly_duplicated)} of ${total} followers may be duplicated`;
}

/** What the headline rests on, in one short line; the full note is shown on request. */
export const OVERLAP_BASIS =
  "An upper bound from audience profiles (age, gender, countries), not shared followers.";

/** "2 creators have no audience data to compare", or null when everyone has some. */
export function withoutDataLine(count: number): string | null {
  if (count === 0) return null;
  return `${plural(count, "creator")} ${count === 1 ? "has" : "have"} no audience data to compare`;
}

export type PairLine = {
  key: string;
  a: string;
  b: string;
  similarity: number | null;
  alike: boolean;
};

/**
 * The pairs with handles, most alike first; pairs without audience data in common go last. `handles`
 * maps creator ids to handles (the shortlist's rows); an id it doesn't know shows as "#id".
 */
export function pairLines(overlap: AudienceOverlap, handles: ReadonlyMap<number, string>): PairLine[] {
  const name = (id: number) => {
    const handle = handles.get(id);
    return handle === undefined ? `#${id}` : `@${handle}`;
  };
  return overlap.pairs
    .map((pair) => ({
      key: `${pair.a}-${pair.b}`,
      a: name(pair.a),
      b: name(pair.b),
      similarity: pair.similarity,
      alike: pair.alike,
    }))
    .sort((x, y) => (y.similarity ?? -1) - (x.similarity ?? -1));
}
