// The period the Results screen shows: a preset (the last 7 / 30 / 90 days, this month, all time) or the
// seller's own days, turned into the first and last day Rust filters orders by (in SQL), said in words
// ("1 – 30 Nov 2026"), and remembered per workspace (localStorage, keyed by the workspace's path).
import { formatDateRange } from "../common/format";

export type PeriodPreset = "last_7" | "last_30" | "last_90" | "this_month" | "all" | "custom";

export interface PeriodChoice {
  preset: PeriodPreset;
  /** The seller's own days (YYYY-MM-DD), used with "custom". */
  from: string | null;
  to: string | null;
}

export const PRESETS: { id: PeriodPreset; label: string }[] = [
  { id: "last_7", label: "Last 7 days" },
  { id: "last_30", label: "Last 30 days" },
  { id: "last_90", label: "Last 90 days" },
  { id: "this_month", label: "This month" },
  { id: "all", label: "All time" },
  { id: "custom", label: "Custom…" },
];

export const ALL_TIME: PeriodChoice = { preset: "all", from: null, to: null };

const pad = (n: number) => String(n).padStart(2, "0");

/** A day on the seller's calendar as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first and last day (both included) a choice covers on `today` (the seller's calendar). */
export function periodDays(
  choice: PeriodChoice,
  today: Date = new Date(),
): { from: string | null; to: string | null } {
  const back = (days: number) =>
    isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1)));
  switch (choice.preset) {
    case "last_7":
      return { from: back(7), to: isoDay(today) };
    case "last_30":
      return { from: back(30), to: isoDay(today) };
    case "last_90":
      return { from: back(90), to: isoDay(today) };
    case "this_month":
      return { from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)), to: isoDay(today) };
    case "all":
      return { from: null, to: null };
    case "custom":
      return { from: choice.from || null, to: choice.to || null };
  }
}

/** The period in words: "1 – 30 Nov 2026", "since 1 Nov 2026", "all time". */
export function describePeriod(choice: PeriodChoice, today: Date = new Date(), locale?: string): string {
  const { from, to } = periodDays(choice, today);
  return formatDateRange(from, to, locale);
}

/** What is wrong with the seller's own days, by field ("from", "to"); empty when nothing. */
export function periodProblems(choice: PeriodChoice): Record<string, string> {
  if (choice.preset !== "custom") return {};
  const problems: Record<string, string> = {};
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (choice.from && !day.test(choice.from)) problems["from"] = "Enter a day, e.g. 2026-11-01";
  if (choice.to && !day.test(choice.to)) problems["to"] = "Enter a day, e.g. 2026-11-30";
  if (!problems["from"] && !problems["to"] && choice.from && choice.to && choice.to < choice.from)
    problems["to"] = "The period ends before it starts: choose an end on or after the start";
  return problems;
}

const KEY = "scout.results.period:";

/** The period last chosen in this workspace, else all time. */
export function loadPeriod(
  workspace: string | null | undefined,
  storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage,
): PeriodChoice {
  if (!workspace || !storage) return ALL_TIME;
  try {
    const raw = JSON.parse(storage.getItem(KEY + workspace) ?? "null") as Partial<PeriodChoice> | null;
    if (!raw || !PRESETS.some((p) => p.id === raw.preset)) return ALL_TIME;
    return {
      preset: raw.preset as PeriodPreset,
      from: typeof raw.from === "string" ? raw.from : null,
      to: typeof raw.to === "string" ? raw.to : null,
    };
  } catch {
    return ALL_TIME;
  }
}

/** Remembers the period for this workspace (a preset stays a preset: "last 30 days" moves with time). */
export function savePeriod(
  workspace: string | null | undefined,
  choice: PeriodChoice,
  storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage,
): void {
  if (!workspace || !storage) return;
  try {
    storage.setItem(KEY + workspace, JSON.stringify(choice));
  } catch {
    // A full or blocked storage only forgets the choice.
  }
}
