import type { TiktokQuota } from "../bindings/TiktokQuota";
import { formatCount, formatCountExact, formatDate, plural } from "../common/format";

/** The shop's weekly outreach quota in plain words: the headline ("37 of 50 new creators left this
 * week") and the details under it (period and bonus split, when it starts again, the follower ceiling). */
export function describeQuota(q: TiktokQuota): { headline: string; details: string[] } {
  const headline =
    q.remaining == null
      ? "Unlimited outreach: invite any number of new creators"
      : `${formatCountExact(q.remaining)} of ${plural(q.all.total, "new creator")} left to invite this week`;
  const details: string[] = [];
  // The split says something only when there is a bonus beside the weekly quota.
  if (!q.unlimited && q.bonus && q.bonus.total > 0) {
    for (const [name, part] of [
      ["Weekly quota", q.period],
      ["Bonus quota (used first)", q.bonus],
    ] as const) {
      if (part && part.total > 0)
        details.push(
          `${name}: ${formatCountExact(part.total - part.used)} of ${formatCountExact(part.total)} left`,
        );
    }
  }
  if (q.reset_at) details.push(`Starts again ${formatDate(q.reset_at)}`);
  if (q.max_follower_count != null)
    details.push(
      `Your shop's tier reaches creators with up to ${formatCount(q.max_follower_count)} followers`,
    );
  return { headline, details };
}
