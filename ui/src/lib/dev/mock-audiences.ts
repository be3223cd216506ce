// DEVELOPMENT ONLY — the campaign mock's audience comparisons: "more like this" and the shortlist's
// audience overlap, from a made-up similarity of synthetic audience profiles (age, gender, countries).
import { fail } from "./mock-common";
import { jitter } from "./mock-scoring";
import type { SyntheticCreator } from "./synthetic";
import type { AudienceOverlap, LookalikeCreator } from "../common/types";

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

export function lookalikesOf(all: SyntheticCreator[], id: number, limit: number): LookalikeCreator[] {
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

export function overlapOf(shortlisted: SyntheticCreator[]): AudienceOverlap {
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
