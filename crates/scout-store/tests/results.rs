//! Results integration tests: order lines written, skipped when unchanged, attributed as they are
//! written and again when collaborations change, assigned by hand for good, summed for the report, and
//! finished collaborations recorded as outcomes.
#![allow(clippy::unwrap_used)]

mod common;
use chrono::{Days, NaiveDate, Utc};
use common::{import, record, store};
use scout_domain::{
    BasisPoints, Currency, Handle, ImportCounts, ImportKind, ImportReport, OrderLine, Platform,
    ResultsFileKind, Settlement, Stage, VideoResult,
};
use scout_store::{ResultsOutcome, Store};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn line(order: &str, handle: &str, days_ago: u64, payment: i64) -> OrderLine {
    OrderLine {
        order_id: order.into(),
        sku_id: "S1".into(),
        product_id: None,
        product_name: Some("Glow vitamin C serum 30 ml".into()),
        creator: Some(Handle::parse(handle).unwrap()),
        content_type: Some("Video".into()),
        content_id: None,
        quantity: 2,
        currency: Currency::usd(),
        unit_price: Some(payment / 2),
        payment,
        refund: 0,
        units_refunded: 0,
        status: Some("Completed".into()),
        commission_rate: Some(BasisPoints(1_500)),
        commission_estimated: payment * 15 / 100,
        commission_actual: None,
        settlement: Settlement::Pending,
        created_at: (today() - Days::new(days_ago)).and_hms_opt(10, 0, 0).unwrap(),
        paid_at: None,
        delivered_at: None,
        commission_paid_at: None,
        target_collaboration_id: None,
    }
}

fn report(created: u64, updated: u64, unchanged: u64) -> ImportReport {
    let counts = ImportCounts {
        rows_total: created + updated + unchanged,
        created,
        updated,
        unchanged,
        ..ImportCounts::default()
    };
    ImportReport { counts, ..ImportReport::new("orders.csv".into(), ImportKind::Orders) }
}

async fn write(store: &Store, lines: &[OrderLine]) -> Vec<(ResultsOutcome, Option<i64>)> {
    let mut s = store.begin_results_import("orders.csv", ResultsFileKind::Orders, "h").await.unwrap();
    let out = s
        .write_orders(lines)
        .await
        .unwrap()
        .into_iter()
        .map(|(o, a)| (o, a.map(|a| a.campaign_id)))
        .collect();
    s.commit(&report(0, 0, 0)).await.unwrap();
    out
}

/// A campaign with "ann" invited today and "bob" only shortlisted.
async fn setup(store: &Store) -> (i64, i64, i64) {
    import(store, "c.csv", 1, vec![record("ann", Some(1_000), None), record("bob", Some(2_000), None)]).await;
    let ann = store.creator_id(Platform::TikTok, &Handle::parse("ann").unwrap()).await.unwrap().unwrap();
    let bob = store.creator_id(Platform::TikTok, &Handle::parse("bob").unwrap()).await.unwrap().unwrap();
    let spec: scout_domain::CampaignSpec =
        serde_json::from_str(include_str!("../../../fixtures/campaigns/example.json")).unwrap();
    let campaign = store.create_campaign(&spec, false).await.unwrap().id;
    store.shortlist_add(campaign, ann).await.unwrap();
    store.shortlist_add(campaign, bob).await.unwrap();
    store.move_stage(campaign, ann, Stage::Invited, "offer sent").await.unwrap();
    (campaign, ann, bob)
}

#[tokio::test]
async fn lines_are_created_then_unchanged_then_updated_and_attributed_as_written() {
    let (_dir, store) = store().await;
    let (campaign, _, _) = setup(&store).await;
    let lines = vec![
        line("1", "ann", 0, 4_800),
        line("2", "bob", 0, 2_400),
        line("3", "zoe", 0, 2_400),
        line("4", "ann", 1, 2_400),
    ];
    let first = write(&store, &lines).await;
    assert_eq!(
        first,
        vec![
            (ResultsOutcome::Created, Some(campaign)),
            (ResultsOutcome::Created, None),
            (ResultsOutcome::Created, None),
            (ResultsOutcome::Created, None),
        ],
        "ann is invited today: her order of today counts, not yesterday's; bob is only shortlisted; zoe is unknown"
    );
    let again = write(&store, &lines).await;
    assert!(
        again.iter().all(|(o, _)| *o == ResultsOutcome::Unchanged),
        "the same file changes nothing: {again:?}"
    );
    let mut refunded = lines.clone();
    refunded[0].refund = 2_400;
    refunded[0].units_refunded = 1;
    let third = write(&store, &refunded).await;
    assert_eq!(third[0].0, ResultsOutcome::Updated, "a partial refund arrived");
    assert_eq!(third[1].0, ResultsOutcome::Unchanged);

    let counts = store.attribution_counts(None).await.unwrap();
    assert_eq!((counts.attributed, counts.unattributed), (1, 3));
    let open = store.unattributed_orders(0, 10).await.unwrap();
    let reasons: Vec<(&str, &str)> = open.iter().map(|u| (u.order_id.as_str(), u.reason.as_str())).collect();
    assert!(reasons.contains(&("3", "@zoe has no collaboration in any campaign")), "{reasons:?}");
    assert!(reasons.contains(&("2", "@bob has no collaboration in any campaign")), "{reasons:?}");
    let yesterday = today() - Days::new(1);
    let early = format!("ordered {yesterday}, outside @ann's collaboration window ({} to ", today());
    assert!(reasons.iter().any(|(o, r)| *o == "4" && r.starts_with(&early)), "{reasons:?}");
}

