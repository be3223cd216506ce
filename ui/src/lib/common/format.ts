// How figures are written on screen. Unknown values (null) are always "—", never 0.
// Scout's interface is in English, so numbers use one fixed locale; that also keeps tests stable. Dates
// are written the seller's way (the OS's language, through the webview's `navigator.languages`):
// "20 Nov 2026" in Britain, "Nov 20, 2026" in the US.
import currencyDecimals from "../bindings/currency-decimals.json";
import type { Money } from "./types";

export const LOCALE = "en-US";
export const UNKNOWN = "—";
/** A no-break space: "3.4 %" must not wrap between the number and the sign. */
const NBSP = "\u00a0";

const compactCount = new Intl.NumberFormat(LOCALE, { notation: "compact", maximumFractionDigits: 1 });
const exactCount = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** 1234567 → "1.2M", 30812 → "30.8K", 950 → "950". */
export function formatCount(value: number | null | undefined): string {
  return value == null ? UNKNOWN : compactCount.format(value);
}

/** 1234567 → "1,234,567": for tooltips next to a compact count. */
export function formatCountExact(value: number | null | undefined): string {
  return value == null ? UNKNOWN : exactCount.format(value);
}

const rateWhole = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const rateSmall = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** Basis points as a percentage: 342 → "3.4 %", 5 → "0.05 %". */
export function formatRate(basisPoints: number | null | undefined): string {
  if (basisPoints == null) return UNKNOWN;
  const percent = basisPoints / 100;
  const format = Math.abs(percent) < 1 ? rateSmall : rateWhole;
  return `${format.format(percent)}${NBSP}%`;
}

const ZERO_DECIMALS: ReadonlySet<string> = new Set(currencyDecimals.zero);
const THREE_DECIMALS: ReadonlySet<string> = new Set(currencyDecimals.three);

/**
 * How many digits a currency's minor unit has (USD 2, JPY 0, KWD 3, IDR 2): Rust's ISO 4217 table,
 * exported beside the bindings, so that `Money.minor` means the same number on both sides. Intl's own
 * data differs for some codes (it gives IDR 0), so it is used only to choose how an amount is displayed.
 */
export function currencyFractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMALS.has(code)) return 0;
  if (THREE_DECIMALS.has(code)) return 3;
  return 2;
}

/** Minor units as a number of major units: 123456 USD → 1234.56, 1234 JPY → 1234, 1500 KWD → 1.5. */
export function majorAmount(money: Money): number {
  return money.minor / 10 ** currencyFractionDigits(money.currency);
}

/** A range of money as TikTok Shop shows one: "$1K–$10K", or "$10K+" when it has no upper end. */
export function formatMoneyRange(range: { low: Money; high: Money | null } | null | undefined): string {
  if (range == null) return UNKNOWN;
  // Range ends are round numbers: "$1K", not "$1.0K".
  const one = (m: Money) =>
    Math.abs(majorAmount(m)) >= 1000
      ? formatMoney(m, { compact: true }).replace(/\.0(?=[KMB])/, "")
      : formatMoney(m);
  return range.high == null ? `${one(range.low)}+` : `${one(range.low)}–${one(range.high)}`;
}

/**
 * A GMV figure that may be known only as a range: the amount, else the range ("$1K–$10K", said as TikTok
 * Shop shows it), else "—".
 */
export function formatGmv(
  gmv: Money | null | undefined,
  range: { low: Money; high: Money | null } | null | undefined,
  options: { compact?: boolean } = {},
): string {
  if (gmv != null) return formatMoney(gmv, options);
  return range != null ? formatMoneyRange(range) : UNKNOWN;
}

/**
 * Money from integer minor units: {minor: 123456, currency: "USD"} → "$1,234.56"; compact → "$1.2K".
 * The amount comes from Rust's decimals (IDR 1,234,567 minor units are Rp 12,345.67); Intl then writes it
 * the way the platform writes that currency ("IDR 12,346" in Chromium, "IDR 12,345.67" in WebKitGTK).
 */
