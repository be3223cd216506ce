//! Results integration tests: order lines written, skipped when unchanged, attributed as they are
//! written and again when collaborations change, assigned by hand for good, summed for the report, and
//! finished collaborations recorded as outcomes.
#![allow(clippy::unwrap_used)]

mod common;
use chrono::{Days, NaiveDate, Utc};
use common::{import, record, store};
use scout_domain::{
    BasisPoints, Currency, Handle, ImportCounts, ImportKind, ImportReport, OrderLine, Period, Platform,
    ResultsFileKind, Settlement, Stage, UnattributedQuery, VideoResult,
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

#[tokio::test]
async fn a_period_narrows_the_sums_the_counts_and_the_unattributed_lines() {
    let (_dir, store) = store().await;
    let (campaign, _, _) = setup(&store).await;
    // ann's orders of today count for the campaign; zoe's of today and of 40 days ago do not.
    write(&store, &[line("1", "ann", 0, 4_800), line("2", "zoe", 0, 1_000), line("3", "zoe", 40, 2_500)])
        .await;
    let last_30 = Period::new(Some(today() - Days::new(29)), Some(today()));
    let inputs = store.report_inputs_in(None, last_30).await.unwrap();
    assert_eq!(inputs.orders.total, vec![("USD".to_string(), 2)], "the order of 40 days ago is left out");
    let gmv: i64 = inputs.sales.iter().map(|g| g.sums.gmv).sum();
    assert_eq!(gmv, 5_800);
    let weeks: i64 = inputs.weekly.iter().map(|g| g.sums.gmv).sum();
    assert_eq!(weeks, 5_800, "the weekly chart too");
    let before = Period::new(None, Some(today() - Days::new(30)));
    let old = store.report_inputs_in(None, before).await.unwrap();
    assert_eq!(old.sales.iter().map(|g| g.sums.gmv).sum::<i64>(), 2_500);
    assert_eq!(old.funnel.shortlisted, 0, "nobody was added to the campaign back then");
    assert_eq!(store.report_inputs_in(Some(campaign), last_30).await.unwrap().funnel.shortlisted, 2);
    let one_day = Period::new(Some(today()), Some(today()));
    assert_eq!(
        store.report_inputs_in(None, one_day).await.unwrap().orders.total[0].1,
        2,
        "the last day counts"
    );

    let counts = store.attribution_counts_in(None, last_30).await.unwrap();
    assert_eq!((counts.attributed, counts.unattributed), (1, 1));
    let q = UnattributedQuery { from: last_30.from, to: last_30.to, ..Default::default() };
    let open = store.unattributed_orders_in(&q, 0, 10).await.unwrap();
    assert_eq!(open.iter().map(|o| o.order_id.as_str()).collect::<Vec<_>>(), vec!["2"]);
    let zoe = UnattributedQuery { creator: Some("@Zoe".into()), ..Default::default() };
    assert_eq!(store.unattributed_orders_in(&zoe, 0, 10).await.unwrap().len(), 2, "one creator, any time");
}

#[tokio::test]
async fn unattributed_lines_are_grouped_by_creator_with_orders_payment_per_currency_and_dates() {
    let (_dir, store) = store().await;
    setup(&store).await;
    let mut gbp = line("5", "zoe", 3, 1_500);
    gbp.currency = Currency::parse("GBP").unwrap();
    let mut second_sku = line("4", "zoe", 1, 700);
    second_sku.sku_id = "S2".into();
    let mut nobody = line("9", "zoe", 2, 300);
    nobody.creator = None;
    write(
        &store,
        &[
            line("4", "zoe", 1, 1_000),
            second_sku,
            gbp,
            line("6", "bob", 2, 2_000),
            nobody,
            line("7", "ann", 9, 100),
        ],
    )
    .await;
    let page = store.unattributed_groups(&UnattributedQuery::default(), 0, 10).await.unwrap();
    assert_eq!((page.total, page.lines), (4, 6), "zoe, bob, ann (before her invitation) and no creator");
    let zoe = &page.groups[0];
    assert_eq!(zoe.creator.as_deref(), Some("@zoe"));
    assert_eq!((zoe.orders, zoe.lines), (2, 3), "two orders, one of them with two SKUs");
    let paid: Vec<(i64, &str)> = zoe.payment.iter().map(|m| (m.minor, m.currency.code())).collect();
    assert_eq!(paid, vec![(1_700, "USD"), (1_500, "GBP")], "never added across currencies");
    assert_eq!(zoe.first_at.date(), today() - Days::new(3));
    assert_eq!(zoe.last_at.date(), today() - Days::new(1));
    assert_eq!(zoe.creator_id, None, "zoe is not in the workspace");
    assert_eq!(zoe.reason, "@zoe has no collaboration in any campaign");
    let bob = page.groups.iter().find(|g| g.creator.as_deref() == Some("@bob")).unwrap();
    assert!(bob.creator_id.is_some(), "bob can be credited");
    assert_eq!(bob.campaigns, vec!["Example: Glow serum launch".to_string()], "he is shortlisted there");
    assert!(page.groups.iter().any(|g| g.creator.is_none() && g.lines == 1), "lines naming no creator");
    let paged = store.unattributed_groups(&UnattributedQuery::default(), 1, 2).await.unwrap();
    assert_eq!(paged.groups.len(), 2);
    assert_eq!(paged.total, 4);
    let recent = UnattributedQuery { from: Some(today() - Days::new(2)), ..Default::default() };
    let recent = store.unattributed_groups(&recent, 0, 10).await.unwrap();
    assert_eq!((recent.total, recent.lines), (3, 4), "ann's and zoe's older lines are outside the period");
}

#[tokio::test]
async fn crediting_an_order_makes_the_collaboration_on_the_spot_and_claims_the_creators_other_orders() {
    let (_dir, store) = store().await;
    let (campaign, _, _) = setup(&store).await;
    import(&store, "more.csv", 2, vec![record("cal", Some(5_000), None)]).await;
    let cal = store.creator_id(Platform::TikTok, &Handle::parse("cal").unwrap()).await.unwrap().unwrap();
    let mut other_product = line("13", "cal", 7, 900);
    other_product.product_name = Some("Night cream".into());
    let mut not_cal = line("14", "zoe", 7, 900);
    not_cal.sku_id = "S9".into();
    write(&store, &[line("11", "cal", 10, 2_000), line("12", "cal", 5, 3_000), other_product, not_cal]).await;
    let open = store
        .unattributed_orders_in(
            &UnattributedQuery { creator: Some("cal".into()), ..Default::default() },
            0,
            10,
        )
        .await
        .unwrap();
    let first = open.iter().find(|o| o.order_id == "11").unwrap().line_id;
    let zoe_line = store
        .unattributed_orders(0, 10)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.order_id == "14")
        .unwrap()
        .line_id;

    let refused = store.credit_preview(&[zoe_line], campaign, cal).await.unwrap_err();
    assert!(refused.to_string().contains("came through @zoe"), "{refused}");

    let preview = store.credit_preview(&[first], campaign, cal).await.unwrap();
    assert_eq!(preview.stage_now, None, "cal is in no campaign");
    assert_eq!(preview.moves, vec![Stage::Shortlisted, Stage::Invited, Stage::Agreed, Stage::ContentPosted]);
    assert_eq!(
        (preview.lines, preview.other_lines, preview.other_orders),
        (1, 1, 1),
        "order 12, same product"
    );
    assert_eq!(preview.other_payment[0].minor, 3_000);
    assert_eq!(preview.window_from, today() - Days::new(10), "the window opens with the credited order");
    assert_eq!(preview.window_to, today() - Days::new(10) + Days::new(90));
    assert_eq!(preview.creator, "@cal");

    let done = store.credit_orders(&[first], campaign, cal).await.unwrap();
    assert_eq!((done.lines, done.other_lines, done.stage), (1, 1, Stage::ContentPosted));
    assert_eq!(store.stage(campaign, cal).await.unwrap(), Some(Stage::ContentPosted));
    let timeline = store.timeline(cal).await.unwrap();
    assert_eq!(timeline.len(), 4, "entered, invited, agreed, posted: {timeline:?}");
    assert!(timeline.iter().all(|e| e.cause.starts_with(scout_store::CREDITED_BY_HAND)), "{timeline:?}");
    let left: Vec<String> = store
        .unattributed_orders_in(
            &UnattributedQuery { creator: Some("cal".into()), ..Default::default() },
            0,
            10,
        )
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.order_id)
        .collect();
    assert_eq!(left, vec!["13".to_string()], "only the other product's order is left");
    store.reattribute_orders().await.unwrap();
    assert_eq!(store.attribution_counts(Some(campaign)).await.unwrap().attributed, 2, "and it stays claimed");

    // Crediting again where the creator already posted moves nothing and says so on the timeline.
    let again = store.credit_preview(&[zoe_line], campaign, cal).await;
    assert!(again.is_err(), "zoe's order is still not cal's");
    store.move_stage(campaign, cal, Stage::Completed, "done").await.unwrap();
    let bob = store.creator_id(Platform::TikTok, &Handle::parse("bob").unwrap()).await.unwrap().unwrap();
    store.move_stage(campaign, bob, Stage::Withdrawn, "not a fit").await.unwrap();
    let mut bob_line = line("15", "bob", 1, 500);
    bob_line.sku_id = "S1".into();
    write(&store, &[bob_line]).await;
    let bob_open = store
        .unattributed_orders_in(
            &UnattributedQuery { creator: Some("bob".into()), ..Default::default() },
            0,
            10,
        )
        .await
        .unwrap();
    let refused = store.credit_preview(&[bob_open[0].line_id], campaign, bob).await.unwrap_err();
    assert!(
        matches!(
            &refused,
            scout_store::StoreError::Domain(scout_domain::DomainError::InvalidRecord {
                field: "campaign",
                ..
            })
        ),
        "{refused}"
    );
}
