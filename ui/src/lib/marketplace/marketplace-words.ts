// How the marketplace's results read on screen: a figure the creator shares exactly or only as a range
// ("$1K–10K"), the budget a "collect all" may spend, and what a collection or an enrichment did — in
// plain words, with why it stopped early.
import { formatCount, formatCountExact, formatMoney, plural, UNKNOWN } from "../common/format";
import type { Collected, EnrichReport, ExactOrRange, MarketplaceBudget, Money } from "../common/types";

/** The currency sign a compact amount starts with ("$", "IDR "), so a range names it once. */
function leading(text: string): string {
  return /^[^\d]*/.exec(text)?.[0] ?? "";
}

/** A compact amount without a bare ".0" ("$1K", not "$1.0K": a range's bounds are round). */
function compactMoney(money: Money): string {
  return formatMoney(money, { compact: true }).replace(/\.0(?=[KMBT]|$)/, "");
}

/** GMV exactly ("$1.2K") or as the range the creator shares ("$1K–10K", "$10K+"). */
export function formatMoneyOrRange(value: ExactOrRange<Money> | null | undefined): string {
  if (value == null) return UNKNOWN;
  if ("exact" in value) return compactMoney(value.exact);
  const min = compactMoney(value.range.min);
  if (value.range.max === null) return `${min}+`;
  const max = compactMoney(value.range.max);
  const sign = leading(min);
  return sign !== "" && max.startsWith(sign) ? `${min}–${max.slice(sign.length)}` : `${min}–${max}`;
}

/** Units sold exactly or as a range ("100–1K", "1K+"). */
export function formatCountOrRange(
  value:
    | { exact: number }
    | { range: { min: number; max: number | null } }
    | { min: number; max: number | null }
    | null,
): string {
  if (value == null) return UNKNOWN;
  if ("exact" in value) return formatCount(value.exact);
  const range = "range" in value ? value.range : value;
  return range.max === null
    ? `${formatCount(range.min)}+`
    : `${formatCount(range.min)}–${formatCount(range.max)}`;
}

/** Searches one page costs, and the creators a page holds. */
export const PAGE_SIZE = 20;

export type CollectEstimate = {
  /** Searches it may take; null when not known. */
  searches: number | null;
  /** Whether today's budget is enough for that. */
  enough: boolean;
  text: string;
};

/**
 * What a "collect all" may spend, said before it starts: "This can take about 12 searches; 9,940 of
 * today's 10,000 left." With `matches` unknown (the search has more pages), "up to" what is left.
 */
export function collectEstimate(matches: number | null, budget: MarketplaceBudget): CollectEstimate {
  const total = budget.used + budget.left;
  const left = `${formatCountExact(budget.left)} of today's ${formatCountExact(total)} left`;
  if (budget.left === 0)
    return {
      searches: matches === null ? null : Math.ceil(matches / PAGE_SIZE),
      enough: false,
      text: `Today's ${formatCountExact(total)} marketplace searches are used up; the budget starts again at midnight UTC.`,
    };
  if (matches === null)
    return {
      searches: null,
      enough: true,
      text: `This can take up to ${plural(budget.left, "search", "searches")} (${left}); the collection stops there and keeps what it found.`,
    };
  const searches = Math.max(1, Math.ceil(matches / PAGE_SIZE));
  return {
    searches,
    enough: searches <= budget.left,
    text: `This can take about ${plural(searches, "search", "searches")}; ${left}.`,
  };
}

/** What a collection found, and why it ended early, in words. */
export function describeCollected(collected: Collected): string[] {
  const lines = [
    `Found ${plural(collected.creators.length, "creator")} in ${plural(collected.requests, "search", "searches")}${
      collected.splits > 0
        ? ` (the query was split ${plural(collected.splits, "time")} to get past TikTok Shop's ~400-row limit)`
        : ""
    }.`,
  ];
  if (collected.stopped !== null) lines.push(`It stopped before the end: ${collected.stopped}.`);
  if (collected.incomplete.length > 0)
    lines.push(
      `${plural(collected.incomplete.length, "part")} of the search still reached the ~400-row limit and could not be split further (creators with the same follower count), so some creators there were not seen.`,
    );
  if (collected.unreadable.length > 0)
    lines.push(
      `${plural(collected.unreadable.length, "row")} could not be read: ${collected.unreadable.slice(0, 3).join("; ")}${collected.unreadable.length > 3 ? "; …" : ""}`,
    );
  return lines;
}

/** What an enrichment did: fetched, already fetched today, failed (with why), stopped. */
export function describeEnriched(report: EnrichReport): { headline: string; notes: string[] } {
  if (report.asked === 0)
    return {
      headline: "None of them has a TikTok Shop profile to fetch.",
      notes: [
        "Profiles are fetched for creators that came from TikTok Shop's creator marketplace: add them from Find on TikTok Shop first.",
      ],
    };
  const parts = [`${plural(report.fetched, "profile")} fetched`];
  if (report.skipped_fresh > 0) parts.push(`${formatCountExact(report.skipped_fresh)} already fetched today`);
  if (report.failed.length > 0) parts.push(`${formatCountExact(report.failed.length)} failed`);
  const notes: string[] = [];
  const c = report.counts;
  if (report.fetched > 0)
    notes.push(
      `Stored as “TikTok Shop creator profiles”: ${formatCountExact(c.updated)} updated, ${formatCountExact(c.unchanged)} unchanged${
        c.created > 0 ? `, ${formatCountExact(c.created)} created` : ""
      }${c.rejected > 0 ? `, ${formatCountExact(c.rejected)} rejected` : ""}.`,
    );
  if (report.stopped !== null)
    notes.push(
      `Stopped before the end: ${report.stopped}. Run it again to continue with the rest: profiles fetched today are not fetched again.`,
    );
  return { headline: `${parts.join(" · ")} (of ${formatCountExact(report.asked)} asked).`, notes };
}
