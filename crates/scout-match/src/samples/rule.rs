//! The approval rule ("approve when P(post) ≥ 0.6 and expected net value ≥ $5, up to 20 a day") as a
//! pure decision over assessed requests, and its backtest on past requests. The app stores the rule
//! (off until the seller turns it on), records and sends what it decides.

use super::value::{major_value, SampleAssessment};
use chrono::NaiveDate;
use scout_domain::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// When the rule approves a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SampleRule {
    /// The least P(post within 14 days), 0–1.
    pub min_p_post: f64,
    /// The least expected net value of approving, in the shop's currency.
    pub min_net_value: Money,
    /// At most this many approvals a day (by hand and by rule together).
    pub daily_limit: u32,
    /// Reject (TikTok's "not a match") what falls below the thresholds, instead of leaving it to the
    /// seller. Requests whose net value is unknown are always left to the seller.
    pub reject_below: bool,
}

impl SampleRule {
    /// The example rule, in `currency`.
    pub fn example(currency: scout_domain::Currency) -> SampleRule {
        SampleRule {
            min_p_post: 0.6,
            min_net_value: Money::new(500, currency),
            daily_limit: 20,
            reject_below: false,
        }
    }

    /// The first field out of range, named.
    pub fn check(&self) -> crate::Result<()> {
        let refuse = |field, problem: String| Err(crate::MatchError::Rule { field, problem });
        if !(self.min_p_post.is_finite() && (0.0..=1.0).contains(&self.min_p_post)) {
            return refuse("min_p_post", format!("{} is not a chance between 0 and 1", self.min_p_post));
        }
        if self.daily_limit == 0 {
            return refuse("daily_limit", "must be at least 1 (turn the rule off instead)".into());
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RuleVerdict {
    Approve,
    /// Reject with TikTok's reason NOT_MATCH.
    Reject,
    /// Left to the seller.
    Leave,
}

/// What the rule would do with one request, why, and the numbers it saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleDecision {
    pub application_id: String,
    pub verdict: RuleVerdict,
    pub reason: String,
    pub p_post: f64,
    pub model_version: String,
    pub expected_gmv: Option<Money>,
    pub net_value: Option<Money>,
}

/// What the rule does with `assessments` today, `approved_today` approvals already made: those over
/// both thresholds are approved best net value first until the day's limit; one over them past the limit
/// is left for tomorrow's room; below them rejected (or left, without `reject_below`); unknown net value
/// is left to the seller. One decision per assessment, in the assessments' order.
pub fn decide(rule: &SampleRule, assessments: &[SampleAssessment], approved_today: u32) -> Vec<RuleDecision> {
    let pct = |p: f64| format!("{:.0} %", p * 100.0);
    let mut qualifying: Vec<usize> = Vec::new();
    let mut out: Vec<RuleDecision> = assessments
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let p = a.chance.p_post;
            let (verdict, reason) = match &a.net_value {
                None => (RuleVerdict::Leave, format!("left to you: {}", a.net_value_evidence)),
                Some(v) if v.currency != rule.min_net_value.currency => (
                    RuleVerdict::Leave,
                    format!(
                        "left to you: net value in {} but the rule's minimum is in {}",
                        v.currency, rule.min_net_value.currency
                    ),
                ),
                Some(v) if p >= rule.min_p_post && v.minor >= rule.min_net_value.minor => {
                    qualifying.push(i);
                    (RuleVerdict::Approve, String::new())
                }
                Some(v) => {
                    let why = if p < rule.min_p_post {
                        format!("P(post) {} is below {}", pct(p), pct(rule.min_p_post))
                    } else {
                        format!("net value {v} is below {}", rule.min_net_value)
                    };
                    let verdict = if rule.reject_below { RuleVerdict::Reject } else { RuleVerdict::Leave };
                    (
                        verdict,
                        if rule.reject_below {
                            format!("not a match: {why}")
                        } else {
                            format!("left to you: {why}")
                        },
                    )
                }
            };
            RuleDecision {
                application_id: a.application_id.clone(),
                verdict,
                reason,
                p_post: p,
                model_version: a.chance.model_version.clone(),
                expected_gmv: a.expected_gmv.as_ref().map(|g| g.amount.clone()),
                net_value: a.net_value.clone(),
            }
        })
        .collect();
    qualifying.sort_by(|x, y| {
        let v = |i: &usize| assessments[*i].net_value.as_ref().map_or(f64::MIN, major_value);
        v(y).total_cmp(&v(x))
            .then_with(|| assessments[*x].application_id.cmp(&assessments[*y].application_id))
    });
    let room = rule.daily_limit.saturating_sub(approved_today) as usize;
    for (rank, i) in qualifying.into_iter().enumerate() {
        let a = &assessments[i];
        let numbers = format!(
            "P(post) {} ≥ {} and net value {} ≥ {}",
            pct(a.chance.p_post),
            pct(rule.min_p_post),
            a.net_value.as_ref().map_or_else(String::new, ToString::to_string),
            rule.min_net_value
        );
        if rank < room {
            out[i].reason = format!("approved by the rule: {numbers}");
        } else {
            out[i].verdict = RuleVerdict::Leave;
            out[i].reason =
                format!("left to you: {numbers}, but today's {} approvals are used", rule.daily_limit);
        }
    }
    out
}

