// Where a refusal is shown: beside the field when the form shows that field, otherwise as a note with a
// way to the place that owns it. A refusal for a field the form does not show must never be dropped
// (issue 15: "Preview every message" did nothing when the shop's name was not set).
import { IpcFailure, toIpcError } from "./ipc";
import type { IpcError } from "./types";

/** A field the Settings screen owns, the words for the way there, and the field to land on. */
export type SettingsFix = { label: string; field: string };

const SETTINGS_FIELDS: [prefix: string, label: string][] = [
  ["seller.", "Set the shop's name in Settings"],
  ["email.", "Set up e-mail in Settings"],
  ["smtp.", "Set up e-mail in Settings"],
  ["tiktok.", "Open TikTok Shop in Settings"],
];

/** The way to the Settings field `field` names, if Settings owns it. */
export function settingsFix(field: string | null | undefined): SettingsFix | null {
  if (!field) return null;
  const label = SETTINGS_FIELDS.find(([prefix]) => field.startsWith(prefix))?.[1];
  return label === undefined ? null : { label, field };
}

/** Where a refusal goes: each message for a field the form shows beside it, the rest in one note. */
export type Routed = {
  /** Messages by field, for the fields the form shows. */
  fields: Record<string, string>;
  /** What is not about a field the form shows, with the way to the place that owns it; null when nothing. */
  note: { error: IpcError; fix: SettingsFix | null } | null;
};

/**
 * Routes a refusal: every problem about a field in `owned` beside that field (all at once), the others,
 * or a refusal about no field, to a note with the way to the Settings section that owns them.
 */
export function routeError(error: unknown, owned: readonly string[]): Routed {
  const failure = toIpcError(error);
  const fields: Record<string, string> = {};
  const elsewhere = failure.problems.filter((problem) => {
    if (!owned.includes(problem.field)) return true;
    fields[problem.field] ??= problem.message;
    return false;
  });
  const [first] = elsewhere;
  if (first === undefined)
    return { fields, note: failure.problems.length > 0 ? null : { error: failure, fix: null } };
  const noted =
    elsewhere.length === failure.problems.length
      ? failure
      : new IpcFailure(
          failure.code,
          elsewhere.map((problem) => problem.message).join("; "),
          first.field,
          elsewhere,
        );
  return { fields, note: { error: noted, fix: settingsFix(noted.field) } };
}
