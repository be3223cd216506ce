// Human names for codes the data carries (ISO country codes, platform ids).
import { LOCALE } from "./format";
import type { Platform } from "./types";

let regions: Intl.DisplayNames | null = null;
try {
  regions = new Intl.DisplayNames([LOCALE], { type: "region" });
} catch {
  regions = null;
}

/** "US" → "United States"; an unknown code is shown as it is. */
export function countryName(code: string): string {
  try {
    return regions?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const PLATFORMS: Record<Platform, string> = { tiktok: "TikTok", instagram: "Instagram", youtube: "YouTube" };

export function platformName(platform: string): string {
  return asPlatform(platform) ? PLATFORMS[platform as Platform] : platform;
}

/** The platform a string names, or null when it is none Scout knows. */
export function asPlatform(value: unknown): Platform | null {
  return typeof value === "string" && Object.hasOwn(PLATFORMS, value) ? (value as Platform) : null;
}