#[tokio::test]
async fn a_new_collaboration_claims_old_orders_and_a_hand_assignment_survives_reimport() {
    let (_dir, store) = store().await;
    let (campaign, _, bob) = setup(&store).await;
    let lines = vec![line("2", "bob", 0, 2_400), line("3", "zoe", 0, 2_400)];
    write(&store, &lines).await;
    store.move_stage(campaign, bob, Stage::Invited, "offer sent").await.unwrap();
    store.reattribute_orders().await.unwrap();
    let counts = store.attribution_counts(Some(campaign)).await.unwrap();
    assert_eq!(counts.attributed, 1, "bob's order joined the campaign once he was invited");

    let zoe_line = store.unattributed_orders(0, 10).await.unwrap()[0].line_id;
    let refused = store.assign_orders(&[zoe_line], campaign, 999).await.unwrap_err();
    assert!(refused.to_string().contains("not on campaign"), "{refused}");
    assert_eq!(store.assign_orders(&[zoe_line], campaign, bob).await.unwrap(), 1);
    let mut changed = lines.clone();
    changed[1].status = Some("Delivered".into());
    let out = write(&store, &changed).await;
    assert_eq!(
        out[1],
        (ResultsOutcome::Updated, None),
        "the file's zoe line has no collaboration of its own"
    );
    assert_eq!(
        store.attribution_counts(Some(campaign)).await.unwrap().attributed,
        2,
        "the hand assignment stays"
    );
    assert!(store.unattributed_orders(0, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn report_inputs_sum_lines_and_count_distinct_orders_and_the_funnel() {
    let (_dir, store) = store().await;
    let (campaign, ann, _) = setup(&store).await;
    let mut a = line("1", "ann", 0, 4_800);
    let mut b = line("1", "ann", 0, 2_400);
    b.sku_id = "S2".into(); // the same order, a second SKU
    a.settlement = Settlement::Settled;
    a.commission_actual = Some(700);
    b.refund = 2_400;
    b.units_refunded = 2;
    b.settlement = Settlement::Ineligible;
    write(&store, &[a, b, line("9", "zoe", 1, 1_000)]).await;
    let inputs = store.report_inputs(Some(campaign)).await.unwrap();
    assert_eq!(inputs.sales.len(), 1, "one currency, collaboration, product and week");
    let s = inputs.sales[0].sums;
    assert_eq!((s.units_sold, s.units_refunded, s.gmv, s.refunds), (4, 2, 7_200, 2_400));
    assert_eq!((s.commission_estimated, s.commission_paid, s.commission_pending), (720, 700, 0));
    assert_eq!(inputs.orders.total, vec![("USD".to_string(), 1)], "two SKUs, one order");
    let all = store.report_inputs(None).await.unwrap();
    assert_eq!(all.orders.total, vec![("USD".to_string(), 2)], "zoe's order is in the workspace total");
    assert_eq!(inputs.funnel.shortlisted, 2);
    assert_eq!(
        (inputs.funnel.invited, inputs.funnel.replied, inputs.funnel.sold),
        (1, 0, 0),
        "sold without posting"
    );

    // A video export shows ann posted after her invitation: she posted, and so her sales count as sold.
    let mut s = store.begin_results_import("videos.xlsx", ResultsFileKind::Videos, "v").await.unwrap();
    let video = VideoResult {
        video_id: "7301".into(),
        creator: Handle::parse("ann").unwrap(),
        link: None,
        posted_on: Some(today()),
        currency: Currency::usd(),
        gmv: Some(4_800),
        items_sold: Some(4),
        orders: Some(1),
        impressions: Some(12_000),
        likes: None,
        comments: None,
        commission_estimated: None,
    };
    assert_eq!(s.write_video(&video).await.unwrap(), ResultsOutcome::Created);
    s.commit(&report(1, 0, 0)).await.unwrap();
    let inputs = store.report_inputs(Some(campaign)).await.unwrap();
    assert_eq!((inputs.funnel.posted, inputs.funnel.sold), (1, 1), "the video counts as her post");

    // Finishing the collaboration makes it an outcome, once.
    store.move_stage(campaign, ann, Stage::Replied, "yes").await.unwrap();
    store.move_stage(campaign, ann, Stage::Declined, "changed her mind").await.unwrap();
    assert_eq!(store.record_pipeline_outcomes().await.unwrap(), 1);
    assert_eq!(store.record_pipeline_outcomes().await.unwrap(), 0, "nothing new the second time");
    let outcome = store.outcomes().await.unwrap().into_iter().find(|o| o.creator_id == ann).unwrap();
    assert!(
        outcome.replied && !outcome.accepted && outcome.posted,
        "posted, as her video shows: {outcome:?}"
    );
    assert_eq!(outcome.gmv_minor, 7_200 - 2_400);
    assert_eq!(outcome.cost_minor, 700, "the paid commission");
    assert_eq!(store.own_outcome_counts(None).await.unwrap(), (1, 1));
}
