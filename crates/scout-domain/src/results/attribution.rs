//! Which collaboration an order line belongs to. A line that names a TikTok Shop target collaboration
//! the seller's offers created belongs to that collaboration; otherwise it belongs to a collaboration with
//! the same creator, selling the same product, whose time window holds the order's time (the latest such
//! window when several do). A line no collaboration claims gets the reason, in words the seller can act on.
//!
//! A collaboration's window opens the day the creator was invited and closes [`WINDOW_DAYS`] days after
//! the later of that day and the creator's last recorded post: sales of a video keep coming for weeks.

use crate::{Handle, OrderLine};
use chrono::{Days, NaiveDate, NaiveDateTime};
use std::collections::HashMap;

/// How long after the invitation (or the last post) a creator's orders still count for the campaign.
pub const WINDOW_DAYS: u64 = 90;

/// One collaboration as attribution sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollaborationWindow {
    pub campaign_id: i64,
    pub creator_id: i64,
    pub handle: Handle,
    /// The campaign's TikTok Shop product id, when it has one.
    pub product_id: Option<String>,
    pub product_name: String,
    pub invited_on: NaiveDate,
    pub last_post_on: Option<NaiveDate>,
    /// The TikTok Shop target collaborations the seller's offers to this creator created.
    pub collaboration_ids: Vec<String>,
}

impl CollaborationWindow {
    pub fn opens(&self) -> NaiveDateTime {
        self.invited_on.and_time(chrono::NaiveTime::MIN)
    }

    /// The first moment no longer in the window.
    pub fn closes(&self) -> NaiveDateTime {
        let last = self.last_post_on.map_or(self.invited_on, |p| p.max(self.invited_on));
        let end = last.checked_add_days(Days::new(WINDOW_DAYS + 1)).unwrap_or(NaiveDate::MAX);
        end.and_time(chrono::NaiveTime::MIN)
    }

    fn holds(&self, at: NaiveDateTime) -> bool {
        self.opens() <= at && at < self.closes()
    }

    fn sells(&self, line: &OrderFacts<'_>) -> bool {
        match (&self.product_id, line.product_id) {
            (Some(ours), Some(theirs)) => ours.trim() == theirs.trim(),
            (None, _) | (Some(_), None) => line
                .product_name
                .is_some_and(|n| n.trim().to_lowercase() == self.product_name.trim().to_lowercase()),
        }
    }
}

/// What attribution looks at in an order line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderFacts<'a> {
    pub creator: Option<&'a Handle>,
    pub product_id: Option<&'a str>,
    pub product_name: Option<&'a str>,
    pub created_at: NaiveDateTime,
    pub target_collaboration_id: Option<&'a str>,
}

impl<'a> From<&'a OrderLine> for OrderFacts<'a> {
    fn from(l: &'a OrderLine) -> OrderFacts<'a> {
        OrderFacts {
            creator: l.creator.as_ref(),
            product_id: l.product_id.as_deref(),
            product_name: l.product_name.as_deref(),
            created_at: l.created_at,
            target_collaboration_id: l.target_collaboration_id.as_deref(),
        }
    }
}

/// How a line was attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The line names a target collaboration one of the seller's offers created.
    CollaborationId,
    /// Same creator, same product, inside the collaboration's window.
    Window,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::CollaborationId => "collaboration_id",
            Method::Window => "window",
        }
    }
}

/// The collaboration a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub campaign_id: i64,
    pub creator_id: i64,
    pub method: Method,
}

/// Why an order line belongs to no collaboration: kinds the results screen can group by, each saying
/// what would attribute it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unattributed {
    #[error("the export names no creator for this order")]
    NoCreator,
    #[error("{handle} has no collaboration in any campaign")]
    UnknownCreator { handle: Handle },
    #[error("no collaboration with {handle} is for {product}")]
    OtherProduct { handle: Handle, product: String },
    /// `windows`: each collaboration with this creator for the product, as "from to last day".
    #[error("ordered {ordered}, outside {handle}'s collaboration window ({})", windows.join("; "))]
    OutsideWindow { handle: Handle, ordered: NaiveDate, windows: Vec<String> },
}

