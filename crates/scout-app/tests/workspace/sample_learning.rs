//! Learning who posts from the fake TikTok Shop's labelled-synthetic sample history: the sync reads the
//! ended statuses and the posted content, P(post) is trained and compared with TikTok's signals alone,
//! used only once adopted, and the pending requests get P(post), expected GMV and net value (unknown
//! without the product's economics); the rule is off until backtested and turned on.

use super::marketplace::connected;
use scout_app::{AppError, EconomicsInput, SampleStatus, ENDED_SAMPLE_STATUSES};
use scout_match::samples::{RuleVerdict, SampleRule, DEFAULT_POST_MODEL_VERSION};

#[tokio::test]
async fn the_history_is_synced_learned_from_adopted_and_the_pending_requests_valued() {
    if !scout_testkit::keychain_tests_enabled("the_history_is_synced_learned_from") {
        return;
    }
    let (_dir, ws, api) = connected("sample-learning").await;
    let first = ws.sync_sample_requests().await.unwrap();
    assert!(first.errors.is_empty() && first.unreadable.is_empty(), "{first:?}");
    let h = &first.history;
    let ended: Vec<SampleStatus> = h.by_status.iter().map(|c| c.status).collect();
    assert_eq!(ended, ENDED_SAMPLE_STATUSES, "every ended status read");
    assert!(h.fetched > 100, "the seeded history's rejected, overdue, unfulfilled …: {h:?}");
    assert!(h.contents_checked > 50 && h.contents_new > 50, "posts fetched for completed requests: {h:?}");
    let second = ws.sync_sample_requests().await.unwrap();
    assert_eq!(second.history.contents_new, 0, "a post is new once: {:?}", second.history);
    assert_eq!(second.history.contents_checked, 0, "content is re-read at most once a day");

    // Rejected on TikTok Shop: the next sync gives it its real ended status.
    let pending = ws.list_sample_requests(Some(SampleStatus::Pending), 50, 0).await.unwrap();
    let gone = pending.rows[0].application_id.clone();
    api.set_sample_status(&gone, "REJECT_CANCELLED");
    let third = ws.sync_sample_requests().await.unwrap();
    assert_eq!(third.no_longer_listed, std::slice::from_ref(&gone));
    assert_eq!(third.history.ended.len(), 1);
    assert_eq!(
        (third.history.ended[0].application_id.as_str(), third.history.ended[0].status),
        (gone.as_str(), SampleStatus::RejectCancelled)
    );

    // The card before training: the default in use, the outcomes counted, the selection said.
    let card = ws.post_model_card().await.unwrap();
    assert_eq!((card.in_use, card.learned.len()), (None, 0));
    assert!(card.outcomes.examples >= 150, "{:?}", card.outcomes);
    let rate = card.outcomes.base_rate.unwrap();
    assert!((0.2..0.6).contains(&rate), "the fake's posting share: {rate}");
    assert!(card.note.contains("selected by the seller's own past decisions"), "{}", card.note);

    let trained = ws.train_post_model().await.unwrap();
    assert!(trained.simulated, "a history from the fake API is marked simulated");
    assert!(!trained.in_use, "training never adopts");
    let e = &trained.evaluation;
    assert_eq!(e.learned.examples, e.default.examples, "the same test set");
    assert!(e.test_from >= e.train_from);
    assert!(e.learned.brier < e.default.brier, "learned beats TikTok's reading on Brier: {e:?}");
    let assessed = ws.assess_sample_requests(None).await.unwrap();
    assert_eq!(assessed.len(), 11, "the pending requests");
    assert!(
        assessed.iter().all(|a| a.chance.model_version == DEFAULT_POST_MODEL_VERSION),
        "default until adopted"
    );
    assert!(assessed.iter().all(|a| a.net_value.is_none() && a.net_value_evidence.contains("no margin")));

    ws.adopt_post_model(trained.id).await.unwrap();
    let product = assessed[0].product_id.clone();
    let refused = ws
        .set_sample_economics(&EconomicsInput {
            product_id: product.clone(),
            margin: "140%".into(),
            sample_cost: "8.50".into(),
            shipping: "4.00".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(&refused, AppError::InvalidField { field, .. } if field == "margin"), "{refused}");
    for p in ["1729000000000000001", "1729000000000000002", "1729000000000000004"] {
        ws.set_sample_economics(&EconomicsInput {
            product_id: p.into(),
            price: Some("20.00".into()),
            margin: "40%".into(),
            sample_cost: "8.50".into(),
            shipping: "4.00".into(),
            currency: None,
        })
        .await
        .unwrap();
    }
    let assessed = ws.assess_sample_requests(None).await.unwrap();
    let a = &assessed[0];
    assert_eq!(a.chance.model_version, trained.model.version, "the adopted model");
    assert!(a.expected_gmv.is_some() && a.net_value.is_some(), "{a:?}");
    let sum = a.chance.baseline + a.chance.factors.iter().map(|f| f.points).sum::<f64>() / 100.0;
    assert!((sum - a.chance.p_post).abs() < 1e-9, "explained exactly");
    assert_eq!(a.net_value.as_ref().unwrap().currency.code(), "USD");

    // The rule: off until backtested, then on; its decisions are only what it would do.
    let rule = ws.sample_rule().await.unwrap();
    assert!(!rule.enabled && !rule.saved);
    let no = ws.turn_sample_rule(true).await.unwrap_err();
    assert!(no.to_string().contains("backtest"), "{no}");
    let b = ws.backtest_sample_rule(scout_app::BACKTEST_DAYS).await.unwrap();
    assert!(b.requests > 50 && b.with_known_outcome <= b.would_approve, "{b:?}");
    assert!(b.posted <= b.with_known_outcome);
    let on = ws.turn_sample_rule(true).await.unwrap();
    assert!(on.enabled && on.backtested_at.is_some());
    let looser = SampleRule { min_p_post: 0.3, ..on.rule.clone() };
    assert!(!ws.set_sample_rule(&looser).await.unwrap().enabled, "a change turns it off");
    let decisions = ws.rule_decisions(&assessed, 0).await.unwrap();
    assert_eq!(decisions.len(), assessed.len());
    assert!(decisions.iter().all(|d| !d.reason.is_empty()));
    let approved = decisions.iter().filter(|d| d.verdict == RuleVerdict::Approve).count();
    assert!(approved <= 20);
    assert!(api.sample_reviews().is_empty(), "deciding sends nothing");
}