/// A past request as the backtest sees it: Scout's numbers from its first-seen signals, and what
/// happened when the seller approved it.
#[derive(Debug, Clone, PartialEq)]
pub struct PastRequest {
    pub assessment: SampleAssessment,
    pub requested_on: NaiveDate,
    /// Posted within 14 days: `None` when never approved or not settled.
    pub posted: Option<bool>,
    /// The net value it really had (GMV of its posts × margin − costs), when approved and settled and the
    /// product's economics are known.
    pub realized_net_value: Option<Money>,
}

/// What the rule would have done on past requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Backtest {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub requests: u32,
    pub would_approve: u32,
    /// Of those it would approve, how many have a known outcome (the seller approved them and it settled).
    pub with_known_outcome: u32,
    pub posted: u32,
    /// Requests it would leave to the seller because their net value is unknown.
    pub net_value_unknown: u32,
    /// Σ expected net value of those it would approve.
    pub expected_net_value: Option<Money>,
    /// Σ real net value of those it would approve whose outcome and economics are known.
    pub realized_net_value: Option<Money>,
    pub note: String,
}

/// Runs the rule day by day (each day's limit fresh) over `past`.
pub fn backtest(rule: &SampleRule, past: &[PastRequest]) -> Backtest {
    let mut by_day: BTreeMap<NaiveDate, Vec<&PastRequest>> = BTreeMap::new();
    for p in past {
        by_day.entry(p.requested_on).or_default().push(p);
    }
    let currency = rule.min_net_value.currency.clone();
    let mut b = Backtest {
        from: by_day.keys().next().copied(),
        to: by_day.keys().next_back().copied(),
        requests: past.len() as u32,
        would_approve: 0,
        with_known_outcome: 0,
        posted: 0,
        net_value_unknown: 0,
        expected_net_value: None,
        realized_net_value: None,
        note:
            "Outcomes are known only for requests you approved; P(post) uses the model in use now, which may \
               have been trained on these same requests."
                .into(),
    };
    let add = |sum: &mut Option<Money>, v: &Money| {
        if v.currency == currency {
            let s = sum.get_or_insert_with(|| Money::new(0, currency.clone()));
            s.minor = s.minor.saturating_add(v.minor);
        }
    };
    for day in by_day.values() {
        let assessments: Vec<SampleAssessment> = day.iter().map(|p| p.assessment.clone()).collect();
        for (d, p) in decide(rule, &assessments, 0).iter().zip(day) {
            if p.assessment.net_value.is_none() {
                b.net_value_unknown += 1;
            }
            if d.verdict != RuleVerdict::Approve {
                continue;
            }
            b.would_approve += 1;
            if let Some(v) = &d.net_value {
                add(&mut b.expected_net_value, v);
            }
            if let Some(posted) = p.posted {
                b.with_known_outcome += 1;
                b.posted += u32::from(posted);
                if let Some(v) = &p.realized_net_value {
                    add(&mut b.realized_net_value, v);
                }
            }
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{assess_request, PostModel, PostSignals, ProductEconomics, SalesHistory};
    use scout_domain::{BasisPoints, Currency};

    fn usd(minor: i64) -> Money {
        Money::new(minor, Currency::usd())
    }

    fn assessed(id: &str, f90_bp: u32, with_economics: bool) -> SampleAssessment {
        let s = PostSignals {
            fulfilment_90d: Some(BasisPoints(f90_bp)),
            median_views: Some(10_000),
            ..Default::default()
        };
        let h = SalesHistory { posts: 20, views: 1_000_000, paid_orders: 2_000 };
        let e = ProductEconomics {
            product_id: "p1".into(),
            price: Some(usd(2_999)),
            margin: BasisPoints(4_000),
            sample_cost: usd(850),
            shipping: usd(400),
        };
        assess_request(id, "p1", &PostModel::Default, &s, &h, with_economics.then_some(&e))
    }

    #[test]
    fn the_rule_approves_over_both_thresholds_up_to_the_days_limit_best_first() {
        let rule = SampleRule { daily_limit: 2, ..SampleRule::example(Currency::usd()) };
        let a = [
            assessed("a", 10_000, true),
            assessed("b", 9_000, true),
            assessed("c", 9_500, true),
            assessed("d", 3_000, true),
            assessed("e", 9_000, false),
        ];
        let d = decide(&rule, &a, 0);
        let verdicts: Vec<_> = d.iter().map(|d| d.verdict).collect();
        assert_eq!(
            verdicts,
            [
                RuleVerdict::Approve,
                RuleVerdict::Leave,
                RuleVerdict::Approve,
                RuleVerdict::Leave,
                RuleVerdict::Leave
            ]
        );
        assert!(d[1].reason.contains("approvals are used"), "{}", d[1].reason);
        assert!(d[3].reason.contains("below 60 %"), "{}", d[3].reason);
        assert!(d[4].reason.contains("no margin"), "{}", d[4].reason);
        assert!(d[0].reason.starts_with("approved by the rule: P(post) 81 % ≥ 60 %"), "{}", d[0].reason);
        let after_one = decide(&rule, &a, 1);
        assert_eq!(
            after_one.iter().filter(|d| d.verdict == RuleVerdict::Approve).count(),
            1,
            "one approval left today"
        );
        let strict = SampleRule { reject_below: true, ..rule };
        assert_eq!(decide(&strict, &a, 0)[3].verdict, RuleVerdict::Reject);
        assert!(SampleRule { min_p_post: 1.5, ..strict }
            .check()
            .unwrap_err()
            .to_string()
            .starts_with("min_p_post"));
    }

    #[test]
    fn the_backtest_counts_per_day_and_only_known_outcomes() {
        let rule = SampleRule { daily_limit: 1, ..SampleRule::example(Currency::usd()) };
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let past = vec![
            PastRequest {
                assessment: assessed("a", 10_000, true),
                requested_on: day(1),
                posted: Some(true),
                realized_net_value: Some(usd(10_000)),
            },
            PastRequest {
                assessment: assessed("b", 10_000, true),
                requested_on: day(1),
                posted: Some(false),
                realized_net_value: Some(usd(-1_250)),
            },
            PastRequest {
                assessment: assessed("c", 9_000, true),
                requested_on: day(2),
                posted: None,
                realized_net_value: None,
            },
            PastRequest {
                assessment: assessed("d", 9_000, false),
                requested_on: day(2),
                posted: None,
                realized_net_value: None,
            },
        ];
        let b = backtest(&rule, &past);
        assert_eq!(
            (b.requests, b.would_approve, b.with_known_outcome, b.posted, b.net_value_unknown),
            (4, 2, 1, 1, 1)
        );
        assert_eq!(
            b.realized_net_value,
            Some(usd(10_000)),
            "only a, approved on day 1 (b lost to the limit)"
        );
        assert_eq!((b.from, b.to), (Some(day(1)), Some(day(2))));
    }
}