/// Every collaboration, indexed for attribution.
#[derive(Debug, Clone, Default)]
pub struct Attributor {
    by_handle: HashMap<Handle, Vec<CollaborationWindow>>,
    by_collaboration_id: HashMap<String, Vec<(i64, i64, Handle)>>,
}

impl Attributor {
    pub fn new(windows: Vec<CollaborationWindow>) -> Attributor {
        let mut a = Attributor::default();
        for w in windows {
            for id in &w.collaboration_ids {
                a.by_collaboration_id.entry(id.trim().to_string()).or_default().push((
                    w.campaign_id,
                    w.creator_id,
                    w.handle.clone(),
                ));
            }
            a.by_handle.entry(w.handle.clone()).or_default().push(w);
        }
        a
    }

    /// The collaboration `line` belongs to, or why none does.
    pub fn attribute<'a>(
        &self,
        line: impl Into<OrderFacts<'a>>,
    ) -> std::result::Result<Attribution, Unattributed> {
        let line = line.into();
        if let Some(found) = self.by_target_collaboration(&line) {
            return Ok(found);
        }
        let Some(handle) = line.creator else {
            return Err(Unattributed::NoCreator);
        };
        let Some(windows) = self.by_handle.get(handle) else {
            return Err(Unattributed::UnknownCreator { handle: handle.clone() });
        };
        let selling: Vec<&CollaborationWindow> = windows.iter().filter(|w| w.sells(&line)).collect();
        if selling.is_empty() {
            let product = line.product_name.or(line.product_id).unwrap_or("this product").to_string();
            return Err(Unattributed::OtherProduct { handle: handle.clone(), product });
        }
        let at = line.created_at;
        match selling.iter().filter(|w| w.holds(at)).max_by_key(|w| (w.invited_on, w.campaign_id)) {
            Some(w) => Ok(Attribution {
                campaign_id: w.campaign_id,
                creator_id: w.creator_id,
                method: Method::Window,
            }),
            None => {
                let windows = selling
                    .iter()
                    .map(|w| {
                        format!(
                            "{} to {}",
                            w.invited_on,
                            w.closes().date().pred_opt().unwrap_or(w.invited_on)
                        )
                    })
                    .collect();
                Err(Unattributed::OutsideWindow { handle: handle.clone(), ordered: at.date(), windows })
            }
        }
    }

    fn by_target_collaboration(&self, line: &OrderFacts<'_>) -> Option<Attribution> {
        let id = line.target_collaboration_id?.trim();
        let candidates = self.by_collaboration_id.get(id)?;
        // One collaboration id covers up to 50 invited creators: the line's creator picks one.
        let pick = match line.creator {
            Some(h) => candidates.iter().find(|(_, _, c)| c == h),
            None if candidates.len() == 1 => candidates.first(),
            None => None,
        }?;
        Some(Attribution { campaign_id: pick.0, creator_id: pick.1, method: Method::CollaborationId })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, Settlement};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn window(campaign_id: i64, invited: NaiveDate, product: Option<&str>) -> CollaborationWindow {
        CollaborationWindow {
            campaign_id,
            creator_id: 7,
            handle: Handle::parse("mia").unwrap(),
            product_id: product.map(str::to_string),
            product_name: "Glow Serum".into(),
            invited_on: invited,
            last_post_on: None,
            collaboration_ids: vec![],
        }
    }

    fn line(on: NaiveDate) -> OrderLine {
        OrderLine {
            order_id: "1".into(),
            sku_id: String::new(),
            product_id: Some("P1".into()),
            product_name: Some("Glow serum".into()),
            creator: Some(Handle::parse("@Mia").unwrap()),
            content_type: None,
            content_id: None,
            quantity: 1,
            currency: Currency::usd(),
            unit_price: None,
            payment: 1_000,
            refund: 0,
            units_refunded: 0,
            status: None,
            commission_rate: None,
            commission_estimated: 0,
            commission_actual: None,
            settlement: Settlement::Pending,
            created_at: on.and_hms_opt(12, 0, 0).unwrap(),
            paid_at: None,
            delivered_at: None,
            commission_paid_at: None,
            target_collaboration_id: None,
        }
    }

    #[test]
    fn the_window_runs_ninety_days_from_the_invitation_or_the_last_post() {
        let w = window(1, d(3, 1), Some("P1"));
        // 1 March + 90 days = 30 May, the last day in the window.
        assert_eq!(w.closes(), d(5, 31).and_hms_opt(0, 0, 0).unwrap());
        let a = Attributor::new(vec![w.clone()]);
        assert_eq!(a.attribute(&line(d(5, 30))).unwrap().method, Method::Window);
        let late = a.attribute(&line(d(5, 31))).unwrap_err().to_string();
        assert_eq!(
            late,
            "ordered 2026-05-31, outside @mia's collaboration window (2026-03-01 to 2026-05-30)"
        );
        let early = a.attribute(&line(d(2, 28))).unwrap_err().to_string();
        assert!(early.starts_with("ordered 2026-02-28, outside"), "{early}");
        let posted = Attributor::new(vec![CollaborationWindow { last_post_on: Some(d(4, 1)), ..w }]);
        assert!(posted.attribute(&line(d(6, 30))).is_ok(), "90 days after the 1 April post");
        assert!(posted.attribute(&line(d(7, 1))).is_err());
    }

    #[test]
    fn the_latest_window_holding_the_order_wins_and_the_product_must_match() {
        let a = Attributor::new(vec![window(1, d(3, 1), Some("P1")), window(2, d(4, 1), Some("P1"))]);
        assert_eq!(a.attribute(&line(d(3, 20))).unwrap().campaign_id, 1, "only the first had started");
        assert_eq!(a.attribute(&line(d(4, 2))).unwrap().campaign_id, 2, "both hold it: the later one");
        let other = Attributor::new(vec![window(3, d(3, 1), Some("P9"))]);
        assert_eq!(
            other.attribute(&line(d(3, 2))).unwrap_err().to_string(),
            "no collaboration with @mia is for Glow serum"
        );
        // Without a product id on the campaign, the product name decides (case and spaces aside).
        let by_name = Attributor::new(vec![window(4, d(3, 1), None)]);
        assert_eq!(by_name.attribute(&line(d(3, 2))).unwrap().campaign_id, 4);
    }

    #[test]
    fn a_target_collaboration_id_decides_before_any_window() {
        let mut w = window(5, d(3, 1), Some("P1"));
        w.collaboration_ids = vec!["TC-9".into()];
        let mut other = window(6, d(3, 1), Some("P1"));
        other.creator_id = 8;
        other.handle = Handle::parse("leo").unwrap();
        other.collaboration_ids = vec!["TC-9".into()];
        let a = Attributor::new(vec![w, other]);
        let mut l = line(d(9, 1)); // long after the window: the id still decides
        l.target_collaboration_id = Some("TC-9".into());
        let got = a.attribute(&l).unwrap();
        assert_eq!((got.campaign_id, got.creator_id, got.method), (5, 7, Method::CollaborationId));
        l.creator = None;
        assert!(a.attribute(&l).is_err(), "two creators share TC-9 and the line names neither");
    }

    #[test]
    fn unknown_creators_and_missing_creators_say_so() {
        let a = Attributor::new(vec![window(1, d(3, 1), Some("P1"))]);
        let mut l = line(d(3, 5));
        l.creator = Some(Handle::parse("zoe").unwrap());
        let zoe = Handle::parse("zoe").unwrap();
        assert_eq!(a.attribute(&l).unwrap_err(), Unattributed::UnknownCreator { handle: zoe });
        assert_eq!(a.attribute(&l).unwrap_err().to_string(), "@zoe has no collaboration in any campaign");
        l.creator = None;
        assert_eq!(a.attribute(&l).unwrap_err(), Unattributed::NoCreator);
        assert_eq!(a.attribute(&l).unwrap_err().to_string(), "the export names no creator for this order");
    }
}
