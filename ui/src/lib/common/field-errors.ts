// Where a refusal is shown: beside the field when the form shows that field, otherwise as a note with a
// way to the place that owns it. A refusal for a field the form does not show must never be dropped
// (issue 15: "Preview every message" did nothing when the shop's name was not set).
import { IpcFailure } from "./ipc";
import type { IpcError } from "./types";

export type Routed =
  | { kind: "field"; field: string; message: string }
  | { kind: "note"; error: IpcError; fix: SettingsFix | null };

/** A field the Settings screen owns, and the words for the way there. */
export type SettingsFix = { label: string; section: string };

const SETTINGS_FIELDS: [prefix: string, fix: SettingsFix][] = [
  ["seller.", { label: "Set the shop's name in Settings", section: "Shop" }],
  ["email.", { label: "Set up e-mail in Settings", section: "E-mail account" }],
  ["smtp.", { label: "Set up e-mail in Settings", section: "E-mail account" }],
  ["tiktok.", { label: "Open TikTok Shop in Settings", section: "TikTok Shop" }],
];

/** The Settings section that owns `field`, if any. */
export function settingsFix(field: string | null | undefined): SettingsFix | null {
  if (!field) return null;
  return SETTINGS_FIELDS.find(([prefix]) => field.startsWith(prefix))?.[1] ?? null;
}

/** Routes a refusal: to the field when `owned` includes it, else to a note (with the fix's way there). */
export function routeError(error: unknown, owned: readonly string[]): Routed {
  const field = error instanceof IpcFailure ? error.field : null;
  if (error instanceof IpcFailure && field && owned.includes(field))
    return { kind: "field", field, message: error.message };
  return { kind: "note", error: error as IpcError, fix: settingsFix(field) };
}
