// The words and numbers of the update states, kept out of the components so they are tested.
import { formatBytes, formatDate } from "../common/format";
import type { UpdateInfo } from "../bindings/UpdateInfo";
import type { UpdateStatus } from "../bindings/UpdateStatus";

/** The update a status is about, if any. */
export function updateOf(status: UpdateStatus): UpdateInfo | null {
  switch (status.state) {
    case "available":
    case "downloading":
    case "installing":
    case "installed":
    case "verification_failed":
      return status.update;
    case "failed":
      return status.update;
    default:
      return null;
  }
}

/** "Scout 0.2.0, published 7 Dec 2026" (without a date when the release gave none). */
export function describeUpdate(update: UpdateInfo, locale?: string): string {
  const published = update.date ? `, published ${formatDate(update.date, locale)}` : "";
  return `Scout ${update.version}${published}`;
}

/** Whole percent downloaded, or null while the size is unknown. */
export function downloadPercent(status: UpdateStatus): number | null {
  if (status.state !== "downloading" || !status.total) return null;
  return Math.min(100, Math.floor((status.downloaded / status.total) * 100));
}

/** "1.2 MB of 2.6 MB" or "1.2 MB" when the size is unknown. */
export function downloadAmount(status: UpdateStatus): string {
  if (status.state !== "downloading") return "";
  const done = formatBytes(status.downloaded);
  return status.total ? `${done} of ${formatBytes(status.total)}` : done;
}

/**
 * Whether the notice outside Settings shows: an update was found (by the daily check or the seller)
 * and the seller has not put it off with "Later" for this version.
 */
export function noticeShows(status: UpdateStatus, laterFor: string | null): boolean {
  const update = updateOf(status);
  return update !== null && update.version !== laterFor;
}