export function formatMoney(money: Money | null | undefined, options: { compact?: boolean } = {}): string {
  if (money == null) return UNKNOWN;
  const digits = currencyFractionDigits(money.currency);
  const amount = majorAmount(money);
  try {
    const format = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency: money.currency,
      ...(options.compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
    });
    // Never show decimals the currency doesn't have (a code Intl gives cents and ISO 4217 doesn't).
    const shown = format.resolvedOptions().maximumFractionDigits ?? digits;
    if (!options.compact && shown > digits) {
      return new Intl.NumberFormat(LOCALE, {
        style: "currency",
        currency: money.currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(amount);
    }
    return format.format(amount);
  } catch {
    const number = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return `${number.format(amount)}${NBSP}${money.currency}`;
  }
}

/** The seller's locale for dates: the webview's first language (the OS's), else "en-US". */
export function sellerLocale(): string {
  const nav = globalThis.navigator as Navigator | undefined;
  const wanted = nav?.languages?.[0] ?? nav?.language;
  try {
    return wanted ? (Intl.DateTimeFormat.supportedLocalesOf([wanted])[0] ?? LOCALE) : LOCALE;
  } catch {
    return LOCALE;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat` for the locale and options (keyed by both). */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_PARTS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

/**
 * A calendar day in the seller's locale: "20 Nov 2026" (en-GB), "Nov 20, 2026" (en-US). A plain
 * YYYY-MM-DD date is that day wherever the seller is; an RFC 3339 time is the day on the seller's clock.
 */
export function formatDate(value: string | null | undefined, locale: string = sellerLocale()): string {
  if (!value) return UNKNOWN;
  if (DATE_ONLY.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) return value;
    return dateFormat(locale, { ...DAY_PARTS, timeZone: "UTC" }).format(day);
  }
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : dateFormat(locale, DAY_PARTS).format(time);
}

/**
 * A day and time as an export wrote it (shop time, no zone: "2026-11-02 14:33:00"), in the seller's
 * locale: "2 Nov 2026, 14:33" (en-GB). Without a time of day, the day alone.
 */
export function formatLocalDateTime(value: string, locale: string = sellerLocale()): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, day, hours, minutes] = match;
  if (hours === undefined || minutes === undefined) return formatDate(day, locale);
  const time = new Date(`${day}T${hours}:${minutes}:00Z`);
  if (Number.isNaN(time.getTime())) return value;
  return dateFormat(locale, {
    ...DAY_PARTS,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(time);
}

/**
 * A period of days in the seller's locale, the shared parts said once: "1 – 30 Nov 2026" or
 * "1 Nov – 30 Nov 2026" (Intl's range format), "since 1 Nov 2026", "until 30 Nov 2026", "all time".
 */
export function formatDateRange(
  from: string | null,
  to: string | null,
  locale: string = sellerLocale(),
): string {
  const day = (value: string) => new Date(`${value}T00:00:00Z`);
  const format = dateFormat(locale, { ...DAY_PARTS, timeZone: "UTC" });
  if (from && to && DATE_ONLY.test(from) && DATE_ONLY.test(to)) {
    if (from === to) return format.format(day(from));
    return format.formatRange(day(from), day(to));
  }
  if (from) return `since ${formatDate(from, locale)}`;
  if (to) return `until ${formatDate(to, locale)}`;
  return "all time";
}

/** A time on the seller's clock: "14:05" today, "7 Dec 14:05" (en-GB) or "Dec 7 14:05" on another day. */
export function formatClock(
  value: string | null | undefined,
  now: Date = new Date(),
  locale: string = sellerLocale(),
): string {
  if (!value) return UNKNOWN;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = `${pad(time.getHours())}:${pad(time.getMinutes())}`;
  if (time.toDateString() === now.toDateString()) return clock;
  return `${dateFormat(locale, { day: "numeric", month: "short" }).format(time)} ${clock}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long ago, short: "just now", "5 min ago", "3 h ago", "4 d ago", "2 mo ago", "1 y ago". A bare
 * date has no time of day, so its age is counted in whole days: "today", "yesterday", "4 d ago". */
export function formatAge(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return UNKNOWN;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const then = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(then.getTime())) return UNKNOWN;
  if (dateOnly) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const days = Math.round((today - then.getTime()) / DAY);
    if (days === 0) return "today";
    if (days === 1) return "yesterday";
    if (days < 0) return "in the future";
  }
  const elapsed = now.getTime() - then.getTime();
  if (elapsed < MINUTE) return elapsed < -DAY ? "in the future" : "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  if (days < 60) return `${days} d ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} mo ago`;
  return `${Math.floor(days / 365.25)} y ago`;
}

const bytesFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

/** 1536 → "1.5 KB", 12_345_678 → "11.8 MB". */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${bytesFormat.format(value)}${NBSP}${units[unit]}`;
}

/** "1 creator", "12,345 creators". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${exactCount.format(count)} ${count === 1 ? one : many}`;
}
