//! The outcome P(post) learns: "posted within 14 days of delivery". TikTok's search carries no delivery
//! or approval time (decision 0022), only the deadline to ship, so the delivery is estimated as that
//! deadline plus [`DELIVERY_AFTER_SHIP_BY_DAYS`] — the latest a seller who ships on time and a 3-day
//! carrier would deliver, less the 2 days sellers usually ship early; exact in the fake's world (shipped
//! a day after approval, delivered 3 days later, ship-by 3 days after approval). The post time is the
//! first fulfilment's `create_time`.

use chrono::{DateTime, Duration, Utc};

/// The creator is expected to post within this many days of delivery (TikTok's business rule).
pub const POST_WINDOW_DAYS: i64 = 14;
/// Estimated delivery = the ship-by deadline + this many days.
pub const DELIVERY_AFTER_SHIP_BY_DAYS: i64 = 1;

/// Whether an approved request was posted for within 14 days of (estimated) delivery: `Some(true)` /
/// `Some(false)` when that is settled at `now`, `None` when it is not (not approved, not yet delivered,
/// still inside the window, a post Scout has not fetched yet, or no ship-by to date the delivery).
/// `status` and `fulfilment_status` are TikTok's words.
pub fn posted_within_14_days(
    status: &str,
    fulfilment_status: Option<&str>,
    ship_by: Option<DateTime<Utc>>,
    first_post_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<bool> {
    let window_ends =
        ship_by.map(|s| s + Duration::days(DELIVERY_AFTER_SHIP_BY_DAYS) + Duration::days(POST_WINDOW_DAYS));
    if let Some(posted) = first_post_at {
        return window_ends.map(|end| posted <= end);
    }
    match status {
        // Delivered and never posted in 30 days: settled, whatever the dates.
        "UNFULFILL_CANCELLED" => Some(false),
        // Waiting for content: settled once the window has passed (TikTok marks it OVERDUE then too).
        "CONTENT_PENDING" => {
            let past = window_ends.is_some_and(|end| now > end) || fulfilment_status == Some("OVERDUE");
            past.then_some(false)
        }
        // COMPLETED without a fetched post, on the way, or never approved: not known (yet).
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 0, 0, 0).unwrap()
    }

    #[test]
    fn a_post_counts_when_it_came_within_14_days_of_the_estimated_delivery() {
        let ship_by = Some(at(1)); // delivery estimated on the 2nd, window ends on the 16th
        assert_eq!(
            posted_within_14_days("COMPLETED", Some("SUCCEED"), ship_by, Some(at(16)), at(30)),
            Some(true)
        );
        assert_eq!(
            posted_within_14_days("COMPLETED", Some("SUCCEED"), ship_by, Some(at(17)), at(30)),
            Some(false)
        );
        assert_eq!(
            posted_within_14_days("COMPLETED", Some("SUCCEED"), None, Some(at(3)), at(30)),
            None,
            "undated"
        );
    }

    #[test]
    fn no_post_is_settled_only_once_the_window_is_over() {
        let ship_by = Some(at(1));
        assert_eq!(posted_within_14_days("CONTENT_PENDING", Some("PENDING"), ship_by, None, at(10)), None);
        assert_eq!(
            posted_within_14_days("CONTENT_PENDING", Some("PENDING"), ship_by, None, at(17)),
            Some(false)
        );
        assert_eq!(
            posted_within_14_days("CONTENT_PENDING", Some("OVERDUE"), None, None, at(17)),
            Some(false)
        );
        assert_eq!(posted_within_14_days("UNFULFILL_CANCELLED", None, None, None, at(17)), Some(false));
        assert_eq!(
            posted_within_14_days("COMPLETED", Some("SUCCEED"), ship_by, None, at(17)),
            None,
            "post not fetched"
        );
        assert_eq!(
            posted_within_14_days("REJECT_CANCELLED", None, None, None, at(17)),
            None,
            "never approved"
        );
        assert_eq!(posted_within_14_days("SHIPPED", None, ship_by, None, at(28)), None, "not delivered");
    }
}
