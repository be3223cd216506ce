// The audience builder's maths: age shares set by dragging bars, scaled to 100 %, country weights and
// keywords. Shares are basis points (10000 = 100 %), as they cross IPC.
import type { AgeBand } from "../common/types";

export const FULL = 10_000;
/** Rust accepts shares that add up to 100 % give or take 1 % (SHARE_TOLERANCE_BP). */
export const SHARE_TOLERANCE = 100;

export const AGE_BANDS: readonly AgeBand[] = ["13-17", "18-24", "25-34", "35-44", "45-54", "55+"];

/** A typical TikTok audience, the starting point when the seller first targets ages. */
export const TYPICAL_AGE: readonly number[] = [1000, 3500, 3000, 1500, 700, 300];

export function total(shares: readonly number[]): number {
  return shares.reduce((sum, share) => sum + share, 0);
}

/** Whether shares are close enough to 100 % for Rust to accept them. */
export function addsUp(shares: readonly number[]): boolean {
  return Math.abs(total(shares) - FULL) <= SHARE_TOLERANCE;
}

/**
 * Scales shares so they add up to exactly 100 %, keeping their proportions: whole basis points by the
 * largest remainder, so no rounding is lost. All zero stays all zero (there is nothing to scale).
 */
export function normalise(shares: readonly number[], to = FULL): number[] {
  const sum = total(shares.map((share) => Math.max(0, share)));
  if (sum <= 0) return shares.map(() => 0);
  const exact = shares.map((share) => (Math.max(0, share) * to) / sum);
  const floors = exact.map(Math.floor);
  let left = to - total(floors);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/**
 * The share a pointer sets on a bar `height` pixels tall when it is `fromTop` pixels below the bar's
 * top: the top is `max`, the bottom 0, in steps of `step` (1 % by default).
 */
export function shareAt(fromTop: number, height: number, max = FULL, step = 100): number {
  if (height <= 0) return 0;
  const fraction = 1 - Math.min(1, Math.max(0, fromTop / height));
  return Math.round((fraction * max) / step) * step;
}

/** A share moved by a key: clamped to 0–100 %, snapped to the step. */
export function nudge(share: number, by: number, step = 100): number {
  return Math.min(FULL, Math.max(0, Math.round((share + by) / step) * step));
}

/** "us" → "US"; anything but two letters is null. */
export function countryCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

export const MAX_KEYWORDS = 30;
export const MAX_KEYWORD_CHARS = 40;

/**
 * The keywords after adding what was typed: split on commas, trimmed, blanks and repeats (any case)
 * dropped, at most `MAX_KEYWORDS`. `problem` says why something typed was not added.
 */
export function addKeywords(
  keywords: readonly string[],
  typed: string,
): { keywords: string[]; problem: string | null } {
  const next = [...keywords];
  let problem: string | null = null;
  for (const word of typed.split(",").map((part) => part.trim().replace(/\s+/g, " "))) {
    if (word === "") continue;
    if ([...word].length > MAX_KEYWORD_CHARS) {
      problem = `“${word.slice(0, 20)}…” is longer than ${MAX_KEYWORD_CHARS} characters`;
    } else if (next.some((existing) => existing.toLowerCase() === word.toLowerCase())) {
      continue;
    } else if (next.length >= MAX_KEYWORDS) {
      problem = `At most ${MAX_KEYWORDS} keywords`;
    } else {
      next.push(word);
    }
  }
  return { keywords: next, problem };
}
